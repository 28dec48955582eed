import Synchronization

/// Lock-free shared state with `Synchronization.Atomic`: counters,
/// compare-and-swap loops, and release/acquire publication.
///
/// ```swift
/// final class Requests: Sendable {
///     let served = Atomic(0)                     // in a class (or a global let), never a local
///     func record() { served.wrappingAdd(1, ordering: .relaxed) }
/// }
/// let max = Atomics.Maximum()
/// max.record(42)                                 // a CAS loop: safe against concurrent record(_:)
/// ```
///
/// ## Why interviewers ask this
/// "How would you count requests without a lock?" and "what is a CAS loop?"
/// test whether you know that `count += 1` is a read-modify-write that loses
/// updates under concurrency, that hardware offers atomic versions of it, and
/// what memory ordering means: atomics make *one* variable safe, and orderings
/// decide what *other* memory a thread is guaranteed to see.
///
/// ## Common pitfalls
/// - Load, compute, store: two threads load 5, both store 6, one update is
///   lost. Use `wrappingAdd` for arithmetic, `compareExchange` in a loop for
///   anything else (``Maximum/record(_:beforeExchange:)``).
/// - Forgetting the retry in a CAS loop: `compareExchange` returns
///   `(exchanged: false, original:)` when someone else got there first; you
///   must re-check your condition against `original` and try again.
/// - `.relaxed` everywhere. It is right for a counter nobody uses to
///   publish other data, and wrong for a "ready" flag guarding a payload:
///   the reader could see the flag and a stale payload (``Mailbox``).
/// - Declaring an `Atomic` as a local `let` and capturing it in a child
///   task. It is `~Copyable` and must stay at one address, so Swift 6 rejects
///   the capture: keep it in a `final class …: Sendable` or a global `let`.
/// - Building a whole data structure from atomics to avoid a `Mutex`. Two
///   atomics are not one atomic transaction; beyond a counter, a flag or a
///   max, a `Mutex` is simpler and usually just as fast.
///
/// ## Key takeaway
/// `Atomic<Int>` gives indivisible read-modify-write on one value; the
/// ordering says what *other* memory comes along:
/// - `.relaxed`: atomicity only (counters, statistics, a CAS max).
/// - `.releasing` (stores): everything this thread wrote before is published
///   with the value.
/// - `.acquiring` (loads): a load that sees a released value also sees what
///   was written before the release.
/// - `.acquiringAndReleasing` (read-modify-write such as `exchange`): both,
///   for a flag that one thread takes over from another.
/// - `.sequentiallyConsistent`: acquire/release plus one global order of all
///   such operations. The safe default when unsure; measure before relaxing.
///
/// ## Go → Swift
/// The Go seed lists "Atomic" but never uses `sync/atomic`. Go's
/// `atomic.Int64` is sequentially consistent and copyable by mistake (`go
/// vet` warns). Swift's `Atomic<Value>` is `~Copyable`, so it cannot be
/// copied at all, and every operation names its ordering (the C++/Rust
/// memory model). The swift-atomics package's `ManagedAtomic` is the same
/// thing boxed in a class (copyable reference) for older toolchains.
public enum Atomics {
    /// A request counter: the canonical relaxed atomic.
    ///
    /// `.relaxed` is enough because nothing else is published through the
    /// count: readers only want the number, and atomicity alone makes every
    /// increment land.
    public final class Counter: Sendable {
        private let value = Atomic(0)

        public init() {}

        /// Adds one and returns the new count.
        @discardableResult
        public func increment() -> Int {
            value.wrappingAdd(1, ordering: .relaxed).newValue
        }

        /// The count.
        public var count: Int { value.load(ordering: .relaxed) }
    }

    /// Runs `tasks` concurrent tasks that each increment one shared
    /// ``Counter`` `perTask` times, and returns the final count.
    ///
    /// - Precondition: `tasks >= 0` and `perTask >= 0`.
    /// - Complexity: O(`tasks` × `perTask`) atomic adds.
    public static func concurrentIncrements(tasks: Int, perTask: Int) async -> Int {
        precondition(tasks >= 0 && perTask >= 0, "negative work: \(tasks) tasks × \(perTask)")
        let counter = Counter()
        await withDiscardingTaskGroup { group in
            for _ in 0..<tasks {
                group.addTask {
                    for _ in 0..<perTask { counter.increment() }
                }
            }
        }
        return counter.count
    }

    /// The largest value recorded so far, kept with a compare-and-swap loop.
    ///
    /// There is no atomic "max" instruction, so `record` does what every
    /// lock-free update does: read the current value, decide, and
    /// `compareExchange` the decision in *only if nobody changed the value
    /// meanwhile*; otherwise re-decide against what is there now.
    public final class Maximum: Sendable {
        private let value: Atomic<Int>

        public init(_ initial: Int = .min) {
            value = Atomic(initial)
        }

        /// The largest value recorded (or the initial value).
        public var current: Int { value.load(ordering: .relaxed) }

        /// Raises the maximum to `candidate` if it is larger.
        ///
        /// - Parameter beforeExchange: runs before each exchange attempt, so a
        ///   test can change the value between the load and the exchange (the
        ///   interleaving that makes load-then-store lose updates).
        /// - Complexity: O(1) expected; one retry per concurrent writer that wins.
        public func record(_ candidate: Int, beforeExchange: () -> Void = {}) {
            var current = value.load(ordering: .relaxed)
            while candidate > current {
                beforeExchange()
                let (exchanged, original) = value.compareExchange(
                    expected: current, desired: candidate, ordering: .relaxed)
                if exchanged { return }
                // Someone else changed it: re-check against their value, which may be larger.
                current = original
            }
        }
    }

    /// Records `values` into one ``Maximum`` from `tasks` concurrent tasks
    /// (each takes every `tasks`-th value) and returns the result, or `nil`
    /// for no values.
    ///
    /// - Precondition: `tasks >= 1`.
    public static func concurrentMaximum(of values: [Int], tasks: Int) async -> Int? {
        precondition(tasks >= 1, "concurrentMaximum needs at least 1 task, got \(tasks)")
        guard !values.isEmpty else { return nil }
        let maximum = Maximum()
        await withDiscardingTaskGroup { group in
            for offset in 0..<tasks {
                group.addTask {
                    for index in stride(from: offset, to: values.count, by: tasks) {
                        maximum.record(values[index])
                    }
                }
            }
        }
        return maximum.current
    }

    /// One-shot publication of a value from one thread to others: the writer
    /// stores the payload with a plain (non-atomic) write, then sets the state
    /// with `.releasing`; a reader that loads the state with `.acquiring` and
    /// sees "ready" is guaranteed to see the whole payload.
    ///
    /// The payload sits in raw memory on purpose: that is the situation
    /// atomics exist for (a buffer filled by one thread and handed to
    /// another without a lock). It is also why this class is
    /// `@unchecked Sendable`, honestly: the compiler cannot prove that the
    /// pointer is written once, before the release, and read only after an
    /// acquire that saw it; the ordering protocol in `publish` and `take` is
    /// the proof. (With `.relaxed` on either side the protocol breaks, and
    /// ThreadSanitizer reports the payload race.)
    public final class Mailbox<Payload: Sendable>: @unchecked Sendable {
        private static var empty: Int { 0 }
        private static var writing: Int { 1 }
        private static var ready: Int { 2 }

        private let state = Atomic(0)  // empty
        private let payload: UnsafeMutablePointer<Payload>

        public init() {
            payload = .allocate(capacity: 1)
        }

        deinit {
            if state.load(ordering: .acquiring) == Self.ready { payload.deinitialize(count: 1) }
            payload.deallocate()
        }

        /// Publishes `value` to every current and future reader.
        ///
        /// - Precondition: called at most once (a second writer would
        ///   overwrite memory that readers may be reading).
        public func publish(_ value: Payload) {
            let (claimed, _) = state.compareExchange(expected: Self.empty, desired: Self.writing, ordering: .relaxed)
            precondition(claimed, "Mailbox.publish called twice: the payload is write-once")
            payload.initialize(to: value)
            state.store(Self.ready, ordering: .releasing)
        }

        /// The payload if it has been published, otherwise `nil`. Never waits.
        public func take() -> Payload? {
            guard state.load(ordering: .acquiring) == Self.ready else { return nil }
            return payload.pointee
        }
    }
}
