/// LeetCode 200, Number of Islands: count groups of land cells connected
/// horizontally or vertically, with an iterative breadth-first flood fill
/// that leaves the grid untouched.
///
/// ```swift
/// typealias Lesson = NumberOfIslands
/// let grid = Lesson.grid(["11000", "11000", "00100", "00011"])
/// Lesson.count(in: grid)            // 3; grid is unchanged
/// var scratch = grid
/// Lesson.countBySinking(&scratch)   // 3; scratch is now all water
/// Lesson.countRecursively(grid)     // 3, but a 200,000-cell island overflows the stack
/// ```
///
/// **Problem.** Given an m × n grid of `"1"` (land) and `"0"` (water),
/// return the number of islands: maximal groups of land cells joined up,
/// down, left or right (not diagonally).
///
/// **Approach.** Scan the cells; each unvisited land cell starts a new
/// island, and a flood fill marks everything reachable from it as visited.
/// The fill here is breadth-first with an explicit queue (an array and a
/// head index), so its memory is heap memory, not stack frames.
///
/// - Complexity: O(m·n) time; O(m·n) space: the visited marks, plus a queue
///   array that keeps every cell of the current island (the head index never
///   compacts it).
///
/// ## Why interviewers ask this
/// It is the entry point to graph traversal on an implicit graph: can you
/// see that the grid is a graph, pick BFS or DFS, bound the work to O(m·n),
/// and avoid the two production bugs, mutating the caller's data and
/// recursing as deep as the input is large.
///
/// ## Common pitfalls
/// - Recursive DFS (``countRecursively(_:)``): one stack frame per cell of
///   the island, so a long island crashes the process with a stack
///   overflow (secondary threads, where Swift tasks run, have far smaller
///   stacks than the main thread). Use an explicit stack or queue.
/// - "Sinking" the island by writing `"0"` into the input without saying
///   so. In Swift the mutation is explicit (``countBySinking(_:)`` takes
///   `inout`), and a caller's other copies are unaffected (copy-on-write).
/// - Marking a cell visited when it is *dequeued* instead of when it is
///   *enqueued*: cells enter the queue many times, and time and memory grow.
/// - Forgetting a direction (usually up or left): islands shaped like a `U`
///   get counted twice.
/// - Assuming rows have equal length: checked here with a precondition.
///
/// ## Key takeaway
/// Count the flood fills started from unvisited land. Fill iteratively, mark
/// on enqueue, and keep the visited marks in your own array unless the
/// caller explicitly hands you the grid to mutate.
///
/// ## Edges, audited
/// - Depth: ``count(in:)`` and ``countBySinking(_:)`` are breadth-first
///   loops, tested on a 200,000-cell island; ``countRecursively(_:)`` is the
///   documented recursive pitfall and a test shows its crash on that island.
/// - Unicode: one `Character` per cell, so `"1\u{301}"` is one cell (water).
/// - Overflow: only cell indices, bounded by the grid.
///
/// ## Go → Swift
/// The usual Go answer takes `grid [][]byte` and overwrites cells with
/// `'0'`: a Go slice shares its backing array, so the caller's grid is
/// destroyed. Swift arrays are values: a function cannot change the
/// caller's grid unless it is passed `inout` with `&`. Go's goroutines start
/// with small stacks that grow to 1 GB, so deep recursion there is slow
/// rather than fatal; Swift threads have fixed stacks, and overflow is a
/// crash.
public enum NumberOfIslands {
    /// Up, down, left, right.
    static let directions = [(-1, 0), (1, 0), (0, -1), (0, 1)]

    /// A grid from rows of text, one `Character` per cell.
    /// - Complexity: O(m·n).
    public static func grid(_ rows: [String]) -> [[Character]] {
        rows.map(Array.init)
    }

    /// The number of islands (`"1"` cells joined horizontally or
    /// vertically); any other character is water. The grid is not changed.
    /// - Precondition: every row has the same length.
    /// - Complexity: O(m·n) time and space.
    public static func count(in grid: [[Character]]) -> Int {
        let width = checkedWidth(of: grid)
        var visited = [Bool](repeating: false, count: grid.count * width)
        var queue: [(row: Int, column: Int)] = []
        var islands = 0
        for row in grid.indices {
            for column in 0..<width where grid[row][column] == "1" && !visited[row * width + column] {
                islands += 1
                visited[row * width + column] = true
                queue.removeAll(keepingCapacity: true)
                queue.append((row, column))
                var head = 0  // an array and a head index: O(1) dequeue without removeFirst's O(n)
                while head < queue.count {
                    let cell = queue[head]
                    head += 1
                    for (dr, dc) in directions {
                        let (r, c) = (cell.row + dr, cell.column + dc)
                        guard grid.indices.contains(r), (0..<width).contains(c), grid[r][c] == "1",
                            !visited[r * width + c]
                        else { continue }
                        visited[r * width + c] = true  // on enqueue, so no cell is queued twice
                        queue.append((r, c))
                    }
                }
            }
        }
        return islands
    }

    /// The classic in-place answer, made explicit: counts the islands and
    /// overwrites every land cell of `grid` with `"0"`. Iterative DFS with
    /// an explicit stack.
    /// - Precondition: every row has the same length.
    /// - Complexity: O(m·n) time, O(m·n) stack in the worst case, no
    ///   visited array.
    public static func countBySinking(_ grid: inout [[Character]]) -> Int {
        let width = checkedWidth(of: grid)
        var islands = 0
        var stack: [(row: Int, column: Int)] = []
        for row in grid.indices {
            for column in 0..<width where grid[row][column] == "1" {
                islands += 1
                grid[row][column] = "0"
                stack.append((row, column))
                while let cell = stack.popLast() {
                    for (dr, dc) in directions {
                        let (r, c) = (cell.row + dr, cell.column + dc)
                        guard grid.indices.contains(r), (0..<width).contains(c), grid[r][c] == "1" else { continue }
                        grid[r][c] = "0"
                        stack.append((r, c))
                    }
                }
            }
        }
        return islands
    }

    /// The pitfall: recursive DFS. Correct, but it needs one stack frame
    /// per cell of the largest island and crashes on a long one.
    /// - Complexity: O(m·n) time, O(m·n) call-stack depth.
    public static func countRecursively(_ grid: [[Character]]) -> Int {
        let width = checkedWidth(of: grid)
        var visited = [Bool](repeating: false, count: grid.count * width)
        func fill(_ row: Int, _ column: Int) {
            guard grid.indices.contains(row), (0..<width).contains(column), grid[row][column] == "1",
                !visited[row * width + column]
            else { return }
            visited[row * width + column] = true
            for (dr, dc) in directions { fill(row + dr, column + dc) }
        }
        var islands = 0
        for row in grid.indices {
            for column in 0..<width where grid[row][column] == "1" && !visited[row * width + column] {
                islands += 1
                fill(row, column)
            }
        }
        return islands
    }

    private static func checkedWidth(of grid: [[Character]]) -> Int {
        let width = grid.first?.count ?? 0
        precondition(grid.allSatisfy { $0.count == width }, "grid rows must all have \(width) cells")
        return width
    }
}
