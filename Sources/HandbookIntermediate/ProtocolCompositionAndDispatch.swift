/// Protocol composition and dispatch: protocols combine like Go's embedded
/// interfaces, but only a protocol's *requirements* are dynamically dispatched.
///
/// ```swift
/// struct Dog: Describable, LabelledByExtension {
///     var name = "Rex"
///     func describe() -> String { "Dog \(name)" }
///     func label() -> String { "Dog \(name)" }
/// }
/// (Dog() as any Describable).describe()        // "Dog Rex": a requirement, witness table
/// (Dog() as any LabelledByExtension).label()   // "thing Rex": extension-only, static
/// ```
///
/// ## Why interviewers ask this
/// Protocol-oriented design is Swift's answer to Go's small interfaces, and
/// the interviewer wants to know you can compose them (`Named & Greeter`),
/// give them default behaviour in extensions, and predict which method runs.
/// The classic question is the dispatch gotcha: a method written only in a
/// protocol extension is chosen from the *static* type, so the same value
/// answers differently through `Dog` and through `any P`. Conditional
/// conformance (`[Dog]` is a `Speaker` because `Dog` is) and the `mutating`
/// rules (Swift's counterpart of Go's method sets) complete the picture.
///
/// ## Common pitfalls
/// - "Overriding" an extension-only method in a conforming type. It is not an
///   override: through `any P` or a generic `T: P` the extension still runs.
///   Declare the method in the protocol body to make it a customization point.
/// - Assuming a default implementation is used only when the type is silent:
///   a type's method with a *slightly different signature* (another argument
///   label, a different return type) does not witness the requirement, and
///   the default quietly wins.
/// - Expecting `[Rock]` to gain `Speaker` methods because `Array` conforms
///   "conditionally": the conformance exists only where `Element: Speaker`,
///   and the compiler says so.
/// - Calling a `mutating` requirement on a `let` struct. It does not compile,
///   much as a non-addressable Go value (a map element, a return value)
///   cannot call `*T` methods, and a `T` does not satisfy an interface that
///   needs them. A
///   class can witness the same requirement without `mutating` and is
///   callable through `let`, because it mutates the object, not the reference.
/// - Conforming a type you don't own to a protocol you don't own: Swift 6
///   warns until you write `@retroactive`, because if the owner adds the same
///   conformance later, two conformances collide and which one runs is undefined.
///
/// ## Key takeaway
/// Requirements go through the witness table (dynamic, per conforming type);
/// extension-only members are resolved at compile time from the static type.
/// Put anything a conforming type may customize in the protocol body, and use
/// extensions for helpers that must never vary.
///
/// ## Go → Swift
/// Go embeds interfaces (`type ReadWriter interface { Reader; Writer }`) and
/// satisfies them implicitly. Swift inherits (`protocol NamedGreeter: Named,
/// Greeter`) or composes on the spot (`any Named & Greeter`), and conformance
/// is declared. Go has no default methods, so it has no dispatch gotcha; Go's
/// method sets (value vs pointer receivers) become `mutating` and `let`/`var`.
/// Go cannot say "a slice of speakers is a speaker"; Swift's conditional
/// conformance can.
public enum ProtocolCompositionAndDispatch {
    // MARK: Composition: Go's interface embedding

    /// Something with a name.
    public protocol Named {
        var name: String { get }
    }

    /// Something that can greet.
    public protocol Greeter {
        func greet() -> String
    }

    /// Inheritance: Go's `interface { Named; Greeter }`.
    public protocol NamedGreeter: Named, Greeter {}

    /// A host conforms to the inherited protocol, so it is also `Named` and
    /// a `Greeter`.
    public struct Host: NamedGreeter, Sendable {
        public var name: String

        public init(name: String) {
            self.name = name
        }

        public func greet() -> String {
            "Welcome, I am \(name)"
        }
    }

    /// A robot conforms to both protocols separately and never mentions
    /// `NamedGreeter`.
    public struct Robot: Named, Greeter, Sendable {
        public var name: String

        public init(name: String) {
            self.name = name
        }

        public func greet() -> String {
            "BEEP \(name)"
        }
    }

    /// Composition at the use site: accepts anything that is *both* `Named`
    /// and a `Greeter`, whether or not it adopted `NamedGreeter`.
    public static func introduce(_ guest: some Named & Greeter) -> String {
        "\(guest.name) says: \(guest.greet())"
    }

    /// Whether `value`'s dynamic type conforms to the composition `Named & Greeter`.
    public static func isNamedGreeter(_ value: Any) -> Bool {
        value is any Named & Greeter
    }

    // MARK: Default implementations

    /// A requirement with a default implementation in an extension.
    public protocol Greeting {
        var name: String { get }
        func greeting() -> String
    }

    /// Uses the default `greeting()`.
    public struct QuietGuest: Greeting, Sendable {
        public var name: String

        public init(name: String) {
            self.name = name
        }
    }

    /// Provides its own `greeting()`, which replaces the default everywhere.
    public struct LoudGuest: Greeting, Sendable {
        public var name: String

        public init(name: String) {
            self.name = name
        }

        public func greeting() -> String {
            "HELLO, I AM \(name.uppercased())!"
        }
    }

    // MARK: The dispatch gotcha, then the fix

    /// The pitfall: `label()` is declared **only in an extension**, so it is
    /// not a requirement and has no witness-table entry.
    public protocol LabelledByExtension {
        var name: String { get }
    }

    /// The fix: `describe()` is a requirement (with a default in an
    /// extension), so calls through `any Describable` reach the type's own
    /// version.
    public protocol Describable {
        var name: String { get }
        func describe() -> String
    }

    /// Conforms to both protocols and implements both methods itself.
    public struct Dog: LabelledByExtension, Describable, Sendable {
        public var name: String

        public init(name: String) {
            self.name = name
        }

        /// Shadows, but does not override, ``LabelledByExtension/label()``.
        public func label() -> String {
            "Dog \(name)"
        }

        /// Witnesses the ``Describable/describe()`` requirement.
        public func describe() -> String {
            "Dog \(name)"
        }
    }

    /// Calls `label()` through a generic parameter: the constraint
    /// `LabelledByExtension` only knows the extension's method.
    public static func labelGenerically<T: LabelledByExtension>(_ value: T) -> String {
        value.label()
    }

    /// Calls `describe()` through a generic parameter: a requirement, so the
    /// witness table picks the conforming type's method.
    public static func describeGenerically<T: Describable>(_ value: T) -> String {
        value.describe()
    }

    // MARK: Conditional conformance

    /// Something that can speak.
    public protocol Speaker {
        func speak() -> String
    }

    /// A speaker.
    public struct Puppy: Speaker, Sendable {
        public init() {}

        public func speak() -> String {
            "Woof"
        }
    }

    /// Not a speaker, so an array of rocks is not one either.
    public struct Rock: Sendable {
        public init() {}
    }

    // MARK: Mutating requirements: Swift's method sets

    /// A requirement that mutates: value types must mark it `mutating`.
    public protocol Counter {
        var count: Int { get }
        mutating func increment()
    }

    /// A value type: `increment()` needs a `var`, like Go's pointer receiver
    /// needs an addressable value.
    public struct Tally: Counter, Sendable {
        public private(set) var count = 0

        public init() {}

        public mutating func increment() {
            count += 1
        }
    }

    /// A reference type witnesses the `mutating` requirement without
    /// `mutating`: it changes the object, never the reference, so a `let`
    /// constant is enough.
    public final class SharedTally: Counter {
        public private(set) var count = 0

        public init() {}

        public func increment() {
            count += 1
        }
    }

    /// Increments any counter `times` times through the protocol requirement.
    public static func bump(_ counter: inout some Counter, times: Int) {
        for _ in 0..<times {
            counter.increment()
        }
    }
}

extension ProtocolCompositionAndDispatch.Greeting {
    /// The default: used by every conforming type that does not write its own.
    public func greeting() -> String {
        "Hello, \(name)"
    }
}

extension ProtocolCompositionAndDispatch.LabelledByExtension {
    /// Extension-only, hence statically dispatched: a conforming type's own
    /// `label()` is invisible through `any LabelledByExtension` or a generic.
    public func label() -> String {
        "thing \(name)"
    }
}

extension ProtocolCompositionAndDispatch.Describable {
    /// The default for ``ProtocolCompositionAndDispatch/Describable/describe()``.
    public func describe() -> String {
        "thing \(name)"
    }
}

/// Conditional conformance: an array is a speaker exactly when its elements
/// are, so `[Puppy]` and `[[Puppy]]` speak and `[Rock]` does not.
extension Array: ProtocolCompositionAndDispatch.Speaker where Element: ProtocolCompositionAndDispatch.Speaker {
    /// Every element speaks in order, separated by spaces.
    /// - Complexity: O(*n*) in the number of elements, recursively.
    public func speak() -> String {
        map { $0.speak() }.joined(separator: " ")
    }
}
