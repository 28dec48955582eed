import HandbookLeetCode
import PropertyBased
import Testing

@Suite("LeetCode 238: product of array except self")
struct ProductOfArrayExceptSelfTests {
    typealias Lesson = ProductOfArrayExceptSelf

    /// O(n²) oracle: multiply everything but i, for every i (wrapping, so it is exact modulo 2⁶⁴).
    static func bruteForce(_ numbers: [Int]) -> [Int] {
        numbers.indices.map { skipped in
            numbers.indices.reduce(1) { product, index in index == skipped ? product : product &* numbers[index] }
        }
    }

    @Test(
        "LeetCode's published examples",
        arguments: [([1, 2, 3, 4], [24, 12, 8, 6]), ([-1, 1, 0, -3, 3], [0, 0, 9, 0, 0])])
    func publishedExamples(numbers: [Int], expected: [Int]) {
        #expect(Lesson.products(numbers) == expected)
        #expect(Lesson.wrappingProducts(numbers) == expected)
    }

    @Test(
        "edge cases: empty, one element, duplicates, negatives, one zero, two zeros",
        arguments: [
            ([], []), ([5], [1]), ([2, 3], [3, 2]), ([2, 2, 2], [4, 4, 4]), ([-2, -3, 4], [-12, -8, 6]),
            ([0, 4, 5], [20, 0, 0]), ([3, 0, 0, 7], [0, 0, 0, 0]),
        ])
    func edgeCases(numbers: [Int], expected: [Int]) {
        #expect(Lesson.products(numbers) == expected)
    }

    @Test("answers that fit are computed even when the product of all elements would overflow")
    func neverFormsTheFullProduct() {
        #expect(Lesson.products([Int.max, 1]) == [1, Int.max])
        #expect(Lesson.products([Int.max, 2]) == [2, Int.max])  // Int.max * 2 is never computed
        #expect(Lesson.products([Int.max, 4]) == [4, Int.max])  // nor Int.max * 4, past even a UInt
        #expect(Lesson.products([1 << 40, 1 << 40, 0, 0]) == [0, 0, 0, 0])  // two zeros: no prefix 2⁸⁰
    }

    @Test("overflow policy: the checked version traps when an answer does not fit")
    func checkedVersionTrapsOnOverflow() async {
        await #expect(processExitsWith: .failure) {
            _ = ProductOfArrayExceptSelf.products([Int.max, 2, 1])
        }
        await #expect(processExitsWith: .failure) {
            _ = ProductOfArrayExceptSelf.products([1 << 32, 1 << 31, 1, -1])  // the answer +2⁶³ does not fit
        }
    }

    /// 2³² and 2³¹: their product is +2⁶³, one past `Int.max`.
    static let (p32, p31) = (1 << 32, 1 << 31)
    static let intMinCorners: [([Int], [Int])] = [
        ([p32, p31, -1, -1], [p31, p32, Int.min, Int.min]),  // the forward pass reaches +2⁶³
        ([-1, -1, p31, p32], [Int.min, Int.min, p32, p31]),  // the backward pass reaches +2⁶³
        ([p32, p31, -1, 0], [0, 0, 0, Int.min]),
        ([-(1 << 62), 2, 1], [2, -(1 << 62), Int.min]),  // -2⁶³ is the one magnitude only a negative has
    ]

    @Test(
        "the Int.min corner: a partial product of +2⁶³ does not fit, the answer Int.min does", arguments: intMinCorners)
    func intMinCorner(numbers: [Int], expected: [Int]) {
        #expect(Lesson.products(numbers) == expected)
        #expect(Lesson.wrappingProducts(numbers) == expected)
    }

    @Test("checked products trap exactly when an answer does not fit: 1,000 seeded extreme arrays, exact oracle")
    func matchesExactOracleAtTheExtremes() async {
        let value = Gen.element(of: [
            Int.min, -(1 << 32), -(1 << 31), -3, -2, -1, 0, 1, 2, 3, 1 << 31, 1 << 32, Int.max,
        ])
        .map { $0 ?? 1 }
        await propertyCheck(count: 1_000, input: value.array(of: 0...6)) { numbers in
            let exact = numbers.indices.map { index in
                numbers.indices.filter { $0 != index }.reduce(BigProduct.one) { $0.times(numbers[$1]) }
            }
            // The precondition: every answer fits. The exit tests cover the other side.
            guard exact.allSatisfy({ $0.fitsInInt }) else { return }
            #expect(Lesson.products(numbers) == exact.map(\.intValue), "\(numbers)")
        }
    }

    @Test("overflow policy: the wrapping version returns answers modulo 2⁶⁴, as Go's int does")
    func wrappingVersionWraps() {
        #expect(Lesson.wrappingProducts([Int.max, 2, 1]) == [2, Int.max, Int.max &* 2])
        #expect(Int.max &* 2 == -2)
        // The Int.min corner: the partial product 2⁶³ overflows, the answer Int.min fits.
        #expect(Lesson.wrappingProducts([1 << 32, 1 << 31, -1, -1]) == [1 << 31, 1 << 32, Int.min, Int.min])
    }

    @Test("the pitfall: dividing the total product traps on a zero")
    func divisionTrapsOnZero() async throws {
        #expect(Lesson.productsUsingDivision([1, 2, 3, 4]) == [24, 12, 8, 6])
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = ProductOfArrayExceptSelf.productsUsingDivision([-1, 1, 0, -3, 3])
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("Division by zero"))
    }

    @Test("matches an O(n²) oracle on 1,000 random arrays, checked and wrapping")
    func matchesBruteForce() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -9...9).array(of: 0...10)) { numbers in
            let expected = Self.bruteForce(numbers)  // |9⁹| fits: the checked version must agree
            #expect(Lesson.products(numbers) == expected)
            #expect(Lesson.wrappingProducts(numbers) == expected)
        }
        await propertyCheck(count: 1_000, input: Gen.int().array(of: 0...6)) { numbers in
            #expect(Lesson.wrappingProducts(numbers) == Self.bruteForce(numbers))  // any Ints: exact mod 2⁶⁴
        }
    }
}

/// An exact product of a few `Int`s for the oracle: sign and magnitude, the
/// magnitude saturating past `Int128`'s range (it is then certainly beyond
/// `Int`).
private struct BigProduct {
    var value: Int128
    var saturated = false

    static let one = BigProduct(value: 1)

    func times(_ factor: Int) -> BigProduct {
        if saturated { return factor == 0 ? BigProduct(value: 0) : self }
        let (product, overflow) = value.multipliedReportingOverflow(by: Int128(factor))
        return overflow ? BigProduct(value: value, saturated: true) : BigProduct(value: product)
    }

    var fitsInInt: Bool { !saturated && Int(exactly: value) != nil }
    var intValue: Int { Int(exactly: value)! }  // only read after fitsInInt
}
