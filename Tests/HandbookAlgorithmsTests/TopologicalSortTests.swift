import HandbookAlgorithms
import PropertyBased
import Testing

@Suite("Topological sort")
struct TopologicalSortTests {
    typealias Lesson = TopologicalSort

    static let classic = [(5, 2), (5, 0), (4, 0), (4, 1), (2, 3), (3, 1)]

    static func respectsEdges(_ order: [Int], vertexCount: Int, edges: [(Int, Int)]) -> Bool {
        guard order.count == vertexCount, Set(order) == Set(0..<vertexCount) else { return false }
        var position = [Int](repeating: 0, count: vertexCount)
        for (index, vertex) in order.enumerated() { position[vertex] = index }
        return edges.allSatisfy { position[$0.0] < position[$0.1] }
    }

    @Test("Kahn and the explicit-stack DFS are iterative: a 100,000-vertex chain sorts, and its closing edge is named")
    func iterativeSortsOnADeepChain() throws {
        let edges = (0..<99_999).map { ($0 + 1, $0) }  // 99,999 → … → 0
        let expected = Array((0..<100_000).reversed())
        #expect(try Lesson.kahn(vertexCount: 100_000, edges: edges) == expected)
        #expect(try Lesson.depthFirst(vertexCount: 100_000, edges: edges) == expected)
        let cycle = try #require(throws: Lesson.CycleError.self) {
            try Lesson.depthFirst(vertexCount: 100_000, edges: edges + [(0, 99_999)])
        }
        guard case .cycle(let vertices) = cycle else {
            Issue.record("expected a named cycle")
            return
        }
        #expect(vertices.count == 100_001 && vertices.first == 0 && vertices.last == 0)
    }

    @Test("the recursive DFS is the same algorithm: same order, same cycle, on 1,000 random graphs")
    func recursiveDepthFirstMatches() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...7), Gen.int(in: 0...48).array(of: 0...12)) {
            n, codes in
            let edges = codes.map { ($0 / 7 % n, $0 % 7 % n) }
            let iterative = Result { () throws(Lesson.CycleError) in try Lesson.depthFirst(vertexCount: n, edges: edges)
            }
            let recursive = Result { () throws(Lesson.CycleError) in
                try Lesson.recursiveDepthFirst(vertexCount: n, edges: edges)
            }
            #expect(iterative == recursive, "\(edges)")
        }
    }

    @Test("Kahn with smallest-ready-first gives one exact order; DFS gives reverse post-order")
    func exactOrders() throws {
        // A FIFO ready queue would give [4, 5, 2, 0, 3, 1].
        #expect(try Lesson.kahn(vertexCount: 6, edges: Self.classic) == [4, 5, 0, 2, 3, 1])
        #expect(try Lesson.depthFirst(vertexCount: 6, edges: Self.classic) == [5, 4, 2, 3, 1, 0])
        #expect(try Lesson.kahn(vertexCount: 3, edges: []) == [0, 1, 2])
        #expect(try Lesson.kahn(vertexCount: 0, edges: []) == [])
        #expect(try Lesson.depthFirst(vertexCount: 1, edges: []) == [0])
    }

    @Test("a cycle throws: Kahn names the unresolved vertices, DFS names the cycle")
    func cycleThrowsTypedError() {
        let edges = [(0, 1), (1, 2), (2, 3), (3, 1), (3, 4)]
        #expect(throws: Lesson.CycleError.unresolved([1, 2, 3, 4])) { try Lesson.kahn(vertexCount: 5, edges: edges) }
        #expect(throws: Lesson.CycleError.cycle([1, 2, 3, 1])) { try Lesson.depthFirst(vertexCount: 5, edges: edges) }
        #expect(throws: Lesson.CycleError.cycle([0, 0])) { try Lesson.depthFirst(vertexCount: 1, edges: [(0, 0)]) }
        do {
            _ = try Lesson.kahn(vertexCount: 2, edges: [(0, 1), (1, 0)])
            Issue.record("a two-cycle must throw")
        } catch {
            // typed throws: `error` is a CycleError, so the switch is exhaustive without a default
            switch error {
            case .unresolved(let vertices): #expect(vertices == [0, 1])
            case .cycle: Issue.record("Kahn reports unresolved vertices")
            }
        }
    }

    @Test("a diamond is not a cycle: an edge to a finished vertex is a cross edge")
    func diamondIsAcyclic() throws {
        let diamond = [(0, 1), (0, 2), (1, 3), (2, 3)]
        #expect(try Lesson.kahn(vertexCount: 4, edges: diamond) == [0, 1, 2, 3])
        #expect(try Lesson.depthFirst(vertexCount: 4, edges: diamond) == [0, 2, 1, 3])
    }

    @Test(
        "course schedule: LeetCode 207 and 210 examples",
        arguments: [
            (2, [[1, 0]], [0, 1] as [Int]?),
            (2, [[1, 0], [0, 1]], nil),
            (4, [[1, 0], [2, 0], [3, 1], [3, 2]], [0, 1, 2, 3]),
            (1, [], [0]),
            (3, [[0, 1], [0, 2], [1, 2]], [2, 1, 0]),
            (3, [[1, 1]], nil),  // a course that requires itself
        ])
    func courseSchedule(courses: Int, prerequisites: [[Int]], expected: [Int]?) {
        #expect(Lesson.canFinish(courses, prerequisites) == (expected != nil))
        #expect(Lesson.courseOrder(courses, prerequisites) == expected)
    }

    @Test("property: on random DAGs both orders put u before v for every edge u→v")
    func ordersRespectEveryEdge() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...8), Gen.int(in: 0...63).array(of: 0...20)) {
            n, codes in
            // Orient every edge from the larger label to the smaller: acyclic, and
            // not already in increasing order, so the sort has work to do.
            let edges = codes.map { ($0 / 8 % n, $0 % 8 % n) }.filter { $0.0 != $0.1 }.map {
                (max($0.0, $0.1), min($0.0, $0.1))
            }
            // propertyCheck swallows errors thrown by its body, so a throw must become an issue here.
            do {
                let kahn = try Lesson.kahn(vertexCount: n, edges: edges)
                let dfs = try Lesson.depthFirst(vertexCount: n, edges: edges)
                #expect(Self.respectsEdges(kahn, vertexCount: n, edges: edges))
                #expect(Self.respectsEdges(dfs, vertexCount: n, edges: edges))
            } catch {
                Issue.record("a DAG must sort, but \(error) was thrown for \(edges)")
            }
        }
    }

    @Test("property: Kahn's order is the smallest valid permutation; both detect the same cycles")
    func kahnIsLexicographicallySmallest() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...5), Gen.int(in: 0...63).array(of: 0...8)) { n, codes in
            let edges = codes.map { ($0 / 8 % n, $0 % 8 % n) }
            // Oracle: permutations in lexicographic order; the first valid one wins.
            func smallest(_ prefix: [Int]) -> [Int]? {
                if prefix.count == n { return Self.respectsEdges(prefix, vertexCount: n, edges: edges) ? prefix : nil }
                for next in 0..<n where !prefix.contains(next) {
                    if let found = smallest(prefix + [next]) { return found }
                }
                return nil
            }
            let oracle = smallest([])
            #expect((try? Lesson.kahn(vertexCount: n, edges: edges)) == oracle)
            #expect(((try? Lesson.depthFirst(vertexCount: n, edges: edges)) != nil) == (oracle != nil))
            if case .cycle(let cycle)? = Self.cycleError(n, edges) {
                #expect(cycle.first == cycle.last)
                for (u, v) in zip(cycle, cycle.dropFirst()) { #expect(edges.contains { $0 == (u, v) }) }
            }
        }
    }

    static func cycleError(_ n: Int, _ edges: [(Int, Int)]) -> Lesson.CycleError? {
        do {
            _ = try Lesson.depthFirst(vertexCount: n, edges: edges)
            return nil
        } catch {
            return error
        }
    }
}
