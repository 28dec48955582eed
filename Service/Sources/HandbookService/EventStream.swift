import HandbookSystemDesign

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

    /// Writes `subscription`'s events through `write`, and a heartbeat every
    /// `heartbeat` measured on `clock`, until the subscription ends (normal
    /// return) or a write fails (its error is rethrown). Either way the
    /// subscription is cancelled before this returns, and nothing it
    /// started keeps running.
    ///
    /// Writes all happen on the calling task: a response writer is not
    /// shareable, so the event and heartbeat sources only feed one queue.
    static func pump(
        _ subscription: PubSubBroker.Subscription<OrderEvent>, heartbeat: Duration,
        clock: any Clock<Duration> = ContinuousClock(), write: (String) async throws -> Void
    ) async throws {
        let (frames, sink) = AsyncThrowingStream<Frame, any Error>.makeStream()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    for try await event in subscription { sink.yield(.event(event)) }
                    sink.finish()
                } catch {
                    sink.finish(throwing: error)
                }
            }
            group.addTask {
                while true {
                    try await clock.sleep(for: heartbeat)
                    sink.yield(.heartbeat)
                }
            }
            defer { group.cancelAll() }
            do {
                for try await frame in frames { try await write(try render(frame)) }
            } catch {
                await subscription.cancel()
                throw error
            }
            await subscription.cancel()
        }
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
