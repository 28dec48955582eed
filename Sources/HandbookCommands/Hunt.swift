import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook hunt`: a bug planted in a practice copy of a lesson, chosen
/// from the break-it experiments that a test catches (`expect: .fails`) and
/// not named. The lesson's tests are the only clue; `hunt check` reveals the
/// experiment, and what it teaches, once they pass again.
///
/// The choice is a pure function of the seed and the scope, so a hunt can be
/// replayed (`--seed`), and `hunt check` finds the experiment again from the
/// saved seed instead of storing its name next to the learner's code.
struct Hunt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find and fix a planted bug; the lesson's tests are your only clue.",
        subcommands: [StartHunt.self, CheckHunt.self],
        defaultSubcommand: StartHunt.self
    )

    struct StartHunt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Plant a bug from a random experiment (of one lesson or phase) in a practice copy.")
        @Option(help: "Only this lesson's experiments.") var lesson: String?
        @Option(help: "Only experiments of lessons in this phase (1-5).") var phase: Int?
        @Option(help: "Replay a hunt: the same seed and scope plant the same bug.") var seed: UInt64?
        @Flag(help: "Delete the current hunt, and what you changed in it, first.") var reset = false
        @Option(help: "Where workspaces live (default: .practice/ in the checkout).") var dir: String?

        func run() throws {
            try reporting {
                let state = Hunt.State(
                    seed: seed ?? UInt64.random(in: 1...999_999), lesson: lesson, phase: phase, experimentDigest: "")
                let workspace = try Workspace.locate()
                let (owner, experiment, saved) = try Hunt.start(
                    state, in: Hunt.location(in: workspace, dir: dir), from: workspace, reset: reset)
                ProgressStore.saving {
                    try ProgressStore(file: ProgressStore.defaultFile()).update {
                        $0.hunts[saved.experimentDigest, default: .init()].startedAt = Date()
                    }
                }
                print(Hunt.notes(owner, file: experiment.file, state: state))
                print("Workspace: \(Hunt.location(in: workspace, dir: dir).path)")
            }
        }
    }

    struct CheckHunt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Run the lesson's tests on your fix; on a pass, reveal which experiment it was.")
        @Flag(help: "Reveal the bug without a pass; recorded as a give-up.") var giveUp = false
        @Option(help: "Where workspaces live (default: .practice/ in the checkout).") var dir: String?

        func run() throws {
            try reporting {
                Interrupts.install()
                let workspace = try Workspace.locate()
                let report = try Hunt.check(
                    root: Hunt.location(in: workspace, dir: dir), workspace: workspace,
                    toolchain: try Toolchain.locate(), store: ProgressStore(file: ProgressStore.defaultFile()),
                    giveUp: giveUp)
                print(report.text)
                if !report.passed && !giveUp { throw HandbookError.testsFailed("the hunt") }
            }
        }
    }

    /// What `hunt check` needs to find the experiment again, saved in the
    /// workspace. It names the scope and seed, not the experiment: the digest
    /// only tells whether the catalogue still picks the same one.
    struct State: Codable, Equatable {
        var seed: UInt64
        var lesson: String?
        var phase: Int?
        var experimentDigest: String
    }

    static let stateFile = ".hunt.json"

    static func location(in workspace: Workspace, dir: String?) -> URL {
        (dir.map { URL(fileURLWithPath: $0) } ?? workspace.root.appendingPathComponent(".practice"))
            .appendingPathComponent("hunt")
    }

    /// The experiments a hunt may plant: caught by a failing test (not a
    /// hang, not a compile error, which would name the line) and editing a
    /// lesson source, in catalogue order.
    static func candidates(lesson: String?, phase: Int?) throws -> [(Lesson, Experiment)] {
        if lesson != nil && phase != nil { throw HandbookError.badArguments("use --lesson or --phase, not both") }
        if let phase, Catalogue.phases[phase] == nil {
            throw HandbookError.badArguments("no phase \(phase): phases are \(Catalogue.phaseRange)")
        }
        let lessons =
            try lesson.map { [try requireLesson($0)] }
            ?? Catalogue.lessons.filter { phase == nil || $0.phase == phase }
        // A hunt's practice workspace is a small package on the toolchain
        // alone; Phase 5 lessons need SwiftNIO and friends (minutes to build
        // in every new workspace), so they are broken with `handbook break`.
        if let server = lessons.first(where: { $0.package != nil }), lessons.allSatisfy({ $0.package != nil }) {
            throw HandbookError.badArguments(
                "bug hunts cover Phases 1-4; \(server.id) builds with the service's packages: "
                    + "break its experiments instead (swift run handbook break <id>)")
        }
        let found = lessons.flatMap { lesson in
            lesson.package != nil
                ? []
                : lesson.experiments
                    .filter { $0.expect == .fails && lesson.sources.contains($0.file) }
                    .map { (lesson, $0) }
        }
        if found.isEmpty {
            throw HandbookError.badArguments("no experiment in that scope can be planted as a hunt")
        }
        return found
    }

    /// The experiment `state` picks: SplitMix64 of the seed, modulo the
    /// number of candidates. The same seed and scope give the same bug.
    static func pick(_ state: State) throws -> (Lesson, Experiment) {
        let candidates = try candidates(lesson: state.lesson, phase: state.phase)
        return candidates[SeededPick.index(seed: state.seed, count: candidates.count)]
    }

    /// `source` with the experiment's edit applied.
    static func plant(_ experiment: Experiment, in source: String) throws -> String {
        guard source.components(separatedBy: experiment.original).count == 2 else {
            throw HandbookError.practice(
                "the experiment no longer matches its file exactly once; run `handbook break` to see which")
        }
        return source.replacingOccurrences(of: experiment.original, with: experiment.replacement)
    }

    /// A hunt's workspace: an exercise with nothing blanked, judged by the whole lesson.
    static func practiceWorkspace(for lesson: Lesson, experiment: Experiment, root: URL) -> PracticeWorkspace {
        let exercise = Exercise(
            id: "hunt", lesson: lesson.id, file: experiment.file, blanks: [], prompt: "", difficulty: .medium,
            minutes: 20, hints: [], judgedBy: lesson.testFilter)
        return PracticeWorkspace(exercise: exercise, lesson: lesson, root: root)
    }

    /// Plants the bug `state` picks in a new workspace at `root` and saves
    /// the state there (with the experiment's digest).
    ///
    /// - Throws: ``HandbookError/practice(_:)`` when a hunt is already there
    ///   and `reset` is false: the learner's changes are never replaced silently.
    static func start(_ state: State, in root: URL, from workspace: Workspace, reset: Bool) throws
        -> (Lesson, Experiment, State)
    {
        let (lesson, experiment) = try pick(state)
        let practice = practiceWorkspace(for: lesson, experiment: experiment, root: root)
        let planted = try plant(experiment, in: try workspace.read(experiment.file))
        do {
            try practice.create(
                from: workspace, reset: reset, learnerSource: planted,
                notes: ("HUNT.md", notes(lesson, file: experiment.file, state: state)))
        } catch let error as PracticeWorkspace.WorkspaceError {
            throw HandbookError.practice(
                error.description.replacingOccurrences(of: "practice start --reset", with: "hunt --reset"))
        }
        var saved = state
        saved.experimentDigest = WorkspaceMirror.stableHash(experiment.id)
        try save(saved, in: root)
        return (lesson, experiment, saved)
    }

    static func notes(_ lesson: Lesson, file: String, state: State) -> String {
        let scope = state.lesson.map { " --lesson \($0)" } ?? state.phase.map { " --phase \($0)" } ?? ""
        return """
            # Bug hunt: \(lesson.title) (seed \(state.seed))

            One edit in `\(file)` breaks what the lesson teaches. Its tests know; find the bug and fix it.
            The edit is one of the lesson's break-it experiments; it is not named until you pass.

            - Check your fix: `swift run handbook hunt check` (or `swift test --filter '\(lesson.testFilter)'` here)
            - Give up and see it: `swift run handbook hunt check --give-up`
            - Replay this hunt later: `swift run handbook hunt --reset --seed \(state.seed)\(scope)`

            """
    }

    static func save(_ state: State, in root: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(state).write(to: root.appendingPathComponent(stateFile))
    }

    /// What a hunt check found, ready to print.
    struct Report {
        var passed: Bool
        var revealed: Bool
        var text: String
    }

    /// Runs the lesson's tests in the hunt workspace. The experiment is named
    /// only when they pass, or on `giveUp` (recorded).
    static func check(root: URL, workspace: Workspace, toolchain: Toolchain, store: ProgressStore, giveUp: Bool)
        throws -> Report
    {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(stateFile).path),
            let state = try? JSONDecoder().decode(State.self, from: data)
        else {
            throw HandbookError.practice(
                "no bug hunt in \(root.path). Start one with: swift run handbook hunt [--lesson L | --phase N]")
        }
        let (lesson, experiment) = try pick(state)
        guard WorkspaceMirror.stableHash(experiment.id) == state.experimentDigest else {
            throw HandbookError.practice(
                "the catalogue changed since this hunt started, so it cannot be checked; start again with "
                    + "`swift run handbook hunt --reset`.")
        }
        let hunt = practiceWorkspace(for: lesson, experiment: experiment, root: root)
        let judged: (passed: Bool, lines: [String]) =
            giveUp ? (false, []) : try Practice.judge(hunt, toolchain: toolchain)
        ProgressStore.saving {
            try store.update { document in
                // Keyed by the digest: the progress file must not name an unfound bug.
                var progress = document.hunts[state.experimentDigest, default: .init()]
                progress.checks += giveUp ? 0 : 1
                if judged.passed, progress.foundAt == nil, !progress.gaveUp { progress.foundAt = Date() }
                if giveUp, progress.foundAt == nil { progress.gaveUp = true }
                if judged.passed || giveUp { progress.experiment = experiment.id }
                document.hunts[state.experimentDigest] = progress
            }
        }
        guard judged.passed || giveUp else {
            return Report(
                passed: false, revealed: false, text: (judged.lines + ["Not fixed yet."]).joined(separator: "\n"))
        }
        let reveal = [
            judged.passed ? "Fixed: every test of \(lesson.id) passes." : "You gave up; here is the bug.",
            "",
            "The planted edit was experiment `\(experiment.id)`, in \(experiment.file):",
            experiment.original.split(separator: "\n", omittingEmptySubsequences: false).map { "- " + $0 }
                .joined(separator: "\n"),
            experiment.replacement.split(separator: "\n", omittingEmptySubsequences: false).map { "+ " + $0 }
                .joined(separator: "\n"),
            "",
            "What it teaches: \(experiment.teaches)",
            "Caught by: \(experiment.caughtBy)",
        ]
        return Report(passed: judged.passed, revealed: true, text: (judged.lines + reveal).joined(separator: "\n"))
    }
}
