import Dispatch
import Foundation
import HandbookConcurrency
import HandbookTestSupport
import Synchronization
import Testing

/// "The actor is held" is shown without sleeping and without blocking a
/// cooperative-pool thread. The store under test runs on a serial Dispatch
/// queue of its own (a custom executor that reports every job it receives),
/// so "another call is waiting for the actor" becomes an observable event:
/// its job reaching the executor. Blocking waits happen on that queue or on a
/// `SerialTaskExecutor`, never on the pool, and each is bounded so a broken
/// lesson fails instead of hanging. `DocumentStore`, a default actor, shows
/// the same isolation through `#isolation`.
@Suite("Nonsending helpers and CPU-bound work", .timeLimit(.minutes(1)))
struct NonsendingCPUWorkTests {
    typealias Lesson = NonsendingCPUWork

    /// A serial executor that counts the jobs it receives and lets a blocked
    /// thread wait for the next one.
    final class ReportingQueueExecutor: SerialExecutor {
        private let queue = DispatchQueue(label: "handbook.tests.nonsending-store")
        private let jobCount = Atomic(0)
        /// Lets a blocked thread sleep until the count changes.
        private let received = NSCondition()

        var enqueuedJobs: Int { jobCount.load(ordering: .sequentiallyConsistent) }

        func enqueue(_ job: consuming ExecutorJob) {
            received.withLock {
                jobCount.add(1, ordering: .sequentiallyConsistent)
                received.broadcast()
            }
            let job = UnownedJob(job)
            let executor = asUnownedSerialExecutor()
            queue.async { job.runSynchronously(on: executor) }
        }

        func asUnownedSerialExecutor() -> UnownedSerialExecutor {
            UnownedSerialExecutor(ordinary: self)
        }

        func checkIsolated() {
            dispatchPrecondition(condition: .onQueue(queue))
        }

        /// Blocks the calling thread until `count` jobs have arrived in total,
        /// or `seconds` pass (then returns `false`: the lesson is broken).
        func waitForJobs(_ count: Int, seconds: Double = 10) -> Bool {
            received.withLock {
                let deadline = Date(timeIntervalSinceNow: seconds)
                while enqueuedJobs < count {
                    if !received.wait(until: deadline) { return enqueuedJobs >= count }
                }
                return true
            }
        }
    }

    /// The test's store: the lesson's helpers, called from an actor whose
    /// executor makes waiting jobs visible.
    actor QueueStore {
        let documents: [Lesson.Document]
        let executor: ReportingQueueExecutor
        let events: EventLog<String>
        let countRan = DispatchSemaphore(value: 0)

        init(documents: [Lesson.Document], executor: ReportingQueueExecutor, events: EventLog<String>) {
            self.documents = documents
            self.executor = executor
            self.events = events
        }

        nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

        func count() -> Int {
            events.append("count ran")
            countRan.signal()
            return documents.count
        }

        /// The latest digest: storing it is actor work after the helper returns.
        private(set) var lastDigest: UInt64?

        func fingerprintHoldingTheActor(progress: @escaping Lesson.Progress) async -> Lesson.Fingerprint {
            let fingerprint = await Lesson.fingerprint(of: documents, progress: progress)
            lastDigest = fingerprint.value
            return fingerprint
        }

        /// Reading `documents` before the call and storing the digest after it
        /// is actor work on both sides; without it the compiler removes the
        /// hops and `concurrentCostsAHop` would count none.
        func fingerprintOffTheActor(progress: @escaping Lesson.Progress) async -> Lesson.Fingerprint {
            let fingerprint = await Lesson.fingerprintConcurrently(of: documents, progress: progress)
            lastDigest = fingerprint.value
            return fingerprint
        }
    }

    /// Calls `count()` once the digest has started, from a task on a serial
    /// executor of its own: the call never waits for a cooperative-pool
    /// thread, so the bounded waits above measure the actor, not how busy the
    /// pool is (the whole suite under ThreadSanitizer once starved it past 5 s).
    static func countWhenStarted(_ store: QueueStore, _ started: Gate) async -> Int {
        await Task(executorPreference: SerialTaskExecutor()) {
            await started.wait()
            return await store.count()
        }.value
    }

    static let documents = (0..<50).map {
        Lesson.Document(id: $0, body: String(repeating: "payload \($0) ", count: 20))
    }

    @Test("called from an actor, the nonsending helper runs on it (#isolation is the actor); @concurrent runs on none")
    func isolationOfEachHelper() async {
        let store = Lesson.DocumentStore(documents: Self.documents)
        let holding = await store.fingerprintHoldingTheActor()
        let off = await store.fingerprintOffTheActor()
        #expect(holding.isolation === store)
        #expect(off.isolation == nil)
        #expect(holding.value == off.value, "same digest either way; only where it ran differs")
        // From nonisolated code there is no actor to inherit.
        #expect(await Lesson.fingerprint(of: Self.documents).isolation == nil)
    }

    @Test("while the nonsending helper runs, a count() call waits in the actor's queue until the digest is done")
    func nonsendingHelperHoldsTheActor() async throws {
        let executor = ReportingQueueExecutor()
        let events = EventLog<String>()
        let store = QueueStore(documents: Self.documents, executor: executor, events: events)
        let started = Gate()
        let documentCount = Self.documents.count
        let digesting = Task {
            await store.fingerprintHoldingTheActor { done in
                if done == 0 {
                    events.append("digest started")
                    let jobsSoFar = executor.enqueuedJobs
                    started.open()
                    // Wait, without suspending, until the test's count() has
                    // reached the actor: then it is queued behind this digest.
                    let queued = executor.waitForJobs(jobsSoFar + 1)
                    events.append(queued ? "count queued" : "count never arrived")
                }
                if done == documentCount { events.append("digest finished") }
            }
        }
        let count = await Self.countWhenStarted(store, started)
        let fingerprint = await digesting.value
        #expect(count == documentCount)
        #expect(fingerprint.isolation === store)
        #expect(events.events == ["digest started", "count queued", "digest finished", "count ran"])
    }

    @Test("while the @concurrent helper runs, count() gets the actor and returns before the digest finishes")
    func concurrentHelperLeavesTheActorFree() async throws {
        let executor = ReportingQueueExecutor()
        let events = EventLog<String>()
        let store = QueueStore(documents: Self.documents, executor: executor, events: events)
        let started = Gate()
        let documentCount = Self.documents.count
        // The preference puts the helper's thread on a serial Dispatch queue,
        // so its blocking wait never takes a cooperative-pool thread.
        let digesting = Task(executorPreference: SerialTaskExecutor()) {
            await store.fingerprintOffTheActor { done in
                if done == 0 {
                    events.append("digest started")
                    started.open()
                    // Held for as long as count() needs; bounded so a regression
                    // (the helper back on the actor) fails rather than hangs.
                    let ran = store.countRan.wait(timeout: .now() + 10) == .success
                    if !ran { events.append("count could not run") }
                }
                if done == documentCount { events.append("digest finished") }
            }
        }
        let count = await Self.countWhenStarted(store, started)
        let fingerprint = await digesting.value
        #expect(count == documentCount)
        #expect(fingerprint.isolation == nil)
        #expect(events.events == ["digest started", "count ran", "digest finished"])
    }

    @Test(
        "with actor work after the call, the @concurrent helper costs a hop back onto the actor; nonsending costs none")
    func concurrentCostsAHop() async {
        let executor = ReportingQueueExecutor()
        let store = QueueStore(documents: Self.documents, executor: executor, events: EventLog<String>())
        let beforeHolding = executor.enqueuedJobs
        _ = await store.fingerprintHoldingTheActor { _ in }
        let afterHolding = executor.enqueuedJobs
        _ = await store.fingerprintOffTheActor { _ in }
        let afterOff = executor.enqueuedJobs
        #expect(afterHolding - beforeHolding == 1, "one job: the call onto the actor")
        #expect(
            afterOff - afterHolding == 2, "the call onto the actor, and the return from the pool to store the digest")
    }

    @Test("a stored async closure runs on the calling actor unless its type says @concurrent")
    func closureTypesFollowTheSameRule() async {
        let store = Lesson.DocumentStore(documents: Self.documents)
        let plain = await store.fingerprint(using: { documents in await Lesson.fingerprint(of: documents) })
        let concurrent = await store.fingerprint(usingConcurrent: { documents in
            await Lesson.fingerprint(of: documents)
        })
        #expect(plain.isolation === store)
        #expect(concurrent.isolation == nil)
    }

    @Test("the digest is FNV-1a over the sorted-key JSON of each document, and reports progress per document")
    func digestMatchesAnIndependentComputation() throws {
        let documents = [Lesson.Document(id: 1, body: "a"), Lesson.Document(id: 2, body: "b")]
        // {"body":"a","id":1}{"body":"b","id":2}, hashed byte by byte.
        let json = Array(#"{"body":"a","id":1}{"body":"b","id":2}"#.utf8)
        let expected = json.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        let progress = EventLog<Int>()
        #expect(Lesson.digest(of: documents, progress: { progress.append($0) }) == expected)
        #expect(progress.events == [0, 1, 2])
        #expect(Lesson.digest(of: []) == 0xcbf2_9ce4_8422_2325, "the FNV offset basis for no input")
        #expect(Lesson.digest(of: documents) != Lesson.digest(of: documents.reversed()))
    }
}
