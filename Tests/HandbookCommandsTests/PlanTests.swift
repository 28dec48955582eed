import ArgumentParser
import Foundation
import HandbookCatalog
import HandbookTestSupport
import PropertyBased
import Testing

@testable import HandbookCommands

/// `handbook plan`: the budget arithmetic, the order (focus, then
/// essentials), the fast track, done work, and bad input.
@Suite("Study plans")
struct PlanTests {
    func plan(
        weeks: Int, hours: Double, focus: StudyPlan.Focus? = nil, done: Set<String> = []
    ) -> StudyPlan {
        StudyPlan.make(
            weeks: weeks, hoursPerWeek: hours, focus: focus, lessons: Catalogue.lessons, facts: Catalogue.facts,
            exercises: Catalogue.exercises, done: done)
    }

    /// Few cases, one `#expect` each: see ReviewTests for why (ThreadSanitizer).
    @Test("random budgets: no week is over budget, every week reviews, nothing is planned twice or lost")
    func budgetArithmetic() async {
        await propertyCheck(count: 40, input: Gen.int(in: 1...52), Gen.int(in: 1...40)) { weeks, hours in
            let plan = plan(weeks: weeks, hours: Double(hours))
            var broken: [String] = []
            if plan.weeks.count != weeks { broken.append("\(plan.weeks.count) weeks") }
            for week in plan.weeks {
                if week.plannedMinutes > week.budgetMinutes { broken.append("week \(week.number) over budget") }
                if !week.items.contains(where: { $0.kind == .review }) {
                    broken.append("week \(week.number): no review")
                }
            }
            let planned = plan.weeks.flatMap(\.items).filter { $0.kind == .lesson || $0.kind == .exercise }.map(\.id)
            if Set(planned).count != planned.count { broken.append("an item planned twice") }
            let all = Catalogue.lessons.map(\.id) + Catalogue.exercises.map(\.id)
            if !plan.fastTrack && Set(planned + plan.leftOut.map(\.id)) != Set(all) { broken.append("an item lost") }
            #expect(broken.isEmpty, "\(weeks) weeks × \(hours) h: \(broken)")
        }
    }

    @Test(
        "4 weeks × 6 h is a fast track: essentials only, checklist first, every phase in turn, lessons before exercises"
    )
    func shortBudgetIsAFastTrack() {
        let plan = plan(weeks: 4, hours: 6)
        #expect(plan.fastTrack)
        let lessons = plan.weeks.flatMap(\.items).filter { $0.kind == .lesson }.map(\.id)
        #expect(!lessons.isEmpty)
        #expect(lessons.allSatisfy { Catalogue.facts[$0]?.priority == .essential })
        let checklist = Set(Catalogue.lessons.filter { !$0.checklist.isEmpty }.map(\.id))
        #expect(checklist.isSubset(of: Set(lessons)), "every must-master checklist lesson makes the cut")
        let firstOther = lessons.firstIndex { !checklist.contains($0) } ?? lessons.endIndex
        #expect(lessons[..<firstOther].count == checklist.count, "checklist lessons come first")
        let order = Catalogue.lessons.map(\.id)
        for phase in 1...4 {
            let inPhase = lessons[firstOther...].filter { Catalogue.lesson(id: $0)?.phase == phase }
            #expect(!inPhase.isEmpty, "a short plan still reaches phase \(phase)")
            #expect(inPhase == order.filter(inPhase.contains), "learning-path order within phase \(phase)")
        }
        let items = plan.weeks.flatMap(\.items)
        for (index, item) in items.enumerated() where item.kind == .exercise {
            let owner = Catalogue.exercise(withID: item.id)?.lesson
            #expect(items[..<index].contains { $0.id == owner }, "\(item.id) before its lesson")
        }
    }

    @Test("a long budget plans everything, essentials before recommended before deep dives")
    func longBudgetPlansAllByPriority() {
        let plan = plan(weeks: 52, hours: 20)
        #expect(!plan.fastTrack && plan.leftOut.isEmpty)
        let ranks = plan.weeks.flatMap(\.items).filter { $0.kind == .lesson }
            .compactMap { Catalogue.facts[$0.id]?.priority }
        #expect(ranks == ranks.sorted(), "priorities never go back")
        #expect(plan.weeks.count { $0.items.contains { $0.kind == .mock } } == 51, "a mock from week 2 on")
    }

    @Test("a focus comes first; done lessons and passed exercises are not planned again, and are listed")
    func focusAndDoneWork() {
        let done: Set<String> = ["concurrency.worker-pool", "worker-pool"]
        let plan = plan(weeks: 52, hours: 20, focus: .algorithms, done: done)
        let first = plan.weeks.flatMap(\.items).first { $0.kind == .lesson }
        #expect(
            first.flatMap { Catalogue.lesson(id: $0.id)?.module }.map(StudyPlan.Focus.algorithms.modules.contains)
                == true)
        let planned = Set(plan.weeks.flatMap(\.items).map(\.id))
        #expect(planned.isDisjoint(with: done))
        #expect(Set(plan.alreadyDone) == done)
    }

    @Test("bad input exits 2 with a message: zero weeks, a negative budget, an unknown focus")
    func badInput() throws {
        for arguments in [
            ["--weeks", "0", "--hours", "6"], ["--weeks", "4", "--hours=-3"],
            ["--weeks", "4", "--hours", "6", "--focus", "frontend"],
        ] {
            let command = try Plan.parse(arguments)
            #expect {
                try command.run()
            } throws: { error in
                (error as? ExitCode)?.rawValue == 2
            }
        }
    }
}
