import Foundation
import HandbookServer
import HandbookService
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The service and its OpenAPI document (Phase 5's spec-first lesson owns
/// the file): published as it is, and describing exactly the routes the
/// service has. CI's API fuzzer then checks the responses against it.
@Suite("OpenAPI contract")
struct ContractTests {
    /// `METHOD /path` for every operation of the document, read from its
    /// `paths:` block (two-space path keys, four-space method keys).
    static func documentedOperations(_ document: String) -> Set<String> {
        var operations: Set<String> = []
        var path: String?
        var inPaths = false
        for line in document.split(separator: "\n") {
            if !line.hasPrefix(" ") {
                inPaths = line == "paths:"
                path = nil
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let key = line.dropFirst(4).dropLast()
                if ["get", "put", "post", "delete", "patch", "head", "options"].contains(key) {
                    operations.insert("\(key.uppercased()) \(path)")
                }
            }
        }
        return operations
    }

    @Test("GET /openapi.yaml serves the document the spec-first lesson is generated from, byte for byte")
    func servesTheDocument() async throws {
        try await withService(.sqlite) { client, _ in
            let response = try await client.get("/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/yaml")
            // The file in the source tree, as bytes: what the generator read.
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../Sources/HandbookServer/openapi.yaml").standardizedFileURL
            #expect(Array(response.body.readableBytesView) == Array(try Data(contentsOf: file)))
        }
    }

    @Test("Every route the service registers is documented, and every documented operation is a route")
    func routesMatchTheDocument() async throws {
        try await withService(.sqlite) { _, service in
            let routes = Set(try service.router().routes.map { "\($0.method) \($0.path)" })
            let documented = Self.documentedOperations(SpecFirstAPIs.document)
            #expect(documented.count >= 10)
            #expect(routes.subtracting(documented).isEmpty, "routes missing from the document")
            #expect(documented.subtracting(routes).isEmpty, "documented operations the service lacks")
        }
    }
}
