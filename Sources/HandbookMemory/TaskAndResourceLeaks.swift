import Synchronization

/// Task and resource leaks: Swift's goroutine leak is a task that can never
/// finish, usually because it waits on something nobody will ever provide.
///
/// ```swift
/// let ticker = TaskAndResourceLeaks.Ticker(every: .seconds(1), clock: clock) { tick in … }
/// ticker.shutdown()    // cancels the loop; deinit would too, thanks to [weak self]
/// ```
///
/// ## Why interviewers ask this
/// A leaked task holds memory, file descriptors and connections, and nothing
/// reclaims it: Swift, like Go, has no way to kill a task from outside, and
/// ARC cannot free an object a running task still references. Interviewers
/// want the four classic causes and their fixes: a consumer of a stream that
/// is never finished, a task that captures `self` strongly, a continuation
/// that is never resumed, and workers nobody tells to stop.
///
/// ## Common pitfalls
/// - Racing work in an unstructured `Task` against a timeout: the caller
///   returns, the task keeps waiting (``leakySum(of:timeout:clock:onConsumerExit:)``).
///   See `advanced.deadlines-and-timeouts` for the general timeout pattern.
/// - Forgetting `finish()` on an `AsyncStream` continuation. Dropping the
///   continuation does *not* finish the stream: every `for await` over it
///   waits for ever (``startLeakyWorkers(count:jobs:onWorkerExit:handle:)``).
/// - `Task { … self.work() … }` in an object that cancels the task in
///   `deinit` (``LeakyTicker``): the task keeps `self` alive, so `deinit`
///   never runs and the loop never stops. Capture `[weak self]` and keep the
///   handle so `shutdown()` can cancel it (``Ticker``).
/// - A bridged callback API with a path that never calls back
///   (``leakyFetch(id:)``): the awaiting task is suspended for ever.
///   `CheckedContinuation` is the leak detector: it prints "leaked its
///   continuation" when it is dropped unresumed (concurrency's
///   `ContinuationsBridging` covers bridging in depth).
///
/// ## Key takeaway
/// Every task needs an end condition that someone is guaranteed to trigger:
/// a stream that is finished (`defer { continuation.finish() }`), a parent
/// that is cancelled, a handle that `shutdown()` cancels, a continuation that
/// is resumed on every path. Prefer structured concurrency (task groups,
/// `async let`): a child that cannot finish makes its parent hang visibly
/// instead of leaking silently. Prove the absence of leaks with deallocation
/// probes and gates, never by counting tasks after a sleep.
///
/// ## Go → Swift
/// Go's `goroutine_leaks.go` leaks goroutines blocked on channels nobody
/// closes and checks `runtime.NumGoroutine()` after a `time.Sleep`. Swift has
/// no task count to read, so the tests here prove a leak by what cannot
/// happen (a weak probe stays non-nil, a consumer has not exited) and prove
/// the fix by waiting on the exact event (deinit, exit callback, clock
/// sleepers back to 0). `close(ch)` becomes `continuation.finish()`,
/// `ctx.Done()` becomes task cancellation, which ends a `for await` over an
/// `AsyncStream` at once.
public enum TaskAndResourceLeaks {
    /// How a consumption raced against a timeout ended.
    public enum Outcome: Equatable, Sendable {
        case sum(Int)
        case timedOut
    }

    // MARK: (a) A consumer of a stream nobody finishes

    /// The pitfall: sums `stream` in an unstructured task and gives up after
    /// `timeout`. On timeout the caller gets `.timedOut`, but the consumer
    /// task is neither cancelled nor awaited: it waits on the stream until
    /// somebody finishes it, which may be never.
    ///
    /// - Parameter onConsumerExit: called with the sum when the consumer ends.
    public static func leakySum<C: Clock<Duration>>(
        of stream: AsyncStream<Int>,
        timeout: Duration,
        clock: C,
        onConsumerExit: @escaping @Sendable (Int) -> Void = { _ in }
    ) async -> Outcome {
        // The consumer reports through a one-element stream, which the race
        // below can stop waiting for when cancelled.
        let (result, resultContinuation) = AsyncStream.makeStream(of: Int.self)
        Task {
            var sum = 0
            for await value in stream { sum += value }
            onConsumerExit(sum)
            resultContinuation.yield(sum)
            resultContinuation.finish()
        }
        return await withTaskGroup(of: Outcome.self) { group in
            group.addTask {
                for await sum in result { return .sum(sum) }
                return .timedOut
            }
            group.addTask {
                try? await clock.sleep(for: timeout)
                return .timedOut
            }
            defer { group.cancelAll() }
            return await group.next() ?? .timedOut
        }
    }

    /// The fix: the consumer is a child of the race, so the loser is
    /// cancelled and awaited. Cancellation ends `for await` over an
    /// `AsyncStream`, so nothing outlives the call.
    public static func sum<C: Clock<Duration>>(
        of stream: AsyncStream<Int>,
        timeout: Duration,
        clock: C,
        onConsumerExit: @escaping @Sendable (Int) -> Void = { _ in }
    ) async -> Outcome {
        await withTaskGroup(of: Outcome.self) { group in
            group.addTask {
                var sum = 0
                for await value in stream { sum += value }
                onConsumerExit(sum)
                return Task.isCancelled ? .timedOut : .sum(sum)
            }
            group.addTask {
                try? await clock.sleep(for: timeout)
                return .timedOut
            }
            defer { group.cancelAll() }
            return await group.next() ?? .timedOut
        }
    }

    // MARK: (b) A task that keeps its owner alive

    /// The pitfall: a periodic task that captures `self` strongly and relies
    /// on `deinit` to cancel it. The task keeps `self` alive, so `deinit`
    /// never runs: the ticker and its loop live for ever.
    public final class LeakyTicker: Sendable {
        private let ticks = Atomic(0)
        private let task = Mutex<Task<Void, Never>?>(nil)

        public init<C: Clock<Duration>>(
            every interval: Duration, clock: C, onTick: @escaping @Sendable (Int) -> Void
        ) {
            task.withLock { slot in
                slot = Task {
                    while true {
                        do { try await clock.sleep(for: interval) } catch { return }
                        onTick(self.tick())
                    }
                }
            }
        }

        /// The number of ticks so far.
        public var tickCount: Int { ticks.load(ordering: .relaxed) }

        /// Stops the loop. Someone must remember to call it; `deinit` cannot
        /// do it for them, because it never runs.
        public func shutdown() {
            task.withLock { $0?.cancel() }
        }

        private func tick() -> Int {
            ticks.add(1, ordering: .relaxed).newValue
        }

        deinit { task.withLock { $0?.cancel() } }
    }

    /// The fix: the loop holds `self` weakly and only between sleeps, and
    /// the handle is kept so that ``shutdown()`` (or `deinit`) cancels it.
    public final class Ticker: Sendable {
        private let ticks = Atomic(0)
        private let task = Mutex<Task<Void, Never>?>(nil)

        public init<C: Clock<Duration>>(
            every interval: Duration, clock: C, onTick: @escaping @Sendable (Int) -> Void
        ) {
            task.withLock { slot in
                slot = Task { [weak self] in
                    while true {
                        do { try await clock.sleep(for: interval) } catch { return }
                        guard let self else { return }
                        onTick(self.tick())
                    }
                }
            }
        }

        /// The number of ticks so far.
        public var tickCount: Int { ticks.load(ordering: .relaxed) }

        /// Cancels the loop; the clock sleep throws and the task ends.
        public func shutdown() {
            task.withLock { $0?.cancel() }
        }

        private func tick() -> Int {
            ticks.add(1, ordering: .relaxed).newValue
        }

        // Without this, the loop would only notice the ticker is gone at its
        // next wake-up: one more interval of a running task per instance.
        deinit { task.withLock { $0?.cancel() } }
    }

    // MARK: (c) A continuation nobody resumes

    /// Why a request failed.
    public enum FetchError: Error, Equatable {
        case invalidID(Int)
    }

    /// A callback API with a bug: for a negative id it returns without ever
    /// calling `completion`.
    public static func legacyFetch(id: Int, completion: @escaping @Sendable (String) -> Void) {
        guard id >= 0 else { return }
        completion("item \(id)")
    }

    /// The fixed callback API: every path calls `completion` exactly once.
    public static func fetch(id: Int, completion: @escaping @Sendable (Result<String, FetchError>) -> Void) {
        guard id >= 0 else { return completion(.failure(.invalidID(id))) }
        completion(.success("item \(id)"))
    }

    /// The pitfall: bridges ``legacyFetch(id:completion:)``. For a negative
    /// id the continuation is dropped unresumed: the caller is suspended for
    /// ever, and `CheckedContinuation` prints "SWIFT TASK CONTINUATION MISUSE:
    /// leakyFetch(id:) leaked its continuation without resuming it".
    public static func leakyFetch(id: Int) async -> String {
        await withCheckedContinuation { continuation in
            legacyFetch(id: id) { continuation.resume(returning: $0) }
        }
    }

    /// The fix: bridges ``fetch(id:completion:)``, which always calls back.
    /// - Throws: ``FetchError/invalidID(_:)`` for a negative id.
    public static func fetch(id: Int) async throws(FetchError) -> String {
        let result = await withCheckedContinuation { continuation in
            fetch(id: id) { continuation.resume(returning: $0) }
        }
        return try result.get()
    }

    // MARK: (d) Workers over a stream nobody finishes

    /// The pitfall, Go's `LeakyWorkerPool`: fire-and-forget workers that
    /// drain `jobs` until it is finished. Nobody keeps their handles, so if
    /// the producer never calls `finish()`, nothing can ever stop them.
    ///
    /// - Precondition: `count > 0`.
    public static func startLeakyWorkers(
        count: Int,
        jobs: AsyncStream<Int>,
        onWorkerExit: @escaping @Sendable (Int) -> Void = { _ in },
        handle: @escaping @Sendable (Int) async -> Void
    ) {
        precondition(count > 0, "a worker pool needs at least one worker, got \(count)")
        for worker in 0..<count {
            Task {
                for await job in jobs { await handle(job) }
                onWorkerExit(worker)
            }
        }
    }

    /// The fix: workers are children of this call, which returns only when
    /// every worker has ended: when `jobs` is finished or the calling task
    /// is cancelled. A forgotten `finish()` now hangs the caller visibly
    /// instead of leaking silently.
    ///
    /// - Precondition: `count > 0`.
    public static func runWorkers(
        count: Int,
        jobs: AsyncStream<Int>,
        onWorkerExit: @escaping @Sendable (Int) -> Void = { _ in },
        handle: @escaping @Sendable (Int) async -> Void
    ) async {
        precondition(count > 0, "a worker pool needs at least one worker, got \(count)")
        await withDiscardingTaskGroup { group in
            for worker in 0..<count {
                group.addTask {
                    for await job in jobs { await handle(job) }
                    onWorkerExit(worker)
                }
            }
        }
    }
}
