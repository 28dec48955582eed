import HandbookSystemDesign

/// `GET /orders/{id}` reads: the lesson's ``TTLCache`` in front of the
/// store, with misses coalesced by ``SingleFlightCache`` so a burst of reads
/// of one order costs one query.
///
/// Only final orders are cached. A final order never changes, so a cached
/// copy is never stale, on this instance or any other; a pending one would
/// be, for up to the TTL, after another instance confirmed it.
public final class OrderCache: Sendable {
    public let entries: TTLCache<String, Order, ContinuousClock>
    let flights: SingleFlightCache<String, Order?>

    public init(store: OrderStore, ttl: Duration, capacity: Int) throws {
        entries = TTLCache(
            configuration: try TTLCacheConfiguration(ttl: ttl, capacity: capacity), clock: ContinuousClock())
        flights = SingleFlightCache { id in try await store.order(id: id) }
    }

    /// The order, from the cache or the store.
    public func order(id: String) async throws -> Order? {
        switch await entries.lookup(id) {
        case .hit(let order):
            return order
        case .miss(let ticket):
            do {
                let order = try await flights.value(forKey: id)
                // The flight only coalesces; the TTL cache is the one that keeps values.
                await flights.invalidate(id)
                await entries.fill(ticket, with: order?.isFinal == true ? order : nil)
                return order
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
