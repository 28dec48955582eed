import HandbookSystemDesign
import HandbookTestSupport
import Testing

@Suite("Single flight (cache stampede)", .timeLimit(.minutes(1)))
struct SingleFlightTests {
    struct LoadFailed: Error, Equatable {}

    /// Counts loader calls and lets a test wait until `count` calls started.
    actor LoaderProbe {
        private(set) var calls: [String] = []
        private var observers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

        func record(_ key: String) {
            calls.append(key)
            let ready = observers.filter { $0.count <= calls.count }
            observers.removeAll { $0.count <= calls.count }
            for observer in ready { observer.continuation.resume() }
        }

        func waitForCalls(_ count: Int) async {
            if calls.count >= count { return }
            await withCheckedContinuation { observers.append((count, $0)) }
        }
    }

    @Test("100 concurrent gets on a miss run the loader exactly once and all get the same value")
    func hundredConcurrentMissesLoadOnce() async throws {
        let probe = LoaderProbe()
        let release = Gate()
        let cache = SingleFlightCache<String, Int> { key in
            await probe.record(key)
            await release.wait()
            return 42
        }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<100 {
                group.addTask { try await cache.value(forKey: "k") }
            }
            await cache.waitForWaiters(count: 100, forKey: "k")  // every caller has joined the one load
            release.open()
            var values: [Int] = []
            for try await value in group { values.append(value) }
            #expect(values == Array(repeating: 42, count: 100))
        }
        #expect(await probe.calls == ["k"])
        #expect(await cache.loadCount == 1)
        #expect(await cache.isLoading("k") == false)
        #expect(try await cache.value(forKey: "k") == 42)  // now a cache hit
        #expect(await cache.loadCount == 1)
    }

    @Test("the naive check-await-fill actor stampedes: 100 concurrent misses run the loader 100 times")
    func naiveCacheStampedes() async throws {
        let probe = LoaderProbe()
        let release = Gate()
        let cache = NaiveReadThroughCache<String, Int> { key in
            await probe.record(key)
            await release.wait()
            return 42
        }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<100 {
                group.addTask { try await cache.value(forKey: "k") }
            }
            await probe.waitForCalls(100)  // actor reentrancy let every caller past the check
            release.open()
            for try await value in group { #expect(value == 42) }
        }
        #expect(await probe.calls.count == 100)
    }

    @Test("a loader error reaches every current waiter, is not cached, and the next get retries")
    func errorsReachAllWaitersAndAreNotCached() async throws {
        let probe = LoaderProbe()
        let release = Gate()
        let cache = SingleFlightCache<String, Int> { key in
            await probe.record(key)
            if await probe.calls.count == 1 {
                await release.wait()
                throw LoadFailed()
            }
            return 7
        }
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    do {
                        _ = try await cache.value(forKey: "k")
                        return false
                    } catch {
                        return error is LoadFailed
                    }
                }
            }
            await cache.waitForWaiters(count: 10, forKey: "k")
            release.open()
            var failures = 0
            for await failed in group where failed { failures += 1 }
            #expect(failures == 10)
        }
        #expect(try await cache.value(forKey: "k") == 7)  // retried, not a replay of the error
        #expect(await cache.loadCount == 2)
    }

    @Test("cancelling one waiter returns CancellationError to it alone; the shared load and the others go on")
    func cancellingOneWaiterKeepsTheLoad() async throws {
        let release = Gate()
        let cache = SingleFlightCache<String, Int> { _ in
            await release.wait()
            return 99
        }
        let impatient = Task { try await cache.value(forKey: "k") }
        let patient = (0..<3).map { _ in Task { try await cache.value(forKey: "k") } }
        await cache.waitForWaiters(count: 4, forKey: "k")
        impatient.cancel()
        await #expect(throws: CancellationError.self) { try await impatient.value }
        #expect(await cache.waiterCount(forKey: "k") == 3)
        #expect(await cache.isLoading("k"))  // the load was not cancelled
        release.open()
        for task in patient { #expect(try await task.value == 99) }
        #expect(await cache.loadCount == 1)
    }

    @Test("different keys load independently and concurrently")
    func differentKeysAreIndependent() async throws {
        let probe = LoaderProbe()
        let releaseA = Gate()
        let cache = SingleFlightCache<String, String> { key in
            await probe.record(key)
            if key == "a" { await releaseA.wait() }
            return key.uppercased()
        }
        let a = Task { try await cache.value(forKey: "a") }
        await cache.waitForWaiters(count: 1, forKey: "a")
        // "a" is still loading; "b" does not wait for it.
        #expect(try await cache.value(forKey: "b") == "B")
        #expect(await cache.isLoading("a"))
        releaseA.open()
        #expect(try await a.value == "A")
        #expect(await probe.calls.sorted() == ["a", "b"])
        #expect(await cache.loadCount == 2)
    }

    @Test("invalidate forgets a cached value, so the next get loads again")
    func invalidateReloads() async throws {
        let probe = LoaderProbe()
        let cache = SingleFlightCache<String, Int> { key in
            await probe.record(key)
            return await probe.calls.count
        }
        #expect(try await cache.value(forKey: "k") == 1)
        #expect(try await cache.value(forKey: "k") == 1)
        await cache.invalidate("k")
        #expect(try await cache.value(forKey: "k") == 2)
        #expect(await cache.loadCount == 2)
    }

    @Test("the loader runs off the cache actor, so its synchronous work cannot stall other keys")
    func loaderRunsOffTheActor() async throws {
        let isolations = Locked<[String]>([])
        let cache = SingleFlightCache<String, Int> { key in
            // `#isolation` is the actor this code runs on: `nil` for `@concurrent`
            // code, the cache itself if the loader inherited the load task's isolation.
            let isolation = #isolation
            isolations.withLock { $0.append(isolation.map { "\(type(of: $0))" } ?? "none") }
            return key.count
        }
        #expect(try await cache.value(forKey: "abc") == 3)
        #expect(isolations.withLock { $0 } == ["none"])
    }

    /// A loader whose first call parks until `release` opens (it read the
    /// data before a write); later calls return at once. Each returns its
    /// call number.
    static func cacheWithSlowFirstLoad(
        started: Gate, release: Gate
    ) -> SingleFlightCache<String, Int> {
        let probe = LoaderProbe()
        return SingleFlightCache<String, Int> { key in
            await probe.record(key)
            let call = await probe.calls.count
            if call == 1 {
                started.open()
                await release.wait()
            }
            return call
        }
    }

    @Test("invalidate during a load: its waiter still gets the value, but it is not cached")
    func invalidateDuringLoadIsNotCached() async throws {
        let (started, release) = (Gate(), Gate())
        let cache = Self.cacheWithSlowFirstLoad(started: started, release: release)
        let early = Task { try await cache.value(forKey: "k") }
        await started.wait()
        await cache.invalidate("k")  // the data changed while the first load was running
        release.open()
        #expect(try await early.value == 1, "the detached load still serves the caller that was waiting")
        #expect(try await cache.value(forKey: "k") == 2, "the stale result was not cached")
        #expect(try await cache.value(forKey: "k") == 2, "the fresh one was")
        #expect(await cache.loadCount == 2)
    }

    @Test("read-your-writes: after invalidate, the next reader starts a fresh load instead of joining the stale one")
    func invalidateDetachesTheRunningLoad() async throws {
        let (started, release) = (Gate(), Gate())
        let cache = Self.cacheWithSlowFirstLoad(started: started, release: release)
        let early = Task { try await cache.value(forKey: "k") }
        await started.wait()
        await cache.invalidate("k")  // the writer's write is done
        let afterWrite = Task { try await cache.value(forKey: "k") }  // the writer reads it back
        release.open()
        #expect(try await afterWrite.value == 2)
        #expect(try await early.value == 1)
        #expect(await cache.loadCount == 2)
    }
}
