import HandbookAdvanced
import Testing

@Suite("Unsafe pointers")
struct UnsafePointersTests {
    typealias Lesson = UnsafePointers

    @Test(
        "a sum through withUnsafeBufferPointer equals reduce(+)",
        arguments: [[], [7], [1, 2, 3, 4, 5], Array(-50...100)])
    func bufferPointerSumMatchesReduce(numbers: [Int]) {
        #expect(Lesson.sum(numbers) == numbers.reduce(0, +))
    }

    @Test("pointer arithmetic: (base + 2).pointee is the third element")
    func pointerArithmeticReadsTheThirdElement() {
        let numbers = [1, 2, 3, 4]
        #expect(Lesson.element(of: numbers, at: 2) == 3)
        #expect(Lesson.element(of: numbers, at: 0) == 1)
        #expect(Lesson.element(of: numbers, at: 3) == 4)
    }

    @Test("pointer arithmetic is unchecked, so the lesson's precondition traps out of range")
    func pointerArithmeticOutOfRangeTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = UnsafePointers.element(of: [1, 2, 3], at: 3)
        }
    }

    @Test("memory is little-endian, and loadUnaligned reads a UInt32 at an odd offset")
    func loadUnalignedReadsLittleEndian() {
        #expect(Lesson.memoryBytes(of: 0x0403_0201) == [1, 2, 3, 4])
        let bytes: [UInt8] = [0xFF, 0x01, 0x02, 0x03, 0x04, 0xEE]
        #expect(Lesson.loadUInt32(from: bytes, atByteOffset: 1) == 0x0403_0201)
        #expect(Lesson.loadUInt32(from: bytes, atByteOffset: 2) == 0xEE04_0302)
    }

    // The alignment check is debug-only: in -O the misaligned load is simply
    // undefined behaviour, which is exactly why the lesson uses loadUnaligned.
    @Test(
        "an aligned load at an odd offset traps in a debug build: load from misaligned raw pointer",
        .enabled(if: isDebugBuild))
    func alignedLoadAtOddOffsetTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = UnsafePointers.loadUInt32AssumingAlignment(from: [0, 1, 2, 3, 4, 5, 6, 7], atByteOffset: 1)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("misaligned raw pointer"))
    }

    @Test("allocate, initialize, deinitialize, deallocate: every object is destroyed once")
    func manualRoundTripDestroysEveryObject() {
        let counter = Lesson.DeinitCounter()
        let ids = Lesson.manuallyManagedRoundTrip(count: 5, counter: counter)
        #expect(ids == [0, 1, 2, 3, 4])
        #expect(counter.count == 5)
    }

    @Test("deallocate without deinitialize leaks: no deinit ever runs")
    func deallocateWithoutDeinitializeLeaks() {
        let counter = Lesson.DeinitCounter()
        let ids = Lesson.leakingRoundTrip(count: 3, counter: counter)
        #expect(ids == [0, 1, 2])
        #expect(counter.count == 0)
    }

    @Test("an escaped pointer is left behind when copy-on-write moves the array")
    func escapedPointerGoesStale() {
        var numbers = [1, 2, 3]
        // `snapshot` keeps the original buffer alive, so the comparison below
        // is deterministic; the escaped pointer is never dereferenced.
        let snapshot = numbers
        let escaped = Lesson.escapingBaseAddress(of: numbers)
        numbers[0] = 42
        #expect(Lesson.escapingBaseAddress(of: numbers) != escaped)
        #expect(Lesson.escapingBaseAddress(of: snapshot) == escaped)
        #expect(snapshot == [1, 2, 3])
    }

    @Test("withUTF8 lends the string's bytes: equal to Array(s.utf8)", arguments: ["", "hello", "héllo, 世界 🚀"])
    func withUTF8MatchesTheUTF8View(text: String) {
        #expect(Lesson.utf8Bytes(of: text) == Array(text.utf8))
    }

    @Test("scanning borrowed UTF-8 bytes in place")
    func scanBorrowedBytes() {
        #expect(Lesson.asciiDigitCount(in: "order 66, table 4") == 3)
        #expect(Lesson.asciiDigitCount(in: "٣ is an Arabic-Indic digit, not ASCII") == 0)
    }

    @Test("String(decoding:) copies: overwriting the bytes afterwards leaves the string unchanged")
    func decodedStringDoesNotAliasTheBytes() {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 5)
        defer { buffer.deallocate() }
        _ = buffer.initialize(from: Array("hello".utf8))
        let text = Lesson.decodedString(from: UnsafeBufferPointer(buffer))
        buffer[0] = UInt8(ascii: "j")
        #expect(text == "hello")
        #expect(String(decoding: buffer, as: UTF8.self) == "jello")
    }

    @Test("invalid UTF-8 is repaired with U+FFFD by decoding, rejected by validating")
    func invalidUTF8() {
        let bytes: [UInt8] = [0x66, 0xFF, 0x6F]
        let repaired = bytes.withUnsafeBufferPointer { Lesson.decodedString(from: $0) }
        #expect(repaired == "f\u{FFFD}o")
        #expect(Lesson.validatedString(from: bytes) == nil)
        #expect(Lesson.validatedString(from: Array("ok".utf8)) == "ok")
    }
}

#if DEBUG
    private let isDebugBuild = true
#else
    private let isDebugBuild = false
#endif
