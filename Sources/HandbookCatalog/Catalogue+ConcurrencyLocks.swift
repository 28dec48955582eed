extension Catalogue {
    static let concurrencyLockLessons: [Lesson] = [
        Lesson(
            id: "concurrency.worker-pool",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Worker pools: bounded concurrency with a task group",
            sources: ["Sources/HandbookConcurrency/WorkerPool.swift"],
            tests: ["Tests/HandbookConcurrencyTests/WorkerPoolTests.swift"],
            seedTopics: ["concurrency: Worker Pools"],
            checklist: ["Goroutines & Channels - Can you implement a worker pool from scratch?"],
            questions: ["Implement a worker pool that processes jobs concurrently"],
            experiments: [
                Experiment(
                    id: "worker-pool.forget-to-wait-for-a-free-worker",
                    file: "Sources/HandbookConcurrency/WorkerPool.swift",
                    original: "if let (finished, output) = try await group.next() { results[finished] = output }",
                    replacement: "",
                    caughtBy: "HandbookConcurrencyTests.WorkerPoolTests/peakInFlightEqualsLimit",
                    teaches: """
                        Without the await group.next() that slides the window, the loop adds all 100 children at \
                        once: the results are still correct, but all 100 are in flight when the test looks (it reads \
                        the gauge from the pool's own serial executor, behind every queued child), not 4. \
                        The group is only a pool because each new child waits for a finished one.
                        """),
                Experiment(
                    id: "worker-pool.ignore-cancellation",
                    file: "Sources/HandbookConcurrency/WorkerPool.swift",
                    original: """
                                        guard !Task.isCancelled else { break }
                                        group.addTask { (index, try await work(job)) }
                        """,
                    replacement: """
                                        group.addTask { (index, try await work(job)) }
                        """,
                    caughtBy: "HandbookConcurrencyTests.WorkerPoolTests/cancellationStopsIntakeAndDrains",
                    teaches: """
                        A cancelled pool that never checks keeps starting jobs: all 100 run instead of the 14 that \
                        had started. Cancellation only sets a flag; the pool must read it before adding work.
                        """),
                Experiment(
                    id: "worker-pool.serve-without-permits",
                    file: "Sources/HandbookConcurrency/WorkerPool.swift",
                    original: "await slots.acquire()",
                    replacement: "",
                    caughtBy: "HandbookConcurrencyTests.WorkerPoolTests/serveBoundsALongRunningStream",
                    teaches: """
                        A discarding group has no next() to wait on; without the semaphore permit nothing bounds \
                        it, and all 20 stream elements are in flight at once instead of 3 (read from the server's own \
                        serial executor, behind every child already added, so the count is certain).
                        """),
            ]),
        Lesson(
            id: "concurrency.locks-and-mutex",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Locks: Mutex, reader-writer locks and lock ordering",
            sources: ["Sources/HandbookConcurrency/LocksAndMutex.swift"],
            tests: ["Tests/HandbookConcurrencyTests/LocksAndMutexTests.swift"],
            seedTopics: ["concurrency: Mutex"],
            experiments: [
                Experiment(
                    id: "locks-and-mutex.readers-take-the-write-lock",
                    file: "Sources/HandbookConcurrency/LocksAndMutex.swift",
                    original: "guard pthread_rwlock_tryrdlock(lock) == 0 else { return nil }",
                    replacement: "guard pthread_rwlock_trywrlock(lock) == 0 else { return nil }",
                    caughtBy: "HandbookConcurrencyTests.LocksAndMutexTests/readersShareTheLock",
                    teaches: """
                        A reader that takes the exclusive lock turns the RW lock into a plain mutex: the second \
                        reader is refused while the first one reads, and the peak of concurrent readers drops to 1.
                        """),
                Experiment(
                    id: "locks-and-mutex.re-enter-the-lock",
                    file: "Sources/HandbookConcurrency/LocksAndMutex.swift",
                    original: """
                                        guard value < limit else { return false }
                        """,
                    replacement: """
                                        guard count < limit else { return false }
                        """,
                    caughtBy:
                        "HandbookConcurrencyTests.LocksAndMutexTests/(checkAndActUnderOneLock|checkAndActStopsAtTheLimit)",
                    teaches: """
                        Reading `count` inside withLock locks the same Mutex again. Mutex is not recursive: the \
                        test process dies with "Recursive call to lock Mutex" instead of counting 3 winners.
                        """),
            ]),
        Lesson(
            id: "concurrency.atomics",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Atomics: counters, CAS loops and memory ordering",
            sources: ["Sources/HandbookConcurrency/Atomics.swift"],
            tests: ["Tests/HandbookConcurrencyTests/AtomicsTests.swift"],
            seedTopics: ["concurrency: Mutex"],
            experiments: [
                Experiment(
                    id: "atomics.store-instead-of-compare-exchange",
                    file: "Sources/HandbookConcurrency/Atomics.swift",
                    original: """
                                        let (exchanged, original) = value.compareExchange(
                                            expected: current, desired: candidate, ordering: .relaxed)
                        """,
                    replacement: """
                                        value.store(candidate, ordering: .relaxed)
                                        let (exchanged, original) = (true, current)
                        """,
                    caughtBy: "HandbookConcurrencyTests.AtomicsTests/casLoopRetriesAgainstTheNewValue",
                    teaches: """
                        Load-then-store is check-then-act: the 20 another writer stored between our load and our \
                        store is overwritten by our 10. compareExchange fails in that case and hands back the 20.
                        """),
                Experiment(
                    id: "atomics.allow-a-second-writer",
                    file: "Sources/HandbookConcurrency/Atomics.swift",
                    original: "precondition(claimed, \"Mailbox.publish called twice: the payload is write-once\")",
                    replacement: "",
                    caughtBy: "HandbookConcurrencyTests.AtomicsTests/secondPublishTraps",
                    teaches: """
                        Without the claim check a second publish silently overwrites a payload that readers may \
                        be copying at that moment: the release/acquire protocol only holds for one write.
                        """),
            ]),
    ]
}
