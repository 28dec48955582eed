/// `AsyncStream` is Go's channel with a buffer that never blocks the sender; a rendezvous needs a different type.
///
/// ```swift
/// let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(2))
/// for value in 0..<5 { _ = continuation.yield(value) }   // never suspends: 0, 1 and 2 are dropped
/// continuation.finish()                                  // Go's close(ch)
/// for await value in stream { print(value) }             // 3, 4
/// ```
///
/// ## Why interviewers ask this
/// "Buffered vs unbuffered channels" is the Go concurrency question. In Swift the
/// honest answer names three types: `AsyncStream` (the producer's `yield` never
/// suspends; a full buffer *drops* by policy), swift-async-algorithms'
/// `AsyncChannel` (unbuffered: `send` suspends until a consumer takes the value)
/// and a bounded channel whose `send` suspends only when the buffer is full
/// (async-algorithms' `MultiProducerSingleConsumerAsyncChannel` with
/// `.watermark`, or the hand-built `BoundedChannel`, see
/// concurrency.bounded-channel). Knowing which one gives backpressure is the point.
///
/// ## Common pitfalls
/// - Treating `AsyncStream` as a bounded channel. `yield` returns at once: with
///   `.unbounded` the buffer grows without limit, with `.bufferingNewest(n)` /
///   `.bufferingOldest(n)` values are silently dropped unless you read the
///   `YieldResult` (``YieldOutcome``).
/// - Expecting a broadcast. Two `for await` loops over one stream (or one
///   `AsyncChannel`) *split* the elements: each value reaches exactly one consumer
///   (``splitBetweenTwoConsumers(_:)``). Pub-sub needs one stream per subscriber.
/// - Forgetting `finish()`. A `for await` loop ends only when the stream is
///   finished (``squaredPipeline(_:)``); without it the consumer hangs, exactly
///   like ranging over a Go channel nobody closes.
/// - Setting `onTermination` too late, or never: the producer then keeps
///   working for a consumer that was cancelled long ago. The rule is "before
///   the consumer can possibly terminate": a handler set after termination
///   is never called. In practice set it before the stream leaves your hands
///   (``FanOutFanIn`` and ``SelectAndRacing/merge(_:_:)`` set it after
///   starting their producer task, which is safe only because nobody holds
///   the stream yet).
///
/// ## Key takeaway
/// `AsyncStream` = buffered channel without backpressure (choose the policy, check
/// `yield`'s result); `AsyncChannel` = unbuffered rendezvous (`sent − received ≤ 1`);
/// `finish()` = `close`; `onTermination` tells the producer the consumer has gone.
///
/// ## Go → Swift
/// Go's `channels.go` makes `make(chan int)` and `make(chan int, 3)`, ranges over a
/// closed channel and builds a generate → square pipeline with one goroutine per
/// stage. Swift splits the channel into a write end (`AsyncStream.Continuation`)
/// and a read end (`AsyncStream`) instead of Go's direction types; `finish()` is
/// `close()`, but sending after it returns `.terminated` instead of panicking;
/// a stage is a child task in a task group (or, often simpler, `stream.map`), so
/// no goroutine can outlive the pipeline.
public enum AsyncStreamsAndChannels {
    /// What `yield` did with a value: an `Equatable` mirror of
    /// `AsyncStream.Continuation.YieldResult`, so tests can compare outcomes.
    public enum YieldOutcome: Equatable, Sendable {
        /// The value is buffered; `remaining` more fit before the policy drops.
        case enqueued(remaining: Int)
        /// The buffer was full: this value (`.bufferingOldest`) or the oldest
        /// buffered one (`.bufferingNewest`) was thrown away.
        case dropped(Int)
        /// The stream is finished or its consumer is gone: Go would panic here.
        case terminated

        public init(_ result: AsyncStream<Int>.Continuation.YieldResult) {
            switch result {
            case .enqueued(let remaining): self = .enqueued(remaining: remaining)
            case .dropped(let value): self = .dropped(value)
            case .terminated: self = .terminated
            @unknown default: self = .terminated
            }
        }
    }

    /// Yields every value *before* anyone reads, finishes, then drains the stream.
    ///
    /// This is the scenario that exposes a buffering policy: the producer runs
    /// ahead of the consumer and `yield` never waits for it.
    ///
    /// - Returns: each `yield`'s outcome and what the consumer received.
    /// - Complexity: O(`values.count`).
    public static func yieldThenDrain(
        _ values: [Int],
        policy: AsyncStream<Int>.Continuation.BufferingPolicy
    ) async -> (outcomes: [YieldOutcome], received: [Int]) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: policy)
        let outcomes = values.map { YieldOutcome(continuation.yield($0)) }
        continuation.finish()
        var received: [Int] = []
        for await value in stream { received.append(value) }
        return (outcomes, received)
    }

    /// Makes a stream whose producer learns when the consumer goes away.
    ///
    /// `onTermination` runs exactly once: with `.finished` after `finish()`, or
    /// with `.cancelled` when the consuming task is cancelled (or the stream is
    /// dropped). Install it before the first `yield`, as here.
    public static func makeObservedStream(
        bufferingPolicy: AsyncStream<Int>.Continuation.BufferingPolicy = .unbounded,
        onTermination: @escaping @Sendable (AsyncStream<Int>.Continuation.Termination) -> Void
    ) -> (stream: AsyncStream<Int>, continuation: AsyncStream<Int>.Continuation) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: bufferingPolicy)
        continuation.onTermination = onTermination
        return (stream, continuation)
    }

    /// Go's generator: a stream that yields `values` and is already finished.
    ///
    /// - Complexity: O(`values.count`) buffered up front (`.unbounded`).
    public static func generate(_ values: [Int]) -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        for value in values { continuation.yield(value) }
        continuation.finish()
        return stream
    }

    /// Go's two-stage pipeline, generate → square, with the square stage as a
    /// child task writing into a second stream.
    ///
    /// The stage is structured: the task group cannot return while it runs, so
    /// no "goroutine" outlives the call. (`generate(values).map { $0 * $0 }` is
    /// the one-line Swift answer; this shows the channel-shaped version.)
    ///
    /// - Complexity: O(`values.count`).
    public static func squaredPipeline(_ values: [Int]) async -> [Int] {
        let (squares, output) = AsyncStream.makeStream(of: Int.self)
        return await withDiscardingTaskGroup { group in
            group.addTask {
                for await value in generate(values) { output.yield(value * value) }
                output.finish()
            }
            var received: [Int] = []
            for await square in squares { received.append(square) }
            return received
        }
    }

    /// Two concurrent `for await` loops over ONE stream holding `values`.
    ///
    /// Each value reaches exactly one of them: a stream is a queue, not a
    /// broadcast. How the values split is up to the scheduler.
    ///
    /// - Returns: what each consumer received, in its own arrival order.
    public static func splitBetweenTwoConsumers(_ values: [Int]) async -> (first: [Int], second: [Int]) {
        let stream = generate(values)
        async let first = stream.reduce(into: [Int]()) { $0.append($1) }
        async let second = stream.reduce(into: [Int]()) { $0.append($1) }
        return await (first, second)
    }
}
