/// Typed throws: `throws(E)` states the one error type a function can throw,
/// so callers can switch over it exhaustively.
///
/// ```swift
/// do {
///     let port = try TypedThrows.parsePort("80a")
/// } catch {
///     switch error {            // error: TypedThrows.ParseError, not any Error
///     case .empty: …
///     case .notANumber(let text): …
///     case .outOfRange(let value): …
///     }                         // no default needed
/// }
/// ```
///
/// ## Why interviewers ask this
/// Swift 6 added typed throws (SE-0413), and a Go developer arrives used to
/// `error` as one interface type. Interviewers ask when `throws(E)` is worth
/// it: inside a module, for generic code that must not erase its caller's
/// error (`withRetry`, `map`), and in embedded or allocation-free code where
/// boxing an `any Error` matters. They also want to hear when *not* to use
/// it: public APIs that must evolve.
///
/// ## Common pitfalls
/// - Typing a public API's errors too early. Adding a case to a public error
///   enum breaks every caller that switched exhaustively; an `any Error`
///   API can add failure modes freely. (Try the experiment that adds a case.)
/// - Expecting a closure's plain `do`/`catch` to be typed. Inside a
///   closure, `catch` binds `any Error` even when the body only calls
///   `throws(E)` functions; write `do throws(E) { … }` (see ``summaries(of:)``).
/// - Forwarding through a non-generic wrapper declared `throws`: the type is
///   erased to `any Error` at that point. Make the wrapper generic over
///   `E: Error` and declare `throws(E)` (``withRetry(attempts:_:)``).
/// - Throwing another type from a `throws(E)` function: the compiler rejects
///   it ("thrown expression type … cannot be converted to error type …").
///   Map the lower-level error into a case of `E` explicitly.
///
/// ## Key takeaway
/// `throws` is `throws(any Error)`; no `throws` is `throws(Never)`. A typed
/// throw makes the error part of the signature: precise inside a module and
/// through generics (with `E == Never` a non-throwing closure needs no
/// `try`), costly as a public contract. Default to untyped `throws` at
/// module boundaries; type the inside.
///
/// ## Go → Swift
/// Go functions return the `error` interface and callers type-switch or use
/// `errors.As`, with no compiler help on completeness. Swift's untyped
/// `throws` is the same idea; `throws(E)` is the stricter option Go lacks, a
/// closed set of failures checked for completeness at compile time.
/// `Result<T, E>` is the value form of a typed throw, convertible both ways.
public enum TypedThrows {
    /// Why a port string was rejected.
    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case notANumber(String)
        case outOfRange(Int)
    }

    /// A failure of the layer above: reading a configuration file.
    public enum ConfigError: Error, Equatable, Sendable {
        case fileMissing(String)
        case badPort(ParseError)
    }

    /// Parses a TCP port.
    ///
    /// - Throws: only ``ParseError``; the signature says so.
    public static func parsePort(_ text: String) throws(ParseError) -> Int {
        guard !text.isEmpty else { throw .empty }
        guard let value = Int(text) else { throw .notANumber(text) }
        guard (1...65_535).contains(value) else { throw .outOfRange(value) }
        return value
    }

    /// Describes the outcome of parsing `text`. The `catch` block switches
    /// over every case of ``ParseError`` with no `default`: `error` is typed.
    public static func describe(_ text: String) -> String {
        do {
            return "port \(try parsePort(text))"
        } catch {
            switch error {
            case .empty: return "empty"
            case .notANumber(let text): return "not a number: \(text)"
            case .outOfRange(let value): return "out of range: \(value)"
            }
        }
    }

    /// The same switch inside a closure needs `do throws(ParseError)`: a plain
    /// `do` in a closure catches `any Error`.
    public static func summaries(of texts: [String]) -> [String] {
        texts.map { text -> String in
            do throws(ParseError) {
                return "\(try parsePort(text))"
            } catch {
                switch error {
                case .empty, .notANumber: return "invalid"
                case .outOfRange: return "range"
                }
            }
        }
    }

    /// `throws(Never)` is exactly "does not throw": callers need no `try`.
    public static func defaultPort() throws(Never) -> Int {
        8_080
    }

    /// Calls `body` up to `attempts` times and rethrows its *own* error type:
    /// `E` flows through, so the caller's `catch` stays typed, and with a
    /// non-throwing closure (`E == Never`) no `try` is needed at all.
    ///
    /// - Precondition: `attempts >= 1`.
    /// - Throws: the last error `body` threw, as `E`.
    public static func withRetry<T, E: Error>(attempts: Int, _ body: () throws(E) -> T) throws(E) -> T {
        precondition(attempts >= 1, "attempts must be at least 1, got \(attempts)")
        var attempt = 1
        while true {
            do {
                return try body()
            } catch {
                if attempt == attempts { throw error }
                attempt += 1
            }
        }
    }

    /// Typed throw → `Result` → typed throw, without losing the type.
    public static func parseAsResult(_ text: String) -> Result<Int, ParseError> {
        Result { () throws(ParseError) -> Int in try parsePort(text) }
    }

    /// Reads the port from a configuration. A layer with its own error type
    /// must *translate* lower errors into its cases; it cannot just let them
    /// through.
    ///
    /// - Throws: ``ConfigError``.
    public static func configuredPort(_ config: [String: String]) throws(ConfigError) -> Int {
        guard let text = config["port"] else { throw .fileMissing("port") }
        do {
            return try parsePort(text)
        } catch {
            throw .badPort(error)
        }
    }

    /// The untyped alternative for a public, evolving API: any failure of any
    /// layer passes through unchanged, and new failure modes can be added
    /// later without breaking callers.
    ///
    /// - Throws: whatever the layers below throw (`ParseError`, `ConfigError`, …).
    public static func configuredPortUntyped(_ config: [String: String]) throws -> Int {
        guard let text = config["port"] else { throw ConfigError.fileMissing("port") }
        return try parsePort(text)
    }
}
