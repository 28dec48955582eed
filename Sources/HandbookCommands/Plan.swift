import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook plan --weeks N --hours H [--focus F]`: what to do each week.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lay out lessons, exercises, reviews and mocks per week within your time budget.")
    @Option(help: "Weeks until the interview (1-52).") var weeks: Int
    @Option(help: "Hours you can study each week (more than 0, at most 80).") var hours: Double
    @Option(help: "Study these first: \(StudyPlan.Focus.allCases.map(\.rawValue).joined(separator: ", ")).")
    var focus: String?
    @Flag(help: "Print the plan as JSON.") var json = false

    func run() throws {
        try reporting {
            guard (1...52).contains(weeks) else {
                throw HandbookError.badArguments("--weeks must be 1 to 52 (got \(weeks))")
            }
            guard hours > 0, hours <= 80, hours.isFinite else {
                throw HandbookError.badArguments("--hours must be more than 0 and at most 80 (got \(hours))")
            }
            let chosen = try focus.map { name in
                guard let found = StudyPlan.Focus(rawValue: name) else {
                    throw HandbookError.badArguments(
                        "no focus '\(name)': use one of "
                            + StudyPlan.Focus.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return found
            }
            let store = ProgressStore(file: ProgressStore.defaultFile())
            let snapshot = store.read()
            if let problem = snapshot.problem {
                FileHandle.standardError.write(
                    Data(
                        "warning: \(store.file.path) is unreadable (\(problem)); planning as if nothing is done.\n".utf8
                    ))
            }
            let document = snapshot.document
            let done = Set(
                Catalogue.lessons.filter { document.isDone($0) }.map(\.id)
                    + Catalogue.exercises.filter { document.exercises[$0.id]?.passes ?? 0 > 0 }.map(\.id))
            let plan = StudyPlan.make(
                weeks: weeks, hoursPerWeek: hours, focus: chosen, lessons: Catalogue.lessons, facts: Catalogue.facts,
                exercises: Catalogue.exercises, done: done)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(plan), as: UTF8.self))
                return
            }
            print(Plan.render(plan, hours: hours, focus: chosen))
        }
    }

    static func duration(_ minutes: Int) -> String {
        minutes >= 60 ? "\(minutes / 60) h" + (minutes % 60 == 0 ? "" : " \(minutes % 60) min") : "\(minutes) min"
    }

    static func render(_ plan: StudyPlan, hours: Double, focus: StudyPlan.Focus?) -> String {
        let hoursText = hours == hours.rounded() ? "\(Int(hours))" : "\(hours)"
        var lines = [
            "Study plan: \(plan.weeks.count) week(s) × \(hoursText) h"
                + (focus.map { " (focus: \($0.rawValue))" } ?? "")
        ]
        if plan.fastTrack {
            lines.append(
                "Fast track: the budget cannot hold every lesson, so only essential lessons and their exercises are planned."
            )
        }
        if !plan.alreadyDone.isEmpty { lines.append("Already done (not planned again): \(plan.alreadyDone.count)") }
        for week in plan.weeks {
            lines.append("")
            lines.append("Week \(week.number) · \(duration(week.plannedMinutes)) of \(duration(week.budgetMinutes))")
            for item in week.items {
                let what: String
                switch item.kind {
                case .review: what = "swift run handbook review"
                case .mock: what = "a mock interview: an exercise you have not passed, no hints, against its clock"
                case .lesson: what = "\(item.id)  \(Catalogue.lesson(id: item.id)?.title ?? "")"
                case .exercise: what = "swift run handbook practice start \(item.id)"
                }
                let kind = item.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                let time = duration(item.minutes).padding(toLength: 11, withPad: " ", startingAt: 0)
                lines.append("  \(kind) \(time) \(what)")
            }
        }
        if !plan.leftOut.isEmpty {
            lines.append("")
            lines.append(
                "Did not fit: \(plan.leftOut.count) item(s), \(duration(plan.leftOut.reduce(0) { $0 + $1.minutes })) "
                    + "(next: \(plan.leftOut.prefix(3).map(\.id).joined(separator: ", ")))")
        }
        return lines.joined(separator: "\n")
    }
}
