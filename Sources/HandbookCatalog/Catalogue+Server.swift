// Phase 5, Swift on the server (issue 20): lessons that need the ecosystem's
// packages, built and tested in the Service package (`cd Service && swift test`).
extension Catalogue {
    static let serverLessons: [Lesson] = [
        Lesson(
            id: "server.event-loops",
            phase: 5,
            module: "HandbookServer",
            title: "Event loops: never block the loop; futures meet async",
            sources: ["Service/Sources/HandbookServer/EventLoops.swift"],
            tests: ["Service/Tests/HandbookServerTests/EventLoopsTests.swift"],
            seedTopics: ["server: Event loops and blocking", "server: EventLoopFuture and async"],
            experiments: [
                Experiment(
                    id: "event-loops.blocking-work-on-the-loop",
                    file: "Service/Sources/HandbookServer/EventLoops.swift",
                    original: "pool.runIfActive(eventLoop: loop, work)",
                    replacement: "loop.submit(work)",
                    caughtBy: "HandbookServerTests.EventLoopsTests/offloadingKeepsTheLoopResponsive",
                    expect: .hangs,
                    teaches: """
                        The "offloaded" hash now runs on the loop and blocks it: the other channel's task, \
                        queued behind it, never runs, and the test waits for it before opening the gate. In \
                        production that is every connection on the loop stalled for the length of a bcrypt.
                        """),
                Experiment(
                    id: "event-loops.hash-skips-its-rounds",
                    file: "Service/Sources/HandbookServer/EventLoops.swift",
                    original: "for round in 1..<rounds {",
                    replacement: "for round in 1..<min(rounds, 2) {",
                    caughtBy: "HandbookServerTests.EventLoopsTests/passwordHasher",
                    teaches: """
                        A work factor that is not applied makes 999 and 1,000 rounds the same digest: the \
                        hash is fast again, and so is an attacker's guessing. Cost is part of the contract.
                        """),
            ]),
        Lesson(
            id: "server.byte-buffer",
            phase: 5,
            module: "HandbookServer",
            title: "ByteBuffer: indices, slices without copies, framing a stream",
            sources: ["Service/Sources/HandbookServer/ByteBuffers.swift"],
            tests: ["Service/Tests/HandbookServerTests/ByteBuffersTests.swift"],
            seedTopics: ["server: ByteBuffer"],
            experiments: [
                Experiment(
                    id: "byte-buffer.consume-a-partial-prefix",
                    file: "Service/Sources/HandbookServer/ByteBuffers.swift",
                    original: "guard let announced = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else {",
                    replacement: "guard let announced = buffer.readInteger(as: UInt32.self) else {",
                    caughtBy:
                        "HandbookServerTests.ByteBuffersTests/(partialFrameIsNotConsumed|chunkingDoesNotMatter)",
                    teaches: """
                        Reading the length instead of peeking at it consumes four bytes of a frame that has \
                        not fully arrived: the next call starts inside the payload and every later frame is \
                        garbage. Peek, and move the reader index only for a whole frame.
                        """),
                Experiment(
                    id: "byte-buffer.trust-the-length",
                    file: "Service/Sources/HandbookServer/ByteBuffers.swift",
                    original: "guard UInt64(announced) <= UInt64(maximumFrameLength) else {",
                    replacement: "guard UInt64(announced) <= UInt64.max else {",
                    caughtBy: "HandbookServerTests.ByteBuffersTests/oversizedFramesAreRejected",
                    teaches: """
                        Without the bound the decoder waits for the 4 GiB the client announced, holding \
                        every byte it sends meanwhile: one connection can exhaust the server's memory.
                        """),
            ]),
        Lesson(
            id: "server.backpressure",
            phase: 5,
            module: "HandbookServer",
            title: "Backpressure at the NIO boundary: watermarks vs an unbounded AsyncStream",
            sources: ["Service/Sources/HandbookServer/Backpressure.swift"],
            tests: ["Service/Tests/HandbookServerTests/BackpressureTests.swift"],
            seedTopics: ["server: Backpressure"],
            experiments: [
                Experiment(
                    id: "backpressure.autoread-regardless",
                    file: "Service/Sources/HandbookServer/Backpressure.swift",
                    original: "guard state.pending > 0, reads > state.delivered else { return nil }",
                    replacement: "guard state.pending > 0 else { return nil }",
                    caughtBy:
                        "HandbookServerTests.BackpressureTests/(watermarksBoundTheBuffer|consumingResumesReading|backpressureIsWithheldDemand)",
                    teaches: """
                        A socket that is read whether or not the pipeline asked delivers all 1,000 chunks into \
                        the process: the watermarks still say "stop", but nobody is listening, so the bound \
                        on memory is gone. Backpressure works only through withheld read() calls.
                        """)
            ]),
        Lesson(
            id: "server.structured-logging",
            phase: 5,
            module: "HandbookServer",
            title: "swift-log: library levels, metadata, lazy messages, request ids",
            sources: ["Service/Sources/HandbookServer/StructuredLogging.swift"],
            tests: ["Service/Tests/HandbookServerTests/StructuredLoggingTests.swift"],
            seedTopics: ["server: Structured logging"],
            experiments: [
                Experiment(
                    id: "structured-logging.library-logs-at-info",
                    file: "Service/Sources/HandbookServer/StructuredLogging.swift",
                    original: #"logger.debug("charging", metadata: ["amount.cents": "\(cents)"])"#,
                    replacement: #"logger.info("charging", metadata: ["amount.cents": "\(cents)"])"#,
                    caughtBy: "HandbookServerTests.StructuredLoggingTests/libraryIsSilentAtInfo",
                    teaches: """
                        One routine line at info, and every application using the library logs every \
                        charge at its default level: the library chose the volume of someone else's logs.
                        """),
                Experiment(
                    id: "structured-logging.provider-forgets-the-task",
                    file: "Service/Sources/HandbookServer/StructuredLogging.swift",
                    original: #"return ["request.id": .string(requestID)]"#,
                    replacement: #"return ["request.id": "unknown"]"#,
                    caughtBy: "HandbookServerTests.StructuredLoggingTests/requestIDFollowsTheTask",
                    teaches: """
                        A provider that does not read the task-local stamps every line with the same value: \
                        the lines of concurrent requests can no longer be told apart.
                        """),
            ]),
        Lesson(
            id: "server.red-metrics",
            phase: 5,
            module: "HandbookServer",
            title: "swift-metrics and Prometheus: RED per route, bounded labels",
            sources: ["Service/Sources/HandbookServer/REDMetrics.swift"],
            tests: ["Service/Tests/HandbookServerTests/REDMetricsTests.swift"],
            seedTopics: ["server: Metrics and RED"],
            experiments: [
                Experiment(
                    id: "red-metrics.client-errors-count",
                    file: "Service/Sources/HandbookServer/REDMetrics.swift",
                    original: "public static func isError(status: Int) -> Bool { status >= 500 }",
                    replacement: "public static func isError(status: Int) -> Bool { status >= 400 }",
                    caughtBy: "HandbookServerTests.REDMetricsTests/onlyServerFailuresAreErrors",
                    teaches: """
                        Counting 404s and 422s as errors makes the error rate follow what clients send, not \
                        how the service behaves: a crawler hitting dead links pages the on-call engineer.
                        """),
                Experiment(
                    id: "red-metrics.in-flight-leaks",
                    file: "Service/Sources/HandbookServer/REDMetrics.swift",
                    original:
                        "            inFlight.decrement()\n            record(method: method, route: route, status: status,",
                    replacement: "            record(method: method, route: route, status: status,",
                    caughtBy: "HandbookServerTests.REDMetricsTests/inFlightGauge",
                    teaches: """
                        A gauge incremented on entry must be decremented on every exit: miss one path and \
                        in-flight climbs forever, so the saturation graph says the service is drowning when it \
                        is idle.
                        """),
                Experiment(
                    id: "red-metrics.thrown-requests-vanish",
                    file: "Service/Sources/HandbookServer/REDMetrics.swift",
                    original:
                        "record(method: method, route: route, status: 500, duration: start.duration(to: clock.now))",
                    replacement: "_ = start",
                    caughtBy: "HandbookServerTests.REDMetricsTests/thrownErrorsAreRecorded",
                    teaches: """
                        Requests that throw are the ones you most need to see, and without this line they are \
                        in no counter and no histogram: an outage looks like a drop in traffic.
                        """),
            ]),
        Lesson(
            id: "server.trace-propagation",
            phase: 5,
            module: "HandbookServer",
            title: "Distributed tracing: ServiceContext across awaits, W3C traceparent in and out",
            sources: ["Service/Sources/HandbookServer/TracePropagation.swift"],
            tests: ["Service/Tests/HandbookServerTests/TracePropagationTests.swift"],
            seedTopics: ["server: Distributed tracing"],
            experiments: [
                Experiment(
                    id: "trace-propagation.incoming-header-ignored",
                    file: "Service/Sources/HandbookServer/TracePropagation.swift",
                    original: """
                        else { return }  // absent or malformed: the next span starts a new trace
                                context[TraceParentKey.self] = identity
                        """,
                    replacement: """
                        else { return }
                                _ = identity
                        """,
                    caughtBy: "HandbookServerTests.TracePropagationTests/incomingTraceIsContinued",
                    teaches: """
                        A service that does not extract the caller's traceparent starts a trace of its own: \
                        the request's path splits into unrelated traces at every hop, and "where did the time \
                        go" has no answer.
                        """),
                Experiment(
                    id: "trace-propagation.every-span-a-new-trace",
                    file: "Service/Sources/HandbookServer/TracePropagation.swift",
                    original: "unchecked: parent?.traceID ?? hex(nextID()) + hex(nextID()), spanID: hex(nextID()),",
                    replacement: "unchecked: hex(nextID()) + hex(nextID()), spanID: hex(nextID()),",
                    caughtBy:
                        "HandbookServerTests.TracePropagationTests/(contextFollowsTheTask|outgoingCallCarriesTheTrace)",
                    teaches: """
                        Ignoring the parent in ServiceContext gives every span its own trace: the task-local \
                        carried the context across the awaits and into the children, and the tracer threw it away.
                        """),
                Experiment(
                    id: "trace-propagation.zero-ids-accepted",
                    file: "Service/Sources/HandbookServer/TracePropagation.swift",
                    original: "fields[1].contains(where: { $0 != \"0\" }), fields[2].contains(where: { $0 != \"0\" }),",
                    replacement: "",
                    caughtBy: "HandbookServerTests.TracePropagationTests/malformedHeadersAreRejected",
                    teaches: """
                        The W3C spec makes an all-zero trace or parent id invalid: it is what a buggy client \
                        sends, and continuing it merges every such request into one giant trace.
                        """),
            ]),
        Lesson(
            id: "server.measuring",
            phase: 5,
            module: "HandbookServer",
            title: "Measuring a server on Linux: release builds, percentiles, allocations, perf, sanitizers",
            sources: ["Service/Sources/HandbookServer/MeasuringServers.swift"],
            tests: ["Service/Tests/HandbookServerTests/MeasuringServersTests.swift"],
            seedTopics: ["server: Measuring a server"],
            experiments: [
                Experiment(
                    id: "measuring.warmup-measured",
                    file: "Service/Sources/HandbookServer/MeasuringServers.swift",
                    original: "for _ in 0..<warmup { body() }\n        var samples: [Duration] = []",
                    replacement:
                        "var samples: [Duration] = []\n        for _ in 0..<warmup { samples.append(clock.measure(body)) }",
                    caughtBy: "HandbookServerTests.MeasuringServersTests/warmupIsExcluded",
                    teaches: """
                        Timing the cold runs mixes a different distribution into the samples: two 100 ms \
                        first calls among 1 ms warm ones move the tail and the mean, and a change that only \
                        moved start-up cost looks like a regression in steady state.
                        """),
                Experiment(
                    id: "measuring.percentile-rounding",
                    file: "Service/Sources/HandbookServer/MeasuringServers.swift",
                    original: "let rank = Int((q * Double(samples.count) - 1e-9).rounded(.up))",
                    replacement: "let rank = Int((q * Double(samples.count)).rounded(.up))",
                    caughtBy: "HandbookServerTests.MeasuringServersTests/percentiles",
                    teaches: """
                        0.07 × 100 is 7.000000000000001 in Double, so a plain ceiling picks the 8th sample as \
                        the 7th percentile: an off-by-one that only some percentiles and sample counts show.
                        """),
                Experiment(
                    id: "measuring.delta-reversed",
                    file: "Service/Sources/HandbookServer/MeasuringServers.swift",
                    original: "return (result, after - before)",
                    replacement: "return (result, before - after)",
                    caughtBy: "HandbookServerTests.MeasuringServersTests/copyOnWriteShowsInTheHeap",
                    teaches: """
                        With the subtraction reversed, the copy's 8 MiB shows as a negative number and the \
                        exit test's child process fails its precondition: measurements need a test too.
                        """),
            ]),
        Lesson(
            id: "server.http-client",
            phase: 5,
            module: "HandbookServer",
            title: "HTTP clients: pool size by Little's law, deadlines, safe retries (AsyncHTTPClient)",
            sources: ["Service/Sources/HandbookServer/HTTPClients.swift"],
            tests: ["Service/Tests/HandbookServerTests/HTTPClientsTests.swift"],
            seedTopics: ["server: HTTP clients and connection pools"],
            experiments: [
                Experiment(
                    id: "http-client.pool-twice-as-big",
                    file: "Service/Sources/HandbookServer/HTTPClients.swift",
                    original: "concurrentHTTP1ConnectionsPerHostSoftLimit: maximumConnections)",
                    replacement: "concurrentHTTP1ConnectionsPerHostSoftLimit: maximumConnections * 2)",
                    caughtBy: "HandbookServerTests.HTTPClientsTests/twoHundredRequestsOnTenConnections",
                    teaches: """
                        The server now sees 20 connections and 20 requests at once: the pool is the \
                        dependency's concurrency limit, so sizing it is sizing the load you put on it. \
                        Little's law says 200 requests/s at 50 ms keep 10 busy on average; size a little above \
                        that (70-80 % use), not far above it, or a burst goes straight through to the dependency.
                        """),
                Experiment(
                    id: "http-client.retry-every-post",
                    file: "Service/Sources/HandbookServer/HTTPClients.swift",
                    original: "default: request.headers.contains(name: \"Idempotency-Key\")",
                    replacement: "default: true",
                    caughtBy: "HandbookServerTests.HTTPClientsTests/aPostWithoutAnIdempotencyKeyIsNotRetried",
                    teaches: """
                        A POST without an idempotency key is now sent four times (three retries). A 503 from a \
                        proxy does not \
                        prove the charge was not made: each retry can charge the card again. Only a key the \
                        server deduplicates on makes a POST safe to repeat.
                        """),
                Experiment(
                    id: "http-client.retry-client-errors",
                    file: "Service/Sources/HandbookServer/HTTPClients.swift",
                    original: "return status.isTransient",
                    replacement: "return true",
                    caughtBy: "HandbookServerTests.HTTPClientsTests/clientErrorsAreNotRetried",
                    teaches: """
                        A 400 is sent four times (three retries, with backoff) and still fails: the caller waits longer \
                        for the same answer and the dependency serves four bad requests instead of one.
                        """),
            ]),
        Lesson(
            id: "server.spec-first",
            phase: 5,
            module: "HandbookServer",
            title: "Spec-first APIs: an OpenAPI document, generated server code, the contract tested",
            sources: ["Service/Sources/HandbookServer/SpecFirstAPIs.swift"],
            tests: ["Service/Tests/HandbookServerTests/SpecFirstAPIsTests.swift"],
            seedTopics: ["server: Spec-first APIs"],
            experiments: [
                Experiment(
                    id: "spec-first.no-error-middleware",
                    file: "Service/Sources/HandbookServer/SpecFirstAPIs.swift",
                    original: "middlewares: [ErrorHandlingMiddleware(), UnencodedResponseHeaders(names: [.eTag])]",
                    replacement: "middlewares: [UnencodedResponseHeaders(names: [.eTag])]",
                    caughtBy: "HandbookServerTests.SpecFirstAPIsTests/malformedRequestsAreClientErrors",
                    teaches: """
                        Without ErrorHandlingMiddleware every request the generated code cannot parse (a string \
                        for an integer, no body, text/plain) reaches Hummingbird as an unknown error and is \
                        answered 500: the client is told the server broke when the client did, and an API \
                        fuzzer's first run fails on all of them.
                        """),
                Experiment(
                    id: "spec-first.trust-the-decoder",
                    file: "Service/Sources/HandbookServer/SpecFirstAPIs.swift",
                    original:
                        "guard case .json(let update) = input.body, Self.stockRange.contains(update.stock) else {",
                    replacement: "guard case .json(let update) = input.body else {",
                    caughtBy: "HandbookServerTests.SpecFirstAPIsTests/boundsAreTheHandlersJob",
                    teaches: """
                        The document says minimum: 0, and the generated decoder ignores it: a stock of -5 is \
                        stored and served. The generator enforces types and required fields; ranges, lengths \
                        and patterns are still the handler's job.
                        """),
                Experiment(
                    id: "spec-first.encoded-etag",
                    file: "Service/Sources/HandbookServer/SpecFirstAPIs.swift",
                    original: "middlewares: [ErrorHandlingMiddleware(), UnencodedResponseHeaders(names: [.eTag])]",
                    replacement: "middlewares: [ErrorHandlingMiddleware()]",
                    caughtBy: "HandbookServerTests.SpecFirstAPIsTests/optimisticConcurrency",
                    teaches: """
                        The runtime percent-encodes header values: the ETag leaves as %22v1%22, which is not \
                        an entity tag at all (RFC 9110 wants the quotes). Caches and clients that compare it with \
                        a quoted tag never match; only a client generated from the same document decodes it back.
                        """),
            ]),
        Lesson(
            id: "server.graceful-shutdown",
            phase: 5,
            module: "HandbookServer",
            title: "ServiceLifecycle: drain, readiness vs liveness, reverse shutdown order",
            sources: ["Service/Sources/HandbookServer/GracefulShutdown.swift"],
            tests: ["Service/Tests/HandbookServerTests/GracefulShutdownTests.swift"],
            seedTopics: ["server: Service lifecycle and graceful shutdown"],
            questions: ["Implement graceful shutdown for a web server"],
            experiments: [
                Experiment(
                    id: "graceful-shutdown.ready-while-draining",
                    file: "Service/Sources/HandbookServer/GracefulShutdown.swift",
                    original: "            health.setReady(false)\n",
                    replacement: "",
                    caughtBy: "HandbookServerTests.GracefulShutdownTests/readinessIsNotLiveness",
                    teaches: """
                        A draining server that still reports ready keeps being chosen by every load balancer \
                        that probes it, and sent requests it will refuse once it stops accepting: every deploy \
                        turns into a burst of failed requests.
                        """),
                Experiment(
                    id: "graceful-shutdown.accept-forever",
                    file: "Service/Sources/HandbookServer/GracefulShutdown.swift",
                    original: "for await request in requests.cancelOnGracefulShutdown() {",
                    replacement: "for await request in requests {",
                    caughtBy: "HandbookServerTests.GracefulShutdownTests/drainsThenClosesDependencies",
                    expect: .hangs,
                    teaches: """
                        The accept loop no longer hears the shutdown: it waits for the next request forever, \
                        the server never returns, and the group never reaches the database. The process hangs \
                        until maximumGracefulShutdownDuration cancels it or, with none set, until SIGKILL.
                        """),
            ]),
    ]
}
