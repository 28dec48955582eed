import Foundation
import HTTPTypes
import HandbookServer
import HandbookService
import HummingbirdTesting
import NIOCore
import Testing

/// `GET /metrics`: what Prometheus would scrape from the running service.
@Suite("Metrics endpoint")
struct MetricsTests {
    /// The value of the sample `name{labels}` in a scrape, labels in any order.
    static func value(_ scrape: String, _ name: String, _ labels: [String: String]) -> Double? {
        for line in scrape.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let brace = line.firstIndex(of: "{"),
                line[..<brace] == name
            else { continue }
            let pairs = line[line.index(after: brace)..<line.index(before: space)].split(separator: ",")
            var found: [String: String] = [:]
            for pair in pairs {
                let parts = pair.split(separator: "=", maxSplits: 1)
                found[String(parts[0])] = String(parts[1].dropFirst().dropLast())
            }
            if found == labels { return Double(line[line.index(after: space)...]) }
        }
        return nil
    }

    @Test("RED per route template: ids and unknown paths do not create series; 4xx are not errors")
    func redPerRoute() async throws {
        try await withService(.sqlite) { client, _ in
            _ = try await client.get("/health")
            _ = try await client.get("/orders/\(UUID().uuidString.lowercased())")
            _ = try await client.get("/orders/\(UUID().uuidString.lowercased())")
            _ = try await client.get("/no/such/route")
            let response = try await client.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let scrape = String(buffer: response.body)
            let total = REDMetrics.requestsTotal
            #expect(Self.value(scrape, total, ["method": "GET", "route": "/health", "status": "200"]) == 1)
            #expect(Self.value(scrape, total, ["method": "GET", "route": "/orders/{id}", "status": "404"]) == 2)
            #expect(Self.value(scrape, total, ["method": "GET", "route": "NotFound", "status": "404"]) == 1)
            #expect(!scrape.contains("/no/such/route"), "a probed path must never become a label")
            #expect(!scrape.contains(REDMetrics.errorsTotal + "{"), "404s are not server errors")
            #expect(scrape.contains("# TYPE \(REDMetrics.duration) histogram"))
        }
    }

    @Test("every saga outcome is counted: confirmed, adopted, declined, insufficient stock")
    func sagaOutcomes() async throws {
        let payments = ScriptedPayments(declineFirst: 1)
        try await withService(.sqlite, payments: payments) { client, service in
            _ = try await client.setStock("widget", 5)
            #expect(try await client.order(key: "declined-1").status.code == 402)
            #expect(try await client.order(key: "confirmed-1").status == .created)
            #expect(try await client.order(key: "too-many", quantity: 50).status == .conflict)
            let scrape = service.metrics.exposition
            let outcomes = ServiceMetrics.sagaOutcomes
            #expect(Self.value(scrape, outcomes, ["outcome": "declined"]) == 1)
            #expect(Self.value(scrape, outcomes, ["outcome": "confirmed"]) == 1)
            #expect(Self.value(scrape, outcomes, ["outcome": "insufficient_stock"]) == 1)
            // A replay of a stored answer runs no saga, so it counts nothing.
            _ = try await client.order(key: "confirmed-1")
            #expect(Self.value(service.metrics.exposition, outcomes, ["outcome": "confirmed"]) == 1)
            let posted = ["method": "POST", "route": "/orders"]
            #expect(Self.value(scrape, REDMetrics.requestsTotal, posted.merging(["status": "201"]) { $1 }) == 1)
        }
    }
}
