import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP/1.1 server on 127.0.0.1 for the client lesson's tests. It
/// counts what a client cannot hide from it: connections opened, requests
/// received, and how many were in flight at once.
public final class LocalHTTPServer: Sendable {
    public struct Request: Sendable {
        public let method: HTTPMethod
        public let uri: String
        public let headers: HTTPHeaders
        /// 1 for the first request this server received.
        public let number: Int
    }
    public typealias Responder = @Sendable (Request) async -> (status: HTTPResponseStatus, body: String)

    private struct Counts {
        var connections = 0
        var requests = 0
        var inFlight = 0
        var maxInFlight = 0
    }

    public let port: Int
    private let respond: Responder
    private let stallsBodies: Bool
    private let counts = Mutex(Counts())

    private init(port: Int, respond: @escaping Responder, stallsBodies: Bool) {
        self.port = port
        self.respond = respond
        self.stallsBodies = stallsBodies
    }

    public var url: String { "http://127.0.0.1:\(port)" }
    public var connections: Int { counts.withLock { $0.connections } }
    public var requests: Int { counts.withLock { $0.requests } }
    public var maxInFlight: Int { counts.withLock { $0.maxInFlight } }

    /// Runs `body` with a server answering every request with `respond`,
    /// then closes the server and waits for its connections to end.
    ///
    /// With `stallsBodies`, each response announces one byte more than it
    /// sends, and the last byte never comes: a body that stalls after the head.
    public static func with<T: Sendable>(
        stallsBodies: Bool = false, respond: @escaping Responder, _ body: (LocalHTTPServer) async throws -> T
    ) async throws -> T {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        let server = LocalHTTPServer(
            port: listener.channel.localAddress!.port!, respond: respond, stallsBodies: stallsBodies)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    try await listener.executeThenClose { inbound in
                        for try await connection in inbound {
                            connections.addTask { await server.serve(connection) }
                        }
                    }
                }
            }
            do {
                let result = try await body(server)
                try await listener.channel.close()
                group.cancelAll()
                return result
            } catch {
                try? await listener.channel.close()
                group.cancelAll()
                throw error
            }
        }
    }

    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        counts.withLock { $0.connections += 1 }
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            for try await part in inbound {
                switch part {
                case .head(let received): head = received
                case .body: break
                case .end:
                    guard let received = head else { continue }
                    let number = counts.withLock { counts in
                        counts.requests += 1
                        counts.inFlight += 1
                        counts.maxInFlight = max(counts.maxInFlight, counts.inFlight)
                        return counts.requests
                    }
                    let answer = await respond(
                        Request(method: received.method, uri: received.uri, headers: received.headers, number: number))
                    counts.withLock { $0.inFlight -= 1 }
                    let length = answer.body.utf8.count + (stallsBodies ? 1 : 0)
                    let headers: HTTPHeaders = ["content-length": "\(length)"]
                    try await outbound.write(
                        .head(HTTPResponseHead(version: .http1_1, status: answer.status, headers: headers)))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(string: answer.body))))
                    if stallsBodies {
                        // The last byte never comes; only cancellation (the test ending) ends the wait.
                        let (never, source) = AsyncStream<Void>.makeStream()
                        for await _ in never {}
                        withExtendedLifetime(source) {}
                        return
                    }
                    try await outbound.write(.end(nil))
                }
            }
        }
    }
}

/// Holds arriving requests until `size` are waiting, then lets that wave go
/// together: the server's proof of how many requests a client has in flight.
/// Cancelling a waiting task releases everyone, so a failing test ends
/// instead of hanging the server's connections.
public actor Waves {
    private let size: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    public private(set) var released = 0

    public init(size: Int) { self.size = size }

    public func arrive() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiting.append(continuation)
                if waiting.count == size || Task.isCancelled {
                    if waiting.count == size { released += 1 }
                    resumeAll()
                }
            }
        } onCancel: {
            Task { await self.resumeAll() }
        }
    }

    private func resumeAll() {
        for waiter in waiting { waiter.resume() }
        waiting = []
    }
}
