/// Enums and pattern matching: a closed set of cases, each carrying its own
/// data, and a `switch` the compiler checks for exhaustiveness.
///
/// ```swift
/// var state = ConnectionState.disconnected
/// state = try state.next(on: .connect)               // .connecting(attempt: 1)
/// state = try state.next(on: .succeed(sessionID: "s1"))
/// // state == .connected(sessionID: "s1")
/// ```
///
/// ## Why interviewers ask this
/// Swift's enums are algebraic data types: each case can carry associated
/// values, and `switch` must cover every case. That makes them the idiomatic
/// way to model protocol states, API results and parsed input, where invalid
/// combinations cannot even be represented. Interviewers ask you to model a
/// state machine (a connection, a circuit breaker), to explain why a
/// `default:` clause weakens it, and to use patterns (`case let`, `where`,
/// `if case`, `for case`) fluently.
///
/// ## Common pitfalls
/// - Adding `default:` to a switch over your own enum. It compiles today and
///   silently swallows the case you add tomorrow; list the cases instead so
///   the compiler points at every switch that needs updating.
/// - Modelling state as several optionals and flags (`isConnected`,
///   `sessionID: String?`) that can contradict each other. Put the data in
///   the case that owns it: `.connected(sessionID:)`.
/// - Forgetting `indirect` on a recursive enum: it does not compile, because
///   the enum's size would be infinite (``Expression``).
/// - Treating `init?(rawValue:)` as infallible: unknown raw input (an HTTP
///   method from the wire) gives `nil`, and raw values are case-sensitive.
///
/// ## Key takeaway
/// An enum with associated values plus an exhaustive `switch` turns "illegal
/// state" bugs into compile errors and illegal *transitions* into thrown
/// errors. Raw values and `CaseIterable` cover the C-style uses.
///
/// ## Go → Swift
/// Go has no sum types: it fakes enums with `iota` constants (any `int` is a
/// valid value), and a `switch` need not be exhaustive. A Go state machine is
/// a struct of fields plus discipline. In Swift the cases *are* the states,
/// each with its data, and the compiler enforces coverage. Go's type switch
/// over an interface is the nearest thing to matching associated values.
public enum EnumsAndPatternMatching {
    /// The state of a client connection. Each state carries only the data
    /// that is meaningful in it.
    public enum ConnectionState: Equatable, Sendable {
        case disconnected
        case connecting(attempt: Int)
        case connected(sessionID: String)
        case failed(reason: String)

        /// How many connection attempts are made before giving up.
        public static let maxAttempts = 3

        /// The state after `event`.
        ///
        /// The switch lists every state rather than ending in `default:`, so
        /// adding a state is a compile error here until it is handled.
        ///
        /// - Throws: ``IllegalTransition`` when `event` makes no sense in
        ///   this state (for example `.disconnect` while `.disconnected`).
        public func next(on event: ConnectionEvent) throws -> ConnectionState {
            switch (self, event) {
            case (.disconnected, .connect), (.failed, .connect):
                return .connecting(attempt: 1)
            case (.connecting, .succeed(let sessionID)):
                return .connected(sessionID: sessionID)
            case (.connecting(let attempt), .fail) where attempt < Self.maxAttempts:
                return .connecting(attempt: attempt + 1)
            case (.connecting, .fail(let reason)):
                return .failed(reason: reason)
            case (.connected, .disconnect), (.failed, .disconnect):
                return .disconnected
            case (.disconnected, _), (.connecting, _), (.connected, _), (.failed, _):
                throw IllegalTransition(from: self, on: event)
            }
        }
    }

    /// Something that happens to a connection.
    public enum ConnectionEvent: Equatable, Sendable {
        case connect
        case succeed(sessionID: String)
        case fail(reason: String)
        case disconnect
    }

    /// An event that the current state does not accept.
    public struct IllegalTransition: Error, Equatable {
        public let from: ConnectionState
        public let on: ConnectionEvent

        public init(from: ConnectionState, on event: ConnectionEvent) {
            self.from = from
            self.on = event
        }
    }

    /// Feeds `events` to the machine from `.disconnected`, stopping at the
    /// first illegal one.
    ///
    /// - Throws: ``IllegalTransition`` for the first illegal event.
    public static func run(_ events: [ConnectionEvent]) throws -> ConnectionState {
        try events.reduce(ConnectionState.disconnected) { state, event in try state.next(on: event) }
    }

    // MARK: - Patterns

    /// A status line for a state: `case let` binds associated values and
    /// `where` adds a condition to a pattern.
    public static func status(of state: ConnectionState) -> String {
        switch state {
        case .disconnected: "offline"
        case .connecting(let attempt) where attempt > 1: "retrying (attempt \(attempt))"
        case .connecting: "connecting"
        case .connected(let sessionID): "online as \(sessionID)"
        case .failed(let reason): "failed: \(reason)"
        }
    }

    /// Every session id in a history: `for case` iterates only the elements
    /// that match a pattern.
    public static func sessionIDs(in history: [ConnectionState]) -> [String] {
        var ids: [String] = []
        for case .connected(let sessionID) in history {
            ids.append(sessionID)
        }
        return ids
    }

    /// `if case` tests a single pattern without a full switch.
    public static func isOnline(_ state: ConnectionState) -> Bool {
        if case .connected = state { return true }
        return false
    }

    // MARK: - Raw values and CaseIterable

    /// An HTTP method with `String` raw values: `init?(rawValue:)` parses,
    /// `rawValue` prints, and `allCases` lists every case.
    public enum HTTPMethod: String, CaseIterable, Sendable {
        case get = "GET"
        case head = "HEAD"
        case post = "POST"
        case put = "PUT"
        case patch = "PATCH"
        case delete = "DELETE"
        case options = "OPTIONS"

        /// Whether repeating the request has the same effect as sending it
        /// once (RFC 9110 §9.2.2).
        public var isIdempotent: Bool {
            switch self {
            case .get, .head, .put, .delete, .options: true
            case .post, .patch: false
            }
        }
    }

    /// `Int` raw values count up from the first one given.
    public enum LogLevel: Int, CaseIterable, Sendable {
        case debug = 10
        case info
        case warning
        case error
    }

    // MARK: - Recursive enums

    /// An arithmetic expression tree. `indirect` on the enum stores every
    /// case that has a payload in a heap box (including `.number`), so the
    /// enum has a finite size; `indirect case` on just the recursive cases
    /// would keep `.number` inline.
    public indirect enum Expression: Equatable, Sendable {
        case number(Int)
        case add(Expression, Expression)
        case multiply(Expression, Expression)
        case negate(Expression)

        /// Evaluates the tree.
        ///
        /// - Complexity: O(*n*) in the number of nodes.
        public var value: Int {
            switch self {
            case .number(let number): number
            case .add(let left, let right): left.value + right.value
            case .multiply(let left, let right): left.value * right.value
            case .negate(let operand): -operand.value
            }
        }

        /// Applies `x + 0 = x`, `x * 1 = x`, `x * 0 = 0` and `--x = x`,
        /// bottom-up: nested patterns match on the shape of the tree.
        ///
        /// - Complexity: O(*n*) in the number of nodes.
        public var simplified: Expression {
            switch self {
            case .number:
                return self
            case .negate(let operand):
                if case .negate(let inner) = operand { return inner.simplified }
                return .negate(operand.simplified)
            case .add(let left, let right):
                switch (left.simplified, right.simplified) {
                case (let expression, .number(0)), (.number(0), let expression): return expression
                case (let left, let right): return .add(left, right)
                }
            case .multiply(let left, let right):
                switch (left.simplified, right.simplified) {
                case (_, .number(0)), (.number(0), _): return .number(0)
                case (let expression, .number(1)), (.number(1), let expression): return expression
                case (let left, let right): return .multiply(left, right)
                }
            }
        }
    }
}
