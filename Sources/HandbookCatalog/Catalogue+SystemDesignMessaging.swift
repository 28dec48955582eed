extension Catalogue {
    static let systemDesignMessagingLessons: [Lesson] = [
        Lesson(
            id: "system-design.pub-sub-broker",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Pub-sub broker: one bounded stream per subscriber, counted drops, unsubscribe on termination",
            sources: ["Sources/HandbookSystemDesign/PubSubBroker.swift"],
            tests: ["Tests/HandbookSystemDesignTests/PubSubBrokerTests.swift"],
            seedTopics: ["system_design: Pub-Sub"],
            experiments: [
                Experiment(
                    id: "pub-sub-broker.drop-silently",
                    file: "Sources/HandbookSystemDesign/PubSubBroker.swift",
                    original: "report.dropped.insert(id)",
                    replacement: "",
                    caughtBy:
                        "HandbookSystemDesignTests.PubSubBrokerTests/(slowSubscriberDropsOldestAndCounts|slowSubscriberDropsNewestAndCounts)",
                    teaches: """
                        Ignoring what `yield` returned is Go's `select { case ch <- m: default: }`: the slow subscriber \
                        still loses 5 messages, but the publisher's report says nothing was dropped (reportedDrops \
                        reads 0, not 5). Only the per-subscriber counter still knows, so a publisher that acts on its \
                        report never sees the loss.
                        """),
                Experiment(
                    id: "pub-sub-broker.unbounded-buffer",
                    file: "Sources/HandbookSystemDesign/PubSubBroker.swift",
                    original: "case .dropOldest(let size): .bufferingNewest(size)",
                    replacement: "case .dropOldest: .unbounded",
                    caughtBy: "HandbookSystemDesignTests.PubSubBrokerTests/slowSubscriberDropsOldestAndCounts",
                    teaches: """
                        With an unbounded buffer the slow subscriber receives all 15 messages and nothing is \
                        dropped: fine in a test, but in production one stalled client makes the broker's memory grow \
                        without limit. The policy must bound it.
                        """),
                Experiment(
                    id: "pub-sub-broker.cancel-does-not-remove",
                    file: "Sources/HandbookSystemDesign/PubSubBroker.swift",
                    original: "await self?.remove(id, from: topic)",
                    replacement: "_ = self",
                    caughtBy: "HandbookSystemDesignTests.PubSubBrokerTests/contract",
                    teaches: """
                        A subscription that cannot be removed is the Go seed's leak: after `cancel()` the broker still \
                        counts the subscriber and keeps yielding into its buffer, so the contract check \
                        "cancel() unsubscribes at once" fails.
                        """),
            ]),
        Lesson(
            id: "system-design.idempotency-keys",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Idempotency keys: an atomic record state machine, replay, 409 and 422, TTL, no cached failures",
            sources: ["Sources/HandbookSystemDesign/IdempotencyKeys.swift"],
            tests: ["Tests/HandbookSystemDesignTests/IdempotencyKeysTests.swift"],
            seedTopics: ["system_design: Idempotency"],
            experiments: [
                Experiment(
                    id: "idempotency-keys.ignore-fingerprint",
                    file: "Sources/HandbookSystemDesign/IdempotencyKeys.swift",
                    original:
                        "guard existing.fingerprint == fingerprint else { return (existing, .fingerprintMismatch) }",
                    replacement: "",
                    caughtBy:
                        "HandbookSystemDesignTests.IdempotencyKeysTests/(keyReuseWithAnotherPayload|recordTransitions|contract)",
                    teaches: """
                        Without the fingerprint comparison a key reused for a different payment (amount 999) replays \
                        the response of the first one (amount 100) instead of failing with 422: the client is told \
                        its new request succeeded when it never ran.
                        """),
                Experiment(
                    id: "idempotency-keys.failed-attempt-keeps-its-claim",
                    file: "Sources/HandbookSystemDesign/IdempotencyKeys.swift",
                    original: "\n                        try await store.fail(key: key, token: token)\n",
                    replacement: "\n",
                    caughtBy: "HandbookSystemDesignTests.IdempotencyKeysTests/failureThenRetryExecutes",
                    teaches: """
                        If a failed attempt does not release its key, the record stays "in progress" until its lease \
                        ends: every retry of a transient failure gets 409 instead of running again.
                        """),
                Experiment(
                    id: "idempotency-keys.lease-is-the-ttl",
                    file: "Sources/HandbookSystemDesign/IdempotencyKeys.swift",
                    original: "records[key], fingerprint: fingerprint, token: .random(), now: clock.now, lease: lease)",
                    replacement:
                        "records[key], fingerprint: fingerprint, token: .random(), now: clock.now, lease: ttl)",
                    caughtBy:
                        "HandbookSystemDesignTests.IdempotencyKeysTests/(abandonedClaimIsTakenOverAfterTheLease|contract|storeMatchesModel)",
                    teaches: """
                        Leasing a claim for the whole 24-hour TTL means a process that dies mid-request blocks its \
                        key: every retry gets 409 for a day. The short lease lets a retry take an abandoned claim over.
                        """),
                Experiment(
                    id: "idempotency-keys.ignore-claim-token",
                    file: "Sources/HandbookSystemDesign/IdempotencyKeys.swift",
                    original:
                        "            guard state == .inProgress(token) else { throw .claimNotHeld }\n            state = .failed\n",
                    replacement: "            state = .failed\n",
                    caughtBy:
                        "HandbookSystemDesignTests.IdempotencyKeysTests/(contract|leaseAndFencing|storeMatchesModel)",
                    teaches: """
                        Without the fencing token, an attempt whose lease ran out can still `fail` the key and \
                        release the live claim of the attempt that took over, letting a third attempt run the same \
                        operation concurrently.
                        """),
                Experiment(
                    id: "idempotency-keys.never-expire",
                    file: "Sources/HandbookSystemDesign/IdempotencyKeys.swift",
                    original: "guard let existing, existing.isLive(at: now) else",
                    replacement: "guard let existing else",
                    caughtBy:
                        "HandbookSystemDesignTests.IdempotencyKeysTests/(expiryLetsTheKeyRunAgain|storeMatchesModel)",
                    teaches: """
                        Ignoring the expiry makes a key outlive its TTL: after 24 hours the request still replays, \
                        and an abandoned in-progress claim blocks its key until something sweeps it \
                        (removeExpired still works; only the lookup stopped checking).
                        """),
            ]),
    ]
}
