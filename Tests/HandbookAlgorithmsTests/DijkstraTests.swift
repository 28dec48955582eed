import HandbookAlgorithms
import PropertyBased
import Testing

@Suite("Dijkstra")
struct DijkstraTests {
    typealias Lesson = Dijkstra

    /// CLRS figure 24.6 (s, t, x, y, z = 0…4) plus an unreachable vertex 5.
    static let classic: Lesson.WeightedGraph = {
        var graph = Lesson.WeightedGraph(vertexCount: 6)
        for (from, to, weight) in [
            (0, 1, 10), (0, 3, 5), (1, 2, 1), (1, 3, 2), (3, 1, 3), (3, 2, 9), (3, 4, 2), (2, 4, 4), (4, 2, 6),
            (4, 0, 7),
            (5, 0, 1),
        ] {
            graph.addEdge(from: from, to: to, weight: weight)
        }
        return graph
    }()

    @Test("distances on the classic 5-node graph; unreachable is nil")
    func classicDistances() {
        let paths = Lesson.shortestPaths(in: Self.classic, from: 0)
        #expect(paths.distances == [0, 8, 9, 5, 7, nil])
        #expect(paths.distance(to: 5) == nil)  // 5 → 0 exists, 0 → 5 does not
        #expect(Lesson.shortestPaths(in: Self.classic, from: 5).distances == [1, 9, 10, 6, 8, 0])
    }

    @Test("paths are reconstructed backwards from predecessors, then reversed")
    func pathReconstruction() {
        let paths = Lesson.shortestPaths(in: Self.classic, from: 0)
        #expect(paths.path(to: 2) == [0, 3, 1, 2])
        #expect(paths.path(to: 4) == [0, 3, 4])
        #expect(paths.path(to: 0) == [0])
        #expect(paths.path(to: 5) == nil)
    }

    @Test("vertices settle in non-decreasing distance order")
    func settlesInDistanceOrder() {
        #expect(Lesson.shortestPaths(in: Self.classic, from: 0).settledOrder == [0, 3, 4, 1, 2])
    }

    @Test("zero weights, parallel edges, self-loops and Int.max weights")
    func edgeCases() {
        var graph = Lesson.WeightedGraph(vertexCount: 4)
        graph.addEdge(from: 0, to: 1, weight: 0)
        graph.addEdge(from: 0, to: 1, weight: 7)  // the parallel edge does not win
        graph.addEdge(from: 1, to: 1, weight: 3)
        graph.addEdge(from: 1, to: 2, weight: Int.max)
        let paths = Lesson.shortestPaths(in: graph, from: 0)
        #expect(paths.distances == [0, 0, Int.max, nil])
        #expect(paths.path(to: 2) == [0, 1, 2])
        #expect(Lesson.shortestPaths(in: Lesson.WeightedGraph(vertexCount: 1), from: 0).distances == [0])

        // A path longer than Int.max (1 + Int.max) is not representable: unreachable, not a trap.
        var tooLong = Lesson.WeightedGraph(vertexCount: 3)
        tooLong.addEdge(from: 0, to: 1, weight: 1)
        tooLong.addEdge(from: 1, to: 2, weight: Int.max)
        #expect(Lesson.shortestPaths(in: tooLong, from: 0).distances == [0, 1, nil])
    }

    @Test("a negative weight is rejected: Dijkstra needs Bellman-Ford for those")
    func negativeWeightTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var graph = Dijkstra.WeightedGraph(vertexCount: 2)
            graph.addEdge(from: 0, to: 1, weight: -1)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("negative weight -1"))
    }

    @Test("the priority queue: popMin returns nil when empty, removeMin traps")
    func priorityQueueEmpty() async {
        var queue = Lesson.MinPriorityQueue<Int>()
        #expect(queue.popMin() == nil)
        queue.insert(3)
        queue.insert(-1)
        #expect(queue.min == -1)
        #expect(queue.count == 2)
        #expect(queue.removeMin() == -1)
        await #expect(processExitsWith: .failure) {
            var empty = Dijkstra.MinPriorityQueue<Int>()
            _ = empty.removeMin()
        }
    }

    @Test("property: random insert/pop sequences match a sorted-array oracle")
    func priorityQueueMatchesOracle() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -20...20).array(of: 0...60)) { operations in
            var queue = Lesson.MinPriorityQueue<Int>()
            var oracle: [Int] = []
            for operation in operations {
                if operation > 10 {  // about a quarter of the operations pop
                    let expected = oracle.isEmpty ? nil : oracle.removeFirst()
                    #expect(queue.popMin() == expected)
                } else {
                    queue.insert(operation)
                    oracle.insert(operation, at: oracle.firstIndex { $0 > operation } ?? oracle.count)
                }
                #expect(queue.count == oracle.count)
                #expect(queue.min == oracle.first)
                queue._checkInvariants()
            }
        }
    }

    @Test("property: distances equal Floyd-Warshall; paths add up; settling is monotone")
    func matchesFloydWarshall() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...7), Gen.int(in: 0...499).array(of: 0...20)) {
            n, codes in
            // code = from·? + to·? + weight: 10 weights × 7 × 7 < 500
            let edges = codes.map { ($0 / 70 % n, $0 / 10 % 7 % n, $0 % 10) }
            var graph = Lesson.WeightedGraph(vertexCount: n)
            var oracle = [[Int?]](repeating: [Int?](repeating: nil, count: n), count: n)
            for vertex in 0..<n { oracle[vertex][vertex] = 0 }
            for (from, to, weight) in edges {
                graph.addEdge(from: from, to: to, weight: weight)
                oracle[from][to] = Swift.min(oracle[from][to] ?? .max, weight)
            }
            for k in 0..<n {
                for i in 0..<n {
                    for j in 0..<n {
                        if let ik = oracle[i][k], let kj = oracle[k][j], ik + kj < oracle[i][j] ?? .max {
                            oracle[i][j] = ik + kj
                        }
                    }
                }
            }
            for source in 0..<n {
                let paths = Lesson.shortestPaths(in: graph, from: source)
                #expect(paths.distances == oracle[source])
                for target in 0..<n {
                    guard let path = paths.path(to: target) else { continue }
                    let length = zip(path, path.dropFirst()).reduce(0) { total, step in
                        total + graph.edges[step.0].filter { $0.to == step.1 }.map(\.weight).min()!
                    }
                    #expect(path.first == source && path.last == target && length == paths.distances[target])
                }
                let settled = paths.settledOrder.map { paths.distances[$0]! }
                #expect(settled == settled.sorted())
                #expect(Set(paths.settledOrder).count == paths.settledOrder.count)
            }
        }
    }
}
