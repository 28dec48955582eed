/// Actors and reentrancy: an actor runs one job at a time, but every `await`
/// inside it lets other calls in.
///
/// ```swift
/// let bank = ActorsAndReentrancy.ReentrantBank(balance: 100) { _ in await fraudCheck() }
/// async let a = try? bank.withdraw(80)
/// async let b = try? bank.withdraw(80)
/// _ = await (a, b)          // both can succeed: balance -60
/// ```
///
/// ## Why interviewers ask this
/// Actors are Swift's built-in answer to "Mutex or channel?": state with one
/// owner, accessed one call at a time, checked by the compiler. Candidates
/// who stop there fail the follow-up. An actor is *not* a lock held for the
/// whole method: at every `await` it may run another call (reentrancy), so a
/// check made before the `await` can be stale after it. The balance −60 bug
/// (``ReentrantBank``) is the classic whiteboard question.
///
/// ## Common pitfalls
/// - Check, `await`, act: the state checked before a suspension is not the
///   state after it. Re-validate after every `await` (``Bank``), or mutate
///   before suspending (reserve first, refund on failure).
/// - Deduplicating work with a "loading" flag but no shared `Task`: the
///   second caller either starts a duplicate load or has nothing to wait for.
///   Store the in-flight `Task` and let later callers await it
///   (``DedupingLoader``; the full version is `systemdesign.single-flight`).
/// - Assuming actor methods are atomic across awaits, or that actors keep
///   FIFO order of calls: they do not promise either.
/// - Using `assumeIsolated` as a cast. It checks at run time that the caller
///   is already on the actor's executor and traps if not ("Incorrect actor
///   executor assumption").
/// - Thinking `@MainActor` means a UI thread. On a Linux server it is one
///   more serial executor: its jobs go to the main Dispatch queue, which is
///   drained only by an `async` main (the runtime calls `dispatch_main()`) or
///   a run loop. A server whose *synchronous* main blocks (the classic NIO
///   `try channel.closeFuture.wait()`) never drains it, and every
///   `await MainActor.run {}` then hangs forever. Even when it is drained,
///   request handling on it serialises the whole service. Server targets keep
///   the default `nonisolated` isolation (never SE-0466's
///   `defaultIsolation(MainActor.self)`) and use their own actors where one
///   owner is needed.
///
/// ## Key takeaway
/// An actor serialises *jobs*, and a job ends at each `await`. Keep
/// check-and-mutate in one synchronous stretch, re-check after suspensions,
/// share in-flight work as a `Task`, and use an `isolated` parameter when a
/// helper must do several steps on the actor without hops.
///
/// ## Go → Swift
/// Go protects state with `sync.Mutex` (the seed's mutex lessons) or by
/// confining it to one goroutine fed by a channel. An actor is the second
/// pattern built into the language: the mailbox, the owner goroutine and the
/// "only touch it from there" rule are checked by the compiler. A Go mutex
/// held across a blocking call keeps others out; an actor's `await` lets
/// them in, which is why the reentrancy bug exists in Swift and not in the
/// Go version. For a short critical section with no `await`, a `Mutex` is
/// cheaper than an actor hop (see `concurrency.data-race-safety`).
public enum ActorsAndReentrancy {
    /// Why a withdrawal failed.
    public enum BankError: Error, Equatable, CustomStringConvertible {
        /// The amount was zero or negative.
        case invalidAmount(Int)
        /// The balance did not cover the amount.
        case insufficientFunds(balance: Int, requested: Int)
        /// The approval step said no.
        case declined(Int)

        public var description: String {
            switch self {
            case .invalidAmount(let amount): "amount must be positive, got \(amount)"
            case .insufficientFunds(let balance, let requested):
                "insufficient funds: balance \(balance), requested \(requested)"
            case .declined(let amount): "withdrawal of \(amount) declined"
            }
        }
    }

    /// An asynchronous approval step (a fraud check, a call to another
    /// service): the suspension point inside a withdrawal. Returns whether
    /// the amount is approved.
    ///
    /// `@concurrent`: with `NonisolatedNonsendingByDefault` a plain async
    /// function type would run on the bank actor that calls it, so a slow or
    /// CPU-heavy check would hold the actor. The reentrancy bug is the same
    /// either way: it comes from the suspension, not from where the check runs.
    public typealias Approval = @concurrent @Sendable (_ amount: Int) async -> Bool

    /// The pitfall: checks the balance, suspends for approval, then debits
    /// without looking again.
    public actor ReentrantBank {
        public private(set) var balance: Int
        private let approve: Approval

        public init(balance: Int, approve: @escaping Approval = { _ in true }) {
            self.balance = balance
            self.approve = approve
        }

        /// Withdraws `amount` and returns the new balance.
        ///
        /// - Throws: ``BankError``. The balance check happens *before* the
        ///   `await`, so two concurrent calls can both pass it.
        public func withdraw(_ amount: Int) async throws(BankError) -> Int {
            guard amount > 0 else { throw .invalidAmount(amount) }
            guard balance >= amount else { throw .insufficientFunds(balance: balance, requested: amount) }
            // Suspension point: the actor runs other calls while we wait here.
            guard await approve(amount) else { throw .declined(amount) }
            balance -= amount  // acts on a check that may be stale
            return balance
        }
    }

    /// The fix: the same flow, re-validating after the suspension.
    ///
    /// Reserving first (debit, then `await`, then refund if declined) works
    /// too and avoids approving a withdrawal that will fail anyway; what
    /// matters is that no decision crosses an `await` unchecked.
    public actor Bank {
        public private(set) var balance: Int
        private let approve: Approval

        public init(balance: Int, approve: @escaping Approval = { _ in true }) {
            self.balance = balance
            self.approve = approve
        }

        /// Withdraws `amount` and returns the new balance.
        ///
        /// - Throws: ``BankError``. The balance is checked again after the
        ///   approval `await`, in the same synchronous stretch as the debit.
        public func withdraw(_ amount: Int) async throws(BankError) -> Int {
            guard amount > 0 else { throw .invalidAmount(amount) }
            guard balance >= amount else { throw .insufficientFunds(balance: balance, requested: amount) }
            guard await approve(amount) else { throw .declined(amount) }
            guard balance >= amount else { throw .insufficientFunds(balance: balance, requested: amount) }
            balance -= amount
            return balance
        }

        /// Adds `amount` (no suspension, so it is atomic on the actor).
        ///
        /// - Precondition: `amount > 0`.
        public func deposit(_ amount: Int) {
            precondition(amount > 0, "deposit must be positive, got \(amount)")
            balance += amount
        }

        /// Reads the balance synchronously, for code that is *already*
        /// running on this actor's executor but cannot say so in its type
        /// (a callback from an executor you configured, a legacy
        /// synchronous hook).
        ///
        /// `nonisolated` lets anyone call it without `await`;
        /// `assumeIsolated` then checks at run time that the caller really is
        /// on the actor and traps with "Incorrect actor executor assumption"
        /// if not. It is an assertion, never a way onto the actor.
        public nonisolated func balanceAssumingIsolation() -> Int {
            assumeIsolated { $0.balance }
        }

        /// Takes a fee with no approval step: synchronous, so check and debit
        /// cannot be interleaved.
        ///
        /// - Throws: ``BankError`` for a non-positive fee or a short balance.
        public func charge(_ fee: Int) throws(BankError) -> Int {
            guard fee > 0 else { throw .invalidAmount(fee) }
            guard balance >= fee else { throw .insufficientFunds(balance: balance, requested: fee) }
            balance -= fee
            return balance
        }
    }

    /// Credits monthly interest and takes a fee from `bank` in one
    /// synchronous stretch.
    ///
    /// The `isolated` parameter makes this function part of the actor's
    /// isolation for the call: it reads and writes `balance` with no `await`
    /// between the steps, so no other call can interleave. Called from
    /// outside it costs one hop (`await`); called from code already on the
    /// actor it runs in place. Returns the actor it ran on (`#isolation`) so
    /// tests can see it.
    ///
    /// - Precondition: `percent > 0` and `fee > 0`.
    /// - Throws: ``BankError/insufficientFunds(balance:requested:)`` when the
    ///   fee exceeds the balance after interest (the interest stays credited).
    @discardableResult
    public static func applyMonthlyStatement(
        interestPercent percent: Int, fee: Int, to bank: isolated Bank
    ) throws(BankError) -> (balance: Int, ranOn: (any Actor)?) {
        precondition(percent > 0 && fee > 0, "percent and fee must be positive, got \(percent) and \(fee)")
        // Several steps on the actor and no `await` between them: nothing can interleave.
        let interest = max(bank.balance * percent / 100, 1)
        bank.deposit(interest)
        let balance = try bank.charge(fee)
        return (balance, #isolation)
    }

    /// A counter owned by an actor: concurrent increments never lose one.
    public actor HitCounter {
        public private(set) var hits = 0

        public init() {}

        public func increment() {
            hits += 1
        }
    }

    /// Loads a value once and shares the in-flight load with concurrent
    /// callers.
    ///
    /// The reentrancy trap it avoids: "if cached return it, else await load
    /// and cache" lets every caller that arrives during the `await` start its
    /// own load. Storing the `Task` *before* the first suspension makes later
    /// callers await the same work.
    public actor DedupingLoader<Value: Sendable> {
        private let load: @Sendable () async -> Value
        private let onJoin: @Sendable () -> Void
        private var cached: Value?
        private var inFlight: Task<Value, Never>?
        /// How many times `load` has been started.
        public private(set) var loadsStarted = 0

        /// - Parameter onJoin: called each time a caller joins the load in
        ///   flight instead of starting one (observability: a test parks on
        ///   it to know the callers really arrived *during* the load).
        public init(load: @escaping @Sendable () async -> Value, onJoin: @escaping @Sendable () -> Void = {}) {
            self.load = load
            self.onJoin = onJoin
        }

        /// Whether a load is running now; later callers will join it.
        public var hasLoadInFlight: Bool { inFlight != nil }

        /// The value, loading it at most once.
        public func value() async -> Value {
            if let cached { return cached }
            if let inFlight {
                onJoin()
                return await inFlight.value
            }
            loadsStarted += 1
            let task = Task { await load() }
            inFlight = task
            let value = await task.value
            cached = value
            inFlight = nil
            return value
        }
    }
}
