extension Catalogue {
    static let systemDesignProbabilisticLessons: [Lesson] = [
        Lesson(
            id: "system-design.bloom-filter",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Bloom filters: no false negatives, a tunable false-positive rate",
            sources: ["Sources/HandbookSystemDesign/BloomFilter.swift"],
            tests: ["Tests/HandbookSystemDesignTests/BloomFilterTests.swift"],
            seedTopics: ["system_design: Cache"],
            experiments: [
                Experiment(
                    id: "bloom-filter.probe-one-bit",
                    file: "Sources/HandbookSystemDesign/BloomFilter.swift",
                    original: "let step = 1 + Self.fmix64(hash ^ 0x9E37_79B9_7F4A_7C15) % max(m - 1, 1)",
                    replacement: "let step: UInt64 = 0",
                    caughtBy:
                        "HandbookSystemDesignTests.BloomFilterTests/(measuredFalsePositiveRateIsNearTheTarget|bitPositionsAreStableAcrossProcesses)",
                    teaches: """
                        With a step of 0 all seven probes of a key land on one bit, so the filter behaves as if k were \
                        1: 994 of 10 000 absent keys (9.9 %) look present instead of about 1 %, and the positions of \
                        "user:42" collapse to one bit repeated seven times.
                        """),
                Experiment(
                    id: "bloom-filter.size-without-the-square",
                    file: "Sources/HandbookSystemDesign/BloomFilter.swift",
                    original: "/ (ln2 * ln2)).rounded(.up)",
                    replacement: "/ ln2).rounded(.up)",
                    caughtBy:
                        "HandbookSystemDesignTests.BloomFilterTests/(sizingMatchesTheFormulas|measuredFalsePositiveRateIsNearTheTarget)",
                    teaches: """
                        Dividing by ln 2 instead of (ln 2)² sizes 10 000 keys at 1 % with 66 439 bits and 5 hashes \
                        instead of 95 851 and 7: every row of the sizing table is wrong, and about 4.5 % of absent keys \
                        look present instead of 1 %.
                        """),
                Experiment(
                    id: "bloom-filter.union-with-and",
                    file: "Sources/HandbookSystemDesign/BloomFilter.swift",
                    original: "result.words[index] |= other.words[index]",
                    replacement: "result.words[index] &= other.words[index]",
                    caughtBy: "HandbookSystemDesignTests.BloomFilterTests/unionEqualsTheFilterOfBothKeySets",
                    teaches: """
                        AND keeps only the bits that both filters set, which is no union at all: every one of the 1 000 \
                        inserted keys now reads "definitely not present", the false negative a Bloom filter must never \
                        give.
                        """),
            ]),
        Lesson(
            id: "system-design.count-min-sketch",
            phase: 3,
            module: "HandbookSystemDesign",
            title:
                "Count-min sketch: counts that never undercount in fixed memory, and heavy hitters under key spraying",
            sources: ["Sources/HandbookSystemDesign/CountMinSketch.swift"],
            tests: ["Tests/HandbookSystemDesignTests/CountMinSketchTests.swift"],
            seedTopics: ["system_design: Rate Limiter"],
            experiments: [
                Experiment(
                    id: "count-min-sketch.estimate-with-max",
                    file: "Sources/HandbookSystemDesign/CountMinSketch.swift",
                    original: "cells.lazy.map { counters[$0] }.min() ?? 0",
                    replacement: "cells.lazy.map { counters[$0] }.max() ?? 0",
                    caughtBy: "HandbookSystemDesignTests.CountMinSketchTests/errorBoundHoldsOnAZipfStream",
                    teaches: """
                        Taking the largest cell reports the most-collided row instead of the least: 943 of 3 823 keys \
                        (25 %) are overestimated by more than εN = 500, where the bound allows 1 %.
                        """),
                Experiment(
                    id: "count-min-sketch.conservative-sets-cells",
                    file: "Sources/HandbookSystemDesign/CountMinSketch.swift",
                    original: "for cell in cells { counters[cell] = max(counters[cell], target) }",
                    replacement: "for cell in cells { counters[cell] = target }",
                    caughtBy:
                        "HandbookSystemDesignTests.CountMinSketchTests/neverUnderestimatesAgainstADictionaryOracle",
                    teaches: """
                        Setting every cell to estimate + count lowers cells that other keys had already raised above it, \
                        so their estimates fall below their true counts: the property test finds keys estimated below \
                        the dictionary's count.
                        """),
                Experiment(
                    id: "count-min-sketch.wrapping-counters",
                    file: "Sources/HandbookSystemDesign/CountMinSketch.swift",
                    original: "counters[cell] = overflow ? Counter.max : sum",
                    replacement: "counters[cell] = sum",
                    caughtBy: "HandbookSystemDesignTests.CountMinSketchTests/countersSaturateOrThrow",
                    teaches: """
                        Keeping the wrapped sum turns 200 + 100 in a UInt8 counter into 44: a heavy key suddenly looks \
                        light, the one error a sketch must never make (it may only overcount).
                        """),
            ]),
        Lesson(
            id: "system-design.retry-budget",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Retry budgets and deadline propagation: bounded retries and a deadline that only shrinks",
            sources: ["Sources/HandbookSystemDesign/RetryBudget.swift"],
            tests: ["Tests/HandbookSystemDesignTests/RetryBudgetTests.swift"],
            seedTopics: ["patterns: Retry"],
            experiments: [
                Experiment(
                    id: "retry-budget.budget-ignores-the-ratio",
                    file: "Sources/HandbookSystemDesign/RetryBudget.swift",
                    original: "guard retries < policy.allowance(requests: requests) else { return false }",
                    replacement: "_ = (requests, retries)",
                    caughtBy:
                        "HandbookSystemDesignTests.RetryBudgetTests/(budgetRefusesRetriesBeyondTheRatio|budgetsStopRetryAmplification)",
                    teaches: """
                        Without the allowance check every retry is granted: 50 requests get all 6 retries asked for, and \
                        the three-layer chain sends 2 700 database calls for 100 requests, the same 27 × as having no \
                        budget.
                        """),
                Experiment(
                    id: "retry-budget.deadline-checked-once",
                    file: "Sources/HandbookSystemDesign/RetryBudget.swift",
                    original: "if let deadline = RequestDeadline.current {",
                    replacement: "if number == 1, let deadline = RequestDeadline.current {",
                    caughtBy: "HandbookSystemDesignTests.RetryBudgetTests/retriesStopAtTheDeadline",
                    teaches: """
                        Checking the deadline only before the first attempt lets the retries run with no timeout at all: \
                        the log shows one 990 ms attempt, then nine with none, and the loop gives up at 3 s, two seconds \
                        after the deadline.
                        """),
                Experiment(
                    id: "retry-budget.serve-ignores-the-callers-timeout",
                    file: "Sources/HandbookSystemDesign/RetryBudget.swift",
                    original:
                        "let offered = try timeoutHeader.map(parseGrpcTimeout).map { min($0, maximum) } ?? maximum",
                    replacement: "let offered = maximum",
                    caughtBy: "HandbookSystemDesignTests.RetryBudgetTests/propagatedDeadlineShrinksAcrossHops",
                    teaches: """
                        A server that ignores the incoming grpc-timeout gives each hop its own 30 s maximum: api offers \
                        search 29 790 ms instead of 780 ms, and search calls storage although the client's own \
                        deadline leaves only 490 ms, below storage's 500 ms minimum: work for an answer nobody \
                        will wait for.
                        """),
                Experiment(
                    id: "retry-budget.no-safety-margin",
                    file: "Sources/HandbookSystemDesign/RetryBudget.swift",
                    original: "let offered = remaining - hop.safetyMargin",
                    replacement: "let offered = remaining",
                    caughtBy:
                        "HandbookSystemDesignTests.RetryBudgetTests/(propagatedDeadlineShrinksAcrossHops|retriesStopAtTheDeadline)",
                    teaches: """
                        Forwarding the full remaining time sends 1 000, 800 and then 500 ms: storage just meets its 500 \
                        ms minimum and is called with nothing left for the transit, and the retry test sees a 4th \
                        attempt offered only 100 ms.
                        """),
            ]),
    ]
}
