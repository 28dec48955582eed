import Dispatch
import Foundation
import HandbookConcurrency
import HandbookTestSupport
import Synchronization
import Testing

@Suite("Locks and Mutex", .timeLimit(.minutes(1)))
struct LocksAndMutexTests {
    typealias Lesson = LocksAndMutex

    /// Runs `body` on a dedicated `Thread`, so it may block (hold a lock,
    /// wait on a semaphore) without stalling the cooperative pool; `done`
    /// opens when it returns.
    static func onDedicatedThread(_ body: @escaping @Sendable () -> Void) -> Gate {
        let done = Gate()
        let thread = Thread {
            body()
            done.open()
        }
        thread.start()
        return done
    }

    @Test("1000 concurrent increments through a Mutex-backed class give exactly 1000", .contendsOnMutex)
    func concurrentIncrementsAreExact() async {
        let counter = Lesson.Counter()
        await withDiscardingTaskGroup { group in
            for _ in 0..<1_000 {
                group.addTask { counter.increment() }
            }
        }
        #expect(counter.count == 1_000)
    }

    @Test("8 tasks updating a Mutex<[String: Int]> while others read end with exact counts", .contendsOnMutex)
    func concurrentMapIsExact() async {
        let words = Lesson.WordCounts()
        let keys = (0..<10).map { "k\($0)" }
        await withDiscardingTaskGroup { group in
            for _ in 0..<8 {
                group.addTask {
                    for round in 0..<100 { words.add(keys[round % keys.count]) }
                }
                group.addTask {
                    for key in keys { #expect((0...80).contains(words[key])) }
                }
            }
        }
        #expect(words.snapshot == Dictionary(uniqueKeysWithValues: keys.map { ($0, 80) }))
    }

    @Test("withLockIfAvailable returns nil while another thread holds the lock, and succeeds after")
    func tryLockFailsWhileHeld() async {
        let counter = Lesson.Counter()
        let held = Gate()
        let release = DispatchSemaphore(value: 0)
        let holderDone = Self.onDedicatedThread {
            counter.holdingLock {
                held.open()
                release.wait()  // blocks the dedicated thread only
            }
        }
        await held.wait()
        #expect(counter.tryIncrement() == false, "the lock is taken: give up at once instead of waiting")
        #expect(counter.tryIncrement() == false)
        release.signal()
        await holderDone.wait()
        #expect(counter.tryIncrement() == true)
        #expect(counter.count == 1)
    }

    @Test("check-then-act inside one withLock: 50 tasks racing for 3 slots, exactly 3 win", .contendsOnMutex)
    func checkAndActUnderOneLock() async {
        let counter = Lesson.Counter()
        let wins = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<50 {
                group.addTask { counter.increment(ifBelow: 3) }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(wins == 3)
        #expect(counter.count == 3)
    }

    @Test("one caller, no contention: increment(ifBelow:) counts up to the limit and then refuses")
    func checkAndActStopsAtTheLimit() {
        let counter = Lesson.Counter()
        #expect((0..<5).map { _ in counter.increment(ifBelow: 3) } == [true, true, true, false, false])
        #expect(counter.count == 3)
    }

    @Test("Mutex is not recursive: locking it again inside withLock traps")
    func recursiveLockTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = LocksAndMutex.Counter().incrementReentrantly(ifBelow: 3)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("Recursive call to lock Mutex"))
    }

    @Test("a local Mutex captured by addTask does not compile; one stored in a Sendable class does")
    func localMutexCannotBeShared() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/LocalMutexCapturedByTask.swift",
            group: "SendingClosureRisksDataRace",
            diagnostics: ["closure captures reference to mutable let 'hits'"])
    }

    @Test("await inside withLock does not compile: the critical section is synchronous")
    func noAwaitInsideWithLock() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/AwaitInsideWithLock.swift",
            diagnostics: ["async", "to parameter expecting synchronous function type"])
    }

    @Test("read-write lock: a second reader gets in while one reads; a writer does not")
    func readersShareTheLock() async {
        let lock = Lesson.ReadWriteLock(0)
        let readers = ConcurrencyGauge()
        let reading = Gate()
        let release = DispatchSemaphore(value: 0)
        let readerDone = Self.onDedicatedThread {
            lock.read { _ in
                readers.enter()
                reading.open()
                release.wait()
                readers.leave()
            }
        }
        await reading.wait()
        let secondReader = lock.tryRead { value in
            readers.enter()
            defer { readers.leave() }
            return value
        }
        #expect(secondReader == 0, "a second reader was admitted while the first still reads")
        #expect(readers.peak == 2)
        #expect(lock.tryWrite { $0 += 1 } == nil, "a writer must wait for every reader")
        release.signal()
        await readerDone.wait()
        #expect(lock.tryWrite { $0 += 1 } != nil)
        #expect(lock.read { $0 } == 1)
    }

    @Test("read-write lock: while a writer holds it, neither readers nor writers get in")
    func writerExcludesEveryone() async {
        let lock = Lesson.ReadWriteLock("before")
        let writing = Gate()
        let release = DispatchSemaphore(value: 0)
        let writerDone = Self.onDedicatedThread {
            lock.write { value in
                value = "during"
                writing.open()
                release.wait()
                value = "after"
            }
        }
        await writing.wait()
        #expect(lock.tryRead { $0 } == nil)
        #expect(lock.tryWrite { _ in } == nil)
        release.signal()
        await writerDone.wait()
        #expect(lock.tryRead { $0 } == "after")
    }

    @Test("read-write lock under load: one writer at a time, no reader during a write, no lost write")
    func readWriteInvariantsUnderLoad() async {
        let lock = Lesson.ReadWriteLock(0)
        let readers = ConcurrencyGauge()
        let writers = ConcurrencyGauge()
        let violations = Lesson.Counter()
        await withDiscardingTaskGroup { group in
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<500 {
                        lock.read { _ in
                            readers.enter()
                            if writers.inFlight != 0 { violations.increment() }
                            readers.leave()
                        }
                    }
                }
            }
            for _ in 0..<2 {
                group.addTask {
                    for _ in 0..<500 {
                        lock.write { value in
                            writers.enter()
                            if readers.inFlight != 0 || writers.inFlight != 1 { violations.increment() }
                            value += 1
                            writers.leave()
                        }
                    }
                }
            }
        }
        #expect(violations.count == 0)
        #expect(writers.peak == 1)
        #expect(lock.read { $0 } == 1_000)
    }

    @Test("locks taken in argument order deadlock on opposite transfers (child process)")
    func argumentOrderDeadlocks() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let a = LocksAndMutex.Account(id: 1, balance: 100)
            let b = LocksAndMutex.Account(id: 2, balance: 100)
            let aHeld = DispatchSemaphore(value: 0)
            let bHeld = DispatchSemaphore(value: 0)
            let finished = DispatchSemaphore(value: 0)
            // Each thread takes its first lock, then waits until the other holds
            // its own: the deadly interleaving, forced every time.
            Thread {
                LocksAndMutex.transferLockingInArgumentOrder(10, from: a, to: b) {
                    aHeld.signal()
                    bHeld.wait()
                }
                finished.signal()
            }.start()
            Thread {
                LocksAndMutex.transferLockingInArgumentOrder(10, from: b, to: a) {
                    bHeld.signal()
                    aHeld.wait()
                }
                finished.signal()
            }.start()
            // A watchdog for platforms where a deadlock simply hangs (Darwin's
            // os_unfair_lock). On Linux the process traps long before it fires.
            let deadline = DispatchTime.now() + .seconds(5)
            let bothFinished =
                finished.wait(timeout: deadline) == .success && finished.wait(timeout: deadline) == .success
            exit(bothFinished ? 0 : 42)
        }
        #if os(Linux)
            // Mutex locks with a priority-inheritance futex; the kernel walks the
            // chain of owners, finds the cycle and returns EDEADLK, which Swift
            // reports with its (misleading) recursion message.
            #expect(
                String(decoding: result.standardErrorContent, as: UTF8.self).contains("Recursive call to lock Mutex"))
        #else
            #expect(result.exitStatus == .exitCode(42))
        #endif
    }

    @Test(
        "locks taken in id order: 20 000 opposite transfers on two threads finish and conserve money", .contendsOnMutex)
    func orderedTransfersNeverDeadlock() async {
        let a = Lesson.Account(id: 1, balance: 1_000)
        let b = Lesson.Account(id: 2, balance: 1_000)
        let forward = Self.onDedicatedThread {
            for _ in 0..<10_000 { Lesson.transfer(2, from: a, to: b) }
        }
        let backward = Self.onDedicatedThread {
            for _ in 0..<10_000 { Lesson.transfer(1, from: b, to: a) }
        }
        await forward.wait()
        await backward.wait()
        #expect(a.currentBalance == 1_000 - 20_000 + 10_000)
        #expect(b.currentBalance == 1_000 + 20_000 - 10_000)
        #expect(a.currentBalance + b.currentBalance == 2_000)
    }

    @Test("NSLock gives the same exact count, but only by convention (@unchecked Sendable)")
    func nsLockCounterIsExact() async {
        let counter = Lesson.NSLockCounter()
        await withDiscardingTaskGroup { group in
            for _ in 0..<1_000 {
                group.addTask { counter.increment() }
            }
        }
        #expect(counter.count == 1_000)
    }
}
