import HandbookLeetCode
import PropertyBased
import Testing

@Suite("LeetCode 207/210: course schedule")
struct CourseScheduleTests {
    typealias Lesson = CourseSchedule

    /// Brute-force oracle: transitive closure (Floyd–Warshall style); a cycle
    /// exists iff some course reaches itself.
    static func hasCycle(_ n: Int, _ pairs: [(Int, Int)]) -> Bool {
        var reaches = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        for (course, prerequisite) in pairs { reaches[prerequisite][course] = true }
        for via in 0..<n {
            for from in 0..<n where reaches[from][via] {
                for to in 0..<n where reaches[via][to] { reaches[from][to] = true }
            }
        }
        return (0..<n).contains { reaches[$0][$0] }
    }

    static func isValidOrder(_ order: [Int], _ n: Int, _ pairs: [(Int, Int)]) -> Bool {
        guard order.sorted() == Array(0..<n) else { return false }
        var position = [Int](repeating: 0, count: n)
        for (index, course) in order.enumerated() { position[course] = index }
        return pairs.allSatisfy { position[$0.1] < position[$0.0] }
    }

    static func isCycle(_ cycle: [Int], _ pairs: [(Int, Int)]) -> Bool {
        guard !cycle.isEmpty else { return false }
        return cycle.indices.allSatisfy { index in
            let next = cycle[(index + 1) % cycle.count]
            return pairs.contains { $0.1 == cycle[index] && $0.0 == next }  // cycle[i] is a prerequisite of next
        }
    }

    @Test(
        "LeetCode's published examples for 207 and 210",
        arguments: [
            (2, [(1, 0)], true), (2, [(1, 0), (0, 1)], false), (4, [(1, 0), (2, 0), (3, 1), (3, 2)], true),
            (1, [], true),
        ])
    func publishedExamples(n: Int, pairs: [(Int, Int)], possible: Bool) throws {
        let prerequisites = pairs.map { (course: $0.0, prerequisite: $0.1) }
        #expect(Lesson.canFinish(numCourses: n, prerequisites: prerequisites) == possible)
        let order = Lesson.findOrder(numCourses: n, prerequisites: prerequisites)
        #expect((order != nil) == possible)
        if let order { #expect(Self.isValidOrder(order, n, pairs)) }
    }

    @Test("Kahn's queue order is deterministic: 210's example gives [0, 1, 2, 3]")
    func exampleOrder() {
        #expect(Lesson.findOrder(numCourses: 4, prerequisites: [(1, 0), (2, 0), (3, 1), (3, 2)]) == [0, 1, 2, 3])
        #expect(Lesson.findOrder(numCourses: 2, prerequisites: [(1, 0)]) == [0, 1])
    }

    @Test(
        "edge cases: no courses, no prerequisites, self-loop, duplicate pairs, a diamond, a 3-cycle",
        arguments: [
            (0, [], true), (3, [], true), (1, [(0, 0)], false), (2, [(1, 0), (1, 0)], true),
            (4, [(1, 0), (2, 0), (3, 1), (3, 2), (3, 0)], true), (3, [(1, 0), (2, 1), (0, 2)], false),
        ])
    func edgeCases(n: Int, pairs: [(Int, Int)], possible: Bool) {
        let prerequisites = pairs.map { (course: $0.0, prerequisite: $0.1) }
        #expect(Lesson.canFinish(numCourses: n, prerequisites: prerequisites) == possible)
        #expect(Lesson.findOrder(numCourses: 0, prerequisites: []) == [], "no courses: an empty order, not nil")
    }

    @Test("an impossible schedule names its cycle, ignoring courses that merely depend on it")
    func reportsTheCycle() {
        // 0 is fine; 1 → 2 → 3 → 1 is a cycle; 4 depends on the cycle but is not on it.
        let pairs = [(1, 0), (2, 1), (3, 2), (1, 3), (4, 3)]
        let outcome = Lesson.plan(numCourses: 5, prerequisites: pairs.map { (course: $0.0, prerequisite: $0.1) })
        guard case .cycle(let cycle) = outcome else {
            Issue.record("expected a cycle, got \(outcome)")
            return
        }
        #expect(Set(cycle) == [1, 2, 3])
        #expect(Self.isCycle(cycle, pairs))
        #expect(Lesson.plan(numCourses: 1, prerequisites: [(0, 0)]) == .cycle([0]))
    }

    @Test("a 100,000-course chain is ordered without recursion")
    func longChain() {
        let prerequisites = (1..<100_000).map { (course: $0, prerequisite: $0 - 1) }
        #expect(Lesson.findOrder(numCourses: 100_000, prerequisites: prerequisites) == Array(0..<100_000))
    }

    @Test("a 100,000-course cycle is named by the iterative cycle walk")
    func longCycle() {
        let n = 100_000
        let pairs = (0..<n).map { (course: ($0 + 1) % n, prerequisite: $0) }  // 0 → 1 → … → n-1 → 0
        guard case .cycle(let cycle) = Lesson.plan(numCourses: n, prerequisites: pairs) else {
            Issue.record("expected a cycle")
            return
        }
        #expect(cycle.count == n && Set(cycle).count == n)
        // isCycle(_:_:) scans the pairs per step (O(n²)); a set of edges keeps this O(n).
        let edges = Set(pairs.map { [$0.prerequisite, $0.course] })
        #expect(cycle.indices.allSatisfy { edges.contains([cycle[$0], cycle[($0 + 1) % n]]) })
    }

    @Test("a course id outside 0..<numCourses is a precondition failure")
    func outOfRangeCourseTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CourseSchedule.canFinish(numCourses: 2, prerequisites: [(course: 2, prerequisite: 0)])
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("outside 0..<2"))
    }

    @Test("agrees with a transitive-closure oracle on 1,000 random graphs; orders and cycles are valid")
    func matchesOracle() async {
        let edge = zip(Gen.int(in: 0...5), Gen.int(in: 0...5))
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...6), edge.array(of: 0...10)) { n, rawPairs in
            let pairs = rawPairs.map { ($0.0 % n, $0.1 % n) }
            let outcome = Lesson.plan(numCourses: n, prerequisites: pairs.map { (course: $0.0, prerequisite: $0.1) })
            switch outcome {
            case .order(let order):
                #expect(!Self.hasCycle(n, pairs))
                #expect(Self.isValidOrder(order, n, pairs))
            case .cycle(let cycle):
                #expect(Self.hasCycle(n, pairs))
                #expect(Self.isCycle(cycle, pairs))
            }
        }
    }
}
