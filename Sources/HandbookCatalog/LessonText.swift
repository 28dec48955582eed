/// The teaching text of a lesson, read from its source file.
///
/// A lesson file opens with a `///` doc comment (on its primary type or on a
/// caseless namespace enum) that holds a one-line summary, a short example,
/// and `##` sections. The text lives in the source, next to the code it
/// explains, and the `handbook` command reads it from there.
public struct LessonText: Hashable, Sendable {
    /// The sections every lesson file must have, in this order.
    public static let requiredSections = ["Why interviewers ask this", "Common pitfalls", "Key takeaway"]

    /// The section every Phase 4 lesson adds: what is safe at `Int.min` and
    /// `Int.max`, on any Unicode text and at any depth (or what is not).
    public static let edgeAuditSection = "Edges, audited"

    /// The sections `handbook show` prints, in order.
    public static let shownSections = requiredSections + [edgeAuditSection, "Go → Swift"]

    /// The first paragraph of the doc comment.
    public var summary: String
    /// `(heading, body)` pairs in file order.
    public var sections: [(heading: String, body: String)]

    public static func == (lhs: LessonText, rhs: LessonText) -> Bool {
        lhs.summary == rhs.summary && lhs.sections.map(\.heading) == rhs.sections.map(\.heading)
            && lhs.sections.map(\.body) == rhs.sections.map(\.body)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(summary)
        for section in sections {
            hasher.combine(section.heading)
            hasher.combine(section.body)
        }
    }

    /// The body of the section with this heading, if present.
    public func section(_ heading: String) -> String? {
        sections.first { $0.heading == heading }?.body
    }

    /// Required sections that are missing or empty.
    public var missingSections: [String] {
        Self.requiredSections.filter { (section($0) ?? "").isEmpty }
    }

    /// Parses the first `///` block of `source`.
    ///
    /// - Complexity: O(*n*) in the length of the source.
    public init(source: String) {
        var block: [String] = []
        var started = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("///") {
                started = true
                var text = trimmed.dropFirst(3)
                if text.first == " " { text = text.dropFirst() }
                block.append(String(text))
            } else if started {
                break
            }
        }

        var summaryLines: [String] = []
        var sections: [(heading: String, body: [String])] = []
        var inSummary = true
        for line in block {
            if line.hasPrefix("## ") {
                inSummary = false
                sections.append((String(line.dropFirst(3)).trimmingWhitespace, []))
            } else if let last = sections.indices.last {
                sections[last].body.append(line)
            } else if inSummary {
                if line.trimmingWhitespace.isEmpty, !summaryLines.isEmpty {
                    inSummary = false
                } else {
                    summaryLines.append(line)
                }
            }
        }
        self.summary = summaryLines.joined(separator: " ").trimmingWhitespace
        self.sections = sections.map { ($0.heading, $0.body.joined(separator: "\n").trimmingWhitespace) }
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        let characters = Array(self)
        guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
            let last = characters.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(characters[first...last])
    }
}
