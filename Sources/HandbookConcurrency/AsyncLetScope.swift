/// What happens to an `async let` that is still running when its scope ends:
/// it is cancelled, then awaited, and whatever it produced is thrown away.
///
/// ```swift
/// func profile(for id: Int) async throws -> Profile {
///     async let fresh = database.profile(id)   // the child starts here
///     if let cached = cache[id] { return cached }
///     // ↑ this return first cancels `fresh`, then waits until it finishes
///     return try await fresh
/// }
/// ```
///
/// ## Why interviewers ask this
/// `async let` looks like a future you may ignore, and candidates treat it
/// like Go's `go f()`. It is not: a child cannot outlive its scope (SE-0317).
/// When the scope ends by falling off the end, by `return` or by `throw`,
/// every child that was not awaited is *cancelled and then awaited*, so the
/// function cannot return before the child finishes. The follow-ups are the
/// consequences: why a "cache hit" path can be as slow as the load it
/// skipped (when the load ignores cancellation),
/// where the child's error went, and how that differs from `Task {}`.
///
/// ## Common pitfalls
/// - Starting a child before a check that may exit early
///   (``cachedOrLoadedStartingEarly(id:cache:load:)``). The early `return`
///   waits for the child; if the child ignores cancellation (a blocking
///   call, a wait on something that is not cancellable, work awaited through
///   an unstructured task), the fast path takes as long as the slow one.
///   Check first, start children after (``cachedOrLoaded(id:cache:load:)``).
/// - Believing `async let _ = work()` is fire-and-forget
///   (``saveForgettingTheNotification(_:write:notify:)``). The child is
///   cancelled when the scope ends, so it may never finish its job, and the
///   function still waits for it. The compiler does not warn about `_`; a named
///   `async let` that is never read gets "immutable value … was never used".
/// - Expecting an unawaited child's error to surface. It is discarded
///   silently: ``saveForgettingTheNotification(_:write:notify:)`` can only
///   ever throw the write's error. Only `try await` on the child rethrows
///   its error (``save(_:write:notify:)``).
/// - Assuming an early `throw` reaches the caller at once. The error leaves
///   the scope only after every unawaited child has finished.
///
/// ## Key takeaway
/// An `async let` child is tied to its scope: at the end it is cancelled
/// and awaited, never abandoned, and its result and error are dropped.
/// Await every child whose outcome matters, start children only once you
/// know you will use them, and make children react to cancellation so an
/// early exit stays fast. `Task {}` (``saveNotifyingInBackground(_:write:notify:)``)
/// is the opposite: not cancelled, not awaited, its error kept in the handle.
///
/// ## Go → Swift
/// Go has no scoped goroutine: `go notify(r)` outlives the function, and an
/// early `return` neither stops nor waits for it (you add a `context` and a
/// `WaitGroup` by hand, or use `errgroup`). An `async let` behaves like a
/// goroutine with the cancel and the wait deferred for you, whose
/// error is dropped unless you read it. (`defer wg.Wait()` written first,
/// then `defer cancel()`: deferred calls run last-in first-out, so cancel,
/// then wait.)
public enum AsyncLetScope {
    /// Loads a value for an id; the shape of a database or HTTP call.
    public typealias Loader<Value> = @Sendable (_ id: Int) async throws -> Value
    /// A side effect on a record: a write, a notification.
    public typealias Action = @Sendable (_ record: String) async throws -> Void

    /// The pitfall: starts the load, *then* looks in the cache.
    ///
    /// On a cache hit the `return` cancels the load and waits for it to
    /// finish; the loaded value is discarded. With a loader that ignores
    /// cancellation, a hit costs a full load.
    ///
    /// - Throws: The loader's error, on a cache miss only. On a hit the
    ///   loader's error is discarded with its result.
    public static func cachedOrLoadedStartingEarly<Value: Sendable>(
        id: Int, cache: [Int: Value], load: @escaping Loader<Value>
    ) async throws -> Value {
        async let fresh = load(id)
        if let cached = cache[id] { return cached }  // cancels `fresh`, then awaits it
        return try await fresh
    }

    /// The fix: decides first, and starts the load only when it will be used.
    ///
    /// - Throws: The loader's error, on a cache miss.
    public static func cachedOrLoaded<Value: Sendable>(
        id: Int, cache: [Int: Value], load: @escaping Loader<Value>
    ) async throws -> Value {
        if let cached = cache[id] { return cached }
        async let fresh = load(id)
        return try await fresh
    }

    /// The fix for a side effect that runs next to the main work: writes
    /// `record` and sends its notification concurrently, and awaits both.
    ///
    /// If `write` throws, the notification is cancelled and awaited before
    /// the write's error reaches the caller; its own error is then dropped,
    /// because a scope rethrows only what it awaited.
    ///
    /// - Throws: The write's error, else the notification's error.
    public static func save(_ record: String, write: Action, notify: @escaping Action) async throws {
        async let notified: Void = notify(record)
        try await write(record)
        try await notified
    }

    /// The pitfall: `async let _` as "fire and forget".
    ///
    /// When `write` returns, the scope ends: the notification is cancelled
    /// if it is still running, the function waits for it anyway, and its
    /// error vanishes: nothing in this function can observe it.
    ///
    /// - Throws: The write's error only.
    public static func saveForgettingTheNotification(
        _ record: String, write: Action, notify: @escaping Action
    ) async throws {
        async let _ = notify(record)
        try await write(record)
    }

    /// The contrast: an unstructured task really is fire-and-forget. It is
    /// not cancelled when this function returns, this function does not
    /// wait for it, and its error stays in the returned handle until someone
    /// reads `value` (or is lost if nobody does).
    ///
    /// - Throws: The write's error.
    @discardableResult
    public static func saveNotifyingInBackground(
        _ record: String, write: Action, notify: @escaping Action
    ) async throws -> Task<Void, any Error> {
        let notification = Task { try await notify(record) }
        try await write(record)
        return notification
    }
}
