extension Catalogue {
    static let concurrencyIsolationLessons: [Lesson] = [
        Lesson(
            id: "concurrency.isolation-inheritance",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Isolation inheritance: nonsending, @concurrent, #isolation, Task.immediate",
            sources: ["Sources/HandbookConcurrency/IsolationInheritance.swift"],
            tests: ["Tests/HandbookConcurrencyTests/IsolationInheritanceTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "isolation-inheritance.make-helper-concurrent",
                    file: "Sources/HandbookConcurrency/IsolationInheritance.swift",
                    original: "nonisolated(nonsending) public static func isolationOfNonsendingCall()",
                    replacement: "@concurrent public static func isolationOfNonsendingCall()",
                    caughtBy: "HandbookConcurrencyTests.IsolationInheritanceTests/nonsendingInheritsConcurrentLeaves",
                    teaches: """
                        Marked @concurrent, the helper leaves the calling actor for the global pool: #isolation is \
                        nil inside it. nonisolated(nonsending) is what keeps an async helper on its caller's actor.
                        """),
                Experiment(
                    id: "isolation-inheritance.spawn-instead-of-immediate",
                    file: "Sources/HandbookConcurrency/IsolationInheritance.swift",
                    original: "let task = Task.immediate { self.events.append(\"A\") }",
                    replacement: "let task = Task { self.events.append(\"A\") }",
                    caughtBy: "HandbookConcurrencyTests.IsolationInheritanceTests/immediateTaskRunsFirst",
                    teaches: """
                        A plain Task {} is only enqueued on the actor, which is busy with the current method, so \
                        the log reads ["B", "A"]. Called from the actor it is isolated to, Task.immediate runs \
                        synchronously up to its first suspension.
                        """),
                Experiment(
                    id: "isolation-inheritance.stored-closure-marked-concurrent",
                    file: "Sources/HandbookConcurrency/IsolationInheritance.swift",
                    original: "public func callStored(_ closure: @Sendable () async",
                    replacement: "public func callStored(_ closure: @concurrent @Sendable () async",
                    caughtBy: "HandbookConcurrencyTests.IsolationInheritanceTests/asyncFunctionTypesAreNonsending",
                    teaches: """
                        Marking the closure parameter @concurrent moves the call off the actor: the closure's \
                        nonsending helper now reports nil instead of the recorder. The function type, not the \
                        closure literal, decides where the closure runs.
                        """),
            ]),
        Lesson(
            id: "concurrency.continuations-bridging",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Continuations: bridging callbacks, resume exactly once, cancellable bridges",
            sources: ["Sources/HandbookConcurrency/ContinuationsBridging.swift"],
            tests: ["Tests/HandbookConcurrencyTests/ContinuationsBridgingTests.swift"],
            seedTopics: [],
            questions: ["How do you prevent goroutine leaks?"],
            experiments: [
                Experiment(
                    id: "continuations-bridging.forget-to-cancel-the-operation",
                    file: "Sources/HandbookConcurrency/ContinuationsBridging.swift",
                    original: "waiter.resume(throwing: CancellationError())\n                operation.cancel()",
                    replacement: "waiter.resume(throwing: CancellationError())",
                    caughtBy:
                        "HandbookConcurrencyTests.ContinuationsBridgingTests/cancellingTheWaiterCancelsTheOperationOnce",
                    teaches: """
                        The waiter still gets its CancellationError, but the underlying operation keeps running \
                        with nobody waiting for it: cancel() is called 0 times instead of once. Resuming the \
                        caller is only half of cancellation; the work outside the task must be told too.
                        """),
                Experiment(
                    id: "continuations-bridging.forget-early-cancellation",
                    file: "Sources/HandbookConcurrency/ContinuationsBridging.swift",
                    original: "state = .cancelledBeforeStart\n",
                    replacement: "",
                    caughtBy: "HandbookConcurrencyTests.ContinuationsBridgingTests/machineCancelBeforeArrival",
                    teaches: """
                        onCancel can run before the continuation exists (the task was already cancelled). If the \
                        state machine forgets that, the operation starts anyway and nothing will ever resume the \
                        waiter: the classic registration race, caught here by a pure state-machine test.
                        """),
            ]),
    ]
}
