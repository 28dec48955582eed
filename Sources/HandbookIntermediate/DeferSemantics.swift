/// `defer`: code that runs when the current *scope* exits, however it exits.
///
/// ```swift
/// func handle(_ file: FileHandleLike) throws {
///     file.open()
///     defer { file.close() }   // runs on return *and* on throw
///     try file.write("payload")
/// }
/// ```
///
/// ## Why interviewers ask this
/// Cleanup that cannot be forgotten is how servers avoid leaking locks,
/// connections and file descriptors. Interviewers ask a Go developer to
/// predict the order and timing of deferred code, and the Swift answers
/// differ from Go's on three counts: *when* it runs (scope exit, not function
/// exit), *what* it sees (variables as they are when it runs, not arguments
/// evaluated at the `defer` statement) and *what it may do* (it cannot throw
/// or return).
///
/// ## Common pitfalls
/// - Expecting a `defer` inside an `if`, `do` or loop body to wait for the
///   end of the function. It runs when that block ends (``deferInsideIf(_:record:)``).
/// - Expecting Go's early evaluation: `x = 1; defer { log(x) }; x = 2` logs
///   2 in Swift. Copy the value into a `let` first to get Go's behaviour
///   (``goStyleSnapshot(record:)``).
/// - Expecting a `defer` to change what the function returns. The return
///   value is computed first; the defer runs after it
///   (``postIncrement(_:)``). Go's "modify the named result in a deferred
///   closure" has no Swift equivalent: wrap errors with `do`/`catch` instead
///   (``wrappingErrors(_:)``).
/// - Trying to `try` inside a `defer`. Errors cannot leave a defer body, so
///   cleanup that can fail must handle its own error (log it, or record it).
/// - Putting the `defer` *after* the code that can throw: it only covers what
///   follows it, so an early exit above it skips the cleanup.
///
/// ## Key takeaway
/// `defer` is scope-based cleanup, run last-in first-out, reading the
/// current values of the variables it mentions, on every exit path (normal
/// return, `throw`, `break`, `continue`). It is not a way to alter results or
/// errors; use `do`/`catch` for that, and a `committed` flag for
/// "roll back unless we got to the end" (``transfer(failAt:record:)``).
///
/// ## Go → Swift
/// Go's `defer` queues a *call* on the function, with its arguments evaluated
/// immediately, and runs the queue when the function returns; a deferred
/// closure may rewrite named results (Go's `ErrorInDefer` turns `err` into
/// "deferred: original error"). Swift's `defer` is a block tied to the
/// enclosing scope, it reads variables late, a loop body's defer runs on
/// every iteration (Go's "defer in a loop leaks until return" cannot happen),
/// and the error rewrite becomes `do { … } catch { throw Wrapped(error) }`.
public enum DeferSemantics {
    /// The error the lesson's failing operations throw.
    public struct OperationFailed: Error, Equatable, CustomStringConvertible {
        public var message: String

        public init(_ message: String) {
            self.message = message
        }

        public var description: String { message }
    }

    /// An error wrapped at a function boundary: Go's
    /// `fmt.Errorf("deferred: %w", err)` from a deferred closure.
    public struct DeferredError: Error, CustomStringConvertible {
        public var underlying: any Error

        public init(underlying: any Error) {
            self.underlying = underlying
        }

        public var description: String { "deferred: \(underlying)" }
    }

    /// Three defers in one scope, then a body that records `0`. The body
    /// runs first, then the defers as `3, 2, 1`: last in, first out.
    public static func threeDefers(record: (Int) -> Void) {
        defer { record(1) }
        defer { record(2) }
        defer { record(3) }
        record(0)
    }

    /// A `defer` inside an `if` block runs when the *block* ends, before the
    /// statement after the block. In Go it would run at function exit, last.
    public static func deferInsideIf(_ condition: Bool, record: (String) -> Void) {
        record("start")
        if condition {
            defer { record("if-block defer") }
            record("inside if")
        }
        record("after if")
    }

    /// The defer reads `x` when it runs, so it records the *final* value, 2.
    /// Go's `defer log(x)` would log 1, because Go evaluates the arguments at
    /// the `defer` statement.
    public static func deferReadsCurrentValue(record: (Int) -> Void) {
        var x = 1
        defer { record(x) }
        x = 2
    }

    /// Go's behaviour, written explicitly: copy the value into a `let` at the
    /// `defer` statement. Records the body's `2`, then the deferred `1`.
    public static func goStyleSnapshot(record: (Int) -> Void) {
        var x = 1
        let valueAtDefer = x
        defer { record(valueAtDefer) }
        x = 2
        record(x)
    }

    /// Cleanup that runs on every exit path, including `throw`.
    ///
    /// - Throws: ``OperationFailed`` when `fail` is true, after "close" ran.
    public static func openWorkClose(fail: Bool, record: (String) -> Void) throws {
        record("open")
        defer { record("close") }
        if fail { throw OperationFailed("work failed") }
        record("work")
    }

    /// A defer in a loop body runs at the end of *each iteration*: every
    /// resource is released before the next is acquired.
    public static func acquireInLoop(count: Int, record: (String) -> Void) {
        for index in 0..<count {
            record("acquire \(index)")
            defer { record("release \(index)") }
            record("use \(index)")
        }
        record("loop done")
    }

    /// Returns the current value, then increments it: the return value is
    /// computed *before* the defer runs, so a defer cannot change it.
    public static func postIncrement(_ value: inout Int) -> Int {
        defer { value += 1 }
        return value
    }

    /// Go's `ErrorInDefer`, the Swift way: a `defer` cannot touch the error
    /// that is leaving the function, so the boundary catches and rethrows it
    /// wrapped.
    ///
    /// - Throws: ``DeferredError`` wrapping whatever `operation` threw.
    public static func wrappingErrors<T>(_ operation: () throws -> T) throws -> T {
        do {
            return try operation()
        } catch {
            throw DeferredError(underlying: error)
        }
    }

    /// "Roll back unless we reached the end" (Zig's `errdefer`): a `defer`
    /// guarded by a flag set on the last line of the happy path.
    ///
    /// - Parameter failAt: the step that throws (`"debit"` or `"credit"`), or nil.
    /// - Throws: ``OperationFailed`` from the failing step, after "rollback" ran.
    public static func transfer(failAt: String?, record: (String) -> Void) throws {
        record("begin")
        var committed = false
        defer {
            if !committed { record("rollback") }
        }
        for step in ["debit", "credit"] {
            if step == failAt { throw OperationFailed("\(step) failed") }
            record(step)
        }
        record("commit")
        committed = true
    }
}
