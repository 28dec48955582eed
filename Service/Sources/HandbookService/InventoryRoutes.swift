import HandbookSystemDesign
import Hummingbird

/// `GET /inventory/{item}` and the admin route `PUT /inventory/{item}`.
struct InventoryRoutes {
    struct StockUpdate: Decodable {
        var stock: Int
    }

    let store: OrderStore
    let adminToken: String?
    /// Larger bodies are refused with 413 before they are decoded.
    let maxBodyBytes: Int

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/inventory/{item}") { _, context in
            let item = try context.parameters.require("item")
            guard let level = try await store.inventory(item: item) else {
                throw Problem(
                    type: "/problems/not-found", title: "Not found", status: .notFound, detail: "no item \(item)")
            }
            return try JSONBody.response(level)
        }
        router.put("/inventory/{item}") { request, context in
            try authorize(request)
            let item = try context.parameters.require("item")
            guard !item.isEmpty, item.count <= 100 else {
                throw Problem.badRequest(
                    "invalid item", errors: [.init(field: "item", message: "must be 1 to 100 characters")])
            }
            let body = try await request.body.collect(upTo: maxBodyBytes)
            let update = try JSONBody.decode(StockUpdate.self, from: body)
            guard (0...1_000_000_000).contains(update.stock) else {
                throw Problem.badRequest(
                    "invalid stock", errors: [.init(field: "stock", message: "must be in 0...1000000000")])
            }
            return try JSONBody.response(try await store.setStock(item: item, stock: update.stock))
        }
    }

    /// With `ADMIN_TOKEN` set, requires `Authorization: Bearer <token>`,
    /// compared in constant time (a timing leak would reveal the prefix).
    func authorize(_ request: Request) throws {
        guard let adminToken else { return }
        let presented = request.headers[.authorization] ?? ""
        let expected = "Bearer " + adminToken
        guard CursorSigning.constantTimeEquals(Array(presented.utf8), Array(expected.utf8)) else {
            throw Problem(
                type: "/problems/unauthorized", title: "Unauthorized", status: .unauthorized,
                detail: "this route needs Authorization: Bearer <ADMIN_TOKEN>")
        }
    }
}
