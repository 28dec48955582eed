/// Isolated conformances (SE-0470, Swift 6.2): a `@MainActor` type may
/// conform to a nonisolated protocol, and the compiler keeps that
/// conformance on the main actor.
///
/// ```swift
/// @MainActor final class Dashboard { var title = "Orders" }
/// extension Dashboard: @MainActor Renderer {        // isolated conformance
///     func render() -> String { "<h1>\(title)</h1>" }  // touches main-actor state
/// }
/// @MainActor func page(_ d: Dashboard) -> [String] { renderAll([d]) }  // fine
/// @concurrent func pageOffActor(_ d: Dashboard) async -> [String] { renderAll([d]) }
/// // error [#IsolatedConformances]: main actor-isolated conformance of
/// // 'Dashboard' to 'Renderer' cannot be used in nonisolated context
/// ```
///
/// ## Why interviewers ask this
/// "My `@MainActor` model cannot conform to my protocol" is a common Swift 6
/// migration wall. Before 6.2 the ways out were `nonisolated` witnesses,
/// which cannot touch isolated state, `MainActor.assumeIsolated` inside
/// them, or a `@preconcurrency` conformance; the last two turn a compile
/// error into a crash at run time. Interviewers check whether a candidate
/// knows the 6.2 answer, what it forbids, and what
/// `InferIsolatedConformances` (an upcoming feature this package enables)
/// changes in existing code.
///
/// ## Common pitfalls
/// - Writing `extension Model: Renderer` and expecting the same meaning
///   everywhere. In plain Swift 6 mode (no upcoming features) a conformance
///   of a global-actor type is nonisolated, so main-actor witnesses are an
///   error [#ConformanceIsolation] (fixture
///   `MainActorConformanceWithoutInference.swift`). With
///   `InferIsolatedConformances`, as here, the same line *infers*
///   `@MainActor Renderer` (``StatusPage``). Write `@MainActor` explicitly
///   when the code may be read or copied into a package without the flag.
/// - Expecting an isolated conformance to work off the main actor. The
///   compiler rejects it in a nonisolated or `@concurrent` context and for
///   any generic parameter that is also `Sendable` (it could be sent away),
///   all [#IsolatedConformances] (fixture
///   `IsolatedConformanceOffTheMainActor.swift`), and an existential built
///   from it cannot be sent to another task (fixture
///   `IsolatedConformanceSentAway.swift`). A generic that also requires
///   `Sendable`, common in frameworks (`T: Encodable & Sendable`), cannot
///   take it.
/// - Dynamic casts check isolation at run time: `value as? any Renderer`
///   succeeds on the main actor and returns `nil` elsewhere
///   (``renderIfRendererOffTheMainActor(_:)``), so code that casts can
///   silently take the "not a renderer" branch.
/// - Forgetting that inference also covers synthesized conformances: under
///   `InferIsolatedConformances` a `@MainActor struct Version: Equatable` is
///   only `Equatable` on the main actor (``Version``). Write
///   `nonisolated Equatable` when a value must be compared anywhere
///   (``SharedVersion``).
/// - Keeping a pre-6.2 workaround: a `nonisolated` witness that wraps
///   `MainActor.assumeIsolated` (``LegacyDashboard``) or a `@preconcurrency`
///   conformance (``PreconcurrencyDashboard``) compiles everywhere and traps
///   at run time when called off the main actor.
///
/// ## Key takeaway
/// `extension T: @MainActor P` says "`T` is a `P`, but only on the main
/// actor"; the compiler enforces it statically, and dynamic casts enforce
/// it at run time. Use it for protocols whose witnesses need isolated
/// state; use `nonisolated P` with nonisolated witnesses over immutable
/// data (``Banner``) when the conformance must work everywhere.
///
/// ## Go → Swift
/// Go interfaces are satisfied structurally and carry no notion of which
/// goroutine may call them; whether `Render()` may run concurrently is a
/// comment, and the race detector finds the violations at run time. Swift
/// records "callable only on the main actor" in the conformance itself.
public enum IsolatedConformances {
    /// A nonisolated protocol, as most protocols are: it says nothing about
    /// actors.
    public protocol Renderer {
        /// Markup for this value.
        func render() -> String
    }

    /// Main-actor state that renders itself: the SE-0470 conformance is
    /// declared explicitly in an extension below (`@MainActor Renderer`).
    @MainActor public final class Dashboard {
        /// The page title.
        public var title: String
        /// How many times ``render()`` ran: main-actor state the witness mutates.
        public private(set) var renderCount = 0

        public init(title: String) {
            self.title = title
        }

        func markRendered() {
            renderCount += 1
        }
    }

    /// The same shape with a bare `: Renderer`. This package enables
    /// `InferIsolatedConformances`, so the conformance is inferred to be
    /// `@MainActor Renderer`; in plain Swift 6 mode this declaration does
    /// not compile.
    @MainActor public final class StatusPage: Renderer {
        /// The status shown.
        public var status: String

        public init(status: String) {
            self.status = status
        }

        public func render() -> String {
            "<p>\(status)</p>"
        }
    }

    /// The pre-6.2 workaround: a `nonisolated` witness that asserts it is on
    /// the main actor. The conformance is nonisolated, so the compiler lets
    /// any code use it, and the assertion traps when that code is not on the
    /// main actor.
    @MainActor public final class LegacyDashboard: Renderer {
        /// The page title.
        public var title: String

        public init(title: String) {
            self.title = title
        }

        public nonisolated func render() -> String {
            MainActor.assumeIsolated { "<h1>\(title)</h1>" }
        }
    }

    /// The other pre-6.2 escape hatch: a `@preconcurrency` conformance. The
    /// witness stays main-actor isolated; the compiler accepts every use and
    /// inserts a run-time check that traps off the main actor.
    @MainActor public final class PreconcurrencyDashboard: @preconcurrency Renderer {
        /// The page title.
        public var title: String

        public init(title: String) {
            self.title = title
        }

        public func render() -> String {
            "<h1>\(title)</h1>"
        }
    }

    /// The opt-out: `nonisolated Renderer`, satisfied by a nonisolated
    /// witness over immutable `Sendable` data, works on any executor.
    @MainActor public final class Banner: nonisolated Renderer {
        /// Immutable, so any executor may read it.
        public nonisolated let text: String

        public nonisolated init(text: String) {
            self.text = text
        }

        public nonisolated func render() -> String {
            "<marquee>\(text)</marquee>"
        }
    }

    /// A main-actor value type with a synthesized `Equatable`. Under
    /// `InferIsolatedConformances` that conformance is main-actor isolated:
    /// `==` is available only on the main actor.
    @MainActor public struct Version: Equatable {
        /// Incremented for breaking changes.
        public var major: Int
        /// Incremented for compatible changes.
        public var minor: Int

        public init(major: Int, minor: Int) {
            self.major = major
            self.minor = minor
        }
    }

    /// The fix for ``Version``: `nonisolated Equatable` keeps the
    /// synthesized `==` usable on any executor.
    @MainActor public struct SharedVersion: nonisolated Equatable {
        /// Incremented for breaking changes.
        public var major: Int
        /// Incremented for compatible changes.
        public var minor: Int

        public init(major: Int, minor: Int) {
            self.major = major
            self.minor = minor
        }
    }

    /// Renders every item in order.
    ///
    /// A nonisolated generic: it runs wherever it is called, so main-actor
    /// code may pass it a type whose conformance is `@MainActor`.
    ///
    /// - Complexity: O(*n*) calls to `render()`.
    public static func renderAll<Item: Renderer>(_ items: [Item]) -> [String] {
        items.map { $0.render() }
    }

    /// Renders `value` if it is a ``Renderer`` *here*, in the caller's
    /// isolation; `nil` otherwise.
    public static func renderIfRenderer(_ value: Any) -> String? {
        (value as? any Renderer)?.render()
    }

    /// The same cast, always performed on the global concurrent executor.
    /// An isolated conformance does not apply there, so a main-actor
    /// renderer comes back as `nil`.
    @concurrent public static func renderIfRendererOffTheMainActor(_ value: any Sendable) async -> String? {
        (value as? any Renderer)?.render()
    }

    /// Whether `value` is `Equatable` when asked on the global concurrent
    /// executor.
    @concurrent public static func isEquatableOffTheMainActor(_ value: any Sendable) async -> Bool {
        value is any Equatable
    }
}

extension IsolatedConformances.Dashboard: @MainActor IsolatedConformances.Renderer {
    /// Reads and mutates main-actor state: possible only because the
    /// conformance itself is isolated to the main actor.
    public func render() -> String {
        markRendered()
        return "<h1>\(title)</h1>"
    }
}
