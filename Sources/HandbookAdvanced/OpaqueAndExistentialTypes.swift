/// `some P` is one concrete type the compiler knows and hides; `any P` is a
/// box that can hold a value of any conforming type.
///
/// ```swift
/// func makeUnitCircle() -> some Shape { Circle(radius: 1) }   // always a Circle
/// let shapes: [any Shape] = [Circle(radius: 1), Square(side: 2)]  // mixed
/// func describe(_ shape: some Shape) -> String { … }          // generic parameter
/// describe(shapes[0])   // the `any Shape` is opened: T is Circle
/// ```
///
/// ## Why interviewers ask this
/// Swift 5.6 added the `any` keyword (this package's `ExistentialAny` setting
/// makes it mandatory) and 5.7 added `some` parameters, so the choice shows
/// in every signature. Return `some` to hide a type without losing
/// performance, take `some` to be generic without angle brackets, and store
/// `any` only when values really are heterogeneous. An
/// interviewer wants the cost model (box, witness table, dynamic dispatch,
/// 40-byte container) and the limits (`==` on two `any Equatable`).
///
/// ## Common pitfalls
/// - Returning different concrete types from a `some P` function: the opaque
///   type is one type per function, so it does not compile. Use `any P` or an
///   enum.
/// - Using `any P` everywhere "because it works like a Go interface": every
///   value is copied into a 40-byte container, values over three words are
///   boxed on the heap, and every call goes through a witness table.
/// - Expecting `==` on two `any Equatable`: the boxes may hold different
///   types. Open one with a generic function and cast the other.
/// - Thinking `some` erases the type at run time: the static type *is* the
///   concrete type, so `MemoryLayout.size(ofValue:)` is `Circle`'s 8 bytes,
///   not a 40-byte container. (`type(of:)` reports the dynamic type for both
///   `some` and `any`, so it cannot tell them apart.)
/// - Forgetting that a class-constrained protocol (`: AnyObject`) makes a
///   2-word existential (reference + witness table) instead of 5 words.
///
/// ## Key takeaway
/// `some` is a generic placeholder the implementation (for results) or the
/// caller (for parameters) fills with one type; `any` is a run-time box.
/// Prefer `some` and generics; use `any` for heterogeneous storage. Since
/// SE-0352 an `any P` passed to a `some P` parameter is opened automatically.
///
/// ## Go → Swift
/// A Go interface value is always a two-word (type, data) pair with dynamic
/// dispatch: the closest thing is `any P`. Go has nothing like `some P`
/// (generics come closest but cannot hide a return type), and its type
/// switches map to `as?` on an `any`. Swift's existential is bigger (an inline
/// buffer of three words, type metadata, one witness table per protocol), so
/// small values avoid Go's allocation on boxing.
public enum OpaqueAndExistentialTypes {
    /// The protocol every example shape conforms to.
    public protocol Shape {
        /// The shape's area in square units.
        var area: Double { get }
    }

    /// One word: fits an existential's inline buffer.
    public struct Circle: Shape, Equatable, Sendable {
        public var radius: Double

        public init(radius: Double) {
            self.radius = radius
        }

        public var area: Double { Double.pi * radius * radius }
    }

    /// One word.
    public struct Square: Shape, Equatable, Sendable {
        public var side: Double

        public init(side: Double) {
            self.side = side
        }

        public var area: Double { side * side }
    }

    /// Four words: too big for the three-word inline buffer, so an
    /// `any Shape` holding it points to a heap box instead.
    public struct Rectangle: Shape, Equatable, Sendable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double

        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        public var area: Double { width * height }
    }

    /// A class-constrained protocol: its existential holds a reference, not
    /// an inline buffer.
    public protocol Renderer: AnyObject {
        func render(_ shape: some Shape) -> String
    }

    /// A renderer that names the shape's concrete type and its area.
    public final class TextRenderer: Renderer {
        public init() {}

        public func render(_ shape: some Shape) -> String {
            "\(type(of: shape)): \(shape.area)"
        }
    }

    // MARK: some in result position

    /// An opaque result: callers see "some Shape", the compiler knows it is
    /// a `Circle` and stores it unboxed.
    public static func makeUnitCircle() -> some Shape {
        Circle(radius: 1)
    }

    /// An opaque result that is also `Equatable`: two results of this
    /// function have the same (hidden) type, so `==` between them compiles.
    public static func makeSquare(side: Double) -> some Shape & Equatable {
        Square(side: side)
    }

    /// The fix when the concrete type depends on a run-time value: an
    /// existential result (a `some Shape` here does not compile).
    public static func makeShape(round: Bool) -> any Shape {
        round ? Circle(radius: 1) : Square(side: 1)
    }

    // MARK: any for heterogeneous storage

    /// Sums the areas of mixed shapes; each `area` call goes through the
    /// witness table stored in the existential container.
    ///
    /// - Complexity: O(*n*).
    public static func totalArea(_ shapes: [any Shape]) -> Double {
        shapes.reduce(0) { $0 + $1.area }
    }

    // MARK: some in parameter position and opening

    /// `some Shape` as a parameter is sugar for `<T: Shape>(_ shape: T)`.
    /// Returns the name of the *static* generic type `T`.
    public static func genericTypeName(_ shape: some Shape) -> String {
        typeName(of: shape)
    }

    private static func typeName<T: Shape>(of _: T) -> String {
        String(describing: T.self)
    }

    /// Passes an `any Shape` where a `some Shape` is expected. Since SE-0352
    /// (Swift 5.7) the box is *opened*: `T` binds to the dynamic type inside
    /// it, so this returns "Circle", not "any Shape".
    public static func openedTypeName(_ shape: any Shape) -> String {
        genericTypeName(shape)
    }

    /// `==` for two `any Equatable` values, which the operator cannot do
    /// directly: open `lhs` into a generic `T`, then try to cast `rhs` to `T`.
    /// Values of different dynamic types are never equal.
    public static func isEqual(_ lhs: any Equatable, _ rhs: any Equatable) -> Bool {
        func equals<T: Equatable>(_ lhs: T) -> Bool {
            guard let rhs = rhs as? T else { return false }
            return lhs == rhs
        }
        return equals(lhs)
    }

    // MARK: Sizes

    /// Container sizes in bytes on a 64-bit platform, read with `MemoryLayout`.
    public struct ExistentialSizes: Equatable, Sendable {
        /// `any Shape`: 3-word inline buffer + type metadata + witness table.
        public var anyShape: Int
        /// `any Renderer` (class-constrained): reference + witness table.
        public var anyRenderer: Int
        /// `Any`: inline buffer + type metadata, no witness table.
        public var any: Int
        /// `any Shape & Sendable`: marker protocols add no witness table.
        public var anyShapeAndSendable: Int
        /// `any Shape & CustomStringConvertible`: one witness table per protocol.
        public var anyShapeAndDescription: Int
    }

    /// The sizes of several existential containers.
    public static var existentialSizes: ExistentialSizes {
        ExistentialSizes(
            anyShape: MemoryLayout<any Shape>.size,
            anyRenderer: MemoryLayout<any Renderer>.size,
            any: MemoryLayout<Any>.size,
            anyShapeAndSendable: MemoryLayout<any Shape & Sendable>.size,
            anyShapeAndDescription: MemoryLayout<any Shape & CustomStringConvertible>.size)
    }
}
