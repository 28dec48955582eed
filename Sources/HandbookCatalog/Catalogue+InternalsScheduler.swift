extension Catalogue {
    static let internalsSchedulerLessons: [Lesson] = [
        Lesson(
            id: "internals.executors-and-actor-hopping",
            phase: 2,
            module: "HandbookInternals",
            title: "Executors and actor hopping: custom SerialExecutor, TaskExecutor, assumeIsolated",
            sources: ["Sources/HandbookInternals/ExecutorsAndActorHopping.swift"],
            tests: ["Tests/HandbookInternalsTests/ExecutorsAndActorHoppingTests.swift"],
            seedTopics: ["internals: GMP Scheduler"],
            experiments: [
                Experiment(
                    id: "executors-and-actor-hopping.drop-custom-executor",
                    file: "Sources/HandbookInternals/ExecutorsAndActorHopping.swift",
                    original: """
                        public nonisolated var unownedExecutor: UnownedSerialExecutor {
                                    executor.asUnownedSerialExecutor()
                                }
                        """,
                    replacement: "",
                    caughtBy: "HandbookInternalsTests.ExecutorsAndActorHoppingTests/hopsAreCountedPerCrossActorCall",
                    teaches: """
                        Without the unownedExecutor override the actor uses the runtime's default executor: the \
                        queue executor receives 0 jobs instead of 10 hops. One computed property decides where \
                        an actor's jobs run.
                        """),
                Experiment(
                    id: "executors-and-actor-hopping.no-check-isolated",
                    file: "Sources/HandbookInternals/ExecutorsAndActorHopping.swift",
                    original: """
                        public func checkIsolated() {
                                    dispatchPrecondition(condition: .onQueue(queue))
                                }
                        """,
                    replacement: "",
                    caughtBy: "HandbookInternalsTests.ExecutorsAndActorHoppingTests/assumeIsolatedOnTheActorsQueue",
                    teaches: """
                        Plain Dispatch code on the actor's own queue is not running a task, so the runtime asks \
                        the executor whether this is its context. The default checkIsolated() says no and \
                        assumeIsolated traps: the test process crashes although the thread was the right one.
                        """),
            ]),
        Lesson(
            id: "internals.priority-and-escalation",
            phase: 2,
            module: "HandbookInternals",
            title: "Priority and escalation: inheritance, currentPriority vs basePriority, inversion",
            sources: ["Sources/HandbookInternals/PriorityAndEscalation.swift"],
            tests: ["Tests/HandbookInternalsTests/PriorityAndEscalationTests.swift"],
            seedTopics: ["internals: GMP Scheduler"],
            experiments: [
                Experiment(
                    id: "priority-and-escalation.detach-instead-of-task",
                    file: "Sources/HandbookInternals/PriorityAndEscalation.swift",
                    original: "let unstructured = await Task { Task.basePriority }.value",
                    replacement: "let unstructured = await Task.detached { Task.basePriority }.value",
                    caughtBy: "HandbookInternalsTests.PriorityAndEscalationTests/detachedDoesNotInherit",
                    teaches: """
                        Task.detached does not inherit its creator's .high priority: its basePriority is the \
                        default. Reach for Task {} (or a child task) when the work is part of the same request.
                        """),
                Experiment(
                    id: "priority-and-escalation.ignore-escalations",
                    file: "Sources/HandbookInternals/PriorityAndEscalation.swift",
                    original: "storage.record.withLock { $0.escalations.append(escalation) }",
                    replacement: "",
                    caughtBy: "HandbookInternalsTests.PriorityAndEscalationTests/awaitingEscalatesOnce",
                    teaches: """
                        The job is still escalated (its currentPriority ends .high) but the record is empty: \
                        escalation is an event you only see if you install a handler and keep what it reports.
                        """),
                Experiment(
                    id: "priority-and-escalation.observe-without-forwarding",
                    file: "Sources/HandbookInternals/PriorityAndEscalation.swift",
                    original: "worker.escalatePriority(to: new)",
                    replacement: "_ = worker",
                    caughtBy: "HandbookInternalsTests.PriorityAndEscalationTests/forwardedEscalationReachesTheWorker",
                    teaches: """
                        The waiter still sees its own escalation (the handler fires), but observing is not \
                        forwarding: the worker behind the continuation finishes at .low with no escalation \
                        recorded, the inversion the handler was installed to fix.
                        """),
            ]),
    ]
}
