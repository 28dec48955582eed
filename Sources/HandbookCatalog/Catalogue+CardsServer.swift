// Review cards for Phase 5 (issue 20): each names the test that proves its answer.
extension Catalogue {
    static let serverCards: [ReviewCard] = [
        ReviewCard(
            id: "server.event-loops#d8382bfb", lesson: "server.event-loops", kind: .recall,
            question: """
                Why does calling wait() on a future from inside a SwiftNIO event loop crash, and what do you \
                write instead?
                """,
            answer: """
                If the future must be completed by that same loop, the loop is now blocked waiting for itself: a \
                deadlock, and every other channel on the loop stalls meanwhile. NIO's precondition traps on any \
                loop thread, even for a completed future (debug builds print \"BUG DETECTED: wait() must not be \
                called when on an EventLoop\"). In a handler, chain with map/flatMap; in async code, try await \
                future.get() (wait() is noasync there).
                """,
            test: "HandbookServerTests.EventLoopsTests/waitOnTheLoopTraps()"),
        ReviewCard(
            id: "server.event-loops#4cf8b8d7", lesson: "server.event-loops", kind: .recall,
            question: """
                Where does a bcrypt (or any blocking or CPU-heavy) call go in a SwiftNIO server, and why?
                """,
            answer: """
                On NIOThreadPool via runIfActive(eventLoop:_:), which returns a future completed on the loop. An \
                event loop is one thread serving many channels: work on it delays every other channel's reads, \
                writes and timers until it returns. Starting the pool matters too: an unstarted pool fails the \
                work with ThreadPoolInactive.
                """,
            test: "HandbookServerTests.EventLoopsTests/offloadingKeepsTheLoopResponsive()"),
        ReviewCard(
            id: "server.event-loops#97895e3a", lesson: "server.event-loops", kind: .recall,
            question: """
                loop.makeFutureWithTask { try await lookup() }.map { ... } — on which threads do the body and \
                the map closure run?
                """,
            answer: """
                The body runs in a new unstructured Task on Swift's cooperative pool, not on the loop; the \
                future completes on the loop, so the map closure runs on the loop thread. Cancelling the caller \
                does not cancel that Task. In the other direction, code after try await future.get() resumes on \
                the task's executor, not on the loop.
                """,
            test: "HandbookServerTests.EventLoopsTests/bridgingFuturesAndAsync()"),
        ReviewCard(
            id: "server.byte-buffer#a32a6fb3", lesson: "server.byte-buffer", kind: .recall,
            question: """
                A length-prefixed decoder reads the 4-byte length, then finds only half the payload has arrived. \
                What goes wrong if it returns nil now, and how do you avoid it?
                """,
            answer: """
                The length was consumed: the next call starts inside the payload and every later frame is \
                garbage. Peek with getInteger(at: readerIndex), and move the reader index only once the whole \
                frame is readable (or restore it). Check the announced length against a maximum before waiting \
                for it, or a peer can make you buffer gigabytes.
                """,
            test: "HandbookServerTests.ByteBuffersTests/partialFrameIsNotConsumed()"),
        ReviewCard(
            id: "server.byte-buffer#9f50b67c", lesson: "server.byte-buffer", kind: .recall,
            question: """
                Does readSlice(length:) on a ByteBuffer copy the bytes? What happens when you write to the \
                slice?
                """,
            answer: """
                No copy: the slice is a view into the parent's storage at an offset, with its own reader and \
                writer indices from 0. ByteBuffer is copy-on-write: while the storage is shared, a write to \
                either buffer copies it first and the other never sees the change. A small slice keeps the whole \
                storage alive until it is released.
                """,
            test: "HandbookServerTests.ByteBuffersTests/slicesAreCopyOnWrite()"),
        ReviewCard(
            id: "server.byte-buffer#543f191c", lesson: "server.byte-buffer", kind: .recall,
            question: """
                What is the difference between ByteBuffer's get*, read* and write* methods, and which byte order \
                do the integer ones use?
                """,
            answer: """
                get* reads at an index and moves nothing; read* reads at readerIndex and advances it; write* \
                appends at writerIndex and advances it. Always readerIndex <= writerIndex; readableBytes is \
                their difference. Integers default to big endian (network order), so writeInteger(UInt32(1)) \
                writes 00 00 00 01.
                """,
            test: "HandbookServerTests.ByteBuffersTests/indicesAndByteOrder()"),
        ReviewCard(
            id: "server.backpressure#99ae824d", lesson: "server.backpressure", kind: .recall,
            question: """
                A client uploads faster than your SwiftNIO server can store the data. Where do the unread bytes \
                wait, and what makes them wait there?
                """,
            answer: """
                In the kernel's socket buffer, and then at the sender, because TCP's receive window closes. That \
                happens only if the channel stops calling read(): NIOAsyncChannel withholds read() once its \
                buffer reaches the high watermark and asks again when the consumer drains it below the low \
                watermark, so the process holds about highWatermark reads' worth of data (elements, not bytes).
                """,
            test: "HandbookServerTests.BackpressureTests/watermarksBoundTheBuffer()"),
        ReviewCard(
            id: "server.backpressure#4548f1e1", lesson: "server.backpressure", kind: .recall,
            question: """
                What goes wrong if a channel handler yields every read into an AsyncStream made with the default \
                initializer?
                """,
            answer: """
                The default buffering policy is unbounded and the handler never withholds read(), so the server \
                keeps reading and buffers everything the peer sends: memory grows with the upload until the \
                process dies. bufferingNewest/Oldest would bound memory but silently drop bytes, which corrupts \
                a stream. Use NIOAsyncChannel (watermarks) or a handler that stops reading.
                """,
            test: "HandbookServerTests.BackpressureTests/unboundedBridgeBuffersEverything()"),
        ReviewCard(
            id: "server.backpressure#ce809341", lesson: "server.backpressure", kind: .recall,
            question: """
                Why does NIOAsyncChannel use two watermarks instead of one limit?
                """,
            answer: """
                Reading stops at the high watermark and resumes only when the consumer has drained the buffer \
                below the low watermark (with 2 and 8: after 7 elements are taken). With one limit, every \
                element taken would resume reading and every element read would stop it again: a toggle per \
                element. The gap batches the resumptions, trading a little memory for fewer state flips and \
                syscalls.
                """,
            test: "HandbookServerTests.BackpressureTests/resumptionWaitsForTheLowWatermark()"),
        ReviewCard(
            id: "server.structured-logging#f4c39c3b", lesson: "server.structured-logging", kind: .recall,
            question: """
                At what level should a server library log routine events with swift-log, and who configures the \
                log handler and level?
                """,
            answer: """
                Routine events at .debug or .trace; .info only for what went wrong and cannot be communicated by \
                throwing; .warning and up only as a one-time start-up warning. The application bootstraps the \
                handler once in main and chooses the level; a library only takes a Logger from its caller and \
                never calls LoggingSystem.bootstrap, which traps the second time.
                """,
            test: "HandbookServerTests.StructuredLoggingTests/libraryIsSilentAtInfo()"),
        ReviewCard(
            id: "server.structured-logging#f82a9d66", lesson: "server.structured-logging", kind: .recall,
            question: """
                How does a request id reach a log line five calls deep in Swift without a parameter on every \
                function?
                """,
            answer: """
                Bind it in a @TaskLocal for the request's scope and give the logger a Logger.MetadataProvider \
                that reads it; the handler calls the provider for each line. Task-locals are inherited by child \
                tasks and survive suspensions, so every line of the request, across awaits and task groups, \
                carries request.id. (Task.detached starts without it.)
                """,
            test: "HandbookServerTests.StructuredLoggingTests/requestIDFollowsTheTask()"),
        ReviewCard(
            id: "server.structured-logging#940db2fd", lesson: "server.structured-logging", kind: .recall,
            question: """
                logger.trace(\"cart: \\(cart.dump())\") runs in a hot path with the level at info. What does it \
                cost?
                """,
            answer: """
                One level comparison: the message parameter is an @autoclosure, so cart.dump() and the \
                interpolation never run below the level. The trap is doing the work outside the call (let text = \
                cart.dump(); logger.trace(\"\\(text)\")), which pays for it always.
                """,
            test: "HandbookServerTests.StructuredLoggingTests/messagesAreLazy()"),
        ReviewCard(
            id: "server.red-metrics#0a067089", lesson: "server.red-metrics", kind: .recall,
            question: """
                What does the RED method measure for a request-driven service, and with which metric types?
                """,
            answer: """
                Per route: Rate (a counter of requests, labelled by method, route template and status), Errors \
                (the failed ones: 5xx and thrown errors, not 4xx) and Duration (a histogram, so quantiles like \
                p99 can be read; a mean hides the tail). A gauge of requests in flight adds saturation. \
                Prometheus scrapes them; rates come from rate() over the counters.
                """,
            test: "HandbookServerTests.REDMetricsTests/rateByRouteMethodAndStatus()"),
        ReviewCard(
            id: "server.red-metrics#39915344", lesson: "server.red-metrics", kind: .recall,
            question: """
                Why must a metrics label hold the route template (/orders/{id}) and never the raw path \
                (/orders/8412)?
                """,
            answer: """
                Every distinct label value is a new time series with its own memory in the process and in \
                Prometheus. Raw paths make one series per order id: unbounded cardinality, growing until the \
                scrape or the server falls over. Labels need small, bounded value sets: method, route template, \
                status.
                """,
            test: "HandbookServerTests.REDMetricsTests/routeTemplatesBoundCardinality()"),
        ReviewCard(
            id: "server.red-metrics#b600c760", lesson: "server.red-metrics", kind: .recall,
            question: """
                A handler throws instead of returning a response. What must the RED instrumentation do with that \
                request?
                """,
            answer: """
                Count it as a 500 in the requests counter and the errors counter, record its duration, decrement \
                the in-flight gauge, and rethrow so the caller still sees the error. Skipping thrown requests \
                hides exactly the failures you need to see: an outage looks like a traffic drop. A \
                CancellationError is the client leaving, not a server error: count it apart (499).
                """,
            test: "HandbookServerTests.REDMetricsTests/thrownErrorsAreRecorded()"),
        ReviewCard(
            id: "server.trace-propagation#81302772", lesson: "server.trace-propagation", kind: .recall,
            question: """
                How does the current span reach a span started three awaits later, or inside a task-group child, \
                in Swift — and where does it get lost?
                """,
            answer: """
                swift-distributed-tracing keeps it in ServiceContext.current, a task-local: withSpan binds the \
                span's context for its closure, so it survives every suspension and is inherited by async let, \
                Task {} and task-group children. It is lost wherever code leaves the task tree: Task.detached, \
                NIO handlers and future callbacks, Dispatch. Capture the context there and bind it again.
                """,
            test: "HandbookServerTests.TracePropagationTests/contextFollowsTheTask()"),
        ReviewCard(
            id: "server.trace-propagation#57b7db13", lesson: "server.trace-propagation", kind: .recall,
            question: """
                What is in a W3C traceparent header, and what must a service do with it on the way in and on the \
                way out?
                """,
            answer: """
                00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags, bit 0 sampled>. In: extract it and \
                make the server span a child of that parent in the same trace; a malformed value (wrong length, \
                uppercase, all-zero id, version ff) is ignored and a new trace starts. Out: inject the current \
                (client) span's ids, reserved flag bits cleared, so the next service continues the trace.
                """,
            test: "HandbookServerTests.TracePropagationTests/outgoingCallCarriesTheTrace()"),
        ReviewCard(
            id: "server.trace-propagation#a2e9f15f", lesson: "server.trace-propagation", kind: .recall,
            question: """
                An operation inside tracer.withSpan throws. What happens to the span and to the error?
                """,
            answer: """
                withSpan records the error on the span, sets its status to error, ends the span, and rethrows, \
                so the caller still handles the error and every enclosing withSpan records it too (the client \
                span ends first, then the server span). Ending spans by hand risks leaking them on the error \
                path.
                """,
            test: "HandbookServerTests.TracePropagationTests/errorsAreRecorded()"),
        ReviewCard(
            id: "server.measuring#86f1bf5d", lesson: "server.measuring", kind: .recall,
            question: """
                Why must you never benchmark the binary swift build or swift test produces by default?
                """,
            answer: """
                It is a debug build: no optimisation, generics not specialised, every retain and release kept, \
                so compute-heavy code can be up to 10-100x slower (I/O-bound code a few times) and slow in \
                different places than the release build you deploy. Benchmark with -c release (package-benchmark \
                does); profile a release build, with perf record --call-graph dwarf for whole stacks.
                """,
            test: "HandbookServerTests.MeasuringServersTests/testsAreADebugBuild()"),
        ReviewCard(
            id: "server.measuring#9283f67a", lesson: "server.measuring", kind: .recall,
            question: """
                Your endpoint's mean latency went from 2 ms to 22 ms. Why is that not yet a useful finding, and \
                what do you report instead?
                """,
            answer: """
                A mean of skewed data describes no request: 98 requests at 2 ms and 2 at 1 s average 22 ms. \
                Report the median and a tail percentile (p99) over many warmed-up runs, and compare the two \
                distributions; then profile the slow ones. Percentiles are order statistics of the sorted \
                samples (nearest rank).
                """,
            test: "HandbookServerTests.MeasuringServersTests/percentilesShowTheTail()"),
        ReviewCard(
            id: "server.measuring#354c2e27", lesson: "server.measuring", kind: .recall,
            question: """
                How do you count what a piece of Swift code allocates without other work polluting the number?
                """,
            answer: """
                Process-wide counters (mallinfo2, a malloc interposer, package-benchmark's mallocCountTotal) see \
                every thread, so measure where nothing else runs: a benchmark process, or an exit test's child \
                process as this lesson does. Copy-on-write shows clearly there: copying an 8 MiB array allocates \
                nothing, the first write to the copy allocates 8 MiB.
                """,
            test: "HandbookServerTests.MeasuringServersTests/copyOnWriteShowsInTheHeap()"),
        ReviewCard(
            id: "server.graceful-shutdown#bd75abba", lesson: "server.graceful-shutdown", kind: .seedQuestion,
            question: """
                Implement graceful shutdown for a web server
                """,
            answer: """
                On SIGTERM: fail readiness but keep serving for a propagation delay (load balancers and proxies \
                learn of the removal seconds later), then stop accepting, let in-flight handlers finish, and \
                only then close the database. With a ServiceGroup of [database, server, readinessDrain], that is \
                the reverse shutdown order; maximumGracefulShutdownDuration, below the orchestrator's grace \
                period, cancels a stuck drain.
                """,
            test: "HandbookServerTests.GracefulShutdownTests/keepsAcceptingUntilRoutingCatchesUp()"),
        ReviewCard(
            id: "server.graceful-shutdown#1243220f", lesson: "server.graceful-shutdown", kind: .recall,
            question: """
                During a graceful shutdown, should the liveness probe fail? The readiness probe?
                """,
            answer: """
                Readiness fails first: it tells load balancers to stop sending traffic (keep serving what still \
                arrives while they catch up). Liveness keeps passing until the process exits: it means \"restart \
                me\", and a draining process is healthy. Failing liveness mid-drain gets the instance killed \
                with requests in flight.
                """,
            test: "HandbookServerTests.GracefulShutdownTests/readinessIsNotLiveness()"),
        ReviewCard(
            id: "server.graceful-shutdown#2ac682dd", lesson: "server.graceful-shutdown", kind: .recall,
            question: """
                In which order does a ServiceGroup shut its services down, and what happens if one service's \
                run() returns early?
                """,
            answer: """
                In reverse of the array, one at a time: each service's run() must return before the next is told \
                to shut down, so list dependencies first (they all start at once). By default \
                (successTerminationBehavior .cancelGroup) a run() that returns early ends the group: it cancels \
                the other services and run() throws serviceFinishedUnexpectedly; a run() that throws ends it \
                with that error.
                """,
            test: "HandbookServerTests.GracefulShutdownTests/shutdownOrderIsReversed()"),
        ReviewCard(
            id: "server.http-client#e1cd52fd", lesson: "server.http-client", kind: .recall,
            question: """
                200 requests arrive at once at a client whose pool has 10 connections; each call takes 50 ms. \
                What happens, and when does the last response arrive?
                """,
            answer: """
                The pool opens 10 connections and queues the other 190 inside the client. They go out in 20 \
                waves of 10: the last request waits 950 ms before it is even sent and completes at 1 s. With a \
                500 ms deadline only the first 100 can finish in time; the rest fail without ever reaching the \
                server. (In AHC a queued request also fails once it has waited longer than the connect timeout.)
                """,
            test: "HandbookServerTests.HTTPClientsTests/queueingOfABurst()"),
        ReviewCard(
            id: "server.http-client#60c36208", lesson: "server.http-client", kind: .recall,
            question: """
                How do you size an HTTP client's connection pool for a dependency?
                """,
            answer: """
                Little's law: connections busy on average L = arrival rate x time each call holds a connection. \
                200 requests/s at 50 ms keep 10 busy on average; that is the floor, where the pool is always \
                full and any latency jitter grows the queue, so aim for 70-80 % use (13-15). Far more only moves \
                the queue into the dependency. Compute it in integers: 100 x 0.07 in Double is \
                7.000000000000001, which rounds up to 8.
                """,
            test: "HandbookServerTests.HTTPClientsTests/littlesLaw(requestsPerSecond:latency:connections:)"),
        ReviewCard(
            id: "server.http-client#4a3c2fbf", lesson: "server.http-client", kind: .recall,
            question: """
                With AsyncHTTPClient, what does a read timeout bound, what does a deadline bound, and does the \
                deadline include the wait for a pooled connection?
                """,
            answer: """
                The read timeout is the longest silence between two reads (AHC re-arms it on every read), so a \
                server that drips bytes never trips it. execute's deadline covers the wait for a pooled \
                connection (a request can fail with deadlineExceeded without reaching the server) and for the \
                response head, then stops: a body that keeps dripping bytes is bounded by neither, so bound the \
                whole attempt yourself. A queued request also fails after the connect timeout \
                (getConnectionFromPoolTimeout).
                """,
            test: "HandbookServerTests.HTTPClientsTests/deadlineCountsThePoolWait()"),
        ReviewCard(
            id: "server.http-client#f83c5c42", lesson: "server.http-client", kind: .recall,
            question: """
                Which failed HTTP calls should a client retry automatically?
                """,
            answer: """
                Only idempotent requests (GET, HEAD, PUT, DELETE, or a POST carrying an idempotency key the \
                server deduplicates on), only on transient failures (transport errors, 429, 502, 503, 504; not a \
                4xx), with capped, jittered backoff that never sleeps past the caller's deadline.
                """,
            test: "HandbookServerTests.HTTPClientsTests/aPostWithoutAnIdempotencyKeyIsNotRetried()"),
        ReviewCard(
            id: "server.spec-first#c6adb322", lesson: "server.spec-first", kind: .recall,
            question: """
                With swift-openapi-generator, which parts of the schema does the generated server enforce, and \
                which are still the handler's job?
                """,
            answer: """
                It decodes types, required properties, enums and content types, and answers a request it cannot \
                parse with a 4xx (given ErrorHandlingMiddleware). It does not check minimum, maximum, maxLength \
                or pattern: {"stock": -5} decodes to stock == -5 although the document says minimum: 0, so the \
                handler must validate ranges and lengths.
                """,
            test: "HandbookServerTests.SpecFirstAPIsTests/boundsAreTheHandlersJob()"),
        ReviewCard(
            id: "server.spec-first#d3d0228a", lesson: "server.spec-first", kind: .predict,
            question: """
                A Hummingbird server registers generated OpenAPI handlers with registerHandlers(on: router) and \
                no middlewares. A client sends {"stock": "ten"} where the document says integer. What status \
                comes back, and how do you fix it?
                """,
            answer: """
                500: the runtime throws a ServerError that Hummingbird does not know, so it answers as for any \
                unknown error. Register with middlewares: [ErrorHandlingMiddleware()] and the runtime's own \
                mapping applies: 400 for a body it cannot decode, 415 for a wrong content type.
                """,
            test: "HandbookServerTests.SpecFirstAPIsTests/withoutErrorHandlingMalformedInputIsAServerError()"),
        ReviewCard(
            id: "server.spec-first#11cc81f9", lesson: "server.spec-first", kind: .recall,
            question: """
                A generated OpenAPI handler returns an ETag header of "v1" (with the quotes). What goes on the \
                wire, and why?
                """,
            answer: """
                %22v1%22: the runtime serialises header parameters in OpenAPI 3.0's simple style, which \
                percent-encodes every character outside RFC 3986's unreserved set. Later OpenAPI versions \
                advise against encoding headers, but \
                the generator keeps the behaviour for compatibility; a server middleware that percent-decodes \
                the named response headers sends them as written.
                """,
            test: "HandbookServerTests.SpecFirstAPIsTests/headersArePercentEncoded()"),
        ReviewCard(
            id: "server.spec-first#d4f58194", lesson: "server.spec-first", kind: .recall,
            question: """
                How do you keep a service and its OpenAPI document from drifting apart?
                """,
            answer: """
                Make the document the source: generate the server's types and protocol from it on every build \
                (so an undocumented response does not compile, short of .undocumented), test that every route is \
                documented and every documented operation is a route, and run a schema-aware fuzzer \
                (schemathesis) against the running service so each response's status, headers and body are \
                checked against the document.
                """,
            test: "HandbookServerTests.SpecFirstAPIsTests/documentIsBundled()"),
    ]
}
