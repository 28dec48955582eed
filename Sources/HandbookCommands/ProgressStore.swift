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
    ///
    /// `startedAt`, `checks`, `passedAt`, `secondsToPass`, `hintsShown` and
    /// `gaveUp` describe the current attempt (`practice start --reset` begins
    /// a new one); `attempts`, `passes`, `bestSecondsToPass` and `giveUps`
    /// add up every attempt, so starting over never erases a pass.
    struct ExerciseProgress: Codable, Equatable, Sendable {
        var startedAt: Date?
        /// `practice check` runs in this attempt.
        var checks = 0
        /// The first passing check of this attempt.
        var passedAt: Date?
        /// From this attempt's start to its first pass.
        var secondsToPass: Int?
        /// How many hint tiers were revealed in this attempt.
        var hintsShown = 0
        /// Whether the solution was shown before a pass in this attempt.
        var gaveUp = false
        /// `practice start` runs, the first one included.
        var attempts = 0
        /// Attempts that passed.
        var passes = 0
        /// The fastest pass over every attempt.
        var bestSecondsToPass: Int?
        /// Attempts that ended with `practice solution --give-up`.
        var giveUps = 0

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
            attempts = try container.decodeIfPresent(Int.self, forKey: .attempts) ?? (startedAt == nil ? 0 : 1)
            passes = try container.decodeIfPresent(Int.self, forKey: .passes) ?? (passedAt == nil ? 0 : 1)
            bestSecondsToPass = try container.decodeIfPresent(Int.self, forKey: .bestSecondsToPass) ?? secondsToPass
            giveUps = try container.decodeIfPresent(Int.self, forKey: .giveUps) ?? (gaveUp ? 1 : 0)
        }

        /// A new attempt: its own clock, checks, hints and pass. The totals stay.
        mutating func beginAttempt(at date: Date) {
            attempts += 1
            startedAt = date
            checks = 0
            passedAt = nil
            secondsToPass = nil
            hintsShown = 0
            gaveUp = false
        }

        /// Records a passing check; only the first pass of an attempt counts.
        mutating func recordPass(at date: Date) {
            guard passedAt == nil else { return }
            passedAt = date
            passes += 1
            secondsToPass = startedAt.map { Int(date.timeIntervalSince($0)) }
            if let seconds = secondsToPass { bestSecondsToPass = min(bestSecondsToPass ?? seconds, seconds) }
        }
    }

    /// One bug hunt (`handbook hunt`), keyed by a digest of the experiment it
    /// planted, so the file does not give the bug away.
    struct HuntProgress: Codable, Equatable, Sendable {
        /// The experiment's id, once revealed (a pass or a give-up).
        var experiment: String?
        var startedAt: Date?
        var checks = 0
        /// When the lesson's tests first passed again.
        var foundAt: Date?
        /// Revealed with `hunt check --give-up` before a pass.
        var gaveUp = false

        init(startedAt: Date? = nil) { self.startedAt = startedAt }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            experiment = try container.decodeIfPresent(String.self, forKey: .experiment)
            startedAt = try container.decodeIfPresent(Date.self, forKey: .startedAt)
            checks = try container.decodeIfPresent(Int.self, forKey: .checks) ?? 0
            foundAt = try container.decodeIfPresent(Date.self, forKey: .foundAt)
            gaveUp = try container.decodeIfPresent(Bool.self, forKey: .gaveUp) ?? false
        }
    }

    /// One finished mock interview.
    struct MockResult: Codable, Equatable, Sendable {
        /// "coding" or "design".
        var kind: String
        /// The exercise or design question id.
        var item: String
        var startedAt: Date
        var endedAt: Date
        /// Coding mocks only.
        var passed: Bool?
        var secondsUsed: Int
        var minutes: Int
        var complexity: String?
        var edgeCases: String?
    }

    struct Document: Codable, Equatable, Sendable {
        var lessons: [String: LessonProgress] = [:]
        var exercises: [String: ExerciseProgress] = [:]
        var hunts: [String: HuntProgress] = [:]
        /// Review cards' schedules, by card id.
        var cards: [String: ReviewSchedule.State] = [:]
        /// Finished mock interviews, oldest first.
        var mocks: [MockResult] = []

        init(
            lessons: [String: LessonProgress] = [:], exercises: [String: ExerciseProgress] = [:],
            hunts: [String: HuntProgress] = [:], cards: [String: ReviewSchedule.State] = [:]
        ) {
            self.lessons = lessons
            self.exercises = exercises
            self.hunts = hunts
            self.cards = cards
        }

        /// Files written before exercises (or hunts, or cards) existed lack those keys.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            lessons = try container.decodeIfPresent([String: LessonProgress].self, forKey: .lessons) ?? [:]
            exercises = try container.decodeIfPresent([String: ExerciseProgress].self, forKey: .exercises) ?? [:]
            hunts = try container.decodeIfPresent([String: HuntProgress].self, forKey: .hunts) ?? [:]
            cards = try container.decodeIfPresent([String: ReviewSchedule.State].self, forKey: .cards) ?? [:]
            mocks = try container.decodeIfPresent([MockResult].self, forKey: .mocks) ?? []
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
        return unusedPath(
            in: file.deletingLastPathComponent(),
            named: "\(file.lastPathComponent).unreadable-\(formatter.string(from: now))")
    }

    /// `<directory>/<name>`, or `<name>-2`, `-3`, … : the first that does not exist.
    static func unusedPath(in directory: URL, named name: String) -> URL {
        var candidate = directory.appendingPathComponent(name)
        var counter = 1
        while FileManager.default.fileExists(atPath: candidate.path) {
            counter += 1
            candidate = directory.appendingPathComponent("\(name)-\(counter)")
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
