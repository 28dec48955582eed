import Foundation
import HandbookCatalog
import HandbookTestSupport
import Testing

/// Exercises are declared against lesson sources; these tests prove every
/// declaration still matches its source, and that the stub generator only
/// touches the bodies it was asked to blank.
@Suite("Practice exercises")
struct ExerciseTests {
    let workspace = Workspace(root: PackagePaths.root)

    @Test("exercise ids are unique and kebab-case; each names a lesson whose source it edits")
    func exercisesAreWellFormed() {
        let ids = Catalogue.exercises.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate exercise ids")
        for exercise in Catalogue.exercises {
            let wellFormed = exercise.id.split(separator: ".").allSatisfy { part in
                !part.isEmpty && part.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }
            }
            #expect(wellFormed, "\(exercise.id) is not kebab-case")
            let lesson = Catalogue.lessons.first { $0.id == exercise.lesson }
            #expect(lesson != nil, "\(exercise.id) names an unknown lesson \(exercise.lesson)")
            #expect(
                lesson?.sources.contains(exercise.file) == true, "\(exercise.id) edits a file its lesson does not own")
            #expect(!exercise.prompt.isEmpty && exercise.minutes > 0, "\(exercise.id) needs a prompt and a budget")
            #expect(exercise.hints.count >= 2, "\(exercise.id) needs at least two hint tiers")
            #expect(!exercise.blanks.isEmpty, "\(exercise.id) blanks nothing")
        }
    }

    @Test("at least 60 exercises cover all four phases, and every Phase 4 lesson has one")
    func coverage() {
        #expect(Catalogue.exercises.count >= 60)
        let practised = Set(Catalogue.exercises.map(\.lesson))
        let phases = Set(Catalogue.lessons.filter { practised.contains($0.id) }.map(\.phase))
        #expect(phases == [1, 2, 3, 4])
        for lesson in Catalogue.lessons where lesson.phase == 4 {
            #expect(practised.contains(lesson.id), "\(lesson.id) has no exercise")
        }
    }

    @Test("every declared blank occurs once in its source and is stubbed; the rest of the file is unchanged")
    func everyBlankMatchesItsSource() throws {
        for exercise in Catalogue.exercises {
            let source = try workspace.read(exercise.file)
            let stubbed = try Stub.blanking(exercise.blanks, in: source, exercise: exercise.id)
            #expect(
                stubbed.components(separatedBy: Stub.marker).count - 1 == exercise.blanks.count,
                "\(exercise.id): one stub per blank")
            for blank in exercise.blanks { #expect(stubbed.contains(blank), "\(exercise.id) lost its signature") }
            #expect(stubbed.count < source.count, "\(exercise.id): the stub should be shorter than the answer")
        }
    }

    @Test("each module README lists the module's exercises")
    func readmesListTheExercises() throws {
        for exercise in Catalogue.exercises {
            let lesson = try #require(Catalogue.lessons.first { $0.id == exercise.lesson })
            let readme = try workspace.read("Sources/\(lesson.module)/README.md")
            #expect(readme.contains("`\(exercise.id)`"), "\(lesson.module)/README.md does not list \(exercise.id)")
        }
    }

    static let sample = """
        enum Sample {
            /// Doc comments stay.
            static func answer(_ x: Int) -> Int {
                let text = "a } in a string { and \\(x + { 1 }()) interpolated"
                // a } in a comment
                /* a { in a /* nested */ block comment */
                let multi = \"\"\"
                    }}} in a multi-line string
                    \"\"\"
                let raw = #"raw "} string"#
                return text.count + multi.count + raw.count + { x }()
            }

            static func untouched() -> Int { 42 }
        }
        """

    @Test("braces in strings, interpolations, comments and raw strings do not end the body early")
    func stubSkipsBracesInTextAndComments() throws {
        let stubbed = try Stub.blanking(["static func answer(_ x: Int) -> Int"], in: Self.sample, exercise: "sample")
        #expect(
            stubbed == """
                enum Sample {
                    /// Doc comments stay.
                    static func answer(_ x: Int) -> Int {
                        fatalError("\(Stub.marker): sample")
                    }

                    static func untouched() -> Int { 42 }
                }
                """)
    }

    @Test(
        "a blank that is missing, ambiguous, bodiless or unbalanced is a thrown StubError, never a silent no-op",
        arguments: [
            (
                "static func missing()", "enum A { static func present() {} }",
                Stub.StubError.notFound("static func missing()")
            ),
            ("func f()", "func f() {}\nfunc f() {}", .ambiguous("func f()", occurrences: 2)),
            ("func g()", "protocol P { func g() }", .noBody("func g()")),
            ("func h()", "func h() { if true { ", .unbalanced("func h()")),
        ])
    func badBlanksThrow(blank: String, source: String, expected: Stub.StubError) {
        #expect(throws: expected) { try Stub.blanking([blank], in: source, exercise: "x") }
    }

    @Test("several blanks in one file are each replaced, in any order")
    func severalBlanks() throws {
        let source = "struct S {\n    func a() -> Int { 1 }\n    func b() -> Int { { 2 }() }\n}\n"
        let stubbed = try Stub.blanking(["func b() -> Int", "func a() -> Int"], in: source, exercise: "s")
        #expect(stubbed.components(separatedBy: Stub.marker).count - 1 == 2)
        #expect(!stubbed.contains("{ 1 }") && !stubbed.contains("{ 2 }"))
    }
}
