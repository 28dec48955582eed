import HandbookLeetCode
import PropertyBased
import Testing

@Suite("LeetCode 253: meeting rooms II")
struct MeetingRoomsIITests {
    typealias Lesson = MeetingRoomsII
    typealias Meeting = MeetingRoomsII.Meeting

    /// Brute-force oracle: the most meetings in progress at any start time
    /// (the peak of a step function is reached at some start).
    static func peakConcurrency(_ meetings: [Meeting]) -> Int {
        meetings.map { probe in
            meetings.count { $0.start <= probe.start && probe.start < $0.end }
        }.max() ?? 0
    }

    static func meetings(_ pairs: [(Int, Int)]) -> [Meeting] { pairs.map { Meeting($0.0, $0.1) } }

    @Test(
        "LeetCode's published examples",
        arguments: [([(0, 30), (5, 10), (15, 20)], 2), ([(7, 10), (2, 4)], 1)])
    func publishedExamples(pairs: [(Int, Int)], expected: Int) {
        #expect(Lesson.minimumRooms(Self.meetings(pairs)) == expected)
    }

    @Test(
        "edge cases: none, one, identical duplicates, nested, negative times, Int extremes",
        arguments: [
            ([], 0), ([(1, 2)], 1), ([(1, 5), (1, 5), (1, 5)], 3), ([(0, 10), (2, 3), (4, 5)], 2),
            ([(-10, -5), (-7, 0)], 2), ([(Int.min, Int.max), (0, Int.max)], 2), ([(3, 3)], 0),
        ])
    func edgeCases(pairs: [(Int, Int)], expected: Int) {
        #expect(Lesson.minimumRooms(Self.meetings(pairs)) == expected)
    }

    @Test("back-to-back meetings share a room; reusing only when end < start opens a second one")
    func backToBackShareARoom() {
        let chain = Self.meetings([(1, 5), (5, 10), (10, 15)])
        #expect(Lesson.minimumRooms(chain) == 1)
        #expect(Lesson.minimumRoomsTreatingTouchingAsOverlap(chain) == 2)  // the third reuses the first room
        let overlapping = Self.meetings([(0, 30), (5, 10), (15, 20)])
        #expect(Lesson.minimumRoomsTreatingTouchingAsOverlap(overlapping) == 2)  // agrees without ties
    }

    @Test("the input order does not matter")
    func orderIndependent() {
        let meetings = Self.meetings([(9, 12), (1, 4), (2, 10), (4, 6), (11, 13)])
        #expect(Lesson.minimumRooms(meetings) == 2)
        #expect(Lesson.minimumRooms(meetings.reversed()) == 2)
    }

    @Test("a meeting that ends before it starts is a precondition failure")
    func invertedMeetingTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = MeetingRoomsII.Meeting(5, 1)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("cannot end"))
    }

    @Test("matches a brute-force peak-concurrency oracle on 1,000 random schedules")
    func matchesBruteForce() async {
        let meeting = zip(Gen.int(in: -10...10), Gen.int(in: 0...6)).map { Meeting($0, $0 + $1) }
        await propertyCheck(count: 1_000, input: meeting.array(of: 0...12)) { meetings in
            #expect(Lesson.minimumRooms(meetings) == Self.peakConcurrency(meetings))
        }
    }
}
