/// Traps vs throws: Swift has no `recover`. A trap ends the whole process;
/// a thrown error is an ordinary value the caller must handle.
///
/// ```swift
/// let quantity = Int(query["quantity"]!)!           // bad input: the server dies
/// let quantity = try TrapsVsThrows.quantity(in: query) // bad input: a 400 response
/// ```
///
/// ## Why interviewers ask this
/// A Go developer's safety net is `recover()`: `net/http` recovers a panic
/// per request, so one bad request costs one response. Swift has no
/// equivalent. `precondition`, `fatalError`, `!` on nil, an out-of-bounds
/// index, integer overflow, `try!`, `as!`, a dangling `unowned` and an
/// exclusivity violation all *trap*: the process gets a signal and every
/// in-flight request, on every task and thread, dies with it. Interviewers
/// want to hear which operations trap, and how a Swift server is designed
/// so that untrusted input never reaches one.
///
/// ## Common pitfalls
/// - Force-unwrapping or force-trying on request data
///   (``trappingLineTotal(_:)``). It is a denial of service: one bad query
///   string restarts the service for everybody.
/// - Believing the parent can catch a trap in a child `Task`. Nothing can:
///   the trap kills the process. (An unrecovered Go panic also kills the whole
///   program; what Go has and Swift lacks is `recover()` inside the goroutine.)
/// - `Int` arithmetic with `+` on values from the outside world: overflow
///   traps. Use `&+` only when wrapping is what you mean, and
///   `addingReportingOverflow` (or a thrown error) when it is not.
/// - `assert` to validate input: it is compiled out in `-O` builds, so the
///   check vanishes in production. `precondition` stays, and still traps.
///
/// ## Key takeaway
/// Traps are for programmer errors (a broken invariant: better dead than
/// wrong). Anything that depends on input is a recoverable failure: validate
/// at the boundary and `throw` a typed error (``validatedLineTotal(_:)``),
/// map it to a response (``serve(_:)``), and keep the process alive.
/// Crash-prone work (a parser you do not trust, a plugin) belongs in a child
/// process; a supervisor (systemd, Kubernetes, a container restart policy) restarts a
/// server that does trap, and `SWIFT_BACKTRACE` prints where.
///
/// ## Go → Swift
/// Go's `GoroutineWithPanic` recovers inside the goroutine and reports an
/// error. In Swift the same trap inside a child task is only testable as an
/// *exit test*: the test runs it in a separate process and asserts that the
/// process died (`#expect(processExitsWith: .failure)`). The part of Go's
/// lesson that survives is errors as values: an error thrown in a child task
/// comes back out of `try await task.value`, and the parent carries on.
public enum TrapsVsThrows {
    /// Why a request was rejected. `Sendable` and `Equatable`, so it can cross
    /// tasks and be asserted on.
    public enum ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
        case missingField(String)
        case notANumber(field: String, value: String)
        case outOfRange(field: String, value: Int, allowed: ClosedRange<Int>)
        case overflow

        public var description: String {
            switch self {
            case .missingField(let field): "missing field '\(field)'"
            case .notANumber(let field, let value): "'\(field)' is not a number: '\(value)'"
            case .outOfRange(let field, let value, let allowed):
                "'\(field)' must be in \(allowed.lowerBound)...\(allowed.upperBound), got \(value)"
            case .overflow: "total does not fit in Int"
            }
        }
    }

    /// A response as a server would send it.
    public struct Response: Equatable, Sendable {
        public var status: Int
        public var body: String

        public init(status: Int, body: String) {
            self.status = status
            self.body = body
        }
    }

    // MARK: Operations that trap

    /// Adds with `+`, which traps on overflow.
    ///
    /// A literal `Int.max + 1` does not even compile (constant folding
    /// reports the overflow); with a runtime value it traps.
    public static func checkedAdd(_ a: Int, _ b: Int) -> Int {
        a + b
    }

    /// Reads `numbers[index]`, which traps when `index` is out of bounds.
    ///
    /// - Precondition: `numbers.indices.contains(index)`.
    public static func element(at index: Int, in numbers: [Int]) -> Int {
        numbers[index]
    }

    /// Returns `count` if positive, trapping otherwise: the right tool for a
    /// broken invariant, the wrong one for input.
    ///
    /// - Precondition: `count > 0`.
    public static func requirePositive(_ count: Int) -> Int {
        precondition(count > 0, "count must be positive, got \(count)")
        return count
    }

    // MARK: Deliberate alternatives to trapping

    /// Adds with `&+`: overflow wraps around (two's complement), on purpose.
    public static func wrappingAdd(_ a: Int, _ b: Int) -> Int {
        a &+ b
    }

    /// Adds and reports overflow instead of trapping.
    public static func reportingAdd(_ a: Int, _ b: Int) -> (partialValue: Int, overflow: Bool) {
        a.addingReportingOverflow(b)
    }

    // MARK: Request handling: the pitfall, then the fix

    /// The valid range of a line item's quantity.
    public static let quantityRange = 1...1_000

    /// PITFALL: computes `price × quantity` from a query, trapping on bad
    /// input. Any client can crash the server with `?quantity=abc`.
    public static func trappingLineTotal(_ query: [String: String]) -> Int {
        let price = Int(query["price"]!)!
        let quantity = Int(query["quantity"]!)!
        precondition(quantityRange.contains(quantity), "bad quantity \(quantity)")
        return price * quantity
    }

    /// The fix: validates every field at the boundary and throws a typed,
    /// descriptive error. The process survives any input.
    ///
    /// - Throws: ``ValidationError`` describing the first bad field.
    public static func validatedLineTotal(_ query: [String: String]) throws(ValidationError) -> Int {
        let price = try integer("price", in: query)
        let quantity = try integer("quantity", in: query)
        guard quantityRange.contains(quantity) else {
            throw .outOfRange(field: "quantity", value: quantity, allowed: quantityRange)
        }
        let (total, overflow) = price.multipliedReportingOverflow(by: quantity)
        guard !overflow else { throw .overflow }
        return total
    }

    private static func integer(_ field: String, in query: [String: String]) throws(ValidationError) -> Int {
        guard let raw = query[field] else { throw .missingField(field) }
        guard let value = Int(raw) else { throw .notANumber(field: field, value: raw) }
        return value
    }

    /// Serves a batch of requests: each failure becomes a 400 response and
    /// the loop carries on, which is what Go's per-request `recover` buys,
    /// obtained here without one.
    ///
    /// - Complexity: O(*n*) in the number of requests.
    public static func serve(_ requests: [[String: String]]) -> [Response] {
        requests.map { query -> Response in
            do throws(ValidationError) {
                let total = try validatedLineTotal(query)
                return Response(status: 200, body: "total \(total)")
            } catch {
                return Response(status: 400, body: error.description)
            }
        }
    }

    // MARK: Errors across tasks

    /// Runs `job` in a child `Task` and reports how it ended. A thrown error
    /// comes out of `try await task.value` as a value (untyped: `Task`'s
    /// failure type is `any Error`), and the parent carries on.
    public static func runInChildTask(
        _ job: @escaping @Sendable () throws -> Int
    ) async -> Result<Int, any Error> {
        let task = Task { try job() }
        do {
            return .success(try await task.value)
        } catch {
            return .failure(error)
        }
    }
}
