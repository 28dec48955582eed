import Foundation
import HandbookCatalog

/// A study plan: lessons, their exercises, reviews and mock interviews laid
/// out week by week within a time budget, essentials first.
///
/// Pure: the catalogue facts, the budget and what is already done go in, the
/// weeks come out, so the arithmetic is tested without a clock or a store.
struct StudyPlan: Encodable, Equatable {
    enum Focus: String, CaseIterable, Encodable {
        case concurrency
        case systemDesign = "system-design"
        case algorithms
        case server

        /// The modules studied first under this focus.
        var modules: Set<String> {
            switch self {
            case .concurrency: ["HandbookAdvanced", "HandbookConcurrency", "HandbookMemory", "HandbookInternals"]
            case .systemDesign: ["HandbookPatterns", "HandbookSystemDesign"]
            case .algorithms: ["HandbookDataStructures", "HandbookAlgorithms", "HandbookLeetCode"]
            case .server: ["HandbookConcurrency", "HandbookPatterns", "HandbookSystemDesign"]
            }
        }
    }

    /// One thing to do, with its time.
    struct Item: Encodable, Equatable {
        enum Kind: String, Encodable {
            case lesson, exercise, review, mock
        }

        var kind: Kind
        /// A lesson or exercise id; empty for reviews and mocks.
        var id: String
        var minutes: Int
    }

    struct Week: Encodable, Equatable {
        var number: Int
        var budgetMinutes: Int
        var items: [Item]
        var plannedMinutes: Int { items.reduce(0) { $0 + $1.minutes } }

        enum CodingKeys: String, CodingKey {
            case number, budgetMinutes, items, plannedMinutes
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(budgetMinutes, forKey: .budgetMinutes)
            try container.encode(items, forKey: .items)
            try container.encode(plannedMinutes, forKey: .plannedMinutes)
        }
    }

    var weeks: [Week]
    /// Only essential lessons were planned: the budget could not hold them all plus the rest.
    var fastTrack: Bool
    /// Lessons and exercises that did not fit, in the order they would come next.
    var leftOut: [Item]
    /// Lessons and exercises the progress store marks as done; not planned again.
    var alreadyDone: [String]

    /// Minutes of review each week: a tenth of the budget, at least 20 (never more than the budget).
    static func reviewMinutes(budget: Int) -> Int { min(budget, max(20, budget / 10)) }
    static let mockMinutes = 60
    /// An exercise takes its interview budget plus a third for reading the reference after.
    static func exerciseMinutes(_ exercise: Exercise) -> Int { exercise.minutes + (exercise.minutes + 2) / 3 }

    /// Lays out the plan.
    ///
    /// Every week holds its review time first, and from the second week on
    /// (and always in the last week) a mock interview when the budget allows
    /// one besides the review; lessons, each followed by its exercises, fill
    /// the rest in order: the focus first, then essential (the seed's
    /// checklist lessons first), recommended, deep dive; within each, the
    /// phases take turns, each in learning-path order. An item that does not fit in the
    /// current week starts the next one; nothing is split. When the whole
    /// budget cannot hold every lesson, only essentials are planned (the fast
    /// track).
    ///
    /// - Precondition: `weeks >= 1` and `hoursPerWeek > 0` (the command
    ///   rejects anything else as bad input).
    static func make(
        weeks: Int, hoursPerWeek: Double, focus: Focus?, lessons: [Lesson], facts: [String: LessonFacts],
        exercises: [Exercise], done: Set<String>
    ) -> StudyPlan {
        precondition(weeks >= 1 && hoursPerWeek > 0, "a plan needs at least one week and some hours")
        let budget = Int((hoursPerWeek * 60).rounded(.down))
        // The seed's "must-master" checklist lessons lead their priority.
        func rank(_ lesson: Lesson) -> [Int] {
            let focused = focus.map { $0.modules.contains(lesson.module) } ?? false
            let priority = facts[lesson.id].map { LessonFacts.Priority.allCases.firstIndex(of: $0.priority)! } ?? 2
            return [focused ? 0 : 1, priority, lesson.checklist.isEmpty ? 1 : 0]
        }
        // Within one rank, the phases take turns (one lesson of phase 1, one
        // of phase 2, ...), each in learning-path order: a short plan still
        // touches concurrency, system design and algorithms, not only the
        // first phase.
        var turn: [String: Int] = [:]
        var seenInPhase: [String: Int] = [:]
        for lesson in lessons {
            let key = "\(rank(lesson))-\(lesson.phase)"
            turn[lesson.id] = seenInPhase[key, default: 0]
            seenInPhase[key, default: 0] += 1
        }
        let ordered = lessons.sorted { left, right in
            let (a, b) = (rank(left), rank(right))
            if a != b { return a.lexicographicallyPrecedes(b) }
            let (x, y) = (turn[left.id]!, turn[right.id]!)
            return x != y ? x < y : left.phase < right.phase
        }
        let exercisesOf = Dictionary(grouping: exercises, by: \.lesson)
        let lessonOf = Dictionary(exercises.map { ($0.id, $0.lesson) }, uniquingKeysWith: { first, _ in first })
        let alreadyDone = ordered.flatMap { lesson in
            [lesson.id] + (exercisesOf[lesson.id] ?? []).map(\.id)
        }.filter(done.contains)
        func enqueue(_ lessons: [Lesson]) -> [Item] {
            lessons.flatMap { lesson in
                let study = Item(kind: .lesson, id: lesson.id, minutes: facts[lesson.id]?.studyMinutes ?? 45)
                let practice = (exercisesOf[lesson.id] ?? []).map { exercise in
                    Item(kind: .exercise, id: exercise.id, minutes: exerciseMinutes(exercise))
                }
                return ([study] + practice).filter { !done.contains($0.id) }
            }
        }
        var shells: [Week] = (1...weeks).map { number in
            var items = [Item(kind: .review, id: "", minutes: reviewMinutes(budget: budget))]
            let room = budget - reviewMinutes(budget: budget)
            if (number >= 2 || number == weeks) && room >= mockMinutes * 2 {
                items.append(Item(kind: .mock, id: "", minutes: mockMinutes))
            }
            return Week(number: number, budgetMinutes: budget, items: items)
        }
        let capacity = shells.reduce(0) { $0 + max(0, $1.budgetMinutes - $1.plannedMinutes) }
        var queue = enqueue(ordered)
        let fastTrack = queue.reduce(0) { $0 + $1.minutes } > capacity
        if fastTrack { queue = enqueue(ordered.filter { facts[$0.id]?.priority == .essential }) }
        var leftOut: [Item] = []
        var week = 0
        var lessonsLeftOut: Set<String> = []
        for item in queue {
            // An exercise comes after its lesson, or not at all.
            if item.kind == .exercise, let lesson = lessonOf[item.id], lessonsLeftOut.contains(lesson) {
                leftOut.append(item)
                continue
            }
            // The first week from the current one with room; an item that fits
            // no week is left out without holding back the smaller ones after it.
            var target = week
            while target < shells.count && shells[target].plannedMinutes + item.minutes > budget { target += 1 }
            if target < shells.count {
                shells[target].items.append(item)
                week = target
            } else {
                leftOut.append(item)
                if item.kind == .lesson { lessonsLeftOut.insert(item.id) }
            }
        }
        return StudyPlan(weeks: shells, fastTrack: fastTrack, leftOut: leftOut, alreadyDone: alreadyDone)
    }
}
