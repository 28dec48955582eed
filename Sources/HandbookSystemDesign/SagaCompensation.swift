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
/// // The hook persists the state AND the context (reservation id, payment id)
/// // before the saga moves on; if the write throws, no further step starts.
/// let order = try await checkout.run(newOrder) { state, order in try await sagaLog.save(state, order) }
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
/// - Keeping the saga's progress only in memory, or persisting it without the
///   ids the steps produced. The `onTransition` hook receives the state AND
///   the updated context after every event, because `resume` and the
///   idempotent compensations need the reservation and payment ids. (The
///   capstone service needs no such log: each of its steps leaves its own
///   durable trace, an order row with a lease token and a provider charge by
///   order id, and recovery decides from those; see its README.)
/// - Ignoring a failed write to the saga log (`try?`). The log is only the
///   durable truth if the saga waits for it: here a step starts only after
///   its `stepStarted` write succeeded, and a step counts as completed only
///   after its `stepCompleted` write did; otherwise the saga stops and
///   compensates (see ``run(_:onTransition:)``).
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

    /// Persists the saga: receives the state after every event and the
    /// context as it is then (after `stepCompleted`, the context the step
    /// returned, with the ids it produced). A thrown error is a failed write.
    public typealias TransitionHook = @Sendable (SagaState, Context) async throws -> Void

    /// Runs the steps in order and returns the final context; on failure or
    /// cancellation, compensates the completed steps in reverse and throws.
    ///
    /// Once the task is cancelled no further step starts (a step already
    /// running is told through its own cancellation checks); compensations
    /// still run, uncancelled.
    ///
    /// `onTransition` persists the state and context after every event; it
    /// runs in an uncancelled task too, so a cancelled request can still write
    /// its rollback. While running forward, the saga moves on only once a
    /// write succeeded:
    /// - if the `stepStarted` write fails, the step never runs: it is recorded
    ///   as failed and the completed steps are compensated;
    /// - if the `stepCompleted` write fails, the step did run but the log does
    ///   not say so: it is recorded as interrupted (as after a crash) and
    ///   compensated with the others, so no later step builds on an
    ///   unlogged one.
    ///
    /// The error is then a ``SagaLogWriteError`` in the ``SagaError/original``
    /// failure. While compensating, a failed write does NOT stop the undo
    /// (leaving a card charged to save a log line is worse): the saga goes on,
    /// and since every write carries the whole state, the next successful one
    /// catches the store up. If the LAST write fails, the store still shows
    /// the saga unfinished; `run` then throws
    /// ``SagaError/unpersisted(_:writeError:)``, and a recovery job that later
    /// calls ``resume(_:context:onTransition:)`` repeats the (idempotent)
    /// compensations.
    ///
    /// - Throws: ``SagaError/stepFailed(step:underlying:)`` when every
    ///   completed step was compensated (`underlying` is `CancellationError`
    ///   after cancellation, ``SagaLogWriteError`` after a failed write),
    ///   ``SagaError/compensationFailed(original:compensationErrors:)``, or
    ///   either wrapped in ``SagaError/unpersisted(_:writeError:)``.
    public func run(
        _ context: Context,
        onTransition: @escaping TransitionHook = { _, _ in }
    ) async throws -> Context {
        var context = context
        var state = makeState()
        var original: SagaError.StepFailure?
        var lastCompensationError: [Int: any Error] = [:]
        var unpersisted: SagaLogWriteError?

        while true {
            switch state.nextAction {
            case .runStep(let index):
                let step = steps[index]
                guard !Task.isCancelled else {
                    original = .init(step: step.name, error: CancellationError())
                    unpersisted = await record(
                        .stepFailed(step.name, reason: "cancelled before it started"), in: &state, context,
                        onTransition)
                    continue
                }
                do {
                    try await commit(.stepStarted(step.name), to: &state, context, onTransition)
                } catch {
                    original = .init(step: step.name, error: error)
                    unpersisted = await record(
                        .stepFailed(step.name, reason: "not started: \(error)"), in: &state, context, onTransition)
                    continue
                }
                do {
                    context = try await step.action(context)
                } catch {
                    original = .init(step: step.name, error: error)
                    unpersisted = await record(
                        .stepFailed(step.name, reason: "\(error)"), in: &state, context, onTransition)
                    continue
                }
                do {
                    try await commit(.stepCompleted(step.name), to: &state, context, onTransition)
                } catch {
                    original = .init(step: step.name, error: error)
                    unpersisted = await record(.stepInterrupted(step.name), in: &state, context, onTransition)
                }
            case .compensate(let index):
                let step = steps[index]
                unpersisted = await record(.compensationStarted(step.name), in: &state, context, onTransition)
                do {
                    try await Self.uncancelled(step.compensate, context)
                    unpersisted = await record(
                        .compensationCompleted(step.name), in: &state, context, onTransition)
                } catch {
                    lastCompensationError[index] = error
                    unpersisted = await record(
                        .compensationFailed(step.name, reason: "\(error)"), in: &state, context, onTransition)
                }
            case .finished:
                // `.completed` is reached only through a successful `commit`.
                guard state.phase != .completed else { return context }
                guard let original else { preconditionFailure("a saga compensates only after a step failed") }
                let failures = state.failedCompensations.map { index in
                    SagaError.CompensationFailure(
                        step: steps[index].name, error: lastCompensationError[index] ?? CancellationError())
                }
                let outcome =
                    failures.isEmpty
                    ? SagaError.stepFailed(step: original.step, underlying: original.error)
                    : SagaError.compensationFailed(original: original, compensationErrors: failures)
                if let unpersisted { throw SagaError.unpersisted(outcome, writeError: unpersisted) }
                throw outcome
            }
        }
    }

    /// Finishes a saga recovered from its persisted log after a crash: runs
    /// the compensations ``SagaState/recoverAfterCrash()`` scheduled and
    /// returns the final state. `context` is the last persisted context (what
    /// `onTransition` saved with the state), so compensations can find the
    /// ids the completed steps produced.
    ///
    /// Every compensation it runs may already have happened before the crash;
    /// they must be idempotent. As in ``run(_:onTransition:)``, a failed write
    /// does not stop the compensations.
    ///
    /// - Throws: ``SagaLogWriteError`` when the last write failed: the store
    ///   still shows the saga unfinished (its `state` is the final state to
    ///   write again), and recovery will run it again.
    public func resume(
        _ recovered: SagaState, context: Context,
        onTransition: @escaping TransitionHook = { _, _ in }
    ) async throws(SagaLogWriteError) -> SagaState {
        var state = recovered
        state.recoverAfterCrash()
        var unpersisted: SagaLogWriteError?
        while case .compensate(let index) = state.nextAction {
            let step = steps[index]
            unpersisted = await record(.compensationStarted(step.name), in: &state, context, onTransition)
            do {
                try await Self.uncancelled(step.compensate, context)
                unpersisted = await record(.compensationCompleted(step.name), in: &state, context, onTransition)
            } catch {
                unpersisted = await record(
                    .compensationFailed(step.name, reason: "\(error)"), in: &state, context, onTransition)
            }
        }
        if let unpersisted { throw unpersisted }
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

    /// Write-ahead: persists the state after `event`, and only then moves
    /// `state` on. A failed write leaves `state` as it was.
    private func commit(
        _ event: SagaEvent, to state: inout SagaState, _ context: Context, _ onTransition: @escaping TransitionHook
    ) async throws(SagaLogWriteError) {
        var next = state
        Self.apply(event, to: &next)
        if let failure = await Self.persist(next, event, context, onTransition) { throw failure }
        state = next
    }

    /// Moves `state` on whatever the write does (the saga is rolling back and
    /// must go on); returns the write's failure, `nil` once it succeeded.
    private func record(
        _ event: SagaEvent, in state: inout SagaState, _ context: Context, _ onTransition: @escaping TransitionHook
    ) async -> SagaLogWriteError? {
        Self.apply(event, to: &state)
        return await Self.persist(state, event, context, onTransition)
    }

    private static func apply(_ event: SagaEvent, to state: inout SagaState) {
        do {
            try state.apply(event)
        } catch {
            preconditionFailure("Saga drove its state machine wrongly: \(error)")
        }
    }

    /// Like a compensation, the write runs in an uncancelled task: a cancelled
    /// request's database driver would otherwise refuse to log its rollback.
    private static func persist(
        _ state: SagaState, _ event: SagaEvent, _ context: Context, _ onTransition: @escaping TransitionHook
    ) async -> SagaLogWriteError? {
        do {
            try await Task { try await onTransition(state, context) }.value
            return nil
        } catch {
            return SagaLogWriteError(event: event, state: state, underlying: error)
        }
    }
}

/// `onTransition` failed to persist the saga after `event`.
public struct SagaLogWriteError: Error, CustomStringConvertible {
    /// The event whose write failed.
    public let event: SagaEvent
    /// The state that was not written (write it again to catch the store up).
    public let state: SagaState
    public let underlying: any Error

    public init(event: SagaEvent, state: SagaState, underlying: any Error) {
        self.event = event
        self.state = state
        self.underlying = underlying
    }

    public var description: String { "saga log write failed after \"\(event)\": \(underlying)" }
}

/// One entry of a saga's log. The log is the saga's durable truth: replaying
/// it (``SagaState/init(stepNames:compensationAttempts:replaying:)``) rebuilds the state.
public enum SagaEvent: Sendable, Hashable, Codable, CustomStringConvertible {
    case stepStarted(String)
    case stepCompleted(String)
    /// The step did not complete (it threw, or never started because the saga was cancelled).
    case stepFailed(String, reason: String)
    /// A step whose outcome is unknown (a crash), or whose completion could
    /// not be logged: it is compensated as if it had completed.
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
    /// The saga rolled back (`outcome`), but its final state could not be
    /// written: the store still shows it unfinished, and a recovery job will
    /// resume it and repeat the idempotent compensations.
    indirect case unpersisted(_ outcome: SagaError, writeError: SagaLogWriteError)

    /// The step failure that started the rollback.
    public var original: StepFailure {
        switch self {
        case .stepFailed(let step, let underlying): StepFailure(step: step, error: underlying)
        case .compensationFailed(let original, _): original
        case .unpersisted(let outcome, _): outcome.original
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
        case .unpersisted(let outcome, let writeError):
            "\(outcome) (final state not persisted: \(writeError))"
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
