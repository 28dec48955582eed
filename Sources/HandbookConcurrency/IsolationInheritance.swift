/// Where does this async function run? Isolation inheritance in Swift 6.2.
///
/// ```swift
/// actor Recorder {
///     func probe() async {
///         await IsolationInheritance.isolationOfNonsendingCall() === self  // true: runs on this actor
///         await IsolationInheritance.isolationOfConcurrentCall() == nil    // true: hops to the pool
///     }
/// }
/// ```
///
/// ## Why interviewers ask this
/// Swift 6.2 changed the answer to "where does a nonisolated `async` function
/// run?". Under `NonisolatedNonsendingByDefault` (a Swift 6.2 upcoming
/// feature, enabled in this package) it runs on the *caller's*
/// actor, like a synchronous function; `@concurrent` opts back into running on
/// the global concurrent pool. A senior candidate can say which executor every
/// line runs on, what `#isolation` evaluates to, and why `Task {}` inside an
/// actor does not run until the actor is free while `Task.immediate` does.
///
/// ## Common pitfalls
/// - Reasoning with the Swift 5.7–6.1 rule (SE-0338: nonisolated async code
///   always leaves the actor) in a 6.2 package, or the other way round. The
///   upcoming-feature flag decides; write `nonisolated(nonsending)` or
///   `@concurrent` explicitly where it matters.
/// - Forgetting that the rule covers function *types*, not only declared
///   functions: with the feature on, a stored or passed `() async -> T`
///   closure without `@concurrent` is `nonisolated(nonsending)`, so an actor
///   that calls it runs it on the actor (``Recorder/callStored(_:)``). A
///   "call to another service" or a CPU-heavy callback handed to an actor
///   now holds that actor while it runs; spell the parameter
///   `@concurrent () async -> T` when it should leave
///   (``Recorder/callStoredConcurrent(_:)``).
/// - Passing actor-owned non-`Sendable` state to a `@concurrent` function: it
///   leaves the actor, so Swift 6 rejects the call ("sending … risks causing
///   data races"). A `nonisolated(nonsending)` function may take it.
/// - Expecting `Task { … }` started inside an actor method to run before the
///   next line. It is enqueued on the same actor, which is busy until the
///   method suspends or returns (``Recorder/spawnThenContinue()``).
/// - Using `Task.detached` "to get off the actor" and silently losing priority
///   and task-locals too; `@concurrent` is the precise tool.
/// - Assuming every `Task {}` written in an actor method runs on the actor.
///   It does only if the closure captures the actor (uses `self`); a closure
///   that never mentions `self` is nonisolated (``Recorder/spawnedIsolation()``).
///   Global actors are different: a `Task {}` written in a `@MainActor` (or
///   other global-actor) context is isolated to it whatever it captures.
/// - Marking helpers `isolated SomeActor` when they should work for any
///   caller: `isolation: isolated (any Actor)? = #isolation` inherits whatever
///   the caller has, including "none".
///
/// ## Key takeaway
/// A nonisolated async function inherits its caller's isolation under
/// `nonisolated(nonsending)` and leaves it under `@concurrent`; `#isolation`
/// tells you which actor you are on. `Task {}` inherits the actor when it
/// captures it (and runs later), `Task.immediate` inherits it and starts
/// synchronously when the caller is already on the task's executor (as
/// inside the same actor here) or the task is nonisolated; one isolated to a
/// *different* actor is enqueued exactly like `Task {}` (SE-0472). And
/// `Task.detached` inherits nothing.
///
/// ## Go → Swift
/// Go has no isolation: every goroutine may run on any thread and touch any
/// memory, and the race detector finds the mistakes at run time. The Go seed
/// never asks "which thread runs this function?" because the answer is always
/// "any". In Swift the compiler tracks isolation statically: whether a call
/// hops, and what may cross the hop, is part of the function's type.
public enum IsolationInheritance {
    /// Reports the isolation it runs with. `nonisolated(nonsending)` means it
    /// runs on the caller's actor, so called from an actor it returns that
    /// actor and called from nonisolated code it returns `nil`.
    ///
    /// In this package a plain `async` function behaves the same way
    /// (`NonisolatedNonsendingByDefault`); the attribute is spelled out so the
    /// lesson reads the same in packages without the flag.
    nonisolated(nonsending) public static func isolationOfNonsendingCall() async -> (any Actor)? {
        #isolation
    }

    /// Reports the isolation it runs with. `@concurrent` always switches to
    /// the global concurrent executor, so it returns `nil` wherever it is
    /// called from.
    @concurrent public static func isolationOfConcurrentCall() async -> (any Actor)? {
        #isolation
    }

    /// Runs `body` `times` times on the caller's actor and returns the
    /// isolation it saw.
    ///
    /// The `isolated (any Actor)? = #isolation` parameter makes this generic
    /// helper part of whatever actor calls it: `body` may be a non-`Sendable`
    /// closure that touches the actor's state synchronously, and no call in
    /// here hops. Before Swift 6.2 this was the only way to write such a
    /// helper; it still documents the intent best.
    public static func repeatOnCaller(
        _ times: Int,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () -> Void
    ) async -> (any Actor)? {
        for _ in 0..<times {
            body()
            // A suspension point: other calls on the same actor may interleave
            // here (reentrancy), but we resume on `isolation`, not on the pool.
            await Task.yield()
        }
        return isolation
    }

    /// Appends `event` to `recorder` synchronously from outside the actor's
    /// body: an `isolated` parameter makes the function run on that actor.
    public static func record(_ event: String, in recorder: isolated Recorder) {
        recorder.events.append(event)
    }

    /// A small actor whose methods show, by their results, where code runs.
    public actor Recorder {
        /// Everything appended so far, in order.
        public internal(set) var events: [String] = []
        /// Incremented by closures that run on this actor.
        public private(set) var count = 0

        public init() {}

        /// Asks both helpers where they ran, from inside this actor.
        public func probeHelpers() async -> (nonsending: (any Actor)?, concurrent: (any Actor)?) {
            let nonsending = await IsolationInheritance.isolationOfNonsendingCall()
            let concurrent = await IsolationInheritance.isolationOfConcurrentCall()
            return (nonsending, concurrent)
        }

        /// Calls a stored async closure from this actor. Under
        /// `NonisolatedNonsendingByDefault` an async *function type* without
        /// `@concurrent` is `nonisolated(nonsending)` too, so the closure runs
        /// here, on the actor, like a nonsending function would.
        public func callStored(_ closure: @Sendable () async -> (any Actor)?) async -> (any Actor)? {
            await closure()
        }

        /// The same call with a `@concurrent` closure type: it leaves the actor.
        public func callStoredConcurrent(
            _ closure: @concurrent @Sendable () async -> (any Actor)?
        ) async -> (any Actor)? {
            await closure()
        }

        /// The fix: `Task.immediate` starts the task *synchronously* on this
        /// actor, so its first event lands before the next line runs. That
        /// holds because the caller is already on this actor; started from
        /// elsewhere, a task isolated to this actor would be enqueued.
        public func startImmediatelyThenContinue() async -> [String] {
            events = []
            let task = Task.immediate { self.events.append("A") }
            events.append("B")
            await task.value
            return events
        }

        /// The pitfall: `Task {}` inherits this actor but is only *enqueued*;
        /// the actor is busy with this method until it suspends, so "B" comes
        /// first.
        public func spawnThenContinue() async -> [String] {
            events = []
            let task = Task { self.events.append("A") }
            events.append("B")
            await task.value
            return events
        }

        /// Mutates `count` from a closure run by a nonisolated helper that
        /// inherits this actor through `#isolation`.
        public func countWithHelper(times: Int) async -> (any Actor)? {
            await IsolationInheritance.repeatOnCaller(times) { count += 1 }
        }

        /// What `Task {}` and `Task.detached {}` see as `#isolation` when
        /// started here. `Task {}` inherits this actor when its closure uses
        /// `self` (it must capture the actor to run on it); one that never
        /// mentions `self` is nonisolated, like `Task.detached`.
        public func spawnedIsolation() async -> (
            usingSelf: (any Actor)?, notUsingSelf: (any Actor)?, detached: (any Actor)?
        ) {
            let usingSelf = await Task {
                self.events.append("spawned")
                return #isolation
            }.value
            let notUsingSelf = await Task { #isolation }.value
            let detached = await Task.detached { #isolation }.value
            return (usingSelf, notUsingSelf, detached)
        }
    }
}
