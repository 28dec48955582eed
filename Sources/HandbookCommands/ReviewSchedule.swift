import Foundation

/// When to see a review card again: SM-2 (SuperMemo 2, the scheduler Anki
/// grew from), with Anki's four buttons.
///
/// Why SM-2 and not a Leitner box: Leitner moves a card between a handful of
/// fixed boxes, so every well-known card converges on the last box's interval
/// and hard cards look the same as easy ones. SM-2 keeps a per-card ease
/// factor, so intervals grow geometrically at the rate the learner shows
/// for *that* card, and its rules are short enough to state and test:
///
/// - **again**: the card was forgotten. It is due again now (the same
///   session), its streak restarts, and its ease drops by 0.2 (floor 1.3).
/// - **hard**: remembered with effort. Interval × 1.2 (at least one day
///   more than before), ease − 0.15.
/// - **good**: the first success is 1 day, the second 6 days, then
///   interval × ease.
/// - **easy**: good's interval × 1.3, and ease + 0.15. The first is 4 days.
///
/// The schedule is a pure function of the state, the grade and the time,
/// so it is tested without a clock.
enum ReviewSchedule {
    enum Grade: Int, CaseIterable, Codable, Sendable {
        case again = 1
        case hard
        case good
        case easy
    }

    /// One card's schedule, saved in the progress store.
    struct State: Codable, Equatable, Sendable {
        /// Days until the next review after the last one (0 before the first success).
        var intervalDays: Double = 0
        /// SM-2's ease factor: how fast the interval grows. Starts at 2.5, never below 1.3.
        var ease: Double = 2.5
        /// Successful reviews in a row.
        var streak = 0
        /// How often the card was forgotten.
        var lapses = 0
        /// Reviews of any grade.
        var reviews = 0
        var due: Date
        var lastReviewed: Date?

        init(due: Date) { self.due = due }

        /// Tolerant, like every progress entry: a missing field takes its default.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            intervalDays = try container.decodeIfPresent(Double.self, forKey: .intervalDays) ?? 0
            ease = try container.decodeIfPresent(Double.self, forKey: .ease) ?? 2.5
            streak = try container.decodeIfPresent(Int.self, forKey: .streak) ?? 0
            lapses = try container.decodeIfPresent(Int.self, forKey: .lapses) ?? 0
            reviews = try container.decodeIfPresent(Int.self, forKey: .reviews) ?? 0
            due = try container.decodeIfPresent(Date.self, forKey: .due) ?? .distantPast
            lastReviewed = try container.decodeIfPresent(Date.self, forKey: .lastReviewed)
        }
    }

    static let minimumEase = 1.3
    static let day: TimeInterval = 86_400

    /// The state after grading a card at `now`; `state` is nil for a new card.
    static func next(after state: State?, grade: Grade, at now: Date) -> State {
        var next = state ?? State(due: now)
        next.reviews += 1
        next.lastReviewed = now
        switch grade {
        case .again:
            next.streak = 0
            next.lapses += 1
            next.intervalDays = 0
            next.ease = max(minimumEase, next.ease - 0.2)
            next.due = now
            return next
        case .hard:
            next.ease = max(minimumEase, next.ease - 0.15)
            next.intervalDays = max(next.intervalDays * 1.2, next.intervalDays + 1)
        case .good:
            next.intervalDays = goodInterval(after: next)
        case .easy:
            // Never sooner than "good" would be (a property test found the
            // second step 1 × ease × 1.3 ≈ 3 days, below good's 6).
            next.intervalDays = next.streak == 0 ? 4 : goodInterval(after: next) * 1.3
            next.ease += 0.15
        }
        next.streak += 1
        next.due = now.addingTimeInterval(next.intervalDays * day)
        return next
    }

    /// SM-2's interval after a success graded "good": 1 day, then 6, then
    /// the interval times the ease; always at least a day longer than before.
    private static func goodInterval(after state: State) -> Double {
        switch state.streak {
        case 0: 1
        case 1: max(6, state.intervalDays + 1)
        default: max(state.intervalDays * state.ease, state.intervalDays + 1)
        }
    }

    /// Whether a card is due at `now`: never seen, or its due time has come.
    static func isDue(_ state: State?, at now: Date) -> Bool {
        guard let state else { return true }
        return state.due <= now
    }
}
