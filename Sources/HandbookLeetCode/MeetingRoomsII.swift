/// LeetCode 253, Meeting Rooms II: the fewest rooms that hold a set of
/// meetings, by sweeping sorted start times against sorted end times.
///
/// ```swift
/// typealias Lesson = MeetingRoomsII
/// Lesson.minimumRooms([.init(0, 30), .init(5, 10), .init(15, 20)])  // 2
/// Lesson.minimumRooms([.init(1, 5), .init(5, 10)])  // 1: back to back share a room
/// Lesson.minimumRoomsTreatingTouchingAsOverlap([.init(1, 5), .init(5, 10)])  // 2: the pitfall
/// ```
///
/// **Problem.** Given meeting time intervals `[start, end)`, return the
/// minimum number of conference rooms so that no two meetings in a room
/// overlap. A meeting ending at 5 and one starting at 5 can share a room.
///
/// **Approach.** The answer is the largest number of meetings in progress at
/// any instant. Sort the starts and the ends separately and walk the starts:
/// if the earliest unfinished end is at or before this start, that meeting
/// has left and its room is reused (advance the end pointer); otherwise
/// another room opens. Which meeting ends does not matter, only how many.
///
/// - Complexity: O(n log n) time for the two sorts, O(n) space.
///
/// ## Why interviewers ask this
/// It is the standard sweep-line problem, and the tie rule is the test: do
/// you treat intervals as half-open, so that back-to-back meetings share a
/// room? The follow-ups are the min-heap-of-end-times version (same
/// complexity, tells you *which* room frees up) and the events version
/// (`+1` at a start, `-1` at an end, ends sorted before starts at equal
/// times).
///
/// ## Common pitfalls
/// - Reusing a room only when an earlier meeting ended strictly before the
///   start (`end < start` instead of `end <= start`), or sorting a start
///   before an end at the same time: back-to-back meetings are counted as
///   overlapping
///   (``minimumRoomsTreatingTouchingAsOverlap(_:)`` answers 2 for
///   `[1, 5), [5, 10)`).
/// - Sorting meetings by start and comparing only neighbours: that answers
///   "is there any overlap?" (Meeting Rooms I), not "how many rooms?".
/// - Walking off the end of the ends array: it cannot happen here, because
///   when the end pointer has passed i ends, at least i + 1 starts have
///   been seen, but say so rather than hope.
///
/// ## Key takeaway
/// Rooms needed = peak concurrency. Sort starts and ends independently and
/// sweep; half-open intervals make "ends at 5, starts at 5" share a room.
///
/// ## Edges, audited
/// - Overflow: times are only compared, so `(Int.min, Int.max)` meetings are
///   fine (tested); the room count is bounded by the number of meetings.
/// - Unicode: none. Depth: no recursion.
///
/// ## Go → Swift
/// A Go answer takes `[][]int` and sorts two `[]int` with `sort.Ints`
/// (in place; `slices.Sort` since Go 1.21). Here a `Meeting` struct with a
/// `precondition(start <= end)` replaces the unchecked `[]int{start, end}`
/// pair, and `map(\.start).sorted()` builds the sorted copies without
/// mutating the caller's array.
public enum MeetingRoomsII {
    /// A meeting occupying the half-open interval `[start, end)`.
    public struct Meeting: Hashable, Sendable {
        public var start: Int
        public var end: Int

        /// - Precondition: `start <= end`. An empty meeting (`start == end`)
        ///   occupies no time and needs no room.
        public init(_ start: Int, _ end: Int) {
            precondition(start <= end, "a meeting cannot end (\(end)) before it starts (\(start))")
            self.start = start
            self.end = end
        }
    }

    /// The fewest rooms that hold every meeting, with back-to-back meetings
    /// sharing a room.
    /// - Complexity: O(n log n) time, O(n) space.
    public static func minimumRooms(_ meetings: [Meeting]) -> Int {
        let starts = meetings.map(\.start).sorted()
        let ends = meetings.map(\.end).sorted()
        var rooms = 0
        var nextEnd = 0  // ends[..<nextEnd] have finished and handed their rooms back
        for start in starts {
            // nextEnd <= starts already processed < ends.count, so ends[nextEnd] is in bounds.
            if ends[nextEnd] <= start {
                nextEnd += 1  // reuse the room of the meeting that ended first
            } else {
                rooms += 1
            }
        }
        return rooms
    }

    /// The pitfall: a meeting that ends exactly when another starts is
    /// treated as still running, so back-to-back meetings need two rooms.
    /// - Complexity: O(n log n) time, O(n) space.
    public static func minimumRoomsTreatingTouchingAsOverlap(_ meetings: [Meeting]) -> Int {
        let sortedStarts = meetings.map(\.start).sorted()
        let sortedEnds = meetings.map(\.end).sorted()
        var roomsInUse = 0
        var finished = 0
        for start in sortedStarts {
            if sortedEnds[finished] < start {
                finished += 1
            } else {
                roomsInUse += 1
            }
        }
        return roomsInUse
    }
}
