/// Backpressure and load shedding: a bulkhead that runs at most N requests
/// at once, queues a bounded few, and rejects the rest at once (the HTTP 503)
/// instead of letting an unbounded queue eat memory and latency.
///
/// ```swift
/// let bulkhead = try Bulkhead(maxConcurrent: 4, queue: .bounded(8), queueTimeout: .milliseconds(200))
/// do {
///     let rows = try await bulkhead.run { try await database.query(sql) }
/// } catch let error as BulkheadError {
///     return .serviceUnavailable(retryAfter: .seconds(1))   // shed: cheap, immediate, honest
/// }
/// ```
///
/// ## Why interviewers ask this
/// A rate limiter protects you from one noisy client; backpressure protects
/// you from *all* of them at once, and from a slow dependency. Interviewers
/// want to hear that an overloaded service must say no early (a fast 503 with
/// `Retry-After`) rather than accept everything into an unbounded queue,
/// where every request eventually times out after using memory and a
/// connection. They also want you to size the limits with Little's law.
///
/// ## Common pitfalls
/// - An unbounded queue (`.unbounded` here, or an `AsyncStream` with the
///   default `.unbounded` buffering): under overload it grows without limit,
///   latency grows with it, and the service falls over late instead of
///   shedding early.
/// - Running work whose caller has already given up. A request that waited
///   past its deadline in the queue must be dropped *without running*: its
///   client timed out, so running it only steals capacity from live requests.
/// - A cancelled waiter that keeps its queue slot. Cancellation must remove
///   it at once, or the queue fills with ghosts and live requests are shed.
/// - Releasing the slot only on success. The slot is returned whether the
///   operation returns or throws; here `run` releases on both paths.
/// - Barging: when a slot frees, hand it to the oldest waiter directly, or a
///   newcomer can take it and a queued request waits for ever.
/// - Sizing by guesswork. Little's law, `L = λ × W`, gives the concurrency a
///   load needs; the queue length is what your latency budget can absorb.
///
/// ## Key takeaway
/// Bound everything: concurrency (the bulkhead), the queue (reject when full),
/// and the time spent queued (a deadline on the injected clock). Rejections
/// are cheap and immediate, and they are the signal (503 + `Retry-After`)
/// that lets clients and load balancers back off. Little's law turns a target
/// throughput and latency into the numbers: `in flight = throughput × latency`.
///
/// ## Go → Swift
/// The Go seed had no backpressure topic; Go code usually reaches for a
/// buffered channel as a semaphore (`sem <- struct{}{}`) and `select` with
/// `default` to shed. Swift has no built-in async semaphore, so the bulkhead
/// is an actor holding a FIFO of continuations: a waiter is resumed with the
/// slot, with `BulkheadError.queueTimeout` when its deadline on the injected
/// clock passes, or with `CancellationError` when its task is cancelled.
public enum BackpressureAndLoadShedding {
    /// Little's law: the average number of requests in the system is the
    /// arrival rate times the average time each spends there (`L = λ × W`).
    ///
    /// 200 requests per second at 50 ms each keep 10 in flight: a bulkhead of
    /// 4 cannot sustain that load and must queue or shed.
    public static func requestsInFlight(arrivalsPerSecond: Double, timeInSystem: Duration) -> Double {
        arrivalsPerSecond * (timeInSystem / .seconds(1))
    }

    /// The queue length a latency budget can absorb: with `maxConcurrent`
    /// workers each taking `serviceTime`, the k-th queued request waits about
    /// `k / maxConcurrent × serviceTime`, so `maxQueueWait × maxConcurrent /
    /// serviceTime` requests can wait without missing their budget. Queue
    /// more and they time out in the queue anyway.
    public static func queueCapacity(maxQueueWait: Duration, maxConcurrent: Int, serviceTime: Duration) -> Int {
        RateLimitMath.floorQuotient(maxQueueWait * maxConcurrent, serviceTime)
    }
}

/// Why a bulkhead did not run an operation: each maps to HTTP 503.
public enum BulkheadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Every slot was busy and the queue was full: rejected without waiting.
    case queueFull(maxQueued: Int)
    /// The request waited in the queue past its deadline and was dropped
    /// without running.
    case queueTimeout(Duration)

    public var description: String {
        switch self {
        case .queueFull(let maxQueued): "overloaded: all slots busy and \(maxQueued) requests already queued"
        case .queueTimeout(let timeout): "overloaded: no slot became free within \(timeout)"
        }
    }
}

/// Bad bulkhead configuration: thrown, never a silent default.
public enum BulkheadConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case nonPositiveConcurrency(Int)
    case negativeQueueLength(Int)
    case nonPositiveQueueTimeout(Duration)

    public var description: String {
        switch self {
        case .nonPositiveConcurrency(let value): "a bulkhead needs at least 1 concurrent slot, got \(value)"
        case .negativeQueueLength(let value): "a bulkhead's queue length cannot be negative, got \(value)"
        case .nonPositiveQueueTimeout(let value): "a queue timeout must be longer than zero, got \(value)"
        }
    }
}

/// A concurrency limit with a bounded FIFO wait queue and queue-time
/// deadlines, on an injected clock.
///
/// - Invariant: `running <= maxConcurrent`, and a waiter is queued only
///   while every slot is busy.
public actor Bulkhead<C: Clock<Duration>> {
    /// How many requests may wait for a slot.
    public enum QueueLimit: Sendable, Equatable {
        /// At most this many wait; the next is rejected with ``BulkheadError/queueFull(maxQueued:)``.
        case bounded(Int)
        /// Everyone waits: the pitfall. Memory and latency grow with overload.
        case unbounded
    }

    /// What the bulkhead is doing, for metrics and tests.
    public struct Statistics: Sendable, Equatable {
        public var running: Int
        public var queued: Int
        public var rejected: Int
        public var timedOut: Int

        public init(running: Int, queued: Int, rejected: Int, timedOut: Int) {
            (self.running, self.queued, self.rejected, self.timedOut) = (running, queued, rejected, timedOut)
        }
    }

    /// What happened to a request, reported to the `onEvent` hook (metrics, tests).
    public enum Event: Sendable, Equatable {
        /// Arrived and got a slot at once.
        case admitted
        /// Arrived, every slot busy: waits in the queue.
        case queued
        /// Arrived to a full queue: shed with ``BulkheadError/queueFull(maxQueued:)``.
        case rejected
        /// A queued request received a freed slot.
        case dequeued
        /// A queued request's deadline passed: dropped without running.
        case timedOut
        /// A queued request's task was cancelled: its queue slot is free again.
        case cancelled
    }

    private struct Waiter {
        var continuation: CheckedContinuation<Void, any Error>
        var deadline: C.Instant?
        var timer: Task<Void, Never>?
    }

    public nonisolated let maxConcurrent: Int
    public nonisolated let queueLimit: QueueLimit
    public nonisolated let queueTimeout: Duration?
    public nonisolated let clock: C
    private let onEvent: (@Sendable (Event) -> Void)?
    private var running = 0
    /// FIFO by id: ids grow, so the smallest key is the oldest waiter.
    private var waiters: [Int: Waiter] = [:]
    private var order: [Int] = []
    private var nextID = 0
    private var rejected = 0
    private var timedOut = 0

    /// - Parameters:
    ///   - queueTimeout: the longest a request may wait for a slot; `nil`
    ///     waits as long as it takes.
    ///   - onEvent: called on the bulkhead's actor for every ``Event``; keep it cheap.
    /// - Throws: ``BulkheadConfigurationError``.
    public init(
        maxConcurrent: Int, queue: QueueLimit, queueTimeout: Duration? = nil, clock: C,
        onEvent: (@Sendable (Event) -> Void)? = nil
    ) throws(BulkheadConfigurationError) {
        guard maxConcurrent >= 1 else { throw .nonPositiveConcurrency(maxConcurrent) }
        if case .bounded(let length) = queue, length < 0 { throw .negativeQueueLength(length) }
        if let queueTimeout, queueTimeout <= .zero { throw .nonPositiveQueueTimeout(queueTimeout) }
        self.maxConcurrent = maxConcurrent
        self.queueLimit = queue
        self.queueTimeout = queueTimeout
        self.clock = clock
        self.onEvent = onEvent
    }

    public var statistics: Statistics {
        Statistics(running: running, queued: order.count, rejected: rejected, timedOut: timedOut)
    }

    /// Runs `operation` in a slot, waiting in the queue if all are busy.
    ///
    /// The slot is released whether the operation returns or throws.
    ///
    /// - Throws: ``BulkheadError/queueFull(maxQueued:)`` at once when the
    ///   queue is full; ``BulkheadError/queueTimeout(_:)`` when no slot frees
    ///   within `queueTimeout` (the operation never runs);
    ///   `CancellationError` if cancelled while queued (its slot in the queue
    ///   is freed); or whatever `operation` throws.
    public nonisolated func run<T>(_ operation: () async throws -> T) async throws -> T {
        try await enter()
        do {
            let value = try await operation()
            await leave()
            return value
        } catch {
            await leave()
            throw error
        }
    }

    private func enter() async throws {
        try Task.checkCancellation()
        if running < maxConcurrent, order.isEmpty {
            running += 1
            onEvent?(.admitted)
            return
        }
        if case .bounded(let length) = queueLimit, order.count >= length {
            rejected += 1
            onEvent?(.rejected)
            throw BulkheadError.queueFull(maxQueued: length)
        }
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                var waiter = Waiter(continuation: continuation, deadline: nil, timer: nil)
                if let queueTimeout {
                    let deadline = clock.now.advanced(by: queueTimeout)
                    waiter.deadline = deadline
                    waiter.timer = Task { [clock] in
                        do {
                            try await clock.sleep(until: deadline, tolerance: nil)
                        } catch {
                            return  // cancelled: the waiter got its slot or was cancelled first
                        }
                        expire(id)  // the timer task inherits the actor's isolation
                    }
                }
                waiters[id] = waiter
                order.append(id)
                onEvent?(.queued)
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Hands the slot straight to the oldest live waiter (no barging), or
    /// frees it. Waiters already past their deadline are dropped here even
    /// if their timer has not fired yet, so none runs late.
    private func leave() {
        while let id = order.first {
            order.removeFirst()
            guard let waiter = waiters.removeValue(forKey: id) else { continue }
            waiter.timer?.cancel()
            if let deadline = waiter.deadline, clock.now >= deadline {
                timedOut += 1
                onEvent?(.timedOut)
                waiter.continuation.resume(throwing: BulkheadError.queueTimeout(queueTimeout ?? .zero))
                continue
            }
            onEvent?(.dequeued)
            waiter.continuation.resume()  // the slot passes on: `running` is unchanged
            return
        }
        running -= 1
    }

    private func expire(_ id: Int) {
        guard let waiter = remove(id) else { return }
        timedOut += 1
        onEvent?(.timedOut)
        waiter.continuation.resume(throwing: BulkheadError.queueTimeout(queueTimeout ?? .zero))
    }

    private func cancelWaiter(_ id: Int) {
        guard let waiter = remove(id) else { return }  // already granted: it runs, cancellation is cooperative
        waiter.timer?.cancel()
        onEvent?(.cancelled)
        waiter.continuation.resume(throwing: CancellationError())
    }

    private func remove(_ id: Int) -> Waiter? {
        guard let waiter = waiters.removeValue(forKey: id) else { return nil }
        order.removeAll { $0 == id }
        return waiter
    }
}

extension Bulkhead where C == ContinuousClock {
    /// A bulkhead on the continuous clock.
    public init(
        maxConcurrent: Int, queue: QueueLimit, queueTimeout: Duration? = nil,
        onEvent: (@Sendable (Event) -> Void)? = nil
    ) throws(BulkheadConfigurationError) {
        try self.init(
            maxConcurrent: maxConcurrent, queue: queue, queueTimeout: queueTimeout, clock: ContinuousClock(),
            onEvent: onEvent)
    }
}
