import Synchronization

/// ARC and retain cycles: Swift frees an object the moment its last strong
/// reference goes away, and never frees objects that keep each other alive.
///
/// ```swift
/// let parent = ARCAndRetainCycles.Parent(name: "root")
/// parent.adopt(ARCAndRetainCycles.Child(name: "leaf"))   // child.parent is weak
/// // last strong reference to `parent` goes → deinit runs here, child follows
/// ```
///
/// ## Why interviewers ask this
/// "Swift has no garbage collector, so how is memory managed?" is the opening
/// of every memory discussion. The interviewer wants automatic reference
/// counting explained precisely: the compiler inserts retain/release, `deinit`
/// runs deterministically when the strong count hits zero, and there is no
/// cycle collector, so two objects that point at each other strongly leak
/// forever. Then: which side of a parent/child or closure/owner pair should be
/// `weak`, and when is `unowned` acceptable?
///
/// ## Common pitfalls
/// - Strong references in both directions (``LeakyParent``/``LeakyChild``,
///   delegates declared without `weak`): neither `deinit` ever runs.
/// - A closure stored on `self` that mentions `self` (``LeakyCounter``): the
///   object owns the closure, the closure owns the object. `[weak self]` breaks
///   it (``Counter``).
/// - `unowned` to an object that can die first: reading it traps with
///   "Attempted to read an unowned reference but object … was already
///   destroyed" (``readUnownedAfterDeinit()``). `unowned(unsafe)` does not
///   even trap; it reads freed memory (undefined behaviour).
/// - Assuming an object lives until the end of its scope. The language only
///   promises it lives until its *last use*. Since Swift 5.7 (lexical
///   lifetimes) the optimiser will not end it before a weak or unowned load,
///   an unsafe-pointer access or an opaque call inside the scope, so a `weak`
///   observer in the same scope does see it alive, even with `-O` (checked
///   with a `-O` build of this function on Swift 6.3.1; lexical lifetimes
///   shipped in Swift 5.7, copy-on-write buffers excepted). What is *not* covered: a pointer that escapes the
///   scope (`Unmanaged.passUnretained` handed to a C callback) and CoW
///   buffers. State the contract with `withExtendedLifetime`
///   (``observeWithExtendedLifetime(_:log:)``); end a lifetime early, on
///   purpose, with `consume` (``observeAfterConsume(_:log:)``) — of the
///   binding that holds the reference: `consume` of a *copy* (`let b = a`)
///   ends nothing while `a` still holds the object.
/// - Expecting a leak detector at run time. Nothing reports a cycle; use a
///   weak probe in tests (`expectDeallocated`) or the memory graph debugger.
///
/// ## Key takeaway
/// ARC is deterministic reference counting, not tracing: `deinit` runs exactly
/// when the last strong reference disappears, and cycles are your job. Owners
/// hold strong references; back-pointers, delegates and closures stored on
/// `self` hold `weak` (or `unowned` when the referent provably outlives them).
/// Swift 6.2's `weak let` makes an immutable weak reference, which lets a
/// `final class` with a back-pointer be `Sendable` (``Observer``).
///
/// ## Go → Swift
/// Go's `gc_patterns.go` is about a tracing, concurrent mark-and-sweep
/// collector: reduce allocations, reuse buffers, tune `GOGC`, call
/// `runtime.GC()` in tests and hope a finalizer ran. Swift has none of that:
/// no collector, no pauses, no `GOGC`. Objects are freed synchronously on the
/// releasing thread, so tests can assert *exactly* when `deinit` runs. The
/// price: a Go program frees cycles for you; a Swift program leaks them.
public enum ARCAndRetainCycles {
    /// An object that reports its own deallocation, for observing ARC.
    public final class Tracked: Sendable {
        public let name: String
        private let onDeinit: @Sendable () -> Void

        /// - Parameter onDeinit: runs inside `deinit`, on the thread that
        ///   released the last strong reference.
        public init(name: String, onDeinit: @escaping @Sendable () -> Void = {}) {
            self.name = name
            self.onDeinit = onDeinit
        }

        deinit { onDeinit() }
    }

    /// Counts deinitialisations, safely from any thread.
    public final class DeinitCounter: Sendable {
        private let value = Atomic(0)

        public init() {}

        /// How many tracked objects have been freed so far.
        public var count: Int { value.load(ordering: .sequentiallyConsistent) }

        /// A `Tracked` object that increments this counter when freed.
        public func track(_ name: String) -> Tracked {
            Tracked(name: name) { self.value.add(1, ordering: .sequentiallyConsistent) }
        }
    }

    // MARK: Parent ↔ child

    /// The pitfall: a parent that owns its children, and children that own
    /// their parent. Once adopted, neither is ever freed.
    public final class LeakyParent {
        public let name: String
        public var children: [LeakyChild] = []
        private let onDeinit: () -> Void

        public init(name: String, onDeinit: @escaping () -> Void = {}) {
            self.name = name
            self.onDeinit = onDeinit
        }

        public func adopt(_ child: LeakyChild) {
            children.append(child)
            child.parent = self
        }

        deinit { onDeinit() }
    }

    /// The pitfall's child: its strong `parent` closes the cycle.
    public final class LeakyChild {
        public let name: String
        public var parent: LeakyParent?

        public init(name: String) { self.name = name }
    }

    /// The fix: the parent owns its children strongly…
    public final class Parent {
        public let name: String
        public private(set) var children: [Child] = []
        private let onDeinit: () -> Void

        public init(name: String, onDeinit: @escaping () -> Void = {}) {
            self.name = name
            self.onDeinit = onDeinit
        }

        public func adopt(_ child: Child) {
            children.append(child)
            child.parent = self
        }

        deinit { onDeinit() }
    }

    /// …and each child points back weakly: it does not keep its parent
    /// alive, and reads `nil` once the parent is gone.
    public final class Child {
        public let name: String
        public weak var parent: Parent?
        private let onDeinit: () -> Void

        public init(name: String, onDeinit: @escaping () -> Void = {}) {
            self.name = name
            self.onDeinit = onDeinit
        }

        deinit { onDeinit() }
    }

    // MARK: Closure stored on self

    /// The pitfall: a closure property that captures `self` strongly.
    /// `self → onTap → self` is a cycle, so the counter is never freed.
    public final class LeakyCounter {
        public private(set) var taps = 0
        public var onTap: (() -> Void)?

        public init() {
            // Assigned after every stored property is initialised, so `self`
            // is available; the capture is what leaks.
            onTap = { self.taps += 1 }
        }
    }

    /// The fix: the closure captures `self` weakly and does nothing once the
    /// counter is gone.
    public final class Counter {
        public private(set) var taps = 0
        public var onTap: (() -> Void)?

        public init() {
            onTap = { [weak self] in self?.taps += 1 }
        }
    }

    // MARK: weak, unowned, weak let

    /// Holds an `unowned` reference: no strong count, never `nil`, and a trap
    /// if read after the referent's `deinit`.
    public final class UnownedHolder {
        public unowned let target: Tracked

        public init(target: Tracked) { self.target = target }

        /// Reads through the unowned reference.
        /// - Precondition: `target` has not been deinitialised (else: trap).
        public var targetName: String { target.name }
    }

    /// Swift 6.2 `weak let`: an immutable weak reference. Because the
    /// property can never be reassigned, a `final class` holding one can be
    /// `Sendable` without a lock (a `weak var` would make it mutable state).
    public final class Observer: Sendable {
        public weak let subject: Tracked?

        public init(subject: Tracked) { self.subject = subject }
    }

    /// The `unowned` pitfall, executed: the target dies, then is read.
    ///
    /// - Important: This traps ("Attempted to read an unowned reference but
    ///   object … was already destroyed"). Call it only in a child process.
    public static func readUnownedAfterDeinit() -> String {
        var target: Tracked? = Tracked(name: "short-lived")
        let holder = UnownedHolder(target: target!)
        target = nil
        return holder.targetName
    }

    /// Keeps `object` alive until `body` finishes, then releases it, logging
    /// what a weak observer sees along the way.
    ///
    /// A current compiler would keep `owned` alive across the weak load even
    /// without `withExtendedLifetime` (lexical lifetimes, Swift 5.7+); the
    /// call states the contract so that a later edit (moving the body into a
    /// callback, or consuming `owned`) cannot silently end it early.
    public static func observeWithExtendedLifetime(_ object: consuming Tracked, log: (String) -> Void) {
        weak let observer = object
        withExtendedLifetime(object) {
            log(observer == nil ? "body: gone" : "body: alive")
        }
    }

    /// Ends the only strong reference with `consume` before the weak
    /// observer is read: the object is destroyed at that point, not at the
    /// end of the scope.
    ///
    /// This is the deterministic way to *see* that lifetime follows
    /// ownership, not braces. Consume the parameter itself: `let owned =
    /// object` would *copy* the reference, and consuming the copy leaves the
    /// parameter holding the object to the end of the function (checked on
    /// Swift 6.3.1, `-Onone` and `-O`).
    public static func observeAfterConsume(_ object: consuming Tracked, log: (String) -> Void) {
        weak let observer = object
        _ = consume object
        log(observer == nil ? "after consume: gone" : "after consume: alive")
    }
}
