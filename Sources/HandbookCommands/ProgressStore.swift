import Foundation
import HandbookCatalog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the learner has done, kept outside the repository:
/// `$HANDBOOK_PROGRESS_FILE`, else `$XDG_CONFIG_HOME/handbook/progress.json`,
/// else `~/.config/handbook/progress.json`.
///
/// The store never loses what it cannot read: a file that does not decode is
/// left untouched by readers, and the first write moves it aside to a
/// backup (named in the returned ``Update``) before it starts a new one.
/// Writers take an exclusive `flock` on a sibling lock file for the whole
/// read-modify-write, so two commands running at once (`handbook break`
/// beside `handbook test`) cannot overwrite each other's update.
struct ProgressStore: Sendable {
    struct LessonProgress: Codable, Equatable, Sendable {
        /// The result of the last `handbook test` run.
        var testsPassed: Bool?
        /// Experiments that behaved as catalogued when the learner broke them.
        var brokenExperiments: [String] = []
    }

    /// One practice exercise: what the learner did, for `handbook progress`.
    struct ExerciseProgress: Codable, Equatable, Sendable {
        var startedAt: Date?
        /// `practice check` runs.
        var checks = 0
        /// The first passing check.
        var passedAt: Date?
        /// From the (last) start to the first pass.
        var secondsToPass: Int?
        /// How many hint tiers were revealed.
        var hintsShown = 0
        /// Whether the solution was shown before a pass.
        var gaveUp = false

        init(
            startedAt: Date? = nil, checks: Int = 0, passedAt: Date? = nil, secondsToPass: Int? = nil,
            hintsShown: Int = 0, gaveUp: Bool = false
        ) {
            self.startedAt = startedAt
            self.checks = checks
            self.passedAt = passedAt
            self.secondsToPass = secondsToPass
            self.hintsShown = hintsShown
            self.gaveUp = gaveUp
        }

        /// Tolerant: a missing field takes its default, so a hand-edited entry
        /// or a file from another version never makes the whole store unreadable.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            startedAt = try container.decodeIfPresent(Date.self, forKey: .startedAt)
            checks = try container.decodeIfPresent(Int.self, forKey: .checks) ?? 0
            passedAt = try container.decodeIfPresent(Date.self, forKey: .passedAt)
            secondsToPass = try container.decodeIfPresent(Int.self, forKey: .secondsToPass)
            hintsShown = try container.decodeIfPresent(Int.self, forKey: .hintsShown) ?? 0
            gaveUp = try container.decodeIfPresent(Bool.self, forKey: .gaveUp) ?? false
        }
    }

    struct Document: Codable, Equatable, Sendable {
        var lessons: [String: LessonProgress] = [:]
        var exercises: [String: ExerciseProgress] = [:]

        init(lessons: [String: LessonProgress] = [:], exercises: [String: ExerciseProgress] = [:]) {
            self.lessons = lessons
            self.exercises = exercises
        }

        /// Files written before exercises existed have no `exercises` key.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            lessons = try container.decodeIfPresent([String: LessonProgress].self, forKey: .lessons) ?? [:]
            exercises = try container.decodeIfPresent([String: ExerciseProgress].self, forKey: .exercises) ?? [:]
        }
    }

    /// What reading the file found.
    struct Snapshot: Sendable {
        var document: Document
        /// Why the file could not be used, when it exists but does not decode
        /// (the document is then empty, and the file is left as it was).
        var problem: String?
    }

    /// What a write did besides saving the change.
    struct Update: Sendable {
        /// Where an unreadable previous file was moved, if there was one.
        var backup: URL?
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

    /// The saved document, or an empty one when there is no file yet or it
    /// cannot be read (see ``read()`` to learn which).
    func load() -> Document { read().document }

    /// Reads the file without changing it.
    func read() -> Snapshot {
        guard FileManager.default.fileExists(atPath: file.path) else { return Snapshot(document: Document()) }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return Snapshot(document: Document(), problem: "it cannot be read")
        }
        do {
            return Snapshot(document: try JSONDecoder().decode(Document.self, from: data))
        } catch {
            return Snapshot(document: Document(), problem: "it is not a progress document (\(error))")
        }
    }

    /// Applies `change` to the saved document under an exclusive lock.
    ///
    /// An unreadable file is first moved to a backup next to it; the change
    /// then starts from an empty document, and the backup is reported.
    @discardableResult
    func update(_ change: (inout Document) -> Void) throws -> Update {
        let directory = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try withExclusiveLock {
            let snapshot = read()
            var backup: URL?
            if snapshot.problem != nil {
                let target = Self.backupLocation(for: file)
                try FileManager.default.moveItem(at: file, to: target)
                backup = target
            }
            var document = snapshot.document
            change(&document)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(document).write(to: file, options: .atomic)
            return Update(backup: backup)
        }
    }

    @discardableResult
    func recordTest(lesson: String, passed: Bool) throws -> Update {
        try update { $0.lessons[lesson, default: LessonProgress()].testsPassed = passed }
    }

    @discardableResult
    func recordBreak(lesson: String, experiment: String) throws -> Update {
        try update { document in
            var progress = document.lessons[lesson, default: LessonProgress()]
            if !progress.brokenExperiments.contains(experiment) { progress.brokenExperiments.append(experiment) }
            document.lessons[lesson] = progress
        }
    }

    /// Records with `record`, and tells the learner on standard error when an
    /// unreadable file was backed up or the progress could not be saved; the
    /// command itself goes on (progress is a convenience, the result is not).
    static func saving(_ record: () throws -> Update) {
        do {
            if let backup = try record().backup {
                FileHandle.standardError.write(
                    Data("note: the progress file could not be read; it was kept as \(backup.path)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("warning: progress not saved: \(error)\n".utf8))
        }
    }

    /// `progress.json.unreadable-<UTC time>[-n]`, never an existing path.
    static func backupLocation(for file: URL, now: Date = Date()) -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = "\(file.lastPathComponent).unreadable-\(formatter.string(from: now))"
        var candidate = file.deletingLastPathComponent().appendingPathComponent(base)
        var counter = 1
        while FileManager.default.fileExists(atPath: candidate.path) {
            counter += 1
            candidate = file.deletingLastPathComponent().appendingPathComponent("\(base)-\(counter)")
        }
        return candidate
    }

    /// Runs `body` holding an exclusive `flock` on `<file>.lock`.
    ///
    /// `flock` locks belong to the open file description, so two updates in
    /// one process (each opening the lock file) exclude each other as two
    /// processes do; the kernel drops the lock if the process dies.
    private func withExclusiveLock<T>(_ body: () throws -> T) throws -> T {
        let lockPath = file.path + ".lock"
        let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw LockError(path: lockPath, code: errno) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw LockError(path: lockPath, code: errno) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    struct LockError: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "cannot lock \(path): \(String(cString: strerror(code)))" }
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
