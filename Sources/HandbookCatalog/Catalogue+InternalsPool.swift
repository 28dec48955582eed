extension Catalogue {
    static let internalsPoolLessons: [Lesson] = [
        Lesson(
            id: "internals.cooperative-thread-pool",
            phase: 2,
            module: "HandbookInternals",
            title: "The cooperative thread pool (Go's GMP scheduler)",
            sources: ["Sources/HandbookInternals/CooperativeThreadPool.swift"],
            tests: ["Tests/HandbookInternalsTests/CooperativeThreadPoolTests.swift"],
            seedTopics: ["internals: GMP Scheduler"],
            experiments: [
                Experiment(
                    id: "cooperative-thread-pool.no-suspension",
                    file: "Sources/HandbookInternals/CooperativeThreadPool.swift",
                    original: "case .suspending: await suspendingRelease.wait()",
                    replacement: "case .suspending: break",
                    caughtBy: "HandbookInternalsTests.CooperativeThreadPoolTests/suspendingChildrenAllRunAtOnce",
                    teaches: """
                        Without the await, each child runs start to finish on the thread it was given, so no more \
                        than the pool width are ever in flight: it is the suspension that hands the thread to \
                        the next task, not the number of tasks you create.
                        """),
                Experiment(
                    id: "cooperative-thread-pool.block-on-the-pool",
                    file: "Sources/HandbookInternals/CooperativeThreadPool.swift",
                    original: """
                        let thread = Thread { continuation.resume(returning: work()) }
                                    thread.start()
                        """,
                    replacement: "continuation.resume(returning: work())",
                    caughtBy: "HandbookInternalsTests.CooperativeThreadPoolTests/offloadingKeepsThePoolResponsive",
                    expect: .hangs,
                    teaches: """
                        Run the blocking work inline and the first jobs occupy every pool thread: the awaiting \
                        parent can never resume to release them, the child process deadlocks and its watchdog \
                        exits with 99. Go's runtime would hand the processor to another thread; Swift's pool \
                        does not grow.
                        """),
            ])
    ]
}
