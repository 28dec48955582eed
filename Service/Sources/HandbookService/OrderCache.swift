import HandbookSystemDesign
import NIOCore

/// `GET /orders/{id}` reads: the lesson's ``TTLCache`` in front of the
/// store, with misses coalesced by a ``Coalescer`` (which keeps nothing) so a burst of reads
/// of one order costs one query.
///
/// Only final orders are cached. A final order never changes, so a cached
/// copy is never stale, on this instance or any other; a pending one would
/// be, for up to the TTL, after another instance confirmed it.
///
/// The cache keeps the representation as well as the value: a hit answers
/// with bytes encoded once, when the order was cached, not with a fresh
/// `JSONEncoder` run per request (the largest cost of a hit).
public final class OrderCache: Sendable {
    /// A final order and its JSON body.
    public struct Entry: Sendable {
        public let order: Order
        public let body: ByteBuffer
    }

    public let entries: TTLCache<String, Entry, ContinuousClock>
    let flights: Coalescer<String, Order?>

    public init(store: OrderStore, ttl: Duration, capacity: Int) throws {
        entries = TTLCache(
            configuration: try TTLCacheConfiguration(ttl: ttl, capacity: capacity), clock: ContinuousClock())
        flights = Coalescer { id in try await store.order(id: id) }
    }

    /// The order, from the cache or the store.
    public func order(id: String) async throws -> Order? {
        try await entry(id: id)?.order
    }

    /// The order and its JSON body, from the cache or the store.
    public func entry(id: String) async throws -> Entry? {
        switch await entries.lookup(id) {
        case .hit(let entry):
            return entry
        case .miss(let ticket):
            do {
                // The flight only coalesces; the TTL cache is the one that keeps values.
                let order = try await flights.value(forKey: id)
                let entry = try order.map { Entry(order: $0, body: ByteBuffer(bytes: try JSONBody.encode($0))) }
                await entries.fill(ticket, with: order?.isFinal == true ? entry : nil)
                return entry
            } catch {
                await entries.fill(ticket, with: nil)
                throw error
            }
        }
    }

    /// How many times the store was read.
    public var loadCount: Int {
        get async { await flights.loadCount }
    }

    public func shutdown() async {
        await entries.shutdown()
    }
}
