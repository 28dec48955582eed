import Logging
import Synchronization

/// swift-log's rules: the application chooses the handler and the level
/// once; libraries take a `Logger`, log routine events at `.debug` or
/// below, attach structured metadata, and let a metadata provider stamp
/// every line with the request it serves.
///
/// ```swift
/// // main.swift, once per process:
/// LoggingSystem.bootstrap(StreamLogHandler.standardOutput, metadataProvider: RequestLogging.metadataProvider)
/// var logger = Logger(label: "payments")      // .info by default
/// let gateway = PaymentGateway(logger: logger) // the library logs at .debug: silent here
/// try await RequestLogging.$requestID.withValue("req-7") {
///     try await gateway.charge(orderID: "o-1", cents: 1_250)  // lines carry request.id=req-7
/// }
/// ```
///
/// ## Why interviewers ask this
/// Logs are how a server is debugged at 3 a.m., and swift-log is the API
/// every server library shares. The questions: who configures logging (the
/// application, once), at what level a library logs (low, or it floods
/// every application that uses it), why metadata beats string
/// interpolation (it can be queried), what a log call costs when the level
/// is off, and how a request id reaches a log line five calls deep without
/// being passed to each one.
///
/// ## Common pitfalls
/// - A library that logs at `.info` or above for routine events, or that
///   calls `LoggingSystem.bootstrap`. Both are the application's choice. The
///   guidance in swift-log's documentation: libraries log at `.debug` or
///   `.trace`; `.info` is for what went wrong and cannot be communicated
///   otherwise (by throwing); `.warning` and up only as a one-time
///   (start-up) warning.
/// - Logging an error and throwing it. The caller logs it again (or handles
///   it and the log lied): throw, and let whoever handles it decide.
/// - Facts interpolated into the message (`"order \(id) failed"`) instead of
///   metadata (`metadata: ["order.id": "\(id)"]`): the log store cannot
///   filter or group on a sentence.
/// - Calling `LoggingSystem.bootstrap` twice, or in a test: it traps
///   ("logging system can only be initialized once per process"). Tests
///   build a `Logger(label:factory:)` on a handler of their own.
/// - Expecting `logger[metadataKey:] = …` on a copy to change other
///   loggers. `Logger` is a value: metadata set on a copy stays there,
///   which is what makes per-request loggers cheap and safe.
///
/// ## Key takeaway
/// Bootstrap once in `main`; pass `Logger`s into libraries; log routine
/// events at `.debug`; put facts in metadata; and let a
/// `Logger.MetadataProvider` read task-locals, so the request id follows
/// the task across every `await` and child task. A message below the level
/// costs one comparison: the message is an autoclosure, never built.
///
/// ## Go → Swift
/// Go's `log/slog` is the equivalent: a `*slog.Logger` with attributes
/// (`logger.With("order_id", id)`), a handler chosen by `main`
/// (`slog.SetDefault`), and levels. Go threads the request through
/// `ctx` and a handler that reads it; swift-log's metadata provider reads
/// a task-local instead, so no `ctx` parameter is needed.
public enum RequestLogging {
    /// The id of the request the current task serves, if any.
    @TaskLocal public static var requestID: String?

    /// Stamps every log line with `request.id` from the current task (the
    /// handler calls it when the line is written, on the logging task).
    public static let metadataProvider = Logger.MetadataProvider {
        guard let requestID else { return [:] }
        return ["request.id": .string(requestID)]
    }
}

/// A library: it is given a `Logger`, logs routine events at `.debug` or
/// `.trace`, and throws (not logs) its errors.
public struct PaymentGateway: Sendable {
    /// Why a charge was refused.
    public enum ChargeError: Error, Equatable, Sendable {
        case nonPositiveAmount(cents: Int)
    }

    private let logger: Logger

    /// - Parameter logger: the application's logger; its level and handler
    ///   are the application's choice, never this library's.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Charges `cents` for `orderID` and returns a payment id.
    /// - Throws: ``ChargeError/nonPositiveAmount(cents:)`` for zero or less,
    ///   without logging it: the caller decides what a refusal is worth.
    public func charge(orderID: String, cents: Int, cart: Cart = Cart(items: [])) async throws -> String {
        var logger = self.logger  // a copy: this metadata stays in this call
        logger[metadataKey: "order.id"] = "\(orderID)"
        logger.debug("charging", metadata: ["amount.cents": "\(cents)"])
        // Built only when trace is on: the message is an autoclosure.
        logger.trace("cart detail: \(cart.expensiveDescription())")
        guard cents > 0 else { throw ChargeError.nonPositiveAmount(cents: cents) }
        await Task.yield()  // the provider's request id survives the suspension
        let paymentID = "pay-\(orderID)"
        logger.debug("charged", metadata: ["payment.id": "\(paymentID)"])
        return paymentID
    }
}

/// Something costly to describe, to show that disabled levels never build
/// their message.
public final class Cart: Sendable {
    public let items: [String]
    private let built = Atomic<Int>(0)

    public init(items: [String]) {
        self.items = items
    }

    /// How many times ``expensiveDescription()`` ran.
    public var descriptionsBuilt: Int { built.load(ordering: .relaxed) }

    /// Stands for a costly dump (serialising the whole cart).
    public func expensiveDescription() -> String {
        built.add(1, ordering: .relaxed)
        return items.joined(separator: ", ")
    }
}
