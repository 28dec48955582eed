extension Catalogue {
    static let patternsResilienceLessons: [Lesson] = [
        Lesson(
            id: "patterns.circuit-breaker",
            phase: 3,
            module: "HandbookPatterns",
            title: "Circuit breaker with a single half-open probe",
            sources: ["Sources/HandbookPatterns/CircuitBreaker.swift"],
            tests: ["Tests/HandbookPatternsTests/CircuitBreakerTests.swift"],
            seedTopics: ["patterns: Circuit Breaker"],
            experiments: [
                Experiment(
                    id: "circuit-breaker.admit-every-half-open-caller",
                    file: "Sources/HandbookPatterns/CircuitBreaker.swift",
                    original: "return .rejected(.halfOpenProbeInFlight)",
                    replacement: "return startProbe(at: now)",
                    caughtBy: "HandbookPatternsTests.CircuitBreakerTests/exactlyOneProbe",
                    teaches: """
                        This is the Go seed's half-open: every caller that arrives while the probe is running is \
                        let through, so a dependency that may still be down gets 11 calls instead of 1. The test \
                        holds the probe with a Gate and counts the operation's invocations.
                        """),
                Experiment(
                    id: "circuit-breaker.failed-probe-does-not-reopen",
                    file: "Sources/HandbookPatterns/CircuitBreaker.swift",
                    original: "state = .open(until: now.advanced(by: resetTimeout))",
                    replacement: "state = .halfOpen(probeStartedAt: nil)",
                    caughtBy: "HandbookPatternsTests.CircuitBreakerTests/probeFailureReopens",
                    teaches: """
                        A failed probe must reopen the breaker with a fresh timer. Without it the next caller \
                        becomes another probe at once, and a sick dependency is hit once per request instead of \
                        once per resetTimeout.
                        """),
                Experiment(
                    id: "circuit-breaker.success-keeps-failure-count",
                    file: "Sources/HandbookPatterns/CircuitBreaker.swift",
                    original: "case (.closed, _):\n                state = .closed(failures: 0)",
                    replacement: "case (.closed, _):\n                break",
                    caughtBy: "HandbookPatternsTests.CircuitBreakerTests/successResetsCount",
                    teaches: """
                        Without the reset the breaker counts total failures, not consecutive ones: a healthy \
                        service with an occasional error is eventually cut off. The test interleaves two \
                        failures and a success and sees the breaker open.
                        """),
                Experiment(
                    id: "circuit-breaker.never-abandon-a-probe",
                    file: "Sources/HandbookPatterns/CircuitBreaker.swift",
                    original: "return startProbe(at: now)  // the old probe is abandoned; its permit is now stale",
                    replacement: "return .rejected(.halfOpenProbeInFlight)",
                    caughtBy:
                        "HandbookPatternsTests.CircuitBreakerTests/(machineReplacesAnAbandonedProbe|hungProbeIsReplaced)",
                    teaches: """
                        A probe that never returns then keeps the breaker half-open for ever: every call is \
                        rejected although the dependency may have recovered long ago, and nothing but a restart \
                        gets the service out.
                        """),
                Experiment(
                    id: "circuit-breaker.count-stale-failures",
                    file: "Sources/HandbookPatterns/CircuitBreaker.swift",
                    original:
                        "guard permit.generation == generation else { return }\n            switch (state, permit) {\n            case (.closed(let failures), _):",
                    replacement: "switch (state, permit) {\n            case (.closed(let failures), _):",
                    caughtBy:
                        "HandbookPatternsTests.CircuitBreakerTests/(machineIgnoresOutcomesFromAnEarlierClosedPeriod|hungProbeIsReplaced)",
                    teaches: """
                        Without the generation check, a call admitted before the outage (or an abandoned probe) \
                        fails late and counts against the freshly closed breaker, which can reopen it on old news.
                        """),
                Experiment(
                    id: "circuit-breaker.rate-ignores-minimum-calls",
                    file: "Sources/HandbookPatterns/CircuitBreaker.swift",
                    original: "guard window.count >= minimumCalls else { return false }",
                    replacement: "guard window.count >= 1 else { return false }",
                    caughtBy:
                        "HandbookPatternsTests.CircuitBreakerTests/(minimumCallsGateTheVerdict|rateRuleMatchesASlidingWindowOracle)",
                    teaches: """
                        Judging the rate from the first call opens the breaker on one startup failure (1 of 1 is \
                        100 %); with minimumCalls 5 the first four failures must be held as evidence, not a verdict.
                        """),
                Experiment(
                    id: "circuit-breaker.window-never-forgets-a-failure",
                    file: "Sources/HandbookPatterns/CircuitBreaker.swift",
                    original: "failures -= Int(evicted & 1)",
                    replacement: "",
                    caughtBy: "HandbookPatternsTests.CircuitBreakerTests/rateRuleMatchesASlidingWindowOracle",
                    teaches: """
                        A failure that slides out of the window still counts: the rate creeps up over a long run of \
                        mostly successful calls, and the property test finds a stream where the machine opens but \
                        the last-N oracle says it should not.
                        """),
            ]),
        Lesson(
            id: "patterns.retry-with-backoff",
            phase: 3,
            module: "HandbookPatterns",
            title: "Retry with capped exponential backoff and full jitter",
            sources: ["Sources/HandbookPatterns/RetryWithBackoff.swift"],
            tests: ["Tests/HandbookPatternsTests/RetryWithBackoffTests.swift"],
            seedTopics: ["patterns: Retry"],
            experiments: [
                Experiment(
                    id: "retry-with-backoff.remove-cap",
                    file: "Sources/HandbookPatterns/RetryWithBackoff.swift",
                    original: "return min(ceiling, maxDelay)",
                    replacement: "return ceiling",
                    caughtBy: "HandbookPatternsTests.RetryWithBackoffTests/delaysStayWithinTheCappedCeiling",
                    teaches: """
                        Without the final clamp the last doubling overshoots maxDelay by up to 2x, and the \
                        property test finds a seed and retry index whose delay lies above min(cap, base·2^i).
                        """),
                Experiment(
                    id: "retry-with-backoff.swallow-cancellation",
                    file: "Sources/HandbookPatterns/RetryWithBackoff.swift",
                    original:
                        "try await clock.sleep(until: wakeUp, tolerance: nil)\n                try Task.checkCancellation()",
                    replacement: "try? await clock.sleep(until: wakeUp, tolerance: nil)",
                    caughtBy: "HandbookPatternsTests.RetryWithBackoffTests/cancellationDuringBackoffStops",
                    teaches: """
                        try? turns "the caller went away" into "the backoff ended early": the cancelled task \
                        fires its remaining attempts back to back and reports a gateway error instead of \
                        CancellationError.
                        """),
                Experiment(
                    id: "retry-with-backoff.sleep-past-deadline",
                    file: "Sources/HandbookPatterns/RetryWithBackoff.swift",
                    original: "if let deadline, wakeUp >= deadline { throw error }",
                    replacement: "",
                    caughtBy: "HandbookPatternsTests.RetryWithBackoffTests/deadlineStopsRetries",
                    teaches: """
                        Without the check the retrier sleeps through the caller's deadline and starts attempts \
                        nobody is waiting for any more; the test records attempt start times past the deadline.
                        """),
            ]),
    ]
}
