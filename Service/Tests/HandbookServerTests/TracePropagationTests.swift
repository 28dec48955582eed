import HandbookServer
import Synchronization
import Testing
import Tracing

/// A `W3CTracer` with counting ids (1, 2, 3 … in hex) per test: no global
/// bootstrap, and every id in an assertion is predictable.
@Suite("Trace propagation")
struct TracePropagationTests {
    final class Counter: Sendable {
        private let value = Atomic<UInt64>(0)
        func next() -> UInt64 { value.add(1, ordering: .relaxed).newValue }
    }

    static func countingTracer() -> W3CTracer {
        let counter = Counter()
        return W3CTracer(nextID: { counter.next() })
    }

    let incoming = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"

    /// Headers the payment provider received.
    final class Outgoing: Sendable {
        private let sent = Mutex<[[String: String]]>([])
        func record(_ headers: [String: String]) { sent.withLock { $0.append(headers) } }
        var headers: [[String: String]] { sent.withLock { $0 } }
    }

    @Test("traceparent parses and prints back unchanged")
    func traceparentRoundTrips() throws {
        let parsed = try #require(TraceParent(incoming))
        #expect(parsed.traceID == "0af7651916cd43dd8448eb211c80319c")
        #expect(parsed.spanID == "b7ad6b7169203331")
        #expect(parsed.flags == 1)
        #expect(parsed.description == incoming)
        #expect(
            TraceParent(traceID: parsed.traceID, spanID: parsed.spanID, flags: 0)?.description.hasSuffix("-00") == true)
        #expect(TraceParent(traceID: "XYZ", spanID: parsed.spanID, flags: 1) == nil, "never sends an invalid header")
        #expect(TraceParent(traceID: parsed.traceID, spanID: "0000000000000000", flags: 1) == nil)
    }

    @Test(
        "malformed traceparent headers are ignored, not half-parsed",
        arguments: [
            "", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331",  // no flags
            "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",  // uppercase
            "00-00000000000000000000000000000000-b7ad6b7169203331-01",  // all-zero trace id
            "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",  // all-zero parent
            "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",  // forbidden version
            "00-0af7651916cd43dd8448eb211c80319-b7ad6b7169203331-01",  // 31 hex digits
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333g-01",  // not hex
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra",
        ])
    func malformedHeadersAreRejected(header: String) {
        #expect(TraceParent(header) == nil)
    }

    @Test("an incoming traceparent is continued: same trace, the caller's span as parent")
    func incomingTraceIsContinued() async throws {
        let tracer = Self.countingTracer()
        let status = try await OrderHandler(tracer: tracer).handle(headers: ["traceparent": incoming]) { _ in }
        #expect(status == 201)
        let server = try #require(tracer.finishedSpans.first { $0.kind == .server })
        #expect(server.identity.traceID == "0af7651916cd43dd8448eb211c80319c")
        #expect(server.parentSpanID == "b7ad6b7169203331")
        #expect(server.operationName == "POST /orders")
        #expect(server.attributes.get("http.route") == "/orders")
        #expect(server.attributes.get("http.response.status_code") == 201)
    }

    @Test("the outgoing call carries the same trace id, with the client span as its parent")
    func outgoingCallCarriesTheTrace() async throws {
        let tracer = Self.countingTracer()
        let sent = Outgoing()
        _ = try await OrderHandler(tracer: tracer).handle(headers: ["traceparent": incoming]) { sent.record($0) }
        let header = try #require(sent.headers.first?["traceparent"])
        let downstream = try #require(TraceParent(header))
        let client = try #require(tracer.finishedSpans.first { $0.kind == .client })
        let server = try #require(tracer.finishedSpans.first { $0.kind == .server })
        #expect(downstream.traceID == "0af7651916cd43dd8448eb211c80319c")
        #expect(downstream.spanID == client.identity.spanID)
        #expect(client.parentSpanID == server.identity.spanID)
    }

    @Test("without a (valid) header a new trace starts, and nothing downstream is orphaned")
    func newTraceWithoutHeader() async throws {
        let tracer = Self.countingTracer()
        let sent = Outgoing()
        _ = try await OrderHandler(tracer: tracer).handle(headers: ["traceparent": "garbage"]) { sent.record($0) }
        let server = try #require(tracer.finishedSpans.first { $0.kind == .server })
        #expect(server.parentSpanID == nil)
        #expect(server.identity.traceID == "0000000000000001" + "0000000000000002")
        let header = try #require(sent.headers.first?["traceparent"])
        #expect(TraceParent(header)?.traceID == server.identity.traceID)
    }

    @Test("reserved flag bits are not passed on; the sampled bit is")
    func reservedFlagsAreCleared() async throws {
        let tracer = Self.countingTracer()
        let sent = Outgoing()
        let handler = OrderHandler(tracer: tracer)
        _ = try await handler.handle(headers: ["traceparent": String(incoming.dropLast(2)) + "ff"]) { sent.record($0) }
        _ = try await handler.handle(headers: ["traceparent": String(incoming.dropLast(2)) + "00"]) { sent.record($0) }
        let flags = sent.headers.compactMap { $0["traceparent"].flatMap(TraceParent.init)?.flags }
        #expect(flags == [0x01, 0x00])
    }

    @Test("the span context survives awaits and reaches task-group children; Task.detached loses it")
    func contextFollowsTheTask() async throws {
        let tracer = Self.countingTracer()
        let detachedTrace = try await tracer.withSpan("request") { _ -> String in
            await Task.yield()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<3 {
                    group.addTask { tracer.withSpan("child \(index)") { _ in } }
                }
                try await group.waitForAll()
            }
            let detached = Task.detached { tracer.withSpan("detached") { $0.identity.traceID } }
            return await detached.value
        }
        let spans = tracer.finishedSpans
        let request = try #require(spans.first { $0.operationName == "request" })
        let children = spans.filter { $0.operationName.hasPrefix("child") }
        #expect(children.count == 3)
        #expect(children.allSatisfy { $0.parentSpanID == request.identity.spanID })
        #expect(children.allSatisfy { $0.identity.traceID == request.identity.traceID })
        #expect(detachedTrace != request.identity.traceID)
    }

    @Test("the tracer keeps only the most recent spans: a long-running server's memory stays bounded")
    func finishedSpansAreBounded() {
        let tracer = W3CTracer(nextID: { UInt64.random(in: 1...UInt64.max) }, keepingLast: 2)
        for name in ["first", "second", "third"] { tracer.withSpan(name) { _ in } }
        #expect(tracer.finishedSpans.map(\.operationName) == ["second", "third"])
    }

    struct ProviderDown: Error {}

    @Test("a thrown error is recorded on the span, which ends with an error status, and is rethrown")
    func errorsAreRecorded() async throws {
        let tracer = Self.countingTracer()
        await #expect(throws: ProviderDown.self) {
            _ = try await OrderHandler(tracer: tracer).handle(headers: [:]) { _ in throw ProviderDown() }
        }
        let spans = tracer.finishedSpans
        #expect(spans.map(\.kind) == [.client, .server])  // both ended, innermost first
        #expect(spans.allSatisfy { $0.status?.code == .error && $0.errors == ["ProviderDown()"] })
    }
}
