extension Catalogue {
    static let memoryLifetimeLessons: [Lesson] = [
        Lesson(
            id: "memory.arc-and-retain-cycles",
            phase: 2,
            module: "HandbookMemory",
            title: "ARC and retain cycles",
            sources: ["Sources/HandbookMemory/ARCAndRetainCycles.swift"],
            tests: ["Tests/HandbookMemoryTests/ARCAndRetainCyclesTests.swift"],
            seedTopics: ["memory: GC Patterns"],
            questions: ["How does Go's garbage collector work?"],
            experiments: [
                Experiment(
                    id: "arc-and-retain-cycles.strong-parent-pointer",
                    file: "Sources/HandbookMemory/ARCAndRetainCycles.swift",
                    original: "public weak var parent: Parent?",
                    replacement: "public var parent: Parent?",
                    caughtBy: "HandbookMemoryTests.ARCAndRetainCyclesTests/weakParentBreaksTheCycle",
                    teaches: """
                        With a strong back-pointer the fixed parent and child form the same cycle as the leaky pair: \
                        neither deinit runs, the child probe stays non-nil and nothing ever reclaims them. ARC has no \
                        cycle collector; one side must be weak.
                        """),
                Experiment(
                    id: "arc-and-retain-cycles.capture-self-strongly",
                    file: "Sources/HandbookMemory/ARCAndRetainCycles.swift",
                    original: "onTap = { [weak self] in self?.taps += 1 }",
                    replacement: "onTap = { self.taps += 1 }",
                    caughtBy: "HandbookMemoryTests.ARCAndRetainCyclesTests/weakSelfClosureDoesNotLeak",
                    teaches: """
                        Dropping [weak self] turns Counter into LeakyCounter: the object owns the closure and the \
                        closure owns the object, so the deallocation probe stays non-nil after the test lets go.
                        """),
                Experiment(
                    id: "arc-and-retain-cycles.consume-before-the-body",
                    file: "Sources/HandbookMemory/ARCAndRetainCycles.swift",
                    original: "withExtendedLifetime(object) {",
                    replacement: "_ = consume object\n        do {",
                    caughtBy:
                        "HandbookMemoryTests.ARCAndRetainCyclesTests/withExtendedLifetimeOrdersDeinitAfterTheBody",
                    teaches: """
                        Consuming the only strong reference before the body ends the object's life right there: \
                        the log reads deinit, then "body: gone". Lifetime follows ownership, not the braces; \
                        withExtendedLifetime is how the code says the body needs the object.
                        """),
            ]),
        Lesson(
            id: "memory.object-pooling",
            phase: 2,
            module: "HandbookMemory",
            title: "Object pooling and noncopyable leases",
            sources: ["Sources/HandbookMemory/ObjectPooling.swift"],
            tests: ["Tests/HandbookMemoryTests/ObjectPoolingTests.swift"],
            seedTopics: ["memory: Object Pooling"],
            experiments: [
                Experiment(
                    id: "object-pooling.unbounded-idle-list",
                    file: "Sources/HandbookMemory/ObjectPooling.swift",
                    original: """
                        guard state.idle.count < maxIdle else {
                                        state.dropped += 1
                                        return
                                    }
                        """,
                    replacement: "",
                    caughtBy: "HandbookMemoryTests.ObjectPoolingTests/idleListIsBounded",
                    teaches: """
                        Without the maxIdle check a burst of 10 leaves 10 idle buffers behind for good: the pool \
                        becomes a memory leak shaped like the traffic peak. Bound the idle list.
                        """),
                Experiment(
                    id: "object-pooling.lease-never-returns",
                    file: "Sources/HandbookMemory/ObjectPooling.swift",
                    original: "deinit { pool.put(object) }",
                    replacement: "deinit {}",
                    caughtBy:
                        "HandbookMemoryTests.ObjectPoolingTests/(leaseReturnsAutomatically|creationsTrackPeakConcurrency)",
                    teaches: """
                        A lease whose deinit does not give the object back leaks it out of the pool: checked-out \
                        count never drops and every request calls the factory again. Tying the return to the end of \
                        the lease's lifetime is the whole point of the noncopyable lease.
                        """),
                Experiment(
                    id: "object-pooling.skip-reset",
                    file: "Sources/HandbookMemory/ObjectPooling.swift",
                    original: "        reset(object)\n",
                    replacement: "",
                    caughtBy: "HandbookMemoryTests.ObjectPoolingTests/returnedObjectIsReset",
                    teaches: """
                        Without reset on return the next borrower receives the previous borrower's 100 bytes: in a \
                        server that is one request reading another's data.
                        """),
            ]),
        Lesson(
            id: "memory.task-and-resource-leaks",
            phase: 2,
            module: "HandbookMemory",
            title: "Task and resource leaks",
            sources: ["Sources/HandbookMemory/TaskAndResourceLeaks.swift"],
            tests: ["Tests/HandbookMemoryTests/TaskAndResourceLeaksTests.swift"],
            seedTopics: ["memory: Goroutine Leaks"],
            questions: ["How do you prevent goroutine leaks?"],
            experiments: [
                Experiment(
                    id: "task-and-resource-leaks.ticker-captures-self-strongly",
                    file: "Sources/HandbookMemory/TaskAndResourceLeaks.swift",
                    original: """
                        slot = Task { [weak self] in
                                            while true {
                                                do { try await clock.sleep(for: interval) } catch { return }
                                                guard let self else { return }
                        """,
                    replacement: """
                        slot = Task {
                                            while true {
                                                do { try await clock.sleep(for: interval) } catch { return }
                        """,
                    caughtBy: "HandbookMemoryTests.TaskAndResourceLeaksTests/tickerDeinitsAndStopsItsTask",
                    teaches: """
                        Without [weak self] the fixed Ticker becomes LeakyTicker: its own task keeps it alive, so the \
                        deinit that would cancel the task never runs; the deallocation probe stays non-nil and the \
                        loop keeps sleeping on the clock.
                        """),
                Experiment(
                    id: "task-and-resource-leaks.no-cancel-in-deinit",
                    file: "Sources/HandbookMemory/TaskAndResourceLeaks.swift",
                    original: """
                        // next wake-up: one more interval of a running task per instance.
                                deinit { task.withLock { $0?.cancel() } }
                        """,
                    replacement: "// next wake-up: one more interval of a running task per instance.",
                    caughtBy: "HandbookMemoryTests.TaskAndResourceLeaksTests/tickerDeinitsAndStopsItsTask",
                    teaches: """
                        [weak self] alone lets the ticker deinit, but its task is still parked in the clock's sleep \
                        until the next tick: the sleeper count stays 1. Weak capture prevents the leak of the object; \
                        cancelling prevents the leak of the task.
                        """),
            ]),
    ]
}
