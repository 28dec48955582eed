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
    /// The metadata key Hummingbird gives its request id (`RequestContext.id` reads it).
    static let metadataKey = "hb.request.id"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let incoming = request.headers.firstValue(Self.header), Self.isValid(incoming) {
            context.requestID = incoming
            // The client's id replaces Hummingbird's in every log line of this request.
            context.logger[metadataKey: Self.metadataKey] = .string(incoming)
        } else {
            // Hummingbird already put its own id in the logger's metadata:
            // reusing it saves a metadata write on every request.
            context.requestID = context.id
        }
        var response = try await next(request, context)
        response.headers.append(HTTPField(name: Self.header, value: context.requestID))
        return response
    }

    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 128 && id.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}

/// One structured log line per request: method, path, status, duration.
/// With an ``AccessLog`` the line goes straight to its sink; without one
/// (tests, or another logging backend) through the request's logger.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    var accessLog: AccessLog?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        guard context.logger.logLevel <= .info else { return response }
        let elapsed = start.duration(to: .now)
        if let accessLog {
            let traceID = context.logger[metadataKey: TracingMiddleware.metadataKey].map { "\($0)" }
            accessLog.record(
                requestID: context.requestID, traceID: traceID, method: request.method.rawValue,
                path: request.uri.path,
                status: response.status.code, duration: elapsed)
        } else {
            context.logger.info(
                "request",
                metadata: [
                    "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                    "status": .string(String(response.status.code)),
                    "duration_us": .string(String(elapsed.microseconds)),
                ])
        }
        return response
    }
}

/// Gives the request its deadline (``RequestDeadline``): every bounded
/// call below takes `min(its own timeout, what is left)`.
struct DeadlineMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let timeout: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        try await RequestDeadline.$current.withValue(.now.advanced(by: timeout)) {
            try await next(request, context)
        }
    }
}

/// Rate limits every route but the probes per client (an authenticated
/// principal, else the peer's address: see ``ClientIdentity``; a header the
/// client picks is never the key) with any of the lesson's
/// ``RateLimiter``s, and puts the IETF draft's `RateLimit-Policy` and
/// `RateLimit` fields on every response: allowed, denied (429 with
/// `Retry-After`) or failed.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    static let policyName = HTTPField.Name("RateLimit-Policy")!
    static let rateLimitName = HTTPField.Name("RateLimit")!

    /// The three known names are parsed once (`HTTPField.Name(_:)` validates
    /// its string on every call).
    static func headerName(_ name: String) -> HTTPField.Name? {
        switch name {
        case "RateLimit-Policy": policyName
        case "RateLimit": rateLimitName
        case "Retry-After": .retryAfter
        default: HTTPField.Name(name)
        }
    }

    /// The in-memory limiter decides synchronously, without suspending the
    /// request's task; a database-backed one is awaited.
    enum Limiter {
        case local(LockedKeyedRateLimiter<TokenBucket, ContinuousClock>)
        case shared(any RateLimiter)
    }

    let limiter: Limiter
    let identity: ClientIdentity
    /// Load-balancer probes and the metrics scrape: never limited, or under
    /// load the probe gets 429 and a healthy instance is taken out of
    /// rotation (and the graphs go blank exactly when they matter).
    static let exemptPaths: Set<String> = ["/health", "/ready", "/metrics"]

    init(limiter: any RateLimiter, identity: ClientIdentity) {
        self.identity = identity
        if let local = limiter as? LockedKeyedRateLimiter<TokenBucket, ContinuousClock> {
            self.limiter = .local(local)
        } else {
            self.limiter = .shared(limiter)
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.client = identity.identify(request.headers, peer: context.remoteAddress)
        if Self.exemptPaths.contains(request.uri.path) { return try await next(request, context) }
        let decision: RateLimitDecision
        do {
            let key = context.client.key
            switch limiter {
            case .local(let limiter): decision = try limiter.tryAcquire(key: key)
            case .shared(let limiter): decision = try await limiter.acquire(key: key)
            }
        } catch {
            // Fail closed but honestly: the limiter's store is down, so is the service.
            context.logger.error("rate limiter failed", metadata: ["error": "\(error)"])
            return Overloaded(detail: "the rate limiter's store did not answer", retryAfter: .seconds(1)).response()
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
        // Appended, not assigned: nothing inside sets these fields, and
        // assignment first searches for existing ones.
        for field in decision.headerFields {
            if let name = Self.headerName(field.name) {
                response.headers.append(HTTPField(name: name, value: field.value))
            }
        }
        return response
    }
}

extension HTTPFields {
    /// The first field's value. `headers[name]` joins every field of that name
    /// with ", ", which allocates on every request; these headers are single-valued.
    func firstValue(_ name: HTTPField.Name) -> String? {
        for field in self where field.name == name { return field.value }
        return nil
    }
}
