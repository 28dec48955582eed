/// Dynamic programming: solve each overlapping subproblem once, either
/// top-down with a cache (memoization) or bottom-up with a table
/// (tabulation), then shrink the table to the few cells the recurrence reads.
///
/// ```swift
/// DynamicProgramming.fibonacci(92)              // 7540113804746346429, O(1) space
/// try DynamicProgramming.checkedFibonacci(93)    // throws Overflow(n: 93)
/// DynamicProgramming.longestCommonSubsequence("abcde", "ace")  // 3
/// DynamicProgramming.knapsack(weights: [1, 3, 4, 5], values: [1, 4, 5, 7], capacity: 7)  // 9
/// ```
///
/// ## Why interviewers ask this
/// DP separates candidates who can name the *state* and the *recurrence*
/// from those who memorise solutions. Interviewers want the progression:
/// naive recursion (exponential), memoization (linear time, linear stack),
/// tabulation (no recursion), then O(1) or O(row) space. In Swift there is
/// a twist Go does not have: `Int` arithmetic traps on overflow, so
/// `fib(93)` crashes instead of silently wrapping to a negative number.
///
/// ## Common pitfalls
/// - Naive recursion: ``naiveFibonacci(_:calls:)`` makes 21 891 calls for
///   n = 20; the memoized ``FibonacciMemo`` makes 39.
/// - Using `Int.max` as "infinity" and then adding 1 to it: that traps in
///   Swift. ``coinChange(_:amount:)`` uses `Int?` for "unreachable" instead.
/// - Overflow: `fib(93)` does not fit in 64 bits. Plain `+` traps;
///   `addingReportingOverflow` lets ``checkedFibonacci(_:)`` throw instead.
/// - Kadane's algorithm seeded with 0 returns 0 for an all-negative array;
///   seed it with the first element. Writing the step as
///   `max(number, endingHere + number)` evaluates the sum even when it is
///   discarded, and `[Int.min, -1]` traps on `Int.min - 1`: extend the run
///   only when it is positive.
/// - 0/1 knapsack with a 1-D table must walk capacities *downwards*, or an
///   item is reused (that is the unbounded knapsack).
/// - LIS by patience sorting needs a strict lower bound (`<`); `<=` computes
///   the longest *non-decreasing* subsequence instead.
///
/// ## Key takeaway
/// Define the state, write the recurrence, pick the evaluation order, then
/// keep only the cells the recurrence reads. Decide up front how overflow
/// and "no solution" are represented: `Optional` and typed throws, not
/// sentinel values.
///
/// ## Edges, audited
/// - Overflow: no function traps on an input whose answer fits in `Int` and
///   whose table fits in memory (`coinChange`, `uniquePaths` and `knapsack`
///   allocate `amount + 1`, `columns` and `capacity + 1` cells).
///   Kadane skips the sum of a dropped run; `rob`, `knapsack`,
///   `uniquePaths`, `coinChange` and the LIS functions only form values no
///   larger than their answer. Where the answer can exceed `Int`, the
///   precondition says so: Fibonacci up to 92 (checked, or
///   ``checkedFibonacci(_:)`` throws), `climbStairs` up to 91 (checked),
///   `uniquePaths`, `rob` and `knapsack` "the answer fits".
/// - Unicode: LCS compares `Character`s (canonical equivalence).
/// - Depth: only the memoized Fibonacci recurses (at most 92 frames, its
///   precondition) and ``naiveFibonacci(_:calls:)`` (exponential time long
///   before depth matters); every other function is a loop.
///
/// ## Go → Swift
/// The Go seed's DP functions return `-1` for "impossible" and would wrap
/// silently on overflow. Swift returns `nil` (``coinChange(_:amount:)``)
/// and traps on overflow unless you ask for `addingReportingOverflow` or
/// `&+`. Memo tables are a `[Int: Int]` held in a struct (value semantics,
/// `mutating`), where Go passes a `map[int]int` that aliases. Strings are
/// compared by `Character`, so LCS treats `"é"` and `"e\u{301}"` as equal.
public enum DynamicProgramming {
    // MARK: Fibonacci: naive, memoized, tabulated, O(1) space

    /// The pitfall: the textbook recursion recomputes every subproblem.
    /// `calls` counts invocations so a test can show the blow-up.
    /// - Complexity: O(φⁿ) time, O(n) stack.
    public static func naiveFibonacci(_ n: Int, calls: inout Int) -> Int {
        calls += 1
        if n < 2 { return n }
        return naiveFibonacci(n - 1, calls: &calls) + naiveFibonacci(n - 2, calls: &calls)
    }

    /// Top-down memoization: the cache lives in a value type, so each memo
    /// is independent (no shared global dictionary, nothing to lock).
    public struct FibonacciMemo: Sendable {
        private var cache: [Int: Int] = [:]
        /// How many times ``fibonacci(_:)`` has been entered.
        public private(set) var calls = 0

        public init() {}

        /// The n-th Fibonacci number, each subproblem computed once.
        /// - Precondition: `0 <= n <= 92` (checked): beyond 92 the value does
        ///   not fit in `Int`, which also caps the recursion at 92 frames.
        /// - Complexity: O(n) time and space (cache and recursion depth).
        public mutating func fibonacci(_ n: Int) -> Int {
            precondition((0...92).contains(n), "Fibonacci(\(n)) is out of 0...92 (the Int range)")
            calls += 1
            if n < 2 { return n }
            if let known = cache[n] { return known }
            let value = fibonacci(n - 1) + fibonacci(n - 2)
            cache[n] = value
            return value
        }
    }

    /// Bottom-up tabulation: fill `table[0...n]` in increasing order.
    /// - Precondition: `0 <= n <= 92`.
    /// - Complexity: O(n) time and space, no recursion.
    public static func tabulatedFibonacci(_ n: Int) -> Int {
        precondition((0...92).contains(n), "Fibonacci(\(n)) is out of 0...92 (the Int range)")
        if n < 2 { return n }
        var table = [Int](repeating: 0, count: n + 1)
        table[1] = 1
        for i in 2...n { table[i] = table[i - 1] + table[i - 2] }
        return table[n]
    }

    /// O(1) space: the recurrence only reads the previous two cells.
    /// Uses plain `+`, so `fibonacci(93)` **traps** on overflow (Go would
    /// wrap to a negative number).
    /// - Precondition: `n >= 0`; the result must fit in `Int` (n ≤ 92).
    /// - Complexity: O(n) time, O(1) space.
    public static func fibonacci(_ n: Int) -> Int {
        precondition(n >= 0, "Fibonacci of a negative index \(n)")
        if n < 2 { return n }
        var (previous, current) = (0, 1)
        for _ in 2...n { (previous, current) = (current, previous + current) }
        return current
    }

    /// The Fibonacci number did not fit in `Int`.
    public struct Overflow: Error, Equatable, Sendable {
        /// The first index whose value overflowed.
        public let n: Int

        public init(n: Int) { self.n = n }
    }

    /// Like ``fibonacci(_:)``, but reports overflow instead of trapping.
    /// - Throws: ``Overflow`` when the value does not fit in `Int`.
    /// - Complexity: O(n) time, O(1) space.
    public static func checkedFibonacci(_ n: Int) throws(Overflow) -> Int {
        precondition(n >= 0, "Fibonacci of a negative index \(n)")
        if n < 2 { return n }
        var (previous, current) = (0, 1)
        for i in 2...n {
            let (sum, overflow) = previous.addingReportingOverflow(current)
            if overflow { throw Overflow(n: i) }
            (previous, current) = (current, sum)
        }
        return current
    }

    // MARK: Classic one-dimensional problems

    /// Ways to climb `n` stairs taking 1 or 2 steps at a time (the
    /// Fibonacci number F(n + 1)).
    /// - Precondition: `0 <= n <= 91` (checked): the answer for 92 stairs,
    ///   F(93), does not fit in `Int`.
    /// - Complexity: O(n) time, O(1) space.
    public static func climbStairs(_ n: Int) -> Int {
        precondition((0...91).contains(n), "climbStairs(\(n)) is out of 0...91 (the Int range)")
        var (twoBelow, oneBelow) = (1, 1)  // ways(0), ways(1)
        if n < 2 { return 1 }
        for _ in 2...n { (twoBelow, oneBelow) = (oneBelow, twoBelow + oneBelow) }
        return oneBelow
    }

    /// Fewest coins summing to `amount`, or `nil` if no combination does.
    /// `nil` marks unreachable amounts: an `Int.max` sentinel would trap
    /// on `+ 1`.
    /// - Precondition: every coin is positive and `amount >= 0`.
    /// - Complexity: O(amount × coins.count) time, O(amount) space.
    public static func coinChange(_ coins: [Int], amount: Int) -> Int? {
        precondition(amount >= 0, "negative amount \(amount)")
        precondition(coins.allSatisfy { $0 > 0 }, "coins must be positive: \(coins)")
        var fewest: [Int?] = [0] + Array(repeating: nil, count: amount)
        for total in stride(from: 1, through: amount, by: 1) {
            for coin in coins where coin <= total {
                if let rest = fewest[total - coin] {
                    fewest[total] = min(fewest[total] ?? .max, rest + 1)
                }
            }
        }
        return fewest[amount]
    }

    /// Kadane's algorithm: the largest sum of a non-empty contiguous run.
    ///
    /// The recurrence is `max(number, endingHere + number)`, but the sum is
    /// only taken when `endingHere > 0`: a non-positive run is dropped, which
    /// is the same choice, and it means `[Int.min, -1]` (answer -1) never
    /// computes `Int.min - 1`. A positive run plus the next number is itself
    /// a subarray sum, so it overflows only when the answer does.
    /// - Returns: `nil` for an empty array.
    /// - Precondition: the answer (the largest subarray sum) fits in `Int`.
    /// - Complexity: O(n) time, O(1) space.
    public static func maxSubarraySum(_ numbers: [Int]) -> Int? {
        guard var best = numbers.first else { return nil }
        var endingHere = best  // seeding with 0 would answer 0 for [-3, -1]
        for number in numbers.dropFirst() {
            endingHere = endingHere > 0 ? endingHere + number : number
            best = max(best, endingHere)
        }
        return best
    }

    /// House robber: the largest sum of non-adjacent elements.
    ///
    /// Every sum it forms is the value of a real choice of houses added to a
    /// best-so-far that is at least 0, so it overflows only when the answer
    /// does.
    /// - Precondition: the answer fits in `Int`.
    /// - Complexity: O(n) time, O(1) space.
    public static func rob(_ houses: [Int]) -> Int {
        var (skipLast, takeBest) = (0, 0)  // best up to i-2, best up to i-1
        for money in houses {
            (skipLast, takeBest) = (takeBest, max(takeBest, skipLast + money))
        }
        return takeBest
    }

    // MARK: Two-dimensional problems

    /// Lattice paths from the top-left to the bottom-right cell of a grid,
    /// moving right or down; one row of the table suffices.
    ///
    /// Every cell counts the paths to a cell no further than the corner, so
    /// no intermediate exceeds the answer: it traps only when the answer,
    /// C(rows + columns − 2, rows − 1), does not fit (35 × 35 does not;
    /// 34 × 34 does).
    /// - Precondition: `rows > 0 && columns > 0`, and the answer fits in `Int`.
    /// - Complexity: O(rows × columns) time, O(columns) space.
    public static func uniquePaths(rows: Int, columns: Int) -> Int {
        precondition(rows > 0 && columns > 0, "grid \(rows)×\(columns) is empty")
        var row = [Int](repeating: 1, count: columns)
        for _ in 1..<rows {
            for column in 1..<columns { row[column] += row[column - 1] }
        }
        return row[columns - 1]
    }

    /// Length of the longest common subsequence, comparing `Character`s
    /// (so `"é"` equals `"e\u{301}"`).
    /// - Complexity: O(m × n) time, O(n) space.
    public static func longestCommonSubsequence(_ first: String, _ second: String) -> Int {
        let a = Array(first)
        let b = Array(second)
        var previous = [Int](repeating: 0, count: b.count + 1)
        for i in a.indices {
            var current = [Int](repeating: 0, count: b.count + 1)
            for j in b.indices {
                current[j + 1] = a[i] == b[j] ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            previous = current
        }
        return previous[b.count]
    }

    /// 0/1 knapsack: the best total value of items whose weights fit in
    /// `capacity`, each item used at most once.
    ///
    /// Each sum is the value of a real set of items added to a cell that is
    /// at least 0, so it overflows only when the answer does.
    /// - Precondition: equal counts, weights positive, capacity non-negative,
    ///   and the answer fits in `Int`.
    /// - Complexity: O(items × capacity) time, O(capacity) space.
    public static func knapsack(weights: [Int], values: [Int], capacity: Int) -> Int {
        precondition(weights.count == values.count, "\(weights.count) weights but \(values.count) values")
        precondition(weights.allSatisfy { $0 > 0 } && capacity >= 0, "weights must be positive, capacity non-negative")
        var best = [Int](repeating: 0, count: capacity + 1)
        for (weight, value) in zip(weights, values) where weight <= capacity {
            // Downwards, so best[room - weight] still excludes this item.
            for room in stride(from: capacity, through: weight, by: -1) {
                best[room] = max(best[room], best[room - weight] + value)
            }
        }
        return best[capacity]
    }

    // MARK: Longest increasing subsequence

    /// Longest strictly increasing subsequence, the O(n²) DP: `length[i]` is
    /// the longest run ending at `i`.
    /// - Complexity: O(n²) time, O(n) space.
    public static func quadraticLISLength(_ numbers: [Int]) -> Int {
        var length = [Int](repeating: 1, count: numbers.count)
        for i in numbers.indices {
            for j in 0..<i where numbers[j] < numbers[i] {
                length[i] = max(length[i], length[j] + 1)
            }
        }
        return length.max() ?? 0
    }

    /// Longest strictly increasing subsequence by patience sorting:
    /// `tails[k]` is the smallest tail of any increasing run of length k+1,
    /// so `tails` is sorted and each number binary-searches its place.
    /// - Complexity: O(n log n) time, O(n) space.
    public static func lisLength(_ numbers: [Int]) -> Int {
        var tails: [Int] = []
        for number in numbers {
            var low = 0
            var high = tails.count
            while low < high {  // first index whose tail is >= number
                let middle = low + (high - low) / 2
                if tails[middle] < number { low = middle + 1 } else { high = middle }
            }
            if low == tails.count { tails.append(number) } else { tails[low] = number }
        }
        return tails.count
    }
}
