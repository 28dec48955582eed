import HandbookSystemDesign
import Synchronization

/// The body of `GET /events`: order events as Server-Sent Events frames,
/// with a `: heartbeat` comment line every `heartbeat`.
///
/// Why the heartbeat: a client that goes away is noticed only when a write
/// to it fails. Without heartbeats, an idle stream (no orders) never
/// writes, so a client gone for hours would keep its subscription and its
/// task until the next event. Comment lines are ignored by SSE clients, and
/// they also keep proxies from closing a quiet connection.
enum EventStream {
    enum Frame: Sendable {
        case event(OrderEvent)
        case heartbeat
    }

    /// The subscriber fell more than the documented number of events behind.
    struct SlowSubscriberDisconnected: Error, Equatable {
        let maxBuffered: Int
    }

    /// Writes `subscription`'s events through `write`, and a heartbeat every
    /// `heartbeat` measured on `clock`, until the subscription ends (normal
    /// return), a write fails (its error is rethrown), or the writer falls
    /// more than `maxBuffered` events behind (``SlowSubscriberDisconnected``).
    /// Either way the subscription is cancelled before this returns, and
    /// nothing it started keeps running.
    ///
    /// Writes all happen on the calling task: a response writer is not
    /// shareable, so the event and heartbeat sources only feed one queue,
    /// and that queue is bounded. A client that stops reading leaves
    /// `write` suspended; the relay then fills the queue, and at
    /// `maxBuffered` events it cancels the subscription at once (memory
    /// stays bounded however long the socket stays open). The stuck write
    /// itself ends only when the connection does: the client closes it, or a
    /// shutdown cancels the handler (the server's idle timeout does not fire
    /// while a response is in progress).
    static func pump(
        _ subscription: PubSubBroker.Subscription<OrderEvent>, heartbeat: Duration, maxBuffered: Int = 256,
        clock: any Clock<Duration> = ContinuousClock(), write: (String) async throws -> Void
    ) async throws {
        let (frames, sink) = AsyncThrowingStream<Frame, any Error>.makeStream(
            bufferingPolicy: .bufferingOldest(maxBuffered))
        let overflowed = Flag()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    for try await event in subscription {
                        if case .dropped = sink.yield(.event(event)) {
                            overflowed.set()
                            await subscription.cancel()
                            sink.finish(throwing: SlowSubscriberDisconnected(maxBuffered: maxBuffered))
                            return
                        }
                    }
                    sink.finish()
                } catch {
                    sink.finish(throwing: error)
                }
            }
            group.addTask {
                while true {
                    try await clock.sleep(for: heartbeat)
                    // A full queue already means the writer is stuck: the
                    // heartbeat is dropped, the next event decides.
                    sink.yield(.heartbeat)
                }
            }
            defer { group.cancelAll() }
            do {
                for try await frame in frames {
                    // Behind by the limit: stop now, not after writing stale frames.
                    if overflowed.isSet { throw SlowSubscriberDisconnected(maxBuffered: maxBuffered) }
                    try await write(try render(frame))
                }
            } catch {
                await subscription.cancel()
                throw error
            }
            await subscription.cancel()
        }
    }

    /// A one-way switch two tasks share.
    final class Flag: Sendable {
        private let state = Mutex(false)
        var isSet: Bool { state.withLock { $0 } }
        func set() { state.withLock { $0 = true } }
    }

    static func render(_ frame: Frame) throws -> String {
        switch frame {
        case .event(let event):
            "event: \(event.type)\ndata: \(String(decoding: try JSONBody.encode(event), as: UTF8.self))\n\n"
        case .heartbeat:
            ": heartbeat\n\n"
        }
    }
}
