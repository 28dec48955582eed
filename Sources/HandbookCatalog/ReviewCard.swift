/// A review card: a question to answer from memory, the model answer, and
/// the test that proves the answer, so a card can never claim what the
/// handbook does not show.
public struct ReviewCard: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// A question an interviewer asks; the answer states the idea.
        case recall
        /// "What does this print or return?" on a snippet from the lesson.
        case predict
        /// One of the seed's common interview questions, verbatim.
        case seedQuestion = "seed-question"
        /// One of the seed's checklist items, verbatim.
        case checklist
    }

    /// Stable: `<lesson id>#<n>`, numbered in catalogue order within the lesson.
    public var id: String
    public var lesson: String
    public var kind: Kind
    public var question: String
    public var answer: String
    /// A Swift Testing id as `swift test list` prints it
    /// (`HandbookLeetCodeTests.TwoSumTests/edgeCases()`), in the lesson's own suite.
    public var test: String

    public init(id: String, lesson: String, kind: Kind, question: String, answer: String, test: String) {
        self.id = id
        self.lesson = lesson
        self.kind = kind
        self.question = question
        self.answer = answer
        self.test = test
    }
}
