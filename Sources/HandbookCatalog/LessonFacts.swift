/// What a study plan needs to know about a lesson: how hard it is, how long
/// it takes, how likely an interviewer is to ask it, and (for data
/// structures and algorithms) the complexity its code documents.
public struct LessonFacts: Codable, Hashable, Sendable {
    public enum Difficulty: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
        case easy, medium, hard

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public enum Priority: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
        /// Asked in most backend interviews: the seed's checklist and questions, core concurrency, the classics.
        case essential
        /// Asked often, or the Swift answer differs enough from other languages to matter.
        case recommended
        /// Runtime internals and rarer topics.
        case deepDive = "deep-dive"

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// One operation's documented cost, as its `- Complexity:` comment states it.
    public struct Complexity: Codable, Hashable, Sendable {
        public var operation: String
        public var time: String
        /// Only where the comment states a space cost.
        public var space: String?

        public init(operation: String, time: String, space: String? = nil) {
            self.operation = operation
            self.time = time
            self.space = space
        }
    }

    public var difficulty: Difficulty
    /// Reading the file, running its tests, one break-it experiment, explaining it back.
    public var studyMinutes: Int
    public var priority: Priority
    /// Phase 4 lessons only.
    public var complexity: [Complexity]

    public init(difficulty: Difficulty, studyMinutes: Int, priority: Priority, complexity: [Complexity] = []) {
        self.difficulty = difficulty
        self.studyMinutes = studyMinutes
        self.priority = priority
        self.complexity = complexity
    }
}
