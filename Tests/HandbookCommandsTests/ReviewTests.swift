import ArgumentParser
import Foundation
import HandbookCatalog
import HandbookTestSupport
import PropertyBased
import Testing

@testable import HandbookCommands

/// `handbook review`: the SM-2 schedule (properties on random grade
/// sequences), the session, the Anki export read back, and bad input.
@Suite("Review sessions")
struct ReviewTests {
    typealias Grade = ReviewSchedule.Grade
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// One `#expect` per case, not per step: under ThreadSanitizer thousands
    /// of expectations kept a cooperative thread busy for over a minute and
    /// starved the concurrency tests' time limits.
    @Test("random grade sequences: again is due at once, successes never shrink the interval, ease >= 1.3")
    func scheduleProperties() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 1...4).array(of: 1...25), Gen.int(in: 0...(20 * 86_400)).array(of: 25)
        ) { grades, gaps in
            var state: ReviewSchedule.State?
            var now = start
            var broken: [String] = []
            for (index, raw) in grades.enumerated() {
                now = now.addingTimeInterval(TimeInterval(gaps[index]))
                let grade = Grade(rawValue: raw)!
                let before = state
                let after = ReviewSchedule.next(after: before, grade: grade, at: now)
                if after.ease < ReviewSchedule.minimumEase { broken.append("\(index): ease below the floor") }
                if after.reviews != (before?.reviews ?? 0) + 1 { broken.append("\(index): reviews not counted") }
                switch grade {
                case .again:
                    if after.due != now { broken.append("\(index): again is not due at once") }
                    if after.streak != 0 || after.lapses != (before?.lapses ?? 0) + 1 {
                        broken.append("\(index): again keeps the streak or misses the lapse")
                    }
                case .hard, .good, .easy:
                    if after.intervalDays < (before?.intervalDays ?? 0) { broken.append("\(index): interval shrank") }
                    if after.intervalDays < 1 || after.due <= now { broken.append("\(index): a success due at once") }
                    if after.streak != (before?.streak ?? 0) + 1 { broken.append("\(index): streak not advanced") }
                }
                if grade == .easy {
                    let good = ReviewSchedule.next(after: before, grade: .good, at: now)
                    if after.intervalDays < good.intervalDays { broken.append("\(index): easy sooner than good") }
                }
                state = after
            }
            #expect(broken.isEmpty, "grades \(grades): \(broken)")
        }
    }

    @Test("SM-2's first steps: good gives 1 day, then 6, then 6 × ease; again resets and lowers the ease")
    func smTwoSteps() {
        let first = ReviewSchedule.next(after: nil, grade: .good, at: start)
        #expect(first.intervalDays == 1 && first.due == start.addingTimeInterval(86_400))
        let second = ReviewSchedule.next(after: first, grade: .good, at: first.due)
        #expect(second.intervalDays == 6)
        let third = ReviewSchedule.next(after: second, grade: .good, at: second.due)
        #expect(third.intervalDays == 15)  // 6 × 2.5
        let lapse = ReviewSchedule.next(after: third, grade: .again, at: third.due)
        #expect(lapse.intervalDays == 0 && lapse.ease == 2.3 && lapse.due == third.due)
        let relearned = ReviewSchedule.next(after: lapse, grade: .good, at: lapse.due)
        #expect(relearned.intervalDays == 1, "after a lapse the card starts over")
    }

    @Test("a session is the due cards (most overdue first), then at most --new unseen cards; future cards wait")
    func sessionSelection() throws {
        let cards = Array(Catalogue.cards.prefix(6))
        try #require(cards.count == 6)
        let states: [String: ReviewSchedule.State] = [
            cards[0].id: .init(due: start.addingTimeInterval(-60)),
            cards[1].id: .init(due: start.addingTimeInterval(-3_600)),
            cards[2].id: .init(due: start.addingTimeInterval(3_600)),
        ]
        let session = Review.session(from: cards, states: states, newLimit: 2, at: start)
        #expect(session.map(\.id) == [cards[1].id, cards[0].id, cards[3].id, cards[4].id])
    }

    @Test("grades are saved as they are given; again comes back in the session; q stops and keeps the rest")
    func askRecordsEachGrade() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-review-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let store = ProgressStore(file: base.appendingPathComponent("progress.json"))
        let cards = Array(Catalogue.cards.prefix(2))
        // card 0: show, "again"; card 1: show, a bad grade then "good"; card 0 again: show, "q".
        var input = ["", "1", "", "7", "3", "", "q"][...]
        var output: [String] = []
        let graded = try Review.ask(
            cards, store: store, now: { start }, read: { input.popFirst() }, write: { output.append($0) })
        #expect(graded == 2)
        let saved = store.load().cards
        #expect(saved[cards[0].id]?.lapses == 1 && saved[cards[0].id]?.due == start)
        #expect(saved[cards[1].id]?.intervalDays == 1)
        #expect(output.filter { $0.hasPrefix("Q: ") }.count == 3, "the forgotten card was asked again")
        #expect(output.contains { $0.contains("Proved by: swift test --filter") })
        // A runnable filter: the parentheses of a test id are escaped, or the regex matches nothing.
        let shown = try #require(output.first { $0.hasPrefix("Proved by:") })
        let pattern = String(shown.split(separator: "'")[1])
        let regex = try NSRegularExpression(pattern: pattern)
        #expect(
            regex.firstMatch(in: cards[0].test, range: NSRange(cards[0].test.startIndex..., in: cards[0].test)) != nil)
    }

    @Test("a corrupt progress file is kept as a backup at the first grade, never silently replaced")
    func corruptStoreIsBackedUp() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-review-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let store = ProgressStore(file: base.appendingPathComponent("progress.json"))
        let garbage = Data("{ not json".utf8)
        try garbage.write(to: store.file)
        var input = ["", "3"][...]
        let graded = try Review.ask(
            Array(Catalogue.cards.prefix(1)), store: store, now: { start }, read: { input.popFirst() },
            write: { _ in })
        #expect(graded == 1)
        #expect(store.load().cards[Catalogue.cards[0].id]?.streak == 1)
        let backups = try FileManager.default.contentsOfDirectory(atPath: base.path)
            .filter { $0.hasPrefix("progress.json.unreadable-") }
        #expect(backups.count == 1)
        #expect(try Data(contentsOf: base.appendingPathComponent(backups[0])) == garbage)
    }

    @Test("the Anki export has a header Anki reads and every card, read back field by field")
    func ankiExportReadsBack() {
        let cards = Catalogue.cards
        let text = AnkiExport.text(for: cards)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let header = lines.prefix { $0.hasPrefix("#") }
        #expect(header.contains("#separator:tab") && header.contains("#html:true") && header.contains("#tags column:3"))
        let notes = lines.dropFirst(header.count)
        #expect(notes.count == cards.count, "one line per card: no field may contain a raw newline")
        for (line, card) in zip(notes, cards) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == 3)
            #expect(unescape(fields[0]) == card.question)
            #expect(unescape(fields[1]).hasPrefix(card.answer))
            #expect(fields[1].contains(card.test))
            #expect(fields[2].split(separator: " ").contains(Substring(card.lesson)))
        }
    }

    @Test("bad scopes are bad input (exit 2): both options, an unknown lesson, a phase out of range")
    func badScopes() {
        for (lesson, phase) in [("ds.lru-cache", 4), ("ds.lru-cach", nil), (nil, 0)] as [(String?, Int?)] {
            #expect {
                try Review.select(lesson: lesson, phase: phase)
            } throws: { error in
                (error as? HandbookError)?.exitCode.rawValue == 2
            }
        }
    }

    @Test("a card schedule with missing fields loads with defaults; an old progress file has no cards and loads")
    func tolerantDecoding() throws {
        let entry = #"{"cards": {"x": {"ease": 2.1}}, "lessons": {}}"#
        let document = try JSONDecoder().decode(ProgressStore.Document.self, from: Data(entry.utf8))
        #expect(document.cards["x"]?.ease == 2.1 && document.cards["x"]?.streak == 0)
        let old = try JSONDecoder().decode(ProgressStore.Document.self, from: Data(#"{"lessons": {}}"#.utf8))
        #expect(old.cards.isEmpty)
    }

    private func unescape(_ field: String) -> String {
        field.replacingOccurrences(of: "<br>", with: "\n").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
