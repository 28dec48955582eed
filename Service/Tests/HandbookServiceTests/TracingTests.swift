import HTTPTypes
import HandbookServer
import HandbookService
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing
import Tracing

/// A span per request and per payment call; `traceparent` in from the
/// client, out to the payment provider and back on the response; the trace
/// id in the request's log lines.
@Suite("Request tracing")
struct TracingTests {
    static let traceparent = HTTPField.Name("traceparent")!
    static let traceresponse = HTTPField.Name("traceresponse")!
    static let incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    @Test("a request continues the caller's trace, and the payment call carries it to the provider")
    func orderIsTracedToTheProvider() async throws {
        try await withService(.sqlite) { client, service in
            _ = try await client.setStock("widget", 5)
            let response = try await client.order(key: "traced-1", headers: [Self.traceparent: Self.incoming])
            #expect(response.status == .created)
            let spans = service.tracer.finishedSpans
            let server = try #require(spans.first { $0.operationName == "POST /orders" })
            #expect(server.identity.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
            #expect(server.parentSpanID == "00f067aa0ba902b7")
            #expect(server.attributes.get("http.response.status_code") == 201)
            let charge = try #require(spans.first { $0.operationName == "payment charge" })
            #expect(charge.identity.traceID == server.identity.traceID)
            let provider = try #require(service.orders.provider as? TracedPaymentProvider)
            let sent = try #require(provider.sent.last?["traceparent"].flatMap(TraceParent.init))
            #expect(sent.traceID == server.identity.traceID && sent.spanID == charge.identity.spanID)
            // The response names the server span (traceresponse, not traceparent).
            #expect(response.headers[Self.traceparent] == nil)
            let echoed = try #require(response.headers[Self.traceresponse].flatMap(TraceParent.init))
            #expect(echoed == server.identity)
        }
    }

    @Test("without a (valid) traceparent a new trace starts; spans are named by route template")
    func newTraceWithoutHeader() async throws {
        try await withService(.sqlite) { client, service in
            let response = try await client.get(
                "/orders/\(String(repeating: "a", count: 8))", headers: [Self.traceparent: "garbage"])
            #expect(response.status == .notFound)
            let server = try #require(service.tracer.finishedSpans.last)
            #expect(server.operationName == "GET /orders/{id}")
            #expect(server.parentSpanID == nil)
            #expect(server.identity.traceID != "4bf92f3577b34da6a3ce929d0e0e4736")
            #expect(response.headers[Self.traceresponse].flatMap(TraceParent.init)?.traceID == server.identity.traceID)
            #expect(server.attributes.get("http.route") == "/orders/{id}")
            #expect(server.status == nil, "a 404 is an answer, not a server error")
        }
    }

    @Test("a 5xx answer marks the server span as an error; the failed payment call is an error too")
    func serverErrorsMarkTheSpan() async throws {
        let payments = ScriptedPayments(failFirst: .max)
        let oneAttempt: (inout ServiceConfiguration) -> Void = { $0.paymentRetries = 1 }
        try await withService(.sqlite, configure: oneAttempt, payments: payments) { client, service in
            _ = try await client.setStock("widget", 5)
            #expect(try await client.order(key: "down-1").status == .serviceUnavailable)
            let spans = service.tracer.finishedSpans
            let server = try #require(spans.last { $0.operationName == "POST /orders" })
            #expect(server.status?.code == .error)
            let charge = try #require(spans.last { $0.operationName == "payment charge" })
            #expect(charge.status?.code == .error && !charge.errors.isEmpty)
        }
    }

    final class Lines: Sendable {
        private let text = Mutex("")
        func write(_ bytes: [UInt8]) { text.withLock { $0 += String(decoding: bytes, as: UTF8.self) } }
        var lines: [String] { text.withLock { $0.split(separator: "\n").map(String.init) } }
    }

    @Test("the access log line carries the trace id")
    func accessLogCarriesTheTraceID() async throws {
        let output = Lines()
        let sink = LogSink(flushInterval: .seconds(3_600), write: output.write)
        // The access line is written at info; the other tests' logger is quieter.
        var logger = Logger(label: "tracing-tests") { label in BatchedLogHandler(label: label, sink: sink) }
        logger.logLevel = .info
        try await withService(.sqlite, accessLog: AccessLog(sink: sink, label: "access"), logger: logger) { client, _ in
            _ = try await client.get("/health", headers: [Self.traceparent: Self.incoming])
        }
        sink.flush()
        let line = try #require(output.lines.first { $0.contains("path=/health") })
        #expect(line.contains("trace.id=4bf92f3577b34da6a3ce929d0e0e4736"))
    }
}
