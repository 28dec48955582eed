extension Catalogue {
    static let internalsExecutorLessons: [Lesson] = [
        Lesson(
            id: "internals.task-executors-for-blocking-io",
            phase: 2,
            module: "HandbookInternals",
            title: "Blocking I/O off the cooperative pool: a TaskExecutor with threads of its own (SE-0417)",
            sources: ["Sources/HandbookInternals/BlockingIOExecutor.swift"],
            tests: ["Tests/HandbookInternalsTests/BlockingIOExecutorTests.swift"],
            seedTopics: ["internals: GMP Scheduler"],
            experiments: [
                Experiment(
                    id: "task-executors-for-blocking-io.no-preference",
                    file: "Sources/HandbookInternals/BlockingIOExecutor.swift",
                    original: "return try await withTaskExecutorPreference(self) { try await Self.call(work) }",
                    replacement: "return try await Self.call(work)",
                    caughtBy:
                        "HandbookInternalsTests.BlockingIOExecutorTests/(blockingWorkRunsOnTheExecutorsThreads|poolStaysFreeWhileExecutorThreadsBlock)",
                    teaches: """
                        Without the preference the @concurrent call runs on the global pool: ownsCurrentThread reads \
                        false inside run, and in the child process the blocked calls take every pool thread, the \
                        parent can never resume to release them, and the watchdog exits with 99.
                        """),
                Experiment(
                    id: "task-executors-for-blocking-io.exit-before-draining",
                    file: "Sources/HandbookInternals/BlockingIOExecutor.swift",
                    original: "if head < jobs.count {",
                    replacement: "if head < jobs.count && !isShuttingDown {",
                    caughtBy:
                        "HandbookInternalsTests.BlockingIOExecutorTests/shutdownDrainsQueuedJobsAndRejectsNewWork",
                    teaches: """
                        Refusing queued jobs once shutdown begins makes the only thread exit with three jobs still \
                        in the queue: the log stays empty and those three tasks never resume. A graceful shutdown \
                        stops intake, drains, then exits.
                        """),
                Experiment(
                    id: "task-executors-for-blocking-io.drop-late-jobs",
                    file: "Sources/HandbookInternals/BlockingIOExecutor.swift",
                    original: "preconditionFailure(message)",
                    replacement: "return",
                    caughtBy: "HandbookInternalsTests.BlockingIOExecutorTests/enqueueAfterTerminationTraps",
                    teaches: """
                        Returning instead of trapping drops the late job: the child process exits 0 instead of \
                        crashing, and the task that enqueued it will never resume. A lost job is a silent hang; \
                        a trap names the bug.
                        """),
            ])
    ]
}
