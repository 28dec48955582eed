/// Collapses concurrent loads of one key into one, and keeps nothing once
/// that load ends: the next caller starts a fresh load. (A caching single
/// flight would hand out what it loaded until told to forget it; here the
/// TTL cache in front decides what is kept, and for how long.)
///
/// The flight is removed by the caller that started it, when the load has
/// finished. Awaiting a `Task`'s value is not interrupted by cancellation,
/// so that caller always gets there: a cancelled request cannot leave a
/// flight (or its value) behind.
actor Coalescer<Key: Hashable & Sendable, Value: Sendable> {
    typealias Loader = @Sendable (Key) async throws -> Value

    private let load: Loader
    private var flights: [Key: Task<Value, any Error>] = [:]
    /// How many loads ran (for tests: coalescing is visible as fewer loads).
    private(set) var loadCount = 0

    init(load: @escaping Loader) {
        self.load = load
    }

    /// How many loads are in flight.
    var flightCount: Int { flights.count }

    func value(forKey key: Key) async throws -> Value {
        if let flight = flights[key] { return try await flight.value }
        loadCount += 1
        let load = self.load
        let flight = Task { try await load(key) }
        flights[key] = flight
        defer { flights[key] = nil }
        return try await flight.value
    }
}
