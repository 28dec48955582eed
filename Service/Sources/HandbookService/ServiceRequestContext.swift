import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage, the peer address
/// (the rate limiter's fallback client key) and the body size limit.
public struct ServiceRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The request id echoed as `X-Request-ID` (set by ``RequestIDMiddleware``).
    public var requestID = ""
    public var maxBodyBytes = 16 * 1024

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    public var maxUploadSize: Int { maxBodyBytes }
}
