extension Catalogue {
    static let leetCodeFirstLessons: [Lesson] = [
        Lesson(
            id: "leetcode.two-sum",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Two Sum (LeetCode 1)",
            sources: ["Sources/HandbookLeetCode/TwoSum.swift"],
            tests: ["Tests/HandbookLeetCodeTests/TwoSumTests.swift"],
            seedTopics: ["leetcode: Two Sum"],
            experiments: [
                Experiment(
                    id: "two-sum.record-before-lookup",
                    file: "Sources/HandbookLeetCode/TwoSum.swift",
                    original: "let (complement, overflowed) = target.subtractingReportingOverflow(number)",
                    replacement: """
                        if firstIndex[number] == nil { firstIndex[number] = index }
                                    let (complement, overflowed) = target.subtractingReportingOverflow(number)
                        """,
                    caughtBy: "HandbookLeetCodeTests.TwoSumTests/sameElementIsNotUsedTwice",
                    teaches: """
                        Recording the element before looking up its complement lets it pair with itself: \
                        [3, 2, 4] with target 6 answers (0, 0), using the 3 twice. Look up first, then record.
                        """),
                Experiment(
                    id: "two-sum.last-duplicate-wins",
                    file: "Sources/HandbookLeetCode/TwoSum.swift",
                    original: """
                        // Keep the first index of a duplicate, so the earliest pair wins, as in the brute force.
                                    if firstIndex[number] == nil { firstIndex[number] = index }
                        """,
                    replacement: "firstIndex[number] = index",
                    caughtBy: "HandbookLeetCodeTests.TwoSumTests/(edgeCases|matchesBruteForceOracle)",
                    teaches: """
                        Overwriting a duplicate's index still finds a valid pair, but no longer the earliest: \
                        [3, 3, 4] with target 7 answers (1, 2) instead of (0, 2), and the brute-force oracle disagrees.
                        """),
            ]),
        Lesson(
            id: "leetcode.valid-parentheses",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Valid Parentheses (LeetCode 20)",
            sources: ["Sources/HandbookLeetCode/ValidParentheses.swift"],
            tests: ["Tests/HandbookLeetCodeTests/ValidParenthesesTests.swift"],
            seedTopics: ["leetcode: Valid Parentheses"],
            experiments: [
                Experiment(
                    id: "valid-parentheses.skip-the-final-check",
                    file: "Sources/HandbookLeetCode/ValidParentheses.swift",
                    original: "return expectedClosers.isEmpty",
                    replacement: "return true",
                    caughtBy: "HandbookLeetCodeTests.ValidParenthesesTests/unclosedOpenersAreInvalid",
                    teaches: """
                        Without the final isEmpty check, "((" is accepted: no closer ever mismatched, but two \
                        brackets were never closed. Valid means no mismatch AND an empty stack.
                        """),
                Experiment(
                    id: "valid-parentheses.push-non-brackets",
                    file: "Sources/HandbookLeetCode/ValidParentheses.swift",
                    original: "continue  // the policy: anything that is not a bracket is ignored",
                    replacement: "expectedClosers.append(character)",
                    caughtBy: "HandbookLeetCodeTests.ValidParenthesesTests/nonBracketsAreIgnored",
                    teaches: """
                        Pushing every other character, as the Go seed did, turns letters into openers: "(a)" \
                        fails because ) meets a, and "a" alone is unclosed. The documented policy is to ignore them.
                        """),
            ]),
        Lesson(
            id: "leetcode.best-time-to-buy-and-sell-stock",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Best Time to Buy and Sell Stock (LeetCode 121)",
            sources: ["Sources/HandbookLeetCode/BestTimeToBuyAndSellStock.swift"],
            tests: ["Tests/HandbookLeetCodeTests/BestTimeToBuyAndSellStockTests.swift"],
            seedTopics: ["leetcode: Stock Best Time"],
            experiments: [
                Experiment(
                    id: "best-time-to-buy-and-sell-stock.forget-the-minimum",
                    file: "Sources/HandbookLeetCode/BestTimeToBuyAndSellStock.swift",
                    original: "cheapest = min(cheapest, price)",
                    replacement: "",
                    caughtBy: "HandbookLeetCodeTests.BestTimeToBuyAndSellStockTests/publishedExamples",
                    teaches: """
                        The minimum so far is the only thing the scan remembers; without updating it every \
                        profit is measured against Int.max and [7, 1, 5, 3, 6, 4] answers 0 instead of 5.
                        """)
            ]),
        Lesson(
            id: "leetcode.merge-two-sorted-lists",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Merge Two Sorted Lists (LeetCode 21)",
            sources: ["Sources/HandbookLeetCode/MergeTwoSortedLists.swift"],
            tests: ["Tests/HandbookLeetCodeTests/MergeTwoSortedListsTests.swift"],
            seedTopics: ["leetcode: Merge Lists"],
            experiments: [
                Experiment(
                    id: "merge-two-sorted-lists.ties-take-list2",
                    file: "Sources/HandbookLeetCode/MergeTwoSortedLists.swift",
                    original: "if a.val <= b.val {",
                    replacement: "if a.val < b.val {",
                    caughtBy: "HandbookLeetCodeTests.MergeTwoSortedListsTests/tiesTakeList1First",
                    teaches: """
                        With < instead of <= the values still come out sorted, so value-only tests pass; only \
                        the identity check (===) sees list2's node jump ahead of list1's equal node: the merge is no longer stable.
                        """),
                Experiment(
                    id: "merge-two-sorted-lists.recursive-deinit",
                    file: "Sources/HandbookLeetCode/MergeTwoSortedLists.swift",
                    original: """
                        while isKnownUniquelyReferenced(&rest), let node = rest {
                                        rest = node.next
                                        node.next = nil
                                    }
                        """,
                    replacement: "",
                    caughtBy: "HandbookLeetCodeTests.MergeTwoSortedListsTests/longListsDeallocateIteratively",
                    teaches: """
                        With the loop removed, deinit still copies next into a local; releasing it at the end of \
                        deinit runs the next node's deinit inside this one, one frame per node, and a million-node \
                        list overflows the stack. (A node with no custom deinit would have freed fine.)
                        """),
            ]),
        Lesson(
            id: "leetcode.merge-intervals",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Merge Intervals (LeetCode 56)",
            sources: ["Sources/HandbookLeetCode/MergeIntervals.swift"],
            tests: ["Tests/HandbookLeetCodeTests/MergeIntervalsTests.swift"],
            experiments: [
                Experiment(
                    id: "merge-intervals.touching-stays-apart",
                    file: "Sources/HandbookLeetCode/MergeIntervals.swift",
                    original: "interval.lowerBound <= last.upperBound",
                    replacement: "interval.lowerBound < last.upperBound",
                    caughtBy: "HandbookLeetCodeTests.MergeIntervalsTests/publishedExamples",
                    teaches: """
                        With < the closed intervals 1...4 and 4...5 stay apart although both contain 4: \
                        LeetCode's second example fails. Closed intervals that touch overlap.
                        """),
                Experiment(
                    id: "merge-intervals.take-the-last-end",
                    file: "Sources/HandbookLeetCode/MergeIntervals.swift",
                    original: "max(last.upperBound, interval.upperBound)",
                    replacement: "interval.upperBound",
                    caughtBy: "HandbookLeetCodeTests.MergeIntervalsTests/containmentKeepsTheLargerEnd",
                    teaches: """
                        Taking the next interval's end instead of the larger end shrinks 1...10 merged with 2...3 \
                        to 1...3: an interval inside another must not cut it short.
                        """),
            ]),
        Lesson(
            id: "leetcode.top-k-frequent-elements",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Top K Frequent Elements (LeetCode 347)",
            sources: ["Sources/HandbookLeetCode/TopKFrequentElements.swift"],
            tests: ["Tests/HandbookLeetCodeTests/TopKFrequentElementsTests.swift"],
            experiments: [
                Experiment(
                    id: "top-k-frequent-elements.walk-buckets-upwards",
                    file: "Sources/HandbookLeetCode/TopKFrequentElements.swift",
                    original: "for bucket in buckets.reversed() {",
                    replacement: "for bucket in buckets {",
                    caughtBy: "HandbookLeetCodeTests.TopKFrequentElementsTests/publishedExamples",
                    teaches: """
                        Walking the buckets from count 0 upwards returns the LEAST frequent values: the bucket \
                        index is the count, so the most frequent live at the end.
                        """),
                Experiment(
                    id: "top-k-frequent-elements.bucket-in-dictionary-order",
                    file: "Sources/HandbookLeetCode/TopKFrequentElements.swift",
                    original: "for value in firstAppearance {",
                    replacement: "for value in counts.keys {",
                    caughtBy: "HandbookLeetCodeTests.TopKFrequentElementsTests/tiesFollowFirstAppearance",
                    teaches: """
                        Filling buckets in dictionary order makes ties follow the hash order, which ignores the \
                        input and changes between runs (Hasher is seeded per process): sixteen values that each \
                        appear once come back shuffled instead of in input order.
                        """),
            ]),
        Lesson(
            id: "leetcode.group-anagrams",
            phase: 4,
            module: "HandbookLeetCode",
            title: "Group Anagrams (LeetCode 49)",
            sources: ["Sources/HandbookLeetCode/GroupAnagrams.swift"],
            tests: ["Tests/HandbookLeetCodeTests/GroupAnagramsTests.swift"],
            experiments: [
                Experiment(
                    id: "group-anagrams.key-by-scalars",
                    file: "Sources/HandbookLeetCode/GroupAnagrams.swift",
                    original: "let key: [Character] = word.sorted()",
                    replacement: "let key: [Character] = Array(keyByUnicodeScalars(word))",
                    caughtBy: "HandbookLeetCodeTests.GroupAnagramsTests/canonicallyEquivalentCharactersMatch",
                    teaches: """
                        Sorting Unicode scalars, as Go sorts runes, gives café (one é scalar) and face + U+0301 \
                        different keys; sorting Characters compares them by canonical equivalence and groups them.
                        """),
                Experiment(
                    id: "group-anagrams.key-rejoins-sorted-characters",
                    file: "Sources/HandbookLeetCode/GroupAnagrams.swift",
                    original: "let key: [Character] = word.sorted()",
                    replacement: "let key: [Character] = Array(keyByJoiningSortedCharacters(word))",
                    caughtBy:
                        "HandbookLeetCodeTests.GroupAnagramsTests/(recombiningCharactersStayApart|matchesPairwiseOracleOnRecombiningPieces)",
                    teaches: """
                        Joining the sorted Characters back into a String re-segments them: the lone accent of \
                        "\\u{301}e" sorts after the e and becomes é, so that word joins the group of "é"; two lone \
                        regional indicators become one flag, Hangul jamo a syllable. Keep the key a [Character].
                        """),
            ]),
    ]
}
