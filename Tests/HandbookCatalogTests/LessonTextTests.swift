import HandbookCatalog
import Testing

@Suite("Lesson text extraction")
struct LessonTextTests {
    let source = """
        import Foundation

        /// One-line summary
        /// that wraps.
        ///
        /// ```swift
        /// let x = 1
        /// ```
        ///
        /// ## Why interviewers ask this
        /// Because.
        ///
        /// ## Common pitfalls
        /// - One.
        /// - Two.
        ///
        /// ## Key takeaway
        /// Remember.
        public enum Topic {}

        /// Not part of the lesson text.
        public struct Other {}
        """

    @Test("the summary is the first paragraph of the first doc comment")
    func summary() {
        #expect(LessonText(source: source).summary == "One-line summary that wraps.")
    }

    @Test("sections are read in order, up to the end of the first doc comment")
    func sections() {
        let text = LessonText(source: source)
        #expect(text.sections.map(\.heading) == LessonText.requiredSections)
        #expect(text.section("Common pitfalls") == "- One.\n- Two.")
        #expect(text.section("Key takeaway") == "Remember.")
        #expect(text.missingSections.isEmpty)
    }

    @Test("a file without the sections reports what is missing")
    func missingSections() {
        let text = LessonText(source: "/// Just a summary.\npublic enum Empty {}")
        #expect(text.missingSections == LessonText.requiredSections)
    }

    @Test("test counting sees @Test attributes, not mentions of them")
    func countingTests() {
        let source = """
            @Test func a() {}
                @Test("named") func b() {}
            @Test(arguments: [1, 2]) func c(_ x: Int) {}
            // @Test in a comment is not a test
            @TestSomethingElse func d() {}
            """
        #expect(Workspace.countTests(in: source) == 3)
    }

    @Test("closest ids rank substrings first, then by edit distance")
    func suggestions() {
        let ids = ["basics.value-vs-reference", "basics.dictionaries", "advanced.generics"]
        #expect(Suggestions.closest(to: "value", in: ids, limit: 1) == ["basics.value-vs-reference"])
        #expect(Suggestions.closest(to: "advanced.generic", in: ids, limit: 1) == ["advanced.generics"])
        #expect(Suggestions.closest(to: "basics.dictionarys", in: ids, limit: 1) == ["basics.dictionaries"])
    }
}
