import Dispatch
import Foundation
import HandbookConcurrency
import HandbookTestSupport
import Testing

#if os(Linux)
    private let isLinux = true
#else
    private let isLinux = false
#endif

@Suite("Global actors on a server", .timeLimit(.minutes(1)))
struct GlobalActorsOnAServerTests {
    typealias Lesson = GlobalActorsOnAServer

    @Test("main-actor code runs as a job of the main dispatch queue, isolated to MainActor.shared")
    @MainActor func mainActorCodeRunsOnTheMainQueue() async {
        let placement = Lesson.placementOfMainActorCode()
        #expect(placement.isolatedToMainActor)
        #expect(placement.onMainQueue)
        let offTheMainActor = await Task.detached { Lesson.isOnMainQueue }.value
        #expect(!offTheMainActor, "the marker must be false elsewhere, or the check above proves nothing")
    }

    @Test(
        "on Linux, main-actor code does not run on the process's main thread once dispatch_main() has run",
        .enabled(if: isLinux, "libdispatch on Linux hands the main queue to a worker thread in dispatch_main()"))
    @MainActor func mainActorIsNotTheMainThreadOnLinux() {
        // This test process has an async main (SwiftPM's runner), so the
        // runtime has called dispatch_main() long before any test runs.
        let placement = Lesson.placementOfMainActorCode()
        #expect(placement.isolatedToMainActor && placement.onMainQueue)
        #expect(!placement.onMainThread)
    }

    @Test("a main-queue callback may assume main-actor isolation; off the main actor the assumption traps")
    func assumeIsolatedChecksTheExecutor() async {
        let placement = await withCheckedContinuation { continuation in
            DispatchQueue.main.async {
                continuation.resume(returning: Lesson.mainQueueCompletionHandler())
            }
        }
        #expect(placement.isolatedToMainActor && placement.onMainQueue)
        // The failed main-actor check prints no message with Swift 6.3.1 on
        // Linux, so the test checks how the process dies, not what it says.
        #if os(Linux)
            let trap = ExitTest.Condition.signal(SIGILL)
        #else
            let trap = ExitTest.Condition.failure
        #endif
        await #expect(processExitsWith: trap) {
            await Task.detached { _ = Lesson.mainQueueCompletionHandler() }.value
        }
    }

    @Test("Task {} started in @MainActor code is main-actor isolated although it captures nothing")
    func taskStartedOnTheMainActorInheritsIt() async {
        #expect(await Lesson.isolationOfTaskStartedOnTheMainActor() === MainActor.shared)
        let detached = await Task.detached { #isolation }.value
        #expect(detached == nil)
    }

    @Test(
        "a synchronous main that waits for main-actor work never gets it; an async main or dispatchMain() does",
        arguments: [
            ("SynchronousMainBlocks", "main-actor job never ran"),
            ("AsyncMainDrains", "main-actor job ran"),
            ("DispatchMainDrains", "main-actor job ran"),
        ])
    func entryPointDecidesWhetherTheMainActorRuns(program: String, expected: String) throws {
        #expect(try Self.compileAndRun(program) == expected)
    }

    @Test("main-actor code that blocks for main-actor work starves it: the job runs only after the wait gives up")
    func blockingMainActorCodeStarvesTheMainActor() async {
        let log = EventLog<String>()
        let jobRan = Gate()
        let finishedInTime = await MainActor.run {
            let finished = Lesson.waitSynchronously(timeout: .milliseconds(200)) {
                await MainActor.run { log.append("main-actor job") }
                jobRan.open()
            }
            log.append("wait gave up")
            return finished
        }
        await jobRan.wait()
        #expect(!finishedInTime)
        #expect(log.events == ["wait gave up", "main-actor job"])
        // The bridge itself works: from a thread that is not the main
        // actor's, the same main-actor job finishes.
        let fromAThread = await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(
                    returning: Lesson.waitSynchronously(timeout: .seconds(10)) { await MainActor.run {} })
            }.start()
        }
        #expect(fromAThread)
    }

    @Test("two unrelated @StorageActor types share one executor: one closure touches both synchronously")
    func everyAnnotatedTypeSharesOneExecutor() async {
        let sessions = Lesson.SessionStore()
        let audit = Lesson.AuditLog()
        let isolation = await Lesson.StorageActor.run {
            sessions.open(token: "t1", user: "ada")
            audit.record("login ada")
            return #isolation
        }
        #expect(isolation === Lesson.StorageActor.shared)
        #expect(await sessions.user(for: "t1") == "ada")
        #expect(await audit.entries == ["login ada"])
    }

    @Test("the global actor serialises 200 calls from 200 tasks across both types: never two at once")
    func globalActorSerialisesEveryCall() async {
        let sessions = Lesson.SessionStore()
        let audit = Lesson.AuditLog()
        let gauge = ConcurrencyGauge()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    await Lesson.StorageActor.run {
                        gauge.enter()
                        defer { gauge.leave() }
                        if index.isMultiple(of: 2) {
                            sessions.open(token: "t\(index)", user: "user\(index)")
                        } else {
                            audit.record("event \(index)")
                        }
                    }
                }
            }
        }
        #expect(gauge.peak == 1)
        #expect(await sessions.count == 100)
        #expect(await audit.entries.count == 100)
    }

    @Test("two shard actors run at the same time: each waits inside its actor until the other has entered")
    func separateActorsRunInParallel() async {
        let east = Lesson.Shard(name: "east")
        let west = Lesson.Shard(name: "west")
        let eastEntered = DispatchSemaphore(value: 0)
        let westEntered = DispatchSemaphore(value: 0)
        // Each task prefers its own serial queue, and an actor job follows its
        // task's preference (SE-0417), so the blocking rendezvous below holds
        // a dedicated thread and never starves the cooperative pool. The
        // timeouts fire only if the two actors cannot both be running.
        let eastSawWest = Task(executorPreference: SerialTaskExecutor(label: "east")) {
            await east.withCounters { counters in
                counters["rendezvous", default: 0] += 1
                eastEntered.signal()
                return westEntered.wait(timeout: .now() + .seconds(2)) == .success
            }
        }
        let westSawEast = Task(executorPreference: SerialTaskExecutor(label: "west")) {
            await west.withCounters { counters in
                counters["rendezvous", default: 0] += 1
                westEntered.signal()
                return eastEntered.wait(timeout: .now() + .seconds(2)) == .success
            }
        }
        #expect(await eastSawWest.value)
        #expect(await westSawEast.value)
        #expect(await east.increment("rendezvous") == 2)
    }

    // MARK: - Running a fixture program

    struct ProgramFailed: Error, CustomStringConvertible {
        var command: String
        var status: Int32
        var output: String
        var description: String { "\(command) exited \(status):\n\(output)" }
    }

    /// Builds `Fixtures/Programs/HandbookConcurrency/<name>.swift` with plain
    /// `swiftc -swift-version 6` (no upcoming features) and returns what it
    /// printed. A real executable is the only honest test of an entry point.
    static func compileAndRun(_ name: String) throws -> String {
        let source = PackagePaths.url("Fixtures/Programs/HandbookConcurrency/\(name).swift")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent(name).path
        let swiftc =
            ProcessInfo.processInfo.environment["SWIFTC"].map { ($0, [String]()) } ?? ("/usr/bin/env", ["swiftc"])
        _ = try run(swiftc.0, swiftc.1 + ["-swift-version", "6", "-parse-as-library", source.path, "-o", binary])
        return try run(binary, []).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ProgramFailed(
                command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus,
                output: text)
        }
        return text
    }
}
