import Foundation
import HandbookConcurrency
import HandbookTestSupport
import Testing

@Suite("Data-race safety", .timeLimit(.minutes(1)))
struct DataRaceSafetyTests {
    typealias Lesson = DataRaceSafety

    /// The synchronised counters, built fresh for each run.
    enum SafeCounter: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case nsLock, mutex, atomic

        func make() -> any Lesson.Counter {
            switch self {
            case .nsLock: Lesson.LockedCounter()
            case .mutex: Lesson.MutexCounter()
            case .atomic: Lesson.AtomicCounter()
            }
        }

        var testDescription: String { rawValue }

        /// Every counter, minus the `Mutex` one under ThreadSanitizer: when two
        /// threads contend for a `Mutex`, TSan misses the kernel hand-over and
        /// reports a false race (see `ThreadSanitizer.isActive`). The plain
        /// `swift test` run covers it; under TSan `NSLock` and `Atomic` do.
        static var checkedInThisBuild: [SafeCounter] {
            ThreadSanitizer.isActive ? allCases.filter { $0 != .mutex } : allCases
        }
    }

    @Test("Go's ConcurrentIncrement (a var captured by addTask) does not compile")
    func capturedVarDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/ConcurrentIncrement.swift",
            group: "SendingClosureRisksDataRace",
            diagnostics: ["closure captures reference to mutable var 'counter'"])
    }

    @Test("a class captured by Task {} and mutated on both sides does not compile")
    func sharedClassDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/SharedClassMutatedByTask.swift",
            group: "SendingRisksDataRace",
            diagnostics: ["risks causing data races"])
    }

    @Test("a mutable global does not compile")
    func mutableGlobalDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/MutableGlobalCounter.swift",
            group: "MutableGlobalVariable",
            diagnostics: ["var 'hits' is not concurrency-safe because it is nonisolated global shared mutable state"])
    }

    @Test(
        "the fixed ConcurrentIncrement counts exactly 1000 with each Sendable owner",
        arguments: SafeCounter.checkedInThisBuild)
    func fixedConcurrentIncrementIsExact(counter: SafeCounter) async {
        #expect(await Lesson.concurrentIncrement(tasks: 1_000, using: counter.make()) == 1_000)
    }

    @Test("an actor as the owner counts exactly 1000")
    func actorOwnerIsExact() async {
        let counter = Lesson.ActorCounter()
        #expect(await Lesson.concurrentIncrement(tasks: 1_000, using: counter) == 1_000)
        #expect(await counter.value == 1_000)
    }

    @Test(
        "two threads hammering a synchronised counter lose no update (TSan-clean)",
        arguments: SafeCounter.checkedInThisBuild)
    func twoThreadsLoseNothing(counter: SafeCounter) async {
        let iterations = 10_000
        let total = await Lesson.incrementOnTwoThreads(counter.make(), iterations: iterations)
        #expect(total == 2 * (1 + iterations))
    }

    @Test("the unchecked counter compiles as Sendable: the compiler took our word for it")
    func uncheckedCounterIsAcceptedAsSendable() async {
        // Nothing races here (one task at a time); the point is that the type
        // checks as Sendable although nothing protects its state.
        let counter: any Lesson.Counter = Lesson.UncheckedCounter()
        let task = Task { counter.increment() }
        await task.value
        counter.increment()
        #expect(counter.value == 2)
    }

    /// The runtime race the compiler cannot see. Opt-in: run it with
    /// `HANDBOOK_RACE_DEMOS=1 TSAN_OPTIONS=halt_on_error=1 swift test
    /// --sanitize=thread --scratch-path .build-tsan --filter
    /// 'HandbookConcurrencyTests.DataRaceSafetyTests/raceDemo'` and expect it
    /// to FAIL with "ThreadSanitizer: data race". Without TSan it passes:
    /// the final count is unreliable evidence either way.
    @Test(
        "race demo: two threads on an @unchecked Sendable box (TSan must report a data race)",
        .enabled(if: ProcessInfo.processInfo.environment["HANDBOOK_RACE_DEMOS"] == "1"))
    func raceDemo() async {
        let iterations = 10_000
        let total = await Lesson.incrementOnTwoThreads(Lesson.UncheckedCounter(), iterations: iterations)
        #expect(total <= 2 * (1 + iterations), "lost updates are possible; extra ones are not")
    }

    @Test("bad input is a documented precondition")
    func negativeCountsTrap() async {
        await #expect(processExitsWith: .failure) {
            _ = await DataRaceSafety.incrementOnTwoThreads(DataRaceSafety.AtomicCounter(), iterations: -1)
        }
    }
}
