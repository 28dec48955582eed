/// `isolated deinit` (SE-0371, Swift 6.2): a deinitializer that runs on its
/// class's actor, so cleanup may use isolated, non-`Sendable` state, and
/// may run later when the last reference is dropped somewhere else.
///
/// ```swift
/// @RegistryActor final class Subscription {
///     isolated deinit { registry.remove(id) }  // on RegistryActor, synchronously
/// }
/// var subscription: Subscription? = await registry.subscribe(to: "prices")
/// subscription = nil                       // off the actor: cleanup is enqueued
/// await registry.waitUntilRemoved(id)      // observers wait for it explicitly
/// ```
///
/// ## Why interviewers ask this
/// Servers tie registrations to lifetimes: a WebSocket subscription, a
/// connection checked out of a pool, a lease. Releasing them in `deinit` is
/// natural, but in Swift 6 the `deinit` of an actor or a global-actor class
/// is nonisolated: it may not call the registry's isolated methods or read
/// non-`Sendable` state. Swift 6.2's `isolated deinit` fixes that, and the
/// follow-up question is *when* the cleanup runs.
///
/// ## Common pitfalls
/// - A plain `deinit` that calls isolated code: "call to global actor
///   'RegistryActor'-isolated instance method 'remove' in a synchronous
///   nonisolated context" [#ActorIsolatedCall] (fixture
///   `NonisolatedDeinitCallsTheRegistry.swift`). In an actor, a plain
///   `deinit` may read its own `Sendable` properties but not a
///   non-`Sendable` one (fixture `NonisolatedDeinitTouchesActorState.swift`);
///   ``Connection`` uses `isolated deinit` for that.
/// - Assuming the cleanup happened at the release point. Dropped on the
///   actor, the last reference runs the isolated `deinit` right there, in
///   the releasing task. For a class isolated to a *global* actor
///   (``Subscription``), a release anywhere else, even while the actor is
///   idle, makes the `deinit` a job of its own (not part of any task) that
///   runs after whatever the actor is busy with. An *actor instance*
///   (``Connection``) differs: SE-0371 has the runtime try to take the idle
///   actor and run the `deinit` on the releasing thread, so there it is
///   inline too (observed every time here, Swift 6.3.1, Linux) and deferred
///   only when the actor is busy. A handler that drops a subscription and
///   then reads the registry (or a metric) may still see it. Observers wait
///   for an explicit signal (``SubscriptionRegistry/waitUntilRemoved(_:)``).
/// - Keeping the pre-6.2 workaround, `deinit { Task { @RegistryActor in … } }`:
///   it is deferred even when the release happens on the actor, and it
///   starts a task per object (experiment `isolated-deinit.spawn-a-task-instead`).
/// - Returning scarce resources (file descriptors, pooled connections) in an
///   isolated `deinit`. SE-0371 itself warns that its timing is not
///   deterministic; give them a `with…` scope or an explicit `close()`.
/// - Reading task-local values in an isolated `deinit`. SE-0371 leaves them
///   unspecified (the deinit job is not a task, so task executor
///   preferences do not apply either); read only values set in the
///   `deinit` itself.
///
/// ## Key takeaway
/// `isolated deinit` makes deinit-time cleanup of actor state legal and
/// race-free; the price is its timing: inline when the last release is on
/// the actor (or finds an actor instance idle), later otherwise. Treat it
/// as "eventually", give observers a completion signal, and keep scarce
/// resources on explicit close.
///
/// ## Go → Swift
/// Go has no deinitializers: `runtime.SetFinalizer` runs at some later
/// garbage collection, or never, so Go code releases registrations with
/// `defer sub.Unsubscribe()`. A Swift `deinit` runs when the last reference
/// goes away; an isolated one adds only a hop to the actor, and the `defer`
/// style is still the answer for resources that must go back at once.
public enum IsolatedDeinit {
    /// The global actor that owns the subscription bookkeeping.
    @globalActor public actor RegistryActor {
        /// The single instance behind the attribute.
        public static let shared = RegistryActor()

        private init() {}
    }

    /// Live topic subscriptions of a server (pub/sub, WebSocket channels):
    /// non-`Sendable` dictionaries, isolated to ``RegistryActor``.
    @RegistryActor public final class SubscriptionRegistry {
        private var topics: [Int: String] = [:]
        private var nextID = 0
        private var removalWaiters: [Int: [CheckedContinuation<Void, Never>]] = [:]
        private let onRemove: @Sendable (_ id: Int) -> Void

        /// - Parameter onRemove: called on the actor as each subscription is
        ///   removed (metrics, logs, tests).
        public nonisolated init(onRemove: @escaping @Sendable (_ id: Int) -> Void = { _ in }) {
            self.onRemove = onRemove
        }

        /// Registers interest in `topic`. The subscription stays active
        /// while the returned handle is alive.
        ///
        /// - Complexity: O(1) on average.
        public func subscribe(to topic: String) -> Subscription {
            let id = nextID
            nextID += 1
            topics[id] = topic
            return Subscription(id: id, topic: topic, registry: self)
        }

        /// Subscriptions still registered.
        public var activeCount: Int { topics.count }

        /// Whether subscription `id` is still registered.
        public func isActive(_ id: Int) -> Bool {
            topics[id] != nil
        }

        /// Suspends until subscription `id` has been removed; returns at once
        /// if it is not registered (already removed, or never issued).
        ///
        /// The explicit signal that observers of an isolated `deinit` need.
        /// Not cancellable: it models "the cleanup has happened".
        public func waitUntilRemoved(_ id: Int) async {
            guard topics[id] != nil else { return }
            await withCheckedContinuation { removalWaiters[id, default: []].append($0) }
        }

        fileprivate func remove(_ id: Int) {
            guard topics.removeValue(forKey: id) != nil else { return }
            onRemove(id)
            for waiter in removalWaiters.removeValue(forKey: id) ?? [] { waiter.resume() }
        }
    }

    /// A handle to one subscription: dropping the last reference
    /// unsubscribes.
    @RegistryActor public final class Subscription {
        /// Unique within its registry; immutable, so readable anywhere.
        public nonisolated let id: Int
        /// The topic subscribed to.
        public nonisolated let topic: String
        private let registry: SubscriptionRegistry

        init(id: Int, topic: String, registry: SubscriptionRegistry) {
            self.id = id
            self.topic = topic
            self.registry = registry
        }

        /// Runs on ``RegistryActor``: inline when the last release happens
        /// there, as an enqueued job when it happens anywhere else.
        isolated deinit {
            registry.remove(id)
        }
    }

    /// Messages queued for a client but not yet written: mutable and not
    /// `Sendable`, so only its owner may touch it.
    final class OutboundBuffer {
        var pending: [String] = []
    }

    /// A client connection that reports what it never sent when it goes
    /// away.
    public actor Connection {
        private let buffer = OutboundBuffer()
        private let onClose: @Sendable (_ unsent: [String]) -> Void

        /// - Parameter onClose: receives the messages still queued when the
        ///   connection is deinitialized.
        public init(onClose: @escaping @Sendable (_ unsent: [String]) -> Void) {
            self.onClose = onClose
        }

        /// Queues `message` for the client.
        public func enqueue(_ message: String) {
            buffer.pending.append(message)
        }

        /// Reads the non-`Sendable` buffer: allowed only because this
        /// `deinit` is isolated to the actor.
        isolated deinit {
            onClose(buffer.pending)
        }
    }
}
