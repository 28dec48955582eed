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
                    original: "guard length <= maximumFrameLength else {",
                    replacement: "guard length <= Int.max else {",
                    caughtBy: "HandbookServerTests.ByteBuffersTests/oversizedFramesAreRejected",
                    teaches: """
                        Without the bound the decoder waits for the 4 GiB the client announced, holding \
                        every byte it sends meanwhile: one connection can exhaust the server's memory.
                        """),
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
                        A draining server that still reports ready keeps receiving traffic from the load \
                        balancer, which it then refuses: every deploy turns into a burst of failed requests.
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
                        the server never returns, and the group never reaches the database. The process dies \
                        only when the orchestrator sends SIGKILL.
                        """),
            ]),
    ]
}
