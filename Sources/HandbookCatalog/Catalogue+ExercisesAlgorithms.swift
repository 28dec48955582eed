extension Catalogue {
    /// Phase 4 algorithms: each exercise blanks the core of one lesson.
    static let algorithmExercises: [Exercise] = [
        Exercise(
            id: "binary-search.partition",
            lesson: "algo.binary-search",
            file: "Sources/HandbookAlgorithms/BinarySearch.swift",
            blanks: [
                """
                public static func partitioningIndex<C: RandomAccessCollection>(
                        in elements: C, where belongsInSecondPartition: (C.Element) throws -> Bool
                    ) rethrows -> C.Index
                """
            ],
            prompt: """
                Given a collection partitioned by a predicate (every element for which it is false comes \
                before every element for which it is true), return the index of the first element of the \
                second partition, or endIndex. O(log n) predicate calls; it must work for any \
                RandomAccessCollection (a slice's indices do not start at 0) and never overflow a midpoint.
                """,
            difficulty: .medium, minutes: 15,
            hints: [
                "Keep a low index and a count of remaining candidates instead of low and high: no midpoint "
                    + "overflow, and index arithmetic through elements.index(_:offsetBy:).",
                "If the middle element belongs in the second partition, keep the first half; else continue "
                    + "after the middle.",
            ]),
        Exercise(
            id: "two-pointers",
            lesson: "algo.two-pointers",
            file: "Sources/HandbookAlgorithms/TwoPointers.swift",
            blanks: [
                "public static func twoSumSorted(_ numbers: [Int], target: Int) -> (Int, Int)?",
                "public static func threeSum(_ numbers: [Int]) -> [[Int]]",
                "public static func maxArea(_ heights: [Int]) -> Int",
            ],
            prompt: """
                Write three converging-pointer functions in TwoPointers. twoSumSorted(_:target:) returns \
                zero-based indices (i, j), i < j, of two elements of an ascending array that sum to target, or \
                nil, in O(n) time and O(1) space. threeSum(_:) returns every distinct zero-sum triplet exactly \
                once, each triplet ascending and the list sorted ([-1, 0, 1, 2, -1, -4] gives [[-1, -1, 2], [-1, \
                0, 1]]), in O(n^2). maxArea(_:) returns the most water two of the (non-negative) lines can hold, 0 \
                for fewer than two lines, in O(n). twoSumSorted and threeSum must never trap: the tests use \
                Int.min and Int.max, where a pair or triplet that is not the answer leaves Int's range.
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "On sorted input, if numbers[low] + numbers[high] is too small, no pair using numbers[low] "
                    + "can reach the target: which pointer may move?",
                "3-sum: sort a copy, fix an anchor, run the pair search to its right; skip an anchor equal to "
                    + "the previous one, and after a hit skip equal neighbours of both pointers. Water: always move "
                    + "the shorter line.",
                "Overflow: addingReportingOverflow for a pair (on overflow the true sum lies beyond Int on "
                    + "the side of the operands' sign), Int128 for a triplet sum.",
            ]),
        Exercise(
            id: "sliding-window",
            lesson: "algo.sliding-window",
            file: "Sources/HandbookAlgorithms/SlidingWindow.swift",
            blanks: [
                "public static func longestWithAtMostKDistinct(_ text: String, k: Int) -> Int",
                "public static func minWindow(in text: String, containing pattern: String) -> String",
            ],
            prompt: """
                Write two variable windows over the Characters of a string in SlidingWindow. \
                longestWithAtMostKDistinct(_:k:) returns the length of the longest substring with at most k \
                distinct Characters (0 when k is 0; "eceba" with k 2 gives 3). minWindow(in:containing:) returns \
                the shortest substring of text containing every Character of pattern with its multiplicity, the \
                leftmost one on ties, and "" when there is none or the pattern is empty ("ADOBECODEBANC" and "ABC" \
                give "BANC"). Both run in O(n) (plus O(m) for the pattern), and the unit is the Character: an \
                emoji with a skin tone or a letter with a combining accent is one element, as the tests check \
                against brute force.
                """,
            difficulty: .hard, minutes: 35,
            hints: [
                "Grow the window on the right every step. When must the left edge move, and does one step "
                    + "always restore the condition?",
                "At most k distinct: a [Character: Int] count; shrink while counts.count > k, removing keys "
                    + "that reach 0. Min window: counts still needed plus one 'missing' counter; while missing == "
                    + "0, record the window, then shrink from the left.",
                "Copy the text to [Character] once and keep the best window as a Range<Int>; return "
                    + "String(characters[best]) so the answer is made of the text's own Characters.",
            ]),
        Exercise(
            id: "sorting.merge-sort",
            lesson: "algo.sorting",
            file: "Sources/HandbookAlgorithms/Sorting.swift",
            blanks: [
                "private static func mergeSorted<T>(_ slice: ArraySlice<T>, by areInIncreasingOrder: (T, T) -> Bool) -> [T]",
                "public static func merge<T>(_ left: [T], _ right: [T], by areInIncreasingOrder: (T, T) -> Bool) -> [T]",
            ],
            prompt: """
                Write top-down merge sort in Sorting: the private mergeSorted(_:by:) over an ArraySlice (split at \
                the middle, sort both halves, merge) and merge(_:_:by:), which merges two sorted arrays. It must \
                be stable: on equal keys the element from left comes first, which the tests check on Record values \
                tagged with their original positions. O(n log n) time, O(n) extra space. The tests also pin the \
                tie rule exactly: sorting [7, 7] with the non-strict predicate <= must put the second 7 first, so \
                take from right exactly when areInIncreasingOrder says right's element comes before left's.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Ties are the whole point: when neither element is smaller, which run must win, and why can "
                    + "plain Ints never show a mistake here?",
                "A slice keeps its base's indices: the middle is slice.index(slice.startIndex, offsetBy: "
                    + "slice.count / 2), and a slice of 0 or 1 elements is already sorted (return Array(slice)).",
                "Merge with two cursors: if areInIncreasingOrder(right[j], left[i]) take right[j], else "
                    + "left[i]; then append what remains of both inputs.",
            ]),
        Exercise(
            id: "sorting.quickselect",
            lesson: "algo.sorting",
            file: "Sources/HandbookAlgorithms/Sorting.swift",
            blanks: [
                """
                static func partitionThreeWay<T>(
                        _ elements: inout [T], _ range: Range<Int>, around pivot: T, by areInIncreasingOrder: (T, T) -> Bool
                    ) -> (equalStart: Int, greaterStart: Int)
                """,
                "public static func kthLargest<G: RandomNumberGenerator>(in numbers: [Int], k: Int, using generator: inout G) -> Int",
            ],
            prompt: """
                Write partitionThreeWay(_:_:around:by:), the in-place Dutch national flag partition that both \
                quickSort and kthLargest use: it rearranges elements[range] into [< pivot][== pivot][> pivot] in \
                one O(range.count) pass and returns (equalStart, greaterStart), the bounds of the middle part. \
                Then write kthLargest(in:k:using:), the k-th largest value (k == 1 is the maximum) by quickselect \
                on a copy, with random pivots drawn from the injected generator, O(n) expected. k outside \
                1...numbers.count must trap with a precondition whose message contains "k must be in 1...N" (N = \
                numbers.count): a test reads it. Partition by swapping in place: the tests also expect quickSort \
                to be unstable on some small input.
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "Keep three finished regions and one unknown region between them: which pointers do you need, "
                    + "and which one must not advance after you swap in an element from the end?",
                "less, current, greater = lowerBound, lowerBound, upperBound. Before the pivot: swap with "
                    + "less, advance both. After it: decrement greater, swap with current, look at current again. "
                    + "Equal: advance current.",
                "Quickselect: the answer's index in ascending order is count - k; keep only the part of the "
                    + "range that contains it, and return the pivot once it falls in the equal part.",
            ]),
        Exercise(
            id: "dynamic-programming.one-dimensional",
            lesson: "algo.dynamic-programming",
            file: "Sources/HandbookAlgorithms/DynamicProgramming.swift",
            blanks: [
                "public static func coinChange(_ coins: [Int], amount: Int) -> Int?",
                "public static func maxSubarraySum(_ numbers: [Int]) -> Int?",
                "public static func rob(_ houses: [Int]) -> Int",
            ],
            prompt: """
                Write three one-dimensional DPs in DynamicProgramming. coinChange(_:amount:) returns the fewest \
                coins summing to amount (0 for amount 0) or nil when no combination does ([2] and 3 give nil), in \
                O(amount x coins) time. maxSubarraySum(_:) is Kadane's largest sum of a non-empty contiguous run, \
                nil for an empty array, and must not trap when the answer fits in Int: [-3, -1, -2] gives -1 (not \
                0) and [Int.min, -1] gives -1. rob(_:) returns the largest sum of non-adjacent elements (0 for no \
                houses) in O(n) time and O(1) space.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "Name each state first: the fewest coins for every total up to amount; the best run ending at "
                    + "the current element; the best loot up to the current house.",
                "Coin change: fewest[t] = min over coins c <= t of fewest[t - c] + 1, with nil (not an "
                    + "Int.max sentinel) for unreachable totals. Rob: two running values, the best up to i - 2 and "
                    + "up to i - 1.",
                "Kadane: seed with the first element and extend the run only when it is positive: endingHere "
                    + "= endingHere > 0 ? endingHere + number : number.",
            ]),
        Exercise(
            id: "dynamic-programming.two-dimensional",
            lesson: "algo.dynamic-programming",
            file: "Sources/HandbookAlgorithms/DynamicProgramming.swift",
            blanks: [
                "public static func uniquePaths(rows: Int, columns: Int) -> Int",
                "public static func longestCommonSubsequence(_ first: String, _ second: String) -> Int",
                "public static func knapsack(weights: [Int], values: [Int], capacity: Int) -> Int",
            ],
            prompt: """
                Write three table DPs in DynamicProgramming, each keeping one or two rows instead of the whole \
                table. uniquePaths(rows:columns:) counts right/down lattice paths in O(rows x columns) time and \
                O(columns) space; the 34 x 34 grid (7219428434016265740) must not overflow, so form no \
                intermediate larger than the answer. longestCommonSubsequence(_:_:) compares Characters (the \
                precomposed and the decomposed spelling of an accented 'cafe' have an LCS of 4) in O(m x n) time. \
                knapsack(weights:values:capacity:) is the 0/1 knapsack, each item used at most once, in O(items x \
                capacity) time and O(capacity) space; the tests compare it with brute force over every subset.
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "For each problem: what does one cell mean, and which cells does its recurrence read?",
                "Paths: start with a row of 1s and do row[c] += row[c - 1] once per extra row. LCS: current[j "
                    + "+ 1] = a[i] == b[j] ? previous[j] + 1 : max(previous[j + 1], current[j]).",
                "Knapsack in one row: walk capacities downwards, from capacity to the item's weight, so "
                    + "best[room - weight] still excludes the current item.",
            ]),
        Exercise(
            id: "recursion-and-backtracking",
            lesson: "algo.recursion-and-backtracking",
            file: "Sources/HandbookAlgorithms/RecursionAndBacktracking.swift",
            blanks: [
                "public static func permutations<Element>(_ elements: [Element]) -> [[Element]]",
                "public static func subsets<Element>(_ elements: [Element]) -> [[Element]]",
                "public static func nQueens(_ n: Int) -> Int",
            ],
            prompt: """
                Write three backtracking searches in RecursionAndBacktracking, each as choose, recurse, un-choose. \
                permutations(_:) returns every ordering of its generic (not necessarily Equatable) elements in \
                choice order: [1, 2, 3] gives [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]] \
                and [] gives [[]]. subsets(_:) returns the power set in depth-first order of the choose-next tree: \
                [1, 2, 3] gives [[], [1], [1, 2], [1, 2, 3], [1, 3], [2], [2, 3], [3]]. nQueens(_:) counts the \
                placements of n non-attacking queens on an n x n board (0 for n = 2 and 3, 2 for n = 4, 92 for n = \
                8), with an O(1) check per square.
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "Picture the tree of partial solutions: what is a node, what are its children, and what must "
                    + "be undone when a child returns?",
                "Permutations: a used-flag per index (elements cannot be compared). Subsets: record the "
                    + "current subset on entry, then try each later index. Queens: one queen per row, recurse on "
                    + "the next row.",
                "Three Bool arrays make the queen check O(1): columns, diagonals indexed by row + column, "
                    + "anti-diagonals by row - column + n.",
            ]),
        Exercise(
            id: "graph-traversal",
            lesson: "algo.graph-traversal",
            file: "Sources/HandbookAlgorithms/GraphTraversal.swift",
            blanks: [
                "public static func breadthFirstOrder(_ graph: Graph, from source: Int) -> [Int]",
                "public static func shortestPath(_ graph: Graph, from source: Int, to target: Int) -> [Int]?",
                "private static func breadthFirstTree(_ graph: Graph, from source: Int) -> (distance: [Int?], parent: [Int?])",
            ],
            prompt: """
                Write breadth-first search in GraphTraversal with the file's head-index Queue, O(V + E) each. \
                breadthFirstOrder(_:from:) returns the vertices reachable from source in BFS order, neighbours in \
                insertion order. The private breadthFirstTree(_:from:) returns, per vertex, the fewest edges from \
                source and the vertex it was discovered from (nil when unreachable, and no parent for the source); \
                distances(_:from:) returns its first array. shortestPath(_:from:to:) returns one fewest-edge path \
                with both ends included, [v] from v to itself, nil when target is unreachable; the tests pin the \
                sample graph's order [0, 1, 2, 3, 4, 5] and path [0, 1, 3, 5], and compare distances with \
                Bellman-Ford.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "BFS explores in rings of equal distance, so the first time it reaches a vertex is along a "
                    + "fewest-edge path. When should a vertex be marked so it is never queued twice?",
                "Mark on enqueue (in the tree, a non-nil distance is the mark) and set distance[next] = "
                    + "distance[vertex] + 1 and parent[next] = vertex at that moment.",
                "The path: follow parent links from target until nil, then reverse.",
            ]),
        Exercise(
            id: "topological-sort",
            lesson: "algo.topological-sort",
            file: "Sources/HandbookAlgorithms/TopologicalSort.swift",
            blanks: [
                "public static func kahn(vertexCount: Int, edges: [(Int, Int)]) throws(CycleError) -> [Int]"
            ],
            prompt: """
                Write kahn(vertexCount:edges:), Kahn's topological sort: count in-degrees, repeatedly emit a ready \
                vertex (in-degree 0) and release its successors. Always take the smallest ready vertex, so the \
                result is the lexicographically smallest topological order (the tests compare with a brute-force \
                oracle; the classic edges (5,2), (5,0), (4,0), (4,1), (2,3), (3,1) give [4, 5, 0, 2, 3, 1]). When \
                a cycle blocks some vertices, throw CycleError.unresolved with the vertices whose in-degree never \
                reached zero, ascending (edges 0->1, 1->2, 2->3, 3->1, 3->4 give [1, 2, 3, 4]). O((V + E) log V), \
                iterative (a 100,000-vertex chain is tested); canFinish and courseOrder are built on it.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Which vertices can come first, and what changes for the others when one of them is emitted?",
                "The ready set needs smallest-first: Dijkstra.MinPriorityQueue<Int> is in the same module. "
                    + "The private adjacency(vertexCount:edges:) builds successor lists and checks the endpoints.",
                "After the loop, fewer than vertexCount emitted means a cycle: the unresolved vertices are "
                    + "exactly those whose in-degree is still above 0.",
            ]),
        Exercise(
            id: "dijkstra.shortest-paths",
            lesson: "algo.dijkstra",
            file: "Sources/HandbookAlgorithms/Dijkstra.swift",
            blanks: [
                "public static func shortestPaths(in graph: WeightedGraph, from source: Int) -> ShortestPaths",
                "public func path(to target: Int) -> [Int]?",
            ],
            prompt: """
                Write Dijkstra.shortestPaths(in:from:) on the lesson's MinPriorityQueue with lazy deletion (no \
                decrease-key), in O((V + E) log V): it returns ShortestPaths with distances (nil = unreachable), \
                predecessor links and settledOrder, the vertices in the order they are settled, each once and in \
                non-decreasing distance. Also write ShortestPaths.path(to:): one shortest path from source to \
                target, both included, [source] for the source itself, nil when unreachable. Distances are \
                compared with Floyd-Warshall; zero weights, parallel edges, self-loops and an Int.max weight are \
                tested, and a vertex reachable only by a path longer than Int.max must come out unreachable, \
                without a trap.
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "With non-negative weights, a vertex's distance is final the first time it leaves the queue. "
                    + "What do you do with the older, larger entries it left behind?",
                "Queue entries: a small Comparable struct of (distance, vertex). Pop; skip the entry unless "
                    + "its distance equals the vertex's best; otherwise settle the vertex and relax its edges, "
                    + "pushing every strict improvement and recording the predecessor.",
                "let (candidate, overflowed) = entry.distance.addingReportingOverflow(weight); skip the edge "
                    + "when it overflows. The path: follow predecessors from target, then reverse.",
            ]),
        Exercise(
            id: "dijkstra.priority-queue",
            lesson: "algo.dijkstra",
            file: "Sources/HandbookAlgorithms/Dijkstra.swift",
            blanks: [
                "public mutating func insert(_ element: Element)",
                "public mutating func popMin() -> Element?",
                "private mutating func siftDown(from start: Int)",
            ],
            prompt: """
                Write the binary min-heap Dijkstra.MinPriorityQueue: insert(_:) sifts the new element up, popMin() \
                removes and returns the smallest element (nil when empty), both O(log n), and the private \
                siftDown(from:) restores the order after the root is replaced. Keep the heap in the stored array \
                elements, with the children of i at 2i + 1 and 2i + 2 and the minimum at index 0: min, count and \
                _checkInvariants() read that array, and a property test runs _checkInvariants() after every step \
                of random insert/pop sequences with duplicates and negative values. removeMin() must trap on an \
                empty queue (it goes through popMin()); Dijkstra and the topological sort use this queue too.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "After an append, which single position can break the heap order? And after the last element "
                    + "is moved to the root?",
                "insert: append, then swap with the parent (i - 1) / 2 while strictly smaller. popMin: "
                    + "popLast(); if elements remain, keep elements[0] as the answer, put the popped element at the "
                    + "root and sift it down.",
                "siftDown: the smallest of parent, left and right (each only if it exists); stop when it is "
                    + "the parent, else swap and continue from that child.",
            ]),
    ]
}
