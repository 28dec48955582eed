/// Recursion and backtracking: build a candidate one choice at a time,
/// recurse, then undo the choice; prune branches that cannot succeed. And
/// know when recursion depth becomes the bug.
///
/// ```swift
/// RecursionAndBacktracking.permutations([1, 2, 3]).count   // 6
/// RecursionAndBacktracking.subsets([1, 2, 3]).count        // 8
/// RecursionAndBacktracking.nQueens(8)                      // 92
/// RecursionAndBacktracking.generateParentheses(3)
/// // ["((()))", "(()())", "(())()", "()(())", "()()()"]
/// ```
///
/// ## Why interviewers ask this
/// Backtracking is the template behind permutations, combinations, subsets,
/// N-Queens, Sudoku and word search. Interviewers look for the
/// choose/recurse/un-choose shape, pruning, an honest complexity (n!·n,
/// 2ⁿ·n), and awareness that every recursive call uses thread stack: Swift
/// (like C) has no growable stacks, so deep recursion crashes the process,
/// where Go's goroutine stacks grow to 1 GB before failing.
///
/// ## Common pitfalls
/// - Appending the *shared* working array and then mutating it. In Swift
///   `result.append(current)` copies a value, so this Go/Java bug cannot
///   happen; forgetting to *undo* the choice (`removeLast()`) still can.
/// - Duplicates in the input producing duplicate permutations; sort and
///   skip equal siblings, or dedupe.
/// - Combination sum without a start index, so [2, 3] and [3, 2] both appear.
/// - Recursing once per element of a long list (``recursiveCount(_:)``):
///   at a few hundred thousand frames the 8 MB main-thread stack (512 KB on
///   secondary threads on Darwin) overflows and the process dies with
///   SIGSEGV. There is nothing to catch; convert to a loop or an explicit
///   stack (``iterativeCount(_:)``).
///
/// - Joining `Character` results back into `String`s: a permutation of the
///   characters of `"\u{301}e"` (a lone accent, then `e`) is `"e\u{301}"`,
///   which is *one* character, `é`. The functions here return arrays of
///   elements; if you join them, expect recombined graphemes.
///
/// ## Key takeaway
/// Backtracking = DFS over a tree of partial solutions: choose, recurse,
/// un-choose, and prune early. Recursion depth must be bounded by something
/// small (log n, the board size); if it grows with the input, use iteration.
///
/// ## Edges, audited
/// - Depth: recursion is the point of this lesson. The depth is n for
///   permutations and subsets (whose n! and 2ⁿ outputs run out of memory
///   long before the stack does), the board size for n-queens, 2 × pairs for
///   parentheses, and target / min(candidates) for combination sum, the one
///   that can be deep with a small answer: ``iterativeCombinationSum(_:target:)``
///   is its explicit-stack twin, tested at a depth of 100,000.
///   ``recursiveCount(_:)`` is the deliberate counter-example, with
///   ``iterativeCount(_:)`` beside it.
/// - Overflow: combination sum only subtracts candidates from a remainder
///   that stays positive.
/// - Unicode: results are arrays of elements, never re-joined strings.
///
/// ## Go → Swift
/// The Go seed has no backtracking file. Go code must `append(
/// []int(nil), current...)` before saving a candidate because slices alias;
/// Swift arrays are values, so `results.append(current)` already snapshots.
/// Go's stacks grow dynamically, so deep recursion that works in Go can
/// crash in Swift; Swift does not guarantee tail-call elimination either.
public enum RecursionAndBacktracking {
    /// Every ordering of `elements` (which should be distinct; equal elements
    /// give repeated orderings).
    /// - Complexity: O(n! · n) time and output.
    public static func permutations<Element>(_ elements: [Element]) -> [[Element]] {
        var results: [[Element]] = []
        var current: [Element] = []
        var used = [Bool](repeating: false, count: elements.count)
        func extend() {
            if current.count == elements.count {
                results.append(current)  // a value copy: later mutations do not reach it
                return
            }
            for index in elements.indices where !used[index] {
                used[index] = true
                current.append(elements[index])
                extend()
                current.removeLast()  // un-choose
                used[index] = false
            }
        }
        extend()
        return results
    }

    /// Every subset (the power set), in depth-first order of the choose-next tree (lexicographic by index).
    /// - Complexity: O(2ⁿ · n).
    public static func subsets<Element>(_ elements: [Element]) -> [[Element]] {
        var results: [[Element]] = []
        var current: [Element] = []
        func choose(from index: Int) {
            results.append(current)
            for next in index..<elements.count {
                current.append(elements[next])
                choose(from: next + 1)
                current.removeLast()
            }
        }
        choose(from: 0)
        return results
    }

    /// LeetCode 39: every multiset of `candidates` (each reusable) summing
    /// to `target`, each combination in non-decreasing order.
    /// - Precondition: candidates are distinct and positive.
    /// - Complexity: exponential in target / min(candidates); recursion
    ///   depth up to target / min(candidates) (one frame per coin in the
    ///   longest combination), so `combinationSum([1], target: 1_000_000)`
    ///   overflows the stack even though its answer is a single combination.
    ///   LeetCode bounds it by 40; for input you do not control use
    ///   ``iterativeCombinationSum(_:target:)``.
    public static func combinationSum(_ candidates: [Int], target: Int) -> [[Int]] {
        precondition(candidates.allSatisfy { $0 > 0 }, "candidates must be positive: \(candidates)")
        let sorted = candidates.sorted()
        var results: [[Int]] = []
        var current: [Int] = []
        func search(from start: Int, remaining: Int) {
            if remaining == 0 {
                results.append(current)
                return
            }
            for index in start..<sorted.count {
                if sorted[index] > remaining { break }  // prune: sorted, so every later one is too big
                current.append(sorted[index])
                search(from: index, remaining: remaining - sorted[index])  // `index`, not index + 1: reuse allowed
                current.removeLast()
            }
        }
        search(from: 0, remaining: target)
        return results
    }

    /// ``combinationSum(_:target:)`` with the recursion made explicit: a stack
    /// of frames, one per chosen candidate, each holding the next candidate
    /// index to try and the remaining target, the state a recursive call
    /// keeps. The same results in the same order, at any depth.
    /// - Precondition: candidates are distinct and positive.
    /// - Complexity: the same time as the recursion; O(target /
    ///   min(candidates)) heap space instead of call stack.
    public static func iterativeCombinationSum(_ candidates: [Int], target: Int) -> [[Int]] {
        precondition(candidates.allSatisfy { $0 > 0 }, "candidates must be positive: \(candidates)")
        let sorted = candidates.sorted()
        var results: [[Int]] = []
        var current: [Int] = []
        var frames: [(index: Int, remaining: Int)] = [(0, target)]
        while let frame = frames.last {
            let exhausted = frame.index == sorted.count || sorted[frame.index] > frame.remaining
            if frame.remaining == 0 || exhausted {
                if frame.remaining == 0 { results.append(current) }
                frames.removeLast()  // return from this call
                guard !frames.isEmpty else { break }
                current.removeLast()  // the caller's candidate is un-chosen
                frames[frames.count - 1].index += 1  // and let the caller try the next one
            } else {
                let candidate = sorted[frame.index]
                current.append(candidate)  // choose; reuse allowed, so the callee starts at the same index
                frames.append((frame.index, frame.remaining - candidate))
            }
        }
        return results
    }

    /// The number of ways to place `n` non-attacking queens on an n×n board.
    /// Columns and both diagonals are tracked in sets of `Bool`s so each
    /// placement check is O(1).
    /// - Complexity: O(n!) time, O(n) space and recursion depth.
    public static func nQueens(_ n: Int) -> Int {
        precondition(n >= 0, "negative board size \(n)")
        var columns = [Bool](repeating: false, count: n)
        var diagonals = [Bool](repeating: false, count: 2 * n)  // row + column
        var antiDiagonals = [Bool](repeating: false, count: 2 * n)  // row - column + n
        func place(row: Int) -> Int {
            if row == n { return 1 }
            var count = 0
            for column in 0..<n where !columns[column] && !diagonals[row + column] && !antiDiagonals[row - column + n] {
                columns[column] = true
                diagonals[row + column] = true
                antiDiagonals[row - column + n] = true
                count += place(row: row + 1)
                columns[column] = false
                diagonals[row + column] = false
                antiDiagonals[row - column + n] = false
            }
            return count
        }
        return place(row: 0)
    }

    /// Every balanced string of `pairs` pairs of parentheses, in
    /// lexicographic order (`(` before `)`).
    /// - Complexity: O(Cₙ · n), Cₙ the n-th Catalan number.
    public static func generateParentheses(_ pairs: Int) -> [String] {
        precondition(pairs >= 0, "negative pair count \(pairs)")
        var results: [String] = []
        var current = ""
        func extend(open: Int, close: Int) {
            // `close == pairs` is O(1); `current.count` would walk the String on every call.
            if close == pairs {
                results.append(current)
                return
            }
            if open < pairs {
                current.append("(")
                extend(open: open + 1, close: close)
                current.removeLast()
            }
            if close < open {  // prune: never close more than is open
                current.append(")")
                extend(open: open, close: close + 1)
                current.removeLast()
            }
        }
        extend(open: 0, close: 0)
        return results
    }

    // MARK: Recursion depth

    /// The pitfall: one stack frame per unit of `n`. Traps with a stack
    /// overflow (SIGSEGV) for large `n`, e.g. 10 000 000. Not a tail call
    /// (the `+ 1` runs after the recursive call returns), and Swift does not
    /// promise tail-call elimination anyway.
    /// - Complexity: O(n) time and O(n) stack.
    public static func recursiveCount(_ n: Int) -> Int {
        if n <= 0 { return 0 }
        return recursiveCount(n - 1) + 1
    }

    /// The fix: the same computation as a loop, O(1) stack.
    /// - Complexity: O(n) time, O(1) space.
    public static func iterativeCount(_ n: Int) -> Int {
        var count = 0
        var remaining = n
        while remaining > 0 {
            count += 1
            remaining -= 1
        }
        return count
    }
}
