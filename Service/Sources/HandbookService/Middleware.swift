import Foundation
import HTTPTypes
import HandbookSystemDesign
import Hummingbird
import Logging

/// Gives every request an id: the client's `X-Request-ID` if it is a sane
/// token (≤ 128 visible ASCII characters), else Hummingbird's own. The id is
/// in every log line of the request and echoed on the response, so a client
/// report can be matched with the server's logs.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    static let header = HTTPField.Name("X-Request-ID")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let incoming = request.headers[Self.header], Self.isValid(incoming) {
            context.requestID = incoming
        } else {
            context.requestID = context.id
        }
        context.logger[metadataKey: "request_id"] = .string(context.requestID)
        var response = try await next(request, context)
        response.headers[Self.header] = context.requestID
        return response
    }

    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 128 && id.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}

/// One structured log line per request: method, path, status, duration.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        if context.logger.logLevel <= .info {
            let elapsed = start.duration(to: .now)
            context.logger.info(
                "request",
                metadata: [
                    "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                    "status": .stringConvertible(response.status.code),
                    "duration_us": .stringConvertible(elapsed.microseconds),
                ])
        }
        return response
    }
}

/// Rate limits every route per client (`X-Client-ID`, else the peer's IP
/// address) with any of the lesson's ``RateLimiter``s, and puts the IETF
/// draft's `RateLimit-Policy` and `RateLimit` fields on every response:
/// allowed, denied (429 with `Retry-After`) or failed.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    static let clientHeader = HTTPField.Name("X-Client-ID")!
    /// Parsed once: `HTTPField.Name(_:)` validates its string on every call.
    static let headerNames = [
        "RateLimit-Policy": HTTPField.Name("RateLimit-Policy")!, "RateLimit": HTTPField.Name("RateLimit")!,
        "Retry-After": HTTPField.Name.retryAfter,
    ]

    /// The in-memory limiter decides synchronously, without suspending the
    /// request's task; a database-backed one is awaited.
    enum Limiter {
        case local(LockedKeyedRateLimiter<TokenBucket, ContinuousClock>)
        case shared(any RateLimiter)
    }

    let limiter: Limiter

    init(limiter: any RateLimiter) {
        if let local = limiter as? LockedKeyedRateLimiter<TokenBucket, ContinuousClock> {
            self.limiter = .local(local)
        } else {
            self.limiter = .shared(limiter)
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let decision: RateLimitDecision
        do {
            let key = Self.clientKey(request, context)
            switch limiter {
            case .local(let limiter): decision = try limiter.tryAcquire(key: key)
            case .shared(let limiter): decision = try await limiter.acquire(key: key)
            }
        } catch {
            // Fail closed but honestly: the limiter's store is down, so is the service.
            context.logger.error("rate limiter failed", metadata: ["error": "\(error)"])
            return Problem(type: "/problems/unavailable", title: "Service unavailable", status: .serviceUnavailable)
                .response()
        }
        var response: Response
        if decision.isAllowed {
            response = try await next(request, context)
        } else {
            response = Problem(
                type: "/problems/rate-limited", title: "Too many requests", status: .tooManyRequests,
                detail: "retry after the time in Retry-After"
            ).response()
        }
        for field in decision.headerFields {
            if let name = Self.headerNames[field.name] ?? HTTPField.Name(field.name) {
                response.headers[name] = field.value
            }
        }
        return response
    }

    static func clientKey(_ request: Request, _ context: Context) -> String {
        if let client = request.headers[clientHeader], !client.isEmpty, client.utf8.count <= 128 {
            return "client:" + client
        }
        if let address = context.remoteAddress?.ipAddress { return "ip:" + address }
        return "ip:unknown"
    }
}
