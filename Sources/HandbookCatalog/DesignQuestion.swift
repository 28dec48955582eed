/// A system-design mock interview question, built mostly on the Phase 3
/// lessons and the capstone service: the question, then a reference outline
/// revealed at the end, each part naming the lessons that teach it and,
/// where the service implements it, the service files.
public struct DesignQuestion: Codable, Hashable, Sendable {
    /// One part of a good answer.
    public struct Part: Codable, Hashable, Sendable {
        public var point: String
        /// Lesson ids.
        public var lessons: [String]
        /// Paths relative to the repository root.
        public var files: [String]

        public init(point: String, lessons: [String], files: [String] = []) {
            self.point = point
            self.lessons = lessons
            self.files = files
        }
    }

    public var id: String
    public var question: String
    public var minutes: Int
    public var outline: [Part]

    public init(id: String, question: String, minutes: Int, outline: [Part]) {
        self.id = id
        self.question = question
        self.minutes = minutes
        self.outline = outline
    }
}

extension Catalogue {
    /// System-design mock questions; a test checks every lesson id and file exists.
    public static let designQuestions: [DesignQuestion] = [
        DesignQuestion(
            id: "orders-api-safe-retries",
            question: """
                Design the orders API (POST /orders reserves stock, charges a card, confirms) so that a client \
                may retry any request, against either of two service instances, without double charging or \
                losing an order.
                """,
            minutes: 45,
            outline: [
                .init(
                    point: "An idempotency key per request, its record stored where both instances see it, "
                        + "with a fingerprint of the body so a reused key with another body is refused.",
                    lessons: ["system-design.idempotency-keys"],
                    files: ["Service/Sources/HandbookService/SQLIdempotencyStore.swift"]),
                .init(
                    point: "The multi-step order as a saga: each step with a compensation, run in reverse on "
                        + "failure; the provider's unknown outcome is settled, not guessed.",
                    lessons: ["system-design.saga-compensation", "system-design.sagas-vs-two-phase-commit"],
                    files: [
                        "Service/Sources/HandbookService/OrderService.swift",
                        "Service/Sources/HandbookService/PaymentProvider.swift",
                    ]),
                .init(
                    point: "Retries inside the call bounded by the request's deadline, with jittered backoff and "
                        + "a circuit breaker in front of the provider.",
                    lessons: [
                        "system-design.deadline-retry-orchestrator", "patterns.retry-with-backoff",
                        "patterns.circuit-breaker",
                    ],
                    files: [
                        "Service/Sources/HandbookService/RequestDeadline.swift",
                        "Service/Sources/HandbookService/OrderService.swift",
                    ]),
                .init(
                    point: "Concurrent writers of one order (a saga attempt and recovery) fenced by a lease "
                        + "token, never last-writer-wins; client edits of shared rows (stock) carry a version as "
                        + "ETag and If-Match.",
                    lessons: ["system-design.fencing-tokens", "system-design.optimistic-concurrency"],
                    files: [
                        "Service/Sources/HandbookService/OrderStore.swift",
                        "Service/Sources/HandbookService/InventoryRoutes.swift",
                    ]),
                .init(
                    point: "Events about the order written in the same transaction as the order (an outbox), "
                        + "so a crash cannot publish one without the other.",
                    lessons: ["system-design.transactional-outbox"]),
            ]),
        DesignQuestion(
            id: "shared-rate-limiter",
            question: """
                Design a per-client rate limiter for an API that runs as several instances behind a load \
                balancer. Who is the client, where does the count live, and what happens when that store is slow?
                """,
            minutes: 35,
            outline: [
                .init(
                    point: "The algorithm and its trade-off: a token bucket allows bursts up to its capacity; a "
                        + "sliding log bounds every window exactly at up to limit entries per key; a sliding "
                        + "counter keeps three numbers but approximates; a fixed window is cheapest but admits up "
                        + "to twice the limit across a boundary.",
                    lessons: ["system-design.token-bucket-rate-limiter", "system-design.sliding-window-rate-limiter"]),
                .init(
                    point: "Identity decided by the server (a token's principal, else the peer address; a "
                        + "forwarded header only from a trusted proxy), never chosen by the client. The service's "
                        + "ClientIdentity is the worked answer; the middleware lesson shows where such a layer "
                        + "sits.",
                    lessons: ["patterns.middleware"],
                    files: ["Service/Sources/HandbookService/ClientIdentity.swift"]),
                .init(
                    point: "Shared state: the count in one store all instances use, updated atomically (with "
                        + "PostgreSQL the service keeps a fixed window per client in a SQL table).",
                    lessons: ["system-design.token-bucket-rate-limiter", "system-design.sliding-window-rate-limiter"],
                    files: ["Service/Sources/HandbookService/SQLRateLimiter.swift"]),
                .init(
                    point: "Overload beyond the limiter: bounded concurrency and queueing with a deadline, "
                        + "rejecting early rather than timing out late.",
                    lessons: ["system-design.backpressure-and-load-shedding"]),
            ]),
        DesignQuestion(
            id: "order-read-cache",
            question: """
                GET /orders/{id} is read 50 times for every write, and one popular order can get thousands of \
                reads a second. Design the read path: what do you cache, for how long, and what happens when an \
                entry expires under load?
                """,
            minutes: 35,
            outline: [
                .init(
                    point: "A TTL cache with a size bound (LRU eviction) in front of the store; expiry checked "
                        + "lazily on read plus a periodic sweep.",
                    lessons: ["system-design.ttl-cache", "ds.lru-cache"],
                    files: ["Service/Sources/HandbookService/OrderCache.swift"]),
                .init(
                    point: "A stampede on expiry collapsed into one load per key (single flight); callers that "
                        + "arrive during the load wait for it.",
                    lessons: ["system-design.single-flight"],
                    files: ["Service/Sources/HandbookService/Coalescer.swift"]),
                .init(
                    point: "Staleness: writes invalidate the entry (with a versioned fill, so a slow reader "
                        + "cannot put back an old value); say how stale a read may be. The service caches only "
                        + "final orders, which never change.",
                    lessons: ["system-design.ttl-cache"],
                    files: ["Service/Sources/HandbookService/OrderCache.swift"]),
                .init(
                    point: "Lookups of ids that do not exist answered without the store (a Bloom filter: no "
                        + "false negatives, a tunable false-positive rate; with several instances every filter "
                        + "must see every instance's inserts).",
                    lessons: ["system-design.bloom-filter"]),
            ]),
        DesignQuestion(
            id: "graceful-deploys",
            question: """
                Design how an instance of the orders service is deployed and stopped without dropping requests, \
                and without a restart storm when the shared database has an outage.
                """,
            minutes: 30,
            outline: [
                .init(
                    point: "Liveness answers only \"is this process stuck?\" and never checks the database (a "
                        + "shared outage would restart every instance at once). Readiness answers \"send me "
                        + "traffic?\": false during warm-up, when this instance alone has lost a dependency, and "
                        + "from the first moment of the drain; when the database every instance shares is down, "
                        + "stay in rotation and answer fast errors. (The service's /ready turns 503 only for the "
                        + "drain.)",
                    lessons: ["system-design.liveness-and-readiness"],
                    files: ["Service/Sources/HandbookService/ServiceApplication.swift"]),
                .init(
                    point: "Shutdown in order: fail readiness, keep serving for a drain delay, stop accepting, "
                        + "finish in-flight work until a deadline, cancel the rest.",
                    lessons: ["system-design.liveness-and-readiness", "advanced.task-cancellation"]),
                .init(
                    point: "Clients retry within a budget, so a fleet-wide failure does not multiply the load.",
                    lessons: ["system-design.retry-budget"]),
            ]),
        DesignQuestion(
            id: "order-event-fan-out",
            question: """
                Design live order notifications (GET /events) for many subscribers, some of them slow, across \
                several instances. What does a slow subscriber cost the others, and how does a client catch up?
                """,
            minutes: 35,
            outline: [
                .init(
                    point: "A broker with one bounded buffer per subscriber and a policy for a full buffer "
                        + "(drop oldest, drop newest, or disconnect): a slow subscriber never blocks the rest.",
                    lessons: ["system-design.pub-sub-broker", "concurrency.async-sequence-backpressure"],
                    files: [
                        "Service/Sources/HandbookService/OrderEvents.swift",
                        "Service/Sources/HandbookService/EventStream.swift",
                    ]),
                .init(
                    point: "Across instances: publish through a shared channel (the service bridges PostgreSQL "
                        + "LISTEN/NOTIFY); to never lose an event, write it in the transaction that changes the "
                        + "order (an outbox). The service does not: it notifies after the order commits and only "
                        + "logs a failed publish, so an event can be lost (LISTEN/NOTIFY is at-most-once).",
                    lessons: ["system-design.transactional-outbox"],
                    files: ["Service/Sources/HandbookService/OrderEvents.swift"]),
                .init(
                    point: "Catching up after a disconnect: keyset pagination over an event log with a signed "
                        + "cursor, not offsets (the service has no replay).",
                    lessons: ["system-design.pagination", "system-design.cursor-signing"]),
            ]),
    ]
}
