extension Catalogue {
    static let systemDesignConsistencyLessons: [Lesson] = [
        Lesson(
            id: "system-design.transactional-outbox",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Transactional outbox: at-least-once events, exactly-once effects through an inbox",
            sources: ["Sources/HandbookSystemDesign/TransactionalOutbox.swift"],
            tests: ["Tests/HandbookSystemDesignTests/TransactionalOutboxTests.swift"],
            seedTopics: ["system_design: Pub-Sub", "system_design: Idempotency"],
            experiments: [
                Experiment(
                    id: "transactional-outbox.mark-sent-before-publish",
                    file: "Sources/HandbookSystemDesign/TransactionalOutbox.swift",
                    original: "try crash(at: .relayBeforePublish(row.message.id))",
                    replacement: """
                        await database.transaction { tables in tables.markSent(row.id) }
                                        try crash(at: .relayBeforePublish(row.message.id))
                        """,
                    caughtBy: "HandbookSystemDesignTests.TransactionalOutboxTests/relayCrashBeforePublishLosesNothing",
                    teaches: """
                        The relay now marks the row sent before publishing it. It crashes in between, and the \
                        restarted relay finds no unsent row: it publishes 0 events and the consumer never sees the \
                        order. That is at-most-once delivery; the mark must follow the broker's confirmation.
                        """),
                Experiment(
                    id: "transactional-outbox.consumer-without-inbox-check",
                    file: "Sources/HandbookSystemDesign/TransactionalOutbox.swift",
                    original: """
                                        if deduplication == .inbox, tables.inbox.contains(message.id) { return .duplicate }

                        """,
                    replacement: "",
                    caughtBy:
                        "HandbookSystemDesignTests.TransactionalOutboxTests/(crashAfterPublishRedeliversAndTheInboxAppliesOnce|consumerCrashBeforeAcknowledgeIsDeduplicated)",
                    teaches: """
                        Without the inbox check, the event the relay published twice is applied twice (the timeline \
                        reads placed, placed), and so is the delivery the broker repeated after the consumer crashed \
                        before its ack. The outbox is at least once; only the consumer makes the effect exactly once.
                        """),
                Experiment(
                    id: "transactional-outbox.message-id-minted-at-publish",
                    file: "Sources/HandbookSystemDesign/TransactionalOutbox.swift",
                    original: "await broker.publish(row.message)",
                    replacement: """
                        await broker.publish(Message(id: MessageID(rawValue: "\\(row.message.id)-\\(UInt64.random(in: 0...UInt64.max))"), key: row.message.key, payload: row.message.payload))
                        """,
                    caughtBy:
                        "HandbookSystemDesignTests.TransactionalOutboxTests/crashAfterPublishRedeliversAndTheInboxAppliesOnce",
                    teaches: """
                        With a fresh id per publish, the two copies the relay sent after its crash carry different \
                        ids, so the inbox takes both for new messages and the order is shipped twice. A message's id \
                        must be fixed in the producer's transaction (the outbox row's).
                        """),
            ]),
        Lesson(
            id: "system-design.fencing-tokens",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Fencing tokens: a lease is not mutual exclusion until the resource checks a token",
            sources: ["Sources/HandbookSystemDesign/FencingTokens.swift"],
            tests: ["Tests/HandbookSystemDesignTests/FencingTokensTests.swift"],
            experiments: [
                Experiment(
                    id: "fencing-tokens.no-term-bump-on-takeover",
                    file: "Sources/HandbookSystemDesign/FencingTokens.swift",
                    original: """
                                    term += 1

                        """,
                    replacement: "",
                    caughtBy:
                        "HandbookSystemDesignTests.FencingTokensTests/(pausedHolderIsFencedAfterTakeover|tokensStrictlyIncreaseAcrossTakeovers)",
                    teaches: """
                        Without the term bump every lease gets token #0, so the paused holder's token equals the \
                        highest the storage has seen: its late write is accepted and replaces the new holder's report. \
                        Tokens must grow with every takeover or the resource cannot tell old from new.
                        """),
                Experiment(
                    id: "fencing-tokens.take-over-a-second-early",
                    file: "Sources/HandbookSystemDesign/FencingTokens.swift",
                    original: "if let current, now < current.expiresAt { return nil }",
                    replacement: "if let current, now < current.expiresAt.advanced(by: .seconds(-1)) { return nil }",
                    caughtBy:
                        "HandbookSystemDesignTests.FencingTokensTests/(takeoverOnlyAfterExpiry|atMostOneLiveLeaseAtEveryInstant)",
                    teaches: """
                        A takeover allowed one second before expiry (as when a contender's clock runs a second ahead) \
                        grants B the lease 1 ns before A's ends, and the random sequences find instants where two \
                        contenders both hold a live lease.
                        """),
            ]),
        Lesson(
            id: "system-design.optimistic-concurrency",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Optimistic concurrency: version columns, ETag and If-Match against lost updates",
            sources: ["Sources/HandbookSystemDesign/OptimisticConcurrency.swift"],
            tests: ["Tests/HandbookSystemDesignTests/OptimisticConcurrencyTests.swift"],
            experiments: [
                Experiment(
                    id: "optimistic-concurrency.put-checks-but-writes-blindly",
                    file: "Sources/HandbookSystemDesign/OptimisticConcurrency.swift",
                    original: "let row = try await repository.update(id, to: value, expecting: condition.expectation)",
                    replacement: "let row = try await repository.update(id, to: value, expecting: .exists)",
                    caughtBy:
                        "HandbookSystemDesignTests.OptimisticConcurrencyTests/(staleIfMatchGets412|weakAndNonCanonicalTagsNeverMatch)",
                    teaches: """
                        The endpoint still parses If-Match but writes without its version: Bob's PUT with the stale \
                        "v1" gets 200 and erases Alice's change, and so do a weak tag and "v01". The precondition \
                        must be in the write's WHERE.
                        """),
                Experiment(
                    id: "optimistic-concurrency.weak-tags-match",
                    file: "Sources/HandbookSystemDesign/OptimisticConcurrency.swift",
                    original: "case .tags(let tags): .anyOf(Set(tags.filter { !$0.isWeak }.compactMap(\\.version)))",
                    replacement: "case .tags(let tags): .anyOf(Set(tags.compactMap(\\.version)))",
                    caughtBy:
                        "HandbookSystemDesignTests.OptimisticConcurrencyTests/(weakAndNonCanonicalTagsNeverMatch|expectationAgreesWithTheRFCEvaluation)",
                    teaches: """
                        Letting weak tags through makes If-Match: W/"v1" overwrite the row (200 instead of 412), and \
                        the WHERE clause no longer agrees with RFC 9110's strong comparison on random tag lists.
                        """),
                Experiment(
                    id: "optimistic-concurrency.retry-without-the-version",
                    file: "Sources/HandbookSystemDesign/OptimisticConcurrency.swift",
                    original: "return try await repository.update(id, to: next, expecting: .version(current.version))",
                    replacement: "return try await repository.update(id, to: next, expecting: .exists)",
                    caughtBy:
                        "HandbookSystemDesignTests.OptimisticConcurrencyTests/retryLoopConvergesUnderRandomInterleavings",
                    teaches: """
                        A retry loop whose write does not name the version it read never sees a conflict, so it never \
                        retries: under the seeded interleavings N increments end below N, the lost update again.
                        """),
            ]),
    ]
}
