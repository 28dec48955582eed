/// `Mirror` reflects a value's stored properties at run time, read-only;
/// rules that Go keeps in struct tags live in types (property wrappers) and
/// writes go through key paths or `Codable`.
///
/// ```swift
/// let config = Config(host: "localhost", port: 8080, mode: nil)
/// Mirror(reflecting: config).children.map(\.label)  // ["host", "port", "mode"]
///
/// struct Settings { @Required var host: String }
/// MirrorReflection.validate(Settings(host: ""))     // ["field 'host' is required"]
/// ```
///
/// ## Why interviewers ask this
/// Go code leans on `reflect` for encoding, validation and dependency
/// injection, and interviewers probe whether you know what Swift offers
/// instead and why it offers less. `Mirror` powers `dump`, the default
/// `print` output of a struct and `String(reflecting:)`, but it cannot set
/// fields or call methods. Swift's answers are compile-time: `Codable`
/// synthesis, key paths, property wrappers and macros.
///
/// ## Common pitfalls
/// - Expecting `Mirror` to write: there is no `Set` or `Call`; `children`
///   hold copies of the values (of references, for objects), and its
///   subscript is get-only.
/// - Forgetting that a wrapped property `@Required var host` is stored as
///   `_host`: a Mirror sees the wrapper, with the underscore label.
/// - Looking for inherited properties in a class's `children`: they are on
///   `superclassMirror`, one level per superclass.
/// - Treating an `Optional` child as its payload: it is a value with
///   `displayStyle == .optional` and zero or one child.
/// - Walking object graphs without a depth limit: classes can form cycles.
/// - Using `Mirror` on a hot path: it boxes every child into `Any`.
///
/// ## Key takeaway
/// Use `Mirror` to *look* (debug output, generic diagnostics, a validator that
/// recognises a protocol); use key paths, `Codable` or macros to *do*. Put
/// the rule in a type, not in a string tag, so the compiler checks it.
///
/// ## Go → Swift
/// Go's `WalkStruct` becomes ``walk(_:maxDepth:)`` over `Mirror.children`, and
/// Swift sees every stored property, not only exported ones. Go's
/// `ValidateStruct` reads `required:"true"` tags; here ``Required`` and
/// ``InRange`` wrappers carry the rule and ``validate(_:)`` recognises their
/// ``FieldRule`` protocol. Go's `reflect.Value.FieldByName(…).Set…` becomes
/// a table of `WritableKeyPath`s (``applyOverrides(_:to:)``), checked by the
/// compiler; decoding a whole configuration is `Codable`'s job.
public enum MirrorReflection {
    // MARK: Plain values to reflect

    /// A database configuration with an optional field.
    public struct Config: Equatable, Sendable {
        public var host: String
        public var port: Int
        public var mode: String?

        public init(host: String, port: Int, mode: String?) {
            self.host = host
            self.port = port
            self.mode = mode
        }
    }

    /// A struct that nests another: the walk recurses into `conf`.
    public struct Server: Equatable, Sendable {
        public var name: String
        public var conf: Config

        public init(name: String, conf: Config) {
            self.name = name
            self.conf = conf
        }
    }

    /// A base class: its field is only visible through `superclassMirror`.
    public class Animal {
        public let name: String

        public init(name: String) {
            self.name = name
        }
    }

    /// A subclass: its own `children` are its own fields only.
    public final class Dog: Animal {
        public let breed: String

        public init(name: String, breed: String) {
            self.breed = breed
            super.init(name: name)
        }
    }

    // MARK: Reading with Mirror

    /// The labels of `value`'s stored properties, in declaration order.
    public static func labels(of value: Any) -> [String] {
        Mirror(reflecting: value).children.map { $0.label ?? "" }
    }

    /// The labels of an object's stored properties including inherited
    /// ones, base class first: `children` alone stops at the subclass.
    public static func allLabels(of value: Any) -> [String] {
        var mirrors: [Mirror] = []
        var mirror: Mirror? = Mirror(reflecting: value)
        while let current = mirror {
            mirrors.append(current)
            mirror = current.superclassMirror
        }
        return mirrors.reversed().flatMap { $0.children.map { $0.label ?? "" } }
    }

    /// Go's `WalkStruct`: one line per stored property, nested structs and
    /// classes indented two spaces per level, optionals unwrapped.
    ///
    /// - Parameter maxDepth: how deep to recurse; object graphs may be cyclic.
    /// - Complexity: O(number of properties reached).
    public static func walk(_ value: Any, maxDepth: Int = 8) -> [String] {
        var lines: [String] = []
        walk(Mirror(reflecting: value), indent: 0, maxDepth: maxDepth, into: &lines)
        return lines
    }

    private static func walk(_ mirror: Mirror, indent: Int, maxDepth: Int, into lines: inout [String]) {
        if let parent = mirror.superclassMirror {
            walk(parent, indent: indent, maxDepth: maxDepth, into: &lines)
        }
        let padding = String(repeating: " ", count: indent * 2)
        for child in mirror.children {
            let label = child.label ?? "_"
            let value = unwrapped(child.value)
            let nested = Mirror(reflecting: value)
            let isComposite = nested.displayStyle == .struct || nested.displayStyle == .class
            if isComposite, indent < maxDepth {
                lines.append("\(padding)\(label):")
                walk(nested, indent: indent + 1, maxDepth: maxDepth, into: &lines)
            } else {
                lines.append("\(padding)\(label): \(value)")
            }
        }
    }

    /// The payload of an `Optional` inside an `Any` (nested optionals too),
    /// or the string "nil". `Any` hides the optional from `if let`, so ask
    /// the Mirror; any other value is returned unchanged.
    public static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        guard let payload = mirror.children.first?.value else { return "nil" }
        return unwrapped(payload)
    }

    // MARK: Validation: the rule lives in a type, not in a tag

    /// A property wrapper that can judge its own value. ``validate(_:)``
    /// finds wrappers through `Mirror` and asks this protocol.
    public protocol FieldRule {
        /// A message naming `field` if the rule is broken, otherwise nil.
        func violation(field: String) -> String?
    }

    /// Go's `required:"true"` tag: the field must not be empty.
    @propertyWrapper
    public struct Required<Value: Collection>: FieldRule {
        public var wrappedValue: Value

        public init(wrappedValue: Value) {
            self.wrappedValue = wrappedValue
        }

        public func violation(field: String) -> String? {
            wrappedValue.isEmpty ? "field '\(field)' is required" : nil
        }
    }

    /// A rule Go's tag example lacked: the value must lie in `range`.
    @propertyWrapper
    public struct InRange<Value: Comparable>: FieldRule {
        public var wrappedValue: Value
        public let range: ClosedRange<Value>

        public init(wrappedValue: Value, _ range: ClosedRange<Value>) {
            self.wrappedValue = wrappedValue
            self.range = range
        }

        public func violation(field: String) -> String? {
            range.contains(wrappedValue) ? nil : "field '\(field)' must be in \(range), got \(wrappedValue)"
        }
    }

    /// A configuration whose rules are declared with wrappers.
    public struct ValidatedConfig {
        @Required public var host: String
        @InRange(1...65_535) public var port: Int = 8080
        @Required public var tags: [String]
        public var mode: String?

        public init(host: String, port: Int, tags: [String], mode: String? = nil) {
            self.host = host
            self.port = port
            self.tags = tags
            self.mode = mode
        }
    }

    /// A service whose nested configuration is validated too.
    public struct Service {
        @Required public var name: String
        public var database: ValidatedConfig

        public init(name: String, database: ValidatedConfig) {
            self.name = name
            self.database = database
        }
    }

    /// Go's `ValidateStruct`: every broken ``FieldRule`` in `value` and in the
    /// structs it holds, as messages in declaration order (empty when valid).
    ///
    /// - Complexity: O(number of properties reached).
    public static func validate(_ value: Any) -> [String] {
        var problems: [String] = []
        for child in Mirror(reflecting: value).children {
            let label = child.label ?? "_"
            if let rule = child.value as? any FieldRule {
                // The wrapper's storage is `_host`; report the property's name.
                let field = label.hasPrefix("_") ? String(label.dropFirst()) : label
                if let problem = rule.violation(field: field) {
                    problems.append(problem)
                }
            } else if Mirror(reflecting: child.value).displayStyle == .struct {
                problems += validate(child.value)
            }
        }
        return problems
    }

    // MARK: Writing: key paths instead of reflect.Value.Set

    /// Why an override could not be applied.
    public enum OverrideError: Error, Equatable {
        case unknownField(String)
        case invalidValue(field: String, value: String)
    }

    /// Applies string overrides (say, from environment variables) to a
    /// `Config` by field name: Go's `FieldByName(name).SetString(v)`, but each
    /// name maps to a `WritableKeyPath` the compiler has type-checked, so no
    /// write can hit a missing field or the wrong type.
    ///
    /// - Throws: ``OverrideError`` for an unknown name or an unparsable value.
    public static func applyOverrides(
        _ overrides: [String: String], to config: Config
    ) throws(OverrideError) -> Config {
        let strings: [String: WritableKeyPath<Config, String>] = ["host": \.host]
        let integers: [String: WritableKeyPath<Config, Int>] = ["port": \.port]
        let optionals: [String: WritableKeyPath<Config, String?>] = ["mode": \.mode]
        var result = config
        for (field, text) in overrides.sorted(by: { $0.key < $1.key }) {
            if let keyPath = strings[field] {
                result[keyPath: keyPath] = text
            } else if let keyPath = integers[field] {
                guard let number = Int(text) else { throw .invalidValue(field: field, value: text) }
                result[keyPath: keyPath] = number
            } else if let keyPath = optionals[field] {
                result[keyPath: keyPath] = text.isEmpty ? nil : text
            } else {
                throw .unknownField(field)
            }
        }
        return result
    }
}
