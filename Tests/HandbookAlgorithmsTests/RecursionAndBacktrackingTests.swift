import HandbookAlgorithms
import PropertyBased
import Testing

@Suite("Recursion and backtracking")
struct RecursionAndBacktrackingTests {
    typealias Lesson = RecursionAndBacktracking

    static func factorial(_ n: Int) -> Int { (1...max(n, 1)).reduce(1, *) }

    @Test("permutations of [1, 2, 3]: 6, all distinct, in choice order")
    func permutationsOfThree() {
        let permutations = Lesson.permutations([1, 2, 3])
        #expect(permutations == [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]])
        #expect(Set(permutations).count == 6)
        #expect(Lesson.permutations([Int]()) == [[]])  // one way to order nothing
        #expect(Lesson.permutations(["a"]) == [["a"]])
    }

    @Test("property: n distinct elements have n! distinct permutations, each a rearrangement")
    func permutationsAreCompleteAndDistinct() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -50...50).set(ofAtMost: 0...5)) { distinct in
            let elements = Array(distinct)
            let permutations = Lesson.permutations(elements)
            #expect(permutations.count == Self.factorial(elements.count))
            #expect(Set(permutations).count == permutations.count)
            #expect(permutations.allSatisfy { $0.sorted() == elements.sorted() })
        }
    }

    @Test("property: subsets of n elements are 2^n distinct sub-multisets")
    func subsetsArePowerSet() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -50...50).set(ofAtMost: 0...8)) { distinct in
            let elements = Array(distinct)
            let subsets = Lesson.subsets(elements)
            #expect(subsets.count == 1 << elements.count)
            #expect(Set(subsets.map(Set.init)).count == subsets.count)
            #expect(subsets.allSatisfy { Set($0).isSubset(of: distinct) })
        }
        #expect(Lesson.subsets([1, 2, 3]) == [[], [1], [1, 2], [1, 2, 3], [1, 3], [2], [2, 3], [3]])
    }

    @Test(
        "combination sum: LeetCode 39 examples, no permuted duplicates",
        arguments: [
            ([2, 3, 6, 7], 7, [[2, 2, 3], [7]]),
            ([2, 3, 5], 8, [[2, 2, 2, 2], [2, 3, 3], [3, 5]]),
            ([2], 1, []),
            ([7, 3, 2], 0, [[]]),
        ])
    func combinationSum(candidates: [Int], target: Int, expected: [[Int]]) {
        let combinations = Lesson.combinationSum(candidates, target: target)
        #expect(combinations == expected)
        #expect(combinations.allSatisfy { $0.reduce(0, +) == target && $0 == $0.sorted() })
        #expect(Lesson.iterativeCombinationSum(candidates, target: target) == expected)
    }

    @Test("property: the explicit-stack combination sum returns what the recursion returns, in order")
    func iterativeCombinationSumMatchesRecursion() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...9).set(ofAtMost: 0...4), Gen.int(in: -2...16)) {
            candidates, target in
            let distinct = Array(candidates)
            #expect(
                Lesson.iterativeCombinationSum(distinct, target: target)
                    == Lesson.combinationSum(distinct, target: target), "\(distinct), \(target)")
        }
    }

    @Test("the explicit-stack combination sum reaches a depth of 100,000 where the recursion would crash")
    func iterativeCombinationSumGoesDeep() {
        let combinations = Lesson.iterativeCombinationSum([1], target: 100_000)
        #expect(combinations.count == 1 && combinations.first?.count == 100_000)
    }

    @Test("N-Queens counts the known solutions", arguments: [(1, 1), (2, 0), (3, 0), (4, 2), (5, 10), (6, 4), (8, 92)])
    func nQueens(n: Int, solutions: Int) {
        #expect(Lesson.nQueens(n) == solutions)
    }

    @Test("generate parentheses: Catalan counts, every result balanced and distinct")
    func generateParentheses() {
        #expect(Lesson.generateParentheses(3) == ["((()))", "(()())", "(())()", "()(())", "()()()"])
        #expect((0...8).map { Lesson.generateParentheses($0).count } == [1, 1, 2, 5, 14, 42, 132, 429, 1_430])
        for pairs in 0...6 {
            let results = Lesson.generateParentheses(pairs)
            #expect(Set(results).count == results.count)
            for string in results {
                var depth = 0
                for character in string {
                    depth += character == "(" ? 1 : -1
                    #expect(depth >= 0)
                }
                #expect(depth == 0 && string.count == 2 * pairs)
            }
        }
    }

    @Test("10 000 000-deep recursion overflows the stack; the loop does not")
    func deepRecursionTraps() async {
        #expect(Lesson.iterativeCount(10_000_000) == 10_000_000)
        #expect(Lesson.recursiveCount(1_000) == 1_000)  // shallow recursion is fine
        await #expect(processExitsWith: .failure) {
            _ = RecursionAndBacktracking.recursiveCount(10_000_000)
        }
    }
}
