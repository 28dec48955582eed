import Foundation
import Synchronization

/// `Sendable`, region-based isolation and `sending`: what may cross from one
/// task or actor to another, and why a non-`Sendable` object sometimes may.
///
/// ```swift
/// let draft = SendableAndRegionIsolation.Draft(lines: ["hello"])  // not Sendable
/// draft.lines.append("world")
/// await outbox.submit(draft)   // compiles: `draft` is disconnected and never used again
/// // draft.lines.append("!")   // error [#SendingRisksDataRace]: it now belongs to the actor
/// ```
///
/// ## Why interviewers ask this
/// Every Swift 6 migration hits "non-Sendable type … cannot cross an
/// isolation boundary". Interviewers want the model behind the error:
/// `Sendable` types may be shared; a non-`Sendable` value may still be
/// *transferred* when the compiler can prove nobody else can reach it
/// (SE-0414 regions), and `sending` (SE-0430) writes that promise into a
/// signature. Knowing when `@unchecked Sendable` is honest, and when it
/// hides a race, separates those who fixed warnings from those who
/// understood them.
///
/// ## Common pitfalls
/// - Making every class `@unchecked Sendable` to silence errors. It is a
///   manual proof: justified only when a lock (or true immutability) protects
///   every stored property (``DraftDesk``); otherwise it is the race in
///   `concurrency.data-race-safety`. Prefer `Mutex`, which takes its value as
///   `sending` and is `Sendable` for any value (``SharedDraft``).
/// - Expecting a struct to be `Sendable` because structs are values. Its
///   stored properties must all be `Sendable`: a struct holding a mutable
///   class is not (fixture `StructWithClassMember.swift`). Public non-frozen
///   structs and enums are never inferred across modules; declare `: Sendable`
///   (``ServerSettings``).
/// - Touching a value after sending it: the compiler tracks the region and
///   rejects the later use ([#SendingRisksDataRace]).
/// - Confusing `@Sendable` and `sending` closures. `@Sendable` may run many
///   times, concurrently, so it may only capture `Sendable` values
///   (``runConcurrently(times:_:)``). A `sending` closure is handed over
///   once, so it may capture non-`Sendable` state nobody else uses
///   (``runInNewTask(_:)``, which is how `Task.init` is declared).
/// - Returning a fresh non-`Sendable` object from an actor without
///   `sending`: the caller cannot take it out of the actor's region
///   (``DraftFactory/makeDraft(title:)``).
/// - `nonisolated(unsafe) var` on a global: like `@unchecked`, it switches
///   the checker off for that variable and leaves it to TSan.
///
/// ## Key takeaway
/// `Sendable` means "safe to share"; `sending` means "safe to hand over
/// once". Region-based isolation lets fresh, unshared non-`Sendable` values
/// move between tasks and actors without locks or copies, and the compiler
/// proves it; reach for `@unchecked` only with a lock and a comment.
///
/// ## Go → Swift
/// Go passes anything through a channel and relies on the convention "after
/// you send a pointer, stop using it"; `go test -race` catches the
/// violations it happens to see. Swift's region analysis *is* that
/// convention, checked at compile time: sending a value ends the sender's
/// access to it. Go has no equivalent of `Sendable`; sharing without a mutex
/// is allowed and racy.
public enum SendableAndRegionIsolation {
    /// A mutable, non-`Sendable` object: what region isolation is about.
    public final class Draft {
        public var lines: [String]

        public init(lines: [String] = []) {
            self.lines = lines
        }
    }

    /// An actor that takes ownership of the drafts sent to it.
    public actor Outbox {
        private var drafts: [Draft] = []

        public init() {}

        /// Takes `draft`. Callers outside the actor may pass a non-`Sendable`
        /// `Draft` only if it is disconnected (nothing else refers to it) and
        /// they never touch it again: it joins the actor's region.
        public func submit(_ draft: Draft) {
            drafts.append(draft)
        }

        /// Appends to every draft the actor owns (safe: they are actor-isolated).
        public func sign(_ signature: String) {
            for draft in drafts { draft.lines.append(signature) }
        }

        /// Copies of the submitted drafts' lines (`[String]` is `Sendable`).
        public var submittedLines: [[String]] { drafts.map(\.lines) }
    }

    /// An actor that creates drafts for others.
    public actor DraftFactory {
        public private(set) var made = 0

        public init() {}

        /// A new draft the caller owns outright.
        ///
        /// `sending` promises the result is disconnected from the actor's
        /// state, so the caller may use it outside the actor or send it on to
        /// another task. Without `sending`, a non-`Sendable` result stays in
        /// the actor's region and cannot leave it.
        public func makeDraft(title: String) -> sending Draft {
            made += 1
            return Draft(lines: ["# \(title)"])
        }
    }

    /// Runs `body` once in a new task and returns its result.
    ///
    /// The closure is `sending`: it is handed over, never shared, so it may
    /// capture non-`Sendable` state the caller no longer uses.
    public static func runInNewTask<Result: Sendable>(
        _ body: sending @escaping () async -> Result
    ) async -> Result {
        await Task { await body() }.value
    }

    /// Runs `body` `times` times concurrently and returns the results.
    ///
    /// The closure is `@Sendable`: several child tasks call it at once, so
    /// it may capture only `Sendable` values.
    ///
    /// - Precondition: `times >= 0`.
    public static func runConcurrently<Result: Sendable>(
        times: Int, _ body: @escaping @Sendable () async -> Result
    ) async -> [Result] {
        precondition(times >= 0, "times must not be negative, got \(times)")
        return await withTaskGroup(of: Result.self, returning: [Result].self) { group in
            for _ in 0..<times { group.addTask { await body() } }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Immutable shared configuration: a final class with only `let`
    /// properties of `Sendable` types is checked `Sendable`.
    public final class ConnectionLimits: Sendable {
        public let maxConnections: Int

        public init(maxConnections: Int) {
            self.maxConnections = maxConnections
        }
    }

    /// A struct is `Sendable` when all its stored properties are. `public`
    /// types must say so explicitly; only internal ones are inferred.
    public struct ServerSettings: Sendable, Equatable {
        public var name: String
        public var limits: ConnectionLimits

        public init(name: String, limits: ConnectionLimits) {
            self.name = name
            self.limits = limits
        }

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.name == rhs.name && lhs.limits.maxConnections == rhs.limits.maxConnections
        }
    }

    /// The modern way to share a non-`Sendable` object: `Mutex` takes it as
    /// `sending` and is `Sendable` whatever it holds. No `@unchecked`.
    public final class SharedDraft: Sendable {
        private let draft = Mutex(Draft())

        public init() {}

        public func append(_ line: String) {
            draft.withLock { $0.lines.append(line) }
        }

        public var lines: [String] { draft.withLock { $0.lines } }
    }

    /// A justified `@unchecked Sendable`: a non-`Sendable` object used only
    /// under a lock.
    ///
    /// `@unchecked` is sound because `draft` is private and every access
    /// holds `lock`; TSan understands `NSLock`, so it can verify the claim.
    /// Without the lock the same declaration still compiles, which is the
    /// danger: the compiler no longer checks anything here.
    public final class DraftDesk: @unchecked Sendable {
        private let lock = NSLock()
        private let draft = Draft()

        public init() {}

        public func append(_ line: String) {
            lock.withLock { draft.lines.append(line) }
        }

        public var lines: [String] { lock.withLock { draft.lines } }
    }
}
