/// Strings and characters: a `String` is a collection of `Character`s, each
/// a grapheme cluster that may span several Unicode scalars and UTF-8 bytes.
///
/// ```swift
/// let s = "hello 世界"
/// s.count                  // 8 characters
/// s.utf8.count             // 12 bytes
/// s[s.index(s.startIndex, offsetBy: 6)]   // "世"; s[6] does not compile
/// ```
///
/// ## Why interviewers ask this
/// Backends validate lengths, truncate for database columns, compare user
/// names and slice request lines. Each of those needs the right *unit*:
/// user-perceived characters, Unicode scalars or bytes. Swift makes the unit
/// explicit with views (`utf8`, `utf16`, `unicodeScalars`) and an opaque
/// `String.Index`, and interviewers check that you know why `s[4]` is not
/// allowed, what `count` costs, and when a `Substring` must become a `String`.
///
/// ## Common pitfalls
/// - Using `count` as a byte length. A `VARCHAR(n)` byte limit or a
///   `Content-Length` header needs `utf8.count`.
/// - Truncating by bytes, Go's `s[:n]`: cutting inside a multi-byte scalar
///   yields U+FFFD replacement characters (``truncatedByBytes(_:to:)``).
///   Truncate by `Character`, or by whole characters that fit a byte budget.
/// - Treating `count` as O(1). It walks the string to find grapheme
///   boundaries: O(*n*). So does `index(_:offsetBy:)`.
/// - Keeping a `Substring` in a long-lived property or cache. It shares, and
///   keeps alive, the whole original string's storage; store `String(sub)`.
/// - Comparing by bytes. Swift's `==` uses canonical equivalence: `"é"`
///   precomposed and `"e"` + combining accent are equal strings with
///   different UTF-8.
///
/// ## Key takeaway
/// Pick the view that matches the question: `Character` for what a person
/// sees, `unicodeScalars` for code points, `utf8` for bytes on the wire.
/// Indices are `String.Index`, valid only for the string that produced them,
/// and slices are `Substring`s that share storage until you copy them.
///
/// ## Go → Swift
/// A Go `string` is an immutable byte slice: `len(s)` counts bytes, `s[i]` is
/// a byte, `for range` yields runes, and `==` compares bytes. In Swift `count`
/// counts grapheme clusters, `utf8` is the byte view, `unicodeScalars` is the
/// rune view, and `==` compares canonically. Go's substring `s[a:b]` shares
/// memory like `Substring`, but Go has no type telling you so.
public enum StringsAndCharacters {
    /// The length of a string in each unit.
    public struct Lengths: Equatable, Sendable {
        /// Grapheme clusters: what a reader would call characters.
        public var characters: Int
        /// Unicode scalars: Go's runes.
        public var unicodeScalars: Int
        /// UTF-16 code units: what `NSString.length` reports.
        public var utf16: Int
        /// UTF-8 bytes: Go's `len(s)`, and what goes on the wire.
        public var utf8: Int

        public init(characters: Int, unicodeScalars: Int, utf16: Int, utf8: Int) {
            self.characters = characters
            self.unicodeScalars = unicodeScalars
            self.utf16 = utf16
            self.utf8 = utf8
        }
    }

    /// Measures `text` in every unit.
    ///
    /// - Complexity: O(*n*) for `characters`; the UTF-8 count of a native
    ///   string is O(1).
    public static func lengths(of text: String) -> Lengths {
        Lengths(
            characters: text.count, unicodeScalars: text.unicodeScalars.count, utf16: text.utf16.count,
            utf8: text.utf8.count)
    }

    /// The character at `offset`, or `nil` past the end. Strings are indexed
    /// by `String.Index`, so an integer offset has to be walked to.
    ///
    /// - Complexity: O(*offset*).
    public static func character(in text: String, at offset: Int) -> Character? {
        guard offset >= 0,
            let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex),
            index != text.endIndex
        else { return nil }
        return text[index]
    }

    // MARK: - Truncation

    /// The pitfall, Go's `s[:n]`: keeps the first `maxBytes` UTF-8 bytes and
    /// decodes them, so a scalar cut in half becomes U+FFFD.
    public static func truncatedByBytes(_ text: String, to maxBytes: Int) -> String {
        String(decoding: text.utf8.prefix(maxBytes), as: UTF8.self)
    }

    /// The fix for a character limit: keeps whole grapheme clusters.
    ///
    /// - Complexity: O(*maxCharacters*).
    public static func truncated(_ text: String, toCharacters maxCharacters: Int) -> String {
        String(text.prefix(maxCharacters))
    }

    /// The fix for a byte limit (a `VARCHAR(n)` column, a header size): the
    /// longest prefix of whole characters whose UTF-8 fits in `maxBytes`.
    ///
    /// - Complexity: O(*n*) in the length of the result.
    public static func truncated(_ text: String, fittingUTF8Bytes maxBytes: Int) -> String {
        var bytes = 0
        var end = text.startIndex
        for character in text {
            let width = character.utf8.count
            guard bytes + width <= maxBytes else { break }
            bytes += width
            end = text.index(after: end)
        }
        return String(text[..<end])
    }

    /// Reverses by `Character`, so accents and emoji stay intact.
    public static func reversed(_ text: String) -> String {
        String(text.reversed())
    }

    /// The pitfall: reversing Unicode scalars (Go's reverse-the-runes
    /// answer) moves combining marks onto the wrong base character.
    public static func reversedByScalars(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.reversed())
        return String(scalars)
    }

    // MARK: - Substring

    /// The request method of an HTTP request line, as a `Substring`: O(1),
    /// no copy, but it keeps the whole line alive.
    public static func methodSlice(of requestLine: String) -> Substring {
        requestLine.prefix { $0 != " " }
    }

    /// The request method as an independent `String`: what to store in a
    /// struct, a cache or a log record.
    public static func method(of requestLine: String) -> String {
        let slice = methodSlice(of: requestLine)
        return String(slice)
    }

    /// Whether `slice` points into the storage of `text`. Educational: it
    /// compares the UTF-8 buffer addresses of the two.
    public static func sharesStorage(_ slice: Substring, with text: String) -> Bool {
        let inside = text.utf8.withContiguousStorageIfAvailable { whole in
            slice.utf8.withContiguousStorageIfAvailable { part -> Bool in
                guard let wholeStart = whole.baseAddress, let partStart = part.baseAddress else { return false }
                return partStart >= wholeStart && partStart + part.count <= wholeStart + whole.count
            }
        }
        return inside.flatMap { $0 } ?? false
    }
}
