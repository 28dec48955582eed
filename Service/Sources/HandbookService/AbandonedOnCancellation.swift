/// Runs `operation` in a task of its own and waits for its result, but stops
/// waiting (throwing `CancellationError`) when the calling task is
/// cancelled; the operation itself runs to its end.
///
/// Two places need exactly this: the simulated payment provider (a remote
/// system keeps working when its caller gives up) and `POST /orders` (a
/// handler stuck behind a hung provider must not hold a shutdown, while the
/// saga it started stays crash-safe under its lease). Awaiting a `Task`'s
/// `value` would not do: that wait ignores cancellation.
func abandonedOnCancellation<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let (result, sink) = AsyncThrowingStream<T, any Error>.makeStream(bufferingPolicy: .bufferingNewest(1))
    Task {
        do {
            sink.yield(try await operation())
            sink.finish()
        } catch {
            sink.finish(throwing: error)
        }
    }
    // Iteration ends (nil) when this task is cancelled; the work goes on.
    for try await value in result { return value }
    throw CancellationError()
}
