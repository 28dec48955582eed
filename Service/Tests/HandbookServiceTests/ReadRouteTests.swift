import Foundation
import HTTPTypes
import HandbookService
import HandbookSystemDesign
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing

/// The read routes: keyset pagination, the cached order lookup, inventory,
/// health, and the cross-cutting middleware.
@Suite("Read routes and middleware")
struct ReadRouteTests {
    @Test("GET /health is 200", arguments: Backend.available)
    func health(_ backend: Backend) async throws {
        try await withService(backend) { client, _ in
            let health = try await client.get("/health").status
            #expect(health == .ok)
        }
    }

    @Test(
        "pages walk every order once, in (createdAt, id) order, and end with nextCursor null",
        arguments: Backend.available)
    func paginates(_ backend: Backend) async throws {
        let clock = ManualServiceClock()
        try await withService(backend, clock: clock) { client, _ in
            _ = try await client.setStock("widget", 100)
            var created: [String] = []
            // Two orders per instant: the keyset must order by createdAt AND break ties by id.
            for index in 0..<5 {
                created.append(try decode(Order.self, try await client.order(key: "p-\(index)")).id)
                if index % 2 == 1 { clock.advance(by: .milliseconds(1)) }
            }
            var seen: [Order] = []
            var cursor: String?
            var pages = 0
            repeat {
                let query = cursor.map { "&cursor=\($0)" } ?? ""
                let response = try await client.get("/orders?limit=2\(query)")
                #expect(response.status == .ok)
                let page = try decode(Page.self, response)
                #expect(page.items.count <= 2)
                #expect(String(buffer: response.body).contains(#""nextCursor""#), "nextCursor is always present")
                seen += page.items
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3)
            #expect(Set(seen.map(\.id)) == Set(created) && seen.count == 5)
            let keys = seen.map { ($0.createdAt, $0.id) }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
            #expect(Set(seen.map(\.createdAt)).count == 3)
        }
    }

    @Test("a tampered cursor, a bad limit or a non-numeric limit is 400", arguments: Backend.available)
    func rejectsBadPageRequests(_ backend: Backend) async throws {
        try await withService(backend) { client, _ in
            _ = try await client.setStock("widget", 10)
            for index in 0..<3 { _ = try await client.order(key: "t-\(index)") }
            let page = try decode(Page.self, try await client.get("/orders?limit=1"))
            let token = try #require(page.nextCursor)
            var tampered = Array(token)
            tampered[tampered.count / 3] = tampered[tampered.count / 3] == "A" ? "B" : "A"
            for uri in [
                "/orders?cursor=\(String(tampered))", "/orders?cursor=garbage", "/orders?limit=0", "/orders?limit=101",
                "/orders?limit=ten",
            ] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            let untampered = try await client.get("/orders?cursor=\(token)").status
            #expect(untampered == .ok)
        }
    }

    @Test(
        "GET /orders/{id} is 200 or 404; a final order is then served from the TTL cache", arguments: Backend.available)
    func showsOrderThroughCache(_ backend: Backend) async throws {
        try await withService(backend) { client, service in
            _ = try await client.setStock("widget", 10)
            let created = try decode(Order.self, try await client.order(key: "c-1"))
            let first = try await client.get("/orders/\(created.id)")
            let second = try await client.get("/orders/\(created.id)")
            #expect(first.status == .ok && second.body == first.body)
            #expect(try decode(Order.self, first) == created)
            let loads = await service.cache.loadCount
            let hits = await service.cache.entries.statistics.hits
            #expect(loads == 1 && hits == 1)
            let missing = try await client.get("/orders/no-such-order")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("inventory: 404 for an unknown item, PUT sets the stock and validates it", arguments: Backend.available)
    func inventory(_ backend: Backend) async throws {
        try await withService(backend) { client, _ in
            #expect(try await client.get("/inventory/gadget").status == .notFound)
            let stocked = try await client.setStock("gadget", 4).status
            #expect(stocked == .ok)
            let level = try decode(InventoryLevel.self, try await client.get("/inventory/gadget"))
            #expect(level == InventoryLevel(item: "gadget", stock: 4, reserved: 0, version: 1))
            #expect(try await client.setStock("gadget", -1).status == .badRequest)
            let wrongType = try await client.execute(
                uri: "/inventory/gadget", method: .put, body: ByteBuffer(string: #"{"stock":"many"}"#))
            #expect(wrongType.status == .badRequest)
        }
    }

    @Test("with ADMIN_TOKEN set, PUT /inventory needs the bearer token (401 otherwise)", arguments: Backend.available)
    func adminToken(_ backend: Backend) async throws {
        let token = String(repeating: "s3cret-", count: 6)
        let setup: (inout ServiceConfiguration) -> Void = { $0.adminToken = token }
        try await withService(backend, configure: setup) { client, _ in
            let anonymous = try await client.setStock("gadget", 4).status
            #expect(anonymous == .unauthorized)
            var wrong = HTTPFields()
            wrong[.authorization] = "Bearer guess"
            let guessed = try await client.setStock("gadget", 4, headers: wrong).status
            #expect(guessed == .unauthorized)
            var right = HTTPFields()
            right[.authorization] = "Bearer \(token)"
            let authorized = try await client.setStock("gadget", 4, headers: right).status
            #expect(authorized == .ok)
            let afterwards = try await client.get("/inventory/gadget").status
            #expect(afterwards == .ok)
        }
    }

    @Test(
        "each client gets its limit; every response carries RateLimit headers; 429 has Retry-After",
        arguments: Backend.available)
    func rateLimits(_ backend: Backend) async throws {
        let aliceToken = String(repeating: "a", count: 32)
        let bobToken = String(repeating: "b", count: 32)
        let setup: (inout ServiceConfiguration) -> Void = {
            $0.rateLimit = 3
            $0.rateLimitWindow = .seconds(60)
            $0.clientTokens = [aliceToken: "alice", bobToken: "bob"]
        }
        try await withService(backend, configure: setup) { client, _ in
            var alice = HTTPFields()
            alice[.authorization] = "Bearer \(aliceToken)"
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<4 {
                let response = try await client.get("/orders/missing", headers: alice)
                statuses.append(response.status)
                #expect(
                    response.headers[HTTPField.Name("RateLimit-Policy")!]?.hasPrefix(#""default";q=3;w=60"#) == true)
                #expect(response.headers[HTTPField.Name("RateLimit")!] != nil)
                if response.status == .tooManyRequests {
                    #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 > 0)
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
            #expect(statuses == [.notFound, .notFound, .notFound, .tooManyRequests])
            var bob = HTTPFields()
            bob[.authorization] = "Bearer \(bobToken)"
            let otherClient = try await client.get("/orders/missing", headers: bob).status
            #expect(otherClient == .notFound, "another principal has its own bucket")
        }
    }

    @Test("X-Request-ID is echoed, or generated when absent or unusable", arguments: Backend.available)
    func requestID(_ backend: Backend) async throws {
        try await withService(backend) { client, _ in
            let name = HTTPField.Name("X-Request-ID")!
            var headers = HTTPFields()
            headers[name] = "trace-42"
            #expect(try await client.get("/health", headers: headers).headers[name] == "trace-42")
            let generated = try await client.get("/health").headers[name]
            #expect(generated?.isEmpty == false)
            headers[name] = "has spaces"
            #expect(try await client.get("/health", headers: headers).headers[name] != "has spaces")
        }
    }

    @Test("an unknown route is a 404 problem document", arguments: Backend.available)
    func unknownRoute(_ backend: Backend) async throws {
        try await withService(backend) { client, _ in
            let response = try await client.get("/nope")
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("a confirmed order is published to event subscribers", arguments: Backend.available)
    func publishesEvents(_ backend: Backend) async throws {
        try await withService(backend) { client, service in
            let subscription = try await service.events.subscribe()
            _ = try await client.setStock("widget", 10)
            let order = try decode(Order.self, try await client.order(key: "e-1"))
            var iterator = subscription.makeAsyncIterator()
            let event = try await iterator.next()
            #expect(event?.orderId == order.id && event?.type == "order.confirmed")
            await subscription.cancel()
        }
    }
}
