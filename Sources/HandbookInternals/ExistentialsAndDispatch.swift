/// Existential containers and dispatch: what an `any P` is made of, when a
/// value inside one lives on the heap, and which call goes through which table.
///
/// ```swift
/// MemoryLayout<any ExistentialsAndDispatch.Shape>.size   // 40: 3-word buffer + metadata + witness table
/// let small: any Shape = ThreeWords(a: 1, b: 2, c: 3)      // stored inline in the buffer
/// let large: any Shape = FourWords(a: 1, b: 2, c: 3, d: 4) // boxed: the buffer holds a heap pointer
/// let copy = large                                         // copies share that box until one mutates
/// ```
///
/// ## Why interviewers ask this
/// "What does `any P` cost?" is the performance follow-up to every protocol
/// question. The answer is concrete: a 5-word container (three words of
/// inline storage, the type's metadata, one witness table per protocol),
/// a heap box for values that do not fit in three words, and an indirect call
/// through the witness table. Knowing the four dispatch kinds (static,
/// vtable, witness table, and the statically dispatched protocol-extension
/// method) lets you predict both which method runs and what it costs.
///
/// ## Common pitfalls
/// - `[any P]` of 4-word structs: one heap box per element, so building the
///   array mallocs N times where `[S]` mallocs once. Keep hot collections
///   concrete or generic.
/// - Believing a composition is free: each extra protocol in `any P & Q` adds
///   a witness-table word (48 bytes), while `& AnyObject` shrinks the
///   container to a reference plus tables (16 bytes).
/// - Expecting a conforming type's method of the same name to replace an
///   extension-only method: the existential carries no table entry for it,
///   so `(x as any P).label()` runs the extension (the rules are taught in
///   intermediate.protocol-composition-and-dispatch; this lesson shows why:
///   the witness table has no slot).
/// - Forgetting that Swift opens an existential passed to a generic
///   parameter (SE-0352, since Swift 5.7): `withUnsafeBytes(of: &anyShape)` shows the *value*,
///   not the container; wrap it in a struct to see the container.
/// - Treating `some P`/generics and `any P` as interchangeable: inside a
///   generic function `T` *is* the concrete type (its real size, static calls
///   after specialisation); an `any P` stays a container with dynamic calls.
///
/// ## Key takeaway
/// An existential is a fixed-size box: values of up to three words sit inline,
/// larger ones go to a copy-on-write heap box, and every requirement call is
/// an indirect jump through a witness table. Classes dispatch overrides
/// through a vtable; `final`, structs and protocol extensions dispatch
/// statically. Prefer generics (specialised, inlinable) and use `any` where
/// you need heterogeneity.
///
/// ## Go → Swift
/// A Go interface value is two words (itab, data pointer): anything larger
/// than a pointer escapes to the heap when boxed, and every method call goes
/// through the itab. Swift's container is bigger so that small values
/// (≤ 3 words) avoid the allocation, adds one witness table per protocol
/// (Go has one itab per interface type), and also has class vtables and
/// static dispatch, which Go (no inheritance, no default methods) lacks.
public enum ExistentialsAndDispatch {
    // MARK: Protocols and conforming values

    /// A protocol with two requirements and one extension-only method.
    public protocol Shape {
        /// A requirement: it has a witness-table slot.
        func area() -> Int
        /// A requirement with a default implementation.
        func kind() -> String
        /// A mutating requirement: called through `any Shape` it mutates the
        /// value in place, copying a shared box first.
        mutating func grow()
    }

    /// A second protocol, for compositions.
    public protocol Named {
        var name: String { get }
    }

    /// A class-bound protocol: its existential holds a reference, not a buffer.
    public protocol Renderer: AnyObject {
        func render() -> String
    }

    /// Three words (24 bytes): fits the existential's inline buffer.
    public struct ThreeWords: Shape, Named, Sendable {
        public var a: Int
        public var b: Int
        public var c: Int

        public init(a: Int, b: Int, c: Int) {
            self.a = a
            self.b = b
            self.c = c
        }

        public var name: String { "three words" }
        public func area() -> Int { a * b * c }
        public func kind() -> String { "three words" }
        /// Shadows the extension's `label()`; reachable only through the concrete type.
        public func label() -> String { "ThreeWords(\(a), \(b), \(c))" }
    }

    /// Four words (32 bytes): too big for the buffer, so it is boxed on the heap.
    public struct FourWords: Shape, Sendable {
        public var a: Int
        public var b: Int
        public var c: Int
        public var d: Int

        public init(a: Int, b: Int, c: Int, d: Int) {
            self.a = a
            self.b = b
            self.c = c
            self.d = d
        }

        public func area() -> Int { a * b * c * d }
    }

    /// A class whose retain count shows whether an existential copy copied the
    /// value (and retained this) or shared a box.
    public final class Payload: Sendable {
        public init() {}
    }

    /// Three words including a reference: stored inline.
    public struct InlineHolder: Shape {
        public let payload: Payload
        public var x = 1
        public var y = 2

        public init(payload: Payload) { self.payload = payload }
        public func area() -> Int { x * y }
    }

    /// Four words including a reference: boxed.
    public struct BoxedHolder: Shape {
        public let payload: Payload
        public var x = 1
        public var y = 2
        public var z = 3

        public init(payload: Payload) { self.payload = payload }
        public func area() -> Int { x * y * z }
        public mutating func grow() { z += 1 }
    }

    /// A renderer, for the class-bound existential.
    public final class TextRenderer: Renderer {
        public init() {}
        public func render() -> String { "text" }
    }

    // MARK: Container layout

    /// Existential sizes in bytes, read with `MemoryLayout`.
    public struct ContainerSizes: Equatable, Sendable {
        public var anyShape: Int
        public var anyShapeAndNamed: Int
        public var anyRenderer: Int
        public var anyShapeAndAnyObject: Int
        public var any: Int
        public var anyObject: Int
    }

    /// The container sizes on this platform.
    public static func containerSizes() -> ContainerSizes {
        ContainerSizes(
            anyShape: MemoryLayout<any Shape>.size,
            anyShapeAndNamed: MemoryLayout<any Shape & Named>.size,
            anyRenderer: MemoryLayout<any Renderer>.size,
            anyShapeAndAnyObject: MemoryLayout<any Shape & AnyObject>.size,
            any: MemoryLayout<Any>.size,
            anyObject: MemoryLayout<AnyObject>.size)
    }

    /// Where an existential keeps its value.
    public enum Storage: Equatable, Sendable {
        /// In the container's three-word buffer.
        case inline
        /// In a heap box; the buffer's first word points at it.
        case boxed
    }

    /// Reports where `shape` keeps its value: `.inline` when the buffer's
    /// bytes are the value's bytes, `.boxed` when the buffer's first word
    /// points at a heap object whose payload (after the 16-byte object
    /// header) is the value, `nil` if neither holds.
    ///
    /// - Important: Educational, not API. It reads the container as the Swift
    ///   ABI lays it out (buffer, metadata, witness tables) and a box as a
    ///   heap object header followed by the value.
    public static func storage(of shape: any Shape) -> Storage? {
        let value = bytesOfOpenedValue(shape)
        let buffer = Array(containerBytes(shape).prefix(3 * MemoryLayout<Int>.size))
        if value.count <= buffer.count && buffer.starts(with: value) { return .inline }
        guard let box = UnsafeRawPointer(bitPattern: firstBufferWord(of: shape)) else { return nil }
        let payload = UnsafeRawBufferPointer(start: box + 2 * MemoryLayout<Int>.size, count: value.count)
        return payload.elementsEqual(value) ? .boxed : nil
    }

    /// The first buffer word of an existential: for a boxed value, the box's
    /// address, so copies that share a box report the same word.
    ///
    /// - Important: Educational, not API (ABI layout).
    public static func firstBufferWord(of shape: any Shape) -> UInt {
        containerBytes(shape).withUnsafeBytes { $0.load(as: UInt.self) }
    }

    /// The container's own bytes. A wrapper struct is needed: handing
    /// `&existential` straight to the generic `withUnsafeBytes(of:)` *opens*
    /// it (SE-0352, since Swift 5.7) and yields the value's bytes, not the container's.
    private static func containerBytes(_ shape: any Shape) -> [UInt8] {
        struct Container { var shape: any Shape }
        var container = Container(shape: shape)
        return withUnsafeBytes(of: &container) { Array($0) }
    }

    /// The opened value's bytes: inside this generic function `T` is the
    /// concrete type, not the container.
    private static func bytesOfOpenedValue<T: Shape>(_ value: T) -> [UInt8] {
        var value = value
        return withUnsafeBytes(of: &value) { Array($0) }
    }

    // MARK: Generic vs existential

    /// Inside a generic function the placeholder is the concrete type.
    public static func sizeSeenGenerically<T: Shape>(_ value: T) -> Int {
        MemoryLayout<T>.size
    }

    /// Through an existential parameter the value is a container.
    public static func sizeSeenExistentially(_ value: any Shape) -> Int {
        MemoryLayout.size(ofValue: value)
    }

    /// Passing an `any Shape` to a generic parameter *opens* it (SE-0352):
    /// `T` becomes the dynamic type.
    public static func openedTypeName(_ value: any Shape) -> String {
        typeName(of: value)
    }

    private static func typeName<T: Shape>(of value: T) -> String {
        String(describing: T.self)
    }

    // MARK: Dispatch kinds

    /// The static kind of a call through `any Shape`.
    public static func kindThroughExistential(_ shape: any Shape) -> String {
        shape.kind()
    }

    /// `label()` through `any Shape`: statically the extension's method.
    public static func labelThroughExistential(_ shape: any Shape) -> String {
        shape.label()
    }

    /// A base class: `open` methods are dispatched through the class vtable.
    open class Animal {
        public init() {}

        /// Overridable: a vtable slot.
        open func sound() -> String { "..." }

        /// `final`: no vtable slot, called directly.
        public final func introduce() -> String { "I say \(sound())" }
    }

    /// Overrides `sound()`; calls through an `Animal` reference reach it.
    public final class Dog: Animal {
        override public func sound() -> String { "Woof" }
    }
}

extension ExistentialsAndDispatch.Shape {
    /// Default for the `kind()` requirement: used only when the type has none.
    public func kind() -> String { "shape" }

    /// Default for `grow()`: nothing to grow.
    public mutating func grow() {}

    /// Extension-only: no witness-table slot, so statically dispatched.
    public func label() -> String { "a shape of area \(area())" }
}
