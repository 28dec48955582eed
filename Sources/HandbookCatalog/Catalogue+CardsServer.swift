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
                deadlock, and every other channel on the loop stalls meanwhile. NIO checks and traps (\"BUG \
                DETECTED: wait() must not be called when on an EventLoop\") on any loop thread. In a handler, \
                chain with map/flatMap; in async code, try await future.get() (wait() is noasync there).
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
                No copy: the slice shares the parent's storage (same base address, its own reader and writer \
                indices from 0). ByteBuffer is copy-on-write, so a write to either buffer copies the storage \
                first and the other never sees the change. A small slice keeps the whole storage alive until it \
                is released.
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
            id: "server.structured-logging#f4c39c3b", lesson: "server.structured-logging", kind: .recall,
            question: """
                At what level should a server library log routine events with swift-log, and who configures the \
                log handler and level?
                """,
            answer: """
                Routine events at .debug or .trace (info sparingly, warning and up only for what the application \
                cannot learn from a thrown error). The application bootstraps the handler once in main and \
                chooses the level; a library only takes a Logger from its caller and never calls \
                LoggingSystem.bootstrap, which traps the second time.
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
            id: "server.graceful-shutdown#bd75abba", lesson: "server.graceful-shutdown", kind: .seedQuestion,
            question: """
                Implement graceful shutdown for a web server
                """,
            answer: """
                In a ServiceGroup listing dependencies first ([database, server]): on SIGTERM the server turns \
                readiness false (liveness stays true), stops its accept loop (cancelOnGracefulShutdown on that \
                loop only), lets in-flight handlers finish, and returns; only then does the group shut the \
                database down, in reverse order. maximumGracefulShutdownDuration, below the orchestrator's grace \
                period, escalates a stuck drain to cancellation.
                """,
            test: "HandbookServerTests.GracefulShutdownTests/drainsThenClosesDependencies()"),
        ReviewCard(
            id: "server.graceful-shutdown#1243220f", lesson: "server.graceful-shutdown", kind: .recall,
            question: """
                During a graceful shutdown, should the liveness probe fail? The readiness probe?
                """,
            answer: """
                Readiness fails first: it tells the load balancer to stop sending traffic. Liveness keeps \
                passing until the process exits: it means \"restart me\", and a draining process is healthy. \
                Failing liveness mid-drain gets the instance killed with requests in flight.
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
                to shut down, so list dependencies first. A run() that returns (or throws) early ends the group: \
                it cancels the other services and run() throws serviceFinishedUnexpectedly (or the service's own \
                error).
                """,
            test: "HandbookServerTests.GracefulShutdownTests/shutdownOrderIsReversed()"),
    ]
}
