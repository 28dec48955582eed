/// Arrays and slices: `Array` is a growable copy-on-write value,
/// `InlineArray` is Go's fixed-size `[N]T`, and an `ArraySlice` is a view that
/// keeps its base array's indices.
///
/// ```swift
/// let a = [10, 20, 30, 40, 50]
/// var s = a[1..<4]       // [20, 30, 40]; shares a's buffer for now
/// s.startIndex           // 1, not 0: s[0] traps
/// s[1] = 99              // copies; a is still [10, 20, 30, 40, 50]
/// let rebased = Array(s) // indices 0..<3, its own buffer
/// ```
///
/// ## Why interviewers ask this
/// Go's slice header (pointer, length, capacity) is the classic source of
/// aliasing bugs, so interviewers probe whether you know what a Swift slice
/// shares and what it does not. The honest Swift answer: a slice shares
/// *storage* until someone writes, it never shares *writes*, and it keeps the
/// base's index space. Capacity vs count is the same idea as Go's cap vs len,
/// but Swift only promises a lower bound.
///
/// ## Common pitfalls
/// - Indexing a slice from 0 (``firstElementAssumingZeroBased(_:)``). An
///   `ArraySlice` (and a `Substring`) starts at its base's index, so `s[0]`
///   traps. Use `s.first`, `s[s.startIndex]`, or re-base with `Array(s)`.
/// - Expecting a write through a slice to reach the base array, as
///   `s := a[1:4]; s[0] = 99` does in Go. Swift copies the buffer instead.
/// - Keeping a small slice of a huge array alive: the slice retains the whole
///   buffer. Convert to `Array` before storing it long term.
/// - Asserting `capacity == n` after `reserveCapacity(n)`. The promise is
///   `capacity >= n`; the allocator may round up.
/// - Using `[]` to mean "absent". Swift arrays have no nil state; when absent
///   and empty differ, the type is `[T]?` (``tags(fromHeader:)``).
///
/// ## Key takeaway
/// `Array`, `ArraySlice` and `InlineArray` are values: a copy or a slice can
/// share a buffer only until one side mutates. Slices keep their base's
/// indices, so index them through `startIndex`/`endIndex`, and re-base with
/// `Array(slice)` before storing or returning them.
///
/// ## Go → Swift
/// Go's `[N]T` is `InlineArray<N, T>`; Go's `[]T` is `Array<T>`;
/// `a[lo:hi]` is `a[lo..<hi]` but re-based at `lo`, not 0. Go's
/// `TestSlice_ResliceSharesBackingArray` expects a write through the slice to
/// show in the base: the Swift test asserts the opposite. `make([]T, 0, n)`
/// is `reserveCapacity(n)` on an empty array, `make([]T, n)` is
/// `Array(repeating:count:)`, and `new([]T)` has no counterpart because Swift
/// has no zero values. Arrays compare with `==`, which Go slices cannot.
public enum ArraysAndSlices {
    // MARK: Fixed-size arrays

    /// Go's `[3]int{a, b, c}`: fixed size, stored inline (no heap buffer),
    /// copied on assignment.
    public static func fixedTriple(_ first: Int, _ second: Int, _ third: Int) -> InlineArray<3, Int> {
        [first, second, third]
    }

    // MARK: Slices keep their base's indices

    /// The elements between the first and the last: a slice whose indices
    /// are `1..<count - 1`, not `0..<count - 2`.
    /// - Precondition: `numbers.count >= 2`.
    /// - Complexity: O(1); no element is copied.
    public static func interior(of numbers: [Int]) -> ArraySlice<Int> {
        precondition(numbers.count >= 2, "interior needs at least 2 elements, got \(numbers.count)")
        return numbers[1..<(numbers.count - 1)]
    }

    /// The pitfall: indexes a slice from 0, as Go code would. Traps for any
    /// slice that does not start at index 0.
    public static func firstElementAssumingZeroBased(_ slice: ArraySlice<Int>) -> Int {
        slice[0]
    }

    /// The fix: a slice's first position is its `startIndex`.
    /// - Returns: `nil` for an empty slice.
    public static func firstElement(_ slice: ArraySlice<Int>) -> Int? {
        guard !slice.isEmpty else { return nil }
        return slice[slice.startIndex]
    }

    /// Writes `value` at the slice's first position and returns the base and
    /// the slice afterwards. In Go the base would see the write; here it
    /// does not, because the write copies the shared buffer first.
    public static func writeThroughSlice(
        of base: [Int], range: Range<Int>, firstValue value: Int
    ) -> (base: [Int], slice: ArraySlice<Int>) {
        var slice = base[range]
        slice[slice.startIndex] = value
        return (base, slice)
    }

    /// Appends to a prefix slice. In Go, `append(a[:2], x)` overwrites `a[2]`
    /// when capacity allows; in Swift the base is never touched.
    public static func appendToPrefix(
        of base: [Int], length: Int, _ element: Int
    ) -> (base: [Int], prefix: ArraySlice<Int>) {
        var prefix = base[..<length]
        prefix.append(element)
        return (base, prefix)
    }

    /// Whether `slice` is still a view into `base`'s buffer (its first element
    /// lives at `base`'s address for the same index). Educational only.
    public static func sharesStorage(_ slice: ArraySlice<Int>, with base: [Int]) -> Bool {
        guard !slice.isEmpty, base.indices.contains(slice.startIndex) else { return false }
        return slice.withUnsafeBufferPointer { view in
            base.withUnsafeBufferPointer { whole in
                view.baseAddress == whole.baseAddress.map { $0 + slice.startIndex }
            }
        }
    }

    // MARK: Length vs capacity (Go's len vs cap, make vs new)

    /// Go's `make([]int, 0, n)`: empty, with room for at least `n` elements.
    /// - Complexity: O(n) for the allocation, then appends up to `n` are
    ///   amortized O(1) without reallocating.
    public static func emptyWithCapacity(_ minimumCapacity: Int) -> [Int] {
        var numbers: [Int] = []
        numbers.reserveCapacity(minimumCapacity)
        return numbers
    }

    /// Go's `make([]int, n)`: `n` elements, all explicitly set to `value`.
    /// Swift has no implicit zero value, so the value is spelled out.
    public static func filled(count: Int, with value: Int = 0) -> [Int] {
        Array(repeating: value, count: count)
    }

    /// The distinct capacities an array passes through while `count`
    /// elements are appended one by one.
    /// - Complexity: O(count). Capacity grows geometrically, so there are
    ///   O(log count) reallocations and each append is amortized O(1).
    public static func capacitiesWhileAppending(_ count: Int) -> [Int] {
        var numbers: [Int] = []
        var capacities: [Int] = []
        for value in 0..<count {
            numbers.append(value)
            if capacities.last != numbers.capacity {
                capacities.append(numbers.capacity)
            }
        }
        return capacities
    }

    // MARK: nil vs empty

    /// Splits a comma-separated header. An absent header gives `nil`; a
    /// present but empty header gives `[]`. Go's nil slice and empty slice
    /// blur this distinction; Swift makes it a type: `[String]?`.
    public static func tags(fromHeader header: String?) -> [String]? {
        header.map { $0.split(separator: ",").map(String.init) }
    }
}
