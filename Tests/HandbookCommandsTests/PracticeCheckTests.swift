import Foundation
import HandbookCatalog
import HandbookTestSupport
import Testing

@testable import HandbookCommands

/// `practice check` end to end, with a stand-in for `swift` (``FakeSwift``):
/// what the learner is shown for a trap, a failure, a compiler error and a
/// pass, and what the progress store records. (`practice verify` in CI runs
/// the real toolchain on every exercise.)
@Suite("Practice check", .timeLimit(.minutes(1)))
struct PracticeCheckTests {
    let workspace = Workspace(root: PackagePaths.root)

    /// A started two-sum workspace, a fake toolchain and a store, in a fresh folder.
    struct Setup {
        var base: URL
        var exercise: Exercise
        var practice: PracticeWorkspace
        var swift: FakeSwift
        var store: ProgressStore
    }

    func setUp() throws -> Setup {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-check-\(UUID())")
        let (exercise, lesson) = try Practice.require("two-sum")
        let practice = PracticeWorkspace(exercise: exercise, lesson: lesson, root: base.appendingPathComponent("ws"))
        try practice.create(from: workspace, reset: false)
        let swift = try FakeSwift(
            in: base.appendingPathComponent("bin"), learner: practice.learnerFile, suite: practice.testFilter)
        let store = ProgressStore(file: base.appendingPathComponent("progress.json"))
        return Setup(base: base, exercise: exercise, practice: practice, swift: swift, store: store)
    }

    func check(_ setup: Setup, at now: Date = Date()) throws -> Practice.Report {
        try Practice.check(
            setup.exercise, in: setup.practice, toolchain: Toolchain(swift: setup.swift.executable),
            store: setup.store, now: { now })
    }

    @Test("a trapping stub does not hide the other tests: each runs alone and says whether it passes")
    func trapRunsEachTestAlone() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.base) }
        let report = try check(setup)
        #expect(!report.passed)
        #expect(report.text.contains("checking each test on its own"))
        #expect(report.text.contains("✘ first(): reaches a body that is not implemented yet"))
        #expect(report.text.contains("✔ second()"))
        #expect(!report.text.contains("third()"), "a test outside the judging filter is not run")
        #expect(setup.swift.calls.contains { $0.hasPrefix("test --skip-build --filter ^") })
    }

    @Test("a failing expectation is shown with its message, and counts as a check without a pass")
    func failureShowsTheExpectation() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.base) }
        try Data("// WRONG answer\n".utf8).write(to: setup.practice.learnerFile)
        let report = try check(setup)
        #expect(!report.passed)
        #expect(report.text.contains("1 passed, 1 failed"))
        #expect(report.text.contains("Expectation failed: 1 == 2"))
        let progress = try #require(setup.store.load().exercises["two-sum"])
        #expect(progress.checks == 1)
        #expect(progress.passedAt == nil)
    }

    @Test("a compiler error is shown trimmed to the learner's file, and exit 1 follows")
    func compilerErrorsAreTrimmedToTheLearnersFile() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.base) }
        try Data("COMPILE_ERROR\n".utf8).write(to: setup.practice.learnerFile)
        let report = try check(setup)
        #expect(!report.passed)
        #expect(report.text.contains("Does not compile:"))
        #expect(report.text.contains("TwoSum.swift:3:5: error:"))
        #expect(!report.text.contains("Other.swift"))
        #expect(!setup.swift.calls.contains { $0.hasPrefix("test") }, "no test run after a failed build")
    }

    @Test("a pass is recorded with the time from the start; a later start keeps the pass in the totals")
    func passIsRecordedAndKeptAcrossAttempts() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.base) }
        let start = Date(timeIntervalSince1970: 1_000_000)
        Practice.recordStart(setup.exercise, store: setup.store, at: start)
        try Data("// my answer\n".utf8).write(to: setup.practice.learnerFile)
        let report = try check(setup, at: start.addingTimeInterval(22 * 60))
        #expect(report.passed)
        #expect(report.text.contains("✔ All 2 judging tests pass."))
        #expect(report.text.contains("Elapsed: 22 of \(setup.exercise.minutes) min."))
        var progress = try #require(setup.store.load().exercises["two-sum"])
        #expect(progress.secondsToPass == 22 * 60)
        #expect(progress.passes == 1)
        // A second passing check in the same attempt is not a second pass.
        _ = try check(setup, at: start.addingTimeInterval(30 * 60))
        progress = try #require(setup.store.load().exercises["two-sum"])
        #expect(progress.passes == 1 && progress.secondsToPass == 22 * 60 && progress.checks == 2)
        // `start --reset`: a new attempt with its own clock; the earlier pass stays counted.
        Practice.recordStart(setup.exercise, store: setup.store, at: start.addingTimeInterval(3600))
        progress = try #require(setup.store.load().exercises["two-sum"])
        #expect(progress.passedAt == nil && progress.checks == 0 && progress.hintsShown == 0)
        #expect(progress.attempts == 2 && progress.passes == 1 && progress.bestSecondsToPass == 22 * 60)
        #expect(throws: HandbookError.self) {
            try Practice.allowSolution(setup.exercise, store: setup.store, giveUp: false)
        }
    }

    @Test("watch checks at once, re-checks after a save (not before), and stops at the first pass")
    func watchRechecksOnSave() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.base) }
        var reports: [Practice.Report] = []
        var pauses = 0
        let checks = try Practice.watch(
            setup.exercise, in: setup.practice, toolchain: Toolchain(swift: setup.swift.executable),
            store: setup.store, show: { reports.append($0) },
            pause: {
                pauses += 1
                // Two looks at an unchanged file, then the learner saves an answer.
                if pauses == 3 { try Data("// my answer\n".utf8).write(to: setup.practice.learnerFile) }
            })
        #expect(checks == 2, "one check at the start, one after the save; none for the unchanged looks")
        #expect(reports.map(\.passed) == [false, true])
        #expect(pauses == 3)
        #expect(setup.store.load().exercises["two-sum"]?.checks == 2)
    }

    @Test("a save in the same second as the last build is moved to a later second, so the build sees it")
    func saveInTheBuildSecondIsTouched() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.base) }
        let file = setup.practice.learnerFile.path
        let buildStart = Date(timeIntervalSince1970: 2_000_000_000.2)
        try setup.practice.prepareBuild(now: { buildStart })
        // Saved 0.5 s into the second the build started in: the build's
        // one-second comparison would take it as unchanged.
        try Data("// my answer\n".utf8).write(to: setup.practice.learnerFile)
        let save = Date(timeIntervalSince1970: 2_000_000_000.7)
        try FileManager.default.setAttributes([.modificationDate: save], ofItemAtPath: file)
        let later = Date(timeIntervalSince1970: 2_000_000_003)
        try setup.practice.prepareBuild(now: { later })
        #expect(setup.practice.learnerFileModified == later, "touched into a later second")
        // Unchanged since that build: left alone, even within its second.
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: file)
        try setup.practice.prepareBuild(now: { later.addingTimeInterval(0.5) })
        #expect(setup.practice.learnerFileModified == later)
    }

    @Test("a deleted learner file or a missing workspace says what to do, and nothing is created")
    func missingFileOrWorkspace() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.base) }
        try FileManager.default.removeItem(at: setup.practice.learnerFile)
        #expect {
            try check(setup)
        } throws: { error in
            (error as? HandbookError)?.description.contains("is missing") == true
        }
        var gone = setup
        gone.practice.root = setup.base.appendingPathComponent("never-started")
        #expect {
            try check(gone)
        } throws: { error in
            (error as? HandbookError)?.description.contains("handbook practice start two-sum") == true
        }
        #expect(!FileManager.default.fileExists(atPath: gone.practice.root.path))
        #expect(setup.swift.calls.isEmpty, "nothing was built")
    }

    @Test(
        "the judging filter selects listed tests as swift test --filter does: a suite, one test, alternatives",
        arguments: [
            ("M.Suite", ["M.Suite/a()", "M.Suite/b()"]),
            ("M.Suite/b", ["M.Suite/b()"]),
            ("M.Suite/a|M.Other", ["M.Suite/a()", "M.Other/c()"]),
        ])
    func filterSelectsListedTests(filter: String, expected: [String]) {
        let listing = "[1/3] Compiling\nBuilding for debugging...\nM.Suite/a()\nM.Suite/b()\nM.Other/c()\n"
        #expect(TestOutput.tests(in: listing, matching: filter) == expected)
    }

    @Test("verify writes the sources afresh over a stale copy and keeps the build folder")
    func refreshReplacesStaleSources() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.base) }
        let stale = setup.practice.root.appendingPathComponent("Sources/HandbookLeetCode/ValidParentheses.swift")
        try Data("// stale\n".utf8).write(to: stale)
        let kept = setup.practice.buildFolder.appendingPathComponent("kept")
        try FileManager.default.createDirectory(at: setup.practice.buildFolder, withIntermediateDirectories: true)
        try Data().write(to: kept)
        try setup.practice.refresh(from: workspace)
        #expect(
            try String(contentsOf: stale, encoding: .utf8)
                == workspace.read("Sources/HandbookLeetCode/ValidParentheses.swift"))
        #expect(
            try String(contentsOf: setup.practice.learnerFile, encoding: .utf8)
                == workspace.read(setup.exercise.file), "the reference, not the stub")
        #expect(FileManager.default.fileExists(atPath: kept.path))
    }
}
