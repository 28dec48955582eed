import Foundation
import Synchronization

/// Data-race safety: Swift 6 rejects most data races at compile time;
/// ThreadSanitizer is still needed for the code that opts out.
///
/// ```swift
/// // Go's ConcurrentIncrement does not compile in Swift 6:
/// //   var counter = 0
/// //   group.addTask { counter += 1 }   // error [#SendingClosureRisksDataRace]
/// let counter = DataRaceSafety.MutexCounter()       // the fix: a Sendable owner
/// await withTaskGroup(of: Void.self) { group in
///     for _ in 0..<1_000 { group.addTask { counter.increment() } }
/// }
/// counter.value   // 1000, every time
/// ```
///
/// ## Why interviewers ask this
/// "How do you find and fix a data race?" In Go the answer is `go test -race`:
/// races compile and you hope a test exercises them. In Swift 6 the usual
/// answer is "it does not compile": captured `var`s, non-`Sendable` values
/// shared between tasks and mutable globals are rejected: the first two by
/// the region-based isolation pass over SIL (`[#SendingClosureRisksDataRace]`,
/// `[#SendingRisksDataRace]`), mutable globals by the type checker
/// (`[#MutableGlobalVariable]`). Interviewers then probe whether you know where
/// the guarantee stops: `@unchecked Sendable`, `nonisolated(unsafe)` and
/// unsafe pointers switch the checker off, and only ThreadSanitizer
/// (`swift test --sanitize=thread`) sees races behind them.
///
/// ## Common pitfalls
/// - Silencing the compiler with `@unchecked Sendable` or
///   `nonisolated(unsafe)` "to make it build". ``UncheckedCounter`` compiles
///   and races; the compiler trusted a promise nobody kept.
/// - Trusting the final count. A racy counter often *does* reach the right
///   total on a quiet machine, sometimes even under TSan; the race is
///   undefined behaviour whatever the number says, and only the TSan report
///   is evidence.
/// - Reading only the "passed" line of a TSan run: `swift test
///   --sanitize=thread` can print that every test passed after a race was
///   reported. The verdict is the exit status: TSan makes the test binary
///   exit 66 (its default `exitcode`) whenever it reported anything, so
///   `swift test` fails even though its last line says "passed".
///   `TSAN_OPTIONS=halt_on_error=1` additionally stops at the first race,
///   so the report sits next to the test that caused it. CI checks both.
/// - Expecting the law-of-exclusivity runtime check to catch cross-thread
///   races. It traps on overlapping accesses *within one thread* ("Simultaneous
///   accesses…", see `intermediate.inout-and-exclusivity`); accesses from two
///   threads are TSan's job.
/// - Storing a `Mutex` or `Atomic` in a local `let` and capturing it in
///   `addTask`: they are `~Copyable`, so the closure captures a reference to
///   the local and the compiler refuses. Keep them in a `final class …:
///   Sendable` (``MutexCounter``, ``AtomicCounter``) or a global `let`.
///
/// ## Key takeaway
/// Let the compiler prove race freedom: share only `Sendable` values, give
/// mutable state one owner (an actor, a `Mutex`, an `Atomic`) and send
/// everything else. Every `@unchecked Sendable` is a manual proof: write the
/// reason next to it (``LockedCounter``) and run TSan over it.
///
/// ## Go → Swift
/// The Go seed's `TestGoroutine_NoWaitCausesRace` is an intentional race that
/// makes `go test -race` fail for the whole package. Its Swift counterparts
/// are compile-fail fixtures (the compiler is the race detector) plus one
/// opt-in runtime demo: `DataRaceSafetyTests/raceDemo` races on
/// ``UncheckedCounter`` only when `HANDBOOK_RACE_DEMOS=1`, and TSan with
/// `halt_on_error=1` must report "ThreadSanitizer: data race" on it.
public enum DataRaceSafety {
    /// A counter that several threads may increment.
    public protocol Counter: Sendable {
        /// Adds one.
        func increment()
        /// The current total.
        var value: Int { get }
    }

    /// The pitfall: a class that *claims* to be `Sendable` and protects
    /// nothing.
    ///
    /// `@unchecked Sendable` is deliberate here: it is the lesson. It tells
    /// the compiler "I synchronise this myself", the compiler stops checking
    /// the stored `var`, and nothing does synchronise it. Remove `@unchecked`
    /// and Swift 6 rejects the class ("stored property 'count' of
    /// 'Sendable'-conforming class 'UncheckedCounter' is mutable").
    public final class UncheckedCounter: Counter, @unchecked Sendable {
        private var count = 0

        public init() {}

        /// An unsynchronised read-modify-write: two threads can read the same
        /// old value and lose an update.
        ///
        /// Written as `count = count + 1` rather than `count += 1` so that
        /// TSan reports a plain "data race"; `+=` is an `inout` access,
        /// which TSan reports as a "Swift access race" (the same bug).
        public func increment() {
            count = count + 1
        }

        public var value: Int { count }
    }

    /// The justified `@unchecked Sendable`: the same box, with every access
    /// to `count` under an `NSLock`.
    ///
    /// `@unchecked` is sound here because `count` is private and touched only
    /// inside `withLock`; TSan understands `NSLock` (a pthread mutex), so it
    /// can check the claim.
    public final class LockedCounter: Counter, @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        public init() {}

        public func increment() {
            lock.withLock { count += 1 }
        }

        public var value: Int { lock.withLock { count } }
    }

    /// The fix with `Synchronization.Mutex`: checked `Sendable`, no
    /// `@unchecked` needed, because `Mutex` is `Sendable` and owns its value.
    public final class MutexCounter: Counter, Sendable {
        private let count = Mutex(0)

        public init() {}

        public func increment() {
            count.withLock { $0 += 1 }
        }

        public var value: Int { count.withLock { $0 } }
    }

    /// The fix with `Synchronization.Atomic`: one lock-free
    /// read-modify-write per increment.
    public final class AtomicCounter: Counter, Sendable {
        private let count = Atomic(0)

        public init() {}

        public func increment() {
            // Relaxed is enough: nothing else is published through this value.
            count.wrappingAdd(1, ordering: .relaxed)
        }

        public var value: Int { count.load(ordering: .relaxed) }
    }

    /// The fix with an actor: the state has one owner and every access waits
    /// its turn (async from outside).
    public actor ActorCounter {
        public private(set) var value = 0

        public init() {}

        public func increment() {
            value += 1
        }
    }

    /// Go's `ConcurrentIncrement`, fixed: `tasks` children each increment a
    /// counter they share through a `Sendable` owner.
    ///
    /// The Go shape (`var counter` captured by every child) is the fixture
    /// `ConcurrentIncrement.swift`, which Swift 6 rejects.
    ///
    /// - Precondition: `tasks >= 0`.
    public static func concurrentIncrement(tasks: Int, using counter: some Counter) async -> Int {
        precondition(tasks >= 0, "tasks must not be negative, got \(tasks)")
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<tasks {
                group.addTask { counter.increment() }
            }
        }
        // The group awaited every child, so every increment happens before this read.
        return counter.value
    }

    /// The same, with an actor as the owner.
    ///
    /// - Precondition: `tasks >= 0`.
    public static func concurrentIncrement(tasks: Int, using counter: ActorCounter) async -> Int {
        precondition(tasks >= 0, "tasks must not be negative, got \(tasks)")
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<tasks {
                group.addTask { await counter.increment() }
            }
        }
        return await counter.value
    }

    /// Calls `counter.increment()` `1 + iterations` times on each of two
    /// fresh threads that are guaranteed to run at the same time, and returns
    /// the final value.
    ///
    /// Both threads increment once, then meet at a rendezvous, then increment
    /// `iterations` more times, so each thread's writes overlap the other's
    /// while both are alive. The rendezvous uses *relaxed* atomics on
    /// purpose: it orders nothing, so TSan sees the two threads' accesses as
    /// unordered, which they are. With a racy counter that is a certain race;
    /// with a synchronised one the total is exactly `2 * (1 + iterations)`.
    ///
    /// Threads, not tasks: the cooperative pool may run two tasks one after
    /// the other on one thread, and a race demo must not depend on luck. The
    /// caller suspends (it never blocks a pool thread) until both finish.
    ///
    /// - Precondition: `iterations >= 0`.
    public static func incrementOnTwoThreads(_ counter: some Counter, iterations: Int) async -> Int {
        precondition(iterations >= 0, "iterations must not be negative, got \(iterations)")
        let rendezvous = Rendezvous()
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            for _ in 0..<2 {
                let thread = Thread {
                    counter.increment()
                    rendezvous.arriveAndWaitForTheOther()
                    for _ in 0..<iterations { counter.increment() }
                    if rendezvous.finishIsLast() { finished.resume() }
                }
                thread.start()
            }
        }
        // Each thread released `finishers` after its writes and the last one
        // acquired it before resuming us: all writes happen before this read.
        return counter.value
    }

    /// A two-thread meeting point that deliberately creates no
    /// happens-before edge between the threads' work.
    final class Rendezvous: Sendable {
        private let arrivals = Atomic(0)
        private let finishers = Atomic(0)

        func arriveAndWaitForTheOther() {
            arrivals.wrappingAdd(1, ordering: .relaxed)
            while arrivals.load(ordering: .relaxed) < 2 {
                sched_yield()  // 2 cores shared with other work: let the other thread run
            }
        }

        func finishIsLast() -> Bool {
            finishers.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == 2
        }
    }
}
