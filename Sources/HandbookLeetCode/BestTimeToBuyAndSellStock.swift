/// Best Time to Buy and Sell Stock (LeetCode 121): the best single trade is
/// found in one pass by remembering the cheapest price seen so far.
///
/// ```swift
/// BestTimeToBuyAndSellStock.maxProfit([7, 1, 5, 3, 6, 4])  // 5: buy at 1, sell at 6
/// BestTimeToBuyAndSellStock.maxProfit([7, 6, 4, 3, 1])     // 0: never buy
/// ```
///
/// ## The problem
/// `prices[i]` is a stock's price on day `i`. Buy on one day and sell on a
/// *later* day, at most once; return the largest profit, or 0 when no trade
/// makes money (including fewer than two days).
///
/// ## Approach
/// Walk the days once, keeping the cheapest price so far. Selling today
/// earns `price - cheapest`; keep the best of those, then let today's price
/// become the new cheapest if it is lower. Because `cheapest` only ever
/// covers earlier (or the same) days, the trade never sells before it buys.
/// - Complexity: O(n) time, O(1) space, against the brute force's O(n²).
///
/// ## Why interviewers ask this
/// It checks that you can turn an O(n²) "try every pair" into one pass by
/// asking what you need to remember about the past (only its minimum). It is
/// the entry point to the stock family (unlimited trades, cooldowns, k
/// trades), which are the same scan with more state, i.e. dynamic
/// programming.
///
/// ## Common pitfalls
/// - Answering `max - min` over the whole array
///   (``maxProfitIgnoringOrder(_:)``): in `[7, 6, 4, 3, 1]` the maximum comes
///   before the minimum, and you cannot sell before you buy.
/// - Returning a negative number when prices only fall; the answer is 0
///   (don't trade).
/// - Starting `cheapest` at `0` instead of the first price (or `Int.max`):
///   every profit is then the raw price.
/// - Trapping on empty input by reading `prices[0]`.
/// - Overflow: with negative "prices" `price - cheapest` can exceed `Int.max`
///   and trap. Prices are non-negative, which keeps every difference in
///   range; this version makes that a precondition instead of hoping.
///
/// ## Key takeaway
/// Ask what the scan must remember about the past: here just the minimum.
/// One pass, two variables, and a profit of 0 when no trade pays.
///
/// ## Edges, audited
/// - Overflow: prices are non-negative (a checked precondition), so
///   `price − cheapest` cannot overflow for any `Int` prices; `[0, Int.max]`
///   is tested. ``maxProfitIgnoringOrder(_:)`` and the brute force share the
///   precondition.
/// - Unicode: none. Depth: no recursion.
///
/// ## Go → Swift
/// The Go seed tracked `minPrice` from `math.MaxInt` and `maxProfit` from 0
/// in a `for _, p := range prices` loop; the Swift loop is the same with
/// `min`/`max`. The difference is arithmetic: Go's `p - minPrice` would wrap
/// silently on overflow, Swift's traps, so the non-negative domain is stated
/// as a precondition.
public enum BestTimeToBuyAndSellStock {
    /// The largest profit from one buy followed by one later sell, or 0.
    /// - Precondition: every price is non-negative (so no difference
    ///   overflows).
    /// - Complexity: O(n) time, O(1) space.
    public static func maxProfit(_ prices: [Int]) -> Int {
        var cheapest = Int.max
        var best = 0
        for price in prices {
            precondition(price >= 0, "a price cannot be negative, got \(price)")
            cheapest = min(cheapest, price)
            best = max(best, price - cheapest)
        }
        return best
    }

    /// The pitfall: the spread between the highest and the lowest price,
    /// ignoring that the sell must come after the buy.
    /// - Precondition: every price is non-negative, as for ``maxProfit(_:)``.
    /// - Complexity: O(n) time, O(1) space.
    public static func maxProfitIgnoringOrder(_ prices: [Int]) -> Int {
        guard let lowest = prices.min(), let highest = prices.max() else { return 0 }
        return highest - lowest
    }

    /// The brute force and test oracle: try every (buy, sell) pair.
    /// - Precondition: every price is non-negative, as for ``maxProfit(_:)``.
    /// - Complexity: O(n²) time, O(1) space.
    public static func maxProfitByBruteForce(_ prices: [Int]) -> Int {
        var best = 0
        for sell in prices.indices {
            for buy in 0..<sell {
                best = max(best, prices[sell] - prices[buy])
            }
        }
        return best
    }
}
