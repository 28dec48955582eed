/// Dijkstra's algorithm: single-source shortest paths with non-negative
/// weights, driven by a binary-heap priority queue with lazy deletion, plus
/// path reconstruction from predecessor links.
///
/// ```swift
/// var graph = Dijkstra.WeightedGraph(vertexCount: 3)
/// graph.addEdge(from: 0, to: 1, weight: 4)
/// graph.addEdge(from: 0, to: 2, weight: 1)
/// graph.addEdge(from: 2, to: 1, weight: 2)
/// let paths = Dijkstra.shortestPaths(in: graph, from: 0)
/// paths.distance(to: 1)   // 3
/// paths.path(to: 1)       // [0, 2, 1]
/// ```
///
/// ## Why interviewers ask this
/// Routing, network latency, "cheapest flights", "network delay time":
/// weighted shortest paths are a staple, and the implementation shows
/// whether you can build and use a priority queue. Follow-ups probe the
/// complexity (O((V + E) log V)), why negative weights break it, and what
/// to use instead (Bellman-Ford, O(V·E), which also detects negative
/// cycles).
///
/// ## Common pitfalls
/// - Negative weights: Dijkstra settles a vertex for good when it leaves the
///   queue, so a later negative edge cannot fix it. ``WeightedGraph/addEdge(from:to:weight:)``
///   rejects them with a precondition; use Bellman-Ford for such graphs.
/// - Without decrease-key, the queue holds stale entries; skipping an entry
///   whose distance is larger than the best known one ("lazy deletion") is
///   what keeps each vertex from being expanded again.
/// - Using a sorted array as the queue (O(V) inserts) or an O(V) scan per
///   step: correct, but O(V²) overall.
/// - Encoding "unreachable" as `Int.max` and then adding a weight to it:
///   that traps in Swift. Distances here are `Int?`, and a vertex whose only
///   paths are longer than `Int.max` is reported unreachable.
/// - Reconstructing the path forwards: predecessor links run backwards
///   from the target, so walk them and reverse.
///
/// ## Key takeaway
/// Pop the closest unsettled vertex, relax its edges, push improved
/// distances; with non-negative weights each vertex's first pop is final,
/// so vertices settle in non-decreasing distance order.
///
/// ## Edges, audited
/// - Overflow: a distance plus an edge weight uses `addingReportingOverflow`.
///   Weights are non-negative, so every partial sum on a shortest path is at
///   most that path's cost: a path whose cost fits is always found, and one
///   whose cost exceeds `Int.max` is reported unreachable (`nil`), as tested.
/// - Unicode: vertices are integers.
/// - Depth: the priority queue and the path rebuild are loops.
///
/// ## Go → Swift
/// The Go seed has no Dijkstra. Go would use `container/heap` with an
/// interface-based `Push`/`Pop`; Swift's standard library has no heap, so
/// ``MinPriorityQueue`` below is the interview answer: one generic type over
/// `Comparable` elements, `popMin()` returning `nil` when empty, as in
/// swift-collections' `Heap`.
public enum Dijkstra {
    /// A directed graph on `0..<vertexCount` with non-negative integer
    /// weights.
    public struct WeightedGraph: Sendable {
        /// `edges[u]` lists `(to, weight)` for every edge leaving u.
        public private(set) var edges: [[(to: Int, weight: Int)]]

        /// - Complexity: O(V).
        public init(vertexCount: Int) {
            precondition(vertexCount >= 0, "negative vertex count \(vertexCount)")
            edges = Array(repeating: [], count: vertexCount)
        }

        public var vertexCount: Int { edges.count }

        /// Adds a directed edge.
        /// - Precondition: both endpoints are vertices and `weight >= 0`.
        ///   Negative weights need Bellman-Ford, not Dijkstra.
        /// - Complexity: amortized O(1).
        public mutating func addEdge(from: Int, to: Int, weight: Int) {
            precondition(
                edges.indices.contains(from) && edges.indices.contains(to),
                "edge \(from)→\(to) outside 0..<\(vertexCount)")
            precondition(
                weight >= 0,
                "negative weight \(weight) on edge \(from)→\(to): Dijkstra needs non-negative weights; use Bellman-Ford"
            )
            edges[from].append((to, weight))
        }
    }

    /// A binary min-heap: the interview answer when the standard library has
    /// no priority queue. Stored in an array where the children of `i` are
    /// `2i+1` and `2i+2`, and no child is smaller than its parent.
    public struct MinPriorityQueue<Element: Comparable> {
        private var elements: [Element] = []

        public init() {}

        public var count: Int { elements.count }
        public var isEmpty: Bool { elements.isEmpty }
        /// The smallest element. - Complexity: O(1).
        public var min: Element? { elements.first }

        /// - Complexity: O(log n).
        public mutating func insert(_ element: Element) {
            elements.append(element)
            var child = elements.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard elements[child] < elements[parent] else { break }
                elements.swapAt(child, parent)
                child = parent
            }
            #if HANDBOOK_INTERNAL_CHECKS
                _checkInvariants()
            #endif
        }

        /// Removes and returns the smallest element, or `nil` when empty.
        /// - Complexity: O(log n).
        public mutating func popMin() -> Element? {
            guard let last = elements.popLast() else { return nil }
            guard !elements.isEmpty else { return last }
            let minimum = elements[0]
            elements[0] = last
            siftDown(from: 0)
            #if HANDBOOK_INTERNAL_CHECKS
                _checkInvariants()
            #endif
            return minimum
        }

        /// Removes and returns the smallest element.
        /// - Precondition: the queue is not empty.
        /// - Complexity: O(log n).
        public mutating func removeMin() -> Element {
            guard let minimum = popMin() else { preconditionFailure("removeMin() on an empty MinPriorityQueue") }
            return minimum
        }

        private mutating func siftDown(from start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < elements.count && elements[left] < elements[smallest] { smallest = left }
                if right < elements.count && elements[right] < elements[smallest] { smallest = right }
                if smallest == parent { return }
                elements.swapAt(parent, smallest)
                parent = smallest
            }
        }

        /// Verifies the heap order: no element is smaller than its parent.
        public func _checkInvariants() {
            for index in elements.indices.dropFirst() {
                precondition(!(elements[index] < elements[(index - 1) / 2]), "heap order broken at index \(index)")
            }
        }
    }

    /// The result of a single-source run.
    public struct ShortestPaths: Sendable {
        public let source: Int
        /// `distances[v]`: the shortest distance, `nil` when unreachable.
        public let distances: [Int?]
        /// `predecessor[v]`: the vertex before v on one shortest path.
        public let predecessor: [Int?]
        /// Vertices in the order they were settled (first popped with a
        /// current distance): always non-decreasing in distance.
        public let settledOrder: [Int]

        /// - Complexity: O(1).
        public func distance(to target: Int) -> Int? { distances[target] }

        /// One shortest path from ``source`` to `target`, both included, or
        /// `nil` when unreachable.
        /// - Complexity: O(path length).
        public func path(to target: Int) -> [Int]? {
            guard distances[target] != nil else { return nil }
            var path = [target]
            while let previous = predecessor[path[path.count - 1]] { path.append(previous) }
            return path.reversed()
        }
    }

    /// Shortest distances and paths from `source`.
    /// - Precondition: `source` is a vertex (weights were checked on insert).
    /// - Complexity: O((V + E) log V) time, O(V + E) space (one queue entry
    ///   per successful relaxation).
    public static func shortestPaths(in graph: WeightedGraph, from source: Int) -> ShortestPaths {
        precondition(graph.edges.indices.contains(source), "source \(source) outside 0..<\(graph.vertexCount)")
        struct Entry: Comparable {
            var distance: Int
            var vertex: Int
            static func < (lhs: Entry, rhs: Entry) -> Bool { (lhs.distance, lhs.vertex) < (rhs.distance, rhs.vertex) }
        }
        var distances = [Int?](repeating: nil, count: graph.vertexCount)
        var predecessor = [Int?](repeating: nil, count: graph.vertexCount)
        var settledOrder: [Int] = []
        var queue = MinPriorityQueue<Entry>()
        distances[source] = 0
        queue.insert(Entry(distance: 0, vertex: source))
        while let entry = queue.popMin() {
            // Lazy deletion: a better entry for this vertex was already popped.
            guard entry.distance == distances[entry.vertex] else { continue }
            settledOrder.append(entry.vertex)
            for (next, weight) in graph.edges[entry.vertex] {
                // A path longer than Int.max is not representable: treat it as no path
                // rather than trapping (or wrapping to a negative "shortcut" as Go would).
                let (candidate, overflowed) = entry.distance.addingReportingOverflow(weight)
                if overflowed { continue }
                if distances[next].map({ candidate < $0 }) ?? true {
                    distances[next] = candidate
                    predecessor[next] = entry.vertex
                    queue.insert(Entry(distance: candidate, vertex: next))
                }
            }
        }
        return ShortestPaths(source: source, distances: distances, predecessor: predecessor, settledOrder: settledOrder)
    }
}
