import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook show <lesson-id>`: the lesson's teaching text, files, the exact
/// test command and its break-it experiments.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one lesson: why it matters, where it is, how to run and break it.")

    @Argument(help: "A lesson id, e.g. basics.value-vs-reference (see `handbook list`).")
    var lessonID: String

    @Flag(help: "Print the lesson's catalogue entry as JSON.")
    var json = false

    func run() throws {
        try reporting {
            let lesson = try requireLesson(lessonID)
            if json {
                print(try CatalogueJSON.encode([lesson]))
                return
            }
            let style = Style.standardOutput
            let workspace = try Workspace.locate()
            let text = try workspace.text(of: lesson)
            var out = [
                style.bold("\(lesson.title)  \(style.dim("[\(lesson.id) · \(lesson.module) · phase \(lesson.phase)]"))")
            ]
            if let facts = Catalogue.facts[lesson.id] {
                out.append(
                    style.dim(
                        "\(facts.difficulty.rawValue) · about \(facts.studyMinutes) min · \(facts.priority.rawValue)"))
            }
            if !text.summary.isEmpty { out += ["", text.summary] }
            if !lesson.seedTopics.isEmpty { out += ["", "Seed topics: \(lesson.seedTopics.joined(separator: "; "))"] }
            for heading in LessonText.shownSections {
                guard let body = text.section(heading) else { continue }
                out += ["", style.accent(heading), body.indented(by: 2)]
            }
            if let complexity = Catalogue.facts[lesson.id]?.complexity, !complexity.isEmpty {
                out += ["", style.accent("Complexity, as the code documents it")]
                out += complexity.map { entry in
                    "  \(entry.operation): \(entry.time)" + (entry.space.map { ", space \($0)" } ?? "")
                }
            }
            out += ["", style.accent("Files")]
            out += lesson.sources.map { "  read:  \($0)" } + lesson.tests.map { "  tests: \($0)" }
            let inPackage = lesson.package.map { "cd \($0) && " } ?? ""
            out += [
                "", style.accent("Run it (\(workspace.testCount(of: lesson)) tests)"),
                "  \(inPackage)swift test --filter '\(lesson.testFilter)'",
                "  (or: swift run handbook test \(lesson.id))",
            ]
            out += ["", style.accent("Break it")]
            for experiment in lesson.experiments {
                out.append("  \(style.bold(experiment.id))  (\(experiment.expect.rawValue))")
                out.append("    in \(experiment.file), replace:")
                out.append(experiment.original.indented(by: 6))
                out.append("    with:")
                out.append(experiment.replacement.isEmpty ? "      (nothing)" : experiment.replacement.indented(by: 6))
                out.append("    then run: \(inPackage)swift test --filter '\(experiment.caughtBy)'")
                out.append(experiment.teaches.wrapped(width: 96).indented(by: 4))
            }
            let exercises = Catalogue.exercises.filter { $0.lesson == lesson.id }
            if !exercises.isEmpty {
                out += ["", style.accent("Practise it")]
                out += exercises.map {
                    "  swift run handbook practice start \($0.id)  (\($0.difficulty.rawValue), \($0.minutes) min)"
                }
            }
            let cards = Catalogue.cards.filter { $0.lesson == lesson.id }
            if !cards.isEmpty {
                out += [
                    "",
                    style.accent("Remember it (\(cards.count) review cards: handbook review --lesson \(lesson.id))"),
                ]
                out += cards.map { "  · " + ($0.question.split(separator: "\n").first.map(String.init) ?? "") }
            }
            print(out.joined(separator: "\n"))
        }
    }
}

extension String {
    /// Greedy word wrap; keeps existing line breaks.
    func wrapped(width: Int) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ") {
                if !current.isEmpty, current.count + 1 + word.count > width {
                    lines.append(current)
                    current = ""
                }
                current += current.isEmpty ? String(word) : " " + word
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    func indented(by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(
            separator: "\n")
    }
}
