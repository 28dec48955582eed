import Foundation
import HTTPTypes
import HandbookSystemDesign
import Hummingbird

/// `GET /inventory/{item}` and the admin route `PUT /inventory/{item}`.
///
/// Stock updates use optimistic concurrency: `GET` returns the row's version
/// as a strong `ETag`, and `PUT` must send it back in `If-Match` (412 if the
/// row changed meanwhile, orders' reservations included; 428 without it).
/// Creating an item needs no precondition (or `If-None-Match: *`).
struct InventoryRoutes {
    struct StockUpdate: Decodable {
        var stock: Int
    }

    let store: OrderStore
    let identity: ClientIdentity
    /// Whether `PUT` is served at all (`ADMIN_ROUTES=disabled`: 404).
    let adminRoutesEnabled: Bool
    /// Whether an admin token is required (always, unless none is
    /// configured, which the configuration only allows on loopback).
    let requiresToken: Bool
    /// Larger bodies are refused with 413 before they are decoded.
    let maxBodyBytes: Int

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/inventory/{item}") { _, context in
            let item = try Self.item(context)
            guard let level = try await store.inventory(item: item) else {
                throw Problem(
                    type: "/problems/not-found", title: "Not found", status: .notFound, detail: "no item \(item)")
            }
            var response = try JSONBody.response(level)
            response.headers[.eTag] = level.entityTag
            return response
        }
        guard adminRoutesEnabled else { return }
        router.put("/inventory/{item}") { request, context in
            try authorize(request)
            let item = try Self.item(context)
            let precondition = try Self.precondition(request.headers)
            try JSONBody.requireJSONContentType(request.headers)
            let body = try await request.body.collect(upTo: maxBodyBytes)
            let update = try JSONBody.decode(StockUpdate.self, from: body)
            guard (0...1_000_000_000).contains(update.stock) else {
                throw Problem.badRequest(
                    "invalid stock", errors: [.init(field: "stock", message: "must be in 0...1000000000")])
            }
            let level: InventoryLevel
            do {
                level = try await store.setStock(item: item, stock: update.stock, precondition: precondition)
            } catch OrderStore.StockConflict.preconditionRequired {
                throw Problem(
                    type: "/problems/precondition-required", title: "Precondition required",
                    status: .preconditionRequired,
                    detail: "\(item) exists: send If-Match with the ETag that GET returns for it")
            } catch OrderStore.StockConflict.versionMismatch(let current) {
                var headers = HTTPFields()
                if let current { headers[.eTag] = current.entityTag }
                throw ProblemWithHeaders(
                    problem: Problem(
                        type: "/problems/precondition-failed", title: "Precondition failed",
                        status: .preconditionFailed,
                        detail: "\(item) changed since that version (orders reserve stock too): read it again"),
                    headers: headers)
            }
            var response = try JSONBody.response(level)
            response.headers[.eTag] = level.entityTag
            return response
        }
    }

    /// The item the path names, percent-decoded: Hummingbird hands the
    /// segment over as it arrived, and a client sends the item `café`, which
    /// an order may name, as `caf%C3%A9`. Decoded once, so `100%25` is `100%`;
    /// returned in ``ItemName/normalized(_:)`` form, as orders store it.
    /// - Throws: a 400 ``Problem`` for a malformed escape (`%ZZ`, bytes that
    ///   are not UTF-8) or a name that breaks ``ItemName/rule`` (`%00`).
    static func item(_ context: ServiceRequestContext) throws -> String {
        let segment = try context.parameters.require("item")
        guard let item = segment.removingPercentEncoding.map(ItemName.normalized), ItemName.isValid(item) else {
            throw Problem.badRequest(
                "invalid item",
                errors: [.init(field: "item", message: ItemName.rule + ", percent-encoded as UTF-8")])
        }
        return item
    }

    /// `If-Match: "v7"` → version 7; `If-None-Match: *` → must not exist.
    static func precondition(_ headers: HTTPFields) throws -> OrderStore.StockPrecondition {
        if let match = headers.firstValue(.ifMatch) {
            let tag = match.trimmingCharacters(in: .whitespaces)
            guard tag.hasPrefix("\"v"), tag.hasSuffix("\""), tag.count > 3,
                let version = Int(tag.dropFirst(2).dropLast())
            else {
                throw Problem.badRequest("If-Match must be one ETag from GET /inventory/{item}, like \"v3\"")
            }
            return .version(version)
        }
        if headers.firstValue(.ifNoneMatch)?.trimmingCharacters(in: .whitespaces) == "*" { return .absent }
        return .none
    }

    /// Requires `Authorization: Bearer <ADMIN_TOKEN>` when a token is
    /// configured, compared in constant time whatever its length.
    func authorize(_ request: Request) throws {
        guard requiresToken else { return }
        guard identity.isAdmin(request.headers) else {
            throw Problem(
                type: "/problems/unauthorized", title: "Unauthorized", status: .unauthorized,
                detail: "this route needs Authorization: Bearer <ADMIN_TOKEN>")
        }
    }
}

/// A problem whose response carries extra fields (e.g. the current `ETag`).
struct ProblemWithHeaders: Error {
    var problem: Problem
    var headers: HTTPFields
}
