extension Catalogue {
    static let advancedContextLessons: [Lesson] = [
        Lesson(
            id: "advanced.task-cancellation",
            phase: 1,
            module: "HandbookAdvanced",
            title: "Task cancellation",
            sources: ["Sources/HandbookAdvanced/TaskCancellation.swift"],
            tests: ["Tests/HandbookAdvancedTests/TaskCancellationTests.swift"],
            seedTopics: ["advanced: Context"],
            checklist: ["Context - Do you know when to use context.WithTimeout vs context.WithCancel?"],
            experiments: [
                Experiment(
                    id: "task-cancellation.never-check-in-the-loop",
                    file: "Sources/HandbookAdvanced/TaskCancellation.swift",
                    original: "if Task.isCancelled { break }",
                    replacement: "",
                    caughtBy: "HandbookAdvancedTests.TaskCancellationTests/cancelledLoopStopsEarly",
                    teaches: """
                        Without the check, cancelling the worker after its 10th item changes nothing: it processes \
                        all 1000. task.cancel() only sets a flag; a loop that never reads it cannot stop.
                        """),
                Experiment(
                    id: "task-cancellation.stop-checking-in-cpu-loop",
                    file: "Sources/HandbookAdvanced/TaskCancellation.swift",
                    original: "if value % interval == 0 {\n                try Task.checkCancellation()\n            }",
                    replacement: "",
                    caughtBy: "HandbookAdvancedTests.TaskCancellationTests/onlyCooperativeCodeStops",
                    teaches: """
                        The "cooperative" sum becomes the uncooperative one: it returns its full result from a \
                        cancelled task instead of throwing CancellationError. CPU-bound work must check now and then.
                        """),
            ]),
        Lesson(
            id: "advanced.deadlines-and-timeouts",
            phase: 1,
            module: "HandbookAdvanced",
            title: "Deadlines and timeouts",
            sources: ["Sources/HandbookAdvanced/DeadlinesAndTimeouts.swift"],
            tests: ["Tests/HandbookAdvancedTests/DeadlinesAndTimeoutsTests.swift"],
            seedTopics: ["advanced: Context"],
            checklist: ["Context - Do you know when to use context.WithTimeout vs context.WithCancel?"],
            experiments: [
                Experiment(
                    id: "deadlines-and-timeouts.forget-cancel-all",
                    file: "Sources/HandbookAdvanced/DeadlinesAndTimeouts.swift",
                    original: "defer { group.cancelAll() }",
                    replacement: "",
                    caughtBy: "HandbookAdvancedTests.DeadlinesAndTimeoutsTests/fastOperationReturnsItsValue",
                    expect: .hangs,
                    teaches: """
                        A task group waits for every child before it returns. Without cancelAll(), a 30 ms call \
                        under a 3 s timeout waits for the losing 3 s timer; the manual clock never gets there, so \
                        the test stalls until its one-minute time limit fails it.
                        """),
                Experiment(
                    id: "deadlines-and-timeouts.skip-past-deadline-check",
                    file: "Sources/HandbookAdvanced/DeadlinesAndTimeouts.swift",
                    original: "guard clock.now < deadline else { throw TimeoutError() }",
                    replacement: "",
                    caughtBy: "HandbookAdvancedTests.DeadlinesAndTimeoutsTests/pastDeadlineThrowsAtOnce",
                    teaches: """
                        Without the up-front check, work is started for a request whose budget is already spent: \
                        the operation runs (and may even win the race) although its deadline passed before the call.
                        """),
                Experiment(
                    id: "deadlines-and-timeouts.fresh-child-timeout",
                    file: "Sources/HandbookAdvanced/DeadlinesAndTimeouts.swift",
                    original: "Deadline(min(instant, clock.now.advanced(by: timeout)), clock: clock)",
                    replacement: "Deadline(clock.now.advanced(by: timeout), clock: clock)",
                    caughtBy:
                        "HandbookAdvancedTests.DeadlinesAndTimeoutsTests/(nestedDeadlinesTakeTheMinimum|nestedRunTimesOutAtTheParentDeadline)",
                    teaches: """
                        A child that takes a fresh timeout instead of the minimum believes it has 1 s inside a request \
                        that ends in 100 ms. Go's context takes the minimum for you; with explicit deadlines you must.
                        """),
            ]),
        Lesson(
            id: "advanced.task-local-values",
            phase: 1,
            module: "HandbookAdvanced",
            title: "Task-local values",
            sources: ["Sources/HandbookAdvanced/TaskLocalValues.swift"],
            tests: ["Tests/HandbookAdvancedTests/TaskLocalValuesTests.swift"],
            seedTopics: ["advanced: Context"],
            checklist: ["Context - Do you know when to use context.WithTimeout vs context.WithCancel?"],
            experiments: [
                Experiment(
                    id: "task-local-values.attach-the-detached-task",
                    file: "Sources/HandbookAdvanced/TaskLocalValues.swift",
                    original: "Task.detached { requestID }",
                    replacement: "Task { requestID }",
                    caughtBy: "HandbookAdvancedTests.TaskLocalValuesTests/detachedTaskSeesTheDefault",
                    teaches: """
                        Task {} copies the creator's task-local values, so the "detached" task now sees "req-9". \
                        Task.detached is the only way to start with none.
                        """),
                Experiment(
                    id: "task-local-values.forget-to-bind",
                    file: "Sources/HandbookAdvanced/TaskLocalValues.swift",
                    original: "try await $requestID.withValue(id, operation: handler)",
                    replacement: "try await handler()",
                    caughtBy: "HandbookAdvancedTests.TaskLocalValuesTests/valueIsVisibleThreeCallsDeep",
                    teaches: """
                        Without withValue nothing is bound, and the repository three calls down logs "no-request". \
                        A task-local is only ever set for a scope; there is no assignment to fall back on.
                        """),
            ]),
        Lesson(
            id: "advanced.configuration-with-defaults",
            phase: 1,
            module: "HandbookAdvanced",
            title: "Configuration with defaults (functional options)",
            sources: ["Sources/HandbookAdvanced/ConfigurationWithDefaults.swift"],
            tests: ["Tests/HandbookAdvancedTests/ConfigurationWithDefaultsTests.swift"],
            seedTopics: ["advanced: Functional Options"],
            experiments: [
                Experiment(
                    id: "configuration-with-defaults.drop-port-validation",
                    file: "Sources/HandbookAdvanced/ConfigurationWithDefaults.swift",
                    original: "guard (1...65_535).contains(port) else { throw .invalidPort(port) }",
                    replacement: "",
                    caughtBy: "HandbookAdvancedTests.ConfigurationWithDefaultsTests/invalidPortThrows",
                    teaches: """
                        Port 70000 is accepted without a word, which is what Go's WithPort did by dropping it. \
                        Validation that throws is the only place the mistake can surface before the server fails to bind.
                        """),
                Experiment(
                    id: "configuration-with-defaults.with-skips-validation",
                    file: "Sources/HandbookAdvanced/ConfigurationWithDefaults.swift",
                    original: "try copy.validate()\n            return copy",
                    replacement: "return copy",
                    caughtBy: "HandbookAdvancedTests.ConfigurationWithDefaultsTests/withValidatesTheCopy",
                    teaches: """
                        Validating only in init is not enough for a struct with var properties: with { $0.port = 70000 } \
                        now returns an invalid configuration. Every path that builds a value must validate it.
                        """),
                Experiment(
                    id: "configuration-with-defaults.mutable-preset",
                    file: "Sources/HandbookAdvanced/ConfigurationWithDefaults.swift",
                    original: "public static let production",
                    replacement: "public static var production",
                    caughtBy: "HandbookAdvancedTests.ConfigurationWithDefaultsTests",
                    expect: .doesNotCompile,
                    teaches: """
                        A static var preset is global shared mutable state, which Swift 6 rejects \
                        ([#MutableGlobalVariable]). Go's package-level var DefaultConfig can be changed by anyone.
                        """),
            ]),
    ]
}
