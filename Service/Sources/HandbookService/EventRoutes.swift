import Foundation
import HTTPTypes
import HandbookSystemDesign
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `GET /events`: order events as Server-Sent Events.
///
/// The subscription is made before the response starts, so an event
/// published after the client sees the opening `: subscribed` comment is
/// never missed. The stream ends when the client goes away (a failed write:
/// an event's or, on a quiet stream, the next heartbeat's), when the client
/// falls 256 events behind (it is unsubscribed at once; see
/// ``EventStream/pump(_:heartbeat:maxBuffered:clock:write:)``), or at
/// graceful shutdown, which would otherwise wait for it forever.
struct EventRoutes {
    let events: OrderEvents
    /// How often a quiet stream writes a `: heartbeat` comment (see ``EventStream``).
    var heartbeat: Duration = .seconds(15)

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/events") { _, context in
            let subscription = try await events.subscribe()
            let logger = context.logger
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { [heartbeat] writer in
                    do {
                        try await writer.write(ByteBuffer(string: ": subscribed\n\n"))
                        try await withGracefulShutdownHandler {
                            try await EventStream.pump(subscription, heartbeat: heartbeat) { frame in
                                try await writer.write(ByteBuffer(string: frame))
                            }
                        } onGracefulShutdown: {
                            Task { await subscription.cancel() }
                        }
                    } catch {
                        await subscription.cancel()
                        logger.info("events stream ended", metadata: ["reason": "client gone or write failed"])
                        throw error
                    }
                    logger.info("events stream ended", metadata: ["reason": "subscription ended"])
                    try await writer.finish(nil)
                })
        }
    }
}
