import Foundation
import HTTPTypes
import HandbookSystemDesign
import Hummingbird
import NIOCore
import NIOFoundationCompat

/// `POST /orders`, `GET /orders`, `GET /orders/{id}`.
struct OrderRoutes {
    static let idempotencyHeader = HTTPField.Name("Idempotency-Key")!
    static let replayedHeader = HTTPField.Name("Idempotent-Replayed")!

    let orders: OrderService
    let coordinator: IdempotencyKeys.Coordinator<SQLIdempotencyStore>
    let cache: OrderCache
    /// Larger bodies are refused with 413 before they are decoded.
    let maxBodyBytes: Int
    let cursors: CursorCodec

    func register(on router: Router<ServiceRequestContext>) {
        router.post("/orders") { request, context in try await create(request, context) }
        router.get("/orders") { request, _ in try await list(request) }
        router.get("/orders/{id}") { _, context in try await show(context) }
    }

    /// Validates, then runs the saga at most once per `Idempotency-Key`.
    func create(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        guard let rawKey = request.headers[Self.idempotencyHeader] else {
            throw Problem.badRequest("the Idempotency-Key header is required")
        }
        let key: IdempotencyKeys.Key
        do {
            key = try IdempotencyKeys.Key(rawKey)
        } catch {
            throw Problem.badRequest("invalid Idempotency-Key: \(error)")
        }
        // Over the limit, collect throws HTTPError(.contentTooLarge): 413.
        let body = try await request.body.collect(upTo: maxBodyBytes)
        let newOrder = try JSONBody.decode(NewOrder.self, from: body)
        let errors = newOrder.fieldErrors()
        guard errors.isEmpty else { throw Problem.badRequest("invalid order", errors: errors) }
        // Fingerprint the parsed request, not its bytes: the same order sent
        // with other spacing or key order is the same request.
        let fingerprint = IdempotencyKeys.Fingerprint(
            method: "POST", path: "/orders", body: Array(try JSONBody.encode(newOrder)))
        let orders = self.orders
        let execution: IdempotencyKeys.Execution
        do {
            execution = try await coordinator.run(key: key, fingerprint: fingerprint) {
                let outcome = try await orders.create(
                    newOrder, idempotencyKey: key.rawValue, fingerprint: fingerprint.rawValue)
                if case .insufficientStock(let item, let available) = outcome {
                    // Thrown, not stored: the answer changes when stock is added,
                    // so a retry with the same key must run again, not replay.
                    throw Problem(
                        type: "/problems/insufficient-stock", title: "Insufficient stock", status: .conflict,
                        detail: "\(item) has \(available) in stock")
                }
                return try Self.stored(outcome)
            }
        } catch IdempotencyError.inProgress {
            throw Problem(
                type: "/problems/idempotency-in-progress", title: "Request in progress", status: .conflict,
                detail: "a request with this Idempotency-Key is still being processed; retry later")
        } catch IdempotencyError.keyReuseMismatch {
            throw Problem(
                type: "/problems/idempotency-key-reused", title: "Idempotency-Key reused",
                status: .unprocessableContent,
                detail: "this Idempotency-Key was used for a different request")
        }
        var headers = HTTPFields()
        for (name, value) in execution.response.headers.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        if execution.source == .replayed { headers[Self.replayedHeader] = "true" }
        return Response(
            status: HTTPResponse.Status(code: execution.response.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: execution.response.body)))
    }

    /// The response stored for replay: what the first request got.
    static func stored(_ outcome: OrderService.Outcome) throws -> IdempotencyKeys.StoredResponse {
        let response: (status: HTTPResponse.Status, body: Data, type: String, location: String?)
        switch outcome {
        case .confirmed(let order):
            response = (.created, try JSONBody.encode(order), "application/json", "/orders/\(order.id)")
        case .paymentFailed(let order):
            let problem = Problem(
                type: "/problems/payment-failed", title: "Payment failed", status: .paymentRequired402,
                detail: "the charge failed after retries; the stock was released", orderId: order.id)
            response = (.paymentRequired402, try JSONBody.encode(problem), Problem.mediaType, "/orders/\(order.id)")
        case .insufficientStock:
            preconditionFailure("insufficient stock is thrown as a problem, never stored")
        }
        var headers = ["Content-Type": response.type]
        if let location = response.location { headers["Location"] = location }
        return .init(status: response.status.code, headers: headers, body: Array(response.body))
    }

    func list(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        var limit = Pagination.defaultLimit
        if let text = query["limit"].map(String.init) {
            guard let parsed = Int(text) else { throw Problem.badRequest("limit must be an integer") }
            limit = parsed
        }
        do {
            limit = try Pagination.validatedLimit(limit, maximum: Pagination.maximumLimit)
            let cursor = try query["cursor"].map { token throws(PaginationError) in
                try cursors.decode(token, as: KeysetCursor<Int64, String>.self)
            }
            let page = try await orders.store.page(after: cursor, limit: limit)
            return try JSONBody.response(OrderPage(items: page.items, nextCursor: page.next.map { cursors.encode($0) }))
        } catch let error as PaginationError {
            throw Problem.badRequest(error.description)
        }
    }

    func show(_ context: ServiceRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let entry = try await cache.entry(id: id) else {
            throw Problem(type: "/problems/not-found", title: "Not found", status: .notFound, detail: "no order \(id)")
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: entry.body))
    }
}
