extension Catalogue {
    static let concurrencyNonsendingLessons: [Lesson] = [
        Lesson(
            id: "concurrency.nonsending-cpu-work",
            phase: 2,
            module: "HandbookConcurrency",
            title: "CPU work in nonisolated async helpers: it holds the calling actor unless @concurrent (SE-0461)",
            sources: ["Sources/HandbookConcurrency/NonsendingCPUWork.swift"],
            tests: ["Tests/HandbookConcurrencyTests/NonsendingCPUWorkTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "nonsending-cpu-work.drop-concurrent",
                    file: "Sources/HandbookConcurrency/NonsendingCPUWork.swift",
                    original: "@concurrent public static func fingerprintConcurrently(",
                    replacement: "public static func fingerprintConcurrently(",
                    caughtBy:
                        "HandbookConcurrencyTests.NonsendingCPUWorkTests/(isolationOfEachHelper|concurrentHelperLeavesTheActorFree)",
                    teaches: """
                        Without @concurrent the fix is a plain nonsending helper again: it reports the store as its \
                        isolation, and while it waits on the store's queue for count(), count cannot run. After the \
                        test's 10-second bound the log reads digest started, count could not run, digest finished, \
                        count ran.
                        """),
                Experiment(
                    id: "nonsending-cpu-work.helper-made-concurrent",
                    file: "Sources/HandbookConcurrency/NonsendingCPUWork.swift",
                    original: "nonisolated(nonsending) public static func fingerprint(",
                    replacement: "@concurrent public static func fingerprint(",
                    caughtBy:
                        "HandbookConcurrencyTests.NonsendingCPUWorkTests/(isolationOfEachHelper|nonsendingHelperHoldsTheActor)",
                    teaches: """
                        Marking the pitfall helper @concurrent moves the digest off the actor: its #isolation is nil \
                        instead of the store, and the queued count() is free to run before the digest finishes. \
                        One attribute decides whether the actor is held.
                        """),
            ])
    ]
}
