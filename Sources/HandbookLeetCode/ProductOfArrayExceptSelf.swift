/// LeetCode 238, Product of Array Except Self: for every position, the
/// product of all the other elements, from prefix and suffix products and
/// without division.
///
/// ```swift
/// typealias Lesson = ProductOfArrayExceptSelf
/// Lesson.products([1, 2, 3, 4])             // [24, 12, 8, 6]
/// Lesson.products([-1, 1, 0, -3, 3])        // [0, 0, 9, 0, 0]
/// Lesson.wrappingProducts([Int.max, 2, 1])  // [2, Int.max, -2]: Go's answer
/// Lesson.products([Int.max, 2, 1])          // traps: Int.max * 2 does not fit
/// ```
///
/// **Problem.** Given an array of integers, return an array whose element
/// `i` is the product of every element except the one at `i`, in O(n) time
/// and without the division operator.
///
/// **Approach.** `answer[i] = (product of everything left of i) × (product
/// of everything right of i)`. One forward pass writes the left products into
/// the output, one backward pass multiplies in a running right product. In
/// ``wrappingProducts(_:)`` the output array is the only allocation; the
/// checked ``products(_:)`` works on sign-and-magnitude copies (see below).
/// With two or more zeros every answer is 0, which both return before
/// multiplying anything.
///
/// **Overflow policy.** ``products(_:)`` traps exactly when an answer does
/// not fit in `Int`, and never otherwise. With at most one zero, every
/// partial product it forms is, in magnitude, at most some answer (all other
/// factors are at least 1 in magnitude); it never forms the product of all n
/// elements, which can overflow when every answer fits; and the two-zeros
/// shortcut covers the rest. One corner remains in `Int` itself: a partial
/// product of +2⁶³ does not fit, yet one more factor of −1 makes the answer
/// `Int.min`, which does (`[1 << 32, 1 << 31, -1, -1]`). So the checked
/// version multiplies sign and magnitude separately, the magnitude in a
/// `UInt` (up to 2⁶⁴ − 1), and converts each answer to `Int` at the end.
/// ``wrappingProducts(_:)`` uses `&*` and returns every answer modulo 2⁶⁴,
/// exact whenever the answer fits: what Go's `int` arithmetic does,
/// silently.
///
/// - Complexity: O(n) time; O(1) extra space besides the output for
///   ``wrappingProducts(_:)``, O(n) for ``products(_:)``.
///
/// ## Why interviewers ask this
/// "Without division" forces the prefix/suffix idea, which reappears in
/// trapping rain water, range queries and stock problems. Follow-ups probe
/// zeros (division breaks on them), the O(1)-extra-space version (reuse the
/// output for the prefix pass) and overflow: what should happen when a
/// product does not fit?
///
/// ## Common pitfalls
/// - Dividing the total product by each element
///   (``productsUsingDivision(_:)``): traps with "Division by zero" on any
///   zero, and the total product can overflow when no answer does.
/// - Computing the full prefix product in the last iteration "for symmetry":
///   that is the product of all n elements, an overflow the answers never
///   needed.
/// - Assuming overflow wraps, as in Go, C or Java: Swift's `*` traps. Choose
///   a policy (trap, wrap with `&*`, or report with
///   `multipliedReportingOverflow`) and document it.
/// - Allocating separate prefix and suffix arrays when the output array can
///   hold the prefixes.
/// - Trusting "the answer fits, so every step fits" in two's complement: the
///   range is asymmetric, so +2⁶³ overflows on the way to an `Int.min` answer.
///
/// ## Key takeaway
/// Left products times right products, in two passes, with the output as
/// scratch space. Swift makes overflow a decision: `*` traps, `&*` wraps.
///
/// ## Edges, audited
/// - Overflow: ``products(_:)`` traps if and only if an answer does not fit
///   (the `Int.min` corner included), checked against an exact `Int128`
///   oracle on 1,000 seeded arrays of extreme values; ``wrappingProducts(_:)``
///   never traps.
/// - Unicode: none. Depth: no recursion.
///
/// ## Go → Swift
/// Go's `make([]int, n)` is zero-filled, so a Go answer must remember to set
/// `res[0] = 1`; here the output starts as `Array(repeating: 1, count: n)`.
/// Go's `int` multiplication wraps silently, so a Go solution returns a
/// wrong answer on overflow; this one traps unless you ask for `&*`. Go's
/// division by zero panics, as Swift's traps.
public enum ProductOfArrayExceptSelf {
    /// The product of all elements except `numbers[i]`, for every `i`.
    /// - Precondition: every answer fits in `Int`; traps with a message
    ///   exactly when one does not.
    /// - Complexity: O(n) time, O(n) extra space for the sign-and-magnitude
    ///   products besides the output.
    public static func products(_ numbers: [Int]) -> [Int] {
        let exact = prefixTimesSuffix(
            numbers.map(SignedMagnitude.init), zeros: numbers.count { $0 == 0 }, zero: SignedMagnitude(0),
            one: SignedMagnitude(1),
            multiply: *)
        return exact.enumerated().map { index, product in
            guard let answer = product.exactInt else {
                preconditionFailure("the product of all elements except index \(index) does not fit in Int")
            }
            return answer
        }
    }

    /// Like ``products(_:)``, but arithmetic wraps (`&*`), so each answer is
    /// exact modulo 2⁶⁴: Go's behaviour, and never a trap.
    /// - Complexity: O(n) time, O(1) extra space besides the output.
    public static func wrappingProducts(_ numbers: [Int]) -> [Int] {
        prefixTimesSuffix(numbers, zeros: numbers.count { $0 == 0 }, zero: 0, one: 1, multiply: &*)
    }

    /// The pitfall: total product divided by each element. Traps with
    /// "Division by zero" when an element is 0, and on overflow of the total.
    /// - Complexity: O(n) time.
    public static func productsUsingDivision(_ numbers: [Int]) -> [Int] {
        let total = numbers.reduce(1, *)
        return numbers.map { total / $0 }
    }

    private static func prefixTimesSuffix<Value>(
        _ numbers: [Value], zeros: Int, zero: Value, one: Value, multiply: (Value, Value) -> Value
    ) -> [Value] {
        // Two zeros make every answer 0; returning early also avoids prefix
        // products (before the first zero) that could overflow for nothing.
        if zeros >= 2 {
            return Array(repeating: zero, count: numbers.count)
        }
        var result = Array(repeating: one, count: numbers.count)
        // Forward pass: result[i] = numbers[0] × … × numbers[i - 1].
        for index in numbers.indices.dropFirst() {
            result[index] = multiply(result[index - 1], numbers[index - 1])
        }
        // Backward pass: multiply in numbers[i + 1] × … × numbers[n - 1].
        var suffix = one
        for index in numbers.indices.reversed() {
            result[index] = multiply(result[index], suffix)
            if index > 0 {  // the product of all n elements is never needed
                suffix = multiply(suffix, numbers[index])
            }
        }
        return result
    }

    /// A product kept as a sign and a magnitude. `UInt` holds magnitudes up
    /// to 2⁶⁴ − 1, so the +2⁶³ on the way to an `Int.min` answer fits; a
    /// magnitude past that means the answer it is part of cannot fit either.
    private struct SignedMagnitude {
        var isNegative: Bool
        var magnitude: UInt

        init(_ value: Int) {
            isNegative = value < 0
            magnitude = value.magnitude
        }

        static func * (lhs: Self, rhs: Self) -> Self {
            let (magnitude, overflow) = lhs.magnitude.multipliedReportingOverflow(by: rhs.magnitude)
            precondition(!overflow, "a product of the other elements does not fit in Int")
            var product = Self(0)
            product.magnitude = magnitude
            product.isNegative = magnitude != 0 && lhs.isNegative != rhs.isNegative
            return product
        }

        /// The value as an `Int`, or `nil` when it does not fit.
        var exactInt: Int? {
            guard isNegative else { return Int(exactly: magnitude) }
            // −magnitude fits down to −2⁶³ = Int.min; two's complement negation
            // of the bit pattern gives it.
            return magnitude <= Int.min.magnitude ? Int(bitPattern: 0 &- magnitude) : nil
        }
    }
}
