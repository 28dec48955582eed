import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook practice`: write a lesson's answer yourself, with its tests as
/// the judge. Hints come one tier at a time; the reference is shown only
/// after a pass (or an explicit `--give-up`, which is recorded).
struct Practice: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the answer yourself: exercises judged by the lesson's own tests.",
        subcommands: [
            ListExercises.self, Start.self, Check.self, Watch.self, Hint.self, Solution.self, Verify.self,
        ],
        defaultSubcommand: ListExercises.self
    )

    struct ListExercises: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the exercises with difficulty, budget and your status.")

        func run() throws {
            let progress = ProgressStore(file: ProgressStore.defaultFile()).load()
            for exercise in Catalogue.exercises {
                print(Practice.listLine(for: exercise, progress: progress.exercises[exercise.id]))
            }
            print("\nStart one: swift run handbook practice start <id>")
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the exercise's workspace (never over your work without --reset).")
        @Argument(help: "An exercise id (see `handbook practice`).") var id: String
        @Flag(help: "Delete the workspace and what you wrote in it, and start over.") var reset = false
        @Option(help: "Where workspaces live (default: .practice/ in the checkout).") var dir: String?

        func run() throws {
            try reporting {
                let (exercise, practice, workspace) = try Practice.locate(id, dir: dir)
                do {
                    try practice.create(from: workspace, reset: reset)
                } catch let error as PracticeWorkspace.WorkspaceError {
                    throw HandbookError.practice(error.description)
                }
                Practice.recordStart(exercise, store: ProgressStore(file: ProgressStore.defaultFile()))
                print(practice.readme)
                print("Workspace: \(practice.root.path)")
                print("Edit: \(practice.learnerFile.path)")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the judging tests against your code and say which pass.")
        @Argument(help: "An exercise id.") var id: String
        @Option(help: "Where workspaces live (default: .practice/ in the checkout).") var dir: String?

        func run() throws {
            try reporting {
                Interrupts.install()
                let (exercise, practice, _) = try Practice.locate(id, dir: dir)
                let report = try Practice.check(
                    exercise, in: practice, toolchain: try Toolchain.locate(),
                    store: ProgressStore(file: ProgressStore.defaultFile()))
                print(report.text)
                if !report.passed { throw HandbookError.testsFailed(id) }
            }
        }
    }

    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-run the check every time you save; Ctrl-C to stop.")
        @Argument(help: "An exercise id.") var id: String
        @Option(help: "Where workspaces live (default: .practice/ in the checkout).") var dir: String?
        @Option(help: "How often to look for a save, in milliseconds.") var interval = 500

        func run() throws {
            try reporting {
                Interrupts.install()
                let (exercise, practice, _) = try Practice.locate(id, dir: dir)
                try Practice.watch(
                    exercise, in: practice, toolchain: try Toolchain.locate(),
                    store: ProgressStore(file: ProgressStore.defaultFile()),
                    show: { report in
                        print("\u{1B}[2J\u{1B}[H", terminator: "")  // clear the screen
                        print(report.text)
                        if !report.passed {
                            print("\nWatching \(practice.learnerFile.path) — save to re-check, Ctrl-C to stop.")
                        }
                    },
                    pause: { try Interrupts.sleep(seconds: Double(max(interval, 50)) / 1000) })
            }
        }
    }

    struct Hint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reveal the next hint tier, one at a time.")
        @Argument(help: "An exercise id.") var id: String

        func run() throws {
            try reporting {
                let (exercise, _) = try Practice.require(id)
                print(Practice.nextHint(exercise, store: ProgressStore(file: ProgressStore.defaultFile())))
            }
        }
    }

    struct Solution: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the reference and a diff against your code, after a pass.")
        @Argument(help: "An exercise id.") var id: String
        @Flag(help: "Show it before a pass; recorded as a give-up.") var giveUp = false
        @Option(help: "Where workspaces live (default: .practice/ in the checkout).") var dir: String?

        func run() throws {
            try reporting {
                let (exercise, practice, workspace) = try Practice.locate(id, dir: dir)
                try Practice.allowSolution(
                    exercise, store: ProgressStore(file: ProgressStore.defaultFile()), giveUp: giveUp)
                let reference = workspace.url(exercise.file)
                print("Reference: \(reference.path)")
                if FileManager.default.fileExists(atPath: practice.learnerFile.path) {
                    let diff = try ChildProcess.run(
                        URL(fileURLWithPath: "/usr/bin/env"),
                        [
                            "diff", "-u", "--label", "yours", "--label", "reference", practice.learnerFile.path,
                            reference.path,
                        ],
                        in: workspace.root)
                    print(diff.output.isEmpty ? "Your file is identical to the reference." : diff.output)
                } else {
                    print(try workspace.read(exercise.file))
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "For maintainers and CI: every exercise's stub compiles and fails, its reference passes.")
        @Option(help: "Only exercises of this lesson module (HandbookLeetCode or leetcode).") var module: String?

        /// Unbuffered, so CI shows each exercise as it is verified.
        private func say(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        func run() throws {
            try reporting {
                Interrupts.install()
                let workspace = try Workspace.locate()
                let toolchain = try Toolchain.locate()
                let base = FileManager.default.temporaryDirectory
                    .appendingPathComponent(
                        "handbook-practice-verify-\(WorkspaceMirror.stableHash(workspace.root.path))")
                try Practice.claim(base)
                let selected = try module.map { name in try requireModule(name).name }
                let exercises = Catalogue.exercises.filter { exercise in
                    selected == nil || Catalogue.lesson(id: exercise.lesson)?.module == selected
                }
                var failures: [String] = []
                let clock = ContinuousClock()
                for (module, group) in Dictionary(
                    grouping: exercises, by: { Catalogue.lesson(id: $0.lesson)?.module ?? "" }
                )
                .sorted(by: { $0.key < $1.key }) {
                    let started = clock.now
                    let results = try Practice.verify(
                        group, module: module, in: base.appendingPathComponent(module), from: workspace,
                        toolchain: toolchain, report: say)
                    failures += results.filter { !$0.ok }.map(\.id)
                    say("\(module): \(group.count) exercises in \((clock.now - started).roundedSeconds)")
                }
                if !failures.isEmpty {
                    throw HandbookError.practice("not as expected: \(failures.joined(separator: ", "))")
                }
                say("All \(exercises.count) exercises: stubs compile and fail, references pass.")
            }
        }
    }

    /// Verifies one module's exercises in one workspace: each exercise's stub
    /// (alone; every other file is the reference) must compile and fail its
    /// judging tests; then the reference, once for the module, must pass
    /// every exercise's judging tests. The build folder is kept between runs;
    /// the sources are written afresh, so a stale copy is never verified.
    static func verify(
        _ exercises: [Exercise], module: String, in root: URL, from workspace: Workspace, toolchain: Toolchain,
        report: (String) -> Void
    ) throws -> [(id: String, ok: Bool)] {
        guard let first = exercises.first else { return [] }
        let shell = PracticeWorkspace(exercise: first, lesson: try requireLesson(first.lesson), root: root)
        try shell.refresh(from: workspace)
        func run(_ writes: [(URL, String)], filter: String) throws -> (compiled: Bool, passed: Bool, summary: String) {
            try writeInANewSecond(writes)
            let outcome = try toolchain.run(
                ["test", "--filter", filter], in: root, environment: quietCrashes,
                timeout: .seconds(900), reaping: shell.buildFolder)
            let compiled = !outcome.output.contains(": error: ")
            let (passing, failing) = TestOutput.counts(in: outcome.output)
            let passed = outcome.exitCode == 0 && passing > 0 && failing == 0
            let crashed = outcome.exitCode != 0 && !outcome.output.contains("Test run with")
            let summary =
                !compiled
                ? "DOES NOT COMPILE: " + (TestOutput.failureLines(in: outcome.output, limit: 3).first ?? "")
                : passed
                    ? "passes (\(passing) tests)" : crashed ? "traps" : "fails (\(failing) of \(passing + failing))"
            return (compiled, passed, summary)
        }
        var results: [(id: String, ok: Bool)] = []
        var restore: [(URL, String)] = []
        for exercise in exercises {
            let practice = PracticeWorkspace(exercise: exercise, lesson: try requireLesson(exercise.lesson), root: root)
            let stub = try Stub.blanking(exercise.blanks, in: try workspace.read(exercise.file), exercise: exercise.id)
            // Put back the file the previous exercise stubbed, unless this one replaces it anyway.
            let writes = restore.filter { $0.0 != practice.learnerFile } + [(practice.learnerFile, stub)]
            let onStub = try run(writes, filter: practice.testFilter)
            restore = [(practice.learnerFile, try workspace.read(exercise.file))]
            let ok = onStub.compiled && !onStub.passed
            report("\(ok ? "ok  " : "BAD ") \(exercise.id): stub \(onStub.summary)")
            results.append((exercise.id, ok))
        }
        let filters = exercises.map { exercise in
            exercise.judgedBy ?? Catalogue.lesson(id: exercise.lesson)?.testFilter ?? ""
        }
        let onReference = try run(restore, filter: filters.uniquedInOrder().joined(separator: "|"))
        report("\(onReference.passed ? "ok  " : "BAD ") \(module) reference: \(onReference.summary)")
        return onReference.passed ? results : results.map { ($0.id, false) }
    }

    /// The watch loop: a check now, then one after every save, until a pass.
    /// `pause` waits between looks at the file (and throws on Ctrl-C).
    ///
    /// - Returns: the number of checks run.
    @discardableResult
    static func watch(
        _ exercise: Exercise, in practice: PracticeWorkspace, toolchain: Toolchain, store: ProgressStore,
        show: (Report) -> Void, pause: () throws -> Void
    ) throws -> Int {
        var seen: Date?
        var checks = 0
        while true {
            let modified = practice.learnerFileModified
            if checks == 0 || modified != seen {
                // Read before the check: a save during it has a later time,
                // so it is checked next round, not lost.
                seen = modified
                let report = try check(exercise, in: practice, toolchain: toolchain, store: store)
                checks += 1
                show(report)
                if report.passed { return checks }
            }
            try pause()
        }
    }

    /// One verify at a time per checkout: two would rewrite each other's
    /// files mid-build (seen here: a stub "did not compile" because the other
    /// run was writing the file). A POSIX record lock, held until this
    /// process exits, however it exits.
    static func claim(_ base: URL) throws {
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let descriptor = open(base.appendingPathComponent("lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)  // l_start = l_len = 0: the whole file
        guard descriptor >= 0, fcntl(descriptor, F_SETLK, &lock) == 0 else {
            throw HandbookError.practice(
                "another `practice verify` is using \(base.path); wait for it to finish, or stop it.")
        }
    }

    /// Writes the files in a later second than any build that ran before.
    ///
    /// The incremental build compares modification times at one-second
    /// resolution: a file rewritten within the second of the previous build's
    /// start is taken as unchanged and the old binary is tested (seen here:
    /// the reference "failed" with the stub's trap).
    static func writeInANewSecond(_ writes: [(URL, String)]) throws {
        let now = Date().timeIntervalSince1970
        Thread.sleep(forTimeInterval: now.rounded(.down) + 1.05 - now)
        for (file, text) in writes { try Data(text.utf8).write(to: file) }
    }

    /// The exercise, its workspace and the checkout, or exit 2 for an unknown id.
    static func locate(_ id: String, dir: String?) throws -> (Exercise, PracticeWorkspace, Workspace) {
        let (exercise, lesson) = try require(id)
        let workspace = try Workspace.locate()
        let practice = PracticeWorkspace(
            exercise: exercise, lesson: lesson,
            root: PracticeWorkspace.location(of: exercise, in: workspace, directory: dir))
        return (exercise, practice, workspace)
    }

    /// A new attempt begins: its clock starts now.
    static func recordStart(_ exercise: Exercise, store: ProgressStore, at date: Date = Date()) {
        ProgressStore.saving {
            try store.update { $0.exercises[exercise.id, default: .init()].beginAttempt(at: date) }
        }
    }

    /// The next hint tier (the last one again once all are shown), recorded.
    /// The tier is read and advanced under the store's lock, so two hint
    /// commands at once show two different tiers.
    static func nextHint(_ exercise: Exercise, store: ProgressStore) -> String {
        var tier = min(store.load().exercises[exercise.id]?.hintsShown ?? 0, exercise.hints.count - 1)
        ProgressStore.saving {
            try store.update { document in
                let shown = document.exercises[exercise.id]?.hintsShown ?? 0
                tier = min(shown, exercise.hints.count - 1)
                document.exercises[exercise.id, default: .init()].hintsShown = max(shown, tier + 1)
            }
        }
        let last = tier + 1 == exercise.hints.count ? "\n(That was the last hint.)" : ""
        return "Hint \(tier + 1) of \(exercise.hints.count): \(exercise.hints[tier])\(last)"
    }

    /// Throws unless this attempt has a pass or the learner gives up (recorded).
    static func allowSolution(_ exercise: Exercise, store: ProgressStore, giveUp: Bool) throws {
        let passed = store.load().exercises[exercise.id]?.passedAt != nil
        guard passed || giveUp else {
            throw HandbookError.practice(
                "no pass recorded for \(exercise.id) yet: keep going (`practice hint \(exercise.id)`), "
                    + "or use `--give-up` to see the reference now.")
        }
        if !passed {
            ProgressStore.saving {
                try store.update { document in
                    var progress = document.exercises[exercise.id, default: .init()]
                    if !progress.gaveUp { progress.giveUps += 1 }
                    progress.gaveUp = true
                    document.exercises[exercise.id] = progress
                }
            }
        }
    }

    /// An exercise and its lesson, or exit 2 with the closest ids.
    static func require(_ id: String) throws -> (Exercise, Lesson) {
        guard let exercise = Catalogue.exercise(withID: id) else {
            throw HandbookError.unknownExercise(
                id, suggestions: Suggestions.closest(to: id, in: Catalogue.exercises.map(\.id)))
        }
        return (exercise, try requireLesson(exercise.lesson))
    }

    static func listLine(for exercise: Exercise, progress: ProgressStore.ExerciseProgress?) -> String {
        let status: String
        if let progress, progress.passedAt != nil {
            status = "passed" + (progress.secondsToPass.map { " in \($0 / 60) min" } ?? "")
        } else if progress?.startedAt != nil {
            status = "started"
        } else {
            status = "·"
        }
        let id = exercise.id.padding(toLength: 48, withPad: " ", startingAt: 0)
        let difficulty = exercise.difficulty.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
        return "\(id) \(difficulty) \(String(exercise.minutes).leftPadded(to: 3)) min  \(status)"
    }

    /// What a check found, ready to print.
    struct Report {
        var passed: Bool
        var text: String
    }

    /// Runs the judging tests in the exercise's workspace and records the attempt.
    static func check(
        _ exercise: Exercise, in practice: PracticeWorkspace, toolchain: Toolchain, store: ProgressStore,
        now: () -> Date = Date.init
    ) throws -> Report {
        guard practice.isStarted else {
            throw HandbookError.practice(
                PracticeWorkspace.WorkspaceError.notStarted(exercise: exercise.id, path: practice.root.path)
                    .description)
        }
        let started = store.load().exercises[exercise.id]?.startedAt
        let judged = try judge(practice, toolchain: toolchain)
        var lines = judged.lines
        let date = now()
        if let started {
            let minutes = Int(date.timeIntervalSince(started) / 60)
            lines.append("Elapsed: \(minutes) of \(exercise.minutes) min.")
        }
        if judged.passed { lines.append("See the reference: swift run handbook practice solution \(exercise.id)") }
        ProgressStore.saving {
            try store.update { document in
                var progress = document.exercises[exercise.id, default: .init()]
                progress.checks += 1
                if judged.passed { progress.recordPass(at: date) }
                document.exercises[exercise.id] = progress
            }
        }
        return Report(passed: judged.passed, text: lines.joined(separator: "\n"))
    }

    /// Builds the workspace and runs its judging tests: whether they all
    /// pass, and what the learner needs to see.
    ///
    /// A stub that traps kills the test process, which would hide every
    /// other result; then each judging test runs on its own, so the learner
    /// sees which pass and which still trap.
    static func judge(_ practice: PracticeWorkspace, toolchain: Toolchain) throws -> (passed: Bool, lines: [String]) {
        guard FileManager.default.fileExists(atPath: practice.learnerFile.path) else {
            throw HandbookError.practice(
                PracticeWorkspace.WorkspaceError.learnerFileMissing(practice.learnerFile.path).description)
        }
        try practice.prepareBuild()
        // Build first with a long budget, then test with a short one: a loop
        // in the learner's code is reported as such within a minute, and the
        // test binary (which makes a process group of its own) is reaped.
        let build = try toolchain.run(
            ["build", "--build-tests"], in: practice.root, timeout: .seconds(900), reaping: practice.buildFolder)
        let compilerErrors = build.output.split(separator: "\n").filter { $0.contains(": error: ") }
        if build.exitCode != 0 {
            if compilerErrors.isEmpty {
                return (
                    false,
                    ["The workspace does not build:"] + TestOutput.failureLines(in: build.output).map { "  " + $0 }
                )
            }
            let yours = compilerErrors.filter { $0.contains("/" + practice.file + ":") }
            return (
                false, ["Does not compile:"] + (yours.isEmpty ? compilerErrors : yours).prefix(20).map { "  " + $0 }
            )
        }
        let outcome = try toolchain.run(
            ["test", "--skip-build", "--filter", practice.testFilter], in: practice.root, environment: quietCrashes,
            timeout: .seconds(60), reaping: practice.buildFolder)
        let (passing, failing) = TestOutput.counts(in: outcome.output)
        if outcome.exitCode == 0 && passing > 0 && failing == 0 {
            return (true, ["✔ All \(passing) judging tests pass."])
        }
        if outcome.timedOut {
            return (
                false,
                ["No result after 60 s: is there an infinite loop? (The test process was stopped.)"]
                    + TestOutput.failureLines(in: outcome.output, limit: 6).map { "  " + $0 }
            )
        }
        // A trap ends the process before Swift Testing prints its summary;
        // overflow traps and stack overflows print no message at all.
        if outcome.exitCode != 0 && !outcome.output.contains("Test run with") || outcome.output.contains(Stub.marker) {
            return (
                false,
                ["A test trapped, which stops the run; checking each test on its own:"]
                    + (try perTest(practice, toolchain: toolchain))
            )
        }
        return (
            false,
            ["\(passing) passed, \(failing) failed:"]
                + TestOutput.failureLines(in: outcome.output, limit: 12).map { "  " + $0 }
        )
    }

    /// A trapping stub is expected: skip the runtime's backtrace, which can
    /// take longer than the test itself on a cold, busy machine.
    static let quietCrashes = ["SWIFT_BACKTRACE": "enable=no"]

    /// Runs every judging test alone (the package is already built).
    static func perTest(_ practice: PracticeWorkspace, toolchain: Toolchain) throws -> [String] {
        let listing = try toolchain.run(
            ["test", "list", "--skip-build"], in: practice.root, timeout: .seconds(120), reaping: practice.buildFolder)
        let tests = TestOutput.tests(in: listing.output, matching: practice.testFilter)
        var lines: [String] = []
        for test in tests {
            let escaped = NSRegularExpression.escapedPattern(for: test)
            let outcome = try toolchain.run(
                // Anchored at the start only: Swift Testing matches more than the bare id.
                ["test", "--skip-build", "--filter", "^\(escaped)"], in: practice.root,
                environment: Practice.quietCrashes, timeout: .seconds(30),
                reaping: practice.buildFolder)
            let (passing, failing) = TestOutput.counts(in: outcome.output)
            let name = test.split(separator: "/").last.map(String.init) ?? test
            if outcome.exitCode == 0 && passing > 0 && failing == 0 {
                lines.append("  ✔ \(name)")
            } else if outcome.output.contains(Stub.marker) {
                lines.append("  ✘ \(name): reaches a body that is not implemented yet")
            } else if outcome.timedOut {
                lines.append("  ✘ \(name): no result after 30 s (an infinite loop?)")
            } else {
                lines.append("  ✘ \(name)")
                lines += TestOutput.failureLines(in: outcome.output, limit: 4).map { "      " + $0 }
            }
        }
        return lines
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

extension Duration {
    /// "12 s": enough precision for a build step.
    var roundedSeconds: String { "\(components.seconds) s" }
}
