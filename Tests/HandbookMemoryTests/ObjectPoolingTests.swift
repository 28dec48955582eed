import HandbookMemory
import HandbookTestSupport
import Testing

@Suite("Object pooling", .timeLimit(.minutes(1)))
struct ObjectPoolingTests {
    static func makePool(maxIdle: Int) throws -> ObjectPool<ScratchBuffer> {
        try ObjectPool(maxIdle: maxIdle, factory: { ScratchBuffer(reserving: 1_024) }, reset: { $0.reset() })
    }

    @Test("maxIdle below 1 is a configuration error with a message", arguments: [0, -1])
    func invalidMaxIdleThrows(maxIdle: Int) {
        #expect(throws: ObjectPoolError.invalidMaxIdle(maxIdle)) { try Self.makePool(maxIdle: maxIdle) }
        #expect(ObjectPoolError.invalidMaxIdle(maxIdle).description == "maxIdle must be at least 1, got \(maxIdle)")
    }

    @Test("get after put returns the very same instance, without calling the factory again")
    func getAfterPutReusesTheInstance() throws {
        let pool = try Self.makePool(maxIdle: 4)
        let first = pool.get()
        pool.put(first)
        let second = pool.get()
        #expect(second === first)
        #expect(pool.createdCount == 1)
        pool.put(second)
    }

    @Test("a returned object is reset: empty, with its capacity kept")
    func returnedObjectIsReset() throws {
        let pool = try Self.makePool(maxIdle: 1)
        let buffer = pool.get()
        buffer.append(Array(repeating: 7, count: 100))
        let capacity = buffer.capacity
        pool.put(buffer)

        let reused = pool.get()
        #expect(reused === buffer)
        #expect(reused.count == 0, "the next borrower must not see the previous one's bytes")
        #expect(reused.capacity == capacity, "the storage is what we pooled it for")
        pool.put(reused)
    }

    @Test("putting back 10 objects into a pool with maxIdle 4 keeps 4 and frees 6")
    func idleListIsBounded() throws {
        let pool = try Self.makePool(maxIdle: 4)
        let burst = (0..<10).map { _ in pool.get() }
        #expect(pool.createdCount == 10)
        weak let dropped = burst[9]
        for buffer in burst { pool.put(buffer) }
        #expect(pool.idleCount == 4)
        #expect(pool.droppedCount == 6)
        #expect(pool.checkedOutCount == 0)
        _ = consume burst
        #expect(dropped == nil, "objects beyond maxIdle are freed by ARC, not kept")
    }

    @Test("a lease returns its object when it goes out of scope, or earlier on release()")
    func leaseReturnsAutomatically() throws {
        let pool = try Self.makePool(maxIdle: 4)
        do {
            let lease = pool.lease()
            lease.object.append([1, 2, 3])
            #expect(pool.checkedOutCount == 1)
            #expect(pool.idleCount == 0)
        }
        #expect(pool.checkedOutCount == 0)
        #expect(pool.idleCount == 1)

        let lease = pool.lease()
        #expect(lease.object.count == 0, "reset on the way back")
        lease.release()
        #expect(pool.idleCount == 1)
        #expect(pool.createdCount == 1)
    }

    @Test("returning a lease twice does not compile: it is consumed more than once")
    func leaseCannotBeReturnedTwice() throws {
        try CompileFailFixture.expect(
            "HandbookMemory/LeaseReturnedTwice.swift", diagnostics: ["'lease' consumed more than once"])
    }

    @Test("factory calls equal peak concurrency, not the number of requests", .contendsOnMutex)
    func creationsTrackPeakConcurrency() async throws {
        let pool = try Self.makePool(maxIdle: 8)
        do {
            let a = pool.lease()
            let b = pool.lease()
            let c = pool.lease()
            #expect(Set([a.object, b.object, c.object].map(ObjectIdentifier.init)).count == 3)
        }
        for _ in 0..<10 {
            try await pool.withLease { buffer in
                buffer.append([1])
                if buffer.count != 1 { throw PoolTestError.staleData }
            }
        }
        #expect(pool.createdCount == 3, "13 requests, at most 3 at once: 3 objects")
        #expect(pool.peakCheckedOutCount == 3)
        #expect(pool.idleCount == 3)
    }

    @Test("100 concurrent borrowers never share an object, and every object comes back", .contendsOnMutex)
    func concurrentLeasesAreExclusive() async throws {
        let pool = try Self.makePool(maxIdle: 100)
        let sharedAtOnce = Locked(0)
        await withDiscardingTaskGroup { group in
            for index in 0..<100 {
                group.addTask {
                    await pool.withLease { buffer in
                        guard buffer.beginExclusiveUse() else {
                            sharedAtOnce.withLock { $0 += 1 }
                            return
                        }
                        buffer.append([UInt8(index)])
                        if buffer.count != 1 { sharedAtOnce.withLock { $0 += 1 } }
                        buffer.endExclusiveUse()
                    }
                }
            }
        }
        #expect(sharedAtOnce.withLock { $0 } == 0)
        #expect(pool.checkedOutCount == 0)
        #expect((1...100).contains(pool.createdCount))
        #expect(pool.createdCount == pool.peakCheckedOutCount, "the factory ran only when every object was busy")
        #expect(pool.idleCount == pool.createdCount)
    }

    enum PoolTestError: Error { case staleData }
}
