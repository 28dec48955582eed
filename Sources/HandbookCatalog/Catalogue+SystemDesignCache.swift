extension Catalogue {
    static let systemDesignCacheLessons: [Lesson] = [
        Lesson(
            id: "system-design.ttl-cache",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "TTL cache: lazy expiry, a weak sweeper task, an LRU bound and write strategies",
            sources: ["Sources/HandbookSystemDesign/TTLCache.swift"],
            tests: ["Tests/HandbookSystemDesignTests/TTLCacheTests.swift"],
            seedTopics: ["system_design: Cache"],
            questions: ["Design a cache with TTL support"],
            experiments: [
                Experiment(
                    id: "ttl-cache.sweeper-never-purges",
                    file: "Sources/HandbookSystemDesign/TTLCache.swift",
                    original: "await cache.sweep()",
                    replacement: "_ = cache",
                    caughtBy: "HandbookSystemDesignTests.TTLCacheTests/sweeperPurgesWithoutReads",
                    teaches: """
                        This is the Go seed's cache: expiry only happens when a get looks at an entry, so keys \
                        written once and never read again stay in memory forever. The sweeper still wakes, but \
                        the three expired entries are still there after the interval.
                        """),
                Experiment(
                    id: "ttl-cache.no-lazy-expiry",
                    file: "Sources/HandbookSystemDesign/TTLCache.swift",
                    original: "if now >= entries[index].expiresAt {  // lazy expiry: a stale entry is never returned",
                    replacement: "if false {",
                    caughtBy: "HandbookSystemDesignTests.TTLCacheTests/(lazyExpiry|matchesOracle)",
                    teaches: """
                        Relying on the sweeper alone means a get between the TTL and the next sweep returns a \
                        stale value: the entry is served 1 ms after it expired, and the oracle disagrees at once.
                        """),
                Experiment(
                    id: "ttl-cache.get-does-not-refresh-recency",
                    file: "Sources/HandbookSystemDesign/TTLCache.swift",
                    original:
                        "            statistics.hits += 1\n            unlink(index)\n            pushNewest(index)\n",
                    replacement: "            statistics.hits += 1\n",
                    caughtBy: "HandbookSystemDesignTests.TTLCacheTests/(lruEviction|matchesOracle)",
                    teaches: """
                        A read is a use. Without moving the entry to the newest end on get, the capacity bound \
                        evicts in write order (FIFO) and throws away the key that was just read.
                        """),
                Experiment(
                    id: "ttl-cache.shutdown-does-not-cancel",
                    file: "Sources/HandbookSystemDesign/TTLCache.swift",
                    original: "        isShutDown = true\n        sweeper?.cancel()\n",
                    replacement: "        isShutDown = true\n",
                    caughtBy: "HandbookSystemDesignTests.TTLCacheTests/shutdownAndDeinit",
                    teaches: """
                        Dropping the task handle does not stop a task: without cancel() the sweeper is still \
                        asleep on the clock after shutdown, a background job nobody can reach any more.
                        """),
                Experiment(
                    id: "ttl-cache.unversioned-fill",
                    file: "Sources/HandbookSystemDesign/TTLCache.swift",
                    original: "guard state.version == ticket.version, let value else { return false }",
                    replacement: "guard let value else { return false }",
                    caughtBy: "HandbookSystemDesignTests.TTLCacheTests/(readFillRace|fillTickets)",
                    teaches: """
                        Without the version check a read-through load that read the old value before a write puts \
                        it back into the cache after the write invalidated it: stale reads until the TTL ends.
                        """),
                Experiment(
                    id: "ttl-cache.deinit-does-not-cancel",
                    file: "Sources/HandbookSystemDesign/TTLCache.swift",
                    original: "    deinit {\n        sweeper?.cancel()\n    }\n",
                    replacement: "",
                    caughtBy: "HandbookSystemDesignTests.TTLCacheTests/shutdownAndDeinit",
                    teaches: """
                        The weak capture lets the cache be freed, but the sweeper task itself then sleeps until its \
                        next tick before noticing. Cancelling in deinit ends it at once: no task outlives its owner.
                        """),
            ]),
        Lesson(
            id: "system-design.single-flight",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Single flight: one load per key under a stampede, errors not cached, per-waiter cancellation",
            sources: ["Sources/HandbookSystemDesign/SingleFlight.swift"],
            tests: ["Tests/HandbookSystemDesignTests/SingleFlightTests.swift"],
            seedTopics: ["system_design: Cache"],
            experiments: [
                Experiment(
                    id: "single-flight.no-in-flight-check",
                    file: "Sources/HandbookSystemDesign/SingleFlight.swift",
                    original: "let isFirstMiss = inFlight[key] == nil",
                    replacement: "let isFirstMiss = true",
                    caughtBy: "HandbookSystemDesignTests.SingleFlightTests/hundredConcurrentMissesLoadOnce",
                    teaches: """
                        Without the in-flight check every concurrent miss starts its own load: 100 callers, 100 \
                        database queries. This is the stampede the actor alone does not prevent.
                        """),
                Experiment(
                    id: "single-flight.never-clears-the-flight",
                    file: "Sources/HandbookSystemDesign/SingleFlight.swift",
                    original: "if isCurrent { inFlight.removeValue(forKey: key) }",
                    replacement: "",
                    caughtBy: "HandbookSystemDesignTests.SingleFlightTests/hundredConcurrentMissesLoadOnce",
                    teaches: """
                        A finished load must leave the in-flight table. Left there, the key reports a load that \
                        never ends, and after a failure every later caller would wait on it forever.
                        """),
                Experiment(
                    id: "single-flight.loader-on-the-actor",
                    file: "Sources/HandbookSystemDesign/SingleFlight.swift",
                    original: "public typealias Loader = @concurrent @Sendable (Key) async throws -> Value",
                    replacement: "public typealias Loader = @Sendable (Key) async throws -> Value",
                    caughtBy: "HandbookSystemDesignTests.SingleFlightTests/loaderRunsOffTheActor",
                    teaches: """
                        Without `@concurrent` the loader is `nonisolated(nonsending)` (the package's default) and \
                        runs on the load task's executor: the cache actor. Every second of synchronous work in a \
                        loader then blocks every hit on every key.
                        """),
                Experiment(
                    id: "single-flight.invalidate-ignores-in-flight",
                    file: "Sources/HandbookSystemDesign/SingleFlight.swift",
                    original: "if case .success(let value) = result, isCurrent {",
                    replacement: "if case .success(let value) = result {",
                    caughtBy: "HandbookSystemDesignTests.SingleFlightTests/invalidateDuringLoadIsNotCached",
                    teaches: """
                        A load that was running when the key was invalidated read the old data; caching its result \
                        undoes the invalidation, and the stale value stays until the next one.
                        """),
                Experiment(
                    id: "single-flight.invalidate-keeps-the-flight-joinable",
                    file: "Sources/HandbookSystemDesign/SingleFlight.swift",
                    original: "values[key] = nil\n        inFlight[key] = nil",
                    replacement: "values[key] = nil",
                    caughtBy: "HandbookSystemDesignTests.SingleFlightTests/invalidateDetachesTheRunningLoad",
                    teaches: """
                        If invalidate leaves the running load joinable, a caller that reads right after its own \
                        write joins a load that read the data before the write and gets the old value back: no \
                        read-your-writes. Go's singleflight.Forget detaches the flight for exactly this.
                        """),
                Experiment(
                    id: "single-flight.forget-to-cache",
                    file: "Sources/HandbookSystemDesign/SingleFlight.swift",
                    original: "values[key] = value  // errors are not cached",
                    replacement: "_ = value  // errors are not cached",
                    caughtBy:
                        "HandbookSystemDesignTests.SingleFlightTests/(hundredConcurrentMissesLoadOnce|invalidateReloads)",
                    teaches: """
                        Deduplicating loads is not caching: without storing the result, concurrent callers share \
                        one load but every later caller loads again.
                        """),
            ]),
        Lesson(
            id: "system-design.consistent-hashing",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Consistent hashing: a ring of virtual nodes, a stable hash, binary-search lookup",
            sources: ["Sources/HandbookSystemDesign/ConsistentHashing.swift"],
            tests: ["Tests/HandbookSystemDesignTests/ConsistentHashingTests.swift"],
            experiments: [
                Experiment(
                    id: "consistent-hashing.no-finalizer",
                    file: "Sources/HandbookSystemDesign/ConsistentHashing.swift",
                    original: "        var hash = fnv1a64(string)\n",
                    replacement: "        var hash = fnv1a64(string)\n        return hash\n",
                    caughtBy: "HandbookSystemDesignTests.ConsistentHashingTests/spreadIsEven",
                    teaches: """
                        Plain FNV-1a barely moves its high bits for keys that differ in the last character, so \
                        "key-1", "key-2", ... cluster on the ring: one of four nodes gets about half of the keys. \
                        The finalizer mixes every input bit into every output bit.
                        """),
                Experiment(
                    id: "consistent-hashing.no-wrap-around",
                    file: "Sources/HandbookSystemDesign/ConsistentHashing.swift",
                    original: "let index = low == points.count ? 0 : low",
                    replacement: "let index = min(low, points.count - 1)",
                    caughtBy: "HandbookSystemDesignTests.ConsistentHashingTests/matchesBruteForce",
                    teaches: """
                        It is a ring: a key hashing past the last point belongs to the first point. Clamping to the \
                        last point instead hands that arc to the wrong node, and the brute-force oracle disagrees.
                        """),
                Experiment(
                    id: "consistent-hashing.one-point-per-node",
                    file: "Sources/HandbookSystemDesign/ConsistentHashing.swift",
                    original: "(0..<virtualNodesPerNode).map { replica in",
                    replacement: "(0..<1).map { replica in",
                    caughtBy:
                        "HandbookSystemDesignTests.ConsistentHashingTests/(spreadIsEven|removingANodeMovesOnlyItsKeys)",
                    teaches: """
                        With one point per server the arcs are as unequal as random gaps: some node owns far more \
                        than its share, and a removed node's keys all go to a single neighbour instead of being \
                        spread over every survivor.
                        """),
            ]),
    ]
}
