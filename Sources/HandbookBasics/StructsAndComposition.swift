/// Structs and composition: value types with memberwise initializers,
/// `mutating` methods instead of pointer receivers, and key-path forwarding
/// instead of embedding.
///
/// ```swift
/// var ada = StructsAndComposition.Person(name: "Ada", age: 36)
/// ada.updateAge(to: 37)                  // mutating: Go's pointer receiver
/// var staff = StructsAndComposition.Employee(person: ada, company: "ACME")
/// staff.name                             // "Ada", forwarded like a promoted field
/// staff.age += 1                         // writes through to staff.person.age
/// ```
///
/// ## Why interviewers ask this
/// Go developers reach for a struct, a pointer receiver and embedding; Swift
/// has all three ideas under different names and with stricter rules.
/// Interviewers check that you know why a method must be `mutating` to change
/// `self`, why that is impossible on a `let`, how to get "promoted fields"
/// without inheritance, and what the compiler synthesizes for you.
///
/// ## Common pitfalls
/// - Go's value-receiver bug (`func (p Person) SetAge(a int)` silently
///   changes a copy) cannot be written in Swift: a non-mutating method that
///   assigns to a property is a compile error. The non-mutating way is to
///   return a changed copy (``Person/withAge(_:)``).
/// - Calling a `mutating` method on a `let` constant: a compile error, not a
///   silent copy.
/// - Forwarding with a read-only `KeyPath`: `employee.name` then reads but
///   cannot be assigned. Use `WritableKeyPath` and a setter to write through.
/// - Hand-writing `==` and `hash(into:)` and then adding a stored property
///   but forgetting it in one of them. Let the compiler synthesize both.
/// - Expecting an empty struct to take no room in an array: its size is 0
///   but its stride is 1.
///
/// ## Key takeaway
/// A struct is a value with its own copy per variable; `mutating` marks the
/// methods that replace `self`, and the compiler enforces that only `var`s
/// call them. Composition is stored properties plus explicit forwarding;
/// `@dynamicMemberLookup` with `WritableKeyPath` gives Go's promoted fields
/// with type checking.
///
/// ## Go → Swift
/// Go's pointer receiver (`func (p *Person) UpdateAge`) is a `mutating func`;
/// the value receiver is a plain `func`, which cannot assign to `self`'s
/// properties. Go's embedding (`type Employee struct { Person; Company string }`)
/// becomes a stored `person` plus `@dynamicMemberLookup`. Struct tags become
/// `CodingKeys` (Intermediate). Go's `struct{}` (size 0) is an empty struct of
/// size 0 and stride 1. Anonymous structs map to labelled tuples.
public enum StructsAndComposition {
    /// A plain value type. `Hashable` (and so `Equatable`) is synthesized
    /// from every stored property.
    public struct Person: Hashable, Sendable {
        public var name: String
        public var age: Int

        public init(name: String, age: Int) {
            self.name = name
            self.age = age
        }

        /// A computed property: derived on every read, never stored.
        public var isAdult: Bool { age >= 18 }

        /// Go's value receiver: reads `self`, cannot change it.
        public func greeting() -> String {
            "Hi, I'm \(name), \(age)"
        }

        /// The non-mutating way to "update": return a changed copy.
        public func withAge(_ newAge: Int) -> Person {
            var copy = self
            copy.age = newAge
            return copy
        }

        /// Go's pointer receiver: replaces this variable's value in place.
        /// Only callable on a `var`.
        public mutating func updateAge(to newAge: Int) {
            age = newAge
        }
    }

    /// Composition with forwarding: every `Person` property is reachable as
    /// `employee.<name>`, for reads and writes, like Go's promoted fields.
    @dynamicMemberLookup
    public struct Employee: Hashable, Sendable {
        public var person: Person
        public var company: String

        public init(person: Person, company: String) {
            self.person = person
            self.company = company
        }

        /// Forwards `employee.name`, `employee.age`, `employee.isAdult`...
        /// A `WritableKeyPath` makes the stored ones assignable too.
        public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Person, Value>) -> Value {
            get { person[keyPath: keyPath] }
            set { person[keyPath: keyPath] = newValue }
        }

        /// Forwards read-only members such as the computed `isAdult`.
        public subscript<Value>(dynamicMember keyPath: KeyPath<Person, Value>) -> Value {
            person[keyPath: keyPath]
        }
    }

    /// Go's `struct{}`: a type with no stored properties, used as a marker.
    public struct Marker: Hashable, Sendable {
        public init() {}
    }

    /// Returns two results as a labelled tuple: an anonymous struct.
    /// - Precondition: `divisor != 0`.
    public static func divide(_ dividend: Int, by divisor: Int) -> (quotient: Int, remainder: Int) {
        precondition(divisor != 0, "cannot divide \(dividend) by zero")
        return (dividend / divisor, dividend % divisor)
    }
}
