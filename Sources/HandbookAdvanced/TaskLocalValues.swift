/// Task-local values: Go's `context.WithValue`, typed, scoped and inherited
/// by child tasks.
///
/// ```swift
/// await TaskLocalValues.$requestID.withValue("req-42") {
///     await TaskLocalValues.handleRequest()  // "[req-42] SELECT …", three calls deep, no parameter
/// }
/// // out here requestID is nil again
/// ```
///
/// ## Why interviewers ask this
/// Request IDs, trace spans and auth principals must reach the log line deep
/// inside a repository without being threaded through every signature. Go
/// does it with `ctx.Value(key)`; Swift does it with `@TaskLocal`. The
/// interviewer wants to know the scoping rules: who sees the value, who does
/// not, and why a global variable is the wrong answer on a server serving
/// thousands of requests at once.
///
/// ## Common pitfalls
/// - Expecting `Task.detached` to see the value. It starts with none: that is
///   what "detached" means. `Task {}` copies the values; `async let` and
///   group children read the parent's bindings (they cannot outlive them).
/// - Trying to assign a task-local (`requestID = "x"`). It does not compile;
///   a value is bound for a scope with `$requestID.withValue(_:operation:)`.
/// - Storing per-request state in a global or a static `var`: concurrent
///   requests overwrite each other (and Swift 6 rejects the global anyway).
/// - Using task-locals for things a function needs to do its job. They are
///   for cross-cutting metadata (tracing, logging); required inputs are
///   parameters.
///
/// ## Key takeaway
/// `@TaskLocal static var` gives every task its own binding, visible in
/// everything it calls and in every child task it creates, restored when the
/// `withValue` scope ends. The key is the declaration itself, so a typo or a
/// wrong type is a compile error, not a silent `nil`.
///
/// ## Go → Swift
/// Go's `context.go` stores the request ID with `context.WithValue(ctx,
/// "requestID", id)` and reads it back with a type assertion three calls
/// down. The string key can collide or be misspelt, and a wrong comma-ok
/// assertion yields the zero value silently (a plain `x.(T)` panics;
/// ``GoStyleContext`` shows both). Swift's key is a typed
/// static property and propagation needs no `ctx` parameter. Server
/// libraries build on the same mechanism: `ServiceContext.current`
/// (swift-service-context, used by swift-distributed-tracing) is a
/// task-local, and swift-log's metadata providers read task-locals.
public enum TaskLocalValues {
    /// The ID of the request being served by the current task, or `nil`
    /// outside any request.
    @TaskLocal public static var requestID: String?

    /// Serves a request: binds ``requestID`` to `id` for the duration of
    /// `handler`, for everything it calls and every child task it creates.
    public static func serve<T>(requestID id: String, _ handler: () async throws -> T) async rethrows -> T {
        try await $requestID.withValue(id, operation: handler)
    }

    /// A log line tagged with the current request, as a logging library's
    /// metadata provider would tag it.
    public static func logLine(_ message: String) -> String {
        "[\(requestID ?? "no-request")] \(message)"
    }

    /// Handler → service → repository: three `async` calls, and the request
    /// ID reaches the bottom without being passed.
    public static func handleRequest() async -> String {
        await loadUser()
    }

    static func loadUser() async -> String {
        await queryDatabase()
    }

    static func queryDatabase() async -> String {
        logLine("SELECT * FROM users")
    }

    /// What each of `count` task-group children reads from ``requestID``.
    public static func requestIDsSeenByGroupChildren(_ count: Int) async -> [String?] {
        await withTaskGroup(of: String?.self) { group in
            for _ in 0..<count {
                group.addTask { requestID }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Starts a `Task {}` that reads ``requestID``. It copies the current
    /// bindings when it is created, so it keeps them even after the scope
    /// that created it has ended.
    public static func startUnstructuredTask() -> Task<String?, Never> {
        Task { requestID }
    }

    /// Starts a `Task.detached {}` that reads ``requestID``: it inherits
    /// nothing, so it sees the default.
    public static func startDetachedTask() -> Task<String?, Never> {
        Task.detached { requestID }
    }

    /// The pitfall, ported: Go's `context.WithValue`, an untyped bag keyed
    /// by strings. Misspell a key or assert the wrong type and you get `nil`,
    /// silently; two libraries using the same key overwrite each other.
    public struct GoStyleContext: Sendable {
        private var values: [String: any Sendable] = [:]

        public init() {}

        /// A copy of this context with `value` stored under `key`.
        public func withValue(_ key: String, _ value: any Sendable) -> GoStyleContext {
            var copy = self
            copy.values[key] = value
            return copy
        }

        /// The value under `key`, untyped: the caller must cast it.
        public func value(_ key: String) -> (any Sendable)? {
            values[key]
        }
    }
}
