extension Catalogue {
    static let systemDesignWorkflowLessons: [Lesson] = [
        Lesson(
            id: "system-design.deadline-retry-orchestrator",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Retries under an overall deadline",
            sources: ["Sources/HandbookSystemDesign/DeadlineRetryOrchestrator.swift"],
            tests: ["Tests/HandbookSystemDesignTests/DeadlineRetryOrchestratorTests.swift"],
            seedTopics: ["system_design: Orchestrator"],
            experiments: [
                Experiment(
                    id: "deadline-retry-orchestrator.backoff-ignores-deadline",
                    file: "Sources/HandbookSystemDesign/DeadlineRetryOrchestrator.swift",
                    original: "guard elapsed + delay + policy.minimumAttemptTime < policy.overallTimeout else {",
                    replacement: "if false {",
                    caughtBy:
                        "HandbookSystemDesignTests.DeadlineRetryOrchestratorTests/(retryBudgetNeverExceedsTheRemainingTime|noAttemptStartsAfterTheDeadline)",
                    teaches: """
                        Without the budget check the orchestrator sleeps a 20 ms backoff that ends 10 ms after the \
                        deadline, only to fail then: the caller waits longer for a failure that was already certain.
                        """),
                Experiment(
                    id: "deadline-retry-orchestrator.start-with-any-time-left",
                    file: "Sources/HandbookSystemDesign/DeadlineRetryOrchestrator.swift",
                    original:
                        "guard elapsed + policy.minimumAttemptTime < policy.overallTimeout else { return .stop(.deadlineExceeded) }",
                    replacement: "guard elapsed < policy.overallTimeout else { return .stop(.deadlineExceeded) }",
                    caughtBy: "HandbookSystemDesignTests.DeadlineRetryOrchestratorTests/minimumAttemptTimeIsRespected",
                    teaches: """
                        Ignoring minimumAttemptTime starts an attempt with 2 ms left: it cannot finish a round trip, \
                        so it only burns a connection and reports the same deadlineExceeded later.
                        """),
                Experiment(
                    id: "deadline-retry-orchestrator.full-timeout-near-deadline",
                    file: "Sources/HandbookSystemDesign/DeadlineRetryOrchestrator.swift",
                    original: "number: attemptsStarted, timeout: min(policy.attemptTimeout, remaining),",
                    replacement: "number: attemptsStarted, timeout: policy.attemptTimeout,",
                    caughtBy:
                        "HandbookSystemDesignTests.DeadlineRetryOrchestratorTests/(scheduleClampsToTheDeadline|noAttemptStartsAfterTheDeadline)",
                    teaches: """
                        An attempt started 25 ms into a 30 ms budget is given its full 20 ms timeout and outlives \
                        the request by 15 ms. The per-attempt timeout must be the minimum of its own and the remaining time.
                        """),
                Experiment(
                    id: "deadline-retry-orchestrator.retry-after-cancellation",
                    file: "Sources/HandbookSystemDesign/DeadlineRetryOrchestrator.swift",
                    original: "if Task.isCancelled { throw CancellationError() }",
                    replacement: "",
                    caughtBy:
                        "HandbookSystemDesignTests.DeadlineRetryOrchestratorTests/cancellationReachesTheAttemptInFlight",
                    teaches: """
                        The cancelled attempt's CancellationError is then treated as one more transient failure: \
                        the log shows a failed attempt and a backoff for a caller that has already gone.
                        """),
                Experiment(
                    id: "deadline-retry-orchestrator.jitter-ignored",
                    file: "Sources/HandbookSystemDesign/DeadlineRetryOrchestrator.swift",
                    original: "case .full: delay = Self.uniform(upTo: ceiling, using: &random)",
                    replacement: "case .full: delay = ceiling",
                    caughtBy:
                        "HandbookSystemDesignTests.DeadlineRetryOrchestratorTests/(fullJitterSpreadsBackoffsBelowTheCeiling|jitterDesynchronisesAThunderingHerd)",
                    teaches: """
                        A policy that says full jitter but sleeps the ceiling sends the herd back together: 100 \
                        clients that failed at the same instant all retry 20 ms later, at one instant instead of 100, \
                        and every draw is exactly 40 ms.
                        """),
            ]),
        Lesson(
            id: "system-design.saga-compensation",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Sagas: compensating completed steps in reverse",
            sources: ["Sources/HandbookSystemDesign/SagaCompensation.swift"],
            tests: ["Tests/HandbookSystemDesignTests/SagaCompensationTests.swift"],
            seedTopics: ["system_design: Orchestrator"],
            experiments: [
                Experiment(
                    id: "saga-compensation.compensate-oldest-first",
                    file: "Sources/HandbookSystemDesign/SagaCompensation.swift",
                    original: "if let latest = completedSteps.last { return .compensating(step: latest) }",
                    replacement: "if let latest = completedSteps.first { return .compensating(step: latest) }",
                    caughtBy:
                        "HandbookSystemDesignTests.SagaCompensationTests/(compensatesCompletedStepsInReverse|compensationsReverseCompletedSteps)",
                    teaches: """
                        Undo is a stack. Picking the oldest completed step releases the stock before refunding the \
                        payment that depended on it; here the state machine even compensates step 1 twice and never step 2.
                        """),
                Experiment(
                    id: "saga-compensation.compensate-in-cancelled-task",
                    file: "Sources/HandbookSystemDesign/SagaCompensation.swift",
                    original: "try await Task { try await compensate(context) }.value",
                    replacement: "try await compensate(context)",
                    caughtBy: "HandbookSystemDesignTests.SagaCompensationTests/cancellationCompensatesCompletedSteps",
                    teaches: """
                        Run inline, the compensation inherits the saga's cancellation: its first cancellation check \
                        throws, the stock is never released, and the cancelled checkout leaves a dangling reservation.
                        """),
                Experiment(
                    id: "saga-compensation.start-step-despite-failed-write",
                    file: "Sources/HandbookSystemDesign/SagaCompensation.swift",
                    original: "try await commit(.stepStarted(step.name), to: &state, context, onTransition)",
                    replacement: "_ = await record(.stepStarted(step.name), in: &state, context, onTransition)",
                    caughtBy: "HandbookSystemDesignTests.SagaCompensationTests/failedWriteBeforeAStepCompensates",
                    teaches: """
                        Ignoring the failed write lets step 2 run although the saga log never recorded that it \
                        started: after a crash, recovery would not know to undo it. Write-ahead means the step waits \
                        for the write.
                        """),
            ]),
    ]
}
