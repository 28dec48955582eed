import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage, the peer address
/// (the rate limiter's fallback client key) and the request id. It is copied
/// into every middleware call, so it carries nothing a route can be given
/// directly (the body limit is passed to the routes that read a body).
public struct ServiceRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The request id echoed as `X-Request-ID` (set by ``RequestIDMiddleware``).
    public var requestID = ""
    /// Who sent the request (set by ``RateLimitMiddleware``): the rate
    /// limiter's key and the idempotency keys' scope.
    var client = ClientIdentity.Client(principal: nil, key: "ip:unknown")

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
