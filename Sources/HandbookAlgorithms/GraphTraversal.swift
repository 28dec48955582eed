/// Graph traversal: breadth-first search for unweighted shortest paths,
/// depth-first search (recursive and with an explicit stack), connected
/// components, directed cycle detection with three colours, and BFS on a
/// grid.
///
/// ```swift
/// let graph = GraphTraversal.Graph(vertexCount: 4, edges: [(0, 1), (0, 2), (1, 3)])
/// GraphTraversal.breadthFirstOrder(graph, from: 0)   // [0, 1, 2, 3]
/// GraphTraversal.distances(graph, from: 0)           // [0, 1, 1, 2]
/// GraphTraversal.shortestPath(graph, from: 2, to: 3) // [2, 0, 1, 3]
/// ```
///
/// ## Why interviewers ask this
/// Half of the "medium" interview problems are a graph in disguise: islands,
/// word ladders, course schedules, friend circles. Interviewers check that
/// you pick BFS for fewest-edges questions and DFS for reachability and
/// structure, that you mark vertices at the right moment, and that you know
/// why an undirected "visited" check does not detect directed cycles.
///
/// ## Common pitfalls
/// - Using `Array.removeFirst()` as a queue: it is O(n), so BFS becomes
///   O(V²). Keep a head index (``Queue``) or use a ring buffer / `Deque`.
/// - Marking a vertex visited when it is *dequeued* instead of *enqueued*:
///   it can be enqueued many times, and the queue grows to O(E).
/// - Detecting directed cycles with a plain visited set
///   (``hasCycleUsingVisitedSet(_:)``): a diamond `0→1→3, 0→2→3` reaches 3
///   twice and is reported as a cycle. Only an edge to a vertex that is still
///   *on the current path* (grey) closes a cycle (``hasDirectedCycle(_:)``).
/// - Deep recursive DFS overflows the thread stack on a long path (about
///   100,000 vertices is enough on a test thread); the iterative versions
///   (an explicit stack of vertices, or of (vertex, next edge) frames when
///   the post-order matters, as for cycle colours) have no such limit.
/// - Grid BFS that forgets bounds checks, or mutates the input grid that the
///   caller still needs (Swift's value semantics give you a private copy).
///
/// ## Key takeaway
/// BFS explores in rings of equal distance, so the first time it reaches a
/// vertex is along a shortest path (unweighted). DFS explores one path to
/// the end; with white/grey/black colours it also finds directed cycles.
/// Both are O(V + E) with an adjacency list.
///
/// ## Edges, audited
/// - Depth: every public function is iterative except the two marked
///   recursive (``recursiveDepthFirstOrder(_:from:)``,
///   ``recursiveHasDirectedCycle(_:)``), each with an iterative twin tested
///   on a 100,000-vertex path, and the pitfall ``hasCycleUsingVisitedSet(_:)``.
/// - Overflow: distances count edges (at most V − 1); no value arithmetic.
/// - Unicode: grids are `[[Character]]`, one grapheme per cell.
///
/// ## Go → Swift
/// The Go seed's traversal helpers use `map[int][]int` and a slice as a
/// queue (`q = q[1:]`, which is O(1) in Go but leaks the prefix until the
/// slice is re-allocated). Here the graph is a value type holding `[[Int]]`,
/// the queue is an array with a head index, and "no path" is `nil` rather
/// than an empty slice or `-1`.
public enum GraphTraversal {
    /// An adjacency-list graph on vertices `0..<vertexCount`.
    public struct Graph: Equatable, Sendable {
        /// `neighbours[v]` lists the heads of v's edges in insertion order.
        public private(set) var neighbours: [[Int]]
        /// Whether an edge `(u, v)` also adds `(v, u)`.
        public let isDirected: Bool

        /// - Precondition: every endpoint is in `0..<vertexCount`.
        /// - Complexity: O(V + E).
        public init(vertexCount: Int, edges: [(Int, Int)] = [], directed: Bool = false) {
            precondition(vertexCount >= 0, "negative vertex count \(vertexCount)")
            neighbours = Array(repeating: [], count: vertexCount)
            isDirected = directed
            for (from, to) in edges { addEdge(from: from, to: to) }
        }

        public var vertexCount: Int { neighbours.count }

        /// - Precondition: both endpoints are vertices.
        /// - Complexity: amortized O(1).
        public mutating func addEdge(from: Int, to: Int) {
            precondition(
                neighbours.indices.contains(from) && neighbours.indices.contains(to),
                "edge \(from)→\(to) outside 0..<\(vertexCount)")
            neighbours[from].append(to)
            if !isDirected && from != to { neighbours[to].append(from) }
        }
    }

    /// A FIFO queue as an array plus a head index: O(1) amortized enqueue
    /// and dequeue. This is the interview answer when no `Deque` is at hand;
    /// `removeFirst()` on an array would shift every element.
    public struct Queue<Element>: Sendable where Element: Sendable {
        private var storage: [Element] = []
        private var head = 0

        public init() {}

        public var isEmpty: Bool { head == storage.count }

        /// - Complexity: amortized O(1).
        public mutating func enqueue(_ element: Element) { storage.append(element) }

        /// - Returns: `nil` when empty.
        /// - Complexity: amortized O(1): the consumed prefix is dropped once it
        ///   is at least half of the storage.
        public mutating func dequeue() -> Element? {
            guard head < storage.count else { return nil }
            let element = storage[head]
            head += 1
            if head * 2 >= storage.count && head >= 32 {
                storage.removeFirst(head)
                head = 0
            }
            return element
        }
    }

    // MARK: Breadth-first search

    /// Vertices reachable from `source`, in BFS order (neighbours in
    /// insertion order).
    /// - Complexity: O(V + E).
    public static func breadthFirstOrder(_ graph: Graph, from source: Int) -> [Int] {
        var order: [Int] = []
        var visited = [Bool](repeating: false, count: graph.vertexCount)
        var queue = Queue<Int>()
        visited[source] = true  // mark on enqueue, so nothing is queued twice
        queue.enqueue(source)
        while let vertex = queue.dequeue() {
            order.append(vertex)
            for next in graph.neighbours[vertex] where !visited[next] {
                visited[next] = true
                queue.enqueue(next)
            }
        }
        return order
    }

    /// Fewest edges from `source` to every vertex; `nil` if unreachable.
    /// - Complexity: O(V + E).
    public static func distances(_ graph: Graph, from source: Int) -> [Int?] {
        breadthFirstTree(graph, from: source).distance
    }

    /// One path with the fewest edges from `source` to `target`, both
    /// included; `nil` when `target` is unreachable.
    /// - Complexity: O(V + E).
    public static func shortestPath(_ graph: Graph, from source: Int, to target: Int) -> [Int]? {
        let tree = breadthFirstTree(graph, from: source)
        guard tree.distance[target] != nil else { return nil }
        var path = [target]
        while let parent = tree.parent[path[path.count - 1]] { path.append(parent) }
        return path.reversed()
    }

    private static func breadthFirstTree(_ graph: Graph, from source: Int) -> (distance: [Int?], parent: [Int?]) {
        var distance = [Int?](repeating: nil, count: graph.vertexCount)
        var parent = [Int?](repeating: nil, count: graph.vertexCount)
        var queue = Queue<Int>()
        distance[source] = 0
        queue.enqueue(source)
        while let vertex = queue.dequeue() {
            let here = distance[vertex]!  // set before enqueueing
            for next in graph.neighbours[vertex] where distance[next] == nil {
                distance[next] = here + 1
                parent[next] = vertex
                queue.enqueue(next)
            }
        }
        return (distance, parent)
    }

    // MARK: Depth-first search

    /// Pre-order DFS by recursion. Stack depth is the longest path explored,
    /// so a path graph of a million vertices overflows the thread stack.
    /// - Complexity: O(V + E) time, O(V) stack.
    public static func recursiveDepthFirstOrder(_ graph: Graph, from source: Int) -> [Int] {
        var order: [Int] = []
        var visited = [Bool](repeating: false, count: graph.vertexCount)
        func visit(_ vertex: Int) {
            visited[vertex] = true
            order.append(vertex)
            for next in graph.neighbours[vertex] where !visited[next] { visit(next) }
        }
        visit(source)
        return order
    }

    /// Pre-order DFS with an explicit stack, visiting in the same order as
    /// the recursive version: push neighbours in reverse, mark on pop.
    /// - Complexity: O(V + E) time, O(E) heap memory, no recursion.
    public static func iterativeDepthFirstOrder(_ graph: Graph, from source: Int) -> [Int] {
        var order: [Int] = []
        var visited = [Bool](repeating: false, count: graph.vertexCount)
        var stack = [source]
        while let vertex = stack.popLast() {
            if visited[vertex] { continue }  // pushed twice before its first visit
            visited[vertex] = true
            order.append(vertex)
            for next in graph.neighbours[vertex].reversed() where !visited[next] { stack.append(next) }
        }
        return order
    }

    /// Connected components of an undirected graph, each sorted, ordered by
    /// their smallest vertex.
    /// - Complexity: O(V + E).
    public static func connectedComponents(_ graph: Graph) -> [[Int]] {
        precondition(!graph.isDirected, "connected components need an undirected graph")
        var component = [Int?](repeating: nil, count: graph.vertexCount)
        var components: [[Int]] = []
        for start in 0..<graph.vertexCount where component[start] == nil {
            let members = iterativeDepthFirstOrder(graph, from: start)
            for member in members { component[member] = components.count }
            components.append(members.sorted())
        }
        return components
    }

    // MARK: Directed cycles

    private enum Colour { case white, grey, black }

    /// Whether a directed graph has a cycle: DFS with three colours. White is
    /// unvisited, grey is on the current path, black is finished; only an
    /// edge to a grey vertex closes a cycle.
    ///
    /// The DFS keeps its path on an explicit stack of (vertex, next edge to
    /// try) frames, the state a recursive call would keep in its stack
    /// frame, so a path of a million vertices needs no deep call stack.
    /// ``recursiveHasDirectedCycle(_:)`` is the same algorithm as recursion.
    /// - Complexity: O(V + E) time, O(V) heap space.
    public static func hasDirectedCycle(_ graph: Graph) -> Bool {
        var colour = [Colour](repeating: .white, count: graph.vertexCount)
        var path: [(vertex: Int, nextEdge: Int)] = []
        for start in 0..<graph.vertexCount where colour[start] == .white {
            colour[start] = .grey
            path.append((start, 0))
            while let (vertex, nextEdge) = path.last {
                let edges = graph.neighbours[vertex]
                guard nextEdge < edges.count else {
                    colour[vertex] = .black  // every edge explored: leave the path
                    path.removeLast()
                    continue
                }
                path[path.count - 1].nextEdge += 1
                let next = edges[nextEdge]
                guard colour[next] != .grey else { return true }  // an edge back to the current path
                if colour[next] == .white {
                    colour[next] = .grey
                    path.append((next, 0))
                }
            }
        }
        return false
    }

    /// The three-colour DFS as recursion, the form usually written in an
    /// interview. One stack frame per vertex on the current path, so a long
    /// path (about 100,000 vertices) overflows the stack; use
    /// ``hasDirectedCycle(_:)`` on input you do not control.
    /// - Complexity: O(V + E) time, O(V) call-stack depth.
    public static func recursiveHasDirectedCycle(_ graph: Graph) -> Bool {
        var colour = [Colour](repeating: .white, count: graph.vertexCount)
        func closesCycle(from vertex: Int) -> Bool {
            colour[vertex] = .grey
            for next in graph.neighbours[vertex] {
                if colour[next] == .grey { return true }
                if colour[next] == .white && closesCycle(from: next) { return true }
            }
            colour[vertex] = .black
            return false
        }
        for vertex in 0..<graph.vertexCount where colour[vertex] == .white {
            if closesCycle(from: vertex) { return true }
        }
        return false
    }

    /// The pitfall: a two-state visited set. Any vertex reached twice looks
    /// like a cycle, so a diamond DAG is misreported. Recursive, like the
    /// interview version it imitates: O(V) call-stack depth.
    public static func hasCycleUsingVisitedSet(_ graph: Graph) -> Bool {
        var visited = [Bool](repeating: false, count: graph.vertexCount)
        func reachesVisited(from vertex: Int) -> Bool {
            visited[vertex] = true
            for next in graph.neighbours[vertex] {
                if visited[next] || reachesVisited(from: next) { return true }
            }
            return false
        }
        for vertex in 0..<graph.vertexCount where !visited[vertex] {
            if reachesVisited(from: vertex) { return true }
        }
        return false
    }

    // MARK: Grids

    /// LeetCode 200: the number of 4-connected groups of `"1"` cells. The
    /// grid is a value, so BFS marks cells in a private copy.
    /// - Complexity: O(rows × columns).
    public static func numberOfIslands(_ grid: [[Character]]) -> Int {
        var land = grid
        var islands = 0
        for row in land.indices {
            for column in land[row].indices where land[row][column] == "1" {
                islands += 1
                land[row][column] = "0"
                var queue = Queue<(Int, Int)>()
                queue.enqueue((row, column))
                while let (r, c) = queue.dequeue() {
                    for (dr, dc) in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
                        let (nr, nc) = (r + dr, c + dc)
                        guard land.indices.contains(nr), land[nr].indices.contains(nc), land[nr][nc] == "1" else {
                            continue
                        }
                        land[nr][nc] = "0"
                        queue.enqueue((nr, nc))
                    }
                }
            }
        }
        return islands
    }
}
