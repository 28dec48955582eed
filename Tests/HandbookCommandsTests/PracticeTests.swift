import ArgumentParser
import Foundation
import HandbookCatalog
import HandbookTestSupport
import Testing

@testable import HandbookCommands

/// `handbook practice` without the toolchain: ids, workspaces, hints,
/// solutions and progress. (`practice verify` in CI builds every exercise.)
@Suite("Practice mode")
struct PracticeTests {
    let workspace = Workspace(root: PackagePaths.root)

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("handbook-practice-\(UUID())")
    }

    @Test("an unknown exercise id is bad input (exit 2) with the closest ids")
    func unknownExerciseSuggests() throws {
        #expect {
            try Practice.require("two-sam")
        } throws: { error in
            guard case .unknownExercise(let id, let suggestions) = error as? HandbookError else { return false }
            return id == "two-sam" && suggestions.first == "two-sum"
                && (error as? HandbookError)?.exitCode.rawValue == 2
        }
    }

    @Test("start writes a buildable workspace: the stubbed file, the module, its tests, a manifest and the prompt")
    func startCreatesTheWorkspace() throws {
        let base = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let (exercise, lesson) = try Practice.require("two-sum")
        let practice = PracticeWorkspace(
            exercise: exercise, lesson: lesson, root: base.appendingPathComponent("two-sum"))
        try practice.create(from: workspace, reset: false)
        let learner = try String(contentsOf: practice.learnerFile, encoding: .utf8)
        #expect(learner.contains(Stub.marker))
        #expect(learner.contains(exercise.blanks[0]))
        for path in [
            "Package.swift", "EXERCISE.md", "Tests/HandbookLeetCodeTests/TwoSumTests.swift",
            "Sources/HandbookLeetCode/ValidParentheses.swift", "Tests/HandbookTestSupport/Gate.swift",
        ] {
            #expect(FileManager.default.fileExists(atPath: practice.root.appendingPathComponent(path).path), "\(path)")
        }
        #expect(
            !FileManager.default.fileExists(
                atPath: practice.root.appendingPathComponent("Sources/HandbookLeetCode/README.md").path))
        #expect(practice.testFilter == "HandbookLeetCodeTests.TwoSumTests")
    }

    @Test("a second start never overwrites the learner's work; --reset starts over")
    func startNeverOverwritesWithoutReset() throws {
        let base = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let (exercise, lesson) = try Practice.require("valid-parentheses")
        let practice = PracticeWorkspace(exercise: exercise, lesson: lesson, root: base.appendingPathComponent("vp"))
        try practice.create(from: workspace, reset: false)
        let mine = "// my answer, half written\n"
        try Data(mine.utf8).write(to: practice.learnerFile)
        #expect(throws: PracticeWorkspace.WorkspaceError.alreadyStarted(practice.root.path)) {
            try practice.create(from: workspace, reset: false)
        }
        #expect(try String(contentsOf: practice.learnerFile, encoding: .utf8) == mine, "the work is kept")
        try practice.create(from: workspace, reset: true)
        #expect(try String(contentsOf: practice.learnerFile, encoding: .utf8).contains(Stub.marker))
    }

    @Test(
        "the workspace manifest compiles the module with the root package's settings",
        arguments: [
            (
                "HandbookLeetCode", ["PropertyBased", "HANDBOOK_INTERNAL_CHECKS"],
                ["AsyncAlgorithms", "strictMemorySafety"]
            ),
            ("HandbookInternals", ["AsyncAlgorithms"], ["PropertyBased", "HANDBOOK_INTERNAL_CHECKS"]),
            (
                "HandbookAdvanced", ["strictMemorySafety", "PropertyBased"],
                ["AsyncAlgorithms", "HANDBOOK_INTERNAL_CHECKS"]
            ),
            ("HandbookBasics", [], ["PropertyBased", "AsyncAlgorithms", "strictMemorySafety"]),
        ])
    func manifestMatchesTheRootSettings(module: String, present: [String], absent: [String]) throws {
        let manifest = PracticeWorkspace.manifest(
            for: module, testImports: PracticeWorkspace.testImports(of: module, in: workspace))
        for text in present { #expect(manifest.contains(text), "\(module) needs \(text)") }
        for text in absent { #expect(!manifest.contains(text), "\(module) must not have \(text)") }
        let root = try workspace.read("Package.swift")
        for feature in ["NonisolatedNonsendingByDefault", "InferIsolatedConformances", "ExistentialAny"] {
            #expect(root.contains(feature) && manifest.contains(feature))
        }
    }

    @Test("hints come one tier at a time, are recorded, and stay on the last tier")
    func hintTiers() throws {
        let base = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let store = ProgressStore(file: base.appendingPathComponent("progress.json"))
        let (exercise, _) = try Practice.require("two-sum")
        let shown = (0...exercise.hints.count).map { _ in Practice.nextHint(exercise, store: store) }
        for (tier, hint) in exercise.hints.enumerated() {
            #expect(shown[tier].hasPrefix("Hint \(tier + 1) of \(exercise.hints.count): \(hint)"))
        }
        #expect(shown.last == shown[exercise.hints.count - 1], "no tier past the last")
        #expect(store.load().exercises["two-sum"]?.hintsShown == exercise.hints.count)
    }

    @Test("the solution is refused before a pass, shown after one, and --give-up is recorded")
    func solutionAfterAPassOnly() throws {
        let base = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let store = ProgressStore(file: base.appendingPathComponent("progress.json"))
        let (exercise, _) = try Practice.require("merge-intervals")
        #expect(throws: HandbookError.self) { try Practice.allowSolution(exercise, store: store, giveUp: false) }
        #expect(store.load().exercises[exercise.id]?.gaveUp != true)
        try Practice.allowSolution(exercise, store: store, giveUp: true)
        #expect(store.load().exercises[exercise.id]?.gaveUp == true)

        let (passedExercise, _) = try Practice.require("two-sum")
        try store.update { $0.exercises["two-sum", default: .init()].passedAt = Date() }
        try Practice.allowSolution(passedExercise, store: store, giveUp: false)
        #expect(store.load().exercises["two-sum"]?.gaveUp == false, "a pass is not a give-up")
    }

    @Test("the list shows difficulty, budget and status: not started, started, passed with its time")
    func listLines() throws {
        let (exercise, _) = try Practice.require("two-sum")
        #expect(Practice.listLine(for: exercise, progress: nil).hasSuffix("easy     15 min  ·"))
        var progress = ProgressStore.ExerciseProgress(startedAt: Date())
        #expect(Practice.listLine(for: exercise, progress: progress).hasSuffix("started"))
        progress.passedAt = Date()
        progress.secondsToPass = 22 * 60 + 5
        #expect(Practice.listLine(for: exercise, progress: progress).hasSuffix("passed in 22 min"))
    }

    @Test("an exercise entry with missing fields loads with defaults instead of making the store unreadable")
    func partialExerciseEntriesLoad() throws {
        let partial = Data(#"{"exercises":{"two-sum":{"checks":2}}}"#.utf8)
        let document = try JSONDecoder().decode(ProgressStore.Document.self, from: partial)
        #expect(document.exercises["two-sum"] == ProgressStore.ExerciseProgress(checks: 2))
    }

    @Test("a blank that no longer matches fails start before any file is written: no half-built workspace")
    func staleBlankWritesNothing() throws {
        let base = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        var (exercise, lesson) = try Practice.require("two-sum")
        exercise.blanks = ["public static func noSuchFunction()"]
        let practice = PracticeWorkspace(exercise: exercise, lesson: lesson, root: base.appendingPathComponent("x"))
        #expect(throws: Stub.StubError.self) { try practice.create(from: workspace, reset: false) }
        #expect(!FileManager.default.fileExists(atPath: practice.root.path))
    }

    @Test("a progress file written before exercises existed still loads, lessons intact")
    func oldProgressFilesLoad() throws {
        let old = Data(
            #"{"lessons":{"basics.value-vs-reference":{"testsPassed":true,"brokenExperiments":["x"]}}}"#.utf8)
        let document = try JSONDecoder().decode(ProgressStore.Document.self, from: old)
        #expect(document.lessons["basics.value-vs-reference"]?.testsPassed == true)
        #expect(document.exercises.isEmpty)
    }
}
