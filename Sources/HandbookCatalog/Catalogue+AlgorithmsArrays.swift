extension Catalogue {
    static let algorithmArrayLessons: [Lesson] = [
        Lesson(
            id: "algo.binary-search",
            phase: 4,
            module: "HandbookAlgorithms",
            title: "Binary search in indices",
            sources: ["Sources/HandbookAlgorithms/BinarySearch.swift"],
            tests: ["Tests/HandbookAlgorithmsTests/BinarySearchTests.swift"],
            seedTopics: ["algo: Binary Search"],
            experiments: [
                Experiment(
                    id: "binary-search.naive-midpoint",
                    file: "Sources/HandbookAlgorithms/BinarySearch.swift",
                    original:
                        "\n            let middle = low + (high - low) / 2\n            if middle <= n / middle {",
                    replacement: "\n            let middle = (low + high) / 2\n            if middle <= n / middle {",
                    caughtBy: "HandbookAlgorithmsTests.BinarySearchTests/isqrtTable",
                    teaches: """
                        isqrt searches 1...n, so for n = Int.max the very first (low + high) overflows and the \
                        test process dies with "arithmetic overflow". Go wraps to a negative midpoint instead; \
                        in Swift the textbook midpoint is a crash, and low + (high - low) / 2 is the fix.
                        """),
                Experiment(
                    id: "binary-search.midpoint-difference-in-int",
                    file: "Sources/HandbookAlgorithms/BinarySearch.swift",
                    original: "let distance = UInt(bitPattern: high &- low)",
                    replacement: "let distance = UInt(high - low)",
                    caughtBy: "HandbookAlgorithmsTests.BinarySearchTests/midpointOfAnyBounds",
                    teaches: """
                        low + (high - low) / 2 is the overflow fix for indices, but high - low itself overflows once the \
                        bounds have opposite signs: midpoint(-1, Int.max) traps. The distance between two Ints always \
                        fits in a UInt; half of it always fits in an Int.
                        """),
                Experiment(
                    id: "binary-search.lower-bound-uses-greater",
                    file: "Sources/HandbookAlgorithms/BinarySearch.swift",
                    original: "partitioningIndex(in: elements) { $0 >= target }",
                    replacement: "partitioningIndex(in: elements) { $0 > target }",
                    caughtBy: "HandbookAlgorithmsTests.BinarySearchTests/(goTables|matchesLinearOracle)",
                    teaches: """
                        With > the "lower bound" becomes the upper bound: it lands after the equal elements, so \
                        firstIndex(of:) misses every target that is present and the insertion point moves. One \
                        character separates bisect_left from bisect_right; the linear oracle finds it at once.
                        """),
            ]),
        Lesson(
            id: "algo.two-pointers",
            phase: 4,
            module: "HandbookAlgorithms",
            title: "Two pointers",
            sources: ["Sources/HandbookAlgorithms/TwoPointers.swift"],
            tests: ["Tests/HandbookAlgorithmsTests/TwoPointersTests.swift"],
            seedTopics: ["algo: Two Pointers"],
            experiments: [
                Experiment(
                    id: "two-pointers.keep-duplicate-anchors",
                    file: "Sources/HandbookAlgorithms/TwoPointers.swift",
                    original: "\n            if anchor > 0 && sorted[anchor] == sorted[anchor - 1] { continue }",
                    replacement: "",
                    caughtBy:
                        "HandbookAlgorithmsTests.TwoPointersTests/(threeSumHasNoDuplicateTriplets|sumsMatchBruteForce)",
                    teaches: """
                        Without skipping an anchor equal to the previous one, [-1, 0, 1, 2, -1, -4] reports \
                        [-1, 0, 1] twice. Sorting groups duplicates together, so one comparison with the \
                        neighbour replaces a Set of seen triplets.
                        """),
                Experiment(
                    id: "two-pointers.move-the-taller-line",
                    file: "Sources/HandbookAlgorithms/TwoPointers.swift",
                    original: "if heights[low] < heights[high] { low += 1 } else { high -= 1 }",
                    replacement: "if heights[low] < heights[high] { high -= 1 } else { low += 1 }",
                    caughtBy: "HandbookAlgorithmsTests.TwoPointersTests/(containerWithMostWater|rewritesMatchOracles)",
                    teaches: """
                        Moving the taller line discards pairs that could still be better: the area is capped by \
                        the shorter line, so only moving the shorter one can ever help. The answer for \
                        [1, 8, 6, 2, 5, 4, 8, 3, 7] drops below 49.
                        """),
                Experiment(
                    id: "two-pointers.three-sum-in-int",
                    file: "Sources/HandbookAlgorithms/TwoPointers.swift",
                    original: "let sum = Int128(sorted[anchor]) + Int128(sorted[low]) + Int128(sorted[high])",
                    replacement: "let sum = Int128(sorted[anchor] + sorted[low] + sorted[high])",
                    caughtBy:
                        "HandbookAlgorithmsTests.TwoPointersTests/(threeSumAtTheExtremes|sumsMatchExactOracleAtTheExtremes)",
                    teaches: """
                        Adding the triplet in Int traps on [1, 1, Int.max]: the answer is empty, but the one triplet \
                        the pointers try is past Int.max. Every sum the search compares must fit, not only the answer.
                        """),
            ]),
        Lesson(
            id: "algo.sliding-window",
            phase: 4,
            module: "HandbookAlgorithms",
            title: "Sliding windows over numbers and Characters",
            sources: ["Sources/HandbookAlgorithms/SlidingWindow.swift"],
            tests: ["Tests/HandbookAlgorithmsTests/SlidingWindowTests.swift"],
            seedTopics: ["algo: Sliding Window"],
            experiments: [
                Experiment(
                    id: "sliding-window.left-jumps-back",
                    file: "Sources/HandbookAlgorithms/SlidingWindow.swift",
                    original: "if let last = lastSeen[character] {\n                left = max(left, last + 1)",
                    replacement: "if let last = lastSeen[character] {\n                left = last + 1",
                    caughtBy: "HandbookAlgorithmsTests.SlidingWindowTests/(longestWithoutRepeating|matchesBruteForce)",
                    teaches: """
                        A repeat seen before the window's left edge must not move the edge back: on "abba" the \
                        second "a" pulls left to 1 and the window "bba" (length 3) is counted although it \
                        repeats "b". Both pointers only ever move forward.
                        """),
                Experiment(
                    id: "sliding-window.shrink-once",
                    file: "Sources/HandbookAlgorithms/SlidingWindow.swift",
                    original: "while missing == 0 {",
                    replacement: "if missing == 0 {",
                    caughtBy: "HandbookAlgorithmsTests.SlidingWindowTests/(minimumWindowSubstring|matchesBruteForce)",
                    teaches: """
                        Shrinking by one step per new character leaves the left edge behind, so the window is \
                        never as small as it could be: "ADOBECODEBANC" no longer yields "BANC". Minimising \
                        windows shrink with while, until the condition breaks.
                        """),
                Experiment(
                    id: "sliding-window.window-update-in-int",
                    file: "Sources/HandbookAlgorithms/SlidingWindow.swift",
                    original: "sum += Int128(numbers[right]) - Int128(numbers[right - windowSize])",
                    replacement: "sum += Int128(numbers[right] - numbers[right - windowSize])",
                    caughtBy:
                        "HandbookAlgorithmsTests.SlidingWindowTests/(extremeValuesDoNotTrap|matchesExactOracleAtTheExtremes)",
                    teaches: """
                        Subtracting the leaving element from the entering one in Int, before widening, overflows on \
                        [Int.max, Int.min] with window 1 (Int.min - Int.max) although both windows and the answer fit: \
                        the test process dies with an arithmetic-overflow trap. Widen each operand, then combine.
                        """),
            ]),
        Lesson(
            id: "algo.sorting",
            phase: 4,
            module: "HandbookAlgorithms",
            title: "Sorting algorithms and stability",
            sources: ["Sources/HandbookAlgorithms/Sorting.swift"],
            tests: ["Tests/HandbookAlgorithmsTests/SortingTests.swift"],
            seedTopics: ["algo: Sorting"],
            experiments: [
                Experiment(
                    id: "sorting.introsort-without-a-depth-limit",
                    file: "Sources/HandbookAlgorithms/Sorting.swift",
                    original: "if depth == 0 {",
                    replacement: "if depth == Int.min {",
                    caughtBy: "HandbookAlgorithmsTests.SortingTests/introSortSurvivesTheKillerAdversary",
                    teaches: """
                        A deterministic pivot rule (median of three, ninther) has inputs that defeat it, and \
                        McIlroy's adversary builds one while the sort runs: without the depth limit that hands \
                        the range to heapsort, introsort is a quicksort again and makes millions of comparisons \
                        on 4,096 elements instead of tens of thousands.
                        """),
                Experiment(
                    id: "sorting.buffered-merge-takes-right-on-ties",
                    file: "Sources/HandbookAlgorithms/Sorting.swift",
                    original: "if less(base[right], scratch[left]) {",
                    replacement: "if !less(scratch[left], base[right]) {",
                    caughtBy: "HandbookAlgorithmsTests.SortingTests/bufferedMergeSortIsStable",
                    teaches: """
                        The one-buffer merge must take from the right run only when it is strictly smaller. \
                        Taking it on ties too still sorts, but equal keys swap order, and only arrays longer \
                        than the insertion-sort cutoff reach the merge: short tests cannot see it.
                        """),
                Experiment(
                    id: "sorting.merge-tie-break-takes-right",
                    file: "Sources/HandbookAlgorithms/Sorting.swift",
                    original: "if areInIncreasingOrder(right[j], left[i]) {",
                    replacement: "if !areInIncreasingOrder(left[i], right[j]) {",
                    caughtBy:
                        "HandbookAlgorithmsTests.SortingTests/(stableAlgorithmsKeepTies|stableAlgorithmsMatchStandardLibrary)",
                    teaches: """
                        The classic merge test `left <= right` turned into `<`: on equal keys the merge now \
                        takes the right run first. Integers still come out sorted, so only (key, originalIndex) \
                        records reveal that merge sort stopped being stable.
                        """),
                Experiment(
                    id: "sorting.sift-down-ignores-right-child",
                    file: "Sources/HandbookAlgorithms/Sorting.swift",
                    original:
                        "\n            if right < end && areInIncreasingOrder(elements[largest], elements[right]) { largest = right }",
                    replacement: "",
                    caughtBy: "HandbookAlgorithmsTests.SortingTests/(sortsGoArrays|matchesSortedOracle)",
                    teaches: """
                        A sift-down that only looks at the left child leaves a larger right child below its \
                        parent, so the root is not the maximum and heapsort emits elements out of order. The \
                        heap property is about both children.
                        """),
            ]),
    ]
}
