/// Optionals and initialization: Swift has no zero values, so "absent" is a
/// type (`Optional`) and every stored value must be given one before use.
///
/// ```swift
/// let port = Port(70_000)                // init? rejects it: port is nil
/// let number = port?.number ?? 8080      // unwrap with a default
/// guard let port = Port(443) else { return }
/// ```
///
/// ## Why interviewers ask this
/// Go hands you a zero value for everything (`0`, `""`, `nil` maps that panic
/// on write), and "What's the difference between make() and new()?" is about
/// how those zero values get their memory. Swift removes the question: the
/// compiler proves every variable is initialized before it is read, and a
/// value that may be missing has a different type, `T?`, that you must unwrap.
/// Interviewers check that you unwrap safely (`if let`, `guard let`, `??`,
/// chaining, `map`/`flatMap`), know when a failable `init?` is the right API,
/// and can explain a class's two-phase initialization.
///
/// ## Common pitfalls
/// - Reaching for `!`. Force-unwrapping `nil` traps the whole process; in a
///   server that is every in-flight request. Use `guard let … else` instead.
/// - Using `map` where `flatMap` is meant: `Optional("80").map(Int.init)` is
///   an `Int??`, a nested Optional that is non-nil even when parsing failed.
/// - Calling `super.init` first, as a Java constructor must. A Swift
///   subclass sets its own stored properties *before* `super.init`, and may
///   use `self` only after it (``TLSConnection``).
/// - Looking for Go's `make`/`new`. Neither exists: every type is created by
///   an initializer that is given real values.
///
/// ## Key takeaway
/// Absence is explicit and checked at compile time: `T` always holds a value,
/// `T?` (the enum `Optional<T>` with cases `.none` and `.some(T)`) might not,
/// and definite initialization analysis rejects reads of unassigned variables.
/// Invalid input is modelled as a failable initializer that returns `nil`.
///
/// ## Go → Swift
/// Go's `var port int` silently holds `0`; in Swift `var port: Int` cannot be
/// read until every path assigns it. Go's `new(T)` returns a `*T` to a zeroed
/// value: Swift's nearest thing is a class instance (``Box``), created by an
/// initializer that must be given its value. Go's `make([]T, n)` is
/// `Array(repeating:count:)`, `make([]T, 0, n)` is `[]` plus
/// `reserveCapacity(n)`, `make(map[K]V, n)` is `Dictionary(minimumCapacity:)`,
/// and `make(chan T)` has no exact twin: `AsyncStream` is the nearest (one
/// consumer, unbounded buffer by default, `yield` never suspends).
/// Go's `if v, ok := m[k]; ok` is `if let v = m[k]`.
public enum OptionalsAndInitialization {
    /// A TCP port number in `1...65_535`: invalid input yields `nil`, not a
    /// zero value or a half-built instance.
    public struct Port: Hashable, Sendable {
        public let number: Int

        /// Creates a port, or returns `nil` when `number` is out of range.
        public init?(_ number: Int) {
            guard (1...65_535).contains(number) else { return nil }
            self.number = number
        }

        /// Parses decimal text such as `"8080"`; `nil` when it is not a
        /// number or not a valid port.
        public init?(parsing text: String) {
            guard let number = Int(text) else { return nil }
            self.init(number)
        }
    }

    /// `Optional` is an ordinary enum: `if let`, `?` and `??` are sugar for a
    /// switch over `.some` and `.none`.
    public static func describe(_ value: Int?) -> String {
        switch value {
        case .some(let wrapped): "some(\(wrapped))"
        case .none: "none"
        }
    }

    /// Definite initialization: a `let` declared without a value is fine as
    /// long as every path assigns it exactly once before it is read.
    public static func defaultPort(secure: Bool) -> Int {
        let port: Int
        if secure {
            port = 443
        } else {
            port = 80
        }
        return port
    }

    // MARK: - Unwrapping

    /// A listen address from optional settings: `guard let` for what is
    /// required, `??` for what has a default.
    ///
    /// - Returns: `"host:port"`, or `nil` when `portText` is missing or not a
    ///   valid port.
    public static func listenAddress(host: String?, portText: String?) -> String? {
        guard let portText, let port = Port(parsing: portText) else { return nil }
        return "\(host ?? "0.0.0.0"):\(port.number)"
    }

    /// The pitfall: `map` with a function that itself returns an Optional
    /// nests them, so a parse failure hides inside a non-nil `Int??`.
    public static func parsedWithMap(_ text: String?) -> Int?? {
        text.map { Int($0) }
    }

    /// The fix: `flatMap` flattens, so any failure along the way is `nil`.
    public static func parsedWithFlatMap(_ text: String?) -> Int? {
        text.flatMap { Int($0) }
    }

    // MARK: - Optional chaining

    /// TLS settings; the certificate path is optional.
    public struct TLSSettings: Sendable {
        public var certificatePath: String?

        public init(certificatePath: String?) {
            self.certificatePath = certificatePath
        }
    }

    /// Server settings; TLS is optional.
    public struct ServerSettings: Sendable {
        public var tls: TLSSettings?

        public init(tls: TLSSettings?) {
            self.tls = tls
        }
    }

    /// Application settings; the server section is optional.
    public struct Settings: Sendable {
        public var server: ServerSettings?

        public init(server: ServerSettings?) {
            self.server = server
        }
    }

    /// Three levels of optional chaining: the first `nil` ends the chain and
    /// the whole expression is `nil`, with no crash and no nested `if`.
    public static func certificatePath(in settings: Settings?) -> String? {
        settings?.server?.tls?.certificatePath
    }

    // MARK: - Go's new(T)

    /// The closest thing to Go's `new(T)`: a heap-allocated, shared, mutable
    /// cell. Unlike `new`, it cannot exist without a value.
    public final class Box<Value> {
        public var value: Value

        public init(_ value: Value) {
            self.value = value
        }
    }

    // MARK: - Two-phase class initialization

    /// A base class whose initializer calls an overridable method.
    public class Connection {
        public let host: String
        /// What happened during initialization, in order.
        public var events: [String] = []

        public init(host: String) {
            self.host = host
            // Phase 2: every stored property of the whole hierarchy is set,
            // so calling a method that a subclass overrides is safe.
            events.append("Connection.init sees \(describe())")
        }

        public func describe() -> String { "plain \(host)" }
    }

    /// Two-phase initialization: phase 1 sets every stored property, from
    /// the subclass up; phase 2 (after `super.init`) may use `self`.
    public final class TLSConnection: Connection {
        public let certificate: String

        public init(host: String, certificate: String) {
            self.certificate = certificate
            super.init(host: host)
            events.append("TLSConnection.init phase 2")
        }

        /// Runs during `Connection.init`, and `certificate` is already set:
        /// unlike Java (where the override sees null or 0) and C++ (where the
        /// base's version runs instead), a Swift override sees the subclass's
        /// properties already set.
        public override func describe() -> String { "tls \(host) with \(certificate)" }
    }
}
