import Foundation
import HTTPTypes
import HandbookServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import OpenAPIRuntime
import Testing

@Suite("Spec-first APIs")
struct SpecFirstAPIsTests {
    /// The generated routes for a fresh in-memory inventory, served in process.
    private func withAPI(
        errorHandling: Bool = true, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let router = Router()
        let api = SpecFirstAPIs.InventoryAPI()
        if errorHandling {
            try SpecFirstAPIs.register(api, on: router)
        } else {
            // The pitfall: the generated handlers without the runtime's error mapping.
            try api.registerHandlers(on: router)
        }
        try await Application(router: router).test(.router, body)
    }

    private struct ProblemBody: Decodable {
        struct FieldError: Decodable { var field: String }
        var type: String
        var status: Int
        var errors: [FieldError]?
    }

    private func problem(_ response: TestResponse) throws -> ProblemBody {
        try JSONDecoder().decode(ProblemBody.self, from: Data(String(buffer: response.body).utf8))
    }

    private func put(
        _ client: any TestClientProtocol, _ item: String, body: String, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        fields[.contentType] = fields[.contentType] ?? "application/json"
        return try await client.execute(
            uri: "/inventory/\(item)", method: .put, headers: fields, body: ByteBuffer(string: body))
    }

    @Test(
        "The document's ETag protocol: create, read, update with If-Match; stale is 412 with the current ETag; none is 428"
    )
    func optimisticConcurrency() async throws {
        try await withAPI { client in
            let created = try await put(client, "widget", body: #"{"stock":10}"#)
            #expect(created.status == .ok)
            #expect(created.headers[.eTag] == #""v1""#)

            let read = try await client.execute(uri: "/inventory/widget", method: .get)
            #expect(read.status == .ok)
            #expect(read.headers[.eTag] == #""v1""#)
            let level = try JSONDecoder().decode(
                Components.Schemas.Inventory.self, from: Data(String(buffer: read.body).utf8))
            #expect(level == .init(item: "widget", stock: 10, reserved: 0, version: 1))

            let updated = try await put(client, "widget", body: #"{"stock":7}"#, headers: [.ifMatch: #""v1""#])
            #expect(updated.status == .ok)
            #expect(updated.headers[.eTag] == #""v2""#)

            let stale = try await put(client, "widget", body: #"{"stock":3}"#, headers: [.ifMatch: #""v1""#])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.headers[.eTag] == #""v2""#)
            #expect(try problem(stale).type == "/problems/precondition-failed")

            let blind = try await put(client, "widget", body: #"{"stock":3}"#)
            #expect(blind.status == .preconditionRequired)

            let createOnly = try await put(client, "widget", body: #"{"stock":3}"#, headers: [.ifNoneMatch: "*"])
            #expect(createOnly.status == .preconditionFailed)
        }
    }

    @Test("An unknown item is a documented 404 with a problem+json body")
    func unknownItem() async throws {
        try await withAPI { client in
            let response = try await client.execute(uri: "/inventory/gadget", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
            #expect(try problem(response).type == "/problems/not-found")
        }
    }

    @Test("The generated decoder does not check minimum or maxLength: -5 decodes, so the handler must refuse it")
    func boundsAreTheHandlersJob() async throws {
        // The generated type accepts what the document's `minimum: 0` forbids.
        let decoded = try JSONDecoder().decode(Components.Schemas.StockUpdate.self, from: Data(#"{"stock":-5}"#.utf8))
        #expect(decoded.stock == -5)

        try await withAPI { client in
            let negative = try await put(client, "widget", body: #"{"stock":-5}"#)
            #expect(negative.status == .badRequest)
            #expect(try problem(negative).errors?.map(\.field) == ["stock"])

            let longName = String(repeating: "x", count: 101)
            let tooLong = try await put(client, longName, body: #"{"stock":1}"#)
            #expect(tooLong.status == .badRequest)
            #expect(try problem(tooLong).errors?.map(\.field) == ["item"])

            // The runtime percent-decodes path parameters: this is the item "a b",
            // which the document's pattern forbids.
            let decoded = try await put(client, "a%20b", body: #"{"stock":1}"#)
            #expect(decoded.status == .badRequest)
            #expect(try problem(decoded).errors?.map(\.field) == ["item"])

            let badTag = try await put(client, "widget", body: #"{"stock":1}"#, headers: [.ifMatch: "v1"])
            #expect(badTag.status == .badRequest)
        }
    }

    @Test(
        "What the generated layer refuses itself, with ErrorHandlingMiddleware: a 4xx, never a 500, and no body",
        arguments: [
            (#"{"stock":"ten"}"#, "application/json", HTTPResponse.Status.badRequest),
            (#"{"count":10}"#, "application/json", .badRequest),
            (#"{"stock":"#, "application/json", .badRequest),
            ("", "application/json", .badRequest),
            (#"{"stock":10}"#, "text/plain", .unsupportedMediaType),
        ])
    func malformedRequestsAreClientErrors(body: String, contentType: String, status: HTTPResponse.Status) async throws {
        try await withAPI { client in
            let response = try await put(client, "widget", body: body, headers: [.contentType: contentType])
            #expect(response.status == status)
            // The document's status, but not its body: it promises problem+json, the runtime sends nothing.
            #expect(response.body.readableBytes == 0 && response.headers[.contentType] == nil)
        }
    }

    @Test(
        "Without ErrorHandlingMiddleware the same malformed body is a 500: the runtime's error is unknown to Hummingbird"
    )
    func withoutErrorHandlingMalformedInputIsAServerError() async throws {
        try await withAPI(errorHandling: false) { client in
            let response = try await put(client, "widget", body: #"{"stock":"ten"}"#)
            #expect(response.status == .internalServerError)
        }
    }

    @Test("Without UnencodedResponseHeaders the runtime percent-encodes the ETag: \"v1\" leaves as %22v1%22")
    func headersArePercentEncoded() async throws {
        let router = Router()
        try SpecFirstAPIs.InventoryAPI().registerHandlers(on: router, middlewares: [ErrorHandlingMiddleware()])
        try await Application(router: router).test(.router) { client in
            let created = try await put(client, "widget", body: #"{"stock":1}"#)
            #expect(created.headers[.eTag] == "%22v1%22")
        }
    }

    @Test("The document is a resource of the module: OpenAPI 3.0 with the lesson's operations and the service's")
    func documentIsBundled() {
        let document = SpecFirstAPIs.document
        #expect(document.hasPrefix("openapi: 3.0"))
        for operation in ["getInventory", "putInventory", "createOrder", "getOpenAPIDocument"] {
            #expect(document.contains("operationId: \(operation)\n"), "\(operation)")
        }
    }
}
