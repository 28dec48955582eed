import HandbookServer
import InMemoryLogging
import Logging
import Testing

/// Every test builds its own `Logger` on an `InMemoryLogHandler`: the global
/// `LoggingSystem.bootstrap` may run once per process, so tests never call it
/// (except in a child process, to watch it trap).
@Suite("Structured logging")
struct StructuredLoggingTests {
    /// A logger at `level` whose lines land in the returned handler.
    func capture(at level: Logger.Level) -> (Logger, InMemoryLogHandler) {
        var handler = InMemoryLogHandler()
        handler.metadataProvider = RequestLogging.metadataProvider
        var logger = Logger(label: "payments", factory: { _ in handler })
        logger.logLevel = level
        return (logger, handler)
    }

    @Test("at the application's default level (info) the library is silent")
    func libraryIsSilentAtInfo() async throws {
        let (logger, handler) = capture(at: .info)
        _ = try await PaymentGateway(logger: logger).charge(orderID: "o-1", cents: 1_250)
        #expect(handler.entries.isEmpty)
    }

    @Test("at debug the library's lines carry structured metadata, not interpolated facts")
    func debugLinesCarryMetadata() async throws {
        let (logger, handler) = capture(at: .debug)
        _ = try await PaymentGateway(logger: logger).charge(orderID: "o-1", cents: 1_250)
        let entries = handler.entries
        #expect(entries.map(\.message.description) == ["charging", "charged"])
        #expect(entries.allSatisfy { $0.level == .debug })
        #expect(entries[0].metadata["order.id"] == "o-1")
        #expect(entries[0].metadata["amount.cents"] == "1250")
        #expect(entries[1].metadata["payment.id"] == "pay-o-1")
    }

    @Test("a message below the level is never built: it is an autoclosure")
    func messagesAreLazy() async throws {
        let cart = Cart(items: ["book", "lamp"])
        let (debugLogger, _) = capture(at: .debug)
        _ = try await PaymentGateway(logger: debugLogger).charge(orderID: "o-1", cents: 100, cart: cart)
        #expect(cart.descriptionsBuilt == 0)
        let (traceLogger, handler) = capture(at: .trace)
        _ = try await PaymentGateway(logger: traceLogger).charge(orderID: "o-2", cents: 100, cart: cart)
        #expect(cart.descriptionsBuilt == 1)
        #expect(handler.entries.contains { $0.message.description == "cart detail: book, lamp" })
    }

    @Test("the request id follows the task across awaits and into child tasks")
    func requestIDFollowsTheTask() async throws {
        let (logger, handler) = capture(at: .debug)
        let gateway = PaymentGateway(logger: logger)
        try await RequestLogging.$requestID.withValue("req-7") {
            _ = try await gateway.charge(orderID: "o-1", cents: 100)
            try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask { try await gateway.charge(orderID: "o-2", cents: 200) }
                try await group.waitForAll()
            }
        }
        _ = try await gateway.charge(orderID: "o-3", cents: 300)  // outside any request
        let stamped = handler.entries.map { ($0.metadata["order.id"], $0.metadata["request.id"]) }
        #expect(stamped.filter { $0.0 != "o-3" }.allSatisfy { $0.1 == "req-7" })
        #expect(stamped.filter { $0.0 != "o-3" }.count == 4)
        #expect(stamped.filter { $0.0 == "o-3" }.allSatisfy { $0.1 == nil })
    }

    @Test("metadata set on a copy stays in that copy: Logger is a value")
    func loggerIsAValue() {
        let (logger, handler) = capture(at: .info)
        var perRequest = logger
        perRequest[metadataKey: "order.id"] = "o-9"
        perRequest.info("from the copy")
        logger.info("from the original")
        let entries = handler.entries
        #expect(entries.map { $0.metadata["order.id"] } == ["o-9", nil])
    }

    @Test("a refused charge is thrown, not logged: the caller decides what it is worth")
    func errorsAreThrownNotLogged() async {
        let (logger, handler) = capture(at: .trace)
        await #expect(throws: PaymentGateway.ChargeError.nonPositiveAmount(cents: 0)) {
            try await PaymentGateway(logger: logger).charge(orderID: "o-1", cents: 0)
        }
        // Only the routine debug and trace lines: no line about the refusal.
        #expect(handler.entries.map(\.message.description) == ["charging", "cart detail: "])
    }

    @Test("bootstrapping the logging system twice traps")
    func bootstrapOnce() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        }
        #if DEBUG  // a precondition's message is printed in debug builds only
            let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(stderr.contains("logging system can only be initialized once per process"))
        #else
            _ = result
        #endif
    }
}
