/// Value and reference semantics: structs, enums and Swift's collections copy;
/// classes share.
///
/// ```swift
/// var a = [1, 2, 3]
/// var b = a          // shares a buffer for now (copy-on-write)…
/// b[0] = 999         // …and copies it here, so `a` is still [1, 2, 3]
/// ```
///
/// ## Why interviewers ask this
/// Every Swift API decision (struct or class, `let` or `var`, actor or lock)
/// starts here, and a Go developer's instincts are backwards: Go's slices and
/// maps alias their backing store, Swift's `Array`, `Dictionary`, `Set` and
/// `String` are values. Interviewers check that you can predict what a
/// mutation through a copy does, and explain how copy-on-write keeps the
/// copies cheap.
///
/// ## Common pitfalls
/// - Expecting `var b = a; b[0] = x` to change `a`, as it does for a Go
///   slice (and Go's `append(a[:2], x)` even overwrites `a[2]` when capacity
///   allows). Neither can happen in Swift.
/// - Thinking `inout` is a Go `*T`. Semantically it is copy-in, copy-out:
///   the callee works on its own value and writes it back when it returns
///   (the compiler often passes an address as an optimisation, which is why
///   overlapping accesses are forbidden).
/// - Copying a struct that holds a class reference and believing the copy is
///   deep: the struct is copied, the object is shared (``Wrapper``).
/// - Reassigning a class parameter inside a function and expecting the
///   caller's variable to change; only mutations *through* the reference are
///   visible.
///
/// ## Key takeaway
/// Value types give every variable its own independent value; reference types
/// give many variables one shared, identity-bearing object (`===`). Swift's
/// collections are values implemented with copy-on-write, so a copy costs a
/// reference-count increment until one side mutates.
///
/// ## Go → Swift
/// Go's `TestSlice_ReferenceSemantics` and `TestMap_ReferenceSemantics` expect
/// an alias to see a write. The Swift tests assert the opposite. Go's `*T`
/// pointer receiver becomes a `mutating` method or an `inout` parameter, and
/// shared mutable state is an explicit `final class`.
public enum ValueAndReferenceSemantics {
    /// A value type: every copy is independent.
    public struct PointValue: Equatable, Sendable {
        public var x: Int
        public var y: Int

        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    /// A reference type: every variable holding it points at one object.
    public final class PointReference {
        public var x: Int
        public var y: Int

        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    /// A value that holds a reference: copying it is shallow.
    public struct Wrapper {
        public var label: String
        public var shared: PointReference

        public init(label: String, shared: PointReference) {
            self.label = label
            self.shared = shared
        }
    }

    /// Moves a *copy* of `point`; the caller's value is untouched.
    public static func movedCopy(of point: PointValue, by delta: Int) -> PointValue {
        var point = point
        point.x += delta
        return point
    }

    /// Moves the caller's value in place: copy-in, copy-out through `inout`.
    public static func move(_ point: inout PointValue, by delta: Int) {
        point.x += delta
    }

    /// Mutates the shared object: every holder of the reference sees it.
    public static func move(_ point: PointReference, by delta: Int) {
        point.x += delta
    }

    /// Rebinds the *parameter* to a new object. The caller keeps its own
    /// reference, so nothing it can see changes.
    public static func replace(_ point: PointReference) {
        var point = point
        point = PointReference(x: -1, y: -1)
        _ = point
    }

    /// Appends through a copy of `numbers` and returns both arrays:
    /// `(original, copy)`. The original never changes, unlike a Go slice.
    public static func appendThroughCopy(_ numbers: [Int], _ element: Int) -> (original: [Int], copy: [Int]) {
        var copy = numbers
        copy.append(element)
        return (numbers, copy)
    }

    /// Whether two arrays currently share one buffer (copy-on-write has not
    /// copied yet). Educational: compares the base addresses of their storage.
    public static func shareStorage(_ a: [Int], _ b: [Int]) -> Bool {
        a.withUnsafeBufferPointer { first in
            b.withUnsafeBufferPointer { second in first.baseAddress == second.baseAddress }
        }
    }
}
