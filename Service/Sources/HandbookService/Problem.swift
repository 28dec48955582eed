import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOFoundationCompat

/// An RFC 9457 problem document (`application/problem+json`), thrown by
/// routes and rendered by ``ProblemMiddleware``.
public struct Problem: Error, Codable, Sendable, Equatable {
    public struct FieldError: Codable, Sendable, Equatable {
        public var field: String
        public var message: String
    }

    /// A URI reference naming the kind of problem (relative: the API's own).
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String?
    /// Extension member: every invalid field (400).
    public var errors: [FieldError]?
    /// Extension member: the order a problem is about (402).
    public var orderId: String?

    public init(
        type: String, title: String, status: HTTPResponse.Status, detail: String? = nil, errors: [FieldError]? = nil,
        orderId: String? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status.code
        self.detail = detail
        self.errors = errors
        self.orderId = orderId
    }

    static let mediaType = "application/problem+json"

    static func badRequest(_ detail: String, errors: [FieldError]? = nil) -> Problem {
        Problem(
            type: "/problems/bad-request", title: "Bad request", status: .badRequest, detail: detail, errors: errors)
    }

    /// The problem as a response; `headers` are added (e.g. `Location`).
    public func response(headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = Self.mediaType
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = (try? encoder.encode(self)) ?? Data(#"{"status":500,"title":"Internal error"}"#.utf8)
        return Response(
            status: HTTPResponse.Status(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}

/// Turns every error into a problem document: a ``Problem`` as it is,
/// Hummingbird's `HTTPError` and `HTTPResponseError`s (404, 405, 413…) with
/// their status, anything else
/// as a 500 whose details go to the log, not to the client.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response()
        } catch let problem as ProblemWithHeaders {
            return problem.problem.response(headers: problem.headers)
        } catch let overload as Overloaded {
            return overload.response()
        } catch let error as PostgresDatabase.TimedOut {
            return Overloaded(detail: error.description, retryAfter: .seconds(1)).response()
        } catch let error as AsyncLock.TimedOut {
            return Overloaded(detail: error.description, retryAfter: .seconds(1)).response()
        } catch let error as HTTPError {
            return Problem(
                type: "/problems/\(error.status.code)", title: error.status.reasonPhrase, status: error.status,
                detail: error.body
            ).response(headers: error.headers)
        } catch let error as any HTTPResponseError {
            // Hummingbird's own errors, e.g. NIO's too-many-bytes error from `collect(upTo:)` (413).
            return Problem(
                type: "/problems/\(error.status.code)", title: error.status.reasonPhrase, status: error.status
            )
            .response()
        } catch is CancellationError {
            // The client went away (or the server is shutting down): nobody
            // reads this answer, and it is not a server failure. 499 is
            // nginx's "client closed request", so metrics do not count it as 5xx.
            return Response(status: .init(code: 499, reasonPhrase: "Client Closed Request"))
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(error)"])
            return Problem(type: "/problems/internal", title: "Internal server error", status: .internalServerError)
                .response()
        }
    }
}

/// A transient refusal: 503 with `Retry-After`, for a dependency that is
/// down or slow, or a request shed under overload. Never stored for replay:
/// the same request may succeed in a moment.
struct Overloaded: Error, Equatable {
    var detail: String
    var retryAfter: Duration
    var orderId: String?

    /// `Retry-After` in whole seconds, rounded up, at least 1.
    var retryAfterSeconds: Int {
        let (seconds, attoseconds) = retryAfter.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }

    func response() -> Response {
        Problem(
            type: "/problems/unavailable", title: "Service unavailable", status: .serviceUnavailable, detail: detail,
            orderId: orderId
        ).response(headers: [.retryAfter: String(retryAfterSeconds)])
    }
}

extension HTTPResponse.Status {
    /// 402: swift-http-types has no named constant for it.
    static let paymentRequired402 = HTTPResponse.Status(code: 402, reasonPhrase: "Payment Required")
}
