import Foundation

/// A practice exercise: write part of a lesson yourself, judged by the
/// lesson's own tests.
///
/// There is no second copy of the answer. The starting code is the lesson's
/// source with the bodies named by ``blanks`` replaced by a stub
/// (``Stub/blanking(_:in:exercise:)``), so an exercise cannot drift from its
/// lesson: if a signature changes, the catalogue test that applies every
/// exercise's blanks fails.
public struct Exercise: Codable, Hashable, Sendable {
    /// How hard the exercise is for someone who has read the lesson.
    public enum Difficulty: String, Codable, Hashable, Sendable, CaseIterable {
        case easy, medium, hard
    }

    /// Unique and stable; the lesson's slug, optionally with a suffix
    /// (`two-sum`, `binary-search.bounds`).
    public var id: String
    /// The lesson whose tests judge the exercise.
    public var lesson: String
    /// The lesson source the learner edits, relative to the repository root.
    public var file: String
    /// Declarations whose bodies the learner writes. Each is text that occurs
    /// exactly once in ``file`` and ends before the `{` that opens the body
    /// (typically the signature, `public static func isValid(_ text: String) -> Bool`).
    public var blanks: [String]
    /// What to implement: the contract, the complexity expected, the edge cases.
    public var prompt: String
    public var difficulty: Difficulty
    /// A time budget, as in an interview.
    public var minutes: Int
    /// Revealed one at a time: a nudge, the approach, then (optionally) the key line.
    public var hints: [String]
    /// A `swift test --filter` expression; `nil` means the lesson's own filter.
    public var judgedBy: String?

    public init(
        id: String, lesson: String, file: String, blanks: [String], prompt: String, difficulty: Difficulty,
        minutes: Int, hints: [String], judgedBy: String? = nil
    ) {
        self.id = id
        self.lesson = lesson
        self.file = file
        self.blanks = blanks
        self.prompt = prompt
        self.difficulty = difficulty
        self.minutes = minutes
        self.hints = hints
        self.judgedBy = judgedBy
    }
}

/// Turns a lesson source into an exercise's starting code.
public enum Stub {
    /// Why a declared blank cannot be applied: the catalogue and the source disagree.
    public enum StubError: Error, Equatable, CustomStringConvertible {
        case notFound(String)
        case ambiguous(String, occurrences: Int)
        case noBody(String)
        case unbalanced(String)

        public var description: String {
            switch self {
            case .notFound(let blank): "blank not found in the source: \(blank)"
            case .ambiguous(let blank, let count): "blank occurs \(count) times, not once: \(blank)"
            case .noBody(let blank): "no `{` opens a body after: \(blank)"
            case .unbalanced(let blank): "the body after this blank never closes: \(blank)"
            }
        }
    }

    /// The text every stubbed body contains; `practice check` looks for it.
    public static let marker = "not implemented yet (handbook practice)"

    /// `source` with the body after each of `blanks` replaced by a stub that
    /// traps with ``marker``. Signatures, doc comments and every other
    /// declaration stay as they are.
    ///
    /// Braces inside string literals (including multi-line and raw strings)
    /// and comments are skipped when matching the body.
    ///
    /// - Throws: ``StubError`` when a blank does not occur exactly once or
    ///   has no balanced body after it.
    /// - Complexity: O(n × b) for a source of n characters and b blanks.
    public static func blanking(_ blanks: [String], in source: String, exercise: String) throws(StubError) -> String {
        var text = source
        for blank in blanks {
            let occurrences = text.components(separatedBy: blank).count - 1
            guard occurrences > 0 else { throw .notFound(blank) }
            guard occurrences == 1 else { throw .ambiguous(blank, occurrences: occurrences) }
            guard let start = text.range(of: blank) else { throw .notFound(blank) }
            let characters = Array(text.unicodeScalars)
            let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: start.upperBound)
            guard let open = nextOpeningBrace(in: characters, from: offset) else { throw .noBody(blank) }
            guard let close = matchingBrace(in: characters, opening: open) else { throw .unbalanced(blank) }
            let lineStart = characters[..<offset].lastIndex(of: "\n").map { $0 + 1 } ?? 0
            let indent = String(String.UnicodeScalarView(characters[lineStart...].prefix { $0 == " " }))
            let stub = "{\n\(indent)    fatalError(\"\(marker): \(exercise)\")\n\(indent)}"
            var scalars = String.UnicodeScalarView(characters[..<open])
            scalars.append(contentsOf: stub.unicodeScalars)
            scalars.append(contentsOf: characters[(close + 1)...])
            text = String(scalars)
        }
        return text
    }

    /// The first `{` at or after `start` that is code, not text in a comment
    /// or a string.
    static func nextOpeningBrace(in characters: [Unicode.Scalar], from start: Int) -> Int? {
        var scanner = Scanner(characters: characters, position: start)
        while let index = scanner.nextCodeCharacter() {
            if characters[index] == "{" { return index }
        }
        return nil
    }

    /// The `}` that closes the `{` at `opening`.
    static func matchingBrace(in characters: [Unicode.Scalar], opening: Int) -> Int? {
        var scanner = Scanner(characters: characters, position: opening + 1)
        var depth = 1
        while let index = scanner.nextCodeCharacter() {
            switch characters[index] {
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }

    /// Walks Swift source one code character at a time, stepping over
    /// comments (nested block comments too) and string literals (escapes,
    /// interpolations, `"""` and `#"…"#`). Good enough for lesson sources,
    /// not a full lexer.
    struct Scanner {
        let characters: [Unicode.Scalar]
        var position: Int

        mutating func nextCodeCharacter() -> Int? {
            while position < characters.count {
                let character = characters[position]
                if character == "/", peek(1) == "/" {
                    while position < characters.count, characters[position] != "\n" { position += 1 }
                } else if character == "/", peek(1) == "*" {
                    skipBlockComment()
                } else if character == "\"" || (character == "#" && startsRawString()) {
                    skipString()
                } else {
                    position += 1
                    return position - 1
                }
            }
            return nil
        }

        private func peek(_ ahead: Int) -> Unicode.Scalar? {
            position + ahead < characters.count ? characters[position + ahead] : nil
        }

        private func startsRawString() -> Bool {
            var index = position
            while index < characters.count, characters[index] == "#" { index += 1 }
            return index < characters.count && characters[index] == "\""
        }

        private mutating func skipBlockComment() {
            var depth = 0
            while position < characters.count {
                if characters[position] == "/", peek(1) == "*" {
                    depth += 1
                    position += 2
                } else if characters[position] == "*", peek(1) == "/" {
                    depth -= 1
                    position += 2
                    if depth == 0 { return }
                } else {
                    position += 1
                }
            }
        }

        private mutating func skipString() {
            var hashes = 0
            while characters[position] == "#" {
                hashes += 1
                position += 1
            }
            let multiline = peek(1) == "\"" && peek(2) == "\""
            position += multiline ? 3 : 1
            let closing = (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
            let closingScalars = Array(closing.unicodeScalars)
            let escape = "\\" + String(repeating: "#", count: hashes)
            let escapeScalars = Array(escape.unicodeScalars)
            while position < characters.count {
                if matches(escapeScalars) {
                    position += escapeScalars.count
                    if position < characters.count, characters[position] == "(" {
                        skipInterpolation()
                    } else {
                        position += 1  // the escaped character
                    }
                } else if matches(closingScalars) {
                    position += closingScalars.count
                    return
                } else {
                    position += 1
                }
            }
        }

        /// From the `(` of `\(`, to just after its `)`; strings inside nest.
        private mutating func skipInterpolation() {
            var depth = 0
            while position < characters.count {
                let character = characters[position]
                if character == "\"" || (character == "#" && startsRawString()) {
                    skipString()
                    continue
                }
                position += 1
                if character == "(" { depth += 1 }
                if character == ")" {
                    depth -= 1
                    if depth == 0 { return }
                }
            }
        }

        private func matches(_ pattern: [Unicode.Scalar]) -> Bool {
            guard position + pattern.count <= characters.count else { return false }
            return characters[position..<position + pattern.count].elementsEqual(pattern)
        }
    }
}
