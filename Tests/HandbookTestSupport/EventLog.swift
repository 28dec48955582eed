/// A thread-safe, append-only log of events, for asserting *order*.
///
/// Concurrency lessons are about what happens before what. Components under
/// test append to a log; the test reads `events` once everything has settled.
public final class EventLog<Event: Sendable>: Sendable {
    private let storage = Locked<[Event]>([])

    public init() {}

    /// Appends `event`. Safe to call from any task or thread.
    public func append(_ event: Event) {
        storage.withLock { $0.append(event) }
    }

    /// A snapshot of everything appended so far, in append order.
    public var events: [Event] {
        storage.withLock { $0 }
    }
}
