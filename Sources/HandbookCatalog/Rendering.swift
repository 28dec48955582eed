import Foundation

/// Text the `handbook` command prints and the READMEs embed, generated from
/// the catalogue so that no page can drift from the code.
public enum Rendering {
    /// Markers around generated blocks in Markdown files.
    public static let beginMarker = "<!-- BEGIN GENERATED: handbook map -->"
    public static let endMarker = "<!-- END GENERATED: handbook map -->"

    /// The root README's map: one table per phase, one row per module.
    public static func readmeMap() -> String {
        var lines: [String] = []
        for phase in Catalogue.modules.map(\.phase).uniqued() {
            lines.append("### Phase \(phase): \(Catalogue.phases[phase] ?? "")")
            lines.append("")
            let fromSeed = Catalogue.modules.contains { $0.phase == phase && $0.fromSeed }
            lines.append("| Module | Seed package | \(fromSeed ? "Seed topics" : "Topics") | Lessons |")
            lines.append("|:--|:--|:--|:--|")
            for module in Catalogue.modules where module.phase == phase {
                let lessons = Catalogue.lessons(in: module)
                let links = lessons.map { "[\($0.title)](\($0.sources[0]))" }.joined(separator: " · ")
                let seed = module.fromSeed ? "`\(module.seedPackage.name)/`" : "— (beyond the seed)"
                lines.append(
                    "| [`\(module.name)`](\(module.readme)) | \(seed) | "
                        + "\(module.seedPackage.topics.joined(separator: ", ")) | \(links) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n").trimmingWhitespace
    }

    /// A module README's lesson table, in study order. Paths are relative to
    /// the README (which sits in `Sources/<Module>/`).
    public static func moduleMap(_ module: Catalogue.Module) -> String {
        var lines = [
            "| # | Lesson | \(module.fromSeed ? "Seed topics" : "Topics") | Run it | Break it |",
            "|:--|:--|:--|:--|:--|",
        ]
        for (index, lesson) in Catalogue.lessons(in: module).enumerated() {
            let source = lesson.sources[0].split(separator: "/").last.map(String.init) ?? lesson.sources[0]
            let topics = lesson.seedTopics.isEmpty ? "Swift extra" : lesson.seedTopics.joined(separator: "; ")
            let experiments = lesson.experiments.map { "`\($0.id)`" }.joined(separator: ", ")
            // Several suites join with `|`: quoted for the shell, escaped for the table cell.
            let filter =
                lesson.tests.count > 1
                ? "'" + lesson.testFilter.split(separator: "|").joined(separator: "\\|") + "'" : lesson.testFilter
            lines.append(
                "| \(index + 1) | [\(lesson.title)](\(source)) | \(topics) | "
                    + "`\(module.package.map { "cd \($0) && " } ?? "")swift test --filter \(filter)` | \(experiments) |"
            )
        }
        let exercises = Catalogue.exercises.filter { exercise in
            Catalogue.lesson(id: exercise.lesson)?.module == module.name
        }
        if !exercises.isEmpty {
            lines += [
                "",
                "Practise: write the answer yourself, judged by the lesson's tests "
                    + "(`swift run handbook practice start <id>`).",
                "",
                "| Exercise | Lesson | Difficulty | Budget |",
                "|:--|:--|:--|:--|",
            ]
            for exercise in exercises {
                let title = Catalogue.lesson(id: exercise.lesson)?.title ?? exercise.lesson
                lines.append(
                    "| `\(exercise.id)` | \(title) | \(exercise.difficulty.rawValue) | \(exercise.minutes) min |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Replaces the generated block between the markers in `document`.
    /// Returns nil when the markers are missing.
    public static func replacingGeneratedBlock(in document: String, with block: String) -> String? {
        guard let begin = document.range(of: beginMarker), let end = document.range(of: endMarker),
            begin.upperBound <= end.lowerBound
        else { return nil }
        return String(document[..<begin.upperBound]) + "\n" + block + "\n" + String(document[end.lowerBound...])
    }

    /// The generated block currently in `document`, if the markers are there.
    public static func generatedBlock(in document: String) -> String? {
        guard let begin = document.range(of: beginMarker), let end = document.range(of: endMarker),
            begin.upperBound <= end.lowerBound
        else { return nil }
        return String(document[begin.upperBound..<end.lowerBound]).trimmingWhitespace
    }
}

extension Sequence where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
