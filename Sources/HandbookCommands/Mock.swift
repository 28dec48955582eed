import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook mock`: a timed mock interview. Coding: an exercise you have not
/// passed, shown as its prompt only (no title, lesson or difficulty), against
/// a clock, with complexity and edge cases stated before the first check and
/// a rubric at the end. Design: a question built on the Phase 3 lessons and
/// the service, with a reference outline revealed at the end.
struct Mock: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A timed mock interview (coding or system design), with a rubric at the end.",
        subcommands: [StartMock.self, CheckMock.self, EndMock.self],
        defaultSubcommand: StartMock.self
    )

    struct StartMock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Start a mock: an unpassed exercise (or --design, a design question).")
        @Flag(help: "A system-design question instead of a coding exercise.") var design = false
        @Option(help: "Only exercises of lessons in this phase (1-5).") var phase: Int?
        @Option(help: "Only exercises of this difficulty: easy, medium or hard.") var difficulty: String?
        @Option(help: "Replay a mock: the same seed and filters pick the same question.") var seed: UInt64?
        @Option(help: "The clock, in minutes (default: 45 for coding, the question's own for design).")
        var minutes: Int?
        @Flag(help: "Allow exercises you have already passed.") var any = false
        @Flag(help: "Delete the current mock, and what you wrote in it, first.") var reset = false
        @Option(help: "Where workspaces live (default: .practice/ in the checkout).") var dir: String?

        func run() throws {
            try reporting {
                if let minutes, !(5...180).contains(minutes) {
                    throw HandbookError.badArguments("--minutes must be 5 to 180 (got \(minutes))")
                }
                let workspace = try Workspace.locate()
                let root = Mock.location(in: workspace, dir: dir)
                let store = ProgressStore(file: ProgressStore.defaultFile())
                let seed = seed ?? UInt64.random(in: 1...999_999)
                let state: Mock.State
                if design {
                    let question = Mock.pickDesign(seed: seed)
                    state = Mock.State(
                        kind: .design, item: question.id, seed: seed, startedAt: Date(),
                        minutes: minutes ?? question.minutes)
                    try Mock.prepare(root, reset: reset)
                } else {
                    let passed = Set(store.load().exercises.filter { $0.value.passes > 0 }.map(\.key))
                    let exercise = try Mock.pickExercise(
                        seed: seed, phase: phase, difficulty: difficulty, excluding: any ? [] : passed)
                    state = Mock.State(
                        kind: .coding, item: exercise.id, seed: seed, startedAt: Date(), minutes: minutes ?? 45)
                    try Mock.prepare(root, reset: reset)
                    let practice = Mock.practiceWorkspace(for: exercise, root: root)
                    try practice.create(
                        from: workspace, reset: true,
                        notes: ("MOCK.md", Mock.brief(exercise, minutes: state.minutes)))
                }
                try Mock.save(state, in: root)
                print(Mock.opening(state, root: root))
            }
        }
    }

    struct CheckMock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: "Run the judging tests on your code; the first check needs your analysis.")
        @Option(help: "Your time and space complexity, stated before the first check.") var complexity: String?
        @Option(help: "The edge cases you handle, stated before the first check.") var edgeCases: String?
        @Option(help: "Where workspaces live (default: .practice/ in the checkout).") var dir: String?

        func run() throws {
            try reporting {
                Interrupts.install()
                let workspace = try Workspace.locate()
                let root = Mock.location(in: workspace, dir: dir)
                let text = try Mock.check(
                    root: root, toolchain: try Toolchain.locate(),
                    store: ProgressStore(file: ProgressStore.defaultFile()), complexity: complexity,
                    edgeCases: edgeCases, now: Date())
                print(text)
            }
        }
    }

    struct EndMock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "end", abstract: "End the mock: the result, the time used, the reveal and the rubric.")
        @Option(help: "Where workspaces live (default: .practice/ in the checkout).") var dir: String?

        func run() throws {
            try reporting {
                let workspace = try Workspace.locate()
                let root = Mock.location(in: workspace, dir: dir)
                print(
                    try Mock.end(
                        root: root, store: ProgressStore(file: ProgressStore.defaultFile()), passed: false,
                        now: Date()))
            }
        }
    }

    /// The mock in progress, saved in its workspace.
    struct State: Codable, Equatable {
        enum Kind: String, Codable { case coding, design }
        var kind: Kind
        /// The exercise id or design question id.
        var item: String
        var seed: UInt64
        var startedAt: Date
        var minutes: Int
        var complexity: String?
        var edgeCases: String?
        var checks = 0
    }

    static let stateFile = ".mock.json"

    static func location(in workspace: Workspace, dir: String?) -> URL {
        (dir.map { URL(fileURLWithPath: $0) } ?? workspace.root.appendingPathComponent(".practice"))
            .appendingPathComponent("mock")
    }

    /// A mock never replaces another one's work silently.
    static func prepare(_ root: URL, reset: Bool) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: root.path) else { return }
        guard reset else {
            throw HandbookError.practice(
                "a mock is in progress in \(root.path): finish it with `handbook mock end`, or start over with "
                    + "`handbook mock --reset` (it deletes what you wrote).")
        }
        try manager.removeItem(at: root)
    }

    /// An exercise matching the filters and not excluded, chosen by the seed.
    static func pickExercise(seed: UInt64, phase: Int?, difficulty: String?, excluding: Set<String>) throws -> Exercise
    {
        if let phase, Catalogue.phases[phase] == nil {
            throw HandbookError.badArguments("no phase \(phase): phases are \(Catalogue.phaseRange)")
        }
        let level = try difficulty.map { name in
            guard let found = Exercise.Difficulty(rawValue: name) else {
                throw HandbookError.badArguments("no difficulty '\(name)': use easy, medium or hard")
            }
            return found
        }
        let candidates = Catalogue.exercises.filter { exercise in
            (phase == nil || Catalogue.lesson(id: exercise.lesson)?.phase == phase)
                && (level == nil || exercise.difficulty == level) && !excluding.contains(exercise.id)
        }
        guard !candidates.isEmpty else {
            throw HandbookError.badArguments(
                "no exercise you have not passed matches those filters; widen them, or use --any")
        }
        return candidates[SeededPick.index(seed: seed, count: candidates.count)]
    }

    static func pickDesign(seed: UInt64) -> DesignQuestion {
        Catalogue.designQuestions[SeededPick.index(seed: seed, count: Catalogue.designQuestions.count)]
    }

    static func practiceWorkspace(for exercise: Exercise, root: URL) -> PracticeWorkspace {
        // The lesson exists: the catalogue tests check every exercise's lesson.
        PracticeWorkspace(exercise: exercise, lesson: Catalogue.lesson(id: exercise.lesson)!, root: root)
    }

    /// The prompt only: no title, lesson or difficulty.
    static func brief(_ exercise: Exercise, minutes: Int) -> String {
        """
        # Mock interview (\(minutes) min)

        \(exercise.prompt)

        Edit `\(exercise.file)`: write the bodies that say "\(Stub.marker)".
        Before your first check, state your complexity and the edge cases you handle, as you would out loud:
        `swift run handbook mock check --complexity "..." --edge-cases "..."`. No hints in a mock.
        End it at any time with `swift run handbook mock end`.

        """
    }

    static func opening(_ state: State, root: URL) -> String {
        switch state.kind {
        case .coding:
            guard let exercise = Catalogue.exercise(withID: state.item) else { return "" }
            return brief(exercise, minutes: state.minutes) + "Workspace: \(root.path)\nThe clock is running."
        case .design:
            let question = Catalogue.designQuestions.first { $0.id == state.item }
            return """
                # System-design mock (\(state.minutes) min)

                \(question?.question ?? "")

                Sketch it out loud or on paper: the API, the data and where it lives, what fails and how you \
                know, and the numbers. End with `swift run handbook mock end` to see the reference outline.
                The clock is running.
                """
        }
    }

    static func save(_ state: State, in root: URL) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(state).write(to: root.appendingPathComponent(stateFile))
    }

    static func load(_ root: URL) throws -> State {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(stateFile).path),
            let state = try? JSONDecoder().decode(State.self, from: data)
        else {
            throw HandbookError.practice("no mock in progress in \(root.path). Start one with: swift run handbook mock")
        }
        return state
    }

    /// A check of a coding mock. The first needs the stated analysis; a check
    /// after the clock ran out ends the mock; a pass ends it too.
    static func check(
        root: URL, toolchain: Toolchain, store: ProgressStore, complexity: String?, edgeCases: String?, now: Date
    ) throws -> String {
        var state = try load(root)
        guard state.kind == .coding, let exercise = Catalogue.exercise(withID: state.item) else {
            throw HandbookError.practice(
                "this is a design mock: there is nothing to check; `handbook mock end` reveals the outline.")
        }
        if let complexity { state.complexity = complexity }
        if let edgeCases { state.edgeCases = edgeCases }
        guard state.complexity?.isEmpty == false, state.edgeCases?.isEmpty == false else {
            throw HandbookError.practice(
                "state your analysis first, as an interviewer expects before you run anything: "
                    + "`handbook mock check --complexity \"...\" --edge-cases \"...\"`")
        }
        if now.timeIntervalSince(state.startedAt) > Double(state.minutes * 60) {
            try save(state, in: root)
            return "Time is up.\n" + (try end(root: root, store: store, passed: false, now: now))
        }
        state.checks += 1
        try save(state, in: root)
        let judged = try Practice.judge(practiceWorkspace(for: exercise, root: root), toolchain: toolchain)
        if judged.passed {
            return (judged.lines + [""]).joined(separator: "\n")
                + (try end(root: root, store: store, passed: true, now: now))
        }
        let left = max(0, state.minutes * 60 - Int(now.timeIntervalSince(state.startedAt)))
        return (judged.lines + ["\(left / 60) min \(left % 60) s left."]).joined(separator: "\n")
    }

    /// Ends the mock: records the result and reveals what was hidden.
    static func end(root: URL, store: ProgressStore, passed: Bool, now: Date) throws -> String {
        let state = try load(root)
        let seconds = Int(now.timeIntervalSince(state.startedAt))
        let used = "\(seconds / 60) min \(seconds % 60) s of \(state.minutes) min"
        // The learner's work is moved aside, never deleted: `mock-ended-<time>[-n]`.
        let aside = ProgressStore.unusedPath(
            in: root.deletingLastPathComponent(), named: "mock-ended-\(Int(now.timeIntervalSince1970))")
        try FileManager.default.moveItem(at: root, to: aside)
        ProgressStore.saving {
            try store.update { document in
                document.mocks.append(
                    .init(
                        kind: state.kind.rawValue, item: state.item, startedAt: state.startedAt, endedAt: now,
                        passed: state.kind == .coding ? passed : nil, secondsUsed: seconds, minutes: state.minutes,
                        complexity: state.complexity, edgeCases: state.edgeCases))
            }
        }
        var lines: [String] = []
        switch state.kind {
        case .coding:
            let exercise = Catalogue.exercise(withID: state.item)
            let lesson = exercise.flatMap { Catalogue.lesson(id: $0.lesson) }
            lines += [
                passed ? "Passed in \(used)." : "Not passed; time used: \(used).",
                "It was `\(state.item)` (\(exercise?.difficulty.rawValue ?? ""), budget \(exercise?.minutes ?? 0) min), "
                    + "from \(lesson?.title ?? "its lesson").",
                "You stated: complexity \(state.complexity ?? "(nothing)"); edge cases \(state.edgeCases ?? "(nothing)").",
                "Compare with the prompt's contract: `swift run handbook practice solution \(state.item) --give-up` "
                    + "shows the reference (a give-up is recorded unless the exercise is passed).",
            ]
        case .design:
            let question = Catalogue.designQuestions.first { $0.id == state.item }
            lines += ["Time used: \(used).", "", "A reference outline; each part names where the handbook answers it:"]
            for part in question?.outline ?? [] {
                lines.append("- \(part.point)")
                lines.append("    lessons: \(part.lessons.joined(separator: ", "))")
                if !part.files.isEmpty { lines.append("    service: \(part.files.joined(separator: ", "))") }
            }
        }
        lines += ["", "Score yourself 1-4 on what interviewers score:"] + rubric.map { "- \($0)" }
        return lines.joined(separator: "\n")
    }

    static let rubric = [
        "Communication: did you restate the problem, say your plan before coding, and think out loud?",
        "Problem solving: did you start from a simple correct approach and improve it, and justify the trade-offs?",
        "Technical competency: is the code correct, idiomatic Swift, and is the complexity what you stated?",
        "Testing: did you name the edge cases before running anything, and check them, not only the happy path?",
    ]
}

/// A seeded choice: SplitMix64 of the seed, modulo the count. The same seed
/// and candidates give the same pick, so a hunt or a mock can be replayed.
enum SeededPick {
    static func index(seed: UInt64, count: Int) -> Int {
        precondition(count > 0, "nothing to pick from")
        var mixed = seed &+ 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return Int(mixed % UInt64(count))
    }
}
