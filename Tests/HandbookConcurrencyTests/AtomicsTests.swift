import Foundation
import HandbookConcurrency
import HandbookTestSupport
import PropertyBased
import Synchronization
import Testing

@Suite("Atomics", .timeLimit(.minutes(1)))
struct AtomicsTests {
    typealias Lesson = Atomics

    struct Message: Sendable, Equatable {
        var round: Int
        var body: [Int]

        static func round(_ round: Int) -> Message {
            Message(round: round, body: Array(0..<(round % 32 + 1)).map { $0 * round })
        }
    }

    @Test("8 tasks × 10 000 relaxed increments == 80 000: no update is lost")
    func relaxedIncrementsAreExact() async {
        #expect(await Lesson.concurrentIncrements(tasks: 8, perTask: 10_000) == 80_000)
    }

    @Test("load, store and wrappingAdd: the add returns old and new values, and wraps at Int.max")
    func loadStoreAndWrappingAdd() {
        let value = Atomic(40)
        #expect(value.load(ordering: .relaxed) == 40)
        let (oldValue, newValue) = value.wrappingAdd(2, ordering: .relaxed)
        #expect(oldValue == 40 && newValue == 42)
        value.store(.max, ordering: .relaxed)
        #expect(value.wrappingAdd(1, ordering: .relaxed).newValue == .min, "wrapping, like &+")
        #expect(value.exchange(7, ordering: .relaxed) == .min)
        #expect(value.load(ordering: .relaxed) == 7)
    }

    @Test("compareExchange swaps only when the expectation is current; when stale it returns (false, original)")
    func compareExchangeReportsTheOriginal() {
        let value = Atomic(5)
        let stale = value.compareExchange(expected: 4, desired: 9, ordering: .relaxed)
        #expect(stale.exchanged == false)
        #expect(stale.original == 5, "the value that is actually there: retry with it")
        #expect(value.load(ordering: .relaxed) == 5, "nothing was written")

        let fresh = value.compareExchange(expected: 5, desired: 9, ordering: .relaxed)
        #expect(fresh.exchanged && fresh.original == 5)
        #expect(value.load(ordering: .relaxed) == 9)
    }

    @Test("a CAS-loop max over 1000 random values from 8 tasks equals values.max()")
    func concurrentMaximumMatchesMax() async {
        var generator = SeededRandomNumberGenerator(seed: 0xA70_1C5)
        let values = (0..<1_000).map { _ in Int.random(in: -1_000_000...1_000_000, using: &generator) }
        #expect(await Lesson.concurrentMaximum(of: values, tasks: 8) == values.max())
        #expect(await Lesson.concurrentMaximum(of: [], tasks: 8) == nil)
    }

    @Test("property: for random values and task counts the CAS max equals values.max()")
    func concurrentMaximumProperty() async {
        await propertyCheck(count: 100, input: Gen.int(in: -500...500).array(of: 1...80), Gen.int(in: 1...6)) {
            values, tasks in
            #expect(await Lesson.concurrentMaximum(of: values, tasks: tasks) == values.max())
        }
    }

    @Test("when another writer raises the max between our load and our exchange, the loop retries and keeps theirs")
    func casLoopRetriesAgainstTheNewValue() {
        let maximum = Lesson.Maximum(5)
        var attempts = 0
        maximum.record(10) {
            attempts += 1
            // Simulates another thread winning the race, once.
            if attempts == 1 { maximum.record(20) }
        }
        #expect(maximum.current == 20, "10 must not overwrite the 20 that arrived meanwhile")
        #expect(attempts == 1, "after the failed exchange the loop saw 20 > 10 and stopped")

        maximum.record(30) { attempts += 1 }
        #expect(maximum.current == 30)
    }

    // On x86-64 (TSO) this would also pass with `.relaxed` on both sides: the
    // hardware never reorders these stores or these loads. The ordering is
    // checked for real under `swift test --sanitize=thread`, which models the
    // C++ memory model and reports the payload race if either side is relaxed.
    @Test("payloads published with release/acquire arrive intact on another thread (1000 rounds)")
    func releaseAcquirePublishesThePayload() async {
        let rounds = 1_000
        let mailboxes = (0..<rounds).map { _ in Lesson.Mailbox<Message>() }
        let mismatches = Lesson.Counter()
        let readerDone = Gate()
        let writerDone = Gate()
        Thread {
            for round in 0..<rounds {
                // Spin on a dedicated thread (never on the cooperative pool).
                var message = mailboxes[round].take()
                while message == nil {
                    sched_yield()
                    message = mailboxes[round].take()
                }
                if message != Message.round(round) { mismatches.increment() }
            }
            readerDone.open()
        }.start()
        Thread {
            for round in 0..<rounds { mailboxes[round].publish(Message.round(round)) }
            writerDone.open()
        }.start()
        await writerDone.wait()
        await readerDone.wait()
        #expect(mismatches.count == 0)
    }

    @Test("a Mailbox is write-once: a second publish is a precondition failure")
    func secondPublishTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let mailbox = Atomics.Mailbox<Int>()
            mailbox.publish(1)
            mailbox.publish(2)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("publish called twice"))
    }

    @Test("exchange as a once-flag: of 100 racing tasks exactly one sees the old value")
    func exchangeElectsExactlyOneWinner() async {
        final class Flag: Sendable {
            let taken = Atomic(false)
        }
        let flag = Flag()
        let winners = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<100 {
                group.addTask { flag.taken.exchange(true, ordering: .acquiringAndReleasing) == false }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(winners == 1)
    }

    @Test("a local Atomic captured by addTask does not compile; it must live in a class or a global let")
    func localAtomicCannotBeShared() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/LocalAtomicCapturedByTask.swift",
            group: "SendingClosureRisksDataRace",
            diagnostics: ["closure captures reference to mutable let 'hits'"])
    }
}
