import HandbookAlgorithms
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Two pointers")
struct TwoPointersTests {
    typealias Lesson = TwoPointers

    @Test(
        "two-sum on sorted input (published examples, zero-based indices)",
        arguments: [
            ([2, 7, 11, 15], 9, (0, 1)),
            ([2, 3, 4], 6, (0, 2)),
            ([-3, -1, 0, 2, 5], 4, (1, 4)),
            ([-1, 0], -1, (0, 1)),
            ([1, 2, 3], 7, nil),
            ([5], 10, nil),
            ([], 0, nil),
            ([1, Int.max - 1, Int.max], Int.max, (0, 1)),  // a naive a + b would trap on (0, 2)
        ] as [([Int], Int, (Int, Int)?)])
    func twoSumSortedCases(_ numbers: [Int], _ target: Int, _ expected: (Int, Int)?) {
        let found = Lesson.twoSumSorted(numbers, target: target)
        #expect(found?.0 == expected?.0)
        #expect(found?.1 == expected?.1)
    }

    @Test("3-sum returns every zero triplet exactly once")
    func threeSumHasNoDuplicateTriplets() {
        #expect(Lesson.threeSum([-1, 0, 1, 2, -1, -4]) == [[-1, -1, 2], [-1, 0, 1]])
        #expect(Lesson.threeSum([0, 0, 0, 0]) == [[0, 0, 0]])
        #expect(Lesson.threeSum([-2, 0, 0, 2, 2]) == [[-2, 0, 2]])
        #expect(Lesson.threeSum([0, 1, 1]) == [])
        #expect(Lesson.threeSum([]) == [])
    }

    @Test("in place: remove duplicates, reverse, move zeroes keeping the order")
    func inPlaceRewrites() {
        var sorted = [0, 0, 1, 1, 1, 2, 2, 3, 3, 4]
        #expect(Lesson.removeDuplicates(&sorted) == 5)
        #expect(sorted == [0, 1, 2, 3, 4])
        var empty: [Int] = []
        #expect(Lesson.removeDuplicates(&empty) == 0)

        var numbers = [1, 2, 3, 4, 5]
        Lesson.reverse(&numbers)
        #expect(numbers == [5, 4, 3, 2, 1])

        var zeroes = [0, 1, 0, 3, 12]
        Lesson.moveZeroes(&zeroes)
        #expect(zeroes == [1, 3, 12, 0, 0])
        var negatives = [0, -1, 0, 0, -7, 5]
        Lesson.moveZeroes(&negatives)
        #expect(negatives == [-1, -7, 5, 0, 0, 0])
    }

    @Test("the swap-with-the-end shortcut moves the zeroes but scrambles the order")
    func swapWithEndIsNotStable() {
        var numbers = [0, 1, 0, 3, 12]
        Lesson.moveZeroesBySwappingWithEnd(&numbers)
        #expect(numbers.suffix(2) == [0, 0])
        #expect(Array(numbers.prefix(3)) == [12, 1, 3])  // not [1, 3, 12]
    }

    @Test(
        "container with most water (published examples)",
        arguments: [
            ([1, 8, 6, 2, 5, 4, 8, 3, 7], 49), ([1, 1], 1), ([4, 3, 2, 1, 4], 16), ([1, 2, 1], 2), ([5], 0), ([], 0),
        ])
    func containerWithMostWater(_ heights: [Int], _ area: Int) {
        #expect(Lesson.maxArea(heights) == area)
    }

    @Test("palindromes: Characters are right where bytes are wrong")
    func palindromeByCharacterNotBytes() {
        let accented = "e\u{301}ke\u{301}"  // "éké" with combining acute accents
        #expect(accented.count == 3)
        #expect(Lesson.isPalindrome(accented))
        #expect(!Lesson.isPalindromeByBytes(accented))  // bytes: 65 CC 81 6B 65 CC 81
        #expect(Lesson.isPalindrome("😀a😀"))
        #expect(!Lesson.isPalindromeByBytes("😀a😀"))
        for ascii in ["racecar", "abba", "a", ""] {  // on ASCII both agree
            #expect(Lesson.isPalindrome(ascii) && Lesson.isPalindromeByBytes(ascii))
        }
        #expect(!Lesson.isPalindrome("hello"))
        #expect(Lesson.isSentencePalindrome("A man, a plan, a canal: Panama"))
        #expect(!Lesson.isSentencePalindrome("race a car"))
        #expect(Lesson.isSentencePalindrome(" ,. "))
    }

    @Test("pair and triplet sums match brute force on 1,000 random arrays")
    func sumsMatchBruteForce() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -10...10).array(of: 0...12), Gen.int(in: -20...20)) {
            unsorted, target in
            let numbers = unsorted.sorted()
            let pairs = numbers.indices.flatMap { i in numbers.indices.filter { $0 > i }.map { (i, $0) } }
            if let (i, j) = Lesson.twoSumSorted(numbers, target: target) {
                #expect(i < j && numbers[i] + numbers[j] == target)
            } else {
                #expect(!pairs.contains { numbers[$0.0] + numbers[$0.1] == target })
            }
            var expected = Set<[Int]>()
            for (i, j) in pairs {
                for k in numbers.indices where k > j && numbers[i] + numbers[j] + numbers[k] == 0 {
                    expected.insert([numbers[i], numbers[j], numbers[k]])
                }
            }
            let triplets = Lesson.threeSum(unsorted)
            #expect(triplets.count == expected.count)  // no duplicates
            #expect(Set(triplets) == expected)
        }
    }

    @Test("3-sum never traps: triplets that are not the answer may leave Int's range")
    func threeSumAtTheExtremes() {
        #expect(Lesson.threeSum([1, 1, Int.max]) == [])
        #expect(Lesson.threeSum([-2, 1, 1, Int.max]) == [[-2, 1, 1]])
        #expect(Lesson.threeSum([Int.min, Int.min, -1]) == [])
        #expect(Lesson.threeSum([Int.min, 0, Int.max, 1]) == [[Int.min, 1, Int.max]])
        #expect(Lesson.threeSum([Int.min / 2, Int.min / 2, 0, Int.max]) == [])
    }

    @Test("2-sum and 3-sum match exact Int128 brute force on 1,000 seeded arrays of extreme values")
    func sumsMatchExactOracleAtTheExtremes() async {
        let value = Gen.element(of: extremeIntegers).map { $0 ?? 0 }
        await propertyCheck(count: 1_000, input: value.array(of: 0...9), value) { numbers, target in
            let sorted = numbers.sorted()
            let pairs = sorted.indices.flatMap { i in sorted.indices.filter { $0 > i }.map { (i, $0) } }
            if let (i, j) = Lesson.twoSumSorted(sorted, target: target) {
                #expect(i < j && exactSum([sorted[i], sorted[j]]) == Int128(target))
            } else {
                #expect(!pairs.contains { exactSum([sorted[$0.0], sorted[$0.1]]) == Int128(target) }, "\(sorted)")
            }
            var expected = Set<[Int]>()
            for (i, j) in pairs {
                for k in sorted.indices where k > j && exactSum([sorted[i], sorted[j], sorted[k]]) == 0 {
                    expected.insert([sorted[i], sorted[j], sorted[k]])
                }
            }
            let triplets = Lesson.threeSum(numbers)
            #expect(triplets.count == expected.count, "\(numbers)")
            #expect(Set(triplets) == expected, "\(numbers)")
        }
    }

    @Test("in-place rewrites, container and palindrome match simple oracles on 1,000 inputs")
    func rewritesMatchOracles() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -3...3).array(of: 0...20)) { numbers in
            var reversed = numbers
            Lesson.reverse(&reversed)
            #expect(reversed == numbers.reversed())

            var zeroes = numbers
            Lesson.moveZeroes(&zeroes)
            #expect(zeroes == numbers.filter { $0 != 0 } + numbers.filter { $0 == 0 })

            var unique = numbers.sorted()
            Lesson.removeDuplicates(&unique)
            #expect(unique == Array(Set(numbers)).sorted())

            let heights = numbers.map(abs)
            var best = 0
            for i in heights.indices {
                for j in heights.indices where j > i { best = max(best, (j - i) * min(heights[i], heights[j])) }
            }
            #expect(Lesson.maxArea(heights) == best)
        }
        let alphabet = ["a", "b", "é", "e\u{301}", "👍🏽"]  // "é" and "e\u{301}" are the same Character
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...4).array(of: 0...6), Gen.bool) { codes, mirror in
            let parts = codes.map { alphabet[$0] }
            let text = (mirror ? parts + parts.reversed() : parts).joined()
            #expect(Lesson.isPalindrome(text) == (Array(text) == Array(text.reversed())))
        }
    }
}
