import HandbookInternals
import HandbookTestSupport
import Testing

/// The count readings below use underscored runtime hooks: educational, not
/// API. Every assertion compares two readings (relative change), never a
/// reading with an absolute number.
@Suite("ARC internals")
struct ARCInternalsTests {
    typealias Lesson = ARCInternals

    @Test("the first stored property sits after a 16-byte header: metadata pointer + refcount word")
    func objectHeaderIsTwoWords() {
        #if arch(x86_64) || arch(arm64)
            #expect(Lesson.headerSize(of: Lesson.Probe()) == 16)
            #expect(Lesson.headerSize(of: Lesson.Probe()) == 2 * MemoryLayout<UnsafeRawPointer>.size)
        #endif
    }

    @Test("each extra strong reference adds 1 to the strong count, and dropping it takes 1 away")
    func strongCountMovesByOne() {
        let object = Lesson.Probe()
        let base = Lesson.strongCount(object)
        var copies: [Lesson.Probe] = []
        for extra in 1...3 {
            copies.append(object)
            #expect(Lesson.strongCount(object) == base + extra)
        }
        copies.removeLast()
        #expect(Lesson.strongCount(object) == base + 2)
        copies.removeAll()
        #expect(Lesson.strongCount(object) == base)
    }

    @Test("weak and unowned references move their own counts, not the strong count")
    func weakAndUnownedHaveTheirOwnCounts() {
        let object = Lesson.Probe()
        let strong = Lesson.strongCount(object)
        let weakBase = Lesson.weakCount(object)
        let unownedBase = Lesson.unownedCount(object)

        weak var first = object
        weak var second = object
        #expect(first === object)
        #expect(Lesson.weakCount(object) == weakBase + 2, "each weak reference counts in the side table")
        unowned let borrowed = object
        #expect(Lesson.unownedCount(object) == unownedBase + 1)
        #expect(Lesson.strongCount(object) == strong, "weak and unowned never keep an object alive")

        first = nil
        #expect(Lesson.weakCount(object) == weakBase + 1)
        _ = (second, borrowed)
        second = nil
    }

    @Test("deinit runs at strong count 0 even while an unowned reference still exists")
    func deinitRunsAtStrongZero() {
        let deinits = Locked(0)
        var object: Lesson.Probe? = Lesson.Probe { deinits.withLock { $0 += 1 } }
        unowned let survivor = object!
        weak var observer = object
        #expect(survivor.value == 0, "unowned reads fine while the object is alive")
        object = nil
        #expect(deinits.withLock { $0 } == 1, "deinit ran: the unowned count keeps memory, not the object")
        #expect(observer == nil, "the side table answers nil for a dead object")
        // Reading `survivor` now would trap (see memory.arc-and-retain-cycles); we only hold it.
        observer = nil
    }

    @Test("isKnownUniquelyReferenced goes true, false, true across a copy and its drop")
    func uniquenessFollowsTheStrongCount() {
        var box = Lesson.CopyOnWriteBox(value: 1)
        let alone = box.isUnique()
        #expect(alone)
        var copy: Lesson.CopyOnWriteBox? = box
        let shared = box.isUnique()
        #expect(!shared, "two boxes share one storage object")
        #expect(copy?.value == 1)
        copy = nil
        let aloneAgain = box.isUnique()
        #expect(aloneAgain, "dropping the copy makes it unique again")
    }

    @Test("a write to a shared box copies exactly once and leaves the other box alone")
    func copyOnWriteCopiesOnlyWhenShared() {
        var original = Lesson.CopyOnWriteBox(value: 1)
        original.set(2)
        #expect(original.copies == 0, "unique: written in place")

        var copy = original
        copy.set(3)
        #expect(copy.copies == 1)
        #expect(original.value == 2, "the original still sees its own storage")
        copy.set(4)
        #expect(copy.copies == 1, "unique again after the first copy: no second copy")
        #expect(copy.value == 4)
    }

    @Test("Unmanaged.passRetained keeps an object alive through a C-style context until it is taken back")
    func unmanagedRetainIsBalanced() {
        let deinits = Locked(0)
        let registry = Lesson.CallbackRegistry()
        weak var probe: Lesson.Probe?
        do {
            let object = Lesson.Probe(value: 42) { deinits.withLock { $0 += 1 } }
            probe = object
            let before = Lesson.strongCount(object)
            registry.register(object)
            #expect(Lesson.strongCount(object) == before + 1, "passRetained is a manual retain")
        }
        #expect(probe != nil, "no Swift variable refers to it; the opaque pointer keeps it alive")
        #expect(deinits.withLock { $0 } == 0)

        var seen: [Int] = []
        registry.fireAll { seen.append($0.value) }
        #expect(seen == [42])
        #expect(registry.pendingCount == 0)
        #expect(deinits.withLock { $0 } == 1, "takeRetainedValue balanced the retain: deinit ran exactly once")
        #expect(probe == nil)
    }
}
