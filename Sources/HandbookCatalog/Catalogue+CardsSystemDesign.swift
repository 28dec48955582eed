extension Catalogue {
    /// Review cards for Phase 3 system design: each names the test that proves its answer.
    static let systemDesignCards: [ReviewCard] = [
        ReviewCard(
            id: "system-design.token-bucket-rate-limiter#2142fd37", lesson: "system-design.token-bucket-rate-limiter",
            kind: .seedQuestion,
            question: """
                Implement a rate limiter
                """,
            answer: """
                I'd build a token bucket as a small value type: capacity, a refill interval, the earned \
                time (a Duration) and the last refill instant. Each request first refills lazily from the \
                elapsed time, clamped at capacity (no per-key timer), then spends `cost` tokens or is \
                denied with retryAfter equal to the exact deficit. With capacity 5 refilled 1/s, five \
                requests at t = 0 pass (remaining 4, 3, 2, 1, 0) and the sixth is denied with retryAfter 1 \
                s; per-key limiters wrap this in an actor (or NSLock) with an injected Clock.
                """,
            test: "HandbookSystemDesignTests.TokenBucketRateLimiterTests/burstThenDeny()"),
        ReviewCard(
            id: "system-design.token-bucket-rate-limiter#243eccdd", lesson: "system-design.token-bucket-rate-limiter",
            kind: .checklist,
            question: """
                Rate Limiter - Can you implement token bucket algorithm?
                """,
            answer: """
                Yes. refill(at: now) does `credit = min(credit + (now - last), capacity × interval)`; \
                tryAcquire refills, computes `needed = interval × cost`, and if `credit >= needed` \
                subtracts it, otherwise returns a denial with `retryAfter = needed - credit` that spends \
                nothing. Storing earned time as an exact `Duration` (the Go seed used float64 tokens and \
                time.Now()) keeps the boundary exact, and the lazy computation matches a \
                millisecond-by-millisecond tick simulation on random arrivals and costs.
                """,
            test: "HandbookSystemDesignTests.TokenBucketRateLimiterTests/matchesTickOracle()"),
        ReviewCard(
            id: "system-design.token-bucket-rate-limiter#015302ab", lesson: "system-design.token-bucket-rate-limiter",
            kind: .predict,
            question: """
                var b = try TokenBucket(capacity: 5, refill: 1, per: .seconds(1))
                for _ in 1...5 { _ = b.tryAcquire(at: .zero) }
                print(b.tokens(at: .seconds(3600)))
                print((1...6).map { _ in b.tryAcquire(at: .seconds(3600)).isAllowed })
                What does this print?
                """,
            answer: """
                5.0, then [true, true, true, true, true, false]. Refill is clamped at capacity, so an hour \
                of idleness earns a burst of 5, not 3 600 tokens; without the `min` a quiet client would \
                earn an unbounded burst.
                """,
            test: "HandbookSystemDesignTests.TokenBucketRateLimiterTests/idleBucketIsClamped()"),
        ReviewCard(
            id: "system-design.token-bucket-rate-limiter#d70bfab1", lesson: "system-design.token-bucket-rate-limiter",
            kind: .predict,
            question: """
                var b = try TokenBucket(capacity: 1, refill: 2, per: .seconds(1))
                _ = b.tryAcquire(at: .zero)
                let early = b.tryAcquire(at: .milliseconds(250))
                let later = b.tryAcquire(at: .milliseconds(500))
                What are early.isAllowed, early.retryAfter and later.isAllowed?
                """,
            answer: """
                false, 250 ms, true. At 2 tokens per second, 250 ms earns half a token, so the request is \
                denied with the exact remaining deficit and spends nothing; at 500 ms a whole token has \
                accrued and `credit >= needed` admits it. Exact Duration arithmetic keeps that boundary \
                from flickering as Double tokens could.
                """,
            test: "HandbookSystemDesignTests.TokenBucketRateLimiterTests/fractionalTokens()"),
        ReviewCard(
            id: "system-design.token-bucket-rate-limiter#548ff8e6", lesson: "system-design.token-bucket-rate-limiter",
            kind: .recall,
            question: """
                Actors serialise access, so how could an actor-based rate limiter still over-admit, and how \
                does this one make 1 000 concurrent requests on a capacity of 100 admit exactly 100?
                """,
            answer: """
                Actors are re-entrant: if you read the tokens, `await` something (a database, another \
                actor) and then spend, other calls run at that suspension and all see the same tokens. Here \
                refill-check-spend is one synchronous actor-isolated method (or one `NSLock.withLock` block \
                in the locked twin), so decisions are serialised and exactly 100 of 1 000 concurrent \
                acquires are admitted. In SQL the same step must be one statement or a `SELECT … FOR \
                UPDATE` transaction.
                """,
            test: "HandbookSystemDesignTests.TokenBucketRateLimiterTests/concurrentAcquiresNeverOverAdmit(guarding:)"),
        ReviewCard(
            id: "system-design.token-bucket-rate-limiter#8cebeda5", lesson: "system-design.token-bucket-rate-limiter",
            kind: .recall,
            question: """
                With one bucket per user ID, how do you keep the limiter's memory bounded without changing \
                any decision?
                """,
            answer: """
                A bucket that has refilled to full behaves exactly like a fresh one, so idle (full) buckets \
                can be dropped in a periodic sweep and a later request simply recreates one. In the test 1 \
                000 users each spend their 3 tokens; once 10 s have passed (all refilled, sweep interval \
                reached) the next request sweeps them, only 1 key stays tracked, and that user's full-cost \
                request is admitted like a new one.
                """,
            test: "HandbookSystemDesignTests.TokenBucketRateLimiterTests/idleKeysAreEvicted()"),
        ReviewCard(
            id: "system-design.sliding-window-rate-limiter#c65cd036",
            lesson: "system-design.sliding-window-rate-limiter", kind: .predict,
            question: """
                Limit 10 per 1 s window. 10 requests arrive at t = 0.9 s and 10 more at t = 1.1 s. How many \
                does each algorithm admit: fixed window, sliding log, sliding counter?
                """,
            answer: """
                Fixed window 20, sliding log 10, sliding counter 11. The fixed window resets its count at \
                the aligned 1 s boundary, so 20 land within 0.2 s (the 2× boundary burst); the log counts \
                exactly the last second; the counter weights the previous window's 10 by its remaining \
                overlap (0.9 × 10 = 9), leaving room for one more.
                """,
            test: "HandbookSystemDesignTests.SlidingWindowRateLimiterTests/boundaryBurst(algorithm:expectedAdmitted:)"),
        ReviewCard(
            id: "system-design.sliding-window-rate-limiter#2f27684a",
            lesson: "system-design.sliding-window-rate-limiter", kind: .predict,
            question: """
                var log = try SlidingWindowRateLimiter.Log(limit: 10, window: .seconds(1))
                for _ in 0..<5 { _ = log.tryAcquire(at: .zero) }
                for _ in 0..<5 { _ = log.tryAcquire(at: .milliseconds(500)) }
                let d = log.tryAcquire(at: .milliseconds(600))
                What are d.isAllowed and d.retryAfter, and how many of 6 requests at exactly t = 1 s are \
                admitted?
                """,
            answer: """
                Denied, retryAfter 400 ms (when the t = 0 entries expire); at t = 1 s five of the six are \
                admitted. The window is half-open, (now − window, now], so an entry exactly one window old \
                has already expired; keeping it (`<` instead of `<=` in the expiry) would wrongly deny \
                those requests.
                """,
            test: "HandbookSystemDesignTests.SlidingWindowRateLimiterTests/logRetryAfterIsExact()"),
        ReviewCard(
            id: "system-design.sliding-window-rate-limiter#57e87752",
            lesson: "system-design.sliding-window-rate-limiter", kind: .predict,
            question: """
                var c = try SlidingWindowRateLimiter.Counter(limit: 10, window: .seconds(1))
                _ = c.tryAcquire(cost: 10, at: .zero)
                let a = c.tryAcquire(cost: 2, at: .milliseconds(1_250))
                let b = c.tryAcquire(at: .milliseconds(1_250))
                What are a.isAllowed, b.isAllowed and b.retryAfter?
                """,
            answer: """
                a is allowed; b is denied with retryAfter 50 ms. At 1.25 s the previous window's 10 weigh \
                10 × 0.75 = 7.5, so 7.5 + 2 fits in 10 but 7.5 + 3 does not; at 1.3 s they weigh 7 and 7 + \
                3 = 10 fits. The comparison is multiplied through by the window and done on Durations, so \
                the exact boundary does not flip as a Double weight could.
                """,
            test: "HandbookSystemDesignTests.SlidingWindowRateLimiterTests/counterWeightsPreviousWindow()"),
        ReviewCard(
            id: "system-design.sliding-window-rate-limiter#7914facb",
            lesson: "system-design.sliding-window-rate-limiter", kind: .recall,
            question: """
                How much state per key do a fixed window, a sliding log and a sliding counter keep, and \
                when would you avoid the log?
                """,
            answer: """
                Fixed window: 2 values (window start, count). Sliding counter: 3 (window index, previous \
                and current counts) whatever the limit. Sliding log: one timestamp per admitted unit, up to \
                the limit, so 1 000 values for a limit of 1 000. For large limits (think a Redis sorted set \
                per key for 10 000/hour) use the counter or a token bucket and accept the counter's bounded \
                approximation.
                """,
            test: "HandbookSystemDesignTests.SlidingWindowRateLimiterTests/memoryPerKey()"),
        ReviewCard(
            id: "system-design.backpressure-and-load-shedding#861d3479",
            lesson: "system-design.backpressure-and-load-shedding", kind: .predict,
            question: """
                A Bulkhead(maxConcurrent: 4, queue: .bounded(8)) receives 20 simultaneous requests whose \
                operations all block until released. What are running / queued / rejected, and how many \
                eventually run?
                """,
            answer: """
                4 running, 8 queued, 8 rejected at once with `BulkheadError.queueFull(maxQueued: 8)`; after \
                release 12 run, with peak concurrency 4. Shedding the excess immediately (a cheap 503 with \
                Retry-After) is the point: the queue bound caps both memory and the latency a request can \
                pile up.
                """,
            test: "HandbookSystemDesignTests.BackpressureAndLoadSheddingTests/boundedQueueShedsTheExcess()"),
        ReviewCard(
            id: "system-design.backpressure-and-load-shedding#d734cc14",
            lesson: "system-design.backpressure-and-load-shedding", kind: .recall,
            question: """
                How do you use Little's law to size a bulkhead and its queue?
                """,
            answer: """
                L = λ × W: 200 requests/s at 50 ms each keep 10 in flight, so a bulkhead of 4 must queue or \
                shed. Size the queue by the latency budget: the k-th waiter waits about k / maxConcurrent × \
                serviceTime, so with 4 slots, 100 ms service time and a 200 ms queue budget, 4 × 200 / 100 \
                = 8 may wait; more would only time out in the queue.
                """,
            test: "HandbookSystemDesignTests.BackpressureAndLoadSheddingTests/littlesLaw()"),
        ReviewCard(
            id: "system-design.backpressure-and-load-shedding#563a9d67",
            lesson: "system-design.backpressure-and-load-shedding", kind: .recall,
            question: """
                What must happen to a request that has waited in the bulkhead's queue past its deadline, \
                and why?
                """,
            answer: """
                It is dropped with `queueTimeout` and never runs: its client has already given up, so \
                running it would only steal a slot from live requests. Each waiter arms a timer on the \
                injected clock; in the test two waiters with a 100 ms queue timeout both fail when the \
                clock advances 100 ms, and only the request that already held the slot ever executes.
                """,
            test: "HandbookSystemDesignTests.BackpressureAndLoadSheddingTests/expiredWaitersNeverRun()"),
        ReviewCard(
            id: "system-design.backpressure-and-load-shedding#3b852e0d",
            lesson: "system-design.backpressure-and-load-shedding", kind: .recall,
            question: """
                A bulkhead's `run` wraps an operation that throws. What must it do with the slot, and what \
                happens if it does not?
                """,
            answer: """
                Release the slot on the throw path as well as on return. If only success released it, every \
                failure would leak capacity: with a bulkhead of 1 and no queue, one thrown error would make \
                every later request be shed as if overloaded; here the next `run { 42 }` still returns 42 \
                and all counters are back to 0. Swift has no built-in async semaphore (Go would use a \
                buffered channel), so the actor of continuations must do this bookkeeping itself.
                """,
            test: "HandbookSystemDesignTests.BackpressureAndLoadSheddingTests/throwingOperationReleasesTheSlot()"),
        ReviewCard(
            id: "system-design.ttl-cache#6b7f78c3", lesson: "system-design.ttl-cache", kind: .seedQuestion,
            question: """
                Design a cache with TTL support
                """,
            answer: """
                Each entry stores `expiresAt = now + ttl` from an injected monotonic Clock. A get expires \
                lazily (at `now >= expiresAt` it removes the entry and counts a miss, so nothing stale is \
                returned) and refreshes LRU recency; a set at capacity evicts the least recently used \
                entry; a periodic sweep purges expired entries nobody reads. The logic is a value type \
                whose methods take `now`, wrapped by a thin actor, and random get/set/remove/sweep \
                sequences match a naive dictionary-plus-recency-list oracle, statistics included.
                """,
            test: "HandbookSystemDesignTests.TTLCacheTests/matchesOracle()"),
        ReviewCard(
            id: "system-design.ttl-cache#c0725433", lesson: "system-design.ttl-cache", kind: .predict,
            question: """
                TTL 1 s, sweep interval 60 s.
                await cache.setValue(1, forKey: "a")
                clock.advance(by: .milliseconds(999))
                print(await cache.value(forKey: "a"))
                clock.advance(by: .milliseconds(2))
                print(await cache.count)
                print(await cache.value(forKey: "a"))
                print(await cache.count)
                """,
            answer: """
                Optional(1), 1, nil, 0. At 999 ms the entry is live; at 1 001 ms it has expired but is \
                still stored because nothing has looked at it, and the read removes it and misses (lazy \
                expiry), so the count drops to 0.
                """,
            test: "HandbookSystemDesignTests.TTLCacheTests/lazyExpiry()"),
        ReviewCard(
            id: "system-design.ttl-cache#d8e50e4b", lesson: "system-design.ttl-cache", kind: .recall,
            question: """
                The Go seed's cache only deletes an expired entry when Get finds it. What goes wrong, and \
                what is the fix?
                """,
            answer: """
                Keys written once and never read again stay in the map for ever: a slow memory leak. Add \
                active expiry: a sweeper that wakes every sweep interval on the injected clock and purges \
                expired entries. In the test three entries with a 5 s TTL are gone after one 10 s interval \
                with no reads at all (3 expirations, 0 misses).
                """,
            test: "HandbookSystemDesignTests.TTLCacheTests/sweeperPurgesWithoutReads()"),
        ReviewCard(
            id: "system-design.ttl-cache#7d4e8036", lesson: "system-design.ttl-cache", kind: .recall,
            question: """
                How do you run the cache's background sweeper in Swift without leaking the cache or the \
                task?
                """,
            answer: """
                The sweeper is a `Task` that sleeps on the injected clock and captures `[weak self]`, \
                holding the cache strongly only for one sweep, so a sleeping task never keeps the cache \
                alive. `shutdown()` cancels it (the clock's sleep throws `CancellationError` and the loop \
                returns), and `deinit` cancels it too, so no task outlives its owner; merely dropping the \
                task handle would not stop it. Go would need a ticker goroutine plus a stop channel.
                """,
            test: "HandbookSystemDesignTests.TTLCacheTests/shutdownAndDeinit()"),
        ReviewCard(
            id: "system-design.ttl-cache#4fc942be", lesson: "system-design.ttl-cache", kind: .predict,
            question: """
                Cache with capacity 2:
                await cache.setValue(1, forKey: "a")
                await cache.setValue(2, forKey: "b")
                _ = await cache.value(forKey: "a")
                let evicted = await cache.setValue(3, forKey: "c")
                What is evicted, and what is keysByRecency?
                """,
            answer: """
                evicted is ("b", 2) and keysByRecency is ["a", "c"]. Reading "a" made it the most recently \
                used, so "b" became the LRU victim; if get did not refresh recency the bound would behave \
                as FIFO and evict the key that was just read.
                """,
            test: "HandbookSystemDesignTests.TTLCacheTests/lruEviction()"),
        ReviewCard(
            id: "system-design.ttl-cache#69f49764", lesson: "system-design.ttl-cache", kind: .recall,
            question: """
                A read-through load reads the old value from the store, then a write lands before the load \
                fills the cache. How do you keep the stale value out of the cache?
                """,
            answer: """
                Version the fills: a miss issues a FillTicket in the same actor turn, every write to that \
                key (set, remove, or discardFills after writing only the store) bumps the key's version, \
                and fill caches the loaded value only if the ticket's version is still current. The reader \
                may still return the old value it read, a fine answer, but the cache does not keep it, so \
                later reads see the new value instead of stale data until the TTL ends.
                """,
            test: "HandbookSystemDesignTests.TTLCacheTests/readFillRace(_:)"),
        ReviewCard(
            id: "system-design.single-flight#b42d6101", lesson: "system-design.single-flight", kind: .recall,
            question: """
                Your read-through cache is an actor. Why can 100 concurrent misses on one key still call \
                the loader 100 times?
                """,
            answer: """
                Actors are re-entrant: a method that checks the dictionary, awaits the loader and then \
                fills suspends at the await, and every other caller enters, misses too and starts its own \
                load. The naive check-await-fill actor in the test calls the loader exactly 100 times for \
                100 concurrent gets; the actor only serialises the synchronous stretches between suspension \
                points.
                """,
            test: "HandbookSystemDesignTests.SingleFlightTests/naiveCacheStampedes()"),
        ReviewCard(
            id: "system-design.single-flight#fc1521b6", lesson: "system-design.single-flight", kind: .recall,
            question: """
                How do you make 100 concurrent misses on one key run the loader exactly once?
                """,
            answer: """
                Keep `[Key: in-flight load]` in the actor and insert the entry before the first await, so \
                "is a load running?" and "start one" are a single step; later misses wait as continuations \
                on that flight. The load runs in its own Task, its result is fanned out to every waiter, \
                the flight is removed when it ends and a success is cached: all 100 callers get 42, \
                loadCount is 1, and the next get is a hit. Go uses x/sync/singleflight (a mutex, a map and \
                a WaitGroup) for the same thing.
                """,
            test: "HandbookSystemDesignTests.SingleFlightTests/hundredConcurrentMissesLoadOnce()"),
        ReviewCard(
            id: "system-design.single-flight#60b0e8bd", lesson: "system-design.single-flight", kind: .recall,
            question: """
                Should a single-flight cache cache the loader's error?
                """,
            answer: """
                No. The error reaches every caller waiting on that flight (all 10 fail with it), but only \
                successes are stored, so the next caller starts a fresh load and gets the value (loadCount \
                2). Caching the failure would replay a timeout or a brief outage to every later caller.
                """,
            test: "HandbookSystemDesignTests.SingleFlightTests/errorsReachAllWaitersAndAreNotCached()"),
        ReviewCard(
            id: "system-design.single-flight#6a093ea3", lesson: "system-design.single-flight", kind: .recall,
            question: """
                One of several callers waiting on a shared load is cancelled. What should happen to it, to \
                the load, and to the others?
                """,
            answer: """
                Only that caller gets CancellationError; its continuation is removed, and the load keeps \
                running for the rest. That works because the load is an unstructured Task owned by no \
                waiter, so no waiter's cancellation reaches it: in the test the three patient callers still \
                receive 99 and the loader ran once.
                """,
            test: "HandbookSystemDesignTests.SingleFlightTests/cancellingOneWaiterKeepsTheLoad()"),
        ReviewCard(
            id: "system-design.single-flight#a2a4b1eb", lesson: "system-design.single-flight", kind: .recall,
            question: """
                Why is the single-flight cache's Loader type marked `@concurrent`?
                """,
            answer: """
                The package enables NonisolatedNonsendingByDefault, so a plain `@Sendable async` closure \
                runs on its caller's executor, and the load Task is isolated to the cache actor; the \
                loader's synchronous work (decoding, hashing) would then hold the actor and stall hits on \
                every key. `@concurrent` makes it always run on the global executor: inside the loader \
                `#isolation` is nil.
                """,
            test: "HandbookSystemDesignTests.SingleFlightTests/loaderRunsOffTheActor()"),
        ReviewCard(
            id: "system-design.single-flight#aad4a8e4", lesson: "system-design.single-flight", kind: .predict,
            question: """
                The loader returns its call number; call 1 parks until released.
                let early = Task { try await cache.value(forKey: "k") }
                // wait until call 1 has started
                await cache.invalidate("k")
                release.open()
                print(try await early.value)
                print(try await cache.value(forKey: "k"))
                print(try await cache.value(forKey: "k"))
                """,
            answer: """
                1, 2, 2. invalidate detaches the running load: its waiter still gets 1, but the result is \
                not cached because it may have read data from before the change, so the next get starts a \
                fresh load (2), which is cached. That is what Go's singleflight.Forget is for.
                """,
            test: "HandbookSystemDesignTests.SingleFlightTests/invalidateDuringLoadIsNotCached()"),
        ReviewCard(
            id: "system-design.consistent-hashing#8acec722", lesson: "system-design.consistent-hashing", kind: .recall,
            question: """
                Why not shard a cache cluster with `hash(key) % n`?
                """,
            answer: """
                Changing n remaps almost every key: going from 4 to 5 nodes moved more than 7 000 of 10 000 \
                keys (about 4/5), so the cluster loses most of its hits at once. On a consistent-hash ring \
                the same change moves only about 1/5 of the keys (between 1 000 and 3 000 in the test), and \
                every key that moves goes to the new node.
                """,
            test: "HandbookSystemDesignTests.ConsistentHashingTests/addingANodeMovesAFifth()"),
        ReviewCard(
            id: "system-design.consistent-hashing#8748b3d6", lesson: "system-design.consistent-hashing", kind: .recall,
            question: """
                Can you use Swift's `hashValue` / `Hasher` to place keys and servers on the ring?
                """,
            answer: """
                No. Hasher is seeded randomly per process (against hash flooding), so two servers, or one \
                server after a restart, would disagree about who owns a key. Use a hash that is a pure \
                function of the bytes, here FNV-1a 64 followed by MurmurHash3's fmix64 finalizer; the tests \
                hard-code owners such as "user:42" → node-d, whatever order the nodes were added in. Go's \
                map hash is randomly seeded too, so the advice is the same there.
                """,
            test: "HandbookSystemDesignTests.ConsistentHashingTests/ownersAreStableAcrossRuns(key:owner:)"),
        ReviewCard(
            id: "system-design.consistent-hashing#f2a05cca", lesson: "system-design.consistent-hashing", kind: .recall,
            question: """
                Why give each server many virtual nodes on the ring? What happens to a removed server's \
                keys?
                """,
            answer: """
                With many points per server (100 here) its arcs are scattered round the ring. Removing \
                node-b moves only node-b's keys, every other key keeps its owner, and node-b's keys spread \
                over all three survivors instead of landing on a single clockwise neighbour.
                """,
            test: "HandbookSystemDesignTests.ConsistentHashingTests/removingANodeMovesOnlyItsKeys()"),
        ReviewCard(
            id: "system-design.consistent-hashing#c59c9993", lesson: "system-design.consistent-hashing", kind: .predict,
            question: """
                var ring = try ConsistentHashing.Ring(nodes: ["a", "b"], virtualNodesPerNode: 10)
                try ring.addNode("a")      // (1)
                try ring.removeNode("z")   // (2)
                try ring.removeNode("a")
                try ring.removeNode("b")   // (3)
                Taking each numbered call on its own, what happens, and who owns "anything" at the end?
                """,
            answer: """
                (1) throws duplicateNode("a"), (2) throws unknownNode("z"), and after "a" is removed (3) \
                throws removingLastNode("b"); "b" owns every key, so node(for: "anything") is "b". \
                Membership mistakes are thrown errors rather than a silent no-op or an empty ring that \
                could not answer a lookup.
                """,
            test: "HandbookSystemDesignTests.ConsistentHashingTests/membershipErrors()"),
        ReviewCard(
            id: "system-design.pub-sub-broker#740cc0e3", lesson: "system-design.pub-sub-broker", kind: .predict,
            question: """
                let broadcast = PubSubBroker.SingleStreamBroadcast<Int>()
                // two consumer tasks each iterate broadcast.subscribe(), the SAME AsyncStream
                for v in 0..<100 { broadcast.publish(v) }
                broadcast.close()
                How many values do the two consumers receive in total?
                """,
            answer: """
                100, not 200: each value reaches exactly one of them. An AsyncStream is a queue, so \
                consumers sharing one stream split its elements; a broadcast needs one stream with its own \
                bounded buffer per subscriber, which is what the broker's subscribe creates.
                """,
            test: "HandbookSystemDesignTests.PubSubBrokerTests/sharedStreamIsNotABroadcast()"),
        ReviewCard(
            id: "system-design.pub-sub-broker#ef4d4390", lesson: "system-design.pub-sub-broker", kind: .predict,
            question: """
                A subscriber with policy .dropOldest(keepingNewest: 10) reads nothing while ticks 1…15 are \
                published, then the topic is closed. What does it receive, and what do the publish reports \
                say?
                """,
            answer: """
                It receives 6…15. Each publish still counts it as delivered (the bufferingNewest buffer \
                accepts the new tick and evicts the oldest) and the reports add up to 5 drops, as does \
                droppedCount. The drops are visible because `yield` returns `.dropped`; the Go seed's \
                select/default dropped silently.
                """,
            test: "HandbookSystemDesignTests.PubSubBrokerTests/slowSubscriberDropsOldestAndCounts()"),
        ReviewCard(
            id: "system-design.pub-sub-broker#85731372", lesson: "system-design.pub-sub-broker", kind: .recall,
            question: """
                How does a subscriber unsubscribe from the Swift broker, and what did the Go seed lack?
                """,
            answer: """
                Cancelling the consumer's task (or dropping the stream, or calling cancel()) fires the \
                continuation's onTermination, which removes the subscriber: in the test the topic's count \
                drops from 1 to 0 and a later publish reaches nobody. The Go seed's Subscribe returned a \
                channel and never removed it, so the broker kept sending into dead buffers.
                """,
            test: "HandbookSystemDesignTests.PubSubBrokerTests/cancellingTheConsumerUnsubscribes()"),
        ReviewCard(
            id: "system-design.pub-sub-broker#587a3409", lesson: "system-design.pub-sub-broker", kind: .recall,
            question: """
                One subscriber cannot keep up. Why not make publish wait for it, and what does the \
                disconnect policy do instead?
                """,
            answer: """
                Waiting for the slowest subscriber would stall every other subscriber behind it \
                (head-of-line blocking), so publish never suspends on a subscriber. Under \
                .disconnect(bufferSize: 3) the 4th unread message ends that subscription: it still receives \
                1, 2, 3 and then its loop throws SlowSubscriberDisconnected, so the client knows to \
                resynchronise, while a fast subscriber on the same topic gets all 5.
                """,
            test: "HandbookSystemDesignTests.PubSubBrokerTests/slowSubscriberIsDisconnected()"),
        ReviewCard(
            id: "system-design.pub-sub-broker#4f5f01fd", lesson: "system-design.pub-sub-broker", kind: .recall,
            question: """
                What delivery guarantee does the in-memory pub-sub broker give, and what would \
                at-least-once need?
                """,
            answer: """
                At most once: a message published while nobody subscribes is a no-op and is never replayed \
                to a later subscriber, and messages dropped from a full buffer or buffered when the process \
                dies are gone. At-least-once needs a durable log, a per-subscriber cursor or \
                acknowledgement, redelivery of unacknowledged messages, and therefore idempotent consumers.
                """,
            test: "HandbookSystemDesignTests.PubSubBrokerTests/contract(_:)"),
        ReviewCard(
            id: "system-design.idempotency-keys#796b2ff2", lesson: "system-design.idempotency-keys", kind: .recall,
            question: """
                100 requests with the same Idempotency-Key arrive at once under the reject policy. What \
                should happen, and why must claiming the key be atomic?
                """,
            answer: """
                Exactly one runs the operation; the other 99 get inProgress, HTTP 409 Conflict. With \
                check-then-act (SELECT the key; if absent run; then INSERT) concurrent duplicates would all \
                see "absent" and all run, so begin claims the key in one atomic step: an actor method with \
                no suspension inside, or INSERT … ON CONFLICT DO NOTHING in SQL.
                """,
            test: "HandbookSystemDesignTests.IdempotencyKeysTests/concurrentDuplicatesAreRejected()"),
        ReviewCard(
            id: "system-design.idempotency-keys#7060f1f6", lesson: "system-design.idempotency-keys", kind: .recall,
            question: """
                A client reuses an idempotency key with a different request body. What do you answer?
                """,
            answer: """
                422 Unprocessable Content (keyReuseMismatch), whether the first request has completed or is \
                still in flight, and nothing runs a second time. The record stores a fingerprint of method, \
                path and body next to the key, so a reused key can never replay another request's response.
                """,
            test: "HandbookSystemDesignTests.IdempotencyKeysTests/keyReuseWithAnotherPayload()"),
        ReviewCard(
            id: "system-design.idempotency-keys#0ef191bb", lesson: "system-design.idempotency-keys", kind: .recall,
            question: """
                Should a failed operation's response be stored and replayed for the key's TTL?
                """,
            answer: """
                No: a failure releases the key, so the retry with the same key executes again (the \
                execution counter reaches 2 in the test). Replaying a transient error such as a 503 for 24 \
                hours would turn one blip into a day-long outage for that request; only completed responses \
                are replayed.
                """,
            test: "HandbookSystemDesignTests.IdempotencyKeysTests/failureThenRetryExecutes()"),
        ReviewCard(
            id: "system-design.idempotency-keys#85a8a7e8", lesson: "system-design.idempotency-keys", kind: .recall,
            question: """
                A process claims an idempotency key and crashes before completing. Do retries get 409 for \
                the whole 24-hour TTL?
                """,
            answer: """
                No. An in-progress claim holds a short lease (60 s here), separate from the 24 h TTL of a \
                completed response. Until the lease ends, retries get inProgress (409); at its end a retry \
                takes the abandoned claim over and executes, and its response is then replayed for the full \
                TTL.
                """,
            test: "HandbookSystemDesignTests.IdempotencyKeysTests/abandonedClaimIsTakenOverAfterTheLease()"),
        ReviewCard(
            id: "system-design.idempotency-keys#cc7323f7", lesson: "system-design.idempotency-keys", kind: .predict,
            question: """
                let coordinator = Keys.Coordinator(store: store, duplicates: .reject)
                let first = try await coordinator.run(key: k, fingerprint: payment, operation: op)
                let second = try await coordinator.run(key: k, fingerprint: payment, operation: op)
                op counts its executions. What are first.source, second.source and the count?
                """,
            answer: """
                executed, replayed, 1. The first call claims the key, runs the operation and stores its 201 \
                response; the second finds the completed record and replays the same response without \
                running the operation again.
                """,
            test: "HandbookSystemDesignTests.IdempotencyKeysTests/secondCallReplays()"),
        ReviewCard(
            id: "system-design.cursor-signing#08f2c68a", lesson: "system-design.cursor-signing", kind: .recall,
            question: """
                Your API hands out base64 cursors such as {"lastID":42}. How do you stop clients from \
                editing them?
                """,
            answer: """
                Base64 is an encoding, not a protection, so sign the cursor: token = base64url(payload) + \
                "." + base64url(HMAC-SHA256(secret, payload)), and verify by recomputing the tag and \
                comparing in constant time before trusting the payload. Editing the readable half while \
                keeping the old tag, a token signed with another secret, or garbage then fails verification \
                (the API answers 400).
                """,
            test: "HandbookSystemDesignTests.CursorSigningTests/foreignAndMalformedTokensAreRejected()"),
        ReviewCard(
            id: "system-design.cursor-signing#eb99be12", lesson: "system-design.cursor-signing", kind: .recall,
            question: """
                Why compare HMAC tags with a constant-time function instead of `==` on the byte arrays?
                """,
            answer: """
                Array `==` returns at the first differing byte, so response time leaks how many leading \
                bytes of a guessed tag are right, and an attacker can recover a valid tag byte by byte. \
                constantTimeEquals ORs the XOR of every byte pair into an accumulator and only looks at it \
                at the end (only the public length may return early), and it must still catch a difference \
                at any of the 32 positions.
                """,
            test: "HandbookSystemDesignTests.CursorSigningTests/constantTimeEqualsIsCorrect()"),
        ReviewCard(
            id: "system-design.cursor-signing#d1627bab", lesson: "system-design.cursor-signing", kind: .predict,
            question: """
                What does CursorSigning.Base64URL.decode return for each input?
                "YQ"
                "YQ=="
                "+/8"
                "YR"
                """,
            answer: """
                The byte of "a", then nil, nil, nil. Only canonical unpadded base64url is accepted: no `=` \
                padding, no standard-alphabet `+` and `/`, and no set bits in the unused low bits of the \
                last character ("YR" would otherwise decode to the same byte as "YQ"). That makes the \
                encoding one-to-one, so a token cannot be re-spelled and still verify.
                """,
            test: "HandbookSystemDesignTests.CursorSigningTests/base64URLRejectsNonCanonicalInput()"),
        ReviewCard(
            id: "system-design.cursor-signing#619b876f", lesson: "system-design.cursor-signing", kind: .recall,
            question: """
                Why sign with HMAC rather than SHA256(secret ‖ payload), and what does HMAC do with a key \
                longer than the block size?
                """,
            answer: """
                SHA-256 is a Merkle–Damgård hash, so from SHA256(secret ‖ m) an attacker can compute a \
                valid tag for m plus appended data without knowing the secret (length extension); HMAC's \
                nested H((K⊕opad) ‖ H((K⊕ipad) ‖ m)) prevents that. Per RFC 2104 a key longer than the \
                64-byte block is hashed first and a shorter one zero-padded; the RFC 4231 vectors, \
                including a 131-byte key, pin it down. Production code should use swift-crypto's \
                HMAC<SHA256>.
                """,
            test: "HandbookSystemDesignTests.CursorSigningTests/hmacRFC4231(_:)"),
        ReviewCard(
            id: "system-design.pagination#edda8b96", lesson: "system-design.pagination", kind: .predict,
            question: """
                Rows with created_at 10, 20, 30, 40, 50, 60; page size 2. After page 1 is read, a row with \
                created_at 5 is inserted. What do offset page 2 and the keyset page after page 1's cursor \
                return?
                """,
            answer: """
                Offset page 2 is [20, 30], so the reader sees 10, 20, 20, 30 (20 twice); keyset returns \
                [30, 40], an exact continuation. Offset remembers how many rows to skip, which shifts when \
                rows are inserted before the position; keyset remembers where it stopped, (sortKey, id) > \
                cursor.
                """,
            test: "HandbookSystemDesignTests.PaginationTests/insertBeforeThePosition()"),
        ReviewCard(
            id: "system-design.pagination#3fcd46cb", lesson: "system-design.pagination", kind: .predict,
            question: """
                Same rows (10 … 60, page size 2). After page 1 is read, the row with created_at 10 is \
                deleted. What do offset page 2 and the keyset page return?
                """,
            answer: """
                Offset page 2 is [40, 50], so 30 is never shown; keyset returns [30, 40]. A delete before \
                the offset shifts every later row one place left, while the keyset cursor (after 20) does \
                not depend on how many rows precede it.
                """,
            test: "HandbookSystemDesignTests.PaginationTests/deleteBeforeThePosition()"),
        ReviewCard(
            id: "system-design.pagination#53a751ea", lesson: "system-design.pagination", kind: .recall,
            question: """
                Why must a keyset cursor carry (created_at, id) rather than just created_at?
                """,
            answer: """
                created_at is not unique: rows sharing the last timestamp at a page boundary would be \
                skipped with `>` or repeated with `>=`. Order by the unique tuple and compare tuples, \
                `WHERE (created_at, id) > ($1, $2)` in SQL and Swift's tuple `<` here: five rows all at \
                created_at 7, paged two at a time, come out a, b, c, d, e exactly once.
                """,
            test: "HandbookSystemDesignTests.PaginationTests/tiesOnTheSortKeyAreBrokenByID()"),
        ReviewCard(
            id: "system-design.pagination#bae18ae5", lesson: "system-design.pagination", kind: .recall,
            question: """
                Why not use a Swift `Date` as the cursor's sort key against a PostgreSQL timestamptz column?
                """,
            answer: """
                Date is a Double of seconds since 2001, while timestamptz stores integer microseconds, so \
                the two disagree at the edges: PostgreSQL rounds the app's 1_700_000_000.1234567 s to \
                …123457 µs, the stored key then sorts after a cursor made from the app's Date, and the \
                boundary row comes back on the next page. The JSON round trip is not the problem; use Int64 \
                microseconds end to end, which returns only the next row.
                """,
            test: "HandbookSystemDesignTests.PaginationTests/dateSortKeyVersusExactMicroseconds()"),
        ReviewCard(
            id: "system-design.deadline-retry-orchestrator#0c9b9e12",
            lesson: "system-design.deadline-retry-orchestrator", kind: .predict,
            question: """
                Policy: overallTimeout 30 ms, attemptTimeout 20 ms.
                var s = DeadlineRetry.Schedule(policy: p)
                s.beginAttempt(elapsed: .zero)
                s.beginAttempt(elapsed: .milliseconds(25))
                s.beginAttempt(elapsed: .milliseconds(30))
                What does each call return?
                """,
            answer: """
                Attempt 1 with a 20 ms timeout; attempt 2 with a 5 ms timeout, marked isLimitedByDeadline; \
                then .stop(.deadlineExceeded). Each attempt gets min(attemptTimeout, remaining), so the \
                last one never outlives the request, and nothing starts at the deadline.
                """,
            test: "HandbookSystemDesignTests.DeadlineRetryOrchestratorTests/scheduleClampsToTheDeadline()"),
        ReviewCard(
            id: "system-design.deadline-retry-orchestrator#96b816e5",
            lesson: "system-design.deadline-retry-orchestrator", kind: .predict,
            question: """
                initialBackoff 10 ms, maxBackoff 100 ms. What is policy.backoff(afterAttempt:) for attempts \
                1…6, and for attempt 10 000?
                """,
            answer: """
                10, 20, 40, 80, 100, 100 ms, and 100 ms for attempt 10 000. The ceiling doubles after each \
                failure up to the cap, and the loop stops doubling once the next doubling would pass the \
                cap, so a huge attempt number cannot overflow the Duration.
                """,
            test: "HandbookSystemDesignTests.DeadlineRetryOrchestratorTests/backoffDoublesUpToTheCap()"),
        ReviewCard(
            id: "system-design.deadline-retry-orchestrator#d22490af",
            lesson: "system-design.deadline-retry-orchestrator", kind: .recall,
            question: """
                How do you cut a hung attempt at its per-attempt timeout in Swift, and what is the catch?
                """,
            answer: """
                Race the attempt against `clock.sleep(until: attemptDeadline)` in a throwing task group: \
                the first child to finish wins and cancelAll() cancels the other. In the test the hung \
                attempt is cancelled at 50 ms and recorded as timed out, and after a 10 ms backoff attempt \
                2 succeeds. The catch: a task group always waits for its cancelled child (that is what \
                makes it structured), so the timeout is only as prompt as the attempt's cancellation \
                checks. Go would derive a child context per attempt.
                """,
            test: "HandbookSystemDesignTests.DeadlineRetryOrchestratorTests/hungAttemptIsCutAndRetried()"),
        ReviewCard(
            id: "system-design.deadline-retry-orchestrator#92d1cace",
            lesson: "system-design.deadline-retry-orchestrator", kind: .recall,
            question: """
                Why add jitter to exponential backoff?
                """,
            answer: """
                Clients that failed together retry together: 100 clients whose attempt failed at the same \
                instant (5 ms), with a 20 ms backoff and no jitter, all retry at exactly 25 ms. That \
                synchronised wave can knock the recovering dependency over again. Full jitter draws each \
                delay uniformly from 0…ceiling, and the same 100 clients get 100 distinct retry instants; \
                tests seed the random generator to keep it reproducible.
                """,
            test: "HandbookSystemDesignTests.DeadlineRetryOrchestratorTests/jitterDesynchronisesAThunderingHerd()"),
        ReviewCard(
            id: "system-design.deadline-retry-orchestrator#04c1d07d",
            lesson: "system-design.deadline-retry-orchestrator", kind: .recall,
            question: """
                Overall deadline 30 ms, backoff 20 ms. Attempt 2 fails at 20 ms, so the next backoff would \
                end at 40 ms. What should the orchestrator do?
                """,
            answer: """
                Give up at once with deadlineExceeded at 20 ms rather than sleep: the schedule grants a \
                backoff only if the next attempt could still start before the deadline (with more than \
                minimumAttemptTime left). Sleeping first would only deliver the same failure later and \
                waste work for a caller that is about to time out.
                """,
            test: "HandbookSystemDesignTests.DeadlineRetryOrchestratorTests/retryBudgetNeverExceedsTheRemainingTime()"),
        ReviewCard(
            id: "system-design.saga-compensation#d7db9f79", lesson: "system-design.saga-compensation", kind: .predict,
            question: """
                A saga has steps s1, s2, s3; each action logs a<i> and each compensation logs c<i>; s3's \
                action throws. What is the log, and what does run throw?
                """,
            answer: """
                [a1, a2, a3, c2, c1], and SagaError.stepFailed(step: "s3") carrying s3's error. Only the \
                completed steps are compensated (s3 did not complete), in reverse order: undo is a stack, \
                because later steps build on earlier ones (refund before releasing the stock it paid for).
                """,
            test: "HandbookSystemDesignTests.SagaCompensationTests/compensatesCompletedStepsInReverse()"),
        ReviewCard(
            id: "system-design.saga-compensation#042bd739", lesson: "system-design.saga-compensation", kind: .recall,
            question: """
                While a saga rolls back, one compensation throws. Do you stop the rollback?
                """,
            answer: """
                No: the other compensations still run and the failures are collected. With 4 steps, s4 \
                failing and s2's compensation throwing, the log shows c3, c2, c1, and run throws \
                compensationFailed(original: s4's failure, compensationErrors: [s2]) so a human or a repair \
                job can fix what could not be undone. Go would gather the errors with errors.Join.
                """,
            test: "HandbookSystemDesignTests.SagaCompensationTests/compensationFailuresAreAggregated()"),
        ReviewCard(
            id: "system-design.saga-compensation#5e3f5a6f", lesson: "system-design.saga-compensation", kind: .recall,
            question: """
                The request running a saga is cancelled mid-way. Why does the saga run its compensations in \
                a new unstructured Task?
                """,
            answer: """
                Cancellation is sticky: inside the cancelled task every Task.sleep, HTTP client or database \
                driver a compensation calls would throw CancellationError, and the undo would never happen. \
                A new `Task {}` starts uncancelled, and awaiting its value does not pass the cancellation \
                on: in the test the release compensation sees Task.isCancelled == false and runs, and step \
                3 never starts. Go's equivalent is context.WithoutCancel; the price is that compensations \
                must bound their own time.
                """,
            test: "HandbookSystemDesignTests.SagaCompensationTests/cancellationCompensatesCompletedSteps()"),
        ReviewCard(
            id: "system-design.saga-compensation#25e2e997", lesson: "system-design.saga-compensation", kind: .recall,
            question: """
                The process dies while saga step 2 is running. What does recovery do, and what must be true \
                of the compensations?
                """,
            answer: """
                The persisted log says s1 completed and s2 started, but not whether s2 took effect. \
                Recovery therefore marks s2 interrupted and compensates s2 then s1 in reverse, ending in \
                the compensated phase. So compensations must be idempotent and must tolerate having nothing \
                to undo: s2's compensation may run for a step that never happened, and a compensation that \
                was in progress at a crash runs again. Refund by payment id, release by reservation id.
                """,
            test: "HandbookSystemDesignTests.SagaCompensationTests/crashRecoveryRollsBack()"),
        ReviewCard(
            id: "system-design.transactional-outbox#257947bf", lesson: "system-design.transactional-outbox",
            kind: .recall,
            question: """
                "Save the order, then publish OrderPlaced to the broker." Why is that broken whichever \
                order you do the two writes in?
                """,
            answer: """
                It is a dual write with no transaction spanning the database and the broker. \
                Commit-then-publish loses the event if the process dies in between, and nothing durable \
                records that an event is owed; publish-then-commit announces an order that never exists \
                when the commit fails, through a crash or even just a constraint violation. The outbox \
                commits the state change and the event row in one transaction instead.
                """,
            test: "HandbookSystemDesignTests.TransactionalOutboxTests/dualWriteLosesOrInventsEvents()"),
        ReviewCard(
            id: "system-design.transactional-outbox#22b46d3d", lesson: "system-design.transactional-outbox",
            kind: .predict,
            question: """
                try await OrderService(database: db).place("o-1")   // order row + outbox-1, one commit
                // relay 1 publishes outbox-1, then crashes before marking it sent
                try await Relay(database: db, broker: broker).publishPending()  // restarted relay
                Which message ids has the broker received, and what does a consumer with an inbox report \
                when it drains them?
                """,
            answer: """
                [outbox-1, outbox-1], and the drain reports 1 applied and 1 duplicate. The relay marks a \
                row sent only after the publish, so a crash in between republishes it: delivery is at least \
                once, never exactly once. The consumer records each message id in the same transaction as \
                its effect and skips ids it has seen, so the effect happens once; without the inbox it \
                would be applied twice.
                """,
            test:
                "HandbookSystemDesignTests.TransactionalOutboxTests/crashAfterPublishRedeliversAndTheInboxAppliesOnce()"
        ),
        ReviewCard(
            id: "system-design.transactional-outbox#ccd81311", lesson: "system-design.transactional-outbox",
            kind: .recall,
            question: """
                Why must the outbox relay publish first and mark the row sent afterwards, not the other way \
                round?
                """,
            answer: """
                If it marked first and crashed before publishing, the event would be lost for good: \
                at-most-once delivery again. Publishing first means a crash before the publish loses \
                nothing: the row is still unsent, and a restarted relay, which keeps no state of its own, \
                publishes it, the row is marked sent, and the consumer applies it once.
                """,
            test: "HandbookSystemDesignTests.TransactionalOutboxTests/relayCrashBeforePublishLosesNothing()"),
        ReviewCard(
            id: "system-design.transactional-outbox#aab385bf", lesson: "system-design.transactional-outbox",
            kind: .recall,
            question: """
                One event can never be processed (a poison message). What should the consuming pipeline do?
                """,
            answer: """
                Not redeliver it for ever, blocking its key. Here the broker dead-letters it after \
                maxDeliveries (3) failed deliveries and that key moves on, while other keys' events flow in \
                the meantime; the price is order within that key (A's later "shipped" is applied without \
                it), so decide that explicitly. The failed attempts leave nothing in the inbox, so \
                replaying the dead letter after a fix applies it exactly once, even if it is delivered \
                twice.
                """,
            test:
                "HandbookSystemDesignTests.TransactionalOutboxTests/poisonMessageIsDeadLetteredWithoutBlockingOthers()"),
        ReviewCard(
            id: "system-design.fencing-tokens#091525d2", lesson: "system-design.fencing-tokens", kind: .recall,
            question: """
                Why is a lease (a lock with a TTL) not enough to guarantee that only one worker writes?
                """,
            answer: """
                The holder can check its lease and then pause (GC, VM migration, SIGSTOP, a slow await) \
                past the lease's end; another worker takes over, and the first resumes and writes. No check \
                on the holder's side closes that window, so the resource must refuse it: each lease carries \
                a token that grows on every takeover, and storage rejects any token lower than the highest \
                it has seen. In the test A's late write fails with StaleToken and B's report survives.
                """,
            test: "HandbookSystemDesignTests.FencingTokensTests/pausedHolderIsFencedAfterTakeover()"),
        ReviewCard(
            id: "system-design.fencing-tokens#d9255d32", lesson: "system-design.fencing-tokens", kind: .predict,
            question: """
                let s = FencingTokens.FencedStorage<Int>()   // t1, t2: tokens 1 and 2
                try await s.write(10, forKey: "january", token: t1)
                try await s.write(20, forKey: "february", token: t2)
                try await s.write(11, forKey: "march", token: t1)
                What happens on the last write, and what does march hold afterwards?
                """,
            answer: """
                It throws StaleToken(presented: 1, highest: 2), and march stays nil. The fence is one \
                number per storage, that is per lock, not per key, so a stale holder cannot write even a \
                key the new holder has not touched yet.
                """,
            test: "HandbookSystemDesignTests.FencingTokensTests/fenceIsPerLockNotPerKey()"),
        ReviewCard(
            id: "system-design.fencing-tokens#dafdbf04", lesson: "system-design.fencing-tokens", kind: .recall,
            question: """
                A lease holder's clock lags the lock store's clock by 3 s. What goes wrong, and does a \
                safety margin fix it?
                """,
            answer: """
                The holder believes in its lease 3 s longer than the store does, so once the store grants a \
                takeover there are two leaders at the same instant. Stopping a margin at least as large as \
                the worst lag before expiresAt (isLive(at:margin:)) removes that overlap, and a 2 s margin \
                does not. A margin cannot help with a pause that comes after the check, so the fencing \
                token is still what protects the data: the storage refuses A once B has written.
                """,
            test: "HandbookSystemDesignTests.FencingTokensTests/laggingHolderClockOverlapsTheTakeover()"),
        ReviewCard(
            id: "system-design.fencing-tokens#93c56bda", lesson: "system-design.fencing-tokens", kind: .recall,
            question: """
                How should a leader keep its lease, and what happens to a renewal that arrives just after \
                expiry when nobody has taken over yet?
                """,
            answer: """
                Renew early, e.g. every third of the lease, so one slow or lost renewal does not cost \
                leadership; a renewal keeps the same token. A renewal that arrives after expiry is refused \
                even though no rival has acquired the lease yet; the lease must then be acquired again, and \
                that acquisition gets a new, higher token (2 in the test).
                """,
            test: "HandbookSystemDesignTests.FencingTokensTests/renewalBeforeExpiryKeepsLeadership()"),
        ReviewCard(
            id: "system-design.optimistic-concurrency#d4c9bf0f", lesson: "system-design.optimistic-concurrency",
            kind: .predict,
            question: """
                Row "widget": value 10, version 1.
                let alice = await stock.read("widget")!
                let bob = await stock.read("widget")!
                _ = try await stock.update("widget", to: alice.value - 1, expecting: .exists)
                _ = try await stock.update("widget", to: bob.value - 1, expecting: .exists)
                What is the row afterwards?
                """,
            answer: """
                value 9, version 3. Both writes succeeded and bumped the version, but one decrement is lost \
                and nobody is told: a version column does not help unless the write checks it, and \
                `.exists` (no version condition) is last writer wins.
                """,
            test: "HandbookSystemDesignTests.OptimisticConcurrencyTests/lastWriterWinsLosesAnUpdate()"),
        ReviewCard(
            id: "system-design.optimistic-concurrency#c2f0767b", lesson: "system-design.optimistic-concurrency",
            kind: .recall,
            question: """
                How do you turn that lost update into a conflict the second writer sees?
                """,
            answer: """
                Put the version in the WHERE of the write itself: `UPDATE … SET value = $3, version = \
                version + 1 WHERE id = $1 AND version = $2`, and treat zero rows updated as a conflict. \
                Bob's write expecting version 1 then fails with versionMismatch(current: 2); he must \
                re-read (9 at v2) and recompute, giving 8 at v3, never re-send the value computed from the \
                stale row.
                """,
            test: "HandbookSystemDesignTests.OptimisticConcurrencyTests/versionedWriteReportsTheConflict()"),
        ReviewCard(
            id: "system-design.optimistic-concurrency#87707644", lesson: "system-design.optimistic-concurrency",
            kind: .recall,
            question: """
                How does optimistic concurrency work over HTTP?
                """,
            answer: """
                GET returns a strong ETag for the row's version ("v1"), and a PUT must send it back in \
                If-Match; the write is conditional on it. When Alice's PUT lands first (now "v2"), Bob's \
                PUT with the stale "v1" gets 412 Precondition Failed with the current ETag "v2", and the \
                value is untouched; `If-Match: *` matches whatever exists.
                """,
            test: "HandbookSystemDesignTests.OptimisticConcurrencyTests/staleIfMatchGets412()"),
        ReviewCard(
            id: "system-design.optimistic-concurrency#0c6c8eeb", lesson: "system-design.optimistic-concurrency",
            kind: .recall,
            question: """
                Why not compare entity tags with Swift's `==` on String?
                """,
            answer: """
                String `==` in Swift uses Unicode canonical equivalence: "café" with a precomposed é and \
                with e plus a combining accent are equal Strings. RFC 9110 compares entity tags octet by \
                octet, so EntityTag defines == and hash(into:) on the UTF-8 bytes, and those two are \
                different tags (a Set holds both).
                """,
            test: "HandbookSystemDesignTests.OptimisticConcurrencyTests/tagsCompareByBytes()"),
        ReviewCard(
            id: "system-design.optimistic-concurrency#836dcf19", lesson: "system-design.optimistic-concurrency",
            kind: .recall,
            question: """
                A server retries an increment on version conflicts. How many attempts are enough?
                """,
            answer: """
                Each conflict means another writer succeeded between this attempt's read and its write, so \
                when N clients each make one update, no client conflicts more than N − 1 times: maxAttempts \
                N always converges. Under seeded random interleavings of 2 to 8 clients the retry loop \
                always ends at exactly N, while last-writer-wins loses updates. Retry on the server only \
                when the update is a function of the current value.
                """,
            test: "HandbookSystemDesignTests.OptimisticConcurrencyTests/retryLoopConvergesUnderRandomInterleavings()"),
        ReviewCard(
            id: "system-design.sagas-vs-two-phase-commit#0862b4ef", lesson: "system-design.sagas-vs-two-phase-commit",
            kind: .recall,
            question: """
                In two-phase commit the coordinator crashes after every participant has voted yes. What can \
                the participants do?
                """,
            answer: """
                Nothing on their own: having voted yes they are in doubt. A participant may not abort \
                (another may already have committed) nor commit (another may have voted no), so it keeps \
                its locks, and giving up throws InDoubt. Meanwhile reads of the locked book are refused and \
                another transaction on it aborts, while unrelated keys (the pen) still commit. That \
                blocking is the price of 2PC's atomic commitment.
                """,
            test: "HandbookSystemDesignTests.SagasVersusTwoPhaseCommitTests/crashAfterPrepareBlocksParticipants()"),
        ReviewCard(
            id: "system-design.sagas-vs-two-phase-commit#786023a7", lesson: "system-design.sagas-vs-two-phase-commit",
            kind: .recall,
            question: """
                How does a restarted 2PC coordinator resolve transactions left in doubt?
                """,
            answer: """
                From its own log. It writes the decision durably before telling anyone (the commit point), \
                so on recovery a transaction with a logged commit is committed at every participant, and \
                one with no logged decision is aborted (presumed abort), because no participant can have \
                been told to commit. Either way the locks are released and the next order for the book goes \
                through.
                """,
            test:
                "HandbookSystemDesignTests.SagasVersusTwoPhaseCommitTests/recoveryUsesTheDecisionLog(crash:decision:book:alice:)"
        ),
        ReviewCard(
            id: "system-design.sagas-vs-two-phase-commit#26129e53", lesson: "system-design.sagas-vs-two-phase-commit",
            kind: .predict,
            question: """
                Stock is 10. A checkout saga reserves 2 books (stock 8), then waits on the card network; \
                meanwhile another writer restocks 5 (stock 13). The payment is declined. What is the final \
                stock if the compensation does `stock += 2`, and if it restores the 10 it saw before \
                reserving?
                """,
            answer: """
                15 with the commutative `+= quantity`; 10 with the snapshot restore, which erases the \
                concurrent delivery of 5 (a lost update). Each saga step commits locally and the saga has \
                no isolation, so compensations must commute with other writers.
                """,
            test:
                "HandbookSystemDesignTests.SagasVersusTwoPhaseCommitTests/commutativeCompensationAvoidsLostUpdates(style:finalStock:)"
        ),
        ReviewCard(
            id: "system-design.sagas-vs-two-phase-commit#a49fddd1", lesson: "system-design.sagas-vs-two-phase-commit",
            kind: .recall,
            question: """
                A saga has no isolation. What can a concurrent reader see mid-saga, and what is a semantic \
                lock?
                """,
            answer: """
                Steps commit locally, so mid-checkout other requests see stock 8 and order o1 although the \
                payment will be declined and both rolled back (a dirty read). A semantic lock creates the \
                order as pending; readers and commands that honour the flag hide it from ordersToShip and \
                refuse cancellation with OrderIsPending. It works only if every reader checks the flag; \
                after the rollback stock is back to 10 and the order is rejected.
                """,
            test: "HandbookSystemDesignTests.SagasVersusTwoPhaseCommitTests/sagaHasNoIsolationButASemanticLock()"),
        ReviewCard(
            id: "system-design.sagas-vs-two-phase-commit#72bac7b6", lesson: "system-design.sagas-vs-two-phase-commit",
            kind: .recall,
            question: """
                Orchestration or choreography for a saga: what does each make hard?
                """,
            answer: """
                Orchestration keeps the whole flow in one place, a list of steps (create order, reserve \
                stock, charge payment, confirm order). In a choreography the flow exists only in each \
                service's subscriptions, and you can see it whole only as an event trace after it has run. \
                Services also come to depend on each other in cycles (the test finds inventory → orders → \
                inventory), and a forgotten subscription fails silently: nothing throws, the stock just \
                stays reserved. Orchestrate flows of more than a few steps; choreography suits short flows \
                between few services.
                """,
            test: "HandbookSystemDesignTests.SagasVersusTwoPhaseCommitTests/choreographyHidesTheFlow()"),
        ReviewCard(
            id: "system-design.liveness-and-readiness#d20e96e7", lesson: "system-design.liveness-and-readiness",
            kind: .recall,
            question: """
                Should the liveness probe check the database?
                """,
            answer: """
                No. When a shared database goes down every instance fails that probe together, and the \
                orchestrator restarts the whole fleet for a fault a restart cannot fix: a restart storm of \
                cold instances reconnecting at once. Liveness should fail only for what a restart fixes, \
                judged by the instance's own progress, here an event-loop heartbeat; with it all three \
                instances stay live while readiness reports the outage.
                """,
            test: "HandbookSystemDesignTests.LivenessAndReadinessTests/databaseInLivenessRestartsTheFleet()"),
        ReviewCard(
            id: "system-design.liveness-and-readiness#c750528d", lesson: "system-design.liveness-and-readiness",
            kind: .predict,
            question: """
                failureThreshold 3, successThreshold 2, warmed up. Consecutive database checks: fail, fail, \
                ok, fail, fail, fail, ok. Is the instance ready after the 5th, 6th and 7th check?
                """,
            answer: """
                Ready after the 5th (the ok reset the failure streak, so only two failures in a row), not \
                ready after the 6th (three in a row), still not ready after the 7th (it needs two successes \
                in a row to come back). The hysteresis stops the instance flapping in and out of the pool \
                on every probe blip.
                """,
            test: "HandbookSystemDesignTests.LivenessAndReadinessTests/thresholdsPreventFlapping()"),
        ReviewCard(
            id: "system-design.liveness-and-readiness#40d92d1f", lesson: "system-design.liveness-and-readiness",
            kind: .recall,
            question: """
                An instance gets SIGTERM. In what order should it shut down, and why not just stop \
                listening?
                """,
            answer: """
                Fail readiness first while still serving, wait a drain delay long enough for the load \
                balancer to notice, then stop accepting and let in-flight requests finish; liveness keeps \
                passing throughout so it is not restarted half-way. Stopping the listener at once would \
                refuse the requests the load balancer still sends before its probe notices.
                """,
            test: "HandbookSystemDesignTests.LivenessAndReadinessTests/drainingFlipsReadinessBeforeRefusingWork()"),
        ReviewCard(
            id: "system-design.liveness-and-readiness#fdbab9be", lesson: "system-design.liveness-and-readiness",
            kind: .predict,
            question: """
                heartbeatTimeout 5 s; the database is down, the instance is draining and not warmed up.
                clock.advance(by: .seconds(5)); print(health.liveness)
                clock.advance(by: .milliseconds(1)); print(health.liveness)
                health.recordHeartbeat(); print(health.liveness)
                """,
            answer: """
                pass, then fail: no heartbeat for 5.001 seconds, then pass. Liveness depends only on the \
                heartbeat advancing (exactly the timeout still passes); dependencies, warm-up and draining \
                are readiness's business.
                """,
            test: "HandbookSystemDesignTests.LivenessAndReadinessTests/livenessFollowsTheHeartbeat()"),
        ReviewCard(
            id: "system-design.bloom-filter#6317acef", lesson: "system-design.bloom-filter", kind: .recall,
            question: """
                Why can a Bloom filter give false positives but never false negatives?
                """,
            answer: """
                insert sets the key's k bits and mightContain is true only if all k are set. Bits are never \
                cleared, so an inserted key always finds its bits, even in a tiny saturated filter, while \
                an absent key may find all k bits already set by other keys and get a "probably present" \
                false positive.
                """,
            test: "HandbookSystemDesignTests.BloomFilterTests/noFalseNegativesAgainstASetOracle()"),
        ReviewCard(
            id: "system-design.bloom-filter#4947f3ec", lesson: "system-design.bloom-filter", kind: .predict,
            question: """
                What are the Bloom filter sizing formulas, and roughly how many bits and hash functions \
                does BloomFilter(expectedCount: 10_000, falsePositiveRate: 0.01) get?
                """,
            answer: """
                m = ⌈−n·ln p / (ln 2)²⌉ bits and k = round((m/n)·ln 2) hashes: about 9.6 bits per key at 1 \
                % whatever the key size, so ≈ 96 000 bits (exactly 95 851) and 7 hashes.
                """,
            test: "HandbookSystemDesignTests.BloomFilterTests/sizingMatchesTheFormulas(expected:rate:bits:hashes:)"),
        ReviewCard(
            id: "system-design.bloom-filter#a7e5f839", lesson: "system-design.bloom-filter", kind: .recall,
            question: """
                Why can't you delete a key from a Bloom filter by clearing its bits?
                """,
            answer: """
                Keys share bits, so clearing one key's k bits can clear a bit another inserted key needs, \
                and that key then reads "definitely not present": a false negative, the one answer a Bloom \
                filter must never give. In the test, clearing one of 1 000 keys' bits makes other keys \
                vanish. If you need deletion use a counting Bloom filter (small counters, more memory) or a \
                cuckoo filter.
                """,
            test: "HandbookSystemDesignTests.BloomFilterTests/deletingByClearingBitsCausesFalseNegatives()"),
        ReviewCard(
            id: "system-design.bloom-filter#a7121a8d", lesson: "system-design.bloom-filter", kind: .recall,
            question: """
                Why not derive a Bloom filter's bit positions from `hashValue`?
                """,
            answer: """
                Swift's Hasher is seeded randomly per process, so a filter saved to disk, sent to another \
                service or unioned with another process's filter would probe different bits and answer \
                "definitely not" for inserted keys. Hash with a pure function of the UTF-8 bytes and a seed \
                (FNV-1a plus the fmix64 finalizer), so the bit positions of "user:42" can be hard-coded in \
                a test. Go's hash/maphash is per-process seeded too.
                """,
            test: "HandbookSystemDesignTests.BloomFilterTests/bitPositionsAreStableAcrossProcesses()"),
        ReviewCard(
            id: "system-design.count-min-sketch#26e2b66d", lesson: "system-design.count-min-sketch", kind: .recall,
            question: """
                Why does a count-min sketch take the minimum over its d rows, and why have more than one \
                row?
                """,
            answer: """
                Each row can only overcount (other keys add to the same cell), so every row is an upper \
                bound and the minimum is the tightest; no estimate is below the true count. With 5 rows of \
                272 on a 50 000-event Zipf stream at most 1 % of keys are overestimated by more than εN = \
                500, while a single row of 272 counters exceeds that for more than 2 % of keys.
                """,
            test: "HandbookSystemDesignTests.CountMinSketchTests/errorBoundHoldsOnAZipfStream()"),
        ReviewCard(
            id: "system-design.count-min-sketch#5aa120b5", lesson: "system-design.count-min-sketch", kind: .predict,
            question: """
                What width and depth does CountMinSketch(errorRate: 0.01, failureProbability: 0.01) get?
                """,
            answer: """
                w = ⌈e/ε⌉ = 272 counters per row and d = ⌈ln(1/δ)⌉ = 5 rows. A row's expected overcount is \
                at most N/w, so by Markov's inequality it exceeds εN with probability at most 1/e, and d \
                independent rows push the chance that all of them do below δ.
                """,
            test:
                "HandbookSystemDesignTests.CountMinSketchTests/dimensionsMatchTheFormulas(errorRate:failure:width:depth:)"
        ),
        ReviewCard(
            id: "system-design.count-min-sketch#f253e60d", lesson: "system-design.count-min-sketch", kind: .predict,
            question: """
                var s = try CountMinSketch<UInt8>(width: 4, depth: 2)
                try s.add("a", count: 200)
                do { try s.add("a", count: 100) } catch { print("overflow") }
                print(s.estimate("a"))
                s.addSaturating("a", count: 100)
                print(s.estimate("a"))
                What does this print?
                """,
            answer: """
                overflow, 200, 255. The second add throws CounterOverflow and changes nothing: the estimate \
                and totalCount stay at 200. addSaturating then clamps at 255 instead of wrapping to 44. A \
                wrapped counter would make a heavy key look light, the one error a sketch must never make; \
                Swift's typed throws(CounterOverflow) replaces the silent wrap-around of Go's unsigned \
                integers.
                """,
            test: "HandbookSystemDesignTests.CountMinSketchTests/countersSaturateOrThrow()"),
        ReviewCard(
            id: "system-design.count-min-sketch#6f12ef05", lesson: "system-design.count-min-sketch", kind: .recall,
            question: """
                An attacker sprays random client IDs. How do you still find the heaviest clients in bounded \
                memory?
                """,
            answer: """
                A dictionary of counters grows one entry per distinct key (20 005 entries for 20 000 \
                sprayed keys plus 5 heavy ones), and the attacker picks that number. A count-min sketch \
                keeps a fixed d × w grid (5 × 2 719 counters here) whatever the keys, paired with a small \
                candidate list (capacity 16) of keys whose estimate reached the threshold; it reports all 5 \
                heavy clients, heaviest first, and is reset each window.
                """,
            test: "HandbookSystemDesignTests.CountMinSketchTests/heavyHittersUnderKeySpraying()"),
        ReviewCard(
            id: "system-design.count-min-sketch#d3e8bdaa", lesson: "system-design.count-min-sketch", kind: .recall,
            question: """
                What is conservative update in a count-min sketch, and how can it be done wrong?
                """,
            answer: """
                Instead of adding the count to all d cells, raise each cell only to estimate + count \
                (max(cell, target)), the smallest change that keeps every cell an upper bound: it never \
                underestimates and is never worse than plain update. Setting each cell to the target \
                instead lowers cells other keys had already raised, and their estimates fall below their \
                true counts.
                """,
            test: "HandbookSystemDesignTests.CountMinSketchTests/neverUnderestimatesAgainstADictionaryOracle()"),
        ReviewCard(
            id: "system-design.retry-budget#f03d1f6c", lesson: "system-design.retry-budget", kind: .recall,
            question: """
                Why is `maxAttempts: 3` per call not enough protection when a dependency is down?
                """,
            answer: """
                It bounds one request, not the fleet, and it compounds across layers: gateway → service → \
                repository each making 3 attempts send 27 calls per user request to the dead database (2 \
                700 for 100). A retry budget caps retries at a ratio of recent first attempts (10 % here), \
                so the same chain sends 133 calls, about 1.1³ ×, and 110 if only the layer next to the \
                failure retries.
                """,
            test: "HandbookSystemDesignTests.RetryBudgetTests/budgetsStopRetryAmplification()"),
        ReviewCard(
            id: "system-design.retry-budget#ff973cfd", lesson: "system-design.retry-budget", kind: .predict,
            question: """
                Retry budget: 10 %, no floor, 10 s window.
                print(budget.tryRetry())
                for _ in 0..<50 { budget.recordRequest() }
                print((0..<6).map { _ in budget.tryRetry() })
                """,
            answer: """
                false, then [true, true, true, true, true, false]. With no requests and no floor there is \
                no allowance; 50 first attempts allow 50 × 10 / 100 = 5 retries, and the sixth is refused.
                """,
            test: "HandbookSystemDesignTests.RetryBudgetTests/budgetRefusesRetriesBeyondTheRatio()"),
        ReviewCard(
            id: "system-design.retry-budget#14b9c3bc", lesson: "system-design.retry-budget", kind: .recall,
            question: """
                How do you propagate a request deadline across service hops?
                """,
            answer: """
                Send a duration, not an absolute time (machines' clocks disagree): gRPC's grpc-timeout \
                header. Each hop forwards its remaining time minus a safety margin for transit, the \
                receiver adds it to its own clock, and a hop does not call a dependency when what is left \
                is below that dependency's minimum useful time. In the test 1 s becomes 990 ms to api and \
                780 ms to search, and search never calls storage: 470 ms is below storage's 500 ms minimum.
                """,
            test: "HandbookSystemDesignTests.RetryBudgetTests/propagatedDeadlineShrinksAcrossHops()"),
        ReviewCard(
            id: "system-design.retry-budget#3049cf45", lesson: "system-design.retry-budget", kind: .predict,
            question: """
                Inside RequestDeadline.$current.withValue(<a 2 s deadline>) { … }, what is \
                RequestDeadline.current?.remaining when read in an async let, a task-group child, a Task {} \
                and a Task.detached {}?
                """,
            answer: """
                2 seconds in the first three, nil in Task.detached. async let, group children and Task {} \
                inherit task-locals, while Task.detached drops every one of them, the deadline included. \
                The @TaskLocal does the job of the deadline in Go's context.Context, inherited by child \
                tasks as a derived ctx would be.
                """,
            test: "HandbookSystemDesignTests.RetryBudgetTests/childTasksInheritTheDeadline()"),
        ReviewCard(
            id: "system-design.retry-budget#fb7a54a3", lesson: "system-design.retry-budget", kind: .predict,
            question: """
                A 1 s deadline, hop safety margin 10 ms, minimum time 100 ms, maxAttempts 10, a retry \
                budget with plenty of room (a floor of 10 retries per second), and every attempt fails \
                after 300 ms. What timeout does each attempt get, and how does the loop end?
                """,
            answer: """
                990, 690 and 390 ms. Before a 4th attempt only 100 ms is left, 90 ms after the margin, \
                below the 100 ms minimum, so it stops with deadlineExceeded(attempts: 3) at 900 ms. Retries \
                share the original deadline, and it is checked before the budget is touched, so only 2 \
                retries were spent.
                """,
            test: "HandbookSystemDesignTests.RetryBudgetTests/retriesStopAtTheDeadline()"),
        ReviewCard(
            id: "system-design.liveness-and-readiness#5e5b99a9", lesson: "system-design.liveness-and-readiness",
            kind: .seedQuestion,
            question: """
                Implement graceful shutdown for a web server
                """,
            answer: """
                Drain in the order a load balancer needs: fail readiness first (liveness keeps passing, so \
                nothing restarts the instance mid-drain), keep accepting for a drain delay while the \
                balancer notices at its next probe, then refuse new work and let in-flight requests finish \
                until a deadline; what is still running then is cancelled and counted. In Swift the steps \
                are awaited on an injected clock, not slept.
                """,
            test: "HandbookSystemDesignTests.LivenessAndReadinessTests/drainingFlipsReadinessBeforeRefusingWork()"),
    ]
}
