extension Catalogue {
    static let concurrencySafetyLessons: [Lesson] = [
        Lesson(
            id: "concurrency.data-race-safety",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Data-race safety: the compiler and ThreadSanitizer",
            sources: ["Sources/HandbookConcurrency/DataRaceSafety.swift"],
            tests: ["Tests/HandbookConcurrencyTests/DataRaceSafetyTests.swift"],
            checklist: ["Race Conditions - Can you identify and fix data races?"],
            experiments: [
                Experiment(
                    id: "data-race-safety.drop-unchecked",
                    file: "Sources/HandbookConcurrency/DataRaceSafety.swift",
                    original: "public final class UncheckedCounter: Counter, @unchecked Sendable {",
                    replacement: "public final class UncheckedCounter: Counter, Sendable {",
                    caughtBy: "HandbookConcurrencyTests.DataRaceSafetyTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Without @unchecked the compiler checks the Sendable claim and rejects the class: "stored \
                        property 'count' of 'Sendable'-conforming class 'UncheckedCounter' is mutable". The racy \
                        counter only compiled because @unchecked switched the checker off.
                        """)
            ]),
        Lesson(
            id: "concurrency.sendable-and-region-isolation",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Sendable, region isolation and sending",
            sources: ["Sources/HandbookConcurrency/SendableAndRegionIsolation.swift"],
            tests: ["Tests/HandbookConcurrencyTests/SendableAndRegionIsolationTests.swift"],
            experiments: [
                Experiment(
                    id: "sendable-and-region-isolation.drop-sending-result",
                    file: "Sources/HandbookConcurrency/SendableAndRegionIsolation.swift",
                    original: "public func makeDraft(title: String) -> sending Draft {",
                    replacement: "public func makeDraft(title: String) -> Draft {",
                    caughtBy: "HandbookConcurrencyTests.SendableAndRegionIsolationTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Without `sending`, the draft the factory returns stays in the actor's region: the caller \
                        is told "non-Sendable 'Draft'-typed result can not be returned from actor-isolated \
                        instance method", so it cannot hand the draft to another task.
                        """),
                Experiment(
                    id: "sendable-and-region-isolation.mutable-limits",
                    file: "Sources/HandbookConcurrency/SendableAndRegionIsolation.swift",
                    original: "public let maxConnections: Int",
                    replacement: "public var maxConnections: Int",
                    caughtBy: "HandbookConcurrencyTests.SendableAndRegionIsolationTests",
                    expect: .doesNotCompile,
                    teaches: """
                        A Sendable class may not have a mutable stored property: one `var` gives "stored property \
                        'maxConnections' of 'Sendable'-conforming class 'ConnectionLimits' is mutable". Shared \
                        configuration stays `let`, or its mutable part goes behind a Mutex.
                        """),
            ]),
        Lesson(
            id: "concurrency.actors-and-reentrancy",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Actors and reentrancy",
            sources: ["Sources/HandbookConcurrency/ActorsAndReentrancy.swift"],
            tests: ["Tests/HandbookConcurrencyTests/ActorsAndReentrancyTests.swift"],
            experiments: [
                Experiment(
                    id: "actors-and-reentrancy.no-recheck-after-await",
                    file: "Sources/HandbookConcurrency/ActorsAndReentrancy.swift",
                    original: """
                        guard await approve(amount) else { throw .declined(amount) }
                                    guard balance >= amount else { throw .insufficientFunds(balance: balance, requested: amount) }
                                    balance -= amount
                                    return balance
                        """,
                    replacement: """
                        guard await approve(amount) else { throw .declined(amount) }
                                    balance -= amount
                                    return balance
                        """,
                    caughtBy: "HandbookConcurrencyTests.ActorsAndReentrancyTests/fixedBankAllowsOneWithdrawal",
                    teaches: """
                        Without the re-check after `await approve`, the fixed bank is the reentrant one again: \
                        the parked withdrawal resumes on a stale check, both withdrawals succeed and the balance \
                        ends at -60 instead of 20.
                        """),
                Experiment(
                    id: "actors-and-reentrancy.forget-in-flight-task",
                    file: "Sources/HandbookConcurrency/ActorsAndReentrancy.swift",
                    original: "            inFlight = task\n",
                    replacement: "",
                    caughtBy: "HandbookConcurrencyTests.ActorsAndReentrancyTests/inFlightLoadIsShared",
                    teaches: """
                        If the Task is not stored before the first suspension, callers that arrive during the load \
                        see no cache and no load in flight, and start loads of their own.
                        """),
                Experiment(
                    id: "actors-and-reentrancy.never-join-the-load-in-flight",
                    file: "Sources/HandbookConcurrency/ActorsAndReentrancy.swift",
                    original: """
                        if let inFlight {
                                        onJoin()
                                        return await inFlight.value
                                    }

                        """,
                    replacement: "",
                    caughtBy: "HandbookConcurrencyTests.ActorsAndReentrancyTests/inFlightLoadIsShared",
                    teaches: """
                        Storing the Task is not enough: a caller that arrives while it runs must await it. Without \
                        that branch the callers that arrive during the load start loads of their own: loadsStarted \
                        is at least 2 (up to 10, depending on how many arrive before the cache is filled) instead \
                        of 1, although hasLoadInFlight read true.
                        """),
            ]),
    ]
}
