import Foundation
import HandbookMemory
import HandbookTestSupport
import Testing

@Suite("ARC and retain cycles", .timeLimit(.minutes(1)))
struct ARCAndRetainCyclesTests {
    typealias Lesson = ARCAndRetainCycles

    @Test("deinit runs exactly when the last strong reference goes, not before")
    func deinitRunsAtLastStrongReference() {
        let counter = Lesson.DeinitCounter()
        var first: Lesson.Tracked? = counter.track("shared")
        var second = first
        var third = first
        first = nil
        #expect(counter.count == 0, "two strong references remain")
        second = nil
        #expect(counter.count == 0, "one strong reference remains")
        #expect(third?.name == "shared")
        third = nil
        #expect(counter.count == 1, "the last release frees the object synchronously")
        _ = (first, second, third)
    }

    @Test("a parent and child holding each other strongly are never freed: there is no cycle collector")
    func strongParentChildCycleLeaks() {
        let parentFreed = Locked(false)
        weak var probe: Lesson.LeakyChild?
        do {
            let parent = Lesson.LeakyParent(name: "root") { parentFreed.withLock { $0 = true } }
            let child = Lesson.LeakyChild(name: "leaf")
            parent.adopt(child)
            probe = child
        }
        #expect(probe != nil, "the child is still alive although nothing outside the cycle refers to it")
        #expect(parentFreed.withLock { $0 } == false)
        // Only breaking the cycle by hand frees them; this is what a GC would do for you.
        probe?.parent = nil
        #expect(probe == nil)
        #expect(parentFreed.withLock { $0 })
    }

    @Test("a weak back-pointer breaks the cycle: parent and children are freed, the back-pointer reads nil")
    func weakParentBreaksTheCycle() {
        let freed = EventLog<String>()
        weak var childProbe: Lesson.Child?
        let orphan = Lesson.Child(name: "survivor")
        do {
            let parent = Lesson.Parent(name: "root") { freed.append("root") }
            let child = Lesson.Child(name: "leaf") { freed.append("leaf") }
            parent.adopt(child)
            parent.adopt(orphan)
            childProbe = child
            #expect(orphan.parent === parent)
        }
        #expect(childProbe == nil)
        #expect(freed.events == ["root", "leaf"], "the parent goes first and takes its children with it")
        #expect(orphan.parent == nil, "a weak reference is zeroed when its object is freed")
    }

    @Test("a closure property capturing self leaks its owner; [weak self] does not")
    func weakSelfClosureDoesNotLeak() throws {
        #expect(isStillAlive(after: { Lesson.LeakyCounter() }, use: { $0.onTap?() }))
        expectDeallocated {
            Lesson.Counter()
        } use: { counter in
            counter.onTap?()
            counter.onTap?()
            #expect(counter.taps == 2, "the weak capture still reaches a live counter")
        }

        // A closure that outlives its weakly captured owner just does nothing.
        var counter: Lesson.Counter? = Lesson.Counter()
        let onTap = try #require(counter?.onTap)
        counter = nil
        onTap()
        #expect(counter == nil)
    }

    @Test("weak references read nil after deinit, including Swift 6.2 weak let in a Sendable class")
    func weakReferencesBecomeNil() {
        var subject: Lesson.Tracked? = Lesson.Tracked(name: "subject")
        weak let weakLocal = subject
        let observer = Lesson.Observer(subject: subject!)
        #expect(weakLocal?.name == "subject")
        #expect(observer.subject === subject)
        subject = nil
        #expect(weakLocal == nil)
        #expect(observer.subject == nil, "weak let is still weak: it is zeroed, just never reassigned")
        let _: any Sendable = observer
    }

    @Test("reading an unowned reference after deinit traps, it never reads nil")
    func unownedAfterDeinitTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = ARCAndRetainCycles.readUnownedAfterDeinit()
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("Attempted to read an unowned reference but object"))
        #expect(stderr.contains("was already destroyed"))

        let alive = Lesson.Tracked(name: "alive")
        #expect(Lesson.UnownedHolder(target: alive).targetName == "alive")
    }

    @Test("withExtendedLifetime keeps the object alive through the closure; deinit follows it")
    func withExtendedLifetimeOrdersDeinitAfterTheBody() {
        let log = EventLog<String>()
        Lesson.observeWithExtendedLifetime(
            Lesson.Tracked(name: "work") { log.append("deinit") },
            log: { log.append($0) })
        #expect(log.events == ["body: alive", "deinit"])
    }

    @Test("consume ends the lifetime where it is written: deinit runs before the next line, not at the brace")
    func consumeEndsTheLifetimeEarly() {
        let log = EventLog<String>()
        Lesson.observeAfterConsume(
            Lesson.Tracked(name: "work") { log.append("deinit") },
            log: { log.append($0) })
        #expect(log.events == ["deinit", "after consume: gone"])
    }
}
