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

    func run() throws {
        let style = Style.standardOutput
        let workspace = try? Workspace.locate()
        var out = [style.bold("Swift Backend Interview Handbook — learning path"), ""]
        out.append("Study each lesson: read the file → run its tests → break it → modify it.")
        for phase in Catalogue.modules.map(\.phase).uniquedInOrder() {
            out.append("")
            out.append(style.bold("Phase \(phase): \(Seed.phases[phase] ?? "")"))
            for module in Catalogue.modules where module.phase == phase {
                let lessons = Catalogue.lessons(in: module)
                out.append("")
                out.append(
                    "  \(style.accent(module.name)) — \(module.summary)  \(style.dim("(seed: \(module.seedPackage.name)/)"))"
                )
                let width = lessons.map(\.id.count).max() ?? 0
                for (index, lesson) in lessons.enumerated() {
                    let count = workspace.map { "\($0.testCount(of: lesson)) tests" } ?? ""
                    let padded = lesson.id.padding(toLength: width, withPad: " ", startingAt: 0)
                    out.append(
                        "    \(String(format: "%2d", index + 1)). \(padded)  \(lesson.title)  \(style.dim(count))")
                }
                out.append("    read:  \(module.readme)")
                out.append("    run:   swift test --filter \(module.testFilter)")
            }
        }
        out.append("")
        out.append(style.bold("Next steps"))
        if let first = Catalogue.lessons.first {
            out.append("  swift run handbook show \(first.id)    the first lesson: what to read, run and break")
        }
        out.append("  swift run handbook list                   every lesson id (add --json for tools)")
        out.append("  swift test                                 every lesson's tests")
        out.append("  swift test --sanitize=thread               the same under ThreadSanitizer (Go's -race)")
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
