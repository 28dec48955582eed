extension Catalogue {
    static let internalsARCLessons: [Lesson] = [
        Lesson(
            id: "internals.arc-internals",
            phase: 2,
            module: "HandbookInternals",
            title: "ARC internals: header, counts, side table, Unmanaged",
            sources: ["Sources/HandbookInternals/ARCInternals.swift"],
            tests: ["Tests/HandbookInternalsTests/ARCInternalsTests.swift"],
            seedTopics: ["internals: Garbage Collector Internals"],
            questions: ["How does Go's garbage collector work?"],
            experiments: [
                Experiment(
                    id: "arc-internals.skip-uniqueness-check",
                    file: "Sources/HandbookInternals/ARCInternals.swift",
                    original: "if !isKnownUniquelyReferenced(&storage) {",
                    replacement: "if false {",
                    caughtBy: "HandbookInternalsTests.ARCInternalsTests/copyOnWriteCopiesOnlyWhenShared",
                    teaches: """
                        Without the isKnownUniquelyReferenced guard the box writes into storage it shares: setting \
                        the copy to 3 changes the original too. The strong count is what makes copy-on-write safe.
                        """),
                Experiment(
                    id: "arc-internals.take-unretained-value",
                    file: "Sources/HandbookInternals/ARCInternals.swift",
                    original: "Unmanaged<Probe>.fromOpaque(context).takeRetainedValue()",
                    replacement: "Unmanaged<Probe>.fromOpaque(context).takeUnretainedValue()",
                    caughtBy: "HandbookInternalsTests.ARCInternalsTests/unmanagedRetainIsBalanced",
                    teaches: """
                        takeUnretainedValue() leaves the retain from passRetained unbalanced: after the callback fires \
                        the object is still alive with nobody able to release it, so deinit never runs. Every \
                        passRetained needs exactly one takeRetainedValue() or release().
                        """),
            ])
    ]
}
