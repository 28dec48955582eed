/// LeetCode 207 and 210, Course Schedule I and II: can every course be
/// taken, in which order, and if not, which courses form the cycle, all
/// from one run of Kahn's algorithm.
///
/// ```swift
/// typealias Lesson = CourseSchedule
/// Lesson.canFinish(numCourses: 2, prerequisites: [(1, 0)])          // true
/// Lesson.findOrder(numCourses: 4, prerequisites: [(1, 0), (2, 0), (3, 1), (3, 2)])
/// // [0, 1, 2, 3]
/// Lesson.plan(numCourses: 2, prerequisites: [(1, 0), (0, 1)])       // .cycle([1, 0])
/// ```
///
/// **Problem.** There are `numCourses` courses, `0..<numCourses`. A pair
/// `(course, prerequisite)` means the prerequisite must be taken first.
/// LeetCode 207 asks whether all courses can be finished; 210 asks for one
/// valid order (or none). Here an impossible schedule also reports a cycle.
///
/// **Approach.** Kahn's algorithm: count each course's unmet prerequisites
/// (its in-degree); queue the courses with none; taking a course lowers the
/// count of every course that depends on it, queueing those that reach 0.
/// If every course is taken, the order is a topological order. Otherwise
/// every untaken course still has an untaken prerequisite, so walking
/// backwards along untaken prerequisites must revisit a course: that loop is
/// a cycle.
///
/// - Complexity: O(V + E) time and space, V courses and E prerequisite pairs.
///
/// ## Why interviewers ask this
/// Dependency resolution (build systems, migrations, package managers, job
/// schedulers) is topological sorting, and this is its interview form. It
/// checks that you model the input as a directed graph, know a cycle is the
/// only obstacle, and can produce the order (210), not just a yes/no (207),
/// ideally iteratively so deep chains cannot overflow the stack.
///
/// ## Common pitfalls
/// - Reversing the edge: `(1, 0)` means 0 comes *before* 1. The edge goes
///   prerequisite → course.
/// - DFS cycle detection with a single visited set: a diamond (two paths to
///   the same course) is reported as a cycle. DFS needs three states (new,
///   in progress, done); Kahn's algorithm needs none.
/// - Forgetting self-loops (`(0, 0)`) and duplicate pairs: duplicates must
///   raise the in-degree twice *and* lower it twice, which storing every
///   edge in the adjacency list does.
/// - Returning `[]` for "impossible": ambiguous with `numCourses == 0`.
///   Swift says absent with `nil`.
/// - Recursive DFS on a 10⁵-course chain: a stack overflow.
///
/// ## Key takeaway
/// Kahn's algorithm answers both problems at once: the queue order is a
/// valid schedule, and a shortfall proves a cycle, which a backwards walk
/// over the leftover courses can name.
///
/// ## Edges, audited
/// - Depth: Kahn's algorithm and the cycle walk are loops, tested on a
///   100,000-course chain.
/// - Overflow: only in-degree counters, bounded by the number of edges.
/// - Unicode: courses are integers.
///
/// ## Go → Swift
/// A Go answer builds `make([][]int, n)` and `make([]int, n)` (zero values
/// do the initialisation) and returns `[]int{}` for an impossible order.
/// Here arrays start with `Array(repeating:count:)`, "impossible" is `nil`
/// or the ``Outcome/cycle(_:)`` case, and an out-of-range course id is a
/// precondition failure instead of an index-out-of-range panic somewhere
/// inside the loop.
public enum CourseSchedule {
    /// A prerequisite pair: `prerequisite` must be taken before `course`.
    public typealias Prerequisite = (course: Int, prerequisite: Int)

    /// The result of planning a schedule.
    public enum Outcome: Hashable, Sendable {
        /// Every course, each after all of its prerequisites.
        case order([Int])
        /// Courses `c₀, c₁, …, cₖ` where each is a prerequisite of the next
        /// and `cₖ` is a prerequisite of `c₀`: why no order exists.
        case cycle([Int])
    }

    /// A valid order of all courses, or the cycle that prevents one.
    /// - Precondition: `numCourses >= 0` and every id is in `0..<numCourses`.
    /// - Complexity: O(V + E) time and space.
    public static func plan(numCourses: Int, prerequisites: [Prerequisite]) -> Outcome {
        precondition(numCourses >= 0, "numCourses must not be negative, got \(numCourses)")
        var dependents = [[Int]](repeating: [], count: numCourses)
        var unmet = [Int](repeating: 0, count: numCourses)
        for (course, prerequisite) in prerequisites {
            precondition(
                (0..<numCourses).contains(course) && (0..<numCourses).contains(prerequisite),
                "prerequisite pair (\(course), \(prerequisite)) names a course outside 0..<\(numCourses)")
            dependents[prerequisite].append(course)
            unmet[course] += 1
        }
        // The order array doubles as the queue: order[head...] is still to be processed.
        var order = (0..<numCourses).filter { unmet[$0] == 0 }
        order.reserveCapacity(numCourses)
        var head = 0
        while head < order.count {
            let taken = order[head]
            head += 1
            for dependent in dependents[taken] {
                unmet[dependent] -= 1
                if unmet[dependent] == 0 { order.append(dependent) }
            }
        }
        if order.count == numCourses { return .order(order) }
        return .cycle(cycle(amongUntaken: unmet, prerequisites: prerequisites))
    }

    /// LeetCode 207: whether every course can be taken.
    /// - Complexity: O(V + E).
    public static func canFinish(numCourses: Int, prerequisites: [Prerequisite]) -> Bool {
        if case .order = plan(numCourses: numCourses, prerequisites: prerequisites) { return true }
        return false
    }

    /// LeetCode 210: one valid order of all courses, or `nil` when a cycle
    /// makes it impossible (LeetCode's `[]`).
    /// - Complexity: O(V + E).
    public static func findOrder(numCourses: Int, prerequisites: [Prerequisite]) -> [Int]? {
        if case .order(let order) = plan(numCourses: numCourses, prerequisites: prerequisites) { return order }
        return nil
    }

    /// Every untaken course (unmet > 0) has an untaken prerequisite, so
    /// stepping from course to untaken prerequisite never stops and must
    /// revisit a course within V steps.
    private static func cycle(amongUntaken unmet: [Int], prerequisites: [Prerequisite]) -> [Int] {
        var untakenPrerequisite = [Int?](repeating: nil, count: unmet.count)
        for (course, prerequisite) in prerequisites where unmet[course] > 0 && unmet[prerequisite] > 0 {
            untakenPrerequisite[course] = prerequisite
        }
        guard var current = unmet.firstIndex(where: { $0 > 0 }) else { return [] }
        var stepAt: [Int: Int] = [:]
        var walk: [Int] = []
        while stepAt[current] == nil {
            stepAt[current] = walk.count
            walk.append(current)
            guard let next = untakenPrerequisite[current] else {
                preconditionFailure("untaken course \(current) has no untaken prerequisite")
            }
            current = next
        }
        // walk[i + 1] is a prerequisite of walk[i]; reverse to read forwards.
        return Array(walk[stepAt[current]!...].reversed())
    }
}
