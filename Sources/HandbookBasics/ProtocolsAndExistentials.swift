/// Protocols and existentials: a protocol is Go's interface, `any P` is the
/// boxed interface value, `some P` is a hidden concrete type, and `Any` with
/// `as?`/`is`/`switch` is `interface{}` with type assertions.
///
/// ```swift
/// typealias P = ProtocolsAndExistentials
/// let band: [any P.Speaker] = [P.Dog(), P.Cat()]  // boxed, mixed types
/// band.map { $0.speak() }                         // ["Woof!", "Meow!"]
/// let value: Any = 42
/// value as? String                                // nil: Go's v, ok := x.(string)
/// ```
///
/// ## Why interviewers ask this
/// Interfaces are how Go and Swift code is decoupled and tested, and the
/// questions go past syntax: what does an interface value cost (a box and a
/// witness table), when is it dynamic (`any`) and when static (`some`,
/// generics), how do type assertions work, and what is the famous "nil
/// interface that is not nil" trap and does Swift have it.
///
/// ## Common pitfalls
/// - Writing `any P` where `some P` or a generic would do: an `any P` for a
///   non-class protocol is a 3-word inline buffer plus type metadata plus one
///   witness table per protocol (40 bytes for one protocol on 64-bit), its
///   calls are dynamic, and values too large for the buffer go to the heap. Prefer `some P` unless the array really
///   holds mixed types.
/// - `as!` on the wrong type traps (``assumeString(_:)``); use `as?` and
///   handle `nil` (``asString(_:)``).
/// - An `Optional` hidden in `Any`: `Int?.none as Any` is a non-nil `Any`
///   holding a nil. `== nil` on an `Any?` cannot see inside the box
///   (``lookupBoxed(_:in:)``, ``isNilNaive(_:)``), while `as? Int` quietly
///   unwraps it to `nil`. Don't erase optionals into `Any`; if you must,
///   look inside (``isNil(_:)``).
/// - Ordering type-switch cases carelessly: the first matching `case` wins,
///   so a protocol case (`as any Speaker`) before `as Dog` hides it.
///
/// ## Key takeaway
/// Conformance is declared (nominal), possibly in an extension added later.
/// `some P` keeps one concrete type and static dispatch; `any P` erases the
/// type into a box for heterogeneous storage. `Any`/`AnyObject` are the
/// empty interface; `as?` is the comma-ok assertion, `as!` the panicking one,
/// and `switch` with `case let x as T` the type switch.
///
/// ## Go → Swift
/// Go satisfies interfaces implicitly; Swift needs `: Speaker` (in the type
/// or a later extension). Go's `interface{}`/`any` is `Any` (`AnyObject` for
/// class instances only). `v, ok := x.(T)` is `x as? T`; `x.(T)` is `x as! T`;
/// `switch v := x.(type)` is `switch x { case let v as T: ... }`. Go's typed
/// nil (a nil `*T` stored in an `error` makes `err != nil` true) has no exact
/// twin, because a Swift existential cannot hold a nil reference; its cousin
/// is an `Optional` boxed in `Any`.
public enum ProtocolsAndExistentials {
    /// Go's `type Speaker interface { Speak() string }`.
    public protocol Speaker {
        func speak() -> String
    }

    /// A second capability, composed with `Speaker` as `Speaker & Mover`.
    public protocol Mover {
        func move() -> String
    }

    /// A class-only protocol: its existential is a reference plus one
    /// witness table, smaller than a general `any P`.
    public protocol Listener: AnyObject {
        func hear(_ message: String)
    }

    public struct Dog: Speaker, Sendable {
        public init() {}
        public func speak() -> String { "Woof!" }
    }

    public struct Cat: Speaker, Sendable {
        public init() {}
        public func speak() -> String { "Meow!" }
    }

    public struct Robot: Speaker, Mover, Sendable {
        public init() {}
        public func speak() -> String { "Beep." }
        public func move() -> String { "Rolls forward." }
    }

    /// Declared without conformance; the extension below adds it later, as a
    /// retroactive conformance would for a type you do not own.
    public struct Doorbell: Sendable {
        public init() {}
    }

    /// Records what it hears; conforms to the class-only ``Listener``.
    public final class Recorder: Listener {
        public private(set) var heard: [String] = []
        public init() {}
        public func hear(_ message: String) { heard.append(message) }
    }

    // MARK: any vs some

    /// Heterogeneous storage needs the box: each element may be a different
    /// concrete type.
    /// - Complexity: O(n), one dynamic call per element.
    public static func chorus(_ speakers: [any Speaker]) -> [String] {
        speakers.map { $0.speak() }
    }

    /// An opaque return: callers see `some Speaker`, the compiler knows it is
    /// always a `Dog`, and no box is needed.
    public static func favouriteSpeaker() -> some Speaker {
        Dog()
    }

    /// A composed requirement, checked statically (`some` parameter = generic).
    public static func perform(_ performer: some Speaker & Mover) -> String {
        "\(performer.speak()) \(performer.move())"
    }

    /// Plays `message` to every listener. `any Listener` is class-only, so
    /// every element is a reference.
    public static func broadcast(_ message: String, to listeners: [any Listener]) {
        for listener in listeners {
            listener.hear(message)
        }
    }

    // MARK: Any and type assertions

    /// Go's type switch. The first matching case wins.
    public static func describe(_ value: Any) -> String {
        switch value {
        case let text as String: "String: \(text)"
        case let number as Int: "Int: \(number)"
        case let flag as Bool: "Bool: \(flag)"
        case let speaker as any Speaker: "Speaker: \(speaker.speak())"
        default: "Unknown type: \(type(of: value))"
        }
    }

    /// Go's `s, ok := value.(string)`: `nil` when the dynamic type differs.
    public static func asString(_ value: Any) -> String? {
        value as? String
    }

    /// The pitfall: Go's unchecked `value.(string)`.
    /// - Precondition: `value` holds a `String`; anything else **traps**.
    public static func assumeString(_ value: Any) -> String {
        value as! String
    }

    /// A type assertion to a protocol: does the value conform to `Speaker`?
    public static func speech(of value: Any) -> String? {
        (value as? any Speaker)?.speak()
    }

    // MARK: Optional inside Any (the cousin of Go's typed nil)

    /// The pitfall: erases an `Int?` into `Any` before wrapping it in `Any?`.
    /// A missing key therefore comes back as a *non-nil* `Any` that holds nil.
    public static func lookupBoxed(_ key: String, in table: [String: Int]) -> Any? {
        let found: Int? = table[key]
        return found as Any
    }

    /// The fix: convert `Int?` to `Any?` directly; Swift maps `.none` to `.none`.
    public static func lookup(_ key: String, in table: [String: Int]) -> Any? {
        table[key]
    }

    /// The pitfall: `== nil` looks at the outer optional only.
    public static func isNilNaive(_ value: Any?) -> Bool {
        value == nil
    }

    /// The fix: also looks inside the box for an `Optional` that is `.none`.
    public static func isNil(_ value: Any?) -> Bool {
        guard let value else { return true }
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }
}

extension ProtocolsAndExistentials.Doorbell: ProtocolsAndExistentials.Speaker {
    public func speak() -> String { "Ding dong." }
}
