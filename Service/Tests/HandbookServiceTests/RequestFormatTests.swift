import Foundation
import HTTPTypes
import HandbookService
import HummingbirdTesting
import NIOCore
import Testing

/// What the service reads from a request before its handler does: the body's
/// `Content-Type` and the item a path names.
@Suite("Request format")
struct RequestFormatTests {
    private static func put(
        _ client: any TestClientProtocol, _ segment: String, stock: Int = 5, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/inventory/\(segment)", method: .put, headers: headers, body: json(["stock": stock]))
    }

    @Test(
        "a body labelled as anything but JSON is 415 and never read; application/json with parameters or in any case, or no Content-Type, is JSON",
        arguments: Backend.available)
    func contentTypeIsChecked(_ backend: Backend) async throws {
        try await withService(backend) { client, service in
            // No Content-Type: read as JSON (setStock sends none).
            #expect(try await client.setStock("widget", 10).status == .ok)

            let refusedLabels = ["text/plain", "application/x-www-form-urlencoded", "application/jsonx", "*/*"]
            for (index, label) in refusedLabels.enumerated() {
                let refused = try await client.order(key: "k-\(index)", headers: [.contentType: label])
                #expect(refused.status == .unsupportedMediaType, "\(label)")
                #expect(refused.headers[.contentType] == "application/problem+json")
                #expect(try decode(ProblemBody.self, refused).type == "/problems/unsupported-media-type")
            }
            #expect(try await service.count("SELECT COUNT(*) AS n FROM orders") == 0)

            // Checked before the body is read: a form over the 16 KiB limit is 415, not 413.
            var form = HTTPFields()
            form[.contentType] = "text/plain"
            form[HTTPField.Name("Idempotency-Key")!] = "huge"
            let tooLarge = ByteBuffer(repeating: UInt8(ascii: "x"), count: 64 << 10)
            let huge = try await client.execute(uri: "/orders", method: .post, headers: form, body: tooLarge)
            #expect(huge.status == .unsupportedMediaType)

            // The idempotency key is checked first (400), as the document says.
            let keyless = try await client.order(key: nil, headers: [.contentType: "text/plain"])
            #expect(keyless.status == .badRequest)

            let accepted = ["application/json; charset=utf-8", "Application/JSON", "application/json;charset=UTF-8"]
            for (index, label) in accepted.enumerated() {
                #expect(try await client.order(key: "ok-\(index)", headers: [.contentType: label]).status == .created)
            }

            let stock = try await Self.put(client, "widget", stock: 1, headers: [.contentType: "text/plain"])
            #expect(stock.status == .unsupportedMediaType)
            #expect(try decode(InventoryLevel.self, try await client.get("/inventory/widget")).stock == 7)
        }
    }

    @Test(
        "an item is percent-decoded once: PUT /inventory/caf%C3%A9 stocks the café an order names; 100%25 is 100%",
        arguments: Backend.available)
    func itemsArePercentDecodedOnce(_ backend: Backend) async throws {
        try await withService(backend) { client, _ in
            let created = try await Self.put(client, "caf%C3%A9", stock: 3)
            #expect(created.status == .ok)
            #expect(try decode(InventoryLevel.self, created).item == "café")
            let read = try await client.get("/inventory/caf%C3%A9")
            #expect(read.status == .ok)
            #expect(try decode(InventoryLevel.self, read).item == "café")
            // Before the fix the stock was filed under "caf%C3%A9", and this order found none.
            #expect(try await client.order(key: "cafe", item: "café").status == .created)
            #expect(try decode(InventoryLevel.self, try await client.get("/inventory/caf%C3%A9")).reserved == 1)

            #expect(try await Self.put(client, "100%25").status == .ok)
            let percent = try await client.get("/inventory/100%25")
            #expect(percent.status == .ok)
            #expect(try decode(InventoryLevel.self, percent).item == "100%")
            #expect(try await client.get("/inventory/100%2525").status == .notFound, "decoded once, not twice")

            #expect(try await Self.put(client, "a%2Fb").status == .ok, "an encoded slash is part of the name")
            #expect(try decode(InventoryLevel.self, try await client.get("/inventory/a%2Fb")).item == "a/b")

            // NFC and NFD spell one item: é as one scalar, or e and U+0301. The database compares bytes.
            #expect(try await Self.put(client, "ne%CC%81e", stock: 2).status == .ok)
            let composed = try await client.get("/inventory/n%C3%A9e")
            #expect(composed.status == .ok)
            // (Swift's == calls the two spellings equal: compare the bytes.)
            #expect(Array(try decode(InventoryLevel.self, composed).item.utf8) == Array("n\u{E9}e".utf8))
            #expect(try await client.order(key: "nfd", item: "ne\u{301}e").status == .created)
            #expect(try decode(InventoryLevel.self, try await client.get("/inventory/n%C3%A9e")).reserved == 1)
        }
    }

    @Test(
        "a malformed escape or a name no order could have is 400 on GET and PUT, never a database error",
        arguments: Backend.available)
    func badItemsAreRefused(_ backend: Backend) async throws {
        let segments = [
            "%ZZ", "%", "abc%4", "%C3", "%FF", "%00", "a%0Ab", "%20padded", "padded%20", "%E2%80%8B%0D",
            String(repeating: "x", count: 101),
        ]
        try await withService(backend) { client, service in
            for segment in segments {
                let read = try await client.get("/inventory/\(segment)")
                #expect(read.status == .badRequest, "GET \(segment)")
                let written = try await Self.put(client, segment)
                #expect(written.status == .badRequest, "PUT \(segment)")
                #expect(try decode(ProblemBody.self, written).errors?.map(\.field) == ["item"], "\(segment)")
            }
            #expect(try await service.count("SELECT COUNT(*) AS n FROM inventory") == 0)
            // 100 characters is the limit, counted after decoding: 100 é are 600 bytes of escapes.
            let hundred = String(repeating: "%C3%A9", count: 100)
            #expect(try await Self.put(client, hundred).status == .ok)
            // One character with 200 combining marks is 401 bytes (x has no precomposed form): too many.
            let heavy = "x" + String(repeating: "%CC%81", count: 200)
            #expect(try await Self.put(client, heavy).status == .badRequest)
        }
    }
}
