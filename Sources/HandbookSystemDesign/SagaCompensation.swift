/// A saga: a sequence of local steps, each paired with a compensation that
/// undoes it, run in order; when a step fails, the steps already done are
/// compensated in reverse.
///
/// ```swift
/// let checkout = try Saga<Order>(steps: [
///     .init(name: "reserve stock", action: { try await $0.with(reservation: stock.reserve($0.items)) },
///           compensate: { try await stock.release($0.reservation) }),
///     .init(name: "charge payment", action: { try await $0.with(payment: payments.charge($0.total)) },
///           compensate: { try await payments.refund($0.payment) }),
///     .init(name: "confirm", action: { try await orders.confirm($0) }, compensate: { _ in }),
/// ])
/// let order = try await checkout.run(newOrder) { state in try? await sagaLog.save(state) }
/// // payment declined → "reserve stock" is compensated, and run throws SagaError.stepFailed
/// ```
///
/// ## Why interviewers ask this
/// "Reserve stock, charge the card, confirm the order" spans services that
/// share no transaction, so there is no rollback: each step must be undone by
/// a business action (release, refund). The question tests whether you undo in
/// reverse, what happens when an undo fails, when the request is cancelled
/// half-way, and when the process dies between two steps.
///
/// ## Common pitfalls
/// - Compensating in the order the steps ran. Undo is a stack: a refund
///   must happen before the stock it paid for is released.
/// - Stopping at the first failed compensation. The others must still run;
///   the failures are collected (``SagaError/compensationFailed(original:compensationErrors:)``)
///   because they need a human or a repair job.
/// - Compensating inside the cancelled task. Cancellation is sticky: every
///   `Task.sleep`, HTTP client or database driver a compensation calls would
///   throw `CancellationError` at once and the undo never happens. This saga
///   runs each compensation in an unstructured `Task`, which does not inherit
///   cancellation. The trade-off: the caller can no longer cut a compensation
///   short, so compensations must be bounded (their own timeouts), and a
///   cancelled request takes as long as its undo.
/// - Non-idempotent compensations. After a crash the log only says "refund
///   started": it may or may not have happened, and recovery will run it
///   again (``SagaState/recoverAfterCrash()``). Refund by payment id, release
///   by reservation id, so the second call finds nothing to do.
/// - Keeping the saga's progress only in memory. Persist the log after every
///   transition (the `onTransition` hook); the service stores it next to the order.
///
/// ## Key takeaway
/// The ordering rules live in a value type, ``SagaState``: each event
/// (`stepCompleted`, `stepFailed`, `compensationFailed`…) is a pure transition,
/// and ``SagaState/nextAction`` says what to run next, so reverse order,
/// retries and crash recovery are tested without a single task. ``Saga`` is a
/// thin loop that performs the actions and records their outcomes. Steps must
/// be idempotent too, and the log must be persisted, or compensation is a hope.
///
/// ## Go → Swift
/// The Go seed's README promises "Saga pattern, compensation" and its
/// `orchestrator.go` has neither. Go would pass a `context.Context` to each
/// step and run compensations with `context.WithoutCancel(ctx)` (Go 1.21) so a
/// cancelled request can still undo; Swift's equivalent is a new unstructured
/// `Task`, which starts uncancelled. Go collects the errors with
/// `errors.Join`; here they are typed values inside ``SagaError``.
public struct Saga<Context: Sendable>: Sendable {
    /// One step: an action that returns the updated context, and the
    /// compensation that undoes it, given the latest context.
    public struct Step: Sendable {
        public let name: String
        public let action: @Sendable (Context) async throws -> Context
        public let compensate: @Sendable (Context) async throws -> Void

        public init(
            name: String,
            action: @escaping @Sendable (Context) async throws -> Context,
            compensate: @escaping @Sendable (Context) async throws -> Void
        ) {
            self.name = name
            self.action = action
            self.compensate = compensate
        }
    }

    public let steps: [Step]
    /// How many times a failing compensation is tried before it is reported.
    public let compensationAttempts: Int

    /// - Throws: ``SagaConfigurationError`` for no steps, an empty or
    ///   duplicate step name, or fewer than one compensation attempt.
    public init(steps: [Step], compensationAttempts: Int = 1) throws(SagaConfigurationError) {
        guard !steps.isEmpty else { throw SagaConfigurationError("a saga needs at least one step") }
        var seen: Set<String> = []
        for step in steps {
            guard !step.name.isEmpty else { throw SagaConfigurationError("step names must not be empty") }
            guard seen.insert(step.name).inserted else {
                throw SagaConfigurationError("step names must be unique (\"\(step.name)\" appears twice)")
            }
        }
        guard compensationAttempts >= 1 else {
            throw SagaConfigurationError("compensationAttempts must be at least 1 (got \(compensationAttempts))")
        }
        self.steps = steps
        self.compensationAttempts = compensationAttempts
    }

    /// A fresh state for this saga, ready for its first step.
    public func makeState() -> SagaState {
        SagaState(stepNames: steps.map(\.name), compensationAttempts: compensationAttempts)
    }

    /// Runs the steps in order and returns the final context; on failure or
    /// cancellation, compensates the completed steps in reverse and throws.
    ///
    /// Once the task is cancelled no further step starts (a step already
    /// running is told through its own cancellation checks); compensations
    /// still run, uncancelled. `onTransition` receives the state after every
    /// event: persist it there.
    ///
    /// - Throws: ``SagaError/stepFailed(step:underlying:)`` when every
    ///   completed step was compensated (`underlying` is `CancellationError`
    ///   after cancellation), or ``SagaError/compensationFailed(original:compensationErrors:)``.
    public func run(
        _ context: Context,
        onTransition: (SagaState) async -> Void = { _ in }
    ) async throws -> Context {
        var context = context
        var state = makeState()
        var original: SagaError.StepFailure?
        var lastCompensationError: [Int: any Error] = [:]

        while true {
            switch state.nextAction {
            case .runStep(let index):
                let step = steps[index]
                guard !Task.isCancelled else {
                    original = .init(step: step.name, error: CancellationError())
                    await record(
                        .stepFailed(step.name, reason: "cancelled before it started"), in: &state, onTransition)
                    continue
                }
                await record(.stepStarted(step.name), in: &state, onTransition)
                do {
                    context = try await step.action(context)
                    await record(.stepCompleted(step.name), in: &state, onTransition)
                } catch {
                    original = .init(step: step.name, error: error)
                    await record(.stepFailed(step.name, reason: "\(error)"), in: &state, onTransition)
                }
            case .compensate(let index):
                let step = steps[index]
                await record(.compensationStarted(step.name), in: &state, onTransition)
                do {
                    try await Self.uncancelled(step.compensate, context)
                    await record(.compensationCompleted(step.name), in: &state, onTransition)
                } catch {
                    lastCompensationError[index] = error
                    await record(.compensationFailed(step.name, reason: "\(error)"), in: &state, onTransition)
                }
            case .finished:
                guard state.phase != .completed else { return context }
                guard let original else { preconditionFailure("a saga compensates only after a step failed") }
                let failures = state.failedCompensations.map { index in
                    SagaError.CompensationFailure(
                        step: steps[index].name, error: lastCompensationError[index] ?? CancellationError())
                }
                if failures.isEmpty { throw SagaError.stepFailed(step: original.step, underlying: original.error) }
                throw SagaError.compensationFailed(original: original, compensationErrors: failures)
            }
        }
    }

    /// Finishes a saga recovered from its persisted log after a crash: runs
    /// the compensations ``SagaState/recoverAfterCrash()`` scheduled and
    /// returns the final state. `context` is the last persisted context.
    ///
    /// Every compensation it runs may already have happened before the crash;
    /// they must be idempotent.
    public func resume(
        _ recovered: SagaState, context: Context,
        onTransition: (SagaState) async -> Void = { _ in }
    ) async -> SagaState {
        var state = recovered
        state.recoverAfterCrash()
        while case .compensate(let index) = state.nextAction {
            let step = steps[index]
            await record(.compensationStarted(step.name), in: &state, onTransition)
            do {
                try await Self.uncancelled(step.compensate, context)
                await record(.compensationCompleted(step.name), in: &state, onTransition)
            } catch {
                await record(.compensationFailed(step.name, reason: "\(error)"), in: &state, onTransition)
            }
        }
        return state
    }

    /// Runs a compensation in a new unstructured task: it starts uncancelled
    /// even when the saga's task is cancelled, and awaiting its value does not
    /// propagate the cancellation to it.
    private static func uncancelled(
        _ compensate: @escaping @Sendable (Context) async throws -> Void, _ context: Context
    ) async throws {
        try await Task { try await compensate(context) }.value
    }

    private func record(
        _ event: SagaEvent, in state: inout SagaState, _ onTransition: (SagaState) async -> Void
    ) async {
        do {
            try state.apply(event)
        } catch {
            preconditionFailure("Saga drove its state machine wrongly: \(error)")
        }
        await onTransition(state)
    }
}

/// One entry of a saga's log. The log is the saga's durable truth: replaying
/// it (``SagaState/init(stepNames:compensationAttempts:replaying:)``) rebuilds the state.
public enum SagaEvent: Sendable, Hashable, Codable, CustomStringConvertible {
    case stepStarted(String)
    case stepCompleted(String)
    /// The step did not complete (it threw, or never started because the saga was cancelled).
    case stepFailed(String, reason: String)
    /// After a crash, a step whose outcome is unknown: it is compensated as if it had completed.
    case stepInterrupted(String)
    case compensationStarted(String)
    case compensationCompleted(String)
    case compensationFailed(String, reason: String)

    public var description: String {
        switch self {
        case .stepStarted(let step): "started \(step)"
        case .stepCompleted(let step): "completed \(step)"
        case .stepFailed(let step, let reason): "\(step) failed: \(reason)"
        case .stepInterrupted(let step): "\(step) interrupted"
        case .compensationStarted(let step): "compensating \(step)"
        case .compensationCompleted(let step): "compensated \(step)"
        case .compensationFailed(let step, let reason): "compensating \(step) failed: \(reason)"
        }
    }
}

/// The saga's state machine: a value whose transitions are pure functions of
/// the events in its log.
///
/// - Invariant: `completedSteps` holds the indices of the steps that have
///   completed and are not yet compensated, in the order they ran; while
///   compensating, the step being compensated is always its last element.
public struct SagaState: Sendable, Hashable, Codable {
    public enum Phase: Sendable, Hashable, Codable {
        /// Step `next` is the next to start (it may not start: cancellation).
        case pending(next: Int)
        case running(step: Int)
        /// All steps completed.
        case completed
        case compensating(step: Int)
        /// A step failed and every completed step was compensated.
        case compensated
        /// A step failed and at least one compensation failed for good.
        case compensationFailed
    }

    /// What the driver should do next.
    public enum Action: Sendable, Hashable {
        case runStep(Int)
        case compensate(Int)
        case finished
    }

    /// An event that makes no sense in the current phase: a driver bug.
    public struct InvalidTransition: Error, Hashable, CustomStringConvertible {
        public let event: SagaEvent
        public let phase: Phase

        public var description: String { "\(event) is not valid in phase \(phase)" }
    }

    public let stepNames: [String]
    public let compensationAttempts: Int
    public private(set) var phase: Phase
    public private(set) var completedSteps: [Int] = []
    /// Steps whose compensation failed `compensationAttempts` times, in the order they gave up.
    public private(set) var failedCompensations: [Int] = []
    /// Failed tries of the compensation in progress.
    public private(set) var compensationFailures = 0
    /// Every event applied, in order: what the service persists.
    public private(set) var log: [SagaEvent] = []

    /// - Precondition: `stepNames` is not empty and `compensationAttempts >= 1`
    ///   (``Saga/init(steps:compensationAttempts:)`` validates both).
    public init(stepNames: [String], compensationAttempts: Int = 1) {
        precondition(!stepNames.isEmpty && compensationAttempts >= 1, "validate the saga before making its state")
        self.stepNames = stepNames
        self.compensationAttempts = compensationAttempts
        self.phase = .pending(next: 0)
    }

    /// Rebuilds a state from a persisted log.
    ///
    /// - Throws: ``InvalidTransition`` if the log is not one this state machine produced.
    public init(stepNames: [String], compensationAttempts: Int = 1, replaying events: [SagaEvent])
        throws(InvalidTransition)
    {
        self.init(stepNames: stepNames, compensationAttempts: compensationAttempts)
        for event in events { try apply(event) }
    }

    public var nextAction: Action {
        switch phase {
        case .pending(let next): .runStep(next)
        case .running(let step): .runStep(step)
        case .compensating(let step): .compensate(step)
        case .completed, .compensated, .compensationFailed: .finished
        }
    }

    /// Applies one event.
    ///
    /// - Throws: ``InvalidTransition`` if `event` cannot happen now (a step
    ///   out of order, a compensation of a step that is not the latest).
    public mutating func apply(_ event: SagaEvent) throws(InvalidTransition) {
        let invalid = InvalidTransition(event: event, phase: phase)
        switch (phase, event) {
        case (.pending(let next), .stepStarted(let name)) where stepNames[next] == name:
            phase = .running(step: next)
        case (.running(let step), .stepCompleted(let name)) where stepNames[step] == name:
            completedSteps.append(step)
            phase = step + 1 < stepNames.count ? .pending(next: step + 1) : .completed
        case (.running(let step), .stepFailed(let name, _)) where stepNames[step] == name,
            (.pending(let step), .stepFailed(let name, _)) where stepNames[step] == name:
            phase = compensateNext()
        case (.running(let step), .stepInterrupted(let name)) where stepNames[step] == name:
            // It may have taken effect: undo it too (idempotently).
            completedSteps.append(step)
            phase = compensateNext()
        case (.compensating(let step), .compensationStarted(let name)) where stepNames[step] == name:
            break
        case (.compensating(let step), .compensationCompleted(let name)) where stepNames[step] == name:
            completedSteps.removeLast()
            compensationFailures = 0
            phase = compensateNext()
        case (.compensating(let step), .compensationFailed(let name, _)) where stepNames[step] == name:
            compensationFailures += 1
            if compensationFailures >= compensationAttempts {
                completedSteps.removeLast()
                failedCompensations.append(step)
                compensationFailures = 0
                phase = compensateNext()
            }
        default:
            throw invalid
        }
        log.append(event)
    }

    /// The phase after a failure or a finished compensation: the latest
    /// completed step is undone first.
    private func compensateNext() -> Phase {
        if let latest = completedSteps.last { return .compensating(step: latest) }
        return failedCompensations.isEmpty ? .compensated : .compensationFailed
    }

    /// Turns a state read back after a crash into one that can only roll
    /// back: a running step's outcome is unknown, so it is marked interrupted
    /// and compensated along with the others; a step that had not started is
    /// failed; a compensation in progress is run again. Finished states are
    /// unchanged.
    ///
    /// Rolling forward instead (re-running the interrupted step) is also valid
    /// when every step is idempotent; rolling back is the simpler guarantee.
    public mutating func recoverAfterCrash() {
        switch phase {
        case .running(let step):
            log.append(.stepInterrupted(stepNames[step]))
            completedSteps.append(step)
            phase = compensateNext()
        case .pending(let next):
            log.append(.stepFailed(stepNames[next], reason: "interrupted by a crash before it started"))
            phase = compensateNext()
        case .compensating, .completed, .compensated, .compensationFailed:
            break
        }
    }
}

/// How a saga failed.
public enum SagaError: Error, CustomStringConvertible {
    /// A step that failed, and why.
    public struct StepFailure: Sendable, CustomStringConvertible {
        public let step: String
        public let error: any Error

        public init(step: String, error: any Error) {
            self.step = step
            self.error = error
        }

        public var description: String { "\(step) failed: \(error)" }
    }

    /// A compensation that failed on every attempt.
    public struct CompensationFailure: Sendable, CustomStringConvertible {
        public let step: String
        public let error: any Error

        public init(step: String, error: any Error) {
            self.step = step
            self.error = error
        }

        public var description: String { "compensating \(step) failed: \(error)" }
    }

    /// `step` failed (or, with `CancellationError`, the saga was cancelled
    /// there) and every completed step was compensated: nothing is left half-done.
    case stepFailed(step: String, underlying: any Error)
    /// `original` failed and some compensations failed too, in the order they
    /// were tried (reverse step order). The system is inconsistent: alert or
    /// queue a repair.
    case compensationFailed(original: StepFailure, compensationErrors: [CompensationFailure])

    /// The step failure that started the rollback.
    public var original: StepFailure {
        switch self {
        case .stepFailed(let step, let underlying): StepFailure(step: step, error: underlying)
        case .compensationFailed(let original, _): original
        }
    }

    /// Whether the saga stopped because its task was cancelled.
    public var isCancellation: Bool { original.error is CancellationError }

    public var description: String {
        switch self {
        case .stepFailed(let step, let underlying):
            "saga rolled back: \(step) failed: \(underlying)"
        case .compensationFailed(let original, let errors):
            "saga left inconsistent: \(original); " + errors.map(\.description).joined(separator: "; ")
        }
    }
}

/// A saga that cannot run, with a message naming the problem.
public struct SagaConfigurationError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
