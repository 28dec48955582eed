import HandbookAlgorithms
import PropertyBased
import Testing

@Suite("Graph traversal")
struct GraphTraversalTests {
    typealias Lesson = GraphTraversal

    /// 0 ─ 1 ─ 3
    /// │       │
    /// 2 ─ 4 ─ 5      6 (isolated)
    static let sample = Lesson.Graph(vertexCount: 7, edges: [(0, 1), (0, 2), (1, 3), (2, 4), (3, 5), (4, 5)])

    /// Decodes small integers into edges so random graphs shrink well.
    static func graph(vertexCount: Int, codes: [Int], directed: Bool) -> Lesson.Graph {
        Lesson.Graph(
            vertexCount: vertexCount, edges: codes.map { ($0 / 8 % vertexCount, $0 % 8 % vertexCount) },
            directed: directed)
    }

    @Test("BFS visits in rings of equal distance; unreachable vertices are nil")
    func breadthFirstOrderAndDistances() {
        #expect(Lesson.breadthFirstOrder(Self.sample, from: 0) == [0, 1, 2, 3, 4, 5])
        #expect(Lesson.distances(Self.sample, from: 0) == [0, 1, 1, 2, 2, 3, nil])
        #expect(Lesson.breadthFirstOrder(Self.sample, from: 6) == [6])
        #expect(Lesson.shortestPath(Self.sample, from: 0, to: 5) == [0, 1, 3, 5])
        #expect(Lesson.shortestPath(Self.sample, from: 4, to: 4) == [4])
        #expect(Lesson.shortestPath(Self.sample, from: 0, to: 6) == nil)
    }

    @Test("recursive and iterative DFS visit in the same pre-order")
    func depthFirstOrders() {
        #expect(Lesson.recursiveDepthFirstOrder(Self.sample, from: 0) == [0, 1, 3, 5, 4, 2])
        #expect(Lesson.iterativeDepthFirstOrder(Self.sample, from: 0) == [0, 1, 3, 5, 4, 2])
        let path = Lesson.Graph(vertexCount: 100_000, edges: (0..<99_999).map { ($0, $0 + 1) })
        #expect(Lesson.iterativeDepthFirstOrder(path, from: 0).count == 100_000)  // no recursion, no stack limit
    }

    @Test("connected components, including an isolated vertex and a self-loop")
    func connectedComponents() {
        #expect(Lesson.connectedComponents(Self.sample) == [[0, 1, 2, 3, 4, 5], [6]])
        let graph = Lesson.Graph(vertexCount: 5, edges: [(3, 1), (4, 4)])
        #expect(Lesson.connectedComponents(graph) == [[0], [1, 3], [2], [4]])
        #expect(Lesson.connectedComponents(Lesson.Graph(vertexCount: 0)).isEmpty)
    }

    @Test("three colours detect directed cycles; a visited set misreports a diamond")
    func directedCycles() {
        let diamond = Lesson.Graph(vertexCount: 4, edges: [(0, 1), (0, 2), (1, 3), (2, 3)], directed: true)
        #expect(Lesson.hasDirectedCycle(diamond) == false)
        #expect(Lesson.hasCycleUsingVisitedSet(diamond) == true)  // the pitfall: 3 is reached twice
        let loop = Lesson.Graph(vertexCount: 4, edges: [(0, 1), (1, 2), (2, 3), (3, 1)], directed: true)
        #expect(Lesson.hasDirectedCycle(loop))
        #expect(Lesson.hasDirectedCycle(Lesson.Graph(vertexCount: 1, edges: [(0, 0)], directed: true)))
        #expect(!Lesson.hasDirectedCycle(Lesson.Graph(vertexCount: 3, directed: true)))
    }

    @Test(
        "number of islands: LeetCode's grids and edge cases",
        arguments: [
            (["11110", "11010", "11000", "00000"], 1),
            (["11000", "11000", "00100", "00011"], 3),
            (["101", "010", "101"], 5),  // diagonals do not connect
            ([], 0), (["0"], 0), (["1"], 1),
        ])
    func numberOfIslands(rows: [String], expected: Int) {
        let grid = rows.map(Array.init)
        #expect(Lesson.numberOfIslands(grid) == expected)
        #expect(grid == rows.map(Array.init))  // the caller's grid is untouched
    }

    @Test("the head-index queue is FIFO across its compaction")
    func queueIsFIFO() {
        var queue = Lesson.Queue<Int>()
        var expected = 0
        for value in 0..<200 {
            queue.enqueue(value)
            if value % 3 == 0, let front = queue.dequeue() {
                #expect(front == expected)
                expected += 1
            }
        }
        while let front = queue.dequeue() {
            #expect(front == expected)
            expected += 1
        }
        #expect(expected == 200)
        #expect(queue.isEmpty)
    }

    @Test("property: BFS distances equal a brute-force relaxation; paths are real and shortest")
    func distancesMatchRelaxationOracle() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...8), Gen.int(in: 0...63).array(of: 0...20)) {
            n, codes in
            for directed in [false, true] {
                let graph = Self.graph(vertexCount: n, codes: codes, directed: directed)
                var oracle = [Int?](repeating: nil, count: n)
                oracle[0] = 0
                for _ in 0..<n {  // Bellman-Ford with unit weights: n rounds settle every distance
                    for u in 0..<n {
                        guard let du = oracle[u] else { continue }
                        for v in graph.neighbours[u] where oracle[v].map({ du + 1 < $0 }) ?? true { oracle[v] = du + 1 }
                    }
                }
                #expect(Lesson.distances(graph, from: 0) == oracle)
                for target in 0..<n {
                    let path = Lesson.shortestPath(graph, from: 0, to: target)
                    #expect(path.map { $0.count - 1 } == oracle[target])
                    for (u, v) in zip(path ?? [], (path ?? []).dropFirst()) { #expect(graph.neighbours[u].contains(v)) }
                }
                #expect(
                    Lesson.iterativeDepthFirstOrder(graph, from: 0) == Lesson.recursiveDepthFirstOrder(graph, from: 0))
            }
        }
    }

    @Test("the iterative cycle check handles a 100,000-vertex path, with or without a closing edge")
    func cycleCheckOnADeepPath() {
        let edges = (0..<99_999).map { ($0, $0 + 1) }
        #expect(!Lesson.hasDirectedCycle(Lesson.Graph(vertexCount: 100_000, edges: edges, directed: true)))
        let closed = Lesson.Graph(vertexCount: 100_000, edges: edges + [(99_999, 0)], directed: true)
        #expect(Lesson.hasDirectedCycle(closed))
    }

    @Test("the recursive cycle check is the same algorithm: it agrees on 1,000 random directed graphs")
    func iterativeCycleCheckMatchesRecursion() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...8), Gen.int(in: 0...63).array(of: 0...14)) {
            n, codes in
            let graph = Self.graph(vertexCount: n, codes: codes, directed: true)
            #expect(Lesson.hasDirectedCycle(graph) == Lesson.recursiveHasDirectedCycle(graph), "\(codes)")
        }
    }

    @Test("property: connected components agree with union-find")
    func componentsMatchUnionFind() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...8), Gen.int(in: 0...63).array(of: 0...12)) {
            n, codes in
            let graph = Self.graph(vertexCount: n, codes: codes, directed: false)
            var parent = Array(0..<n)
            func root(_ x: Int) -> Int { parent[x] == x ? x : root(parent[x]) }
            for code in codes { parent[root(code / 8 % n)] = root(code % 8 % n) }
            let oracle = Dictionary(grouping: 0..<n, by: root).values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
            #expect(Lesson.connectedComponents(graph) == oracle)
        }
    }
}
