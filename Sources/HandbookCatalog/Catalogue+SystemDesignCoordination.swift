extension Catalogue {
    static let systemDesignCoordinationLessons: [Lesson] = [
        Lesson(
            id: "system-design.sagas-vs-two-phase-commit",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Sagas versus two-phase commit: blocking atomicity or compensations without isolation",
            sources: ["Sources/HandbookSystemDesign/SagasVersusTwoPhaseCommit.swift"],
            tests: ["Tests/HandbookSystemDesignTests/SagasVersusTwoPhaseCommitTests.swift"],
            seedTopics: ["system_design: Orchestrator"],
            experiments: [
                Experiment(
                    id: "sagas-vs-two-phase-commit.abort-after-voting-yes",
                    file: "Sources/HandbookSystemDesign/SagasVersusTwoPhaseCommit.swift",
                    original:
                        "if prepared[transaction] != nil { throw InDoubt(transaction: transaction, participant: name) }",
                    replacement: "",
                    caughtBy:
                        "HandbookSystemDesignTests.SagasVersusTwoPhaseCommitTests/(crashAfterPrepareBlocksParticipants|randomCrashesStayAtomic)",
                    teaches: """
                        A participant's timeout may now abort a transaction it voted yes on: giveUp no longer throws \
                        InDoubt, and in the random runs every timeout aborts what it had prepared, including \
                        transactions whose commit the coordinator had already logged. Recovery then finds nothing in \
                        doubt, so no participant learns of the commit and nothing reports the divergence: only the \
                        comparison with the oracle built from the log catches it.
                        """),
                Experiment(
                    id: "sagas-vs-two-phase-commit.vote-yes-without-locking",
                    file: "Sources/HandbookSystemDesign/SagasVersusTwoPhaseCommit.swift",
                    original: "for key in keys { locks[key] = transaction }",
                    replacement: "",
                    caughtBy:
                        "HandbookSystemDesignTests.SagasVersusTwoPhaseCommitTests/crashAfterPrepareBlocksParticipants",
                    teaches: """
                        The yes vote no longer locks its keys: while t1 is in doubt the book can be read, and t2 \
                        commits against a value t1 may still change, where the test expects it refused. A yes vote \
                        is a promise to commit, which only holds if nobody else can touch the keys meanwhile.
                        """),
                Experiment(
                    id: "sagas-vs-two-phase-commit.compensate-by-restoring-snapshot",
                    file: "Sources/HandbookSystemDesign/SagasVersusTwoPhaseCommit.swift",
                    original: "case .commutative: stock[reservation.item, default: 0] += reservation.quantity",
                    replacement: "case .commutative: stock[reservation.item] = reservation.stockBefore",
                    caughtBy:
                        "HandbookSystemDesignTests.SagasVersusTwoPhaseCommitTests/commutativeCompensationAvoidsLostUpdates",
                    teaches: """
                        Releasing the reservation by writing back the 10 it saw erases the delivery of 5 made while \
                        the saga ran: the stock ends at 10 instead of 15. A saga has no isolation, so its \
                        compensations must commute with other writers (+= quantity).
                        """),
                Experiment(
                    id: "sagas-vs-two-phase-commit.compensation-on-the-wrong-event",
                    file: "Sources/HandbookSystemDesign/SagasVersusTwoPhaseCommit.swift",
                    original:
                        "Handler(service: \"inventory\", on: .paymentDeclined, emits: [.stockReleased]) { event in",
                    replacement:
                        "Handler(service: \"inventory\", on: .stockUnavailable, emits: [.stockReleased]) { event in",
                    caughtBy:
                        "HandbookSystemDesignTests.SagasVersusTwoPhaseCommitTests/(choreographyMatchesOrchestration|choreographyHidesTheFlow)",
                    teaches: """
                        The release subscribes to the wrong event, and nothing throws: after a declined payment the \
                        choreographed shop keeps 2 books reserved and the order pending, while the orchestrated one \
                        released and rejected it, and the trace stops at paymentDeclined. In a choreography the \
                        compensation is only a subscription; no single place shows it is missing.
                        """),
            ]),
        Lesson(
            id: "system-design.liveness-and-readiness",
            phase: 3,
            module: "HandbookSystemDesign",
            title: "Liveness and readiness: restart on a stuck loop, drain before stopping",
            sources: ["Sources/HandbookSystemDesign/LivenessAndReadiness.swift"],
            tests: ["Tests/HandbookSystemDesignTests/LivenessAndReadinessTests.swift"],
            experiments: [
                Experiment(
                    id: "liveness-and-readiness.liveness-checks-dependencies",
                    file: "Sources/HandbookSystemDesign/LivenessAndReadiness.swift",
                    original: "public var liveness: ProbeResult {",
                    replacement: """
                        public var liveness: ProbeResult {
                                if let down = firstDownDependency { return .fail(reason: "\\(down) is down") }
                        """,
                    caughtBy:
                        "HandbookSystemDesignTests.LivenessAndReadinessTests/(dependencyOutageIsUnreadyButLive|databaseInLivenessRestartsTheFleet|livenessFollowsTheHeartbeat)",
                    teaches: """
                        Liveness now fails while the database is down: the outage and heartbeat tests see a failing \
                        liveness probe, and in the fleet test all three instances fail it together, so an \
                        orchestrator would restart every one of them for a fault a restart cannot fix.
                        """),
                Experiment(
                    id: "liveness-and-readiness.flip-on-first-failure",
                    file: "Sources/HandbookSystemDesign/LivenessAndReadiness.swift",
                    original: "if state.isUp && state.consecutiveFailures >= failureThreshold { state.isUp = false }",
                    replacement: "if state.isUp && state.consecutiveFailures >= 1 { state.isUp = false }",
                    caughtBy:
                        "HandbookSystemDesignTests.LivenessAndReadinessTests/(thresholdsPreventFlapping|thresholdsMatchTheOracle)",
                    teaches: """
                        Without the failure threshold a single failed check takes the instance out of rotation, \
                        and it needs two successes to come back: the hysteresis table sees it unready after the \
                        first blip, and the random histories disagree with the oracle.
                        """),
                Experiment(
                    id: "liveness-and-readiness.no-drain-delay",
                    file: "Sources/HandbookSystemDesign/LivenessAndReadiness.swift",
                    original: "try? await health.clock.sleep(until: start.advanced(by: drainDelay), tolerance: nil)",
                    replacement: "",
                    caughtBy:
                        "HandbookSystemDesignTests.LivenessAndReadinessTests/drainingFlipsReadinessBeforeRefusingWork",
                    teaches: """
                        Without the drain delay the instance stops accepting in the same instant readiness fails: \
                        the request the load balancer sends before its probe notices is refused with NotAccepting \
                        instead of served.
                        """),
            ]),
    ]
}
