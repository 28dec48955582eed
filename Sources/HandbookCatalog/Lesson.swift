/// One lesson of the handbook: a concept, the files that teach it and the
/// experiments that break it.
///
/// The catalogue (``Catalogue/lessons``) is the single source of truth: the
/// `handbook` command, the README maps and the consistency tests all read it.
public struct Lesson: Codable, Hashable, Sendable {
    /// Unique and stable: the module word, a dot, then kebab-case
    /// (`basics.value-vs-reference`).
    public var id: String
    /// The seed's phase: 1 foundations, 2 concurrency and runtime,
    /// 3 real-world engineering, 4 CS fundamentals.
    public var phase: Int
    /// The library target that holds the lesson (`HandbookBasics`).
    public var module: String
    public var title: String
    /// Lesson source files, relative to the repository root.
    public var sources: [String]
    /// Test files, relative to the repository root.
    public var tests: [String]
    /// `"<seed package>: <topic as written in the seed table>"`.
    public var seedTopics: [String]
    /// Seed checklist items this lesson answers, verbatim.
    public var checklist: [String]
    /// Seed "Common Interview Questions" this lesson answers, verbatim.
    public var questions: [String]
    /// Break-it experiments: at least one per lesson.
    public var experiments: [Experiment]

    public init(
        id: String,
        phase: Int,
        module: String,
        title: String,
        sources: [String],
        tests: [String],
        seedTopics: [String] = [],
        checklist: [String] = [],
        questions: [String] = [],
        experiments: [Experiment]
    ) {
        self.id = id
        self.phase = phase
        self.module = module
        self.title = title
        self.sources = sources
        self.tests = tests
        self.seedTopics = seedTopics
        self.checklist = checklist
        self.questions = questions
        self.experiments = experiments
    }

    /// The `swift test --filter` expression that runs exactly this lesson's
    /// tests: one Swift Testing suite per test file, named like the file.
    public var testFilter: String {
        let suites = tests.map { path in
            let file = path.split(separator: "/").last.map(String.init) ?? path
            return "\(module)Tests.\(file.replacingSuffix(".swift", with: ""))"
        }
        return suites.joined(separator: "|")
    }
}

extension Lesson {
    /// The folder of the SwiftPM package that builds and tests the lesson,
    /// relative to the repository root (`nil`: the root package).
    public var package: String? { Catalogue.module(of: self)?.package }
}

/// A "break it" experiment: a catalogued edit to a lesson that a named test
/// must catch.
public struct Experiment: Codable, Hashable, Sendable {
    /// What a learner should observe when the experiment is applied.
    public enum Expectation: String, Codable, Hashable, Sendable, CaseIterable {
        /// The `caughtBy` tests run and at least one fails.
        case fails
        /// The `caughtBy` tests never finish (a missing wake-up, a deadlock).
        case hangs
        /// The edited package no longer compiles: the compiler is the test.
        case doesNotCompile
    }

    /// Unique across the catalogue: `<lesson slug>.<what the edit does>`.
    public var id: String
    /// The file to edit, relative to the repository root.
    public var file: String
    /// Text that occurs exactly once in `file`.
    public var original: String
    /// What replaces `original` (may be empty).
    public var replacement: String
    /// A `swift test --filter` expression for the tests that catch the edit.
    public var caughtBy: String
    public var expect: Expectation
    /// One or two sentences: what the learner sees, and why.
    public var teaches: String

    public init(
        id: String,
        file: String,
        original: String,
        replacement: String,
        caughtBy: String,
        expect: Expectation = .fails,
        teaches: String
    ) {
        self.id = id
        self.file = file
        self.original = original
        self.replacement = replacement
        self.caughtBy = caughtBy
        self.expect = expect
        self.teaches = teaches
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
