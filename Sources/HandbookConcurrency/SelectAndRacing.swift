import Synchronization

/// Select and racing: what replaces Go's `select` when Swift has no such
/// keyword.
///
/// ```swift
/// let answer = try await SelectAndRacing.race(
///     { try await primary.fetch(key) },
///     { try await replica.fetch(key) })          // first answer wins, the other is cancelled
/// let maybe = await SelectAndRacing.value(timeout: .seconds(1), clock: ContinuousClock()) {
///     await slowService.call()
/// }                                              // nil if a second passed first
/// ```
///
/// ## Why interviewers ask this
/// `select` is how Go waits on "whichever happens first": a result, a
/// timeout, a shutdown signal, another channel. Asked to port it, a Swift
/// candidate must show the three building blocks instead: racing children in
/// a task group (first `next()` wins, `cancelAll()` the rest), a
/// `clock.sleep` child as the timer, and cancellation as the "done" channel.
/// The follow-up is always "and what happens to the loser?".
///
/// ## Common pitfalls
/// - Forgetting `group.cancelAll()` after the first result: the group still
///   waits for every child before returning, so the race takes as long as the
///   *slowest* participant.
/// - Racing unstructured `Task`s: awaiting `task.value` does not forward
///   cancellation, so the loser runs on (see `advanced.deadlines-and-timeouts`
///   for that leaky `select`, and for the throwing `withTimeout`).
/// - A loser that ignores cancellation. The race cannot return until it
///   notices; cancellation is still cooperative.
/// - Looking for `default:`. You cannot poll an `AsyncSequence` ("is there an
///   element right now?"); a non-blocking check needs state you own, behind a
///   lock or in an actor (``Mailbox/tryReceive()``).
/// - Merging two streams with two sequential `for await` loops: the second
///   source is not read until the first finishes.
/// - Expecting Go's random choice between two ready cases. A race between two
///   finished children returns whichever the group reports first, which is
///   unspecified: treat it as either.
///
/// ## Key takeaway
/// `select` = a task group race: add one child per case, take the first
/// result, cancel the rest, and let the group wait for them so nothing leaks.
/// Timeouts are a `clock.sleep` racer on an injected `Clock`; "done" is task
/// cancellation; reading several sources is ``merge(_:_:)`` (or
/// swift-async-algorithms' `merge`); a non-blocking receive is a method on a
/// lock-protected mailbox, not a language feature.
///
/// ## Go → Swift
/// Go's seed has no `select_stmt.go`: `select` appears in `channels.go` (two
/// ready cases, `default`, or-done, nil channels), `goroutines.go` (timeout
/// with `time.After`) and `worker_pool.go`, all timed with real sleeps. Here
/// the timer is a `Clock` parameter and the tests drive a manual clock; the
/// or-done channel is `task.cancel()` (which, on an `AsyncStream`, also ends
/// the stream for everyone, unlike Go); a nil channel (a case that never fires)
/// is simply a child you do not add; and the library `merge` from
/// swift-async-algorithms is the oracle for the hand-built ``merge(_:_:)``.
public enum SelectAndRacing {
    /// Runs `first` and `second` concurrently and returns whichever finishes
    /// first (its value, or its error); the other is cancelled and has
    /// finished by the time this returns.
    ///
    /// If both are already done, either may win.
    ///
    /// - Throws: The error of the operation that finished first.
    public static func race<T: Sendable>(
        _ first: @escaping @Sendable () async throws -> T,
        _ second: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await first() }
            group.addTask { try await second() }
            // The loser must be told to stop, or the group waits for it.
            defer { group.cancelAll() }
            guard let winner = try await group.next() else { preconditionFailure("the group has two children") }
            return winner
        }
    }

    /// Go's `select { case v := <-work: … case <-time.After(timeout): … }`:
    /// the operation's value, or `nil` if `timeout` passes first on `clock`.
    ///
    /// The operation is cancelled on timeout and has finished by the time
    /// this returns `nil`. A cancelled caller also gets `nil`. For a version that throws, with deadlines that
    /// nest, see `advanced.deadlines-and-timeouts`.
    public static func value<T: Sendable, C: Clock<Duration>>(
        timeout: Duration,
        clock: C,
        operation: @escaping @Sendable () async -> T
    ) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await operation() }
            group.addTask {
                // Woken by time or by cancellation (the operation won): either
                // way this child's nil only counts if it arrives first.
                try? await clock.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
    }

    /// What ``receive(from:)`` saw: Go's `select` on a channel and `ctx.Done()`.
    public enum Received<Element: Sendable>: Sendable {
        case element(Element)
        /// The source finished (Go's closed channel).
        case finished
        /// The waiting task was cancelled (Go's `<-done`).
        case cancelled
    }

    /// Go's or-done: waits for the next element of `source`, or for the
    /// calling task to be cancelled, whichever comes first.
    ///
    /// `AsyncStream`'s iterator already listens for cancellation (its `next()`
    /// returns `nil`), so cancelling the waiter *is* closing the done channel.
    /// Unlike Go, it also closes the *source*: cancelling a task parked in
    /// `next()` terminates the whole stream: the producer's next `yield`
    /// returns `.terminated` and every later reader gets `nil` (both tested),
    /// and `onTermination` runs with `.cancelled`. Use it only on a stream the
    /// waiting task owns, never on a shared feed; Go's `select` leaves the
    /// channel open for everyone else.
    public static func receive<Element: Sendable>(from source: AsyncStream<Element>) async -> Received<Element> {
        var iterator = source.makeAsyncIterator()
        if let element = await iterator.next() { return .element(element) }
        return Task.isCancelled ? .cancelled : .finished
    }

    /// Merges two sources into one stream: every element of both, in arrival
    /// order, finishing only when *both* have finished. Built from a task
    /// group (one reader per source) feeding an `AsyncStream`.
    ///
    /// Cancelling the consumer (or dropping the stream) cancels both readers.
    public static func merge<First: AsyncSequence & Sendable, Second: AsyncSequence & Sendable>(
        _ first: First, _ second: Second
    ) -> AsyncStream<First.Element>
    where First.Element: Sendable, First.Element == Second.Element, First.Failure == Never, Second.Failure == Never {
        let (stream, output) = AsyncStream.makeStream(of: First.Element.self)
        let pump = Task {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    for await element in first { output.yield(element) }
                }
                group.addTask {
                    for await element in second { output.yield(element) }
                }
            }
            // Both readers are done: only now does the merged stream end.
            output.finish()
        }
        output.onTermination = { _ in pump.cancel() }
        return stream
    }

    /// Go's `select` with a `default:` case, rebuilt: a queue of messages
    /// behind a lock, with a receive that never waits.
    ///
    /// Swift cannot ask an `AsyncSequence` "do you have an element right
    /// now?", so a non-blocking check needs state you own.
    public final class Mailbox<Message: Sendable>: Sendable {
        private let messages = Mutex<[Message]>([])

        public init() {}

        /// Adds `message` at the back. Never blocks.
        ///
        /// - Complexity: Amortized O(1).
        public func send(_ message: Message) {
            messages.withLock { $0.append(message) }
        }

        /// The oldest message, or `nil` at once if there is none (Go's
        /// `default:` branch).
        ///
        /// - Complexity: O(*n*) for *n* waiting messages (an array shifts);
        ///   a production mailbox would use a ring buffer (`Deque`).
        public func tryReceive() -> Message? {
            messages.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        }
    }
}

extension SelectAndRacing.Received: Equatable where Element: Equatable {}
