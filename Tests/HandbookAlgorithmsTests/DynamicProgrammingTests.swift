import HandbookAlgorithms
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Dynamic programming")
struct DynamicProgrammingTests {
    typealias Lesson = DynamicProgramming

    @Test(
        "naive, memoized, tabulated and O(1) Fibonacci agree",
        arguments: [
            (0, 0), (1, 1), (2, 1), (10, 55), (20, 6_765), (50, 12_586_269_025),
        ])
    func fibonacciVariantsAgree(n: Int, expected: Int) throws {
        var memo = Lesson.FibonacciMemo()
        #expect(memo.fibonacci(n) == expected)
        #expect(Lesson.tabulatedFibonacci(n) == expected)
        #expect(Lesson.fibonacci(n) == expected)
        #expect(try Lesson.checkedFibonacci(n) == expected)
        if n <= 20 {
            var calls = 0
            #expect(Lesson.naiveFibonacci(n, calls: &calls) == expected)
        }
    }

    @Test("memoization turns 21 891 naive calls into 39")
    func memoizationMakesLinearCalls() {
        var naiveCalls = 0
        _ = Lesson.naiveFibonacci(20, calls: &naiveCalls)
        #expect(naiveCalls == 21_891)  // 2·fib(21) − 1
        var memo = Lesson.FibonacciMemo()
        _ = memo.fibonacci(20)
        #expect(memo.calls == 39)  // 2n − 1: every subproblem once, plus one cache hit each
    }

    @Test("fib(92) is the largest that fits in Int; fib(93) is reported as overflow")
    func fibonacciOverflowIsReported() throws {
        #expect(Lesson.fibonacci(92) == 7_540_113_804_746_346_429)
        #expect(Lesson.tabulatedFibonacci(92) == 7_540_113_804_746_346_429)
        #expect(try Lesson.checkedFibonacci(92) == 7_540_113_804_746_346_429)
        #expect(throws: Lesson.Overflow(n: 93)) { try Lesson.checkedFibonacci(93) }
        #expect(throws: Lesson.Overflow(n: 93)) { try Lesson.checkedFibonacci(1_000) }
    }

    @Test("fib(93) with plain + traps: Swift integers do not wrap like Go's")
    func fibonacciOverflowTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = DynamicProgramming.fibonacci(93)
        }
    }

    @Test("the largest inputs whose answers fit: climbStairs(91), a 34 × 34 grid, memo fib(92)")
    func largestAnswersThatFit() {
        #expect(Lesson.climbStairs(91) == 7_540_113_804_746_346_429)  // F(92)
        #expect(Lesson.uniquePaths(rows: 34, columns: 34) == 7_219_428_434_016_265_740)  // C(66, 33)
        var memo = Lesson.FibonacciMemo()
        #expect(memo.fibonacci(92) == 7_540_113_804_746_346_429)
    }

    @Test("past the Int range the checked preconditions stop with a message, before any overflow or deep recursion")
    func outOfRangeIndicesArePreconditionFailures() async {
        await #expect(processExitsWith: .failure) { _ = DynamicProgramming.climbStairs(92) }
        await #expect(processExitsWith: .failure) {
            var memo = DynamicProgramming.FibonacciMemo()
            _ = memo.fibonacci(100_000)  // would recurse 100,000 frames deep without the check
        }
    }

    @Test("one-dimensional classics: LeetCode's examples and edge cases")
    func oneDimensionalClassics() {
        #expect([0, 1, 2, 3, 5, 45].map(Lesson.climbStairs) == [1, 1, 2, 3, 8, 1_836_311_903])
        #expect(Lesson.coinChange([1, 2, 5], amount: 11) == 3)
        #expect(Lesson.coinChange([2], amount: 3) == nil)  // Go returns -1
        #expect(Lesson.coinChange([1], amount: 0) == 0)
        #expect(Lesson.coinChange([186, 419, 83, 408], amount: 6_249) == 20)
        #expect(Lesson.maxSubarraySum([-2, 1, -3, 4, -1, 2, 1, -5, 4]) == 6)
        #expect(Lesson.maxSubarraySum([5, 4, -1, 7, 8]) == 23)
        #expect(Lesson.maxSubarraySum([-3, -1, -2]) == -1)  // not 0
        #expect(Lesson.maxSubarraySum([]) == nil)
        #expect(Lesson.rob([1, 2, 3, 1]) == 4)
        #expect(Lesson.rob([2, 7, 9, 3, 1]) == 12)
        #expect(Lesson.rob([]) == 0)
    }

    @Test("two-dimensional classics: unique paths, LCS by Character, knapsack")
    func twoDimensionalClassics() {
        #expect(Lesson.uniquePaths(rows: 3, columns: 7) == 28)
        #expect(Lesson.uniquePaths(rows: 3, columns: 2) == 3)
        #expect(Lesson.uniquePaths(rows: 1, columns: 1) == 1)
        #expect(Lesson.longestCommonSubsequence("abcde", "ace") == 3)
        #expect(Lesson.longestCommonSubsequence("abc", "abc") == 3)
        #expect(Lesson.longestCommonSubsequence("abc", "def") == 0)
        #expect(Lesson.longestCommonSubsequence("", "abc") == 0)
        #expect(Lesson.longestCommonSubsequence("caf\u{E9}", "cafe\u{301}") == 4)  // canonically equal Characters
        #expect(Lesson.knapsack(weights: [1, 3, 4, 5], values: [1, 4, 5, 7], capacity: 7) == 9)
        #expect(Lesson.knapsack(weights: [], values: [], capacity: 10) == 0)
        #expect(Lesson.knapsack(weights: [5], values: [10], capacity: 4) == 0)
    }

    @Test(
        "LIS: LeetCode's examples, duplicates and empty",
        arguments: [
            ([10, 9, 2, 5, 3, 7, 101, 18], 4), ([0, 1, 0, 3, 2, 3], 4), ([7, 7, 7, 7], 1), ([], 0), ([-5], 1),
            ([Int.min, 0, Int.max], 3),
        ])
    func longestIncreasingSubsequence(numbers: [Int], expected: Int) {
        #expect(Lesson.lisLength(numbers) == expected)
        #expect(Lesson.quadraticLISLength(numbers) == expected)
    }

    @Test("property: LIS in O(n log n) equals the O(n²) DP")
    func lisMatchesQuadraticOracle() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -10...10).array(of: 0...30)) { numbers in
            #expect(Lesson.lisLength(numbers) == Lesson.quadraticLISLength(numbers))
        }
    }

    @Test("property: 0/1 knapsack equals brute force over every subset")
    func knapsackMatchesBruteForce() async {
        await propertyCheck(
            count: 1_000, input: Gen.int(in: 1...8).array(of: 0...7), Gen.int(in: 0...20).array(of: 7),
            Gen.int(in: 0...20)
        ) { weights, allValues, capacity in
            let values = Array(allValues.prefix(weights.count))
            var best = 0
            for mask in 0..<(1 << weights.count) {
                let chosen = weights.indices.filter { mask & (1 << $0) != 0 }
                if chosen.reduce(0, { $0 + weights[$1] }) <= capacity {
                    best = max(best, chosen.reduce(0) { $0 + values[$1] })
                }
            }
            #expect(Lesson.knapsack(weights: weights, values: values, capacity: capacity) == best)
        }
    }

    @Test("Kadane never adds a dropped run: no trap when the answer fits")
    func kadaneAtTheExtremes() {
        #expect(Lesson.maxSubarraySum([Int.min, -1]) == -1)  // Int.min + -1 is never computed
        #expect(Lesson.maxSubarraySum([-1, Int.min]) == -1)
        #expect(Lesson.maxSubarraySum([Int.min, Int.min]) == Int.min)
        #expect(Lesson.maxSubarraySum([Int.max, -1, 1]) == Int.max)
        #expect(Lesson.maxSubarraySum([Int.max, Int.min, Int.max]) == Int.max)
    }

    @Test("property: Kadane equals the exact maximum over every subarray on 1,000 seeded extreme arrays")
    func kadaneMatchesExactOracleAtTheExtremes() async {
        let value = Gen.element(of: extremeIntegers).map { $0 ?? 0 }
        await propertyCheck(count: 1_000, input: value.array(of: 1...9)) { numbers in
            var best: Int128?
            for start in numbers.indices {
                for end in start..<numbers.count {
                    best = max(best ?? exactSum(numbers[start...end]), exactSum(numbers[start...end]))
                }
            }
            // The documented precondition: the answer fits. Other subarrays may not.
            guard let best, let answer = Int(exactly: best) else { return }
            #expect(Lesson.maxSubarraySum(numbers) == answer, "\(numbers)")
        }
    }

    @Test("property: Kadane equals the maximum over every subarray")
    func kadaneMatchesBruteForce() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -20...20).array(of: 1...20)) { numbers in
            var best = Int.min
            for start in numbers.indices {
                for end in start..<numbers.count { best = max(best, numbers[start...end].reduce(0, +)) }
            }
            #expect(Lesson.maxSubarraySum(numbers) == best)
        }
    }
}
