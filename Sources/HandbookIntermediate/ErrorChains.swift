import Foundation

/// An error that adds context to another one: Swift's counterpart of a Go
/// error whose `Unwrap()` returns the error it wraps (`fmt.Errorf("…: %w", err)`).
///
/// ```swift
/// do {
///     try loadUser(id: 42)
/// } catch {
///     print(error)                              // loading user: query failed: not found
///     error.contains(ErrorChains.DBError.notFound) // true, like errors.Is
///     error.first(as: ErrorChains.QueryError.self)?.sql // like errors.As
/// }
/// ```
///
/// ## Why interviewers ask this
/// "Can you implement custom errors with wrapping?" is on every backend
/// checklist. Swift has custom error types built in (any enum, struct or
/// class can conform to `Error`) but no standard wrapping protocol and no
/// `errors.Is`/`errors.As`. Interviewers want to see you design error types
/// that carry context, render a readable message, cross task boundaries
/// (`Sendable`), and can still be matched after a layer has wrapped them.
///
/// ## Common pitfalls
/// - Matching a wrapped error directly: `catch DBError.notFound` or
///   `error as? DBError == .notFound` fails as soon as a layer adds context
///   (``ErrorChains/isNotFoundNaively(_:)``). Walk the chain
///   (``Swift/Error/contains(_:)``).
/// - Relying on `localizedDescription` without `LocalizedError`: you get
///   "The operation could not be completed. (Module.Type error 1.)" (Darwin
///   spells it "couldn’t"). Conform
///   to `LocalizedError` (``ErrorChains/FieldError``) or `CustomStringConvertible`.
/// - Formatting the cause into a string (Go's `%v` instead of `%w`): the
///   message looks the same, but nothing can match the cause any more
///   (``ErrorChains/loadUserLosingTheChain(id:)``).
/// - Unbounded unwrapping. A hand-written `underlying` can point back at
///   itself; Go's `errors.Is` would loop forever on such a chain. The walk
///   here stops at ``ErrorChains/maximumDepth``.
/// - A non-`Sendable` payload (a class, a closure) in an error: `Error`
///   refines `Sendable`, so Swift 6 rejects it rather than let it race
///   across tasks.
///
/// ## Key takeaway
/// Model failures as small `Sendable` types: enums for closed sets of
/// sentinels (`Equatable`, matchable in `catch`), structs when you need
/// fields (the SQL, the field name). Wrap with a type that keeps the original
/// as `underlying` and renders `"context: \(underlying)"`. Match on the
/// chain, never on the top error.
///
/// ## Go → Swift
/// Go's `%w` becomes a `WrappedError` struct; `errors.Is(err, ErrNotFound)`
/// becomes `error.contains(DBError.notFound)` (sentinels compare with `==`
/// because the enum is `Equatable`, not by pointer identity); `errors.As(err,
/// &target)` becomes `error.first(as: QueryError.self)`, which returns an
/// optional instead of filling an out-parameter. A `catch let e as T` clause
/// is a type switch on the top error only. Foundation's `NSError` chains
/// (`NSUnderlyingErrorKey`) are followed too.
public protocol WrappedError: Error {
    /// The error this one adds context to: Go's `Unwrap()`.
    var underlying: any Error { get }
}

extension Error {
    /// This error followed by every error it wraps, outermost first, through
    /// ``WrappedError/underlying`` and Foundation's `NSUnderlyingErrorKey`.
    ///
    /// - Complexity: O(*d*) where *d* is the chain's depth, at most
    ///   ``ErrorChains/maximumDepth``: a chain that wraps itself ends there
    ///   instead of looping forever.
    public var errorChain: [any Error] {
        var chain: [any Error] = [self]
        while chain.count < ErrorChains.maximumDepth, let next = ErrorChains.unwrap(chain[chain.count - 1]) {
            chain.append(next)
        }
        return chain
    }

    /// Whether `target` is this error or any error it wraps: Go's `errors.Is`.
    ///
    /// - Complexity: O(*d*), *d* the chain's depth.
    public func contains<Target: Error & Equatable>(_ target: Target) -> Bool {
        errorChain.contains { ($0 as? Target) == target }
    }

    /// The first error of type `type` in the chain, outermost first: Go's
    /// `errors.As`.
    ///
    /// - Complexity: O(*d*), *d* the chain's depth.
    public func first<Target: Error>(as type: Target.Type) -> Target? {
        for link in errorChain {
            if let match = link as? Target { return match }
        }
        return nil
    }
}

/// The lesson's error vocabulary: a layered "load a user" operation whose
/// failures are wrapped on the way up.
public enum ErrorChains {
    /// How many links ``Swift/Error/errorChain`` follows at most.
    public static let maximumDepth = 32

    /// One step down the chain, or nil at its end.
    static func unwrap(_ error: any Error) -> (any Error)? {
        if let wrapper = error as? any WrappedError { return wrapper.underlying }
        return (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error
    }

    /// Sentinel errors of the storage layer: Go's `var ErrNotFound = errors.New(…)`.
    public enum DBError: Error, Equatable, Sendable, CustomStringConvertible {
        case notFound
        case connectionLost

        public var description: String {
            switch self {
            case .notFound: "not found"
            case .connectionLost: "connection lost"
            }
        }
    }

    /// A struct error with fields: which query failed, and why.
    public struct QueryError: WrappedError, CustomStringConvertible {
        public var sql: String
        public var underlying: any Error

        public init(sql: String, underlying: any Error) {
            self.sql = sql
            self.underlying = underlying
        }

        public var description: String { "query failed: \(underlying)" }
    }

    /// Plain context, as `fmt.Errorf("loading user: %w", err)` adds.
    public struct ContextError: WrappedError, CustomStringConvertible {
        public var context: String
        public var underlying: any Error

        public init(_ context: String, underlying: any Error) {
            self.context = context
            self.underlying = underlying
        }

        public var description: String { "\(context): \(underlying)" }
    }

    /// A validation failure that renders itself through `LocalizedError`, so
    /// `localizedDescription` reads well. `Equatable`, so tests and `catch`
    /// patterns can compare whole values.
    public struct FieldError: LocalizedError, Equatable, Sendable {
        public var field: String
        public var reason: String

        public init(field: String, reason: String) {
            self.field = field
            self.reason = reason
        }

        public var errorDescription: String? { "\(field): \(reason)" }
    }

    /// An error that is only a message: what you get by formatting the
    /// underlying error into a string (Go's `%v` where `%w` was meant).
    public struct MessageError: Error, CustomStringConvertible {
        public var message: String

        public init(_ message: String) {
            self.message = message
        }

        public var description: String { message }
    }

    /// An error with no description at all: what `localizedDescription`
    /// makes of it is the pitfall.
    public struct UndescribedError: Error {
        public init() {}
    }

    /// A broken wrapper whose `underlying` is itself: an infinite chain.
    public struct SelfWrappingError: WrappedError {
        public init() {}

        public var underlying: any Error { self }
    }

    /// The SQL the repository runs.
    public static let userQuery = "SELECT * FROM users WHERE id = ?"

    /// The storage layer: throws a sentinel.
    ///
    /// - Throws: ``DBError/notFound`` for any id that is not 1.
    public static func fetchRow(id: Int) throws -> [String: String] {
        guard id == 1 else { throw DBError.notFound }
        return ["id": "1", "name": "Ada"]
    }

    /// The repository layer: adds the SQL.
    ///
    /// - Throws: ``QueryError`` wrapping the storage error.
    public static func queryUser(id: Int) throws -> [String: String] {
        do {
            return try fetchRow(id: id)
        } catch {
            throw QueryError(sql: userQuery, underlying: error)
        }
    }

    /// The service layer: adds what it was doing.
    ///
    /// - Throws: ``ContextError`` "loading user" wrapping the repository error.
    public static func loadUser(id: Int) throws -> String {
        do {
            return try queryUser(id: id)["name", default: ""]
        } catch {
            throw ContextError("loading user", underlying: error)
        }
    }

    /// PITFALL: the same service layer, flattening the error into a message.
    /// The text is identical; the chain, and with it `contains` and
    /// `first(as:)`, is gone.
    ///
    /// - Throws: ``MessageError`` "loading user: …".
    public static func loadUserLosingTheChain(id: Int) throws -> String {
        do {
            return try queryUser(id: id)["name", default: ""]
        } catch {
            throw MessageError("loading user: \(error)")
        }
    }

    /// PITFALL: compares the top error only, as `err == ErrNotFound` would in
    /// Go. False as soon as anything wrapped the sentinel.
    public static func isNotFoundNaively(_ error: any Error) -> Bool {
        error as? DBError == .notFound
    }

    /// The fix: walks the chain, like `errors.Is(err, ErrNotFound)`.
    public static func isNotFound(_ error: any Error) -> Bool {
        error.contains(DBError.notFound)
    }
}
