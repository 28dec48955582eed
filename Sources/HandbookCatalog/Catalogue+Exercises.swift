extension Catalogue {
    /// Practice exercises, in learning-path order. Each blanks part of a
    /// lesson's source; the lesson's tests judge the learner's version.
    public static let exercises: [Exercise] =
        foundationExercises + concurrencyExercises + engineeringExercises + dataStructureExercises
        + algorithmExercises + leetCodeExercises

    /// The exercise with this id, if any.
    public static func exercise(withID id: String) -> Exercise? {
        exercises.first { $0.id == id }
    }

    static let leetCodeExercises: [Exercise] = [
        Exercise(
            id: "two-sum",
            lesson: "leetcode.two-sum",
            file: "Sources/HandbookLeetCode/TwoSum.swift",
            blanks: [
                "public static func indices(of nums: [Int], summingTo target: Int) -> (Int, Int)?",
                "public static func indicesTrappingOnOverflow(of nums: [Int], summingTo target: Int) -> (Int, Int)?",
            ],
            prompt: """
                Return the earliest pair of different positions (i, j), i < j, whose values sum to target: the \
                smallest j, then the smallest i; nil when there is none. O(n) expected time. Extreme values \
                (Int.min, Int.max) must not trap: the complement target - number may not fit in Int. Then \
                write indicesTrappingOnOverflow, the same algorithm with a plain target - number: the pitfall \
                the tests show trapping. (indicesByBruteForce is the tests' oracle: do not call it.)
                """,
            difficulty: .easy, minutes: 15,
            hints: [
                "One pass: for each number, have you already seen the number that completes it?",
                "A dictionary from value to its first index; check the complement before inserting the current value.",
                "let (complement, overflowed) = target.subtractingReportingOverflow(number)",
            ]),
        Exercise(
            id: "valid-parentheses",
            lesson: "leetcode.valid-parentheses",
            file: "Sources/HandbookLeetCode/ValidParentheses.swift",
            blanks: ["public static func isValid(_ text: String) -> Bool"],
            prompt: """
                Return whether every bracket in text, of the kinds (), [] and {}, is closed by its own kind in \
                the right order. Iterate Characters, not scalars: every other Character is ignored, including a \
                bracket followed by a combining mark ("(\\u{301}" is one Character that is not "("), so \
                "(\\u{301})" is invalid. O(n) time. Do not call isValidByRepeatedRemoval, the tests' oracle.
                """,
            difficulty: .easy, minutes: 10,
            hints: [
                "The most recent unclosed opener is the only one a closer may close.",
                "A stack of expected closers: push on an opener, pop and compare on a closer, ignore the rest.",
                "At the end the stack must be empty: an unclosed opener is invalid too.",
            ]),
        Exercise(
            id: "merge-intervals",
            lesson: "leetcode.merge-intervals",
            file: "Sources/HandbookLeetCode/MergeIntervals.swift",
            blanks: ["public static func merge(_ intervals: [ClosedRange<Int>]) -> [ClosedRange<Int>]"],
            prompt: """
                Merge overlapping or touching closed intervals (1...3 and 3...5 touch). Return disjoint \
                intervals sorted by lowerBound that cover exactly the input's points; [] for no input. \
                O(n log n). The full Int range must work: do not compute end + 1. (mergeByRepeatedPairing is the \
                tests' oracle: do not call it.)
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Sort by lowerBound first; then only the last merged interval can overlap the next one.",
                "Extend the last interval when next.lowerBound <= last.upperBound, else start a new one.",
            ]),
        Exercise(
            id: "number-of-islands",
            lesson: "leetcode.number-of-islands",
            file: "Sources/HandbookLeetCode/NumberOfIslands.swift",
            blanks: ["public static func count(in grid: [[Character]]) -> Int"],
            prompt: """
                Count the islands: groups of "1" cells joined horizontally or vertically; any other character \
                is water. Do not change the grid. O(m·n). A 1 × 200,000 row of land must not overflow the \
                stack: no recursion. Rows of different lengths are a programmer error and must trap \
                (checkedWidth(of:) is provided). Do not call countBySinking or countRecursively, the tests' oracles.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "Each unvisited land cell starts a new island; flood it so its cells are never counted again.",
                "A visited matrix plus an explicit stack (or queue) of cells to explore; push the four neighbours.",
            ]),
        Exercise(
            id: "trapping-rain-water",
            lesson: "leetcode.trapping-rain-water",
            file: "Sources/HandbookLeetCode/TrappingRainWater.swift",
            blanks: ["public static func twoPointers(_ heights: [Int]) -> Int"],
            prompt: """
                Return the water trapped between bars of the given heights, with two pointers: O(n) time and \
                O(1) extra space. Negative heights are allowed; the running sum traps exactly when the answer \
                itself does not fit in Int (the tests expect [Int.max, 0, 0, Int.max] to trap). Do not call \
                prefixMaxima, the O(n)-space method the tests compare against.
                """,
            difficulty: .hard, minutes: 30,
            hints: [
                "The water above a bar is min(highest bar to its left, highest to its right) minus its height.",
                "Move the pointer on the lower side: that side's running maximum is its bound, because the "
                    + "other side already has a taller bar.",
                "Start both running maxima at Int.min, not 0: heights may be negative.",
            ]),
        Exercise(
            id: "product-of-array-except-self",
            lesson: "leetcode.product-of-array-except-self",
            file: "Sources/HandbookLeetCode/ProductOfArrayExceptSelf.swift",
            blanks: [
                "public static func products(_ numbers: [Int]) -> [Int]",
                "private static func prefixTimesSuffix<Value>(",
            ],
            prompt: """
                For every i, the product of all elements except numbers[i], without division, in O(n). Trap \
                with a message exactly when an answer does not fit in Int; never form a product that no answer \
                needs (the product of all n elements), because that can overflow when every answer fits. The \
                private generic prefixTimesSuffix(_:zeros:zero:one:multiply:) does the two passes for both \
                products (exact) and wrappingProducts (&*): write it too.
                """,
            difficulty: .hard, minutes: 30,
            hints: [
                "answer[i] = (product of everything left of i) × (product of everything right of i).",
                "Two passes: prefix products into the output, then a running suffix from the right.",
                "The lesson keeps sign and magnitude apart (a UInt magnitude) so intermediate products that "
                    + "fit in UInt but not Int still work; read SignedMagnitude in the file.",
            ]),
        Exercise(
            id: "group-anagrams",
            lesson: "leetcode.group-anagrams",
            file: "Sources/HandbookLeetCode/GroupAnagrams.swift",
            blanks: ["public static func group(_ words: [String]) -> [[String]]"],
            prompt: """
                Group the words that are anagrams of each other. Groups come in order of first appearance and \
                words keep their input order within a group. Anagrams are judged by Characters, so "café" \
                (precomposed) and "face\\u{301}" group together. (groupByPairwiseComparison is the tests' \
                oracle: do not call it.)
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Two anagrams have the same key; which key does not depend on Unicode normalisation?",
                "Key: the sorted [Character] array itself, in a [[Character]: Int] from key to group index, "
                    + "never String(word.sorted()): a String re-segments sorted neighbours (a combining accent "
                    + "joins the letter before it). Keep an array of groups for a deterministic order.",
            ]),
        Exercise(
            id: "best-time-to-buy-and-sell-stock",
            lesson: "leetcode.best-time-to-buy-and-sell-stock",
            file: "Sources/HandbookLeetCode/BestTimeToBuyAndSellStock.swift",
            blanks: ["public static func maxProfit(_ prices: [Int]) -> Int"],
            prompt: """
                The largest profit from one buy followed by one later sell, or 0 when no sale makes money. \
                A negative price is a programmer error: trap with a message containing "cannot be negative, got \
                <price>" (a test reads it). O(n) time, O(1) space.
                """,
            difficulty: .easy, minutes: 10,
            hints: [
                "For each day, the best sale that day buys at the lowest price seen before it.",
                "Keep the minimum so far and the best profit so far in one pass.",
            ]),
        Exercise(
            id: "longest-substring-without-repeating-characters",
            lesson: "leetcode.longest-substring-without-repeating-characters",
            file: "Sources/HandbookLeetCode/LongestSubstringWithoutRepeatingCharacters.swift",
            blanks: ["public static func longest(in text: String) -> Substring"],
            prompt: """
                The longest substring without a repeated Character (the first one when several tie; empty for \
                an empty string). O(n) time over Characters, not bytes or scalars.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "A sliding window: extend on the right; when a Character repeats, move the left edge past its "
                    + "previous occurrence.",
                "A [Character: String.Index] of last positions; never move the left edge backwards.",
            ]),
        Exercise(
            id: "meeting-rooms-ii",
            lesson: "leetcode.meeting-rooms-ii",
            file: "Sources/HandbookLeetCode/MeetingRoomsII.swift",
            blanks: [
                "public static func minimumRooms(_ meetings: [Meeting]) -> Int",
                "public static func minimumRoomsTreatingTouchingAsOverlap(_ meetings: [Meeting]) -> Int",
            ],
            prompt: """
                The fewest rooms that hold every meeting, where back-to-back meetings (one ends when the next \
                starts) share a room and an empty meeting needs no room. O(n log n). Then write \
                minimumRoomsTreatingTouchingAsOverlap, the pitfall the tests show: a meeting that ends exactly \
                when another starts still holds its room.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Only the moments when meetings start and end matter: sweep them in time order.",
                "Sort starts and ends separately; at equal times process the end first, so back-to-back "
                    + "meetings share a room.",
            ]),
        Exercise(
            id: "top-k-frequent-elements",
            lesson: "leetcode.top-k-frequent-elements",
            file: "Sources/HandbookLeetCode/TopKFrequentElements.swift",
            blanks: ["public static func topK(_ nums: [Int], k: Int) -> [Int]"],
            prompt: """
                The k most frequent values, most frequent first; equal counts ordered by first appearance in \
                nums. Returns min(k, distinct values) values; a negative k traps with a message containing "k \
                must not be negative, got <k>" (a test reads it). O(n) time. Do not call topKBySorting, the \
                tests' oracle.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Count with a dictionary, but take the tie-break from the input, never from dictionary order.",
                "Bucket sort by count: buckets[count] holds values in first-appearance order; read from the top.",
            ]),
        Exercise(
            id: "merge-two-sorted-lists",
            lesson: "leetcode.merge-two-sorted-lists",
            file: "Sources/HandbookLeetCode/MergeTwoSortedLists.swift",
            blanks: [
                "public static func merge(_ list1: ListNode?, _ list2: ListNode?) -> ListNode?",
                "public static func mergeTakingList2OnTies(_ list1: ListNode?, _ list2: ListNode?) -> ListNode?",
                "public static func merge<Element: Comparable>(_ first: [Element], _ second: [Element]) -> [Element]",
            ],
            prompt: """
                Write merge(_:_:), which splices two sorted ListNode lists into one by relinking their nodes (no \
                node allocated except a dummy head), in O(n + m) time and O(1) extra space, and stably: on equal \
                values list1's node comes first, which the tests check by identity (===). Either list may be empty \
                (both empty gives nil), and the leftover list is attached in one step. Also write the two variants \
                the tests call: mergeTakingList2OnTies(_:_:), the Go seed's pitfall that takes list2's node on \
                ties, and the array overload merge(_:_:), which returns a new, equally stable sorted array.
                """,
            difficulty: .easy, minutes: 15,
            hints: [
                "A dummy node in front of the result removes the 'which node is the head?' special case.",
                "Keep a tail pointer; while both lists have nodes, link the smaller head after tail and "
                    + "advance that list and the tail; then tail.next = first ?? second and return dummy.next.",
                "Stability is the comparison: take list1's node when a.val <= b.val; the pitfall uses <.",
            ]),
        Exercise(
            id: "kth-largest-element-in-an-array",
            lesson: "leetcode.kth-largest-element-in-an-array",
            file: "Sources/HandbookLeetCode/KthLargestElementInAnArray.swift",
            blanks: [
                """
                public static func quickselect(
                        _ numbers: [Int], k: Int, using generator: inout some RandomNumberGenerator
                    ) throws(Failure) -> Int
                """
            ],
            prompt: """
                Write quickselect(_:k:using:): the k-th largest element of numbers (duplicates count: the 2nd \
                largest of [5, 5, 1] is 5) in expected O(n) time, drawing every pivot from the injected generator \
                so that a seed reproduces a run. Throw Failure.invalidK(k:count:) unless 1 <= k <= numbers.count \
                (an empty array included). Work on a copy, since the caller's array must not be reordered; Int.min \
                and Int.max are ordinary values, and even a generator that always picks the first element of the \
                range must give the right answer on sorted input. Do not call usingHeap, the second method the \
                tests compare against.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "In ascending order the k-th largest sits at position n - k; you need only that one position, "
                    + "not a full sort.",
                "Partition the range low...high around a random pivot into < pivot, == pivot and > pivot, "
                    + "then continue only in the part that holds n - k; if n - k falls in the == part, the pivot is "
                    + "the answer.",
                "let pivot = values[Int.random(in: low...high, using: &generator)]; loop while low < high "
                    + "instead of recursing.",
            ]),
        Exercise(
            id: "course-schedule",
            lesson: "leetcode.course-schedule",
            file: "Sources/HandbookLeetCode/CourseSchedule.swift",
            blanks: [
                "public static func plan(numCourses: Int, prerequisites: [Prerequisite]) -> Outcome",
                "private static func cycle(amongUntaken unmet: [Int], prerequisites: [Prerequisite]) -> [Int]",
            ],
            prompt: """
                Write plan(numCourses:prerequisites:) with Kahn's algorithm, and its private helper \
                cycle(amongUntaken:prerequisites:); canFinish and findOrder are built on plan. A pair (course, \
                prerequisite) is an edge prerequisite -> course, and self-loops and duplicate pairs occur. Return \
                .order in Kahn's FIFO order (start from the courses without prerequisites in increasing id, append \
                dependents in the order of their pairs: LeetCode 210's example must give [0, 1, 2, 3]; no courses \
                gives []), else .cycle with courses c0...ck where each is a prerequisite of the next and ck of c0 \
                ([(0, 0)] gives [0]), leaving out courses that merely depend on the cycle. A course id outside \
                0..<numCourses traps with a message naming the range (the test looks for "outside 0..<2" when \
                numCourses is 2); no recursion (100,000-course chains and cycles are tested), O(V + E).
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "Model the input as a directed graph: for each course, its number of unmet prerequisites and "
                    + "the courses that depend on it.",
                "Queue the courses with no unmet prerequisites; taking one decrements each dependent and "
                    + "queues those that reach 0. If fewer than numCourses are taken, the untaken ones contain a "
                    + "cycle.",
                "Every untaken course has an untaken prerequisite: walk from one to the next until a course "
                    + "repeats; the walk from that course's first visit, reversed, is the cycle.",
            ]),
    ]
}
