import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook list [--json]`: every lesson, or the whole catalogue as JSON.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every lesson (--json: the full catalogue).")

    @Flag(help: "Print the catalogue as JSON: {\"lessons\": [...]}.")
    var json = false
    @Option(help: "Only lessons of this phase (1-5).") var phase: Int?
    @Option(help: "Only lessons of this difficulty: easy, medium or hard.") var difficulty: String?
    @Option(help: "Only lessons of this priority: essential, recommended or deep-dive.") var priority: String?

    func run() throws {
        try reporting {
            let lessons = try List.filter(phase: phase, difficulty: difficulty, priority: priority)
            if json {
                print(try CatalogueJSON.encode(lessons))
                return
            }
            let width = lessons.map(\.id.count).max() ?? 0
            for lesson in lessons {
                let facts = Catalogue.facts[lesson.id].map {
                    "  [\($0.difficulty.rawValue), \($0.studyMinutes) min, \($0.priority.rawValue)]"
                }
                print(
                    "\(lesson.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(lesson.title)\(facts ?? "")")
            }
        }
    }

    /// The lessons that match every given filter, in learning-path order.
    /// - Throws: ``HandbookError/badArguments(_:)`` for a value that names nothing.
    static func filter(phase: Int?, difficulty: String?, priority: String?) throws -> [Lesson] {
        if let phase, Catalogue.phases[phase] == nil {
            throw HandbookError.badArguments("no phase \(phase): phases are \(Catalogue.phaseRange)")
        }
        let level = try difficulty.map { name in
            guard let found = LessonFacts.Difficulty(rawValue: name) else {
                throw HandbookError.badArguments("no difficulty '\(name)': use easy, medium or hard")
            }
            return found
        }
        let rank = try priority.map { name in
            guard let found = LessonFacts.Priority(rawValue: name) else {
                throw HandbookError.badArguments("no priority '\(name)': use essential, recommended or deep-dive")
            }
            return found
        }
        return Catalogue.lessons.filter { lesson in
            let facts = Catalogue.facts[lesson.id]
            return (phase == nil || lesson.phase == phase) && (level == nil || facts?.difficulty == level)
                && (rank == nil || facts?.priority == rank)
        }
    }
}

enum CatalogueJSON {
    struct Document: Encodable {
        var lessons: [Lesson]
    }

    static func encode(_ lessons: [Lesson]) throws -> String {
        let encoder = JSONEncoder()
        // Sorted keys: the same catalogue always prints the same bytes, so tools can diff it.
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(lessons: lessons)), as: UTF8.self)
    }
}
