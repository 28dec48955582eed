extension Catalogue {
    static let advancedClockLessons: [Lesson] = [
        Lesson(
            id: "advanced.choosing-a-clock",
            phase: 1,
            module: "HandbookAdvanced",
            title: "Choosing a clock: ContinuousClock, SuspendingClock or Date, and tickers that do not drift",
            sources: ["Sources/HandbookAdvanced/ChoosingAClock.swift"],
            tests: ["Tests/HandbookAdvancedTests/ChoosingAClockTests.swift"],
            seedTopics: ["advanced: Context"],
            experiments: [
                Experiment(
                    id: "choosing-a-clock.sleep-for-a-period",
                    file: "Sources/HandbookAdvanced/ChoosingAClock.swift",
                    original: "try await clock.sleep(until: deadline, tolerance: nil)",
                    replacement: "try await clock.sleep(for: period)",
                    caughtBy: "HandbookAdvancedTests.ChoosingAClockTests/(tickerDoesNotDrift|tickerSkipsMissedTicks)",
                    teaches: """
                        Sleeping for a period from now, instead of until the computed deadline, turns Ticker into \
                        the drifting version: with 30 ms of work per round it runs at 100, 230, 360… ms instead of \
                        100, 200, 300…, and with 250 ms of work at 100, 450, 800 instead of 100, 400, 700.
                        """),
                Experiment(
                    id: "choosing-a-clock.fire-missed-ticks-in-a-burst",
                    file: "Sources/HandbookAdvanced/ChoosingAClock.swift",
                    original: "let periods = (late.attoseconds + period.attoseconds - 1) / period.attoseconds",
                    replacement: "let periods: Int128 = 1",
                    caughtBy:
                        "HandbookAdvancedTests.ChoosingAClockTests/(tickerSkipsMissedTicks|nextDeadlineMatchesTheDefinition)",
                    teaches: """
                        Always scheduling one period after the last deadline leaves the next deadlines in the past \
                        after an overrun: the ticks fire back to back at 350 and 600 ms with missedTicks 0, instead \
                        of skipping to 400 and 700, and the property check finds deadlines behind now.
                        """),
            ])
    ]
}
