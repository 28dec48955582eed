import Foundation
import HandbookCatalog

/// What the learner has done, kept outside the repository:
/// `$HANDBOOK_PROGRESS_FILE`, else `$XDG_CONFIG_HOME/handbook/progress.json`,
/// else `~/.config/handbook/progress.json`.
struct ProgressStore: Sendable {
    struct LessonProgress: Codable, Equatable, Sendable {
        /// The result of the last `handbook test` run.
        var testsPassed: Bool?
        /// Experiments that behaved as catalogued when the learner broke them.
        var brokenExperiments: [String] = []
    }

    struct Document: Codable, Equatable, Sendable {
        var lessons: [String: LessonProgress] = [:]
    }

    var file: URL

    static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit = environment["HANDBOOK_PROGRESS_FILE"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return config.appendingPathComponent("handbook/progress.json")
    }

    func load() -> Document {
        guard let data = FileManager.default.contents(atPath: file.path),
            let document = try? JSONDecoder().decode(Document.self, from: data)
        else { return Document() }
        return document
    }

    func update(_ change: (inout Document) -> Void) throws {
        var document = load()
        change(&document)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(document).write(to: file, options: .atomic)
    }

    func recordTest(lesson: String, passed: Bool) throws {
        try update { $0.lessons[lesson, default: LessonProgress()].testsPassed = passed }
    }

    func recordBreak(lesson: String, experiment: String) throws {
        try update { document in
            var progress = document.lessons[lesson, default: LessonProgress()]
            if !progress.brokenExperiments.contains(experiment) { progress.brokenExperiments.append(experiment) }
            document.lessons[lesson] = progress
        }
    }
}

extension ProgressStore.Document {
    /// A lesson is done when its tests passed and at least one of its
    /// experiments was broken and caught.
    func isDone(_ lesson: Lesson) -> Bool {
        guard let progress = lessons[lesson.id] else { return false }
        return progress.testsPassed == true && !progress.brokenExperiments.isEmpty
    }

    /// A seed checklist item is ticked when every lesson that answers it is done.
    func isTicked(_ item: String) -> Bool {
        let answering = Catalogue.lessons.filter { $0.checklist.contains(item) }
        return !answering.isEmpty && answering.allSatisfy(isDone)
    }
}
