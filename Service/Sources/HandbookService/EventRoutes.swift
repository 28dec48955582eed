import Foundation
import HTTPTypes
import HandbookSystemDesign
import Hummingbird
import NIOCore
import ServiceLifecycle

/// `GET /events`: order events as Server-Sent Events.
///
/// The subscription is made before the response starts, so an event
/// published after the client sees the opening `: subscribed` comment is
/// never missed. The stream ends when the client goes away (a failed write),
/// when the broker disconnects a subscriber that fell 256 events behind, or
/// at graceful shutdown, which would otherwise wait for it forever.
struct EventRoutes {
    let events: OrderEvents

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/events") { _, _ in
            let subscription = try await events.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: ": subscribed\n\n"))
                    do {
                        try await withGracefulShutdownHandler {
                            for try await event in subscription {
                                let data = String(decoding: try JSONBody.encode(event), as: UTF8.self)
                                try await writer.write(ByteBuffer(string: "event: \(event.type)\ndata: \(data)\n\n"))
                            }
                        } onGracefulShutdown: {
                            Task { await subscription.cancel() }
                        }
                    } catch {
                        await subscription.cancel()
                        throw error
                    }
                    await subscription.cancel()
                    try await writer.finish(nil)
                })
        }
    }
}
