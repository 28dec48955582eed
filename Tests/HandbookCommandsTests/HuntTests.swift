import Foundation
import HandbookCatalog
import HandbookTestSupport
import Testing

@testable import HandbookCommands

/// `handbook hunt`: which bug is planted, that it is not named before a
/// pass, and what `hunt check` reveals and records (with ``FakeSwift``).
@Suite("Bug hunts", .timeLimit(.minutes(1)))
struct HuntTests {
    let workspace = Workspace(root: PackagePaths.root)

    @Test("the same seed and scope plant the same bug; seeds spread over the lesson's experiments")
    func seedReplaysTheHunt() throws {
        let state = Hunt.State(seed: 42, lesson: "ds.lru-cache", phase: nil, experimentDigest: "")
        let first = try Hunt.pick(state).1.id
        #expect(try Hunt.pick(state).1.id == first)
        let picked = Set(
            try (1...64).map { seed in
                try Hunt.pick(Hunt.State(seed: UInt64(seed), lesson: "ds.lru-cache", phase: nil, experimentDigest: ""))
                    .1.id
            })
        let candidates = try Hunt.candidates(lesson: "ds.lru-cache", phase: nil).map(\.1.id)
        #expect(picked == Set(candidates), "64 seeds reach every candidate of a small lesson")
    }

    @Test(
        "the scope limits the candidates to caught-by-a-failing-test edits of lesson sources",
        arguments: [("leetcode.two-sum", nil), (nil, 3), (nil, nil)] as [(String?, Int?)])
    func scopeAndKind(lesson: String?, phase: Int?) throws {
        let candidates = try Hunt.candidates(lesson: lesson, phase: phase)
        #expect(!candidates.isEmpty)
        for (owner, experiment) in candidates {
            #expect(experiment.expect == .fails, "\(experiment.id): a hang or a compile error gives the bug away")
            #expect(owner.sources.contains(experiment.file))
            if let lesson { #expect(owner.id == lesson) }
            if let phase { #expect(owner.phase == phase) }
        }
    }

    @Test("bad scopes are bad input: both options, an unknown lesson, a phase out of range")
    func badScopes() {
        #expect(throws: HandbookError.self) { try Hunt.candidates(lesson: "ds.lru-cache", phase: 4) }
        #expect(throws: HandbookError.self) { try Hunt.candidates(lesson: "ds.lru-cach", phase: nil) }
        #expect(throws: HandbookError.self) { try Hunt.candidates(lesson: nil, phase: 6) }
    }

    @Test("Phase 5 is not hunted (its practice copy would build SwiftNIO), and the refusal says why")
    func phaseFiveIsNotHunted() throws {
        for scope in [(nil, 5), ("server.graceful-shutdown", nil)] as [(String?, Int?)] {
            let error = #expect(throws: HandbookError.self) { try Hunt.candidates(lesson: scope.0, phase: scope.1) }
            #expect(error.map { "\($0)" }?.contains("bug hunts cover Phases 1-4") == true)
        }
        let everywhere = try Hunt.candidates(lesson: nil, phase: nil)
        #expect(everywhere.allSatisfy { $0.0.phase <= 4 })
    }

    @Test("starting plants the edit, names neither the experiment nor its text, and never overwrites without --reset")
    func startPlantsWithoutNaming() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-hunt-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("hunt")
        let state = Hunt.State(seed: 7, lesson: "leetcode.two-sum", phase: nil, experimentDigest: "")
        let (_, experiment, saved) = try Hunt.start(state, in: root, from: workspace, reset: false)
        let planted = try String(contentsOf: root.appendingPathComponent(experiment.file), encoding: .utf8)
        #expect(
            planted
                == (try workspace.read(experiment.file)).replacingOccurrences(
                    of: experiment.original, with: experiment.replacement))
        for file in ["HUNT.md", Hunt.stateFile] {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains(experiment.id), "\(file) names the experiment")
            #expect(!text.contains(experiment.teaches), "\(file) gives the lesson away")
        }
        #expect(saved.experimentDigest == WorkspaceMirror.stableHash(experiment.id))
        try Data("// my fix in progress\n".utf8).write(to: root.appendingPathComponent(experiment.file))
        #expect(throws: HandbookError.self) { try Hunt.start(state, in: root, from: workspace, reset: false) }
        #expect(
            try String(contentsOf: root.appendingPathComponent(experiment.file), encoding: .utf8)
                == "// my fix in progress\n")
    }

    @Test("check reveals the experiment only after a pass, and records the find without naming it before")
    func revealOnlyAfterAPass() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-hunt-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("hunt")
        let state = Hunt.State(seed: 11, lesson: "leetcode.two-sum", phase: nil, experimentDigest: "")
        let (lesson, experiment, saved) = try Hunt.start(state, in: root, from: workspace, reset: false)
        let learner = root.appendingPathComponent(experiment.file)
        let swift = try FakeSwift(
            in: base.appendingPathComponent("bin"), learner: learner, suite: lesson.testFilter,
            passWhen: "// FIXED")
        let store = ProgressStore(file: base.appendingPathComponent("progress.json"))
        func check(giveUp: Bool = false) throws -> Hunt.Report {
            try Hunt.check(
                root: root, workspace: workspace, toolchain: Toolchain(swift: swift.executable), store: store,
                giveUp: giveUp)
        }

        let unfixed = try check()
        #expect(!unfixed.passed && !unfixed.revealed)
        #expect(!unfixed.text.contains(experiment.id))
        #expect(!unfixed.text.contains(experiment.teaches))
        let stored = try String(contentsOf: store.file, encoding: .utf8)
        #expect(!stored.contains(experiment.id), "the progress file must not give the bug away")

        try Data((try workspace.read(experiment.file) + "\n// FIXED\n").utf8).write(to: learner)
        let fixed = try check()
        #expect(fixed.passed && fixed.revealed)
        #expect(fixed.text.contains(experiment.id))
        #expect(fixed.text.contains(experiment.teaches))
        let progress = try #require(store.load().hunts[saved.experimentDigest])
        #expect(progress.foundAt != nil && !progress.gaveUp && progress.experiment == experiment.id)
        #expect(progress.checks == 2)
    }

    @Test("giving up reveals the bug without a pass and is recorded as such")
    func giveUpIsRecorded() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-hunt-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("hunt")
        let state = Hunt.State(seed: 3, lesson: nil, phase: 4, experimentDigest: "")
        let (_, experiment, saved) = try Hunt.start(state, in: root, from: workspace, reset: false)
        let store = ProgressStore(file: base.appendingPathComponent("progress.json"))
        let report = try Hunt.check(
            root: root, workspace: workspace, toolchain: Toolchain(swift: URL(fileURLWithPath: "/nonexistent")),
            store: store, giveUp: true)
        #expect(report.revealed && !report.passed)
        #expect(report.text.contains(experiment.id))
        let progress = try #require(store.load().hunts[saved.experimentDigest])
        #expect(progress.gaveUp && progress.foundAt == nil)
    }

    @Test("a hunt whose saved seed no longer picks the same experiment is refused, not misreported")
    func changedCatalogueIsRefused() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-hunt-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("hunt")
        var state = Hunt.State(seed: 5, lesson: "ds.lru-cache", phase: nil, experimentDigest: "")
        _ = try Hunt.start(state, in: root, from: workspace, reset: false)
        state.experimentDigest = "0000000000000000"
        try Hunt.save(state, in: root)
        #expect {
            try Hunt.check(
                root: root, workspace: workspace, toolchain: Toolchain(swift: URL(fileURLWithPath: "/nonexistent")),
                store: ProgressStore(file: base.appendingPathComponent("progress.json")), giveUp: true)
        } throws: { error in
            (error as? HandbookError)?.description.contains("catalogue changed") == true
        }
    }
}
