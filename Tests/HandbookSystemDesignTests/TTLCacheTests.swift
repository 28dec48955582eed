import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("TTL cache", .timeLimit(.minutes(1)))
struct TTLCacheTests {
    typealias Cache = TTLCache<String, Int, ManualClock>

    static func configuration(
        ttl: Duration = .seconds(10), capacity: Int = 100, sweepInterval: Duration? = nil
    ) throws -> TTLCacheConfiguration {
        try TTLCacheConfiguration(ttl: ttl, capacity: capacity, sweepInterval: sweepInterval)
    }

    @Test("an entry hits before its TTL, and misses and is removed once ttl + 1 ms has passed")
    func lazyExpiry() async throws {
        let clock = ManualClock()
        let cache = Cache(
            configuration: try Self.configuration(ttl: .seconds(1), sweepInterval: .seconds(60)), clock: clock)
        await cache.setValue(1, forKey: "a")
        clock.advance(by: .milliseconds(999))
        #expect(await cache.value(forKey: "a") == 1)
        clock.advance(by: .milliseconds(2))  // ttl + 1 ms after the write
        #expect(await cache.count == 1)  // still stored: nothing has looked at it yet
        #expect(await cache.value(forKey: "a") == nil)
        #expect(await cache.count == 0)
        #expect(await cache.statistics == TTLCacheStatistics(hits: 1, misses: 1, evictions: 0, expirations: 1))
        await cache.shutdown()
    }

    @Test("the sweeper purges expired entries after one interval, with no get at all")
    func sweeperPurgesWithoutReads() async throws {
        let clock = ManualClock()
        let cache = Cache(
            configuration: try Self.configuration(ttl: .seconds(5), sweepInterval: .seconds(10)), clock: clock)
        for (index, key) in ["a", "b", "c"].enumerated() { await cache.setValue(index, forKey: key) }
        await clock.waitForSleepers(count: 1)  // the sweeper is parked on the clock
        clock.advance(by: .seconds(10))
        await clock.waitForSleepers(count: 1)  // it swept and went back to sleep
        // The Go seed's cache would still hold all three: only a Get deleted anything.
        #expect(await cache.count == 0)
        #expect(await cache.statistics.expirations == 3)
        #expect(await cache.statistics.misses == 0)
        await cache.shutdown()
    }

    @Test("the capacity bound evicts the least recently used entry, and get refreshes recency")
    func lruEviction() async throws {
        let cache = Cache(configuration: try Self.configuration(capacity: 2), clock: ManualClock())
        await cache.setValue(1, forKey: "a")
        await cache.setValue(2, forKey: "b")
        #expect(await cache.value(forKey: "a") == 1)  // "b" is now the least recently used
        let evicted = await cache.setValue(3, forKey: "c")
        #expect(evicted?.key == "b" && evicted?.value == 2)
        #expect(await cache.value(forKey: "b") == nil)
        #expect(await cache.keysByRecency == ["a", "c"])
        #expect(await cache.statistics.evictions == 1)
        await cache.shutdown()
    }

    @Test("delete removes the entry and returns its value; deleting again returns nil")
    func delete() async throws {
        let cache = Cache(configuration: try Self.configuration(), clock: ManualClock())
        await cache.setValue(7, forKey: "a")
        #expect(await cache.removeValue(forKey: "a") == 7)
        #expect(await cache.removeValue(forKey: "a") == nil)
        #expect(await cache.value(forKey: "a") == nil)
        #expect(await cache.count == 0)
        await cache.shutdown()
    }

    @Test("shutdown cancels the sleeping sweeper, and an unused cache is freed: the sweeper holds it weakly")
    func shutdownAndDeinit() async throws {
        let clock = ManualClock()
        let configuration = try Self.configuration(ttl: .seconds(1))
        let cache = Cache(configuration: configuration, clock: clock)
        await cache.setValue(1, forKey: "a")
        await clock.waitForSleepers(count: 1)
        await cache.shutdown()
        #expect(clock.sleeperCount == 0)  // cancelling made the clock's sleep throw
        clock.advance(by: .seconds(5))
        #expect(await cache.count == 1)  // no sweeper any more; lazy expiry still works
        #expect(await cache.value(forKey: "a") == nil)

        // No shutdown at all: the sleeping sweeper must not keep the cache alive.
        var unused: Cache? = Cache(configuration: configuration, clock: clock)
        await unused?.setValue(1, forKey: "a")  // starts its sweeper
        await clock.waitForSleepers(count: 1)
        expectDeallocated {
            defer { unused = nil }
            return unused!  // hand over the last strong reference
        }
        #expect(clock.sleeperCount == 0)  // deinit cancelled the sweeper
    }

    @Test(
        "invalid configuration throws a clear error",
        arguments: [
            (Duration.zero, 10, Duration?.none, TTLCacheConfigurationError.nonPositiveTTL(.zero)),
            (.seconds(-1), 10, nil, .nonPositiveTTL(.seconds(-1))),
            (.seconds(1), 0, nil, .nonPositiveCapacity(0)),
            (.seconds(1), 10, .zero, .nonPositiveSweepInterval(.zero)),
        ])
    func configurationValidation(
        ttl: Duration, capacity: Int, sweepInterval: Duration?, expected: TTLCacheConfigurationError
    ) {
        #expect(throws: expected) {
            try TTLCacheConfiguration(ttl: ttl, capacity: capacity, sweepInterval: sweepInterval)
        }
        #expect(expected.description.contains("must be positive"))
    }

    // MARK: Write strategies

    typealias Store = InMemoryTTLCacheBackingStore<String, String>
    typealias Backed = StoreBackedTTLCache<Store, ManualClock>

    static func storeBacked(_ policy: TTLCacheWritePolicy, store: Store) throws -> Backed {
        let cache = TTLCache<String, String, ManualClock>(configuration: try configuration(), clock: ManualClock())
        return StoreBackedTTLCache(cache: cache, store: store, policy: policy)
    }

    @Test("write-through updates the store and the cache before returning")
    func writeThrough() async throws {
        let store = Store()
        let backed = try Self.storeBacked(.writeThrough, store: store)
        try await backed.setValue("v1", forKey: "k")
        #expect(try await store.value(forKey: "k") == "v1")
        #expect(await backed.cache.value(forKey: "k") == "v1")
        #expect(await backed.pendingWriteCount == 0)
        await backed.cache.shutdown()
    }

    @Test("write-behind updates the cache at once and the store only on flush; writes coalesce")
    func writeBehind() async throws {
        let store = Store()
        let backed = try Self.storeBacked(.writeBehind, store: store)
        try await backed.setValue("v1", forKey: "k")
        try await backed.setValue("v2", forKey: "k")
        #expect(await backed.cache.value(forKey: "k") == "v2")
        #expect(try await store.value(forKey: "k") == nil)
        #expect(await store.writeCount == 0)
        #expect(try await backed.value(forKey: "k") == "v2")  // read your own write
        #expect(try await backed.flush() == 1)
        #expect(try await store.value(forKey: "k") == "v2")
        #expect(await store.writeCount == 1)  // two writes, one store round trip
        await backed.cache.shutdown()
    }

    @Test("write-around writes the store and invalidates the cache; the next read loads through")
    func writeAroundAndReadThrough() async throws {
        let store = Store(["k": "old"])
        let backed = try Self.storeBacked(.writeAround, store: store)
        #expect(try await backed.value(forKey: "k") == "old")  // miss, loaded from the store, cached
        #expect(await backed.cache.value(forKey: "k") == "old")
        try await backed.setValue("new", forKey: "k")
        #expect(await backed.cache.value(forKey: "k") == nil)
        #expect(try await backed.value(forKey: "k") == "new")
        #expect(await store.readCount == 2)
        await backed.cache.shutdown()
    }

    /// A backing store whose next read can be held after it has read the data.
    actor GatedStore: TTLCacheBackingStore {
        private var values: [String: String]
        private var hold: (started: Gate, release: Gate)?

        init(_ values: [String: String]) { self.values = values }

        func holdNextRead(started: Gate, release: Gate) { hold = (started, release) }

        func value(forKey key: String) async throws -> String? {
            let snapshot = values[key]  // the read happens now; the reply is held
            if let hold {
                self.hold = nil
                hold.started.open()
                await hold.release.wait()
            }
            return snapshot
        }

        func setValue(_ value: String, forKey key: String) async throws { values[key] = value }
        func removeValue(forKey key: String) async throws { values[key] = nil }
    }

    @Test(
        "read-fill race: a load that read the old value before a write does not cache it",
        arguments: TTLCacheWritePolicy.allCases)
    func readFillRace(_ policy: TTLCacheWritePolicy) async throws {
        let store = GatedStore(["k": "old"])
        let cache = TTLCache<String, String, ManualClock>(configuration: try Self.configuration(), clock: ManualClock())
        let backed = StoreBackedTTLCache(cache: cache, store: store, policy: policy)
        let started = Gate()
        let release = Gate()
        await store.holdNextRead(started: started, release: release)
        let reader = Task { try await backed.value(forKey: "k") }
        await started.wait()  // the reader has read "old" from the store
        try await backed.setValue("new", forKey: "k")
        release.open()
        #expect(try await reader.value == "old")  // it read before the write: a fine answer, not a fine cache entry
        #expect(await cache.value(forKey: "k") != "old")
        try await backed.flush()
        #expect(try await backed.value(forKey: "k") == "new")
        #expect(await cache.value(forKey: "k") != "old")
        await cache.shutdown()
    }

    @Test("fill tickets: a write voids the outstanding tickets of its key only")
    func fillTickets() async throws {
        let cache = TTLCache<String, Int, ManualClock>(configuration: try Self.configuration(), clock: ManualClock())
        guard case .miss(let a) = await cache.lookup("a"), case .miss(let b) = await cache.lookup("b") else {
            Issue.record("expected misses")
            return
        }
        await cache.removeValue(forKey: "a")  // the store behind "a" changed
        #expect(await cache.fill(a, with: 1) == false)
        #expect(await cache.fill(b, with: 2))
        #expect(await cache.value(forKey: "a") == nil)
        #expect(await cache.value(forKey: "b") == 2)
        guard case .hit(2) = await cache.lookup("b") else {
            Issue.record("expected a hit")
            return
        }
        await cache.shutdown()
    }

    @Test("the in-memory store keeps the backing-store contract", arguments: TTLCacheBackingStoreContract.checks)
    func backingStoreContract(_ check: TTLCacheBackingStoreContract.Check) async throws {
        try await check.run { Store() }
    }

    // MARK: Property

    /// The obvious model: a dictionary of (value, expiry) and a recency list.
    struct Oracle {
        let ttl: Duration
        let capacity: Int
        var entries: [String: (value: Int, expiresAt: Duration)] = [:]
        var recency: [String] = []  // least recent first
        var statistics = TTLCacheStatistics()

        mutating func touch(_ key: String) {
            recency.removeAll { $0 == key }
            recency.append(key)
        }

        mutating func drop(_ key: String) {
            entries[key] = nil
            recency.removeAll { $0 == key }
        }

        mutating func get(_ key: String, now: Duration) -> Int? {
            guard let entry = entries[key] else {
                statistics.misses += 1
                return nil
            }
            if now >= entry.expiresAt {
                drop(key)
                statistics.misses += 1
                statistics.expirations += 1
                return nil
            }
            statistics.hits += 1
            touch(key)
            return entry.value
        }

        mutating func set(_ key: String, _ value: Int, now: Duration) -> String? {
            var evicted: String?
            if entries[key] == nil && entries.count == capacity {
                evicted = recency[0]
                drop(recency[0])
                statistics.evictions += 1
            }
            entries[key] = (value, now + ttl)
            touch(key)
            return evicted
        }

        mutating func remove(_ key: String, now: Duration) -> Int? {
            guard let entry = entries[key] else { return nil }
            drop(key)
            if now >= entry.expiresAt {
                statistics.expirations += 1
                return nil
            }
            return entry.value
        }

        mutating func sweep(now: Duration) -> Int {
            let expired = entries.filter { now >= $0.value.expiresAt }.map(\.key)
            for key in expired { drop(key) }
            statistics.expirations += expired.count
            return expired.count
        }
    }

    @Test("random get/set/remove/sweep sequences with time advances match a naive oracle")
    func matchesOracle() async {
        // An op code picks the operation (code % 5), the key and the time step.
        await propertyCheck(count: 200, input: Gen.int(in: 1...4), Gen.int(in: 0...9_999).array(of: 0...60)) {
            capacity, codes in
            do {
                let configuration = try TTLCacheConfiguration(ttl: .milliseconds(50), capacity: capacity)
                var storage = TTLCache<String, Int, ManualClock>.Storage(configuration: configuration)
                var oracle = Oracle(ttl: .milliseconds(50), capacity: capacity)
                var now = Duration.zero
                for code in codes {
                    let key = "k\((code / 5) % 6)"
                    let at = ManualClock.Instant(offset: now)
                    switch code % 5 {
                    case 0:
                        #expect(storage.value(forKey: key, now: at) == oracle.get(key, now: now))
                    case 1, 2:
                        let evicted = storage.setValue(code, forKey: key, now: at)
                        #expect(evicted?.key == oracle.set(key, code, now: now))
                    case 3:
                        #expect(storage.removeValue(forKey: key, now: at) == oracle.remove(key, now: now))
                    default:
                        if code % 2 == 0 {
                            #expect(storage.removeExpired(now: at) == oracle.sweep(now: now))
                        } else {
                            now += .milliseconds((code / 30) % 40)
                        }
                    }
                    storage._checkInvariants()
                    #expect(storage.count == oracle.entries.count)
                }
                #expect(storage.keysByRecency == oracle.recency)
                #expect(storage.statistics == oracle.statistics)
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        }
    }
}
