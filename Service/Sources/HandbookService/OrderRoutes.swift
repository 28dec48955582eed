import Foundation
import HTTPTypes
import HandbookSystemDesign
import Hummingbird
import Logging
import NIOCore
import NIOFoundationCompat

/// `POST /orders`, `GET /orders`, `GET /orders/{id}`.
struct OrderRoutes {
    static let idempotencyHeader = HTTPField.Name("Idempotency-Key")!
    /// Stripe's name (the IETF draft defines none): `true` on a replayed response.
    static let replayedHeader = HTTPField.Name("Idempotent-Replayed")!

    let orders: OrderService
    let coordinator: IdempotencyKeys.Coordinator<SQLIdempotencyStore>
    let cache: OrderCache
    /// Larger bodies are refused with 413 before they are decoded.
    let maxBodyBytes: Int
    let cursors: CursorCodec
    /// Bounds the sagas running at once and the queue before them: beyond
    /// it `POST /orders` answers 503 at once instead of queueing without bound.
    let bulkhead: Bulkhead<ContinuousClock>

    func register(on router: Router<ServiceRequestContext>) {
        router.post("/orders") { request, context in try await create(request, context) }
        router.get("/orders") { request, _ in try await list(request) }
        router.get("/orders/{id}") { _, context in try await show(context) }
    }

    /// Validates, then runs the saga at most once per `Idempotency-Key`.
    func create(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let key = try Self.idempotencyKey(request.headers, scope: context.client.principal)
        try JSONBody.requireJSONContentType(request.headers)
        // Over the limit, collect throws HTTPError(.contentTooLarge): 413.
        let body = try await request.body.collect(upTo: maxBodyBytes)
        var decoded = try JSONBody.decode(NewOrder.self, from: body)
        // The item as the inventory stores it (NFC): the bytes are what the database compares.
        decoded.item = ItemName.normalized(decoded.item)
        let newOrder = decoded
        let errors = newOrder.fieldErrors()
        guard errors.isEmpty else { throw Problem.badRequest("invalid order", errors: errors) }
        // Fingerprint the parsed request, not its bytes: the same order sent
        // with other spacing, key order or Unicode normalisation is the same request.
        let fingerprint = IdempotencyKeys.Fingerprint(
            method: "POST", path: "/orders", body: Array(try JSONBody.encode(newOrder)))
        let orders = self.orders
        let logger = context.logger
        let execution: IdempotencyKeys.Execution
        do {
            execution = try await bulkhead.run {
                try await abandonedOnCancellation {
                    try await coordinator.run(key: key, fingerprint: fingerprint) {
                        try await Self.createOrder(
                            newOrder, key: key, fingerprint: fingerprint, orders: orders, logger: logger)
                    }
                }
            }
        } catch let error as BulkheadError {
            throw Overloaded(detail: "\(error)", retryAfter: .seconds(1))
        } catch IdempotencyError.responseNotRecorded(let response, let reason) {
            // The order is final and the client gets its answer; only the
            // replay copy is missing (a retry still finds the order: `adopt`).
            logger.error("response not recorded for replay", metadata: ["reason": "\(reason)"])
            execution = IdempotencyKeys.Execution(response: response, source: .executed)
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

    /// Runs the saga; final outcomes become the stored response, transient
    /// ones are thrown (the key is released, and the client retries).
    static func createOrder(
        _ newOrder: NewOrder, key: IdempotencyKeys.Key, fingerprint: IdempotencyKeys.Fingerprint,
        orders: OrderService, logger: Logger
    ) async throws -> IdempotencyKeys.StoredResponse {
        let outcome: OrderService.Outcome
        do {
            outcome = try await orders.create(
                newOrder, idempotencyKey: key.rawValue, fingerprint: fingerprint.rawValue, logger: logger)
        } catch let unavailable as OrderService.PaymentUnavailable {
            throw Overloaded(
                detail: "\(unavailable.reason); nothing was charged that is not refunded, retry with the same key",
                retryAfter: unavailable.retryAfter, orderId: unavailable.orderID)
        }
        if case .insufficientStock(let item, let available) = outcome {
            // Thrown, not stored: the answer changes when stock is added,
            // so a retry with the same key must run again, not replay.
            throw Problem(
                type: "/problems/insufficient-stock", title: "Insufficient stock", status: .conflict,
                detail: "\(item) has \(available) in stock")
        }
        return try stored(outcome)
    }

    /// The `Idempotency-Key` field, read as the IETF draft defines it: an
    /// RFC 8941 sf-string (`"7f3a…"`). A bare value is accepted as the same
    /// key (`abc` and `"abc"` are one key), more than one field is refused,
    /// and an authenticated client's keys live in a scope of their own
    /// (the draft's security advice: two clients cannot collide or probe
    /// each other's keys). Anonymous clients share one scope: an address is
    /// not an identity, and a retry from a new address must find its key.
    static func idempotencyKey(_ headers: HTTPFields, scope principal: String?) throws -> IdempotencyKeys.Key {
        let fields = headers.filter { $0.name == idempotencyHeader }
        guard let field = fields.first else { throw Problem.badRequest("the Idempotency-Key header is required") }
        guard fields.count == 1 else { throw Problem.badRequest("send one Idempotency-Key field, not \(fields.count)") }
        guard let value = parseStructuredString(field.value), !value.isEmpty, value.utf8.count <= maximumKeyLength
        else {
            throw Problem.badRequest(
                "invalid Idempotency-Key: expected a string of 1 to \(maximumKeyLength) printable ASCII characters")
        }
        // Scoped keys cannot collide with anonymous ones: the separator is not printable ASCII.
        let scoped = principal.map { "\($0)\u{1F}\(value)" } ?? value
        do {
            return try IdempotencyKeys.Key(scoped)
        } catch {
            throw Problem.badRequest("invalid Idempotency-Key: \(error)")
        }
    }

    static let maximumKeyLength = 200

    /// An RFC 8941 sf-string (`"…"` with `\"` and `\\` escapes, printable
    /// ASCII inside), or a bare run of visible ASCII without quotes.
    static func parseStructuredString(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "\"") else {
            return bytes.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\"") }) ? text : nil
        }
        var result: [UInt8] = []
        var index = 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count, [UInt8(ascii: "\""), UInt8(ascii: "\\")].contains(bytes[index + 1])
                else { return nil }
                result.append(bytes[index + 1])
                index += 2
            case UInt8(ascii: "\""):
                return index == bytes.count - 1 ? String(decoding: result, as: UTF8.self) : nil
            case 0x20...0x7E:
                result.append(byte)
                index += 1
            default:
                return nil
            }
        }
        return nil  // no closing quote
    }

    /// The response stored for replay: what the first request got.
    static func stored(_ outcome: OrderService.Outcome) throws -> IdempotencyKeys.StoredResponse {
        let response: (status: HTTPResponse.Status, body: Data, type: String, location: String?)
        switch outcome {
        case .confirmed(let order):
            response = (.created, try JSONBody.encode(order), "application/json", "/orders/\(order.id)")
        case .paymentDeclined(let order, let reason):
            let problem = Problem(
                type: "/problems/payment-declined", title: "Payment declined", status: .paymentRequired402,
                detail: "the payment provider declined the charge (\(reason)); the stock was released",
                orderId: order.id)
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
