import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook experiments [<lesson-id>] [--json]`: the break-it experiments.
struct Experiments: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List break-it experiments (all, or one lesson's).")

    @Argument(help: "Only this lesson's experiments.")
    var lessonID: String?

    @Flag(help: "Print as JSON: {\"experiments\": [...]}, each with its lesson id.")
    var json = false

    struct Entry: Encodable {
        var lesson: String
        var experiment: Experiment

        enum CodingKeys: String, CodingKey { case lesson, id, file, original, replacement, caughtBy, expect, teaches }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(lesson, forKey: .lesson)
            try container.encode(experiment.id, forKey: .id)
            try container.encode(experiment.file, forKey: .file)
            try container.encode(experiment.original, forKey: .original)
            try container.encode(experiment.replacement, forKey: .replacement)
            try container.encode(experiment.caughtBy, forKey: .caughtBy)
            try container.encode(experiment.expect, forKey: .expect)
            try container.encode(experiment.teaches, forKey: .teaches)
        }
    }

    func entries() throws -> [Entry] {
        let lessons = try lessonID.map { [try requireLesson($0)] } ?? Catalogue.lessons
        return lessons.flatMap { lesson in lesson.experiments.map { Entry(lesson: lesson.id, experiment: $0) } }
    }

    func run() throws {
        try reporting {
            let entries = try entries()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(["experiments": entries]), as: UTF8.self))
                return
            }
            let width = entries.map(\.experiment.id.count).max() ?? 0
            for entry in entries {
                let id = entry.experiment.id.padding(toLength: width, withPad: " ", startingAt: 0)
                print(
                    "\(id)  \(entry.experiment.expect.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0))  \(entry.lesson)"
                )
            }
            print("\(entries.count) experiments. Try one: swift run handbook break <id>")
        }
    }
}
