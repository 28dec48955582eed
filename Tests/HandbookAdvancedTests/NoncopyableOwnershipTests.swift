import HandbookAdvanced
import HandbookTestSupport
import Testing

@Suite("Noncopyable ownership")
struct NoncopyableOwnershipTests {
    typealias Lesson = NoncopyableOwnership

    // Each test opens its own descriptors and only asks about those, so the
    // shared table never mixes the counts of tests running in parallel.
    func closes(_ descriptor: Int32) -> Lesson.CloseCount {
        Lesson.DescriptorTable.shared.closes(of: descriptor)
    }

    @Test("deinit closes a handle exactly once when it goes out of scope")
    func deinitRunsExactlyOnce() {
        var descriptor: Int32 = -1
        do {
            let handle = Lesson.FileHandleLike()
            descriptor = handle.descriptor
            #expect(closes(descriptor).total == 0)
        }
        #expect(closes(descriptor) == Lesson.CloseCount(byDeinit: 1))
    }

    @Test("consuming close() with discard self closes once and suppresses deinit")
    func closeSuppressesDeinit() {
        let handle = Lesson.FileHandleLike()
        let descriptor = handle.close()
        #expect(closes(descriptor) == Lesson.CloseCount(explicit: 1))
    }

    @Test("a class-based handle compiles a double close")
    func classHandleAllowsDoubleClose() {
        let handle = Lesson.SharedFileHandle()
        let alias = handle
        handle.close()
        alias.close()
        #expect(closes(handle.descriptor) == Lesson.CloseCount(explicit: 2))
    }

    @Test("closing a noncopyable handle twice does not compile: consumed more than once")
    func doubleCloseDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookAdvanced/CloseTwice.swift", diagnostics: ["'handle' consumed more than once"])
    }

    @Test("borrowing lends the handle; consuming takes it and destroys it before returning")
    func borrowingVersusConsuming() {
        let handle = Lesson.FileHandleLike()
        let descriptor = handle.descriptor
        #expect(Lesson.inspect(handle) == descriptor)
        #expect(Lesson.inspect(handle) == descriptor)
        #expect(closes(descriptor).total == 0, "borrowing never ends the caller's ownership")
        #expect(Lesson.adopt(handle) == descriptor)
        #expect(closes(descriptor) == Lesson.CloseCount(byDeinit: 1), "the callee owned it and dropped it")
    }

    @Test("consume ends a binding's lifetime: the handle is destroyed at that line")
    func consumeEndsTheLifetimeEarly() {
        let handle = Lesson.FileHandleLike()
        let descriptor = handle.descriptor
        _ = consume handle
        #expect(closes(descriptor) == Lesson.CloseCount(byDeinit: 1))
    }

    @Test("consume hands a uniquely referenced array over, so the append needs no copy")
    func consumeAvoidsACopyOnWrite() {
        var kept = [Int]()
        kept.reserveCapacity(16)
        kept.append(contentsOf: [1, 2, 3])
        let copied = Lesson.append(4, to: kept)
        #expect(copied.numbers == [1, 2, 3, 4])
        #expect(!copied.reusedStorage, "the caller still holds the buffer, so the append copied it")
        #expect(kept == [1, 2, 3])

        var handedOver = [Int]()
        handedOver.reserveCapacity(16)
        handedOver.append(contentsOf: [1, 2, 3])
        let moved = Lesson.append(4, to: consume handedOver)
        #expect(moved.numbers == [1, 2, 3, 4])
        #expect(moved.reusedStorage, "after consume the callee owns the only reference")
    }

    @Test("using a value after consume does not compile")
    func useAfterConsumeDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookAdvanced/UseAfterConsume.swift", diagnostics: ["'names' used after consume"])
    }

    @Test("generics with T: ~Copyable accept noncopyable and copyable types alike")
    func genericsOverNoncopyableTypes() {
        let handle = Lesson.FileHandleLike()
        let descriptor = handle.descriptor
        Lesson.dispose(handle)
        Lesson.dispose(42)
        #expect(closes(descriptor) == Lesson.CloseCount(byDeinit: 1))

        var slot = Lesson.Slot(Lesson.FileHandleLike())
        let fullBefore = !slot.isEmpty
        let taken = slot.take()
        let emptyAfter = slot.isEmpty  // #expect cannot capture a noncopyable value
        #expect(fullBefore && emptyAfter)
        let closed = taken?.close()
        #expect(closed.map(closes) == Lesson.CloseCount(explicit: 1))

        let numbers = Lesson.Slot(7)
        var copy = numbers  // Slot<Int> is Copyable: the conformance is conditional
        #expect(copy.take() == 7)
        var original = numbers
        #expect(original.take() == 7)
    }
}
