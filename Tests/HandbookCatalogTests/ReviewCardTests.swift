import Foundation
import HandbookCatalog
import HandbookTestSupport
import Testing

/// Review cards are claims: each names the test that proves it. These tests
/// check the deck's coverage and that every named test exists in the card's
/// own lesson (the root suite then runs it).
@Suite("Review cards")
struct ReviewCardTests {
    let workspace = Workspace(root: PackagePaths.root)

    @Test("at least 300 cards, at least 3 per lesson, ids unique, each seed question and checklist item verbatim")
    func coverage() {
        #expect(Catalogue.cards.count >= 300)
        let ids = Catalogue.cards.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate card ids")
        for lesson in Catalogue.lessons {
            let count = Catalogue.cards.count { $0.lesson == lesson.id }
            #expect(count >= 3, "\(lesson.id) has \(count) cards")
        }
        for question in Seed.questions {
            #expect(
                Catalogue.cards.contains { $0.kind == .seedQuestion && $0.question == question },
                "no card for the seed question \(question)")
        }
        for item in Seed.checklist {
            #expect(
                Catalogue.cards.contains { $0.kind == .checklist && $0.question == item },
                "no card for the checklist item \(item)")
        }
    }

    @Test("every card's test is a test function of its own lesson's suite")
    func testsExist() throws {
        var sources: [String: String] = [:]
        for card in Catalogue.cards {
            let lesson = try #require(Catalogue.lesson(id: card.lesson), "\(card.id): unknown lesson")
            let parts = card.test.split(separator: "/", maxSplits: 1).map(String.init)
            try #require(parts.count == 2, "\(card.id): not a Suite/test() id: \(card.test)")
            let suite = parts[0].split(separator: ".").last.map(String.init) ?? ""
            let file = try #require(
                lesson.tests.first { $0.hasSuffix("/\(suite).swift") },
                "\(card.id): \(suite) is not \(lesson.id)'s suite")
            #expect(parts[0] == "\(lesson.module)Tests.\(suite)", "\(card.id): module prefix")
            let function = String(parts[1].prefix { $0 != "(" })
            if sources[file] == nil { sources[file] = try workspace.read(file) }
            #expect(sources[file]!.contains("func \(function)("), "\(card.id): no test \(function) in \(file)")
        }
    }

    @Test("questions and answers are short enough to recall, and answers are not empty")
    func sizes() {
        for card in Catalogue.cards {
            #expect(card.question.count >= 15 && card.answer.count >= 10, "\(card.id)")
            #expect(card.answer.count <= 700, "\(card.id): an answer to recall, not an essay")
        }
    }
}
