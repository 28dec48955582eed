import ArgumentParser
import Foundation
import HandbookCatalog
import HandbookTestSupport
import Testing

@testable import HandbookCommands

@Suite("The handbook command")
struct HandbookCommandsTests {
    // MARK: Argument parsing

    @Test("no arguments runs the learning path")
    func defaultSubcommandIsThePath() throws {
        #expect(try Handbook.parseAsRoot([]) is LearningPath)
    }

    @Test(
        "subcommands parse their arguments",
        arguments: [
            ["test", "basics.value-vs-reference"], ["break", "value-vs-reference.mutate-through-parameter"],
            ["break", "--all", "--module", "basics", "--json"], ["experiments", "basics.dictionaries", "--json"],
            ["break", "--all", "--phase", "5", "--reuse-build", "Service=Service/.build"],
            ["progress", "--json"], ["list", "--json"], ["show", "basics.dictionaries"], ["readme", "--check"],
        ])
    func subcommandsParse(_ arguments: [String]) throws {
        _ = try Handbook.parseAsRoot(arguments)
    }

    @Test(
        "contradictory break arguments are rejected before anything runs",
        arguments: [
            ["break"], ["break", "some-id", "--all"], ["break", "some-id", "--module", "basics"],
            ["break", "--all", "--timeout", "0"],
            // --reuse-build names a package that holds lessons, and a folder.
            ["break", "--all", "--reuse-build", "Service"], ["break", "--all", "--reuse-build", "Nowhere=.build"],
            ["break", "--all", "--reuse-build", "Service="],
        ])
    func breakValidation(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try Handbook.parseAsRoot(arguments) }
    }

    // MARK: Unknown ids

    @Test("an unknown lesson id fails with exit code 2 and the closest ids")
    func unknownLesson() throws {
        let error = try #require(throws: HandbookError.self) { try requireLesson("basics.value-vs-referenc") }
        guard case .unknownLesson(_, let suggestions) = error else {
            Issue.record("wrong error \(error)")
            return
        }
        #expect(suggestions.first == "basics.value-vs-reference")
        #expect(error.exitCode == ExitCode(2))
        #expect(error.description.contains("Closest: basics.value-vs-reference"))
    }

    @Test("unknown experiments and modules are bad input too (exit code 2)")
    func unknownExperimentAndModule() throws {
        let experiment = try #require(throws: HandbookError.self) { try requireExperiment("value-vs-reference.nope") }
        #expect(experiment.exitCode == ExitCode(2))
        let module = try #require(throws: HandbookError.self) { try requireModule("Basix") }
        #expect(module.exitCode == ExitCode(2))
        #expect(try requireModule("basics").name == "HandbookBasics")
        #expect(try requireModule("HandbookBasics").name == "HandbookBasics")
    }

    @Test("a missing toolchain is reported, not crashed on")
    func missingToolchain() {
        #expect(throws: HandbookError.noToolchain) { try Toolchain.locate(environment: ["PATH": "/nonexistent"]) }
    }

    // MARK: JSON shapes

    @Test("list --json is {\"lessons\": [...]} with every catalogue field")
    func listJSONShape() throws {
        let json = try CatalogueJSON.encode(Catalogue.lessons)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let lessons = try #require(object["lessons"] as? [[String: Any]])
        #expect(lessons.count == Catalogue.lessons.count)
        let fields: Set<String> = [
            "id", "phase", "module", "title", "sources", "tests", "seedTopics", "checklist", "questions", "experiments",
        ]
        #expect(Set(lessons[0].keys) == fields)
        let experiment = try #require((lessons[0]["experiments"] as? [[String: Any]])?.first)
        #expect(Set(experiment.keys) == ["id", "file", "original", "replacement", "caughtBy", "expect", "teaches"])
        // Round trip: the JSON decodes back into the same catalogue.
        let decoded = try JSONDecoder().decode([String: [Lesson]].self, from: Data(json.utf8))
        #expect(decoded["lessons"] == Catalogue.lessons)
    }

    @Test("experiments --json names each experiment's lesson")
    func experimentsJSONShape() throws {
        let command = try #require(
            try Handbook.parseAsRoot(["experiments", "basics.value-vs-reference"]) as? Experiments)
        let entries = try command.entries()
        #expect(entries.map(\.lesson) == Array(repeating: "basics.value-vs-reference", count: entries.count))
        let data = try JSONEncoder().encode(["experiments": entries])
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[String: Any]]])
        #expect(
            Set(object["experiments"]?.first?.keys ?? [:].keys) == [
                "lesson", "id", "file", "original", "replacement", "caughtBy", "expect", "teaches",
            ])
    }

    @Test("progress --json lists every lesson and every seed checklist item")
    func progressJSONShape() throws {
        let summary = Progress.summary(of: .init(), file: URL(fileURLWithPath: "/tmp/p.json"))
        let data = try JSONEncoder().encode(summary)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["lessons"] as? [Any])?.count == Catalogue.lessons.count)
        #expect((object["checklist"] as? [Any])?.count == Seed.checklist.count)
    }

    // MARK: Progress

    @Test("progress is saved outside the repository and ticks a checklist item when its lessons are done")
    func progressTicksTheChecklist() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-progress-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = ProgressStore(file: directory.appendingPathComponent("progress.json"))
        let item = "Error Handling - Can you implement custom errors with wrapping?"
        let lessons = Catalogue.lessons.filter { $0.checklist.contains(item) }
        try #require(!lessons.isEmpty)
        for lesson in lessons {
            #expect(!store.load().isTicked(item))
            try store.recordTest(lesson: lesson.id, passed: true)
            try store.recordBreak(lesson: lesson.id, experiment: lesson.experiments[0].id)
        }
        let reloaded = store.load()
        #expect(reloaded.isTicked(item))
        #expect(lessons.allSatisfy(reloaded.isDone))
        #expect(
            ProgressStore.defaultFile(environment: ["XDG_CONFIG_HOME": "/cfg"]).path == "/cfg/handbook/progress.json")
        #expect(ProgressStore.defaultFile(environment: ["HANDBOOK_PROGRESS_FILE": "/x.json"]).path == "/x.json")
    }

    @Test("an unreadable progress file is never lost: readers leave it, the next write backs it up and says where")
    func corruptProgressIsBackedUp() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-progress-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("progress.json")
        let corrupt = Data("{\"lessons\": {\"basics.value-vs-reference\": {\"testsPassed\": tru".utf8)
        try corrupt.write(to: file)
        let store = ProgressStore(file: file)

        let snapshot = store.read()
        #expect(snapshot.problem != nil)
        #expect(snapshot.document == .init())
        #expect(FileManager.default.contents(atPath: file.path) == corrupt, "reading changes nothing")

        let update = try store.recordTest(lesson: "basics.value-vs-reference", passed: true)
        let backup = try #require(update.backup)
        #expect(FileManager.default.contents(atPath: backup.path) == corrupt, "the bad bytes are kept, unchanged")
        #expect(store.read().problem == nil)
        #expect(store.load().lessons["basics.value-vs-reference"]?.testsPassed == true)
        #expect(try store.recordTest(lesson: "basics.value-vs-reference", passed: false).backup == nil)

        try corrupt.write(to: file)  // corrupt again: a second backup, never overwriting the first
        let second = try #require(try store.recordTest(lesson: "x", passed: true).backup)
        #expect(second != backup)
        #expect(FileManager.default.contents(atPath: backup.path) == corrupt)
    }

    @Test("concurrent writers each keep their update: 40 recordBreak calls from 40 tasks all land")
    func concurrentProgressWritersDoNotLoseUpdates() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-progress-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = ProgressStore(file: directory.appendingPathComponent("progress.json"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask { try store.recordBreak(lesson: "lesson-\(index % 4)", experiment: "e\(index)") }
            }
            try await group.waitForAll()
        }
        let document = store.load()
        #expect(document.lessons.values.reduce(0) { $0 + $1.brokenExperiments.count } == 40)
    }

    // MARK: Applying and reverting an experiment in a scratch copy

    @Test("an experiment is applied in the scratch copy only, and the next sync reverts it")
    func applyAndRevertInAScratchCopy() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("handbook-mirror-\(UUID())")
        defer { try? manager.removeItem(at: base) }
        let tree = base.appendingPathComponent("tree")
        try manager.createDirectory(at: tree.appendingPathComponent("Sources/M"), withIntermediateDirectories: true)
        try manager.createDirectory(at: tree.appendingPathComponent(".build/debug"), withIntermediateDirectories: true)
        let lesson = "let answer = 42\nlet other = 1\n"
        try lesson.write(to: tree.appendingPathComponent("Sources/M/Lesson.swift"), atomically: true, encoding: .utf8)
        try "junk".write(to: tree.appendingPathComponent(".build/debug/junk"), atomically: true, encoding: .utf8)

        let mirror = WorkspaceMirror(workspace: Workspace(root: tree), cache: base.appendingPathComponent("cache"))
        #expect(try mirror.sync() == 1)  // build folders are not copied
        #expect(try mirror.sync() == 0)  // unchanged files are not rewritten: incremental builds stay warm

        let experiment = Experiment(
            id: "m.change-answer", file: "Sources/M/Lesson.swift", original: "answer = 42", replacement: "answer = 41",
            caughtBy: "MTests", teaches: "")
        try mirror.apply(experiment)
        let copied = mirror.source.appendingPathComponent("Sources/M/Lesson.swift")
        #expect(try String(contentsOf: copied, encoding: .utf8).contains("answer = 41"))
        #expect(
            try String(contentsOf: tree.appendingPathComponent("Sources/M/Lesson.swift"), encoding: .utf8) == lesson)

        #expect(try mirror.sync() == 1)
        #expect(try String(contentsOf: copied, encoding: .utf8) == lesson)
    }

    @Test("an experiment whose original text is not unique is refused")
    func ambiguousOriginalIsRefused() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("handbook-mirror-\(UUID())")
        defer { try? manager.removeItem(at: base) }
        let tree = base.appendingPathComponent("tree")
        try manager.createDirectory(at: tree, withIntermediateDirectories: true)
        try "x = 1\nx = 1\n".write(to: tree.appendingPathComponent("F.swift"), atomically: true, encoding: .utf8)
        let mirror = WorkspaceMirror(workspace: Workspace(root: tree), cache: base.appendingPathComponent("cache"))
        try mirror.sync()
        let experiment = Experiment(
            id: "f.twice", file: "F.swift", original: "x = 1", replacement: "x = 2", caughtBy: "T", teaches: "")
        #expect(throws: WorkspaceMirror.ApplyError.self) { try mirror.apply(experiment) }
    }

    @Test("the mirror folder name is stable across processes (not Hasher, which is seeded per run)")
    func stableHash() {
        #expect(WorkspaceMirror.stableHash("/work/main") == WorkspaceMirror.stableHash("/work/main"))
        #expect(WorkspaceMirror.stableHash("") == "cbf29ce484222325")
        #expect(WorkspaceMirror.stableHash("/a") != WorkspaceMirror.stableHash("/b"))
    }

    // MARK: Reading test output

    @Test("test output is summarised from Swift Testing's result lines")
    func testOutputParsing() {
        let output = """
            ✔ Test "a" passed after 0.001 seconds.
            ✘ Test "b" recorded an issue at X.swift:3:5: Expectation failed: 1 == 2
            ✘ Test "b" failed after 0.002 seconds with 1 issue.
            ✔ Test "c" passed after 0.001 seconds.
            ✔ Test "d" with 3 test cases passed after 0.001 seconds.
            ✘ Test run with 3 tests in 1 suite failed after 0.003 seconds with 1 issue.
            """
        #expect(TestOutput.counts(in: output) == (3, 1))
        let lines = TestOutput.failureLines(in: output)
        #expect(lines.first?.contains("Expectation failed: 1 == 2") == true)
        #expect(lines.count == 3)
    }
}
