extension Catalogue {
    static let concurrencyTaskLessons: [Lesson] = [
        Lesson(
            id: "concurrency.tasks-and-structured-concurrency",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Tasks and structured concurrency",
            sources: ["Sources/HandbookConcurrency/TasksAndStructuredConcurrency.swift"],
            tests: ["Tests/HandbookConcurrencyTests/TasksAndStructuredConcurrencyTests.swift"],
            seedTopics: ["concurrency: Goroutines"],
            experiments: [
                Experiment(
                    id: "tasks-and-structured-concurrency.task-instead-of-child",
                    file: "Sources/HandbookConcurrency/TasksAndStructuredConcurrency.swift",
                    original: "group.addTask { await work(index) }",
                    replacement: "Task { await work(index) }",
                    caughtBy: "HandbookConcurrencyTests.TasksAndStructuredConcurrencyTests/groupAwaitsEveryChild",
                    teaches: """
                        Inside the group's closure, Task {} still compiles, but it is a goroutine without a \
                        WaitGroup: the group has no children to wait for, runAll returns while all 100 are parked, \
                        and the test sees 0 side effects instead of 100.
                        """),
                Experiment(
                    id: "tasks-and-structured-concurrency.wait-for-all-instead-of-next",
                    file: "Sources/HandbookConcurrency/TasksAndStructuredConcurrency.swift",
                    original: "while try await group.next() != nil {}",
                    replacement: "try await group.waitForAll()",
                    caughtBy: "HandbookConcurrencyTests.TasksAndStructuredConcurrencyTests/firstErrorCancelsSiblings",
                    expect: .hangs,
                    teaches: """
                        waitForAll() captures the first error and keeps waiting for the rest without cancelling \
                        them. The siblings sleep their full 60 s on a clock nobody advances, so the test runs into \
                        its one-minute time limit: fail-fast needs next() (or a throwing discarding group).
                        """),
            ]),
        Lesson(
            id: "concurrency.select-and-racing",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Select and racing",
            sources: ["Sources/HandbookConcurrency/SelectAndRacing.swift"],
            tests: ["Tests/HandbookConcurrencyTests/SelectAndRacingTests.swift"],
            seedTopics: ["concurrency: Select"],
            experiments: [
                Experiment(
                    id: "select-and-racing.keep-the-loser-running",
                    file: "Sources/HandbookConcurrency/SelectAndRacing.swift",
                    original: """
                        // The loser must be told to stop, or the group waits for it.
                                    defer { group.cancelAll() }
                        """,
                    replacement: "// The loser is never told to stop.",
                    caughtBy: "HandbookConcurrencyTests.SelectAndRacingTests/raceCancelsTheLoser",
                    expect: .hangs,
                    teaches: """
                        A group waits for every child before it returns. Without cancelAll() the race takes as \
                        long as its slowest participant: the 60 s loser sleeps on a clock nobody advances, so the \
                        race never returns. handbook break kills the hung test at its deadline; under plain swift \
                        test the one-minute time limit cancels the test, and only then does the loser's onCancel run.
                        """),
                Experiment(
                    id: "select-and-racing.never-finish-the-merge",
                    file: "Sources/HandbookConcurrency/SelectAndRacing.swift",
                    original: "            output.finish()\n",
                    replacement: "",
                    caughtBy: "HandbookConcurrencyTests.SelectAndRacingTests/mergeFinishesWhenBothFinish",
                    expect: .hangs,
                    teaches: """
                        Both sources finish and both readers return, but nobody closes the merged stream: its \
                        consumer waits for an element that will never come (Go's range over a results channel \
                        nobody closes) until the time limit fails the test.
                        """),
            ]),
        Lesson(
            id: "concurrency.fan-out-fan-in",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Fan-out, fan-in",
            sources: ["Sources/HandbookConcurrency/FanOutFanIn.swift"],
            tests: ["Tests/HandbookConcurrencyTests/FanOutFanInTests.swift"],
            seedTopics: ["concurrency: Channels"],
            experiments: [
                Experiment(
                    id: "fan-out-fan-in.skip-the-reorder",
                    file: "Sources/HandbookConcurrency/FanOutFanIn.swift",
                    original: "tagged.sort { $0.index < $1.index }",
                    replacement: "",
                    caughtBy: "HandbookConcurrencyTests.FanOutFanInTests/orderedVariantRestoresInputOrder",
                    teaches: """
                        Without the sort by index, results come back in completion order: job 0, held until the \
                        other 99 are done, lands near the end instead of in slot 0.
                        """),
                Experiment(
                    id: "fan-out-fan-in.ignore-cancellation-between-jobs",
                    file: "Sources/HandbookConcurrency/FanOutFanIn.swift",
                    original: "guard !Task.isCancelled else { break }",
                    replacement: "",
                    caughtBy: "HandbookConcurrencyTests.FanOutFanInTests/cancellingTheConsumerCancelsEveryWorker",
                    teaches: """
                        Cancellation finishes the jobs stream, but a finished AsyncStream still delivers its \
                        buffer: cancelled workers keep pulling and start (and cancel) all 100 jobs instead of \
                        stopping at 4, so `cancelled` and `started` both read 100. The \
                        test waits until every worker has finished (the job closure is released), so it reads 100 \
                        every time, not by a race.
                        """),
                Experiment(
                    id: "fan-out-fan-in.no-way-back-from-the-consumer",
                    file: "Sources/HandbookConcurrency/FanOutFanIn.swift",
                    original: "output.onTermination = { _ in workersTask.cancel() }",
                    replacement: "",
                    caughtBy: "HandbookConcurrencyTests.FanOutFanInTests/cancellingTheConsumerCancelsEveryWorker",
                    expect: .hangs,
                    teaches: """
                        The workers run in their own task; if the results stream does not cancel it when the \
                        consumer goes away, the 4 busy workers sleep on for nobody (a leak) and the test's wait \
                        for their cancellation runs into the time limit.
                        """),
            ]),
    ]
}
