/// Generics and constraints: write an algorithm once, and let the constraint
/// say exactly which operations it may use.
///
/// ```swift
/// func minimum<T: Comparable>(_ a: T, _ b: T) -> T { a < b ? a : b }
/// minimum(3, 7)          // 3
/// minimum("b", "a")      // "a"
///
/// var stack = Stack<String>()
/// stack.push("job")
/// stack.pop()            // "job"
/// stack.pop()            // nil, not ("", false)
/// ```
///
/// ## Why interviewers ask this
/// Generics are how Swift's standard library is built, and they are where a
/// Go developer's model is most different. Go constrains by *type sets*
/// (`~int | ~float64`); Swift constrains by *protocols* (`Comparable`,
/// `Numeric`, `BinaryInteger`, `FloatingPoint`) that name capabilities. An
/// interviewer wants to see you pick the weakest protocol that offers the
/// operations you need, use `where` clauses and associated types, and explain
/// conditional conformance and parameter packs.
///
/// ## Common pitfalls
/// - Constraining to `Equatable` and then using `<`: it does not compile.
///   Go rejects `<` on `comparable` as well; the seed's `Min[T comparable]`
///   avoided the error by never comparing and always returning `a`.
/// - Returning a "zero value plus false" from an empty container. Swift has
///   `Optional`: `pop()` returns `nil`, and `Element` needs no default.
/// - Expecting one generic `average` to suit integers and floats: integer
///   division truncates, and floating-point division by zero never traps:
///   `0.0 / 0` (the empty average) is NaN and `x / 0` is ±infinity. Write
///   one overload per numeric protocol.
/// - Reaching for `any Collection` when `some Collection<Int>` (a primary
///   associated type) keeps static types and specialisation.
/// - Declaring `Equatable` unconditionally on a generic wrapper: it only
///   works when every stored property is `Equatable`, so state it with
///   `where` (conditional conformance).
///
/// ## Key takeaway
/// A constraint is a promise in both directions: callers may pass only types
/// that conform, and the body may use only what the protocols declare. The
/// compiler checks the body once, at the definition; optimised builds
/// specialise it for concrete types wherever the body is visible (the same
/// module, or `@inlinable`).
///
/// ## Go → Swift
/// Go's `Number interface { ~int | ~float64 }` becomes a protocol bound:
/// `AdditiveArithmetic` for `sum`, `BinaryInteger` or `FloatingPoint` for
/// `average`. Go's `Map/Filter/Reduce/Contains` are already `map`, `filter`,
/// `reduce` and `contains` on `Sequence`. Go's `Stack[T]` returning
/// `(zero, false)` becomes `pop() -> Element?`. Go's dead `Min[T comparable]`
/// example is a compile-fail fixture here. Go has no associated types,
/// conditional methods or variadic generics; Swift has all three.
public enum GenericsAndConstraints {
    // MARK: Constrained functions

    /// The smaller of two values, for any `Comparable` type (`Int`, `Double`,
    /// `String`, your own types).
    public static func minimum<T: Comparable>(_ a: T, _ b: T) -> T {
        a < b ? a : b
    }

    /// The larger of two values; ties return `a`.
    public static func maximum<T: Comparable>(_ a: T, _ b: T) -> T {
        b > a ? b : a
    }

    /// The sum of a sequence. `AdditiveArithmetic` is the weakest protocol
    /// with `+` and `.zero`, so `Int`, `Double` and `Duration` all qualify.
    ///
    /// - Complexity: O(*n*).
    public static func sum<S: Sequence>(_ values: S) -> S.Element where S.Element: AdditiveArithmetic {
        values.reduce(.zero, +)
    }

    /// The sum of squares: `*` needs `Numeric`, one step up from `sum`.
    ///
    /// - Complexity: O(*n*).
    public static func sumOfSquares<S: Sequence>(_ values: S) -> S.Element where S.Element: Numeric {
        values.reduce(.zero) { $0 + $1 * $1 }
    }

    /// The integer mean, truncated toward zero; 0 for an empty array (the
    /// division would trap).
    ///
    /// - Complexity: O(*n*).
    public static func average<T: BinaryInteger>(_ values: [T]) -> T {
        guard !values.isEmpty else { return 0 }
        return sum(values) / T(values.count)
    }

    /// The floating-point mean; 0 for an empty array (the division would
    /// quietly produce NaN).
    ///
    /// - Complexity: O(*n*).
    public static func average<T: FloatingPoint>(_ values: [T]) -> T {
        guard !values.isEmpty else { return 0 }
        return sum(values) / T(values.count)
    }

    // MARK: A generic container with an associated type

    /// A container that hands items back out. `Item` is an associated type;
    /// the angle brackets make it a *primary* associated type, so callers can
    /// write `some ItemContainer<String>`.
    public protocol ItemContainer<Item> {
        associatedtype Item
        var count: Int { get }
        mutating func push(_ item: Item)
        mutating func pop() -> Item?
    }

    /// A last-in, first-out stack of any element type.
    public struct Stack<Element>: ItemContainer {
        private var elements: [Element] = []

        public init() {}

        /// The number of elements.
        public var count: Int { elements.count }

        /// Whether the stack holds no elements.
        public var isEmpty: Bool { elements.isEmpty }

        /// The element `pop()` would return, without removing it.
        public var top: Element? { elements.last }

        /// Pushes `item` on top.
        ///
        /// - Complexity: amortised O(1).
        public mutating func push(_ item: Item) {
            elements.append(item)
        }

        /// Removes and returns the top element, or `nil` when the stack is
        /// empty. No zero value is needed, so `Element` can be any type.
        ///
        /// - Complexity: O(1).
        public mutating func pop() -> Element? {
            elements.popLast()
        }
    }

    /// Drains any container of `String`s: `some ItemContainer<String>` is a
    /// generic parameter whose associated type is pinned by the primary
    /// associated type, with no `where` clause.
    ///
    /// - Complexity: O(*n*) pops.
    public static func drain(_ container: inout some ItemContainer<String>) -> [String] {
        var drained: [String] = []
        while let item = container.pop() {
            drained.append(item)
        }
        return drained
    }

    /// Sums any collection of `Int` (an `Array`, a `Set`, a `Range`), using a
    /// primary associated type on a standard-library protocol.
    public static func total(_ numbers: some Collection<Int>) -> Int {
        numbers.reduce(0, +)
    }

    // MARK: where clauses

    /// Whether two collections of *different* types hold the same elements in
    /// the same order. The `where` clause relates their associated types.
    ///
    /// - Complexity: O(*n*).
    public static func sameElements<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool
    where A.Element == B.Element, A.Element: Equatable {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
    }

    // MARK: Parameter packs

    /// Unwraps any number of optionals of *different* types at once: `nil` if
    /// any is `nil`, otherwise the tuple of values. `each T` is a type
    /// parameter pack; `repeat` expands an expression once per element.
    public static func allNonNil<each T>(_ values: repeat (each T)?) -> (repeat each T)? {
        func unwrap<U>(_ value: U?) throws(MissingValue) -> U {
            guard let value else { throw MissingValue() }
            return value
        }
        do {
            return (repeat try unwrap(each values))
        } catch {
            return nil
        }
    }

    /// Thrown inside `allNonNil` to stop the pack expansion at the first nil.
    private struct MissingValue: Error {}

    /// The number of arguments in a pack: pack iteration (`for … in repeat`)
    /// visits each element once.
    public static func arity<each T>(_ values: repeat each T) -> Int {
        var count = 0
        for _ in repeat each values {
            count += 1
        }
        return count
    }

    // MARK: Conditional conformance

    /// Two values of any types. It is `Equatable` (and `Hashable`) only when
    /// both of its types are: that is conditional conformance.
    public struct Pair<First, Second> {
        public var first: First
        public var second: Second

        public init(_ first: First, _ second: Second) {
            self.first = first
            self.second = second
        }

        /// The pair with its halves exchanged (Go's `Swap`).
        public func swapped() -> Pair<Second, First> {
            Pair<Second, First>(second, first)
        }
    }
}

extension GenericsAndConstraints.Pair: Equatable where First: Equatable, Second: Equatable {}
extension GenericsAndConstraints.Pair: Hashable where First: Hashable, Second: Hashable {}
extension GenericsAndConstraints.Pair: Sendable where First: Sendable, Second: Sendable {}

extension GenericsAndConstraints.Stack: Equatable where Element: Equatable {}
extension GenericsAndConstraints.Stack: Sendable where Element: Sendable {}

extension GenericsAndConstraints.Stack where Element: AdditiveArithmetic {
    /// A method that exists only for stacks of numbers: a constrained
    /// extension adds API for some specialisations and not others.
    public var total: Element { GenericsAndConstraints.sum(elements) }
}
