import HandbookDataStructures
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("LRU cache")
struct LRUCacheTests {
    /// One step of a scripted scenario, replayed against a cache.
    enum Step: Sendable, CustomStringConvertible {
        case put(Int, Int)
        case get(Int, expect: Int?)
        case remove(Int, expect: Int?)

        var description: String {
            switch self {
            case .put(let key, let value): "put(\(key), \(value))"
            case .get(let key, let expected): "get(\(key)) == \(expected.map(String.init) ?? "nil")"
            case .remove(let key, let expected): "remove(\(key)) == \(expected.map(String.init) ?? "nil")"
            }
        }
    }

    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var capacity: Int
        var steps: [Step]
        /// Keys from least to most recently used after the last step.
        var finalOrder: [Int]

        var testDescription: String { name }
    }

    /// LeetCode 146's published example, then the Go seed's cases.
    static let scenarios: [Scenario] = [
        Scenario(
            name: "LeetCode 146 example",
            capacity: 2,
            steps: [
                .put(1, 1), .put(2, 2), .get(1, expect: 1), .put(3, 3), .get(2, expect: nil),
                .put(4, 4), .get(1, expect: nil), .get(3, expect: 3), .get(4, expect: 4),
            ],
            finalOrder: [3, 4]),
        Scenario(
            name: "eviction removes the least recently inserted when nothing is read",
            capacity: 3,
            steps: [
                .put(1, 10), .put(2, 20), .put(3, 30), .put(4, 40), .put(5, 50),
                .get(1, expect: nil), .get(2, expect: nil), .get(3, expect: 30),
            ],
            finalOrder: [4, 5, 3]),
        Scenario(
            name: "get refreshes recency, so the other key is evicted",
            capacity: 2,
            steps: [.put(1, 1), .put(2, 2), .get(1, expect: 1), .put(3, 3), .get(2, expect: nil), .get(1, expect: 1)],
            finalOrder: [3, 1]),
        Scenario(
            name: "put on an existing key updates, refreshes and evicts nothing",
            capacity: 2,
            steps: [.put(1, 1), .put(2, 2), .put(1, 100), .put(3, 3), .get(1, expect: 100), .get(2, expect: nil)],
            finalOrder: [3, 1]),
        Scenario(
            name: "capacity 1 keeps only the last key",
            capacity: 1,
            steps: [.put(1, 1), .get(1, expect: 1), .put(2, 2), .get(1, expect: nil), .get(2, expect: 2), .put(2, 3)],
            finalOrder: [2]),
        Scenario(
            name: "remove frees a slot, so the next put evicts nothing",
            capacity: 2,
            steps: [
                .put(1, 1), .put(2, 2), .remove(1, expect: 1), .remove(1, expect: nil), .put(3, 3),
                .get(2, expect: 2), .get(3, expect: 3),
            ],
            finalOrder: [2, 3]),
        Scenario(
            name: "complex: mixed reads and writes",
            capacity: 3,
            steps: [
                .put(1, 1), .put(2, 2), .put(3, 3), .get(1, expect: 1), .put(4, 4), .get(2, expect: nil),
                .get(3, expect: 3), .put(5, 5), .get(1, expect: nil), .get(4, expect: 4), .put(3, 33),
                .put(6, 6), .get(5, expect: nil), .get(3, expect: 33),
            ],
            finalOrder: [4, 6, 3]),
    ]

    @Test("published and Go seed scenarios: eviction order, recency on get and put, capacity 1", arguments: scenarios)
    func scenario(_ scenario: Scenario) {
        let cache = LRUCache<Int, Int>(capacity: scenario.capacity)
        for step in scenario.steps {
            switch step {
            case .put(let key, let value):
                cache.setValue(value, forKey: key)
            case .get(let key, let expected):
                #expect(cache.value(forKey: key) == expected, "\(step)")
            case .remove(let key, let expected):
                #expect(cache.removeValue(forKey: key) == expected, "\(step)")
            }
            #expect(cache.count <= scenario.capacity)
        }
        #expect(cache.entries.map(\.key) == scenario.finalOrder)
        cache._checkInvariants()
    }

    @Test("oldest and newest report both ends and do not count as a use")
    func oldestAndNewest() throws {
        let cache = LRUCache<String, Int>(capacity: 3)
        #expect(cache.oldest == nil && cache.newest == nil && cache.isEmpty)
        cache.setValue(1, forKey: "a")
        #expect(cache.oldest?.key == "a" && cache.newest?.key == "a")
        cache.setValue(2, forKey: "b")
        cache.setValue(3, forKey: "c")
        #expect(try #require(cache.oldest) == ("a", 1))
        #expect(try #require(cache.newest) == ("c", 3))
        // Peeking at the ends or asking `contains` must not refresh "a".
        #expect(cache.contains("a"))
        let evicted = try #require(cache.setValue(4, forKey: "d"))
        #expect(evicted == ("a", 1))
        _ = cache.value(forKey: "b")
        #expect(cache.oldest?.key == "c" && cache.newest?.key == "b")
        #expect(cache.entries.map(\.key) == ["c", "d", "b"])
    }

    /// A value whose deinit counts into a per-test counter.
    final class Tracked {
        let id: Int
        let freed: Locked<[Int]>

        init(_ id: Int, freed: Locked<[Int]>) {
            self.id = id
            self.freed = freed
        }

        deinit { freed.withLock { $0.append(id) } }
    }

    @Test("an evicted or removed entry is freed at once; nothing else is")
    func evictedEntriesAreFreed() {
        let freed = Locked<[Int]>([])
        let cache = LRUCache<Int, Tracked>(capacity: 2)
        cache.setValue(Tracked(1, freed: freed), forKey: 1)
        cache.setValue(Tracked(2, freed: freed), forKey: 2)
        cache.setValue(Tracked(3, freed: freed), forKey: 3)
        #expect(freed.withLock { $0 } == [1])
        cache.setValue(Tracked(20, freed: freed), forKey: 2)  // overwriting frees the old value
        #expect(freed.withLock { $0 } == [1, 2])
        cache.removeValue(forKey: 3)
        #expect(freed.withLock { $0 } == [1, 2, 3])
        #expect(cache.count == 1)
    }

    @Test("dropping the cache frees the cache and every node: no prev/next reference cycle")
    func droppingTheCacheFreesEveryNode() {
        let freed = Locked<[Int]>([])
        expectDeallocated {
            LRUCache<Int, Tracked>(capacity: 8)
        } use: { cache in
            for id in 0..<5 { cache.setValue(Tracked(id, freed: freed), forKey: id) }
            _ = cache.value(forKey: 0)
            #expect(freed.withLock { $0 }.isEmpty)
        }
        // With a strong `previous` pointer, neighbours keep each other alive
        // after the cache is gone and none of these deinits runs.
        #expect(freed.withLock { $0.sorted() } == [0, 1, 2, 3, 4])
    }

    @Test("a non-positive capacity traps with a message naming the value")
    func nonPositiveCapacityTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = LRUCache<Int, Int>(capacity: 0)
        }
        #expect(
            String(decoding: result.standardErrorContent, as: UTF8.self)
                .contains("LRUCache capacity must be positive, got 0"))
        await #expect(processExitsWith: .failure) {
            _ = LockedLRUCache<Int, Int>(capacity: -1)
        }
    }

    /// The oracle: an array of (key, value) from least to most recently used.
    struct RecencyOracle {
        let capacity: Int
        var entries: [(key: Int, value: Int)] = []

        mutating func get(_ key: Int) -> Int? {
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.value
        }

        mutating func put(_ key: Int, _ value: Int) -> (key: Int, value: Int)? {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                entries.remove(at: index)
                entries.append((key, value))
                return nil
            }
            entries.append((key, value))
            return entries.count > capacity ? entries.removeFirst() : nil
        }

        mutating func remove(_ key: Int) -> Int? {
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            return entries.remove(at: index).value
        }
    }

    /// Replays op codes on `cache` and on the oracle, expecting the same answer
    /// at every step and the same entries at the end. An op code encodes the
    /// operation (code % 4: get, put, put, remove) and a key from a small range,
    /// so hits, updates and evictions are common.
    static func replay<Cache: RecencyCache>(_ codes: [Int], on cache: inout Cache, capacity: Int) -> RecencyOracle {
        var oracle = RecencyOracle(capacity: capacity)
        for code in codes {
            let key = (code / 4) % 6
            switch code % 4 {
            case 0:
                #expect(cache.value(forKey: key) == oracle.get(key))
            case 3:
                #expect(cache.removeValue(forKey: key) == oracle.remove(key))
            default:
                let evicted = cache.setValue(code, forKey: key)
                let expected = oracle.put(key, code)
                #expect(evicted?.key == expected?.key && evicted?.value == expected?.value)
            }
            #expect(cache.count == oracle.entries.count)
        }
        #expect(cache.entries.map(\.key) == oracle.entries.map(\.key))
        #expect(cache.entries.map(\.value) == oracle.entries.map(\.value))
        return oracle
    }

    @Test("random get/put/remove sequences match an array kept in recency order")
    func matchesRecencyOracle() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...4), Gen.int(in: 0...999).array(of: 0...40)) {
            capacity, codes in
            var cache = LRUCache<Int, Int>(capacity: capacity)
            let oracle = Self.replay(codes, on: &cache, capacity: capacity)
            #expect(cache.oldest?.key == oracle.entries.first?.key)
            #expect(cache.newest?.key == oracle.entries.last?.key)
        }
    }

    @Test("ArenaLRUCache: random get/put/remove sequences match the same recency oracle")
    func arenaMatchesRecencyOracle() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...4), Gen.int(in: 0...999).array(of: 0...40)) {
            capacity, codes in
            var cache = ArenaLRUCache<Int, Int>(capacity: capacity)
            _ = Self.replay(codes, on: &cache, capacity: capacity)
            cache._checkInvariants()
        }
    }

    @Test("ArenaLRUCache is a value: a copy keeps its own recency order and entries")
    func arenaCopiesAreIndependent() {
        var original = ArenaLRUCache<String, Int>(capacity: 2)
        original.setValue(1, forKey: "a")
        original.setValue(2, forKey: "b")
        var copy = original
        _ = copy.value(forKey: "a")  // a read reorders the copy only
        copy.setValue(3, forKey: "c")  // evicts "b" from the copy only
        #expect(copy.entries.map(\.key) == ["a", "c"])
        #expect(original.entries.map(\.key) == ["a", "b"])
        #expect(original.value(forKey: "b") == 2)
    }

    @Test("ArenaLRUCache: removing the newest, the oldest and a middle entry keeps the order of the rest")
    func arenaRemovalPatchesTheMovedSlot() {
        var cache = ArenaLRUCache<Int, String>(capacity: 5)
        for key in 1...5 { cache.setValue("v\(key)", forKey: key) }  // order, oldest first: 1 2 3 4 5
        #expect(cache.removeValue(forKey: 5) == "v5")  // the newest, also the last slot
        #expect(cache.removeValue(forKey: 1) == "v1")  // the oldest; slot 0 is refilled by slot 3 (key 4)
        #expect(cache.removeValue(forKey: 3) == "v3")  // a middle entry
        #expect(cache.entries.map(\.key) == [2, 4])
        #expect(cache.value(forKey: 4) == "v4")
        cache.setValue("v6", forKey: 6)
        cache.setValue("v7", forKey: 7)
        cache.setValue("v8", forKey: 8)
        cache.setValue("v9", forKey: 9)  // full at 5: evicts 2, the least recently used
        #expect(cache.entries.map(\.key) == [4, 6, 7, 8, 9])
        cache._checkInvariants()
    }

    /// A deterministic mixed script: (operation, key, value).
    static func script(seed: UInt64, count: Int) -> [(operation: Int, key: Int, value: Int)] {
        var random = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { index in
            (Int.random(in: 0..<4, using: &random), Int.random(in: 0..<24, using: &random), index)
        }
    }

    @Test("8 tasks × 1000 mixed ops on LockedLRUCache: never above capacity, invariants hold")
    func lockedCacheUnderConcurrency() async {
        let cache = LockedLRUCache<Int, Int>(capacity: 16)
        await withTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var bounded = true
                    for (operation, key, value) in Self.script(seed: UInt64(task), count: 1_000) {
                        switch operation {
                        case 0, 1: _ = cache.value(forKey: key)
                        case 2: cache.setValue(value, forKey: key)
                        default: cache.removeValue(forKey: key)
                        }
                        bounded = bounded && cache.count <= cache.capacity
                    }
                    return bounded
                }
            }
            for await bounded in group { #expect(bounded) }
        }
        cache._checkInvariants()
        #expect(cache.count <= 16)
    }

    @Test("8 tasks × 1000 mixed ops on LRUCacheActor: never above capacity, invariants hold")
    func actorCacheUnderConcurrency() async {
        let cache = LRUCacheActor<Int, Int>(capacity: 16)
        await withTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var bounded = true
                    for (operation, key, value) in Self.script(seed: UInt64(task), count: 1_000) {
                        switch operation {
                        case 0, 1: _ = await cache.value(forKey: key)
                        case 2: await cache.setValue(value, forKey: key)
                        default: await cache.removeValue(forKey: key)
                        }
                        let count = await cache.count
                        bounded = bounded && count <= cache.capacity
                    }
                    return bounded
                }
            }
            for await bounded in group { #expect(bounded) }
        }
        await cache._checkInvariants()
        #expect(await cache.count <= 16)
    }

    @Test("the locked and actor caches agree with LRUCache on a seeded script", arguments: [1, 42, 2024] as [UInt64])
    func threadSafeVariantsAgree(seed: UInt64) async {
        let plain = LRUCache<Int, Int>(capacity: 5)
        let locked = LockedLRUCache<Int, Int>(capacity: 5)
        let actorCache = LRUCacheActor<Int, Int>(capacity: 5)
        for (operation, key, value) in Self.script(seed: seed, count: 500) {
            switch operation {
            case 0, 1:
                let expected = plain.value(forKey: key)
                #expect(locked.value(forKey: key) == expected)
                #expect(await actorCache.value(forKey: key) == expected)
            case 2:
                let expected = plain.setValue(value, forKey: key)
                #expect(locked.setValue(value, forKey: key)?.key == expected?.key)
                #expect(await actorCache.setValue(value, forKey: key)?.key == expected?.key)
            default:
                let expected = plain.removeValue(forKey: key)
                #expect(locked.removeValue(forKey: key) == expected)
                #expect(await actorCache.removeValue(forKey: key) == expected)
            }
        }
        let order = plain.entries.map(\.key)
        #expect(locked.entries.map(\.key) == order)
        #expect(await actorCache.entries.map(\.key) == order)
        #expect(plain.entries.map(\.value) == locked.entries.map(\.value))
    }
}

/// What both LRU implementations offer, so one oracle replay checks either.
/// (A class's non-mutating methods satisfy the `mutating` requirements.)
protocol RecencyCache {
    var count: Int { get }
    var entries: [(key: Int, value: Int)] { get }
    mutating func value(forKey key: Int) -> Int?
    mutating func setValue(_ value: Int, forKey key: Int) -> (key: Int, value: Int)?
    mutating func removeValue(forKey key: Int) -> Int?
}

extension LRUCache: RecencyCache where Key == Int, Value == Int {}
extension ArenaLRUCache: RecencyCache where Key == Int, Value == Int {}

extension LRUCacheTests {
    @Test("a miss on a full cache reuses the evicted node: 1,000 misses through 3 slots allocate 3 nodes")
    func missesOnAFullCacheAllocateNothing() {
        let cache = LRUCache<Int, String>(capacity: 3)
        for key in 0..<1_000 { cache.setValue("v\(key)", forKey: key) }
        #expect(cache.nodesAllocated == 3)
        #expect(cache.entries.map(\.key) == [997, 998, 999])
        #expect(cache.value(forKey: 996) == nil, "the evicted key is gone, not pointing at its recycled node")
        #expect(cache.value(forKey: 997) == "v997")
        // A removal frees a slot; refilling it is the only other allocation.
        cache.removeValue(forKey: 998)
        cache.setValue("again", forKey: 5_000)
        #expect(cache.nodesAllocated == 4)
        cache._checkInvariants()
    }
}
