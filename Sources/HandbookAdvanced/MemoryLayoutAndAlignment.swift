/// Memory layout: `MemoryLayout<T>` reports a type's size, stride and
/// alignment, and field order decides how much padding a struct carries.
///
/// ```swift
/// MemoryLayout<Bad>.size       // 17: Bool, 7 bytes of padding, Int64, Bool
/// MemoryLayout<Bad>.stride     // 24: what each element takes in an array
/// MemoryLayout<Good>.stride    // 16: Int64, Bool, Bool, 6 bytes tail padding
/// ```
///
/// ## Why interviewers ask this
/// Padding is free memory you pay for a million times over: in an array of
/// structs, a cache line, a wire format. Interviewers want you to predict
/// size, stride and alignment, to know why ordering fields from largest to
/// smallest alignment shrinks a struct, and to know where Swift's layout
/// differs from C and Go (tail-padding reuse, Optional's spare bits,
/// existential boxes).
///
/// ## Common pitfalls
/// - Using `size` to step through memory or to size a buffer of `n`
///   elements. `size` excludes tail padding; `stride` is the distance
///   between elements, so a buffer of `n` needs `n * stride` bytes.
/// - Assuming Swift's layout is C's. Swift reuses a nested struct's tail
///   padding for the next field (``Nested`` is 11 bytes, C and Go give 24),
///   and `Optional` costs nothing when the wrapped type has spare bits
///   (`Bool?` is 1 byte, a class reference `?` is 8) but a whole extra
///   byte for `Int?` (size 9, stride 16).
/// - Relying on declaration order. Swift lays stored properties out in
///   declaration order today, but that is the compiler's current algorithm,
///   not a language promise. A layout you must depend on (a wire format, a
///   C API) belongs in a C struct imported from a header; library authors
///   mark a struct `@frozen` to commit to its stored properties across
///   versions.
/// - Forgetting what `any P` costs: a 3-word inline buffer, the type's
///   metadata and one witness table, 40 bytes per element of `[any P]`.
///
/// ## Key takeaway
/// `size` is what the value needs, `stride` is what each array element
/// occupies (size rounded up to alignment), `alignment` is the largest field
/// alignment. Order fields from largest to smallest alignment, and measure
/// with `MemoryLayout` instead of guessing.
///
/// ## Go → Swift
/// Go's `memory_alignment.go` compares `BadStruct{bool,int64,bool}` (24 B)
/// with `GoodStruct` (16 B) through `unsafe.Sizeof`, and its test only logs
/// the numbers. Here the numbers are asserted, stride is measured on real
/// arrays, and three Swift-only effects appear: tail-padding reuse, Optional
/// layout, and existential containers. `MemoryLayout` is safe API; no
/// `unsafe` is needed to ask.
public enum MemoryLayoutAndAlignment {
    /// Fields in a bad order: each `Bool` is padded to the `Int64`'s 8-byte
    /// alignment. Size 17, stride 24, alignment 8 on 64-bit platforms.
    public struct Bad: Equatable, Sendable {
        public var isActive: Bool
        public var id: Int64
        public var isAdmin: Bool

        public init(isActive: Bool, id: Int64, isAdmin: Bool) {
            self.isActive = isActive
            self.id = id
            self.isAdmin = isAdmin
        }
    }

    /// The same fields, largest alignment first: the two `Bool`s share the
    /// `Int64`'s padding. Size 10, stride 16, alignment 8.
    public struct Good: Equatable, Sendable {
        public var id: Int64
        public var isActive: Bool
        public var isAdmin: Bool

        public init(id: Int64, isActive: Bool, isAdmin: Bool) {
            self.id = id
            self.isActive = isActive
            self.isAdmin = isAdmin
        }
    }

    /// A ``Good`` followed by a `Bool`. Swift puts `extra` at offset 10, in
    /// `Good`'s tail padding, so the size is 11 and the stride 16. C and Go
    /// place it at offset 16 (size 17 rounded to 24).
    public struct Nested: Equatable, Sendable {
        public var good: Good
        public var extra: Bool

        public init(good: Good, extra: Bool) {
            self.good = good
            self.extra = extra
        }
    }

    /// A protocol for measuring existential containers.
    public protocol Shape {}

    /// A class-constrained protocol: its existential is a reference plus one
    /// witness table, no inline buffer.
    public protocol SharedShape: AnyObject {}

    /// The three numbers `MemoryLayout` reports for a type.
    public struct Layout: Equatable, Sendable, CustomStringConvertible {
        /// Bytes the value's fields occupy, without trailing padding.
        public var size: Int
        /// Distance from one array element to the next: size rounded up to alignment.
        public var stride: Int
        /// The address of a value must be a multiple of this.
        public var alignment: Int

        public init(size: Int, stride: Int, alignment: Int) {
            self.size = size
            self.stride = stride
            self.alignment = alignment
        }

        /// Measures `type`.
        public init<T>(of type: T.Type) {
            self.init(
                size: MemoryLayout<T>.size, stride: MemoryLayout<T>.stride,
                alignment: MemoryLayout<T>.alignment)
        }

        /// Padding after the last field, paid by every element of an array.
        public var tailPadding: Int { stride - size }

        public var description: String { "\(size)/\(stride)/\(alignment)" }
    }

    /// Bytes that `count` contiguous values of `T` occupy in an array buffer.
    /// - Complexity: O(1).
    public static func arrayBytes<T>(of type: T.Type, count: Int) -> Int {
        MemoryLayout<T>.stride * count
    }

    /// Byte offsets of ``Bad``'s fields, in declaration order.
    public static var badOffsets: [Int] {
        [\Bad.isActive, \Bad.id, \Bad.isAdmin].compactMap { MemoryLayout.offset(of: $0) }
    }

    /// Byte offsets of ``Good``'s fields, in declaration order.
    public static var goodOffsets: [Int] {
        [\Good.id, \Good.isActive, \Good.isAdmin].compactMap { MemoryLayout.offset(of: $0) }
    }

    /// Byte offset of ``Nested/extra``: 10, inside `Good`'s tail padding.
    public static var nestedExtraOffset: Int? {
        MemoryLayout.offset(of: \Nested.extra)
    }
}
