/// Escaping closures and stack promotion: what makes a value live on the heap
/// in Swift, and what lets the optimizer keep it on the stack.
///
/// ```swift
/// func visit(_ body: (Int) -> Void)            // non-escaping: called, never stored
/// func onEvent(_ handler: @escaping () -> Void) // escaping: may outlive the call
/// var total = 0
/// queue.enqueue { total += 1 }                  // `total` moves into a heap box
/// ```
///
/// ## Why interviewers ask this
/// "When does a variable escape to the heap?" is Go's escape-analysis question,
/// and it has a Swift answer with the same shape: the compiler proves a value
/// does not outlive its scope and then keeps it on the stack. Swift adds a
/// type-system half that Go lacks: closure parameters are non-escaping by
/// default, `@escaping` is a visible contract, and the compiler refuses to let
/// a non-escaping closure be stored. Interviewers probe whether you know what a
/// capture really captures (the variable, in a box, not its value), why
/// `@escaping` forces explicit `self`, and what `withoutActuallyEscaping` is for.
///
/// ## Common pitfalls
/// - Expecting a closure to snapshot a variable: it captures the variable
///   itself (boxed on the heap if the closure escapes), so it sees later
///   writes (``scheduleLatestStatus(on:)``). Use a capture list `[status]` to
///   copy the value at creation (``scheduleStatusAtSchedulingTime(on:)``).
/// - Marking every closure parameter `@escaping` "to make it compile": it costs
///   a heap-allocated context and ARC traffic per call, and it hides the real
///   contract. Keep callbacks non-escaping unless you store them.
/// - Passing a non-escaping parameter to `values.lazy.map(_:)`: it compiles,
///   but the eager `Sequence.map` is chosen (the lazy one needs `@escaping`),
///   so the "lazy" pipeline transforms everything. ``firstTransformed(_:_:where:)``
///   uses `withoutActuallyEscaping` to get the lazy one.
/// - Smuggling a non-escaping closure out of `withoutActuallyEscaping`: the
///   runtime checks, and traps with "closure argument was escaped in
///   withoutActuallyEscaping block" (``smuggleOut(_:into:)``).
/// - Believing `final class` instances always cost a malloc. With `-O`, an
///   instance that provably does not escape is allocated on the stack
///   (`alloc_ref [stack]` in SIL) or removed entirely; storing it in a global,
///   a collection, an escaping closure or an existential box sends it to the heap.
/// - Assuming stack promotion is guaranteed: it is an optimisation, off in
///   debug builds, and a single escape (even through a non-inlined generic)
///   defeats it. Measure allocations with a benchmark, not by reading code.
///
/// ## Key takeaway
/// Values escape to the heap when something may keep them after the current
/// call returns: an `@escaping` closure's captures, class instances stored
/// beyond the call, existentials too large for the 3-word inline buffer, and
/// (in a different sense) locals that live across an `await`, which move from
/// the thread's stack into the task's own frame allocation. Non-escaping closures
/// and non-escaping objects can stay on the stack; the type system tells you
/// which closures escape, and `-emit-sil` shows what the optimizer did.
///
/// ## Go → Swift
/// Go decides stack versus heap with escape analysis alone (`go build
/// -gcflags=-m` prints "moved to heap"). Swift's optimizer does the same for
/// class instances and boxes (`swiftc -O -emit-sil` prints `alloc_ref [stack]`
/// or `alloc_box`), but closures carry escaping in their type, so many Go
/// "escapes because of a closure" cases are compile errors or visible
/// annotations in Swift. Go closures also capture variables, not values, so
/// that lesson carries over unchanged (Swift's loop variables are fresh per
/// iteration, as Go's are since 1.22).
public enum EscapingClosuresAndStackPromotion {
    // MARK: Escaping closures capture variables

    /// Stores jobs to run later: every job must be `@escaping`.
    public final class CallbackQueue {
        private var jobs: [() -> String] = []

        public init() {}

        public var count: Int { jobs.count }

        /// Keeps `job` after this call returns, which is what `@escaping` declares.
        public func enqueue(_ job: @escaping () -> String) {
            jobs.append(job)
        }

        /// Runs and removes every job, in order.
        public func runAll() -> [String] {
            defer { jobs.removeAll() }
            return jobs.map { $0() }
        }
    }

    /// Schedules a job that captures the variable `status`, then changes it.
    /// The job runs after this function has returned and reports "published":
    /// `status` was moved into a heap box that the closure shares.
    public static func scheduleLatestStatus(on queue: CallbackQueue) {
        var status = "draft"
        queue.enqueue { "status: \(status)" }
        status = "published"
    }

    /// The same, with a capture list: the closure copies the value at
    /// creation and reports "draft" whatever happens to the variable later.
    public static func scheduleStatusAtSchedulingTime(on queue: CallbackQueue) {
        var status = "draft"
        queue.enqueue { [status] in "status: \(status)" }
        status = "published"
    }

    /// Two closures sharing one captured variable: it outlives the function
    /// that declared it, because it lives in a heap box both closures retain.
    public static func makeCounter() -> (increment: () -> Int, current: () -> Int) {
        var count = 0
        return (
            {
                count += 1
                return count
            }, { count }
        )
    }

    // MARK: Non-escaping closures

    /// Calls `transform` twice. Non-escaping (the default): the closure's
    /// context can live on the caller's stack, and callers need no `self.`.
    public static func applyTwice(_ transform: (Int) -> Int, to value: Int) -> Int {
        transform(transform(value))
    }

    /// The first transformed value that satisfies `predicate`, computed lazily
    /// so `transform` runs only until the match. `lazy.map` stores its closure,
    /// so it needs an escaping one; `withoutActuallyEscaping` lends it ours
    /// for the duration of the block. Without it the code still compiles:
    /// overload resolution silently picks the eager `Sequence.map`, which
    /// accepts a non-escaping closure and transforms every element.
    /// - Complexity: O(k) calls of `transform`, k the position of the match.
    public static func firstTransformed(
        _ values: [Int], _ transform: (Int) -> Int, where predicate: (Int) -> Bool
    ) -> Int? {
        withoutActuallyEscaping(transform) { transform in
            values.lazy.map(transform).first(where: predicate)
        }
    }

    /// Holds a closure beyond the call that received it.
    public final class ClosureSink {
        public var stored: (() -> Void)?

        public init() {}
    }

    /// The pitfall: breaks `withoutActuallyEscaping`'s promise by storing the
    /// escapable copy. The runtime notices when the block returns and traps.
    /// - Precondition: never returns normally when `body` has a context.
    public static func smuggleOut(_ body: () -> Void, into sink: ClosureSink) {
        withoutActuallyEscaping(body) { escapable in
            sink.stored = escapable
        }
    }

    // MARK: Stack promotion of class instances

    /// A small class: a heap object unless the optimizer proves otherwise.
    public final class Point {
        public var x: Int
        public var y: Int

        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    /// Keeps points: anything stored here must be on the heap.
    public final class PointArchive {
        public private(set) var points: [Point] = []

        public init() {}

        public func keep(_ point: Point) {
            points.append(point)
        }
    }

    @inline(never)
    static func read(_ point: Point) -> Int {
        point.x + point.y
    }

    /// The point never outlives this call. In `-O` builds it is allocated on
    /// the stack (no malloc, no ARC); benchmarks count 0 allocations per call.
    @inline(never)
    public static func sumOfLocalPoint(_ n: Int) -> Int {
        let point = Point(x: n, y: n)
        return read(point)
    }

    /// The point is stored in `archive`, so it escapes: one heap allocation
    /// per call, in every build.
    @inline(never)
    public static func sumOfArchivedPoint(_ n: Int, into archive: PointArchive) -> Int {
        let point = Point(x: n, y: n)
        archive.keep(point)
        return read(point)
    }
}
