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
                let (exercise, lesson) = try Practice.require(id)
                let workspace = try Workspace.locate()
                let practice = PracticeWorkspace(
                    exercise: exercise, lesson: lesson,
                    root: PracticeWorkspace.location(of: exercise, in: workspace, directory: dir))
                do {
                    try practice.create(from: workspace, reset: reset)
                } catch let error as PracticeWorkspace.WorkspaceError {
                    throw HandbookError.practice(error.description)
                }
                ProgressStore.saving {
                    try ProgressStore(file: ProgressStore.defaultFile()).update { document in
                        var progress = document.exercises[exercise.id, default: .init()]
                        progress.startedAt = Date()
                        document.exercises[exercise.id] = progress
                    }
                }
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
                let report = try Practice.check(id, dir: dir)
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
                let (exercise, lesson) = try Practice.require(id)
                let practice = PracticeWorkspace(
                    exercise: exercise, lesson: lesson,
                    root: PracticeWorkspace.location(of: exercise, in: try Workspace.locate(), directory: dir))
                var seen: Date?
                while true {
                    let modified =
                        (try? FileManager.default.attributesOfItem(atPath: practice.learnerFile.path))?[
                            .modificationDate] as? Date
                    if seen == nil || modified != seen {
                        seen = modified ?? Date()
                        let report = try Practice.check(id, dir: dir)
                        print("\u{1B}[2J\u{1B}[H", terminator: "")  // clear the screen
                        print(report.text)
                        if report.passed { return }
                        print("\nWatching \(practice.learnerFile.path) — save to re-check, Ctrl-C to stop.")
                    }
                    Thread.sleep(forTimeInterval: Double(max(interval, 50)) / 1000)
                }
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
                let (exercise, lesson) = try Practice.require(id)
                try Practice.allowSolution(
                    exercise, store: ProgressStore(file: ProgressStore.defaultFile()), giveUp: giveUp)
                let workspace = try Workspace.locate()
                let reference = workspace.url(exercise.file)
                print("Reference: \(reference.path)")
                let practice = PracticeWorkspace(
                    exercise: exercise, lesson: lesson,
                    root: PracticeWorkspace.location(of: exercise, in: workspace, directory: dir))
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

        func run() throws {
            try reporting {
                let workspace = try Workspace.locate()
                let toolchain = try Toolchain.locate()
                let base = FileManager.default.temporaryDirectory
                    .appendingPathComponent(
                        "handbook-practice-verify-\(WorkspaceMirror.stableHash(workspace.root.path))")
                var failures: [String] = []
                let selected = try module.map { name in try requireModule(name).name }
                let exercises = Catalogue.exercises.filter { exercise in
                    selected == nil || Catalogue.lesson(id: exercise.lesson)?.module == selected
                }
                // One workspace per module, reused: only the swapped file recompiles.
                for group in Dictionary(grouping: exercises, by: { Catalogue.lesson(id: $0.lesson)?.module ?? "" })
                    .sorted(by: { $0.key < $1.key })
                {
                    for exercise in group.value {
                        let result = try Practice.verify(exercise, base: base, from: workspace, toolchain: toolchain)
                        print(result.line)
                        if !result.ok { failures.append(exercise.id) }
                    }
                }
                if !failures.isEmpty {
                    throw HandbookError.practice("not as expected: \(failures.joined(separator: ", "))")
                }
            }
        }
    }

    /// Builds `exercise` with its stub (its judging tests must compile and
    /// fail) and with the reference (they must pass), in a workspace shared by
    /// the exercises of one module.
    static func verify(_ exercise: Exercise, base: URL, from workspace: Workspace, toolchain: Toolchain) throws
        -> (ok: Bool, line: String)
    {
        let lesson = try requireLesson(exercise.lesson)
        let practice = PracticeWorkspace(
            exercise: exercise, lesson: lesson, root: base.appendingPathComponent(lesson.module))
        if !practice.isStarted { try practice.create(from: workspace, reset: true) }
        let reference = try workspace.read(exercise.file)
        let stub = try Stub.blanking(exercise.blanks, in: reference, exercise: exercise.id)
        func run(_ source: String) throws -> (compiled: Bool, passed: Bool, tests: Int) {
            // The incremental build compares modification times at one-second
            // resolution: a file rewritten within the second of the previous
            // build's start is taken as unchanged and the old binary is tested
            // (seen here: the reference "failed" with the stub's trap). Write
            // in the next second.
            let now = Date().timeIntervalSince1970
            Thread.sleep(forTimeInterval: now.rounded(.down) + 1.05 - now)
            try Data(source.utf8).write(to: practice.learnerFile)
            let outcome = try toolchain.run(
                ["test", "--filter", practice.testFilter], in: practice.root, environment: quietCrashes,
                timeout: .seconds(900), reaping: practice.buildFolder)
            let compiled = !outcome.output.contains(": error: ")
            let (passing, failing) = TestOutput.counts(in: outcome.output)
            return (compiled, outcome.exitCode == 0 && passing > 0 && failing == 0, passing + failing)
        }
        let onStub = try run(stub)
        let onReference = try run(reference)
        let ok = onStub.compiled && !onStub.passed && onReference.passed
        let detail =
            "stub \(onStub.compiled ? (onStub.passed ? "PASSES" : "fails") : "DOES NOT COMPILE"), "
            + "reference \(onReference.passed ? "passes (\(onReference.tests) tests)" : "FAILS")"
        return (ok, "\(ok ? "ok  " : "BAD ") \(exercise.id): \(detail)")
    }

    /// The next hint tier (the last one again once all are shown), recorded.
    static func nextHint(_ exercise: Exercise, store: ProgressStore) -> String {
        let shown = store.load().exercises[exercise.id]?.hintsShown ?? 0
        let tier = min(shown, exercise.hints.count - 1)
        if shown < exercise.hints.count {
            ProgressStore.saving {
                try store.update { $0.exercises[exercise.id, default: .init()].hintsShown = tier + 1 }
            }
        }
        let last = tier + 1 == exercise.hints.count ? "\n(That was the last hint.)" : ""
        return "Hint \(tier + 1) of \(exercise.hints.count): \(exercise.hints[tier])\(last)"
    }

    /// Throws unless a pass is recorded or the learner gives up (recorded).
    static func allowSolution(_ exercise: Exercise, store: ProgressStore, giveUp: Bool) throws {
        let passed = store.load().exercises[exercise.id]?.passedAt != nil
        guard passed || giveUp else {
            throw HandbookError.practice(
                "no pass recorded for \(exercise.id) yet: keep going (`practice hint \(exercise.id)`), "
                    + "or use `--give-up` to see the reference now.")
        }
        if !passed {
            ProgressStore.saving { try store.update { $0.exercises[exercise.id, default: .init()].gaveUp = true } }
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
    ///
    /// A stub that traps kills the test process, which would hide every
    /// other result; then each judging test runs on its own, so the learner
    /// sees which pass and which still trap.
    static func check(_ id: String, dir: String?) throws -> Report {
        let (exercise, lesson) = try require(id)
        let workspace = try Workspace.locate()
        let practice = PracticeWorkspace(
            exercise: exercise, lesson: lesson,
            root: PracticeWorkspace.location(of: exercise, in: workspace, directory: dir))
        guard practice.isStarted else {
            throw HandbookError.practice(
                PracticeWorkspace.WorkspaceError.notStarted(exercise: exercise.id, path: practice.root.path)
                    .description)
        }
        guard FileManager.default.fileExists(atPath: practice.learnerFile.path) else {
            throw HandbookError.practice(
                PracticeWorkspace.WorkspaceError.learnerFileMissing(practice.learnerFile.path).description)
        }
        let toolchain = try Toolchain.locate()
        let store = ProgressStore(file: ProgressStore.defaultFile())
        let started = store.load().exercises[exercise.id]?.startedAt
        // Build first with a long budget, then test with a short one: a loop
        // in the learner's code is reported as such within a minute, and the
        // test binary (which makes a process group of its own) is reaped.
        let build = try toolchain.run(
            ["build", "--build-tests"], in: practice.root, timeout: .seconds(900), reaping: practice.buildFolder)
        let outcome =
            build.exitCode == 0
            ? try toolchain.run(
                ["test", "--skip-build", "--filter", practice.testFilter], in: practice.root,
                environment: Practice.quietCrashes,
                timeout: .seconds(60), reaping: practice.buildFolder) : build
        var lines: [String] = []
        let compilerErrors =
            build.exitCode == 0 ? [] : build.output.split(separator: "\n").filter { $0.contains(": error: ") }
        let passed: Bool
        if build.exitCode != 0 && compilerErrors.isEmpty {
            passed = false
            lines.append("The workspace does not build:")
            lines += TestOutput.failureLines(in: build.output, limit: 12).map { "  " + $0 }
        } else if !compilerErrors.isEmpty {
            passed = false
            let yours = compilerErrors.filter { $0.contains("/" + exercise.file + ":") }
            lines.append("Does not compile:")
            lines += (yours.isEmpty ? compilerErrors : yours).prefix(20).map { "  " + $0 }
        } else {
            let (passing, failing) = TestOutput.counts(in: outcome.output)
            passed = outcome.exitCode == 0 && passing > 0 && failing == 0
            // A trap ends the process before Swift Testing prints its summary;
            // overflow traps and stack overflows print no message at all.
            let crashed = outcome.exitCode != 0 && !outcome.output.contains("Test run with")
            if passed {
                lines.append("✔ All \(passing) judging tests pass.")
            } else if outcome.timedOut {
                lines.append("No result after 60 s: is there an infinite loop? (The test process was stopped.)")
                lines += TestOutput.failureLines(in: outcome.output, limit: 6).map { "  " + $0 }
            } else if crashed || outcome.output.contains(Stub.marker) {
                lines.append("A test trapped, which stops the run; checking each test on its own:")
                lines += try perTest(practice, toolchain: toolchain)
            } else {
                lines.append("\(passing) passed, \(failing) failed:")
                lines += TestOutput.failureLines(in: outcome.output, limit: 12).map { "  " + $0 }
            }
        }
        if let started {
            let minutes = Int(Date().timeIntervalSince(started) / 60)
            lines.append("Elapsed: \(minutes) of \(exercise.minutes) min.")
        }
        if passed { lines.append("See the reference: swift run handbook practice solution \(exercise.id)") }
        ProgressStore.saving {
            try store.update { document in
                var progress = document.exercises[exercise.id, default: .init()]
                progress.checks += 1
                if passed, progress.passedAt == nil {
                    progress.passedAt = Date()
                    progress.secondsToPass = started.map { Int(Date().timeIntervalSince($0)) }
                }
                document.exercises[exercise.id] = progress
            }
        }
        return Report(passed: passed, text: lines.joined(separator: "\n"))
    }

    /// A trapping stub is expected: skip the runtime's backtrace, which can
    /// take longer than the test itself on a cold, busy machine.
    static let quietCrashes = ["SWIFT_BACKTRACE": "enable=no"]

    /// Runs every judging test alone (the package is already built).
    static func perTest(_ practice: PracticeWorkspace, toolchain: Toolchain) throws -> [String] {
        let listing = try toolchain.run(
            ["test", "list", "--skip-build"], in: practice.root, timeout: .seconds(120), reaping: practice.buildFolder)
        let suites = practice.testFilter.split(separator: "|").map { String($0) + "/" }
        let tests = listing.output.split(separator: "\n").map(String.init)
            .filter { test in suites.contains { test.hasPrefix($0) } }
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
