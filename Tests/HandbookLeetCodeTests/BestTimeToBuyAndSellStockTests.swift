import HandbookLeetCode
import PropertyBased
import Testing

@Suite("Best Time to Buy and Sell Stock (LeetCode 121)")
struct BestTimeToBuyAndSellStockTests {
    typealias Lesson = BestTimeToBuyAndSellStock

    @Test(
        "LeetCode's published examples and the classic cases",
        arguments: [
            ([7, 1, 5, 3, 6, 4], 5),  // LeetCode example 1: buy at 1, sell at 6
            ([7, 6, 4, 3, 1], 0),  // LeetCode example 2: prices only fall
            ([1, 2], 1),
            ([2, 4, 1], 2),  // the later minimum is useless: nothing to sell after it
            ([3, 2, 6, 5, 0, 3], 4),
            ([2, 1, 2, 1, 0, 1, 2], 2),
        ])
    func publishedExamples(prices: [Int], expected: Int) {
        #expect(Lesson.maxProfit(prices) == expected)
    }

    @Test("fewer than two days, or a flat price, means no trade: 0")
    func noTradeIsZero() {
        #expect(Lesson.maxProfit([]) == 0)
        #expect(Lesson.maxProfit([5]) == 0)
        #expect(Lesson.maxProfit([4, 4, 4, 4]) == 0)
        #expect(Lesson.maxProfit([0]) == 0)
    }

    @Test("the extremes of Int: buying at 0 and selling at Int.max does not overflow")
    func extremePrices() {
        #expect(Lesson.maxProfit([0, Int.max]) == Int.max)
        #expect(Lesson.maxProfit([Int.max, 0]) == 0)
        #expect(Lesson.maxProfit([Int.max, 1, Int.max]) == Int.max - 1)
    }

    @Test("the pitfall: max - min ignores that the sell must come after the buy")
    func maxMinusMinIgnoresOrder() {
        #expect(Lesson.maxProfitIgnoringOrder([7, 6, 4, 3, 1]) == 6)
        #expect(Lesson.maxProfit([7, 6, 4, 3, 1]) == 0)
        #expect(Lesson.maxProfitIgnoringOrder([2, 4, 1]) == 3)
        #expect(Lesson.maxProfit([2, 4, 1]) == 2)
    }

    @Test("a negative price violates the precondition and traps with a message")
    func negativePriceTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BestTimeToBuyAndSellStock.maxProfit([3, -1, 4])
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("cannot be negative, got -1"))
    }

    @Test("matches the O(n²) brute force on 1,000 random price histories")
    func matchesBruteForceOracle() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...30).array(of: 0...15)) { prices in
            #expect(Lesson.maxProfit(prices) == Lesson.maxProfitByBruteForce(prices), "\(prices)")
        }
    }
}
