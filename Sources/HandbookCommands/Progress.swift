import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook progress [--json] [--reset]`: lessons run and broken, per phase,
/// with the seed's checklist ticked as its lessons are done.
struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which lessons you have run and broken, and the seed checklist.",
        discussion: "Kept in $XDG_CONFIG_HOME/handbook/progress.json (or ~/.config/…), never in the repository."
    )

    @Flag(help: "Print as JSON.")
    var json = false

    @Flag(help: "Forget all progress.")
    var reset = false

    struct Summary: Encodable {
        struct LessonState: Encodable {
            var id: String
            var phase: Int
            var module: String
            var testsPassed: Bool?
            var brokenExperiments: [String]
            var done: Bool
        }
        struct ChecklistItem: Encodable {
            var item: String
            var lessons: [String]
            var ticked: Bool
        }
        struct ExerciseState: Encodable {
            var id: String
            var lesson: String
            var difficulty: String
            var minutes: Int
            var checks: Int
            var passed: Bool
            var secondsToPass: Int?
            var hintsShown: Int
            var gaveUp: Bool
            var attempts: Int
            var passes: Int
            var bestSecondsToPass: Int?
            var giveUps: Int
        }
        /// A bug hunt; the experiment is named only once revealed.
        struct HuntState: Encodable {
            var experiment: String?
            var checks: Int
            var found: Bool
            var gaveUp: Bool
        }
        var file: String
        var lessons: [LessonState]
        var checklist: [ChecklistItem]
        var exercises: [ExerciseState]
        var hunts: [HuntState]
        /// Review cards: how many of the deck were seen, and how many are due now.
        var review: ReviewState
        var mocks: [ProgressStore.MockResult]
        struct ReviewState: Encodable {
            var cards: Int
            var seen: Int
            var due: Int
            var lapses: Int
        }
    }

    static func summary(of document: ProgressStore.Document, file: URL, now: Date = Date()) -> Summary {
        let seen = Catalogue.cards.filter { document.cards[$0.id] != nil }
        return Summary(
            file: file.path,
            lessons: Catalogue.lessons.map { lesson in
                let progress = document.lessons[lesson.id]
                return .init(
                    id: lesson.id, phase: lesson.phase, module: lesson.module, testsPassed: progress?.testsPassed,
                    brokenExperiments: progress?.brokenExperiments ?? [], done: document.isDone(lesson))
            },
            checklist: Seed.checklist.map { item in
                .init(
                    item: item, lessons: Catalogue.lessons.filter { $0.checklist.contains(item) }.map(\.id),
                    ticked: document.isTicked(item))
            },
            exercises: Catalogue.exercises.map { exercise in
                let progress = document.exercises[exercise.id]
                return .init(
                    id: exercise.id, lesson: exercise.lesson, difficulty: exercise.difficulty.rawValue,
                    minutes: exercise.minutes, checks: progress?.checks ?? 0, passed: progress?.passedAt != nil,
                    secondsToPass: progress?.secondsToPass, hintsShown: progress?.hintsShown ?? 0,
                    gaveUp: progress?.gaveUp ?? false, attempts: progress?.attempts ?? 0,
                    passes: progress?.passes ?? 0, bestSecondsToPass: progress?.bestSecondsToPass,
                    giveUps: progress?.giveUps ?? 0)
            },
            hunts: document.hunts.sorted { ($0.value.startedAt ?? .distantPast) < ($1.value.startedAt ?? .distantPast) }
                .map { _, hunt in
                    .init(
                        experiment: hunt.experiment, checks: hunt.checks, found: hunt.foundAt != nil,
                        gaveUp: hunt.gaveUp)
                },
            review: .init(
                cards: Catalogue.cards.count, seen: seen.count,
                due: seen.count { ReviewSchedule.isDue(document.cards[$0.id], at: now) },
                lapses: seen.reduce(0) { $0 + (document.cards[$1.id]?.lapses ?? 0) }),
            mocks: document.mocks)
    }

    func run() throws {
        let store = ProgressStore(file: ProgressStore.defaultFile())
        if reset {
            try? FileManager.default.removeItem(at: store.file)
            print("Progress reset (\(store.file.path)).")
            return
        }
        let snapshot = store.read()
        if let problem = snapshot.problem {
            FileHandle.standardError.write(
                Data(
                    ("warning: \(store.file.path) is unreadable: \(problem). Showing no progress; the file is left "
                        + "as it is, and the next command that records progress keeps it as a backup.\n").utf8))
        }
        let summary = Self.summary(of: snapshot.document, file: store.file)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
            return
        }
        let style = Style.standardOutput
        for phase in Catalogue.modules.map(\.phase).uniquedInOrder() {
            let lessons = summary.lessons.filter { $0.phase == phase }
            print(
                style.bold("Phase \(phase): \(Catalogue.phases[phase] ?? "")")
                    + "  \(lessons.count { $0.done })/\(lessons.count) done")
            for lesson in lessons {
                let tested =
                    lesson.testsPassed == true ? style.good("run ✔") : (lesson.testsPassed == false ? "run ✘" : "run ·")
                let broken = lesson.brokenExperiments.isEmpty ? "broken ·" : style.good("broken ✔")
                print(
                    "  \(lesson.done ? style.good("✔") : "·") \(lesson.id.padding(toLength: 44, withPad: " ", startingAt: 0)) \(tested)  \(broken)"
                )
            }
        }
        print("")
        print(style.bold("Seed checklist"))
        for item in summary.checklist {
            let note = item.lessons.isEmpty ? style.dim(" (no lesson yet)") : ""
            print("  [\(item.ticked ? "x" : " ")] \(item.item)\(note)")
        }
        let attempted = summary.exercises.filter { $0.attempts > 0 || $0.checks > 0 || $0.hintsShown > 0 || $0.gaveUp }
        print("")
        print(
            style.bold("Practice")
                + "  \(summary.exercises.count { $0.passed })/\(summary.exercises.count) exercises passed")
        for exercise in attempted {
            let time = exercise.secondsToPass.map { " in \($0 / 60) of \(exercise.minutes) min" } ?? ""
            let outcome = exercise.passed ? style.good("passed\(time)") : "not yet"
            var extras =
                "\(exercise.checks) checks, \(exercise.hintsShown) hints" + (exercise.gaveUp ? ", gave up" : "")
            if exercise.attempts > 1 {
                let best = exercise.bestSecondsToPass.map { ", best \($0 / 60) min" } ?? ""
                extras += "; \(exercise.attempts) attempts, \(exercise.passes) passed\(best)"
            }
            print("  \(exercise.id.padding(toLength: 44, withPad: " ", startingAt: 0)) \(outcome)  \(extras)")
        }
        print("")
        print(
            style.bold("Review") + "  \(summary.review.seen)/\(summary.review.cards) cards seen, "
                + "\(summary.review.due) due now, \(summary.review.lapses) lapses (`handbook review`)")
        if !summary.mocks.isEmpty {
            let coding = summary.mocks.filter { $0.kind == "coding" }
            print(
                style.bold("Mock interviews")
                    + "  \(coding.count { $0.passed == true })/\(coding.count) coding passed, "
                    + "\(summary.mocks.count - coding.count) design")
            for mock in summary.mocks.suffix(5) {
                let outcome =
                    mock.kind == "design" ? "design" : (mock.passed == true ? style.good("passed") : "not passed")
                print(
                    "  \(mock.item.padding(toLength: 44, withPad: " ", startingAt: 0)) \(outcome)  \(mock.secondsUsed / 60) of \(mock.minutes) min"
                )
            }
        }
        if !summary.hunts.isEmpty {
            print("")
            print(
                style.bold("Bug hunts") + "  \(summary.hunts.count { $0.found }) found, "
                    + "\(summary.hunts.count { $0.gaveUp }) given up, of \(summary.hunts.count)")
            for hunt in summary.hunts {
                let outcome = hunt.found ? style.good("found") : hunt.gaveUp ? "gave up" : "in progress"
                print(
                    "  \((hunt.experiment ?? "(not revealed yet)").padding(toLength: 60, withPad: " ", startingAt: 0)) \(outcome)"
                )
            }
        }
        print(
            style.dim(
                "\nA lesson is done when `handbook test` passed and `handbook break` caught one of its experiments."))
    }
}
