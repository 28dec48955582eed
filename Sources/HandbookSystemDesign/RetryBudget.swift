import Synchronization

/// A retry budget: retries may add at most a fixed percentage to the
/// requests of the last few seconds, so at traffic well above the budget's
/// floor each layer adds about 10 % to the load on a failing dependency,
/// where unbudgeted retries multiply it by attempts^layers.
///
/// ```swift
/// let budget = try RetryBudget(policy: .init(retryPercent: 10, minimumRetriesPerSecond: 1, window: .seconds(10)))
/// let profile = try await RequestDeadline.serve(timeoutHeader: request.headers["grpc-timeout"], clock: clock) {
///     try await budget.run(maxAttempts: 3, hop: .init(safetyMargin: .milliseconds(5), minimumTime: .milliseconds(20))) {
///         attempt in
///         try await profiles.fetch(id, grpcTimeout: attempt.timeout.flatMap(RequestDeadline.grpcTimeoutHeader))
///     }
/// }   // retries only while the budget allows and the caller's deadline leaves time for one
/// ```
///
/// ## Why interviewers ask this
/// "Add retries" is the reflex answer to a flaky dependency, and the follow-up
/// is what happens when the dependency is *down*. Three layers (gateway →
/// service → repository) that each make three attempts send 3 × 3 × 3 = 27
/// calls to the database for one user request, exactly when it is least able
/// to take them: retries turn a brownout into an outage. The senior answer has
/// two parts. A retry budget per client caps retries to a ratio of recent
/// requests (here 10 %, plus a small floor per second so that quiet clients
/// can still retry), so the extra load is bounded whatever the failure rate.
/// Deadline propagation sends the caller's remaining time down the chain, so
/// no layer keeps working, or retrying, for a caller that has given up.
///
/// ## Common pitfalls
/// - Counting attempts per request only. `maxAttempts: 3` bounds one
///   request, not the fleet: at 100 % failure every request makes 3 attempts,
///   and per layer that compounds (the test counts 2 700 database calls for
///   100 requests through three layers; with budgets, 133).
/// - Letting retries fund retries. Only first attempts deposit into the
///   budget; a retry that also counted as a request would raise its own
///   allowance.
/// - Spending budget on a retry that cannot finish in time. Check the deadline
///   first, then withdraw from the budget.
/// - A fresh timeout at every hop (`timeout: 2 s` at each layer) instead of
///   the caller's remaining time: the layers below keep working, and
///   retrying, for a caller that has already given up (experiment
///   `retry-budget.serve-ignores-the-callers-timeout`).
/// - Forwarding the remaining time without a safety margin. The callee's
///   clock starts when the request arrives, so transit is time the caller
///   counted and the callee did not; its answer can arrive after the caller
///   gave up (experiment `retry-budget.no-safety-margin`). And a hop must not
///   call a dependency at all when what is left is below the dependency's
///   minimum useful time.
/// - Checking the deadline before the first attempt only: the retries then
///   run past it (experiment `retry-budget.deadline-checked-once`). Retries
///   share the original deadline; they never get a new one.
/// - Sending an absolute deadline between machines. Their clocks disagree;
///   gRPC sends a *duration* (`grpc-timeout: 250m`, at most 8 digits and a
///   unit), and the receiver adds it to its own clock. The margin absorbs the
///   network transit that the duration does not see.
/// - Trusting the client's timeout unbounded: cap it with the server's own
///   maximum (``RequestDeadline/serve(timeoutHeader:clock:minimumTime:maximum:_:)``).
/// - Expecting `Task.detached` to keep the deadline. It drops every
///   task-local; `async let`, task-group children and `Task {}` keep it.
///
/// ## Key takeaway
/// Bound the *fleet's* retries, not just each request's: a windowed budget
/// allows `requests × percent / 100 + floor` retries, so at traffic well
/// above the floor a dead dependency behind three layers gets 1.1³ ≈ 1.33 ×
/// the traffic instead of 27 ×.
/// Carry one deadline per request (a task-local in-process, `grpc-timeout`
/// on the wire), shrink it by elapsed time and a margin at every hop, refuse
/// work that cannot finish, and let retries use up the same deadline, never
/// extend it. For backoff and
/// per-attempt timeouts inside that deadline, see `DeadlineRetryOrchestrator`
/// and `RetryWithBackoff`; this lesson adds what they lack: a limit on
/// retries across requests, and a deadline that travels between services.
///
/// ## Go → Swift
/// Go carries the deadline in `context.Context`, and gRPC-Go turns a context
/// deadline into the `grpc-timeout` header and back; Swift carries it in a `@TaskLocal`
/// (``RequestDeadline/current``), which child tasks inherit like a derived
/// `ctx`. The budget follows Finagle's `RetryBudget` (a deposit per request,
/// a withdrawal per retry, a floor per second); gRPC's service config offers a
/// token-based variant, `retryThrottling` (a failure takes a token, a success
/// returns `tokenRatio` of one, and retries stop once the count falls to half
/// of `maxTokens`).
public final class RetryBudget: Sendable {
    /// How many retries the budget allows, and over which window.
    public struct Policy: Sendable, Hashable {
        /// Retries allowed per 100 first attempts in the window (0...100).
        public let retryPercent: Int
        /// Retries allowed per second of window even with no requests, so a
        /// client with little traffic can still retry.
        public let minimumRetriesPerSecond: Int
        /// How far back requests and retries count.
        public let window: Duration
        /// The window is kept as this many slots: a request counts for
        /// between `window − window / slots` and `window` after it was made.
        public let slots: Int

        /// - Throws: ``ConfigurationError`` for a percentage outside 0...100,
        ///   a negative floor, a non-positive window or slot count, or slots
        ///   shorter than a nanosecond.
        public init(
            retryPercent: Int = 10, minimumRetriesPerSecond: Int = 1, window: Duration = .seconds(10), slots: Int = 10
        ) throws(ConfigurationError) {
            guard (0...100).contains(retryPercent) else {
                throw ConfigurationError("retryPercent must be in 0...100 (got \(retryPercent))")
            }
            guard minimumRetriesPerSecond >= 0 else {
                throw ConfigurationError(
                    "minimumRetriesPerSecond must not be negative (got \(minimumRetriesPerSecond))")
            }
            guard window > .zero else { throw ConfigurationError("window must be positive (got \(window))") }
            guard slots >= 1, window / slots >= .nanoseconds(1) else {
                throw ConfigurationError("slots must be at least 1 and at most one per nanosecond (got \(slots))")
            }
            self.retryPercent = retryPercent
            self.minimumRetriesPerSecond = minimumRetriesPerSecond
            self.window = window
            self.slots = slots
        }

        /// Retries allowed in a window that saw `requests` first attempts:
        /// `requests × retryPercent / 100 + minimumRetriesPerSecond × window`,
        /// in integers, rounded down, so no floating-point drift.
        public func allowance(requests: Int) -> Int {
            let floor = Int128(minimumRetriesPerSecond) * window.attoseconds / Duration.seconds(1).attoseconds
            return requests * retryPercent / 100 + Int(floor)
        }
    }

    /// A policy that cannot work, with a message naming the bad value.
    public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
        public let description: String

        public init(_ description: String) {
            self.description = description
        }
    }

    /// The budget's state as a pure value: requests and retries per slot of
    /// the window, at times measured from the budget's creation.
    public struct Window: Sendable, Hashable {
        private struct Slot: Sendable, Hashable {
            var epoch = -1
            var requests = 0
            var retries = 0
        }

        public let policy: Policy
        private var slots: [Slot]

        public init(policy: Policy) {
            self.policy = policy
            slots = Array(repeating: Slot(), count: policy.slots)
        }

        /// Counts a first attempt.
        public mutating func recordRequest(at elapsed: Duration) {
            let epoch = Self.epoch(of: elapsed, policy: policy)
            slots[slot(for: epoch)].requests += 1
        }

        /// Withdraws one retry if the window's allowance has room.
        ///
        /// - Complexity: O(slots).
        public mutating func tryRetry(at elapsed: Duration) -> Bool {
            let (requests, retries) = counts(at: elapsed)
            guard retries < policy.allowance(requests: requests) else { return false }
            let epoch = Self.epoch(of: elapsed, policy: policy)
            slots[slot(for: epoch)].retries += 1
            return true
        }

        /// First attempts and retries still inside the window at `elapsed`.
        ///
        /// - Complexity: O(slots).
        public func counts(at elapsed: Duration) -> (requests: Int, retries: Int) {
            let now = Self.epoch(of: elapsed, policy: policy)
            let live = slots.filter { $0.epoch > now - policy.slots }
            return (live.reduce(0) { $0 + $1.requests }, live.reduce(0) { $0 + $1.retries })
        }

        /// The slot for `epoch`, emptied first if it still holds an older one.
        private mutating func slot(for epoch: Int) -> Int {
            let index = epoch % policy.slots
            if slots[index].epoch != epoch { slots[index] = Slot(epoch: epoch) }
            return index
        }

        /// Which slot-length interval since the start `elapsed` falls in:
        /// exact integer arithmetic on attoseconds.
        private static func epoch(of elapsed: Duration, policy: Policy) -> Int {
            Int(max(elapsed, .zero).attoseconds / (policy.window / policy.slots).attoseconds)
        }
    }

    /// Why ``run(maxAttempts:hop:isRetryable:_:)`` gave up. Each case carries
    /// the last failure, so callers can still inspect it.
    public enum RetryError: Error, CustomStringConvertible {
        /// A retry was due but the budget had no room.
        case budgetExhausted(attempts: Int, lastError: any Error)
        /// Every allowed attempt failed.
        case attemptsExhausted(attempts: Int, lastError: any Error)
        /// The propagated deadline left less than the hop's minimum time for
        /// the next attempt; `lastError` is `nil` when no attempt was made.
        case deadlineExceeded(attempts: Int, lastError: (any Error)?)

        public var description: String {
            switch self {
            case .budgetExhausted(let attempts, let lastError):
                "retry budget exhausted after \(attempts) attempt(s); last error: \(lastError)"
            case .attemptsExhausted(let attempts, let lastError):
                "all \(attempts) attempts failed; last error: \(lastError)"
            case .deadlineExceeded(let attempts, let lastError?):
                "no time left for another attempt after \(attempts); last error: \(lastError)"
            case .deadlineExceeded(_, nil):
                "not enough time left to call the dependency at all"
            }
        }
    }

    /// What one attempt is told.
    public struct Attempt: Sendable, Hashable {
        /// 1-based.
        public let number: Int
        /// The time to give the dependency (send it as `grpc-timeout`):
        /// the propagated deadline's remaining time minus the hop's safety
        /// margin. `nil` when no deadline is bound.
        public let timeout: Duration?
    }

    public let policy: Policy
    private let elapsed: @Sendable () -> Duration
    private let window: Mutex<Window>

    /// A budget whose window is measured on `clock`.
    public init(policy: Policy, clock: some Clock<Duration>) {
        self.policy = policy
        let start = clock.now
        // The closure hides the clock's type, so the budget is not generic.
        elapsed = { start.duration(to: clock.now) }
        window = Mutex(Window(policy: policy))
    }

    /// A budget on the real clock.
    public convenience init(policy: Policy) {
        self.init(policy: policy, clock: ContinuousClock())
    }

    /// Counts a first attempt: each one raises the allowance by
    /// `retryPercent / 100` of a retry for the length of the window.
    public func recordRequest() {
        let now = elapsed()
        window.withLock { $0.recordRequest(at: now) }
    }

    /// Withdraws one retry if the budget allows it.
    public func tryRetry() -> Bool {
        let now = elapsed()
        return window.withLock { $0.tryRetry(at: now) }
    }

    /// First attempts and retries inside the current window.
    public var counts: (requests: Int, retries: Int) {
        let now = elapsed()
        return window.withLock { $0.counts(at: now) }
    }

    /// Runs `operation` up to `maxAttempts` times. A retry happens only if
    /// the error is retryable, the propagated deadline (``RequestDeadline/current``)
    /// leaves at least `hop.minimumTime` after the safety margin, and then the
    /// budget allows it, in that order. No backoff: add one with
    /// `RetryWithBackoff` or `DeadlineRetryOrchestrator`.
    ///
    /// - Precondition: `maxAttempts >= 1`.
    /// - Throws: ``RetryError``, a non-retryable error of `operation`, or
    ///   `CancellationError` when the caller is cancelled.
    public func run<T>(
        maxAttempts: Int,
        hop: RequestDeadline.Hop = RequestDeadline.Hop(),
        isRetryable: (any Error) -> Bool = { _ in true },
        _ operation: (Attempt) async throws -> T
    ) async throws -> T {
        precondition(maxAttempts >= 1, "maxAttempts must be at least 1, got \(maxAttempts)")
        var lastError: (any Error)?
        for number in 1...maxAttempts {
            try Task.checkCancellation()
            var timeout: Duration?
            if let deadline = RequestDeadline.current {
                guard let granted = deadline.timeout(for: hop) else {
                    throw RetryError.deadlineExceeded(attempts: number - 1, lastError: lastError)
                }
                timeout = granted
            }
            if number == 1 {
                recordRequest()
            } else {
                guard let lastError else { preconditionFailure("a retry follows a failed attempt") }
                guard tryRetry() else { throw RetryError.budgetExhausted(attempts: number - 1, lastError: lastError) }
            }
            do {
                return try await operation(Attempt(number: number, timeout: timeout))
            } catch {
                if Task.isCancelled { throw CancellationError() }
                guard isRetryable(error) else { throw error }
                lastError = error
            }
        }
        guard let lastError else { preconditionFailure("the loop ends only after a failed attempt") }
        throw RetryError.attemptsExhausted(attempts: maxAttempts, lastError: lastError)
    }

    /// The pitfall: retry every failure up to `maxAttempts` times, with no
    /// budget and no deadline. Stack it in three layers and one request
    /// becomes `maxAttempts³` calls at the bottom.
    public static func unbudgetedRetry<T>(maxAttempts: Int, _ operation: () async throws -> T) async throws -> T {
        precondition(maxAttempts >= 1, "maxAttempts must be at least 1, got \(maxAttempts)")
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch {
                if attempt == maxAttempts || error is CancellationError { throw error }
                attempt += 1
            }
        }
    }
}

/// The deadline of the request being served, propagated in-process as a
/// task-local and between processes as a `grpc-timeout` duration.
///
/// A deadline only shrinks: each hop sends its remaining time minus a safety
/// margin, the receiver adds that to its own clock, and a nested deadline is
/// the earlier of the two.
public struct RequestDeadline: Sendable {
    /// The deadline of the current request, inherited by child tasks and
    /// `Task {}`; `nil` outside a request and in `Task.detached`.
    @TaskLocal public static var current: RequestDeadline?

    /// What a caller knows about one dependency.
    public struct Hop: Sendable, Hashable {
        /// Subtracted from the remaining time before it is sent: network
        /// transit and the callee's queueing, which the callee's clock never sees.
        public let safetyMargin: Duration
        /// Below this the dependency cannot answer in time (say its p50
        /// latency), so the call is not made at all.
        public let minimumTime: Duration

        /// - Precondition: both durations are not negative.
        public init(safetyMargin: Duration = .zero, minimumTime: Duration = .zero) {
            precondition(safetyMargin >= .zero && minimumTime >= .zero, "hop durations must not be negative")
            self.safetyMargin = safetyMargin
            self.minimumTime = minimumTime
        }
    }

    /// Why a request was refused before any work.
    public enum DeadlineError: Error, Equatable, CustomStringConvertible {
        /// The time offered is below the minimum this hop needs.
        case insufficientTime(offered: Duration, required: Duration)
        /// A `grpc-timeout` value that is not 1 to 8 digits and one of `HMSmun`.
        case malformedTimeoutHeader(String)

        public var description: String {
            switch self {
            case .insufficientTime(let offered, let required):
                "only \(offered) left, but this needs at least \(required)"
            case .malformedTimeoutHeader(let value): "malformed grpc-timeout value \"\(value)\""
            }
        }
    }

    private let remainingTime: @Sendable () -> Duration

    /// A deadline `timeout` from now on `clock`.
    public init(after timeout: Duration, clock: some Clock<Duration>) {
        let instant = clock.now.advanced(by: timeout)
        remainingTime = { clock.now.duration(to: instant) }
    }

    private init(remainingTime: @escaping @Sendable () -> Duration) {
        self.remainingTime = remainingTime
    }

    /// The time left, never negative.
    public var remaining: Duration { max(remainingTime(), .zero) }

    /// Whichever of `self` and `other` ends first.
    public func earlier(_ other: RequestDeadline) -> RequestDeadline {
        RequestDeadline { min(remainingTime(), other.remainingTime()) }
    }

    /// The timeout to send to a dependency: the remaining time minus the
    /// hop's safety margin, or `nil` if that is below the hop's minimum.
    public func timeout(for hop: Hop) -> Duration? {
        let offered = remaining - hop.safetyMargin
        return offered >= hop.minimumTime && offered > .zero ? offered : nil
    }

    /// Serves one incoming request under the deadline its caller sent:
    /// binds ``current`` to the earlier of `now + timeoutHeader`, `now +
    /// maximum` and any deadline already bound, for `handler` and every child
    /// task it starts.
    ///
    /// - Parameters:
    ///   - timeoutHeader: the `grpc-timeout` value, or `nil` if absent (then
    ///     `maximum` applies).
    ///   - minimumTime: below this the request is refused before `handler` runs.
    ///   - maximum: the server's own cap on any client's timeout.
    /// - Throws: ``DeadlineError`` before running `handler`, or what `handler` throws.
    public static func serve<T>(
        timeoutHeader: String?,
        clock: some Clock<Duration>,
        minimumTime: Duration = .zero,
        maximum: Duration = .seconds(30),
        _ handler: () async throws -> T
    ) async throws -> T {
        let offered = try timeoutHeader.map(parseGrpcTimeout).map { min($0, maximum) } ?? maximum
        var deadline = RequestDeadline(after: offered, clock: clock)
        if let enclosing = current { deadline = deadline.earlier(enclosing) }
        guard deadline.remaining >= minimumTime, deadline.remaining > .zero else {
            throw DeadlineError.insufficientTime(offered: deadline.remaining, required: minimumTime)
        }
        return try await $current.withValue(deadline, operation: handler)
    }

    private static let grpcUnits: [(unit: Character, attoseconds: Int128)] = [
        ("n", 1_000_000_000), ("u", 1_000_000_000_000), ("m", 1_000_000_000_000_000),
        ("S", 1_000_000_000_000_000_000), ("M", 60_000_000_000_000_000_000), ("H", 3_600_000_000_000_000_000_000),
    ]

    /// The `grpc-timeout` value for `timeout`: at most 8 digits in the finest
    /// unit that fits, rounded *down* so the callee never thinks it has more
    /// time than the caller. `nil` for a timeout below one nanosecond;
    /// timeouts beyond `99999999H` are sent as that.
    public static func grpcTimeoutHeader(_ timeout: Duration) -> String? {
        guard timeout >= .nanoseconds(1) else { return nil }
        for (unit, size) in grpcUnits {
            let value = timeout.attoseconds / size
            if value <= 99_999_999 { return "\(value)\(unit)" }
        }
        return "99999999H"
    }

    /// Parses a `grpc-timeout` value: 1 to 8 ASCII digits, then `H`, `M`,
    /// `S`, `m`, `u` or `n` (case matters: `M` is minutes, `m` milliseconds).
    ///
    /// - Throws: ``DeadlineError/malformedTimeoutHeader(_:)``.
    public static func parseGrpcTimeout(_ value: String) throws(DeadlineError) -> Duration {
        let digits = value.dropLast()
        guard let unit = value.last, (1...8).contains(digits.count),
            digits.allSatisfy({ $0.isASCII && $0.isWholeNumber }), let number = Int128(String(digits)),
            let size = grpcUnits.first(where: { $0.unit == unit })?.attoseconds
        else { throw .malformedTimeoutHeader(value) }
        return Duration(attoseconds: number * size)
    }
}
