/// String performance: a Swift `String` is a mutable, copy-on-write value, so
/// `+=` on a uniquely owned string is amortized O(1); rebuilding (`s = s + x`)
/// or keeping copies alive is what turns string building quadratic.
///
/// ```swift
/// var line = ""
/// for field in fields { line += field }       // appends in place: O(total)
/// for field in fields { line = line + field } // new string each time: O(n²)
/// ```
///
/// ## Why interviewers ask this
/// "String concatenation in a loop is O(n²), use a builder" is true in Go,
/// Java and C#, where strings are immutable. Candidates carry it into Swift,
/// where it is half wrong: `+=` mutates a uniquely referenced buffer in place
/// and grows it geometrically, like `Array.append`. The interviewer wants to
/// hear *why* (value semantics plus copy-on-write), and which spellings really
/// are quadratic: rebuilding with `s = s + x`, or mutating while another copy
/// of the string is alive, because then every write copies.
///
/// ## Common pitfalls
/// - `s = s + piece` in a loop (``concatenatingCopies(_:times:)``): `+` builds
///   a new string while `s` still holds the old one, so every step copies the
///   whole prefix. Use `+=` or `append` (``appendingInPlace(_:times:)``).
/// - Appending while a copy is kept (``appendingWhileKeepingSnapshots(_:times:)``:
///   a history array, a property observer, a capture): the buffer is shared, so
///   every append copies it first. Same O(n²), no `+` in sight.
/// - Treating `count` as cheap: it walks grapheme clusters, O(n). Native
///   strings store UTF-8, so `utf8.count` is O(1); use it for byte limits.
/// - Returning a `Substring` from a parser into long-lived storage: it keeps the
///   whole base string alive (`substring.base`). Convert at API boundaries:
///   `String(substring)`.
/// - Expecting `String(decoding:as:)` to reject bad bytes: it *repairs* them
///   with U+FFFD. Use `String(validating:as:)` to get `nil` instead.
///
/// ## Key takeaway
/// Build strings with `+=`/`append` on one variable you own (optionally after
/// `reserveCapacity`), or with `joined()`. Quadratic behaviour comes from
/// sharing, not from concatenation: if the buffer is shared at the moment of a
/// write, that write copies. Strings of up to 15 UTF-8 bytes live inside the
/// 16-byte `String` value itself and never allocate.
///
/// ## Go → Swift
/// Go's `string_immutability.go` benchmarks `s += x` (O(n²): Go strings are
/// immutable) against `strings.Builder`. Swift needs no builder: a `var String`
/// *is* the builder. Go's `[]byte(s)` conversion copies; Swift's `s.utf8`
/// is a view with no copy, and `Array(s.utf8)` copies. Go's substring-sharing
/// test asserted a constant `true`; here `Substring.base` and the buffer
/// address show the sharing. Go's string indexing gives bytes; Swift indexes by
/// `Character` (see `basics.strings-and-characters`). The tests count buffer
/// moves instead of timing; timing lives in the benchmarks.
public enum StringPerformance {
    /// What building a string cost, observed through its UTF-8 buffer address.
    public struct BuildReport: Equatable, Sendable {
        /// The finished string.
        public var text: String
        /// How many appends found the string in a different buffer afterwards:
        /// each one allocated and copied everything built so far.
        public var bufferMoves: Int
        /// UTF-8 bytes copied by those moves (the string's length before each).
        public var bytesCopied: Int
    }

    /// The fix: `+=` on a string nobody else holds. The buffer is unique, so
    /// it grows in place and moves only O(log n) times.
    /// - Complexity: amortized O(`piece.utf8.count`) per append.
    public static func appendingInPlace(_ piece: String, times count: Int, reserving: Bool = false) -> BuildReport {
        var text = Self.seed
        if reserving { text.reserveCapacity(text.utf8.count + piece.utf8.count * count) }
        var tracker = MoveTracker(text)
        for _ in 0..<count {
            let before = text.utf8.count
            text += piece
            tracker.observe(text, lengthBefore: before)
        }
        return tracker.report(text)
    }

    /// The pitfall: `s = s + piece` creates a new string from a copy of the
    /// old one at every step, while `s` still holds the old buffer.
    /// - Complexity: O(n²) bytes copied for n appends.
    public static func concatenatingCopies(_ piece: String, times count: Int) -> BuildReport {
        var text = Self.seed
        var tracker = MoveTracker(text)
        for _ in 0..<count {
            let before = text.utf8.count
            text = text + piece
            tracker.observe(text, lengthBefore: before)
        }
        return tracker.report(text)
    }

    /// The other pitfall: `+=`, but a copy of the string is kept at every
    /// step (a history, an undo stack), so the buffer is never unique when
    /// it is written and each append copies it.
    /// - Complexity: O(n²) bytes copied for n appends.
    public static func appendingWhileKeepingSnapshots(_ piece: String, times count: Int) -> (
        report: BuildReport, snapshots: [String]
    ) {
        var text = Self.seed
        var snapshots: [String] = []
        var tracker = MoveTracker(text)
        for _ in 0..<count {
            snapshots.append(text)
            let before = text.utf8.count
            text += piece
            tracker.observe(text, lengthBefore: before)
        }
        return (tracker.report(text), snapshots)
    }

    /// The starting text: 32 bytes, so the string is heap-allocated from the
    /// start and every observation is of a real buffer.
    public static let seed = String(repeating: "-", count: 32)

    /// The address of a string's contiguous UTF-8 storage, as a number
    /// (educational: compare identities only). For a small (inline) string it
    /// is the address of a temporary copy and means nothing.
    public static func utf8BufferAddress(of text: String) -> UInt? {
        text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) }
    }

    struct MoveTracker {
        var address: UInt?
        var moves = 0
        var bytes = 0

        init(_ text: String) {
            address = StringPerformance.utf8BufferAddress(of: text)
        }

        mutating func observe(_ text: String, lengthBefore: Int) {
            let now = StringPerformance.utf8BufferAddress(of: text)
            if now != address {
                moves += 1
                bytes += lengthBefore
                address = now
            }
        }

        func report(_ text: String) -> BuildReport {
            BuildReport(text: text, bufferMoves: moves, bytesCopied: bytes)
        }
    }

    // MARK: Representation

    /// The 16 raw bytes of a `String` value. Educational, not API: on 64-bit
    /// little-endian platforms a string of at most 15 UTF-8 bytes stores them
    /// right here (the last byte holds flags and the length); a longer string
    /// stores a count, flags and a pointer to a heap buffer.
    public static func rawBytes(of text: String) -> [UInt8] {
        withUnsafeBytes(of: text) { Array($0) }
    }

    /// Whether the text is physically inside the 16-byte value (no heap
    /// buffer): the small-string form. Educational, not API.
    public static func isStoredInline(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return utf8.count <= 15 && rawBytes(of: text).starts(with: utf8)
    }

    /// Three lengths of one text: grapheme clusters (O(n) to count), Unicode
    /// scalars, and UTF-8 bytes (O(1) for a native string).
    public static func lengths(of text: String) -> (characters: Int, scalars: Int, utf8: Int) {
        (text.count, text.unicodeScalars.count, text.utf8.count)
    }

    // MARK: Substrings and decoding

    /// The first word of `text` as a `Substring`: no copy, and it keeps all of
    /// `text` alive (`.base`).
    public static func firstWord(of text: String) -> Substring {
        text.prefix { $0 != " " }
    }

    /// The first word as an independent `String`: copies just the word, so
    /// the big text can be freed.
    public static func ownedFirstWord(of text: String) -> String {
        String(firstWord(of: text))
    }

    /// Decodes bytes, replacing each invalid sequence with U+FFFD. Never fails.
    public static func repairingDecode(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes bytes, or `nil` if they are not valid UTF-8.
    public static func validatingDecode(_ bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }
}
