import HandbookBasics
import HandbookTestSupport
import Testing

@Suite("Strings and characters")
struct StringsAndCharactersTests {
    typealias Lesson = StringsAndCharacters
    typealias Lengths = StringsAndCharacters.Lengths

    @Test(
        "count is grapheme clusters; each view counts its own unit",
        arguments: [
            ("hello 世界", Lengths(characters: 8, unicodeScalars: 8, utf16: 8, utf8: 12)),
            ("hello", Lengths(characters: 5, unicodeScalars: 5, utf16: 5, utf8: 5)),
            ("👨‍👩‍👧", Lengths(characters: 1, unicodeScalars: 5, utf16: 8, utf8: 18)),
            ("🇫🇷", Lengths(characters: 1, unicodeScalars: 2, utf16: 4, utf8: 8)),
            ("e\u{301}", Lengths(characters: 1, unicodeScalars: 2, utf16: 2, utf8: 3)),
        ])
    func lengthsInEveryUnit(text: String, expected: Lengths) {
        #expect(Lesson.lengths(of: text) == expected)
    }

    @Test("== uses canonical equivalence: precomposed é equals e + combining accent")
    func canonicalEquivalence() {
        let precomposed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(precomposed == decomposed)
        #expect(precomposed.count == decomposed.count)
        #expect(precomposed.utf8.count == 5)
        #expect(decomposed.utf8.count == 6)
        #expect(!precomposed.utf8.elementsEqual(decomposed.utf8))
        // Hashing agrees with ==, so they are one key in a Set or Dictionary.
        #expect(Set([precomposed, decomposed]).count == 1)
    }

    @Test("strings are indexed by String.Index walked from startIndex, not by Int")
    func indexingByStringIndex() throws {
        let text = "hello 世界"
        #expect(text[text.index(text.startIndex, offsetBy: 4)] == "o")
        #expect(text[text.index(text.startIndex, offsetBy: 6)] == "世")
        #expect(Lesson.character(in: text, at: 7) == "界")
        #expect(Lesson.character(in: text, at: 8) == nil)
        #expect(Lesson.character(in: text, at: -1) == nil)
        try CompileFailFixture.expect(
            "HandbookBasics/StringIntegerSubscript.swift",
            diagnostics: ["'subscript(_:)' is unavailable: cannot subscript String with an Int"])
    }

    @Test("truncating by bytes (Go's s[:n]) splits a scalar; truncating by Character does not")
    func truncation() {
        let text = "héllo 世界"  // é is 2 bytes, 世 and 界 are 3 each: 13 bytes
        let cut = Lesson.truncatedByBytes(text, to: 8)
        #expect(cut.hasSuffix("\u{FFFD}"))
        #expect(Lesson.truncated(text, toCharacters: 7) == "héllo 世")
        #expect(Lesson.truncated("👨‍👩‍👧👨‍👩‍👧", toCharacters: 1) == "👨‍👩‍👧")
        #expect(Lesson.truncated(text, fittingUTF8Bytes: 8) == "héllo ")
        #expect(Lesson.truncated(text, fittingUTF8Bytes: 10) == "héllo 世")
        #expect(Lesson.truncated(text, fittingUTF8Bytes: 100) == text)
        #expect(Lesson.truncated("👨‍👩‍👧", fittingUTF8Bytes: 17).isEmpty)
    }

    @Test("reversing by Character keeps accents on their letter; reversing scalars moves them")
    func reversal() {
        let text = "ce\u{301}"  // "cé", decomposed
        #expect(Lesson.reversed(text) == "e\u{301}c")
        #expect(Lesson.reversedByScalars(text) == "\u{301}ec")
        #expect(Lesson.reversedByScalars(text) != Lesson.reversed(text))
        #expect(Lesson.reversed("a👨‍👩‍👧b") == "b👨‍👩‍👧a")
    }

    @Test("a Substring shares the base string's storage; String(...) copies it out")
    func substringSharesStorage() {
        let requestLine = "DELETE /v1/sessions/7f3a9c2e HTTP/1.1"
        let slice = Lesson.methodSlice(of: requestLine)
        #expect(slice == "DELETE")
        #expect(slice.base == requestLine)
        #expect(slice.startIndex == requestLine.startIndex)
        #expect(Lesson.sharesStorage(slice, with: requestLine))

        let method = Lesson.method(of: requestLine)
        #expect(method == "DELETE")
        #expect(!Lesson.sharesStorage(Substring(method), with: requestLine))
    }

    @Test("a Substring cannot be stored where a String is expected without converting it")
    func substringIsNotAString() throws {
        try CompileFailFixture.expect(
            "HandbookBasics/SubstringIsNotString.swift",
            diagnostics: ["cannot convert value of type 'String.SubSequence' (aka 'Substring')"])
    }
}
