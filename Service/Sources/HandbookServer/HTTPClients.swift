import AsyncHTTPClient
import HandbookPatterns
import NIOCore
import NIOHTTP1
import NIOPosix

/// Calling another service with AsyncHTTPClient: a pool sized by Little's
/// law, a deadline for the whole call, and retries only where they are safe.
///
/// ## Why interviewers ask this
/// A backend is mostly calls to other backends, and most outages start at
/// that seam: a pool too small queues every request behind a slow
/// dependency, a missing deadline lets one stuck call hold a connection
/// forever, and a retry loop turns a dependency's bad minute into double the
/// load. "You have 200 requests and 10 connections; what happens?" checks
/// that you can reason about queueing, not only call `execute`.
///
/// ## Common pitfalls
/// - One `HTTPClient` per request: no connection is ever reused (a TCP and
///   TLS handshake each time), and every client must be `shutdown()`; AHC's
///   debug builds trap in `deinit` on a client that was not. Create one per
///   process and shut it down at exit. (`HTTPClient.shared` cannot be shut
///   down, and its pool cannot be sized: 8 connections per host, 90-second
///   connect and read timeouts.)
/// - Sizing the pool by feel. Little's law, L = λ·W, gives the connections
///   busy *on average*: 200 requests/s at 50 ms each keep 10 busy. That is
///   the floor: at exactly 10 the pool is 100 % used and any jitter in
///   latency grows the queue without bound, so aim for 70–80 % (13–15 here).
///   Far more only moves the queue into the dependency, which then slows
///   everyone down.
/// - Forgetting that the limit is per HTTP/1 connection. Over HTTPS AHC
///   negotiates HTTP/2 when the server offers it, and then one connection
///   multiplexes every request: `concurrentHTTP1ConnectionsPerHostSoftLimit`
///   limits nothing. This lesson's client is `.http1Only`.
/// - Believing the read timeout bounds a call. AHC re-arms it on every read
///   (`IdleReadStateMachine` in its HTTP/1 channel handler), so a server that
///   drips a byte a second never trips it.
/// - Believing `execute`'s deadline does. It covers the wait for a pooled
///   connection (with a full pool a request can time out without ever
///   reaching the server) and the wait for the response *head*; AHC stops
///   it once `execute` returns. A body that goes silent then trips the read
///   timeout, if one is set (`makeClient` sets none by default); one that
///   keeps dripping bytes is bounded by neither.
///   ``RetryingClient`` bounds each whole attempt, body included, itself.
/// - Missing the second limit on that wait: AHC gives up on a request that
///   has waited for a pooled connection longer than the *connect* timeout
///   (its `connectionDeadline`), with `getConnectionFromPoolTimeout`, however
///   generous the deadline. A 1-second connect timeout fails every request
///   queued for longer than a second.
/// - Ignoring `Retry-After` on a 429 or 503: the server said when to come
///   back. (``RetryingClient`` keeps to its own backoff; honouring the header
///   means sleeping at least that long before the next attempt.)
/// - Retrying what is not safe to repeat. A `POST` that timed out may have
///   been done; repeat it only with an idempotency key the server honours.
///   And a 400 will be a 400 again: retry transport failures and 429/502/503/504.
/// - Retries without a budget: each layer's three attempts multiply, and
///   synchronised backoff makes waves. Use capped, jittered backoff inside the
///   caller's deadline (``Retrier`` from the Patterns lesson).
/// - Collecting a body with no bound. AHC's async `execute` returns once the
///   head arrives and the body streams after it; `collect(upTo:)` throws
///   rather than let one large response exhaust the process's memory.
///
/// ## Key takeaway
/// One client per process; size its pool with L = λ·W and a little headroom;
/// give every call a deadline, knowing it includes the wait for a connection;
/// retry only idempotent requests, only on transient failures, with jittered
/// backoff that never sleeps past that deadline.
///
/// ## Go → Swift
/// Go's `http.Transport.MaxConnsPerHost` is 0 (no limit, no queue) unless
/// set; set, it queues like AHC's `concurrentHTTP1ConnectionsPerHostSoftLimit`,
/// whose default is 8. A Go `context.Context` deadline also covers reading
/// the body; AHC's `deadline:` stops at the response head, so bound the body
/// yourself (here, a task cancelled at the attempt's time limit).
public enum HTTPClients {
    /// Why a pool size could not be computed.
    public enum SizingError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The arrival rate was negative.
        case negativeRate(Int)
        /// The latency was not positive.
        case nonPositiveLatency(Duration)
        /// The pool would need more than `Int.max` connections.
        case overflow

        public var description: String {
            switch self {
            case .negativeRate(let rate): "the arrival rate must be 0 or more per second, got \(rate)"
            case .nonPositiveLatency(let latency): "the latency must be positive, got \(latency)"
            case .overflow: "the pool size overflows Int"
            }
        }
    }

    /// Little's law: the connections busy on average when `requestsPerSecond`
    /// arrive and each holds a connection for `latency`, rounded up.
    ///
    /// Computed in integer nanoseconds: in `Double`, 100 × 0.07 is
    /// 7.000000000000001, and rounding up would ask for an eighth connection.
    /// This is the floor, at which the pool is always busy; add headroom
    /// (aim for 70–80 % use) so latency jitter does not grow the queue.
    ///
    /// - Throws: ``SizingError`` for a negative rate, a latency that is not
    ///   positive, or a result that overflows.
    public static func connections(requestsPerSecond: Int, latency: Duration) throws(SizingError) -> Int {
        guard requestsPerSecond >= 0 else { throw .negativeRate(requestsPerSecond) }
        guard latency > .zero else { throw .nonPositiveLatency(latency) }
        let (seconds, attoseconds) = latency.components
        // Nanoseconds, rounded up so that a latency of 1 as is not 0.
        let (wholeNanoseconds, overflowed) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (nanoseconds, overflowedAgain) = wholeNanoseconds.addingReportingOverflow(
            (attoseconds + 999_999_999) / 1_000_000_000)
        let (busyNanoseconds, overflowedOnce) = Int64(requestsPerSecond).multipliedReportingOverflow(by: nanoseconds)
        guard !overflowed, !overflowedAgain, !overflowedOnce else { throw .overflow }
        return Int(busyNanoseconds / 1_000_000_000 + (busyNanoseconds % 1_000_000_000 == 0 ? 0 : 1))
    }

    /// What `requests` sent at once meet on a pool of `connections`, each
    /// request taking `serviceTime` on its connection.
    public struct Queueing: Hashable, Sendable {
        /// Rounds of `connections` requests: ⌈requests / connections⌉.
        public let waves: Int
        /// How long the last request waits in the client before it is even sent.
        public let lastWait: Duration
        /// When the last response arrives.
        public let makespan: Duration
        /// How many finish at or before `deadline` (all of them when there is none).
        public let finishedInTime: Int

        /// The queueing of a burst, for a pool with no other traffic.
        ///
        /// - Precondition: `requests >= 0`, `connections > 0`, `serviceTime > .zero`.
        public init(requests: Int, connections: Int, serviceTime: Duration, deadline: Duration? = nil) {
            precondition(requests >= 0 && connections > 0 && serviceTime > .zero, "invalid queueing parameters")
            waves = (requests + connections - 1) / connections
            lastWait = serviceTime * max(waves - 1, 0)
            makespan = serviceTime * waves
            if let deadline {
                // A request in wave w (1-based) finishes at w·serviceTime.
                let wavesInTime = max(0, Int(deadline / serviceTime))
                finishedInTime = min(requests, wavesInTime * connections)
            } else {
                finishedInTime = requests
            }
        }
    }

    /// A client whose pool opens at most `maximumConnections` HTTP/1
    /// connections per host, and queues every request beyond them.
    ///
    /// The limit is "soft" only for requests that demand a specific event
    /// loop; this lesson's requests do not. The caller owns the client and
    /// must `shutdown()` it.
    ///
    /// - Parameters:
    ///   - connectTimeout: the limit on opening a connection, and also on a
    ///     request's wait for one from the pool (AHC uses it for both).
    ///   - readTimeout: the longest silence between two reads of a response
    ///     (not a bound on the whole call: pass a deadline to `execute`).
    public static func makeClient(
        maximumConnections: Int,
        connectTimeout: TimeAmount = .seconds(10),
        readTimeout: TimeAmount? = nil,
        eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup
    ) -> HTTPClient {
        precondition(maximumConnections > 0, "a pool needs at least one connection")
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maximumConnections)
        configuration.timeout = .init(connect: connectTimeout, read: readTimeout)
        // The pool limit counts HTTP/1 connections; HTTP/2 would multiplex
        // every request on one connection and the limit would limit nothing.
        configuration.httpVersion = .http1Only
        return HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
    }

    /// True when sending `request` twice has the effect of sending it once:
    /// the methods RFC 9110 calls idempotent, or any request carrying an
    /// `Idempotency-Key` (the server must deduplicate on it).
    public static func isIdempotent(_ request: HTTPClientRequest) -> Bool {
        switch request.method {
        case .GET, .HEAD, .PUT, .DELETE, .OPTIONS, .TRACE: true
        default: request.headers.contains(name: "Idempotency-Key")
        }
    }

    /// A response whose status says the request failed.
    public struct UnexpectedStatus: Error, Hashable, Sendable, CustomStringConvertible {
        /// The status the server answered.
        public let status: HTTPResponseStatus

        /// A failure carrying `status`.
        public init(status: HTTPResponseStatus) { self.status = status }

        public var description: String { "the server answered \(status.code) \(status.reasonPhrase)" }

        /// Worth another attempt: the server was overloaded or a proxy could not reach it.
        public var isTransient: Bool { [429, 502, 503, 504].contains(status.code) }
    }

    /// True for failures that another attempt may not meet: transient statuses,
    /// and errors of the transport before a whole response arrived.
    ///
    /// A 500 is not on the list: it usually means a bug the next attempt hits
    /// again. Retry it only for a dependency that documents it as transient.
    public static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case let status as UnexpectedStatus:
            return status.isTransient
        case let failure as HTTPClientError:
            return [
                .connectTimeout, .readTimeout, .remoteConnectionClosed, .deadlineExceeded,
                .getConnectionFromPoolTimeout,
            ].contains(failure)
        case is IOError, is NIOConnectionError, is ChannelError, is AttemptTimedOut:
            return true
        default:
            return false
        }
    }

    /// An attempt, head and body, did not finish within its time limit.
    public struct AttemptTimedOut: Error, Hashable, Sendable {
        /// The limit it had.
        public let limit: Duration

        /// The failure of an attempt that had `limit`.
        public init(limit: Duration) { self.limit = limit }
    }

    /// Runs `operation`, cancelling it and throwing ``AttemptTimedOut`` if it
    /// has not finished after `limit` (of the continuous clock).
    ///
    /// The limit is cooperative: a task group waits for its children, so this
    /// returns only once `operation` has stopped. AHC's `execute` and body
    /// stream stop on cancellation; an operation that ignores it would
    /// outlive the limit.
    public static func withTimeLimit<T: Sendable>(
        _ limit: Duration, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw AttemptTimedOut(limit: limit)
            }
            defer { group.cancelAll() }
            // The first to finish wins; cancelling the other stops its request
            // (AHC cancels a request, body stream included, with its task).
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    /// A successful response, read whole.
    public struct Response: Sendable {
        /// The final status (a 2xx or 3xx).
        public let status: HTTPResponseStatus
        /// The body, at most the `maxBodyBytes` the caller allowed.
        public let body: ByteBuffer
        /// How many attempts it took, 1 when the first one succeeded.
        public let attempts: Int
    }

    /// An HTTP client that retries safely: idempotent requests, transient
    /// failures, jittered backoff on an injected clock, within a deadline.
    public struct RetryingClient<C: Clock<Duration>>: Sendable {
        /// The shared client (and its pool); not owned, not shut down here.
        public let client: HTTPClient
        /// Attempts and backoff (the Patterns lesson's ``Retrier``).
        public let retrier: Retrier<C>
        /// The time limit of one attempt: pool wait, head and body.
        public let attemptTimeout: Duration

        /// A retrying client over `client`.
        public init(client: HTTPClient, retrier: Retrier<C>, attemptTimeout: Duration) {
            self.client = client
            self.retrier = retrier
            self.attemptTimeout = attemptTimeout
        }

        /// Sends `request` until a 2xx/3xx arrives, the failure is not worth
        /// repeating, the attempts run out, or the next backoff would reach
        /// `deadline` (an instant of the retrier's clock). Each attempt has
        /// `attemptTimeout` or the time left before `deadline`, whichever is
        /// shorter, for everything: connection, head and body.
        ///
        /// - Throws: ``UnexpectedStatus`` for a 4xx/5xx that ended it, or the
        ///   client's last error; `CancellationError` if cancelled.
        public func execute(
            _ request: HTTPClientRequest,
            until deadline: C.Instant? = nil,
            maxBodyBytes: Int = 1 << 20,
            using random: inout some RandomNumberGenerator
        ) async throws -> Response {
            let repeatable = HTTPClients.isIdempotent(request)
            let retryIf = { (error: any Error) in repeatable && HTTPClients.isTransient(error) }
            let (client, retrier, attemptTimeout) = (client, retrier, attemptTimeout)
            return try await retrier.run(until: deadline, using: &random, retryIf: retryIf) { attempt in
                let left = deadline.map { retrier.clock.now.duration(to: $0) } ?? attemptTimeout
                let limit = max(.zero, min(attemptTimeout, left))
                return try await HTTPClients.withTimeLimit(limit) {
                    // execute's own deadline ends at the head; the time limit
                    // around this closure is what bounds the body.
                    let response = try await client.execute(
                        request, deadline: .now() + .nanoseconds(Self.nanoseconds(limit)))
                    // Bounded in size too: a huge body throws instead of filling memory.
                    let body = try await response.body.collect(upTo: maxBodyBytes)
                    guard response.status.code < 400 else { throw UnexpectedStatus(status: response.status) }
                    return Response(status: response.status, body: body, attempts: attempt)
                }
            }
        }

        /// Whole nanoseconds in `duration`, saturating.
        static func nanoseconds(_ duration: Duration) -> Int64 {
            let (seconds, attoseconds) = duration.components
            let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            if overflow { return seconds < 0 ? .min : .max }
            return whole.addingReportingOverflow(attoseconds / 1_000_000_000).overflow
                ? .max : whole + attoseconds / 1_000_000_000
        }
    }
}
