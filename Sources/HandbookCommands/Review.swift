import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook review`: the cards due today, one at a time; the learner
/// grades each recall and ``ReviewSchedule`` (SM-2) sets the next due date.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Review cards due today (spaced repetition), or export the deck for Anki.")
    @Option(help: "Only this lesson's cards.") var lesson: String?
    @Option(help: "Only cards of lessons in this phase (1-5).") var phase: Int?
    @Option(help: "At most this many cards never seen before.") var new = 10
    @Flag(help: "Print the session's cards as JSON instead of asking them.") var json = false
    @Option(help: "Write the selected cards in Anki's text import format to this file.") var export: String?

    func run() throws {
        try reporting {
            let cards = try Review.select(lesson: lesson, phase: phase)
            if let export {
                let text = AnkiExport.text(for: cards)
                try Data(text.utf8).write(to: URL(fileURLWithPath: export))
                print(
                    "Wrote \(cards.count) cards to \(export). In Anki: File › Import, pick the file; the header sets the fields, deck and tags."
                )
                return
            }
            guard new >= 0 else { throw HandbookError.badArguments("--new must not be negative (got \(new))") }
            let store = ProgressStore(file: ProgressStore.defaultFile())
            let snapshot = store.read()
            if let problem = snapshot.problem {
                FileHandle.standardError.write(
                    Data(
                        ("warning: \(store.file.path) is unreadable (\(problem)); it is kept as a backup at the "
                            + "first grade, never replaced silently.\n").utf8))
            }
            let session = Review.session(
                from: cards, states: snapshot.document.cards, newLimit: new, at: Date())
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(session), as: UTF8.self))
                return
            }
            let graded = try Review.ask(
                session, store: store, now: Date.init, read: { readLine(strippingNewline: true) },
                write: { print($0) })
            print("\(graded) graded. Next: `swift run handbook review` tomorrow; `handbook progress` shows the deck.")
        }
    }

    /// Cards of one lesson, one phase, or all, in catalogue order.
    static func select(lesson: String?, phase: Int?) throws -> [ReviewCard] {
        if lesson != nil && phase != nil { throw HandbookError.badArguments("use --lesson or --phase, not both") }
        if let phase, Catalogue.phases[phase] == nil {
            throw HandbookError.badArguments("no phase \(phase): phases are \(Catalogue.phaseRange)")
        }
        if let lesson {
            let found = try requireLesson(lesson)
            return Catalogue.cards.filter { $0.lesson == found.id }
        }
        guard let phase else { return Catalogue.cards }
        let lessons = Set(Catalogue.lessons.filter { $0.phase == phase }.map(\.id))
        return Catalogue.cards.filter { lessons.contains($0.lesson) }
    }

    /// Today's session: every due card (the most overdue first), then up to
    /// `newLimit` cards never seen, in catalogue order.
    static func session(
        from cards: [ReviewCard], states: [String: ReviewSchedule.State], newLimit: Int, at now: Date
    ) -> [ReviewCard] {
        let due = cards.filter { card in states[card.id].map { $0.due <= now } ?? false }
            .sorted { states[$0.id]!.due < states[$1.id]!.due }
        let fresh = cards.filter { states[$0.id] == nil }.prefix(newLimit)
        return due + fresh
    }

    /// Asks each card: the question, the answer on Enter, then a grade,
    /// saved at once (a session cut short keeps every grade given). A card
    /// graded "again" comes back at the end of the session. Stops at "q" or
    /// at the end of input.
    ///
    /// - Returns: the number of grades given.
    static func ask(
        _ session: [ReviewCard], store: ProgressStore, now: () -> Date, read: () -> String?,
        write: (String) -> Void
    ) throws -> Int {
        var queue = session[...]
        var graded = 0
        var position = 0
        while let card = queue.popFirst() {
            position += 1
            let title = Catalogue.lesson(id: card.lesson)?.title ?? card.lesson
            write("\n[\(position)] \(title) · \(card.kind.rawValue)")
            write("Q: \(card.question)")
            write("(Enter: show the answer; q: stop)")
            guard let reply = read(), reply.lowercased() != "q" else { break }
            write("A: \(card.answer)")
            // The filter is a regular expression: `scenario(_:)` unescaped matches nothing.
            write("Proved by: swift test --filter '\(NSRegularExpression.escapedPattern(for: card.test))'")
            var grade: ReviewSchedule.Grade?
            while grade == nil {
                write("Grade: 1 again · 2 hard · 3 good · 4 easy (q: stop)")
                guard let answer = read()?.trimmingCharacters(in: .whitespaces), answer.lowercased() != "q" else {
                    return graded
                }
                grade = Int(answer).flatMap(ReviewSchedule.Grade.init(rawValue:))
            }
            guard let grade else { break }
            let date = now()
            var next: ReviewSchedule.State?
            ProgressStore.saving {
                try store.update { document in
                    let state = ReviewSchedule.next(after: document.cards[card.id], grade: grade, at: date)
                    document.cards[card.id] = state
                    next = state
                }
            }
            graded += 1
            if grade == .again {
                queue.append(card)
                write("Again later in this session.")
            } else if let next {
                write("Next review in \(Int(next.intervalDays.rounded())) day(s).")
            }
        }
        return graded
    }
}

/// The deck in Anki's plain-text import format: a header Anki reads
/// (separator, HTML, tags column, deck, note type), then one note per line:
/// front, back, tags. Fields are HTML, so line breaks become `<br>`, and
/// tabs, which separate fields, become spaces.
enum AnkiExport {
    static let deck = "Swift Backend Interview Handbook"

    static func text(for cards: [ReviewCard]) -> String {
        var lines = [
            "#separator:tab",
            "#html:true",
            "#notetype:Basic",
            "#deck:\(deck)",
            "#tags column:3",
        ]
        for card in cards {
            let module = Catalogue.lesson(id: card.lesson)?.module ?? "Handbook"
            let back = field(card.answer) + "<br><br><small>Proved by " + field(card.test) + "</small>"
            lines.append(
                [field(card.question), back, "\(module) \(card.lesson) \(card.kind.rawValue)"].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes text for an HTML field on one line.
    static func field(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\t", with: "    ")
            .replacingOccurrences(of: "\n", with: "<br>")
    }
}
