extension Catalogue {
    static let leetCodeSecondLessons: [Lesson] = [
        Lesson(
            id: "leetcode.longest-substring-without-repeating-characters",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Longest substring without repeating characters (LeetCode 3)",
            sources: ["Sources/HandbookLeetCode/LongestSubstringWithoutRepeatingCharacters.swift"],
            tests: ["Tests/HandbookLeetCodeTests/LongestSubstringWithoutRepeatingCharactersTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "longest-substring-without-repeating-characters.jump-to-stale-occurrence",
                    file: "Sources/HandbookLeetCode/LongestSubstringWithoutRepeatingCharacters.swift",
                    original: "if let seen = lastSeen[character], seen.offset >= windowStart.offset {",
                    replacement: "if let seen = lastSeen[character] {",
                    caughtBy:
                        "HandbookLeetCodeTests.LongestSubstringWithoutRepeatingCharactersTests/startOnlyMovesForward",
                    teaches: """
                        Without the "inside the window" check, the second "a" of "abba" moves the start back to \
                        just after the first "a", an occurrence already left behind, and the answer becomes 3 \
                        ("bba"). The window start must only ever move forward.
                        """)
            ]),
        Lesson(
            id: "leetcode.product-of-array-except-self",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Product of array except self (LeetCode 238)",
            sources: ["Sources/HandbookLeetCode/ProductOfArrayExceptSelf.swift"],
            tests: ["Tests/HandbookLeetCodeTests/ProductOfArrayExceptSelfTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "product-of-array-except-self.form-the-full-product",
                    file: "Sources/HandbookLeetCode/ProductOfArrayExceptSelf.swift",
                    original: """
                        if index > 0 {  // the product of all n elements is never needed
                                        suffix = multiply(suffix, numbers[index])
                                    }
                        """,
                    replacement: "suffix = multiply(suffix, numbers[index])",
                    caughtBy: "HandbookLeetCodeTests.ProductOfArrayExceptSelfTests/neverFormsTheFullProduct",
                    teaches: """
                        Updating the suffix after the last step multiplies all n elements together, a value \
                        no answer needs. For [Int.max, 4] every answer fits, yet the extra step forms \
                        Int.max × 4, past even the UInt magnitude the products are kept in: the precondition "a \
                        product of the other elements does not fit in Int" traps. An unnecessary multiplication is a \
                        crash, not just waste. ([Int.max, 2] still passes: Int.max × 2 fits in a UInt.)
                        """)
            ]),
        Lesson(
            id: "leetcode.kth-largest-element-in-an-array",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Kth largest element in an array (LeetCode 215)",
            sources: ["Sources/HandbookLeetCode/KthLargestElementInAnArray.swift"],
            tests: ["Tests/HandbookLeetCodeTests/KthLargestElementInAnArrayTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "kth-largest-element-in-an-array.select-kth-smallest",
                    file: "Sources/HandbookLeetCode/KthLargestElementInAnArray.swift",
                    original: "let target = values.count - k",
                    replacement: "let target = k - 1",
                    caughtBy:
                        "HandbookLeetCodeTests.KthLargestElementInAnArrayTests/(publishedExamples|matchesSortingOracle)",
                    teaches: """
                        Position k - 1 in ascending order is the k-th smallest: [3, 2, 1, 5, 6, 4] with k = 2 \
                        answers 2 instead of 5, while the heap method still answers 5. The k-th largest sits at \
                        ascending position n - k.
                        """)
            ]),
        Lesson(
            id: "leetcode.meeting-rooms-ii",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Meeting rooms II (LeetCode 253)",
            sources: ["Sources/HandbookLeetCode/MeetingRoomsII.swift"],
            tests: ["Tests/HandbookLeetCodeTests/MeetingRoomsIITests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "meeting-rooms-ii.touching-meetings-overlap",
                    file: "Sources/HandbookLeetCode/MeetingRoomsII.swift",
                    original: "if ends[nextEnd] <= start {",
                    replacement: "if ends[nextEnd] < start {",
                    caughtBy: "HandbookLeetCodeTests.MeetingRoomsIITests/(backToBackShareARoom|matchesBruteForce)",
                    teaches: """
                        With < a meeting ending at 5 still holds its room when the next starts at 5, so \
                        [1, 5), [5, 10), [10, 15) needs 2 rooms instead of 1. Intervals are half-open; the tie \
                        rule is the whole question.
                        """)
            ]),
        Lesson(
            id: "leetcode.number-of-islands",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Number of islands (LeetCode 200)",
            sources: ["Sources/HandbookLeetCode/NumberOfIslands.swift"],
            tests: ["Tests/HandbookLeetCodeTests/NumberOfIslandsTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "number-of-islands.forget-up",
                    file: "Sources/HandbookLeetCode/NumberOfIslands.swift",
                    original: "static let directions = [(-1, 0), (1, 0), (0, -1), (0, 1)]",
                    replacement: "static let directions = [(1, 0), (0, -1), (0, 1)]",
                    caughtBy: "HandbookLeetCodeTests.NumberOfIslandsTests/(edgeCases|matchesOracle)",
                    teaches: """
                        Both LeetCode examples still pass, because a row-major scan reaches their cells going \
                        right and down; a U shape ("101" over "111") counts as 2 islands. Small hand-picked \
                        examples miss it, the edge-case table and the random-grid oracle do not.
                        """)
            ]),
        Lesson(
            id: "leetcode.course-schedule",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Course schedule I and II (LeetCode 207, 210)",
            sources: ["Sources/HandbookLeetCode/CourseSchedule.swift"],
            tests: ["Tests/HandbookLeetCodeTests/CourseScheduleTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "course-schedule.skip-the-shortfall-check",
                    file: "Sources/HandbookLeetCode/CourseSchedule.swift",
                    original: "if order.count == numCourses { return .order(order) }",
                    replacement: "return .order(order)",
                    caughtBy: "HandbookLeetCodeTests.CourseScheduleTests/(publishedExamples|matchesOracle)",
                    teaches: """
                        Returning the queue's order without comparing its length to numCourses reports \
                        [(1, 0), (0, 1)] as finishable with the order []. Courses on a cycle never reach \
                        in-degree 0, so the shortfall is the cycle detection in Kahn's algorithm.
                        """)
            ]),
        Lesson(
            id: "leetcode.trapping-rain-water",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Trapping rain water (LeetCode 42)",
            sources: ["Sources/HandbookLeetCode/TrappingRainWater.swift"],
            tests: ["Tests/HandbookLeetCodeTests/TrappingRainWaterTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "trapping-rain-water.always-advance-left",
                    file: "Sources/HandbookLeetCode/TrappingRainWater.swift",
                    original: "if heights[left] < heights[right] {",
                    replacement: "if left < right {",
                    caughtBy: "HandbookLeetCodeTests.TrappingRainWaterTests/(publishedExamples|matchesBruteForce)",
                    teaches: """
                        Always settling the left cell bounds its water by the left maximum alone, so water \
                        "trapped" against no right wall is counted: [4, 2, 0, 3, 2, 5] still gives 9 but \
                        [0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1] gives more than 6. Only the lower side knows its bound.
                        """)
            ]),
    ]
}
