import HTTPTypes
import HandbookServer
import Hummingbird
import Logging
import Synchronization
import Tracing

/// One server span per request, continuing the caller's W3C `traceparent`
/// (or starting a trace), with the trace id in every log line of the
/// request (`trace.id`) and a `traceresponse` header naming the server span.
///
/// It sits outside the access log, so the access line carries the trace id
/// too. The span is named by method and matched route *template*
/// (`POST /orders`), never the raw path; a 5xx answer marks it as an error
/// (the problem middleware turns errors into responses, so `withSpan` never
/// sees them thrown). The span ends when the response head is ready: for a
/// stream (`GET /events`) that is when the stream starts.
///
/// Not `traceparent` on the response: that header means "the caller's
/// span", and a propagator reading responses would adopt ours as a parent.
/// `traceresponse` (same layout, the callee's span) is a W3C draft, and
/// like any trace header it should not go to callers outside the trace.
struct TracingMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    static let header = HTTPField.Name("traceparent")!
    static let responseHeader = HTTPField.Name("traceresponse")!
    static let metadataKey = "trace.id"

    let tracer: W3CTracer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var incoming = ServiceContext.topLevel
        tracer.extract(request.headers, into: &incoming, using: HTTPFieldsExtractor())
        let method = request.method.rawValue
        return try await tracer.withSpan(method, context: incoming, ofKind: .server) { span in
            var context = context
            context.logger[metadataKey: Self.metadataKey] = .string(span.identity.traceID)
            span.attributes["http.request.method"] = method
            do {
                var response = try await next(request, context)
                let route = context.endpointPath ?? ServiceMetrics.unmatchedRoute
                span.operationName = "\(method) \(route)"
                span.attributes["http.route"] = route
                span.attributes["http.response.status_code"] = Int(response.status.code)
                if response.status.code >= 500 { span.setStatus(.init(code: .error)) }
                response.headers[Self.responseHeader] = span.identity.description
                return response
            } catch {
                let route = context.endpointPath ?? ServiceMetrics.unmatchedRoute
                span.operationName = "\(method) \(route)"
                span.attributes["http.route"] = route
                throw error  // withSpan records it and sets the error status
            }
        }
    }
}

/// Reads a header from Hummingbird's request headers.
struct HTTPFieldsExtractor: Extractor {
    func extract(key: String, from carrier: HTTPFields) -> String? {
        HTTPField.Name(key).flatMap { carrier[$0] }
    }
}

/// The client side of the payment provider: every call is a client span,
/// and the request it would send carries the span's `traceparent`, so the
/// provider's own traces join the order's. ``sent`` keeps the headers of
/// the last calls (bounded), as a provider's request log would.
public struct TracedPaymentProvider: PaymentProvider {
    public let base: any PaymentProvider
    let tracer: W3CTracer
    let log: SentHeaders

    /// The headers of the most recent calls, oldest first (at most 1,000).
    public var sent: [[String: String]] { log.headers }

    public init(base: any PaymentProvider, tracer: W3CTracer) {
        self.base = base
        self.tracer = tracer
        self.log = SentHeaders()
    }

    public func charge(key: String, amountCents: Int, timeout: Duration) async throws -> String {
        try await call("payment charge") { try await base.charge(key: key, amountCents: amountCents, timeout: timeout) }
    }

    public func voidUnlessCharged(key: String) async throws -> ChargeState {
        try await call("payment void") { try await base.voidUnlessCharged(key: key) }
    }

    public func refund(key: String) async throws {
        try await call("payment refund") { try await base.refund(key: key) }
    }

    private func call<T>(_ name: String, _ body: () async throws -> T) async throws -> T {
        try await tracer.withSpan(name, ofKind: .client) { _ in
            var headers: [String: String] = [:]
            tracer.inject(ServiceContext.current ?? .topLevel, into: &headers, using: HeaderInjector())
            log.append(headers)
            return try await body()
        }
    }

    final class SentHeaders: Sendable {
        private let entries = Mutex<[[String: String]]>([])
        var headers: [[String: String]] { entries.withLock { $0 } }
        func append(_ headers: [String: String]) {
            entries.withLock { entries in
                entries.append(headers)
                if entries.count > 1_000 { entries.removeFirst(entries.count - 1_000) }
            }
        }
    }
}
