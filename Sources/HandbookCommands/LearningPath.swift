import ArgumentParser
import Foundation
import HandbookCatalog

/// The default command: the learning path by phase, with test counts and the
/// commands to study each module.
struct LearningPath: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Show the learning path by phase (the default)."
    )

    @Flag(help: "Print the path as JSON: phases, modules, lessons and test counts.")
    var json = false

    struct PathJSON: Encodable {
        struct Module: Encodable {
            var name: String
            var phase: Int
            var seedPackage: String
            var readme: String
            var testFilter: String
            var lessons: [LessonEntry]
        }
        struct LessonEntry: Encodable {
            var id: String
            var title: String
            var tests: Int?
        }
        var modules: [Module]
    }

    func run() throws {
        let style = Style.standardOutput
        let workspace = try? Workspace.locate()
        if json {
            let modules = Catalogue.modules.map { module in
                PathJSON.Module(
                    name: module.name, phase: module.phase, seedPackage: module.seedPackage.name, readme: module.readme,
                    testFilter: module.testFilter,
                    lessons: Catalogue.lessons(in: module).map {
                        .init(id: $0.id, title: $0.title, tests: workspace?.testCount(of: $0))
                    })
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(PathJSON(modules: modules)), as: UTF8.self))
            return
        }
        var out = [style.bold("Swift Backend Interview Handbook — learning path"), ""]
        out.append("Study each lesson: read the file → run its tests → break it → modify it.")
        for phase in Catalogue.modules.map(\.phase).uniquedInOrder() {
            out.append("")
            out.append(style.bold("Phase \(phase): \(Catalogue.phases[phase] ?? "")"))
            for module in Catalogue.modules where module.phase == phase {
                let lessons = Catalogue.lessons(in: module)
                out.append("")
                out.append(
                    "  \(style.accent(module.name)) — \(module.summary)  \(style.dim(module.fromSeed ? "(seed: \(module.seedPackage.name)/)" : "(beyond the seed)"))"
                )
                let width = lessons.map(\.id.count).max() ?? 0
                for (index, lesson) in lessons.enumerated() {
                    let count = workspace.map { "\($0.testCount(of: lesson)) tests" } ?? ""
                    let padded = lesson.id.padding(toLength: width, withPad: " ", startingAt: 0)
                    out.append(
                        "    \(String(format: "%2d", index + 1)). \(padded)  \(lesson.title)  \(style.dim(count))")
                }
                out.append("    read:  \(module.readme)")
                let inPackage = module.package.map { "cd \($0) && " } ?? ""
                out.append("    run:   \(inPackage)swift test --filter \(module.testFilter)")
            }
        }
        out.append("")
        out.append(style.bold("Next steps"))
        var steps: [(String, String)] = []
        if let first = Catalogue.lessons.first {
            steps.append(("swift run handbook show \(first.id)", "the first lesson: what to read, run and break"))
        }
        steps += [
            ("swift run handbook test <lesson-id>", "run one lesson's tests"),
            ("swift run handbook break <experiment-id>", "break a key line and watch the test catch it"),
            ("swift run handbook progress", "what you have run and broken so far"),
            ("swift run handbook list", "every lesson id (add --json for tools)"),
            ("swift test", "every lesson's tests"),
            ("swift test --sanitize=thread", "the same under ThreadSanitizer (Go's -race)"),
        ]
        let width = steps.map(\.0.count).max() ?? 0
        out += steps.map { "  \($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1)" }
        if workspace == nil {
            out.append("")
            out.append(style.dim("(test counts need the repository: run inside it or set HANDBOOK_ROOT)"))
        }
        print(out.joined(separator: "\n"))
    }
}

extension Sequence where Element: Hashable {
    func uniquedInOrder() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
