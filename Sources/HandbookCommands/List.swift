import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook list [--json]`: every lesson, or the whole catalogue as JSON.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every lesson (--json: the full catalogue).")

    @Flag(help: "Print the catalogue as JSON: {\"lessons\": [...]}.")
    var json = false

    func run() throws {
        if json {
            print(try CatalogueJSON.encode(Catalogue.lessons))
            return
        }
        let width = Catalogue.lessons.map(\.id.count).max() ?? 0
        for lesson in Catalogue.lessons {
            print("\(lesson.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(lesson.title)")
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
