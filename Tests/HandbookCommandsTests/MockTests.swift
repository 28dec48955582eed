import ArgumentParser
import Foundation
import HandbookCatalog
import HandbookTestSupport
import Testing

@testable import HandbookCommands

/// `handbook mock`: which exercise is picked (never a passed one unless
/// asked), the analysis before the first check, the clock, the reveal and
/// the record (with ``FakeSwift``).
@Suite("Mock interviews", .timeLimit(.minutes(1)))
struct MockTests {
    let workspace = Workspace(root: PackagePaths.root)
    let start = Date(timeIntervalSince1970: 1_900_000_000)

    @Test("never an exercise already passed; the same seed and filters pick the same one; filters hold")
    func selection() throws {
        let passed = Set(Catalogue.exercises.prefix(70).map(\.id))
        for seed in UInt64(1)...200 {
            let picked = try Mock.pickExercise(seed: seed, phase: nil, difficulty: nil, excluding: passed)
            #expect(!passed.contains(picked.id))
        }
        let a = try Mock.pickExercise(seed: 9, phase: 4, difficulty: "hard", excluding: [])
        #expect(try Mock.pickExercise(seed: 9, phase: 4, difficulty: "hard", excluding: []) == a)
        #expect(a.difficulty == .hard && Catalogue.lesson(id: a.lesson)?.phase == 4)
    }

    @Test("bad filters, or nothing left to practise, are bad input (exit 2)")
    func badFilters() {
        let everything = Set(Catalogue.exercises.map(\.id))
        for (phase, difficulty, excluded) in [(7, nil, []), (nil, "impossible", []), (nil, nil, everything)]
            as [(Int?, String?, Set<String>)]
        {
            #expect {
                try Mock.pickExercise(seed: 1, phase: phase, difficulty: difficulty, excluding: excluded)
            } throws: { error in
                (error as? HandbookError)?.exitCode.rawValue == 2
            }
        }
    }

    /// A coding mock of `two-sum` started at `start`, with a fake toolchain.
    func codingMock(in base: URL, minutes: Int = 45) throws -> (root: URL, swift: FakeSwift, store: ProgressStore) {
        let root = base.appendingPathComponent("mock")
        let exercise = try #require(Catalogue.exercise(withID: "two-sum"))
        let practice = Mock.practiceWorkspace(for: exercise, root: root)
        try practice.create(from: workspace, reset: true, notes: ("MOCK.md", Mock.brief(exercise, minutes: minutes)))
        try Mock.save(.init(kind: .coding, item: "two-sum", seed: 1, startedAt: start, minutes: minutes), in: root)
        let swift = try FakeSwift(
            in: base.appendingPathComponent("bin"), learner: practice.learnerFile, suite: practice.testFilter)
        return (root, swift, ProgressStore(file: base.appendingPathComponent("progress.json")))
    }

    @Test("the brief hides the title, lesson and difficulty")
    func briefHidesTheExercise() throws {
        let exercise = try #require(Catalogue.exercise(withID: "lru-cache"))
        let brief = Mock.brief(exercise, minutes: 45)
        #expect(brief.contains(exercise.prompt))
        #expect(!brief.contains("lru-cache") && !brief.contains(exercise.difficulty.rawValue + ","))
        #expect(!brief.contains(Catalogue.lesson(id: exercise.lesson)!.title))
    }

    @Test("the first check needs complexity and edge cases; nothing runs before")
    func analysisBeforeTheFirstCheck() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-mock-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let (root, swift, store) = try codingMock(in: base)
        #expect(throws: HandbookError.self) {
            try Mock.check(
                root: root, toolchain: Toolchain(swift: swift.executable), store: store, complexity: "O(n)",
                edgeCases: nil, now: start.addingTimeInterval(60))
        }
        #expect(swift.calls.isEmpty)
        let text = try Mock.check(
            root: root, toolchain: Toolchain(swift: swift.executable), store: store,
            complexity: "O(n) time, O(n) space",
            edgeCases: "no pair, duplicates, Int.min", now: start.addingTimeInterval(60))
        #expect(text.contains("44 min 0 s left."))
        #expect(try Mock.load(root).checks == 1, "the analysis is kept for later checks")
    }

    @Test("a pass ends the mock: recorded with the time used, revealed, rubric shown, the work kept aside")
    func passEndsAndRecords() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-mock-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let (root, swift, store) = try codingMock(in: base)
        try Data("// my answer\n".utf8).write(to: root.appendingPathComponent("Sources/HandbookLeetCode/TwoSum.swift"))
        let text = try Mock.check(
            root: root, toolchain: Toolchain(swift: swift.executable), store: store, complexity: "O(n)",
            edgeCases: "overflow", now: start.addingTimeInterval(1_234))
        #expect(text.contains("Passed in 20 min 34 s of 45 min."))
        #expect(text.contains("It was `two-sum`"))
        #expect(Mock.rubric.allSatisfy(text.contains))
        let result = try #require(store.load().mocks.last)
        #expect(result.passed == true && result.secondsUsed == 1_234 && result.item == "two-sum")
        #expect(!FileManager.default.fileExists(atPath: root.path))
        let aside = try FileManager.default.contentsOfDirectory(atPath: base.path).filter {
            $0.hasPrefix("mock-ended-")
        }
        #expect(aside.count == 1, "the learner's code is moved aside, never deleted")
    }

    @Test("a check after the clock ran out ends the mock without running the tests")
    func timeUp() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-mock-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let (root, swift, store) = try codingMock(in: base, minutes: 30)
        let text = try Mock.check(
            root: root, toolchain: Toolchain(swift: swift.executable), store: store, complexity: "O(n)",
            edgeCases: "empty", now: start.addingTimeInterval(31 * 60))
        #expect(text.hasPrefix("Time is up."))
        #expect(swift.calls.isEmpty)
        #expect(store.load().mocks.last?.passed == false)
    }

    @Test("a mock in progress is never replaced without --reset")
    func noSilentReplace() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-mock-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let (root, _, _) = try codingMock(in: base)
        #expect(throws: HandbookError.self) { try Mock.prepare(root, reset: false) }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(Mock.stateFile).path))
    }

    @Test("a design mock ends with the reference outline: every part names its lessons")
    func designOutline() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-mock-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("mock")
        let question = Mock.pickDesign(seed: 4)
        #expect(Mock.pickDesign(seed: 4) == question)
        try Mock.save(.init(kind: .design, item: question.id, seed: 4, startedAt: start, minutes: 35), in: root)
        let store = ProgressStore(file: base.appendingPathComponent("progress.json"))
        let text = try Mock.end(root: root, store: store, passed: false, now: start.addingTimeInterval(1_800))
        for part in question.outline { #expect(text.contains(part.point)) }
        #expect(store.load().mocks.last?.kind == "design" && store.load().mocks.last?.passed == nil)
        // A second mock ended in the same second is kept beside the first.
        try Mock.save(.init(kind: .design, item: question.id, seed: 4, startedAt: start, minutes: 35), in: root)
        _ = try Mock.end(root: root, store: store, passed: false, now: start.addingTimeInterval(1_800))
        let aside = try FileManager.default.contentsOfDirectory(atPath: base.path).filter {
            $0.hasPrefix("mock-ended-")
        }
        #expect(aside.count == 2)
        #expect(store.load().mocks.count == 2)
    }
}
