import HandbookMemory
import Testing

@Suite("String performance")
struct StringPerformanceTests {
    typealias Lesson = StringPerformance

    static let appends = 2_000
    static let seedLength = Lesson.seed.utf8.count

    @Test("ten += \"a\" give \"aaaaaaaaaa\", and every builder produces the same text")
    func buildersAgree() {
        var text = ""
        for _ in 0..<10 { text += "a" }
        #expect(text == "aaaaaaaaaa")
        let expected = Lesson.seed + String(repeating: "ab", count: 50)
        #expect(Lesson.appendingInPlace("ab", times: 50).text == expected)
        #expect(Lesson.concatenatingCopies("ab", times: 50).text == expected)
        #expect(Lesson.appendingWhileKeepingSnapshots("ab", times: 50).report.text == expected)
        #expect(Lesson.seed + Array(repeating: "ab", count: 50).joined() == expected)
    }

    @Test("+= on a unique string moves its buffer O(log n) times and copies O(n) bytes in total")
    func appendInPlaceIsAmortizedConstant() {
        let report = Lesson.appendingInPlace("a", times: Self.appends)
        #expect(report.bufferMoves <= 12, "moves: \(report.bufferMoves)")
        // Geometric growth: the bytes ever copied are bounded by the final length.
        #expect(report.bytesCopied <= 2 * (Self.seedLength + Self.appends))
    }

    @Test("s = s + x moves the buffer on every append: n moves, ~n²/2 bytes copied")
    func concatenationIsQuadratic() {
        let report = Lesson.concatenatingCopies("a", times: Self.appends)
        #expect(report.bufferMoves == Self.appends)
        let n = Self.appends
        #expect(report.bytesCopied == n * Self.seedLength + n * (n - 1) / 2)
    }

    @Test("+= while keeping a copy each step is just as quadratic, and the copies stay unchanged")
    func retainedCopiesMakeAppendQuadratic() {
        let (report, snapshots) = Lesson.appendingWhileKeepingSnapshots("a", times: Self.appends)
        #expect(report.bufferMoves == Self.appends)
        #expect(report.bytesCopied >= Self.appends * (Self.appends - 1) / 2)
        // Value semantics: each snapshot is the text as it was, not as it became.
        #expect(snapshots.count == Self.appends)
        #expect(snapshots[0] == Lesson.seed)
        #expect(snapshots[999].utf8.count == Self.seedLength + 999)
    }

    @Test("reserveCapacity up front: zero buffer moves for the whole build")
    func reserveCapacityAvoidsMoves() {
        let report = Lesson.appendingInPlace("abc", times: Self.appends, reserving: true)
        #expect(report.bufferMoves == 0)
        #expect(report.text.utf8.count == Self.seedLength + 3 * Self.appends)
    }

    @Test("a copy shares the buffer until a write; the write leaves the original unchanged")
    func stringCopyOnWrite() throws {
        let original = String(repeating: "x", count: 100)
        var copy = original
        let shared = try #require(Lesson.utf8BufferAddress(of: original))
        #expect(Lesson.utf8BufferAddress(of: copy) == shared)
        copy += "!"
        #expect(Lesson.utf8BufferAddress(of: copy) != shared)
        #expect(original == String(repeating: "x", count: 100))
        #expect(copy.utf8.count == 101)
    }

    @Test("small strings: up to 15 UTF-8 bytes live inside the 16-byte value; 16 bytes need a heap buffer")
    func smallStringsAreInline() {
        #expect(MemoryLayout<String>.size == 16)
        #if arch(x86_64) || arch(arm64)
            #expect(Lesson.isStoredInline("hello"))
            #expect(Lesson.isStoredInline(String(repeating: "a", count: 15)))
            #expect(Lesson.isStoredInline("héllo wörld"))  // 13 bytes, 11 characters
            #expect(!Lesson.isStoredInline(String(repeating: "a", count: 16)))
            #expect(Array(Lesson.rawBytes(of: "hello").prefix(5)) == Array("hello".utf8))
        #endif
    }

    @Test(
        "count walks characters, utf8.count is the stored byte length",
        arguments: [
            ("hello", 5, 5, 5),
            ("hello 世界", 8, 8, 12),
            ("e\u{301}", 1, 2, 3),  // é as e + combining acute: one Character
            ("🇺🇸", 1, 2, 8),
        ])
    func lengths(text: String, characters: Int, scalars: Int, bytes: Int) {
        let lengths = Lesson.lengths(of: text)
        #expect(lengths.characters == characters)
        #expect(lengths.scalars == scalars)
        #expect(lengths.utf8 == bytes)
    }

    @Test("a Substring shares and retains its whole base; String(sub) copies only the word")
    func substringRetainsBase() throws {
        let megabyte = "GET " + String(repeating: "x", count: 1 << 20)
        let word = Lesson.firstWord(of: megabyte)
        #expect(word == "GET")
        #expect(word.base.utf8.count == (1 << 20) + 4)  // all of it is still alive
        let base = try #require(Lesson.utf8BufferAddress(of: megabyte))
        #expect(word.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } == base)
        let owned: String = Lesson.ownedFirstWord(of: megabyte)
        #expect(owned == "GET")
        #if arch(x86_64) || arch(arm64)
            #expect(Lesson.isStoredInline(owned))  // three bytes, no heap buffer, no tie to the megabyte
        #endif
    }

    @Test("String(decoding:) repairs invalid UTF-8 with U+FFFD; String(validating:) returns nil")
    func decodingRepairsOrRejects() {
        let bytes: [UInt8] = [0x68, 0x69, 0xFF, 0x21]  // "hi", an invalid byte, "!"
        #expect(Lesson.repairingDecode(bytes) == "hi\u{FFFD}!")
        #expect(Lesson.validatingDecode(bytes) == nil)
        #expect(Lesson.validatingDecode(Array("ok ✓".utf8)) == "ok ✓")
        let truncated: [UInt8] = Array("世".utf8).dropLast()  // 2 of 3 bytes
        #expect(Lesson.repairingDecode(truncated) == "\u{FFFD}")
    }
}
