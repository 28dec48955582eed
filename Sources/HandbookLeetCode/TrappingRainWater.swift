/// LeetCode 42, Trapping Rain Water: how much water an elevation map holds
/// after rain, with two pointers in O(1) space and with prefix-maximum
/// arrays in O(n).
///
/// ```swift
/// typealias Lesson = TrappingRainWater
/// Lesson.twoPointers([0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1])   // 6
/// Lesson.prefixMaxima([4, 2, 0, 3, 2, 5])                     // 9
/// Lesson.twoPointers([Int.max, 0, 0, Int.max])                // traps: the total does not fit
/// ```
///
/// **Problem.** Given bar heights of width 1, return the total units of
/// water trapped between the bars. The water above bar `i` is
/// `min(highest bar at or left of i, highest bar at or right of i) -
/// height[i]`.
///
/// **Approach.** *Prefix maxima*: compute both running maxima into arrays,
/// then sum the formula. *Two pointers*: move inward from both ends, always
/// from the side whose current bar is lower. That side's water is bounded by
/// its own running maximum, because the other side already has a bar at
/// least as high, so the formula can be applied without the other array.
///
/// **Heights and overflow.** Heights may be any `Int`, negative included
/// (the formula does not care where zero is). Each cell's water and the
/// total are non-negative and computed with checked arithmetic: the
/// functions trap when the total (or one cell's depth, which is part of it)
/// does not fit in `Int`.
///
/// - Complexity: O(n) time for both; O(1) extra space for two pointers,
///   O(n) for prefix maxima.
///
/// ## Why interviewers ask this
/// It is the classic "improve the space" problem: the brute force is O(n²),
/// the prefix-maxima insight makes it O(n) time and space, and the
/// two-pointer argument (why the lower side is safe to settle) removes the
/// arrays. Explaining that argument is the interview. A monotonic stack
/// solution (summing water by horizontal layers) is the usual follow-up.
///
/// ## Common pitfalls
/// - Advancing the pointer on the *higher* side, or using only the left
///   maximum: the water on a cell is bounded by the lower of its two walls.
/// - Forgetting that the running maximum includes the current bar (so a
///   cell's water is never negative).
/// - Initialising the running maxima to 0: correct only for non-negative
///   heights. Starting from the first bar (here `Int.min`) works for any.
/// - Summing in a fixed-width type without thinking: two `Int.max` walls
///   around two empty cells hold 2 × `Int.max`.
///
/// ## Key takeaway
/// Water at `i` = min(max left, max right) − height. The side with the
/// lower bar already knows its bound, so two pointers settle one cell per
/// step with no extra arrays.
///
/// ## Edges, audited
/// - Overflow: each added term is the true water above one bar (≥ 0) and the
///   total only grows, so the sum overflows only when the answer does (the
///   documented trap); negative heights and `Int.max` walls are tested.
/// - Unicode: none. Depth: no recursion.
///
/// ## Go → Swift
/// A Go answer uses `leftMax, rightMax := 0, 0`, relying on the zero value
/// and on LeetCode's non-negative heights, and an `int` total that wraps
/// silently on overflow. Swift has no implicit zero: the maxima start at
/// `Int.min`, the sum traps instead of wrapping, and `max(_:_:)` is a
/// generic stdlib function (Go only gained built-in `max` in 1.21).
public enum TrappingRainWater {
    /// Trapped water by two pointers.
    /// - Complexity: O(n) time, O(1) extra space.
    public static func twoPointers(_ heights: [Int]) -> Int {
        var left = 0
        var right = heights.count - 1
        var leftMax = Int.min
        var rightMax = Int.min
        var water = 0
        while left < right {
            // The lower side is bounded by its own maximum: the other side has a taller bar.
            if heights[left] < heights[right] {
                leftMax = max(leftMax, heights[left])
                water += leftMax - heights[left]
                left += 1
            } else {
                rightMax = max(rightMax, heights[right])
                water += rightMax - heights[right]
                right -= 1
            }
        }
        return water
    }

    /// Trapped water from the highest bar at or left of each position and
    /// at or right of it, kept in two arrays.
    /// - Complexity: O(n) time, O(n) extra space.
    public static func prefixMaxima(_ heights: [Int]) -> Int {
        guard !heights.isEmpty else { return 0 }
        var highestLeft = heights
        for index in heights.indices.dropFirst() {
            highestLeft[index] = max(highestLeft[index - 1], heights[index])
        }
        var highestRight = heights
        for index in heights.indices.dropLast().reversed() {
            highestRight[index] = max(highestRight[index + 1], heights[index])
        }
        var water = 0
        for index in heights.indices {
            water += min(highestLeft[index], highestRight[index]) - heights[index]
        }
        return water
    }
}
