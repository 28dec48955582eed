extension Catalogue {
    static let systemDesignRateLessons: [Lesson] = [
        Lesson(
            id: "system-design.token-bucket-rate-limiter",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Token bucket rate limiter: a pure value-type bucket, keyed limiters and the RateLimiter contract",
            sources: ["Sources/HandbookSystemDesign/TokenBucketRateLimiter.swift"],
            tests: [
                "Tests/HandbookSystemDesignTests/TokenBucketRateLimiterTests.swift",
                "Tests/HandbookSystemDesignTests/NanosecondTokenBucketTests.swift",
            ],
            seedTopics: ["system_design: Rate Limiter"],
            checklist: ["Rate Limiter - Can you implement token bucket algorithm?"],
            questions: ["Implement a rate limiter"],
            experiments: [
                Experiment(
                    id: "token-bucket.nanoseconds-wrapping-multiply",
                    file: "Sources/HandbookSystemDesign/TokenBucketRateLimiter.swift",
                    original: "let (earned, earnedOverflow) = elapsed.multipliedReportingOverflow(by: tokensPerPeriod)",
                    replacement: "let (earned, earnedOverflow) = (elapsed &* tokensPerPeriod, false)",
                    caughtBy: "HandbookSystemDesignTests.NanosecondTokenBucketTests/longIdleDoesNotOverflow",
                    teaches: """
                        Integer nanoseconds are fast but finite: elapsed time × tokens per period overflows \
                        after a long idle, and wrapping arithmetic turns "full" into a small or negative credit. \
                        2⁶² ns × 4 wraps to exactly 0, and the idle key is refused instead of refilled.
                        """),
                Experiment(
                    id: "token-bucket-rate-limiter.remove-refill-clamp",
                    file: "Sources/HandbookSystemDesign/TokenBucketRateLimiter.swift",
                    original: "credit = min(credit + (now - last), fullCredit)",
                    replacement: "credit = credit + (now - last)",
                    caughtBy:
                        "HandbookSystemDesignTests.TokenBucketRateLimiterTests/(idleBucketIsClamped|matchesTickOracle)",
                    teaches: """
                        Without the clamp a bucket idle for an hour holds 3 600 tokens instead of 5: a quiet client \
                        earns an unbounded burst. The capacity is the burst limit only because refill stops at it.
                        """),
                Experiment(
                    id: "token-bucket-rate-limiter.strict-comparison",
                    file: "Sources/HandbookSystemDesign/TokenBucketRateLimiter.swift",
                    original: "guard credit >= needed else",
                    replacement: "guard credit > needed else",
                    caughtBy:
                        "HandbookSystemDesignTests.TokenBucketRateLimiterTests/(fractionalTokens|oneSecondRefillsOneToken)",
                    teaches: """
                        With `>` a request that has exactly enough tokens is denied: a full one-token bucket refuses \
                        its very first request (retryAfter 0), and a 5-token bucket bursts only 4. Exact `Duration` \
                        arithmetic makes the boundary testable; with `Double` tokens it would flicker.
                        """),
                Experiment(
                    id: "token-bucket-rate-limiter.never-sweep-idle-keys",
                    file: "Sources/HandbookSystemDesign/TokenBucketRateLimiter.swift",
                    original: "if now - lastSweep >= sweepInterval { evictIdle(at: now) }",
                    replacement: "",
                    caughtBy: "HandbookSystemDesignTests.TokenBucketRateLimiterTests/idleKeysAreEvicted",
                    teaches: """
                        Without the sweep every key ever seen keeps its bucket: 1 000 one-off users stay in memory \
                        for ever. A full bucket equals a fresh one, so dropping it is free.
                        """),
                Experiment(
                    id: "token-bucket-rate-limiter.unbounded-key-set",
                    file: "Sources/HandbookSystemDesign/TokenBucketRateLimiter.swift",
                    original:
                        "if let maximumKeys, table.states.count >= maximumKeys, table.states[key] == nil { key = Self.overflowKey }",
                    replacement: "",
                    caughtBy: "HandbookSystemDesignTests.TokenBucketRateLimiterTests/lockedLimiterBoundsItsKeys",
                    teaches: """
                        Without the bound, whoever chooses the keys chooses the memory: a client that invents a key \
                        per request allocates a bucket per request, and each one starts full, so the limit never \
                        applies. With it, new keys beyond the bound share one bucket until maintenance evicts idle ones.
                        """),
            ]),
        Lesson(
            id: "system-design.sliding-window-rate-limiter",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Sliding windows: fixed window vs sliding log vs sliding counter, and distributed limiting",
            sources: ["Sources/HandbookSystemDesign/SlidingWindowRateLimiter.swift"],
            tests: ["Tests/HandbookSystemDesignTests/SlidingWindowRateLimiterTests.swift"],
            seedTopics: ["system_design: Rate Limiter"],
            questions: ["Implement a rate limiter"],
            experiments: [
                Experiment(
                    id: "sliding-window-rate-limiter.log-expiry-off-by-one",
                    file: "Sources/HandbookSystemDesign/SlidingWindowRateLimiter.swift",
                    original: "let expired = timestamps.prefix { $0 <= now - window }.count",
                    replacement: "let expired = timestamps.prefix { $0 < now - window }.count",
                    caughtBy:
                        "HandbookSystemDesignTests.SlidingWindowRateLimiterTests/(logRetryAfterIsExact|logMatchesBruteForce)",
                    teaches: """
                        Keeping entries that are exactly one window old makes the window closed at both ends: the \
                        requests at t = 1 s are denied although the ones at t = 0 have left the window, and the \
                        brute-force oracle disagrees.
                        """),
                Experiment(
                    id: "sliding-window-rate-limiter.counter-ignores-previous-window",
                    file: "Sources/HandbookSystemDesign/SlidingWindowRateLimiter.swift",
                    original: "let allowed = left * previous + window * (current + cost) <= window * limit",
                    replacement: "let allowed = window * (current + cost) <= window * limit",
                    caughtBy:
                        "HandbookSystemDesignTests.SlidingWindowRateLimiterTests/(boundaryBurst|counterWeightsPreviousWindow)",
                    teaches: """
                        Dropping the weighted previous count turns the sliding counter back into a fixed window: \
                        10 requests at 0.9 s and 10 at 1.1 s are all admitted, the 2× boundary burst it exists to stop.
                        """),
            ]),
        Lesson(
            id: "system-design.backpressure-and-load-shedding",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Backpressure and load shedding: a bulkhead with a bounded queue, queue deadlines and Little's law",
            sources: ["Sources/HandbookSystemDesign/BackpressureAndLoadShedding.swift"],
            tests: ["Tests/HandbookSystemDesignTests/BackpressureAndLoadSheddingTests.swift"],
            experiments: [
                Experiment(
                    id: "backpressure-and-load-shedding.queue-bound-off-by-one",
                    file: "Sources/HandbookSystemDesign/BackpressureAndLoadShedding.swift",
                    original: "order.count >= length",
                    replacement: "order.count > length",
                    caughtBy: "HandbookSystemDesignTests.BackpressureAndLoadSheddingTests/boundedQueueShedsTheExcess",
                    teaches: """
                        With `>` the queue holds one more than configured: 9 wait and only 7 of the 20 are shed. \
                        Exact counts from a gated burst catch the off-by-one that a load test would blur.
                        """),
                Experiment(
                    id: "backpressure-and-load-shedding.release-only-on-success",
                    file: "Sources/HandbookSystemDesign/BackpressureAndLoadShedding.swift",
                    original: "        } catch {\n            await leave()\n            throw error",
                    replacement: "        } catch {\n            throw error",
                    caughtBy:
                        "HandbookSystemDesignTests.BackpressureAndLoadSheddingTests/throwingOperationReleasesTheSlot",
                    teaches: """
                        If a throwing operation keeps its slot, every failure leaks capacity: after one error a \
                        bulkhead of 1 sheds every later request as if it were overloaded.
                        """),
            ]),
    ]
}
