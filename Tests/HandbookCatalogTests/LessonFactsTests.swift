import Foundation
import HandbookCatalog
import HandbookTestSupport
import Testing

/// Every lesson carries the facts a study plan needs; Phase 4 lessons carry
/// the complexity their code documents.
@Suite("Lesson facts")
struct LessonFactsTests {
    @Test("every lesson has facts with a plausible study time; only Phase 4 lessons state complexity, and all do")
    func everyLessonHasFacts() {
        #expect(Set(Catalogue.facts.keys) == Set(Catalogue.lessons.map(\.id)))
        for lesson in Catalogue.lessons {
            guard let facts = Catalogue.facts[lesson.id] else { continue }
            #expect((10...180).contains(facts.studyMinutes), "\(lesson.id): \(facts.studyMinutes) min")
            #expect(facts.complexity.isEmpty == (lesson.phase != 4), "\(lesson.id): complexity only in Phase 4")
        }
    }

    @Test("every stated complexity is the one the lesson's source documents")
    func complexityMatchesTheSource() throws {
        let workspace = Workspace(root: PackagePaths.root)
        // Doc comments wrap and emphasise (`O(*n*)`): compare without spaces, `///` and `*`.
        func normalized(_ text: String) -> String {
            text.replacingOccurrences(of: "///", with: "").filter { !$0.isWhitespace && $0 != "*" }
        }
        for lesson in Catalogue.lessons {
            guard let facts = Catalogue.facts[lesson.id], !facts.complexity.isEmpty else { continue }
            let source = normalized(try lesson.sources.map { try workspace.read($0) }.joined())
            for entry in facts.complexity {
                for term in [entry.time] + (entry.space.map { [$0] } ?? []) {
                    // Each O(…) term, or the whole phrase when it has none ("exponential in …").
                    let claims = term.matches(of: /O\([^)]*\)/).map { String($0.output) }
                    for claim in claims.isEmpty ? [term] : claims {
                        #expect(
                            source.contains(normalized(claim)),
                            "\(lesson.id) \(entry.operation): \(claim) is not in the source")
                    }
                }
            }
        }
    }

    @Test("lessons that answer a seed checklist item or question are essential")
    func seedTopicsAreEssential() {
        for lesson in Catalogue.lessons where !lesson.checklist.isEmpty || !lesson.questions.isEmpty {
            #expect(Catalogue.facts[lesson.id]?.priority == .essential, "\(lesson.id)")
        }
    }

    @Test("the mix is a plan's mix: some essentials, some deep dives, every difficulty")
    func mix() {
        let priorities = Set(Catalogue.facts.values.map(\.priority))
        let difficulties = Set(Catalogue.facts.values.map(\.difficulty))
        #expect(priorities == Set(LessonFacts.Priority.allCases))
        #expect(difficulties == Set(LessonFacts.Difficulty.allCases))
    }
}
