extension Catalogue {
    static let algorithmRecursionAndGraphLessons: [Lesson] = [
        Lesson(
            id: "algo.dynamic-programming",
            phase: 4,
            module: "HandbookAlgorithms",
            title: "Dynamic programming",
            sources: ["Sources/HandbookAlgorithms/DynamicProgramming.swift"],
            tests: ["Tests/HandbookAlgorithmsTests/DynamicProgrammingTests.swift"],
            seedTopics: ["algo: Dynamic Programming"],
            experiments: [
                Experiment(
                    id: "dynamic-programming.memo-never-stores",
                    file: "Sources/HandbookAlgorithms/DynamicProgramming.swift",
                    original: "\n            cache[n] = value",
                    replacement: "",
                    caughtBy: "HandbookAlgorithmsTests.DynamicProgrammingTests/memoizationMakesLinearCalls",
                    teaches: """
                        A memo that is read but never written is plain recursion again: the values stay right, \
                        but fib(20) makes 21 891 calls instead of 39, which is the exponential blow-up memoization exists to remove.
                        """),
                Experiment(
                    id: "dynamic-programming.knapsack-upward-reuses-items",
                    file: "Sources/HandbookAlgorithms/DynamicProgramming.swift",
                    original: "for room in stride(from: capacity, through: weight, by: -1) {",
                    replacement: "for room in weight...capacity {",
                    caughtBy: "HandbookAlgorithmsTests.DynamicProgrammingTests/knapsackMatchesBruteForce",
                    teaches: """
                        Walking capacities upwards lets best[room - weight] already include the current item, so items are \
                        reused: that is the unbounded knapsack. The brute-force property test finds a counterexample and prints its seed.
                        """),
                Experiment(
                    id: "dynamic-programming.kadane-adds-dropped-run",
                    file: "Sources/HandbookAlgorithms/DynamicProgramming.swift",
                    original: "endingHere = endingHere > 0 ? endingHere + number : number",
                    replacement: "endingHere = max(number, endingHere + number)",
                    caughtBy:
                        "HandbookAlgorithmsTests.DynamicProgrammingTests/(kadaneAtTheExtremes|kadaneMatchesExactOracleAtTheExtremes)",
                    teaches: """
                        The textbook step computes endingHere + number even when the run is about to be dropped: on \
                        [Int.min, -1] that is Int.min - 1, an overflow trap, although the answer is -1. Extend the run \
                        only while it is positive; the choice is the same, the dead sum is never formed.
                        """),
            ]),
        Lesson(
            id: "algo.recursion-and-backtracking",
            phase: 4,
            module: "HandbookAlgorithms",
            title: "Recursion and backtracking",
            sources: ["Sources/HandbookAlgorithms/RecursionAndBacktracking.swift"],
            tests: ["Tests/HandbookAlgorithmsTests/RecursionAndBacktrackingTests.swift"],
            experiments: [
                Experiment(
                    id: "recursion-and-backtracking.forget-to-unchoose",
                    file: "Sources/HandbookAlgorithms/RecursionAndBacktracking.swift",
                    original: "\n                current.removeLast()  // un-choose",
                    replacement: "",
                    caughtBy: "HandbookAlgorithmsTests.RecursionAndBacktrackingTests/permutationsOfThree",
                    teaches: """
                        Backtracking is choose, recurse, un-choose. Without the removeLast() the working array keeps \
                        growing, it never has exactly n elements again after the first leaf, and only one permutation is produced.
                        """),
                Experiment(
                    id: "recursion-and-backtracking.combination-sum-by-recursion",
                    file: "Sources/HandbookAlgorithms/RecursionAndBacktracking.swift",
                    original: "let exhausted = frame.index == sorted.count || sorted[frame.index] > frame.remaining",
                    replacement: """
                        if frames.count == 1 { return combinationSum(candidates, target: target) }
                                    let exhausted = frame.index == sorted.count || sorted[frame.index] > frame.remaining
                        """,
                    caughtBy: "HandbookAlgorithmsTests.RecursionAndBacktrackingTests/iterativeCombinationSumGoesDeep",
                    teaches: """
                        Handing the work back to the recursive version is correct on every small input, but \
                        combinationSum([1], target: 100_000) needs one stack frame per chosen coin: 100,000 frames \
                        overflow the test thread's stack and the process dies, although the answer is one array.
                        """),
            ]),
        Lesson(
            id: "algo.graph-traversal",
            phase: 4,
            module: "HandbookAlgorithms",
            title: "Graph traversal: BFS, DFS, components, cycles",
            sources: ["Sources/HandbookAlgorithms/GraphTraversal.swift"],
            tests: ["Tests/HandbookAlgorithmsTests/GraphTraversalTests.swift"],
            experiments: [
                Experiment(
                    id: "graph-traversal.two-colour-cycle-check",
                    file: "Sources/HandbookAlgorithms/GraphTraversal.swift",
                    original: "guard colour[next] != .grey else { return true }",
                    replacement: "guard colour[next] == .white else { return true }",
                    caughtBy: "HandbookAlgorithmsTests.GraphTraversalTests/directedCycles",
                    teaches: """
                        Treating every visited vertex as a cycle collapses grey and black into one colour: the diamond \
                        0→1→3, 0→2→3 reaches 3 twice and is wrongly reported as cyclic. Only an edge back to the current path is a cycle.
                        """),
                Experiment(
                    id: "graph-traversal.cycle-check-by-recursion",
                    file: "Sources/HandbookAlgorithms/GraphTraversal.swift",
                    original: "    public static func hasDirectedCycle(_ graph: Graph) -> Bool {\n",
                    replacement:
                        "    public static func hasDirectedCycle(_ graph: Graph) -> Bool {\n        return recursiveHasDirectedCycle(graph)\n",
                    caughtBy: "HandbookAlgorithmsTests.GraphTraversalTests/cycleCheckOnADeepPath",
                    teaches: """
                        The recursive three-colour DFS keeps one stack frame per vertex on the current path, so a \
                        100,000-vertex chain overflows the test thread's stack and the process dies with SIGSEGV: \
                        nothing to catch. The explicit (vertex, next edge) stack is the same algorithm without the limit.
                        """),
            ]),
        Lesson(
            id: "algo.topological-sort",
            phase: 4,
            module: "HandbookAlgorithms",
            title: "Topological sort: Kahn and DFS",
            sources: ["Sources/HandbookAlgorithms/TopologicalSort.swift"],
            tests: ["Tests/HandbookAlgorithmsTests/TopologicalSortTests.swift"],
            experiments: [
                Experiment(
                    id: "topological-sort.depth-first-by-recursion",
                    file: "Sources/HandbookAlgorithms/TopologicalSort.swift",
                    original:
                        "        let successors = adjacency(vertexCount: vertexCount, edges: edges)\n        enum Colour { case white, grey, black }\n        var colour = [Colour](repeating: .white, count: vertexCount)\n        var path: [(vertex: Int, nextEdge: Int)] = []",
                    replacement:
                        "        return try recursiveDepthFirst(vertexCount: vertexCount, edges: edges)\n        let successors = adjacency(vertexCount: vertexCount, edges: edges)\n        enum Colour { case white, grey, black }\n        var colour = [Colour](repeating: .white, count: vertexCount)\n        var path: [(vertex: Int, nextEdge: Int)] = []",
                    caughtBy: "HandbookAlgorithmsTests.TopologicalSortTests/iterativeSortsOnADeepChain",
                    teaches: """
                        The recursive DFS gives the same order on every small graph, and even the acyclic \
                        100,000-course chain still sorts (the DFS from course 0 finds each successor already \
                        finished). The closing edge 0 → 99,999 makes it walk all 100,000 courses in nested calls: \
                        the stack overflows before the cycle can be named, and the test process dies with SIGSEGV. \
                        The explicit (vertex, next edge) stack keeps the same state on the heap.
                        """),
                Experiment(
                    id: "topological-sort.forget-in-degree-decrement",
                    file: "Sources/HandbookAlgorithms/TopologicalSort.swift",
                    original: "\n                inDegree[next] -= 1",
                    replacement: "",
                    caughtBy: "HandbookAlgorithmsTests.TopologicalSortTests/ordersRespectEveryEdge",
                    teaches: """
                        Kahn's algorithm frees a vertex when its last predecessor is emitted. Without the decrement no \
                        vertex with a predecessor ever becomes ready, so every DAG with an edge throws CycleError.unresolved.
                        """),
            ]),
        Lesson(
            id: "algo.dijkstra",
            phase: 4,
            module: "HandbookAlgorithms",
            title: "Dijkstra's shortest paths",
            sources: ["Sources/HandbookAlgorithms/Dijkstra.swift"],
            tests: ["Tests/HandbookAlgorithmsTests/DijkstraTests.swift"],
            experiments: [
                Experiment(
                    id: "dijkstra.accept-negative-weights",
                    file: "Sources/HandbookAlgorithms/Dijkstra.swift",
                    original: "weight >= 0,",
                    replacement: "true,",
                    caughtBy: "HandbookAlgorithmsTests.DijkstraTests/negativeWeightTraps",
                    teaches: """
                        Without the precondition a negative edge is accepted silently and the exit test sees the process \
                        succeed. Dijkstra would then return wrong distances, because a vertex is final when it leaves the queue.
                        """),
                Experiment(
                    id: "dijkstra.sift-down-ignores-right-child",
                    file: "Sources/HandbookAlgorithms/Dijkstra.swift",
                    original:
                        "\n                if right < elements.count && elements[right] < elements[smallest] { smallest = right }",
                    replacement: "",
                    caughtBy: "HandbookAlgorithmsTests.DijkstraTests/priorityQueueMatchesOracle",
                    teaches: """
                        A sift-down that only looks at the left child leaves a smaller right child under a larger parent. \
                        The invariant check (and the sorted-array oracle) catch the broken heap on the first random sequence that needs it.
                        """),
            ]),
    ]
}
