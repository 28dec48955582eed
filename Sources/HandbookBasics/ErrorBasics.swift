/// Error basics: a function that can fail says `throws`, every call to it is
/// marked `try`, and `do`/`catch` matches errors by pattern.
///
/// ```swift
/// do {
///     let ratio = try ErrorBasics.divide(10, 0)
/// } catch ErrorBasics.MathError.divisionByZero(let dividend) {
///     print("cannot divide \(dividend) by zero")
/// }
/// ```
///
/// ## Why interviewers ask this
/// Every backend call can fail, and the question is how failure travels: who
/// must handle it, what context it carries, and what is a recoverable error
/// versus a programmer bug. Swift's answer is checked at compile time: a call
/// that can throw does not compile without `try`, and an error is a typed
/// value (usually an enum) that `catch` can match case by case. Interviewers
/// check that you know `try`, `try?` and `try!` apart, and where `Result` and
/// `rethrows` fit.
///
/// ## Common pitfalls
/// - `try!` in production code. On failure it traps the process, the same as
///   a Go `panic` nobody recovers.
/// - `try?` everywhere. It turns every error into `nil` and throws away the
///   reason; use it only when "no value" really is the whole story.
/// - Errors without context. `.divisionByZero` alone does not say *what* was
///   being divided: put the context in associated values.
/// - A catch-all `catch` before the specific ones, or only a catch-all: match
///   the cases you can handle and let the rest propagate.
///
/// ## Key takeaway
/// `throws` is part of a function's type, `try` marks every point where
/// control can leave, and an error enum is both Go's sentinel (match a case)
/// and Go's custom error type (associated values carry context). `try?`
/// converts to an Optional, `Result` stores an outcome for later, and
/// `rethrows` lets a higher-order function throw only when its closure does.
///
/// ## Go → Swift
/// Go returns `(value, error)` and relies on discipline: an ignored `err` still
/// compiles. Swift makes the error path part of the signature and the call
/// site. Go's sentinel `var ErrNotFound = errors.New(…)` compared with `==` is
/// an enum case matched in `catch`; Go's `fmt.Errorf("cannot divide %f by
/// zero", a)` is a case with an associated value and a `description`. Wrapping
/// (`%w`, `errors.Is/As`) is the intermediate lesson.
public enum ErrorBasics {
    /// The errors of the arithmetic helpers: each case is a sentinel you can
    /// match, and associated values carry the context.
    public enum MathError: Error, Equatable, CustomStringConvertible {
        case divisionByZero(dividend: Double)
        case negativeSquareRoot(Double)
        /// A bare sentinel, like Go's `var ErrNotFound = errors.New(…)`.
        case notFound

        public var description: String {
            switch self {
            case .divisionByZero(let dividend): "cannot divide \(dividend) by zero"
            case .negativeSquareRoot(let value): "cannot take the square root of \(value)"
            case .notFound: "not found"
            }
        }
    }

    /// `dividend / divisor`.
    ///
    /// - Throws: ``MathError/divisionByZero(dividend:)`` when `divisor` is 0.
    public static func divide(_ dividend: Double, _ divisor: Double) throws -> Double {
        guard divisor != 0 else { throw MathError.divisionByZero(dividend: dividend) }
        return dividend / divisor
    }

    /// The square root of `value`.
    ///
    /// - Throws: ``MathError/negativeSquareRoot(_:)`` when `value` is negative.
    public static func squareRoot(_ value: Double) throws -> Double {
        guard value >= 0 else { throw MathError.negativeSquareRoot(value) }
        return value.squareRoot()
    }

    /// The value stored for `key`.
    ///
    /// - Throws: ``MathError/notFound`` when the key is missing.
    public static func lookup(_ key: String, in table: [String: Double]) throws -> Double {
        guard let value = table[key] else { throw MathError.notFound }
        return value
    }

    // MARK: - Matching errors

    /// Runs `body` and describes how it ended: `catch` clauses match the
    /// specific cases first, then any `MathError`, then anything else.
    public static func outcome(of body: () throws -> Double) -> String {
        do {
            return "value \(try body())"
        } catch MathError.notFound {
            return "missing value"
        } catch MathError.divisionByZero(let dividend) where dividend == 0 {
            return "undefined (0 / 0)"
        } catch let error as MathError {
            return "math error: \(error)"
        } catch {
            return "unexpected: \(error)"
        }
    }

    // MARK: - Chains

    /// A step of a chain failed: which one, and why.
    public struct StepFailed: Error, Equatable {
        /// The 1-based position of the failing step.
        public let step: Int
        public let underlying: MathError

        public init(step: Int, underlying: MathError) {
            self.step = step
            self.underlying = underlying
        }
    }

    /// Feeds `value` through `steps` in order. The first step that throws
    /// ends the chain; later steps never run.
    ///
    /// - Throws: ``StepFailed`` naming the failing step, when it threw a
    ///   ``MathError``; any other error unchanged.
    public static func chain(_ value: Double, through steps: [(Double) throws -> Double]) throws -> Double {
        var current = value
        for (offset, step) in steps.enumerated() {
            do {
                current = try step(current)
            } catch let error as MathError {
                throw StepFailed(step: offset + 1, underlying: error)
            }
        }
        return current
    }

    /// A three-step calculation, `sqrt(table[key] / divisor)`: look up,
    /// divide, take the root.
    ///
    /// - Throws: ``StepFailed`` with step 1, 2 or 3.
    public static func rootOfRatio(key: String, in table: [String: Double], dividedBy divisor: Double) throws
        -> Double
    {
        try chain(
            0,
            through: [
                { _ in try lookup(key, in: table) },
                { try divide($0, divisor) },
                { try squareRoot($0) },
            ])
    }

    // MARK: - rethrows

    /// Applies `transform` to every value. `rethrows`: it throws only if
    /// `transform` does, so a non-throwing closure needs no `try` at the call.
    ///
    /// - Complexity: O(*n*) calls to `transform`.
    public static func applyToAll(_ values: [Double], _ transform: (Double) throws -> Double) rethrows -> [Double] {
        var results: [Double] = []
        results.reserveCapacity(values.count)
        for value in values {
            results.append(try transform(value))
        }
        return results
    }
}
