extension Catalogue {
    static let concurrencyStructureLessons: [Lesson] = [
        Lesson(
            id: "concurrency.async-let-scope",
            phase: 2,
            module: "HandbookConcurrency",
            title: "async let at the end of its scope: cancelled, then awaited, its error dropped",
            sources: ["Sources/HandbookConcurrency/AsyncLetScope.swift"],
            tests: ["Tests/HandbookConcurrencyTests/AsyncLetScopeTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "async-let-scope.start-the-load-before-the-cache-check",
                    file: "Sources/HandbookConcurrency/AsyncLetScope.swift",
                    original: "if let cached = cache[id] { return cached }\n        async let fresh = load(id)\n",
                    replacement: "async let fresh = load(id)\n        if let cached = cache[id] { return cached }\n",
                    caughtBy: "HandbookConcurrencyTests.AsyncLetScopeTests/checkingFirstStartsNoChildOnAHit",
                    teaches: """
                        Started before the cache check, the load runs even on a cache hit: the test's loader records \
                        id 1 although the cache answered. The early return only cancels the child, which still runs, \
                        and then waits for it.
                        """),
                Experiment(
                    id: "async-let-scope.forget-to-await-the-notification",
                    file: "Sources/HandbookConcurrency/AsyncLetScope.swift",
                    original: "        try await write(record)\n        try await notified\n",
                    replacement: "        try await write(record)\n",
                    caughtBy: "HandbookConcurrencyTests.AsyncLetScopeTests/awaitedChildErrorPropagates",
                    teaches: """
                        Never awaited, the notification is cancelled and awaited at the end of the scope and its \
                        NotificationFailed is discarded: save returns normally and the test's #expect(throws:) \
                        fails. Only try await on the child rethrows its error.
                        """),
            ]),
        Lesson(
            id: "concurrency.task-start-ordering",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Task start order: the few guarantees, and one consumer when order matters",
            sources: ["Sources/HandbookConcurrency/TaskStartOrdering.swift"],
            tests: ["Tests/HandbookConcurrencyTests/TaskStartOrderingTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "task-start-ordering.results-in-completion-order",
                    file: "Sources/HandbookConcurrency/TaskStartOrdering.swift",
                    original: "return results.sorted { $0.index < $1.index }.map(\\.value)",
                    replacement: "return results.map(\\.value)",
                    caughtBy: "HandbookConcurrencyTests.TaskStartOrderingTests/groupReturnsCompletionOrder",
                    teaches: """
                        Without restoring the order by index, gather returns results as the group handed them back: \
                        the test finishes the jobs in the order 2, 0, 3, 1 and gets ["result 2", "result 0", \
                        "result 3", "result 1"]. group.next() yields completion order, not submission order.
                        """),
                Experiment(
                    id: "task-start-ordering.queue-drops-while-busy",
                    file: "Sources/HandbookConcurrency/TaskStartOrdering.swift",
                    original: "AsyncStream.makeStream(of: Item.self)",
                    replacement: "AsyncStream.makeStream(of: Item.self, bufferingPolicy: .bufferingNewest(1))",
                    caughtBy: "HandbookConcurrencyTests.TaskStartOrderingTests/serialQueueBuffersWhileBusy",
                    teaches: """
                        With a one-element buffer, the three items submitted while the consumer is busy with item 0 \
                        replace each other and the log reads [0, 3]. submit does not throw: a dropping stream loses \
                        work silently, so a work queue needs an unbounded or a suspending buffer.
                        """),
            ]),
        Lesson(
            id: "concurrency.cancellation-handler-rules",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Cancellation handlers: inside cancel(), maybe before the operation, at most once",
            sources: ["Sources/HandbookConcurrency/CancellationHandlerRules.swift"],
            tests: ["Tests/HandbookConcurrencyTests/CancellationHandlerRulesTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "cancellation-handler-rules.forget-early-cancellation",
                    file: "Sources/HandbookConcurrency/CancellationHandlerRules.swift",
                    original: "                    if !state.isSignalled { state.cancelledBeforeStoring.insert(id) }\n",
                    replacement: "",
                    caughtBy:
                        "HandbookConcurrencyTests.CancellationHandlerRulesTests/(alreadyCancelledWaitThrows|cancelInTheRaceWindowThrows)",
                    teaches: """
                        The lost cancellation: the handler runs before the continuation is stored, records nothing, \
                        and the wait then stores its continuation in a cancelled task (the tests see .stored, not \
                        .cancelledBeforeStoring). Only their bounded check, which signals the event, wakes the \
                        waiter, and it returns normally instead of throwing CancellationError.
                        """),
                Experiment(
                    id: "cancellation-handler-rules.cancel-while-holding-the-lock",
                    file: "Sources/HandbookConcurrency/CancellationHandlerRules.swift",
                    original: """
                        let jobs = state.withLock { state in
                                        defer { state.jobs = [] }
                                        return state.jobs
                                    }
                                    for job in jobs { job.cancel() }
                        """,
                    replacement: """
                        state.withLock { state in
                                        for job in state.jobs { job.cancel() }
                                        state.jobs = []
                                    }
                        """,
                    caughtBy: "HandbookConcurrencyTests.CancellationHandlerRulesTests/cancelAfterReleasingTheLock",
                    teaches: """
                        cancel() runs each job's handler on the calling thread, which now holds the registry's \
                        lock; the handler locks it again, Mutex traps ("Recursive call to lock Mutex") and the exit \
                        test sees its child process trap (SIGILL on x86_64 Linux) instead of exiting successfully.
                        """),
            ]),
    ]
}
