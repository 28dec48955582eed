extension Catalogue {
    /// Phase 2: the concurrency primitives an interviewer asks you to write (channels, pools, locks, bridges).
    static let concurrencyExercises: [Exercise] = [
        Exercise(
            id: "bounded-channel",
            lesson: "concurrency.bounded-channel",
            file: "Sources/HandbookConcurrency/BoundedChannel.swift",
            blanks: [
                "public mutating func send(_ element: Element, id: Int, sender: Sender, isCancelled: Bool) -> SendAction",
                "public mutating func receive(id: Int, receiver: Receiver, isCancelled: Bool) -> ReceiveAction",
                "public mutating func finish() -> (senders: [Sender], receivers: [Receiver])",
            ],
            prompt: """
                Write the pure transitions of BoundedChannel.StateMachine: send(_:id:sender:isCancelled:), \
                receive(id:receiver:isCancelled:) and finish(). They only update the buffer and the FIFO queues of \
                parked senders (each with its element) and parked receivers, and return the action the class \
                performs after unlocking; the lock, the continuations and the cancellation handlers are given. The \
                tests check that a send goes straight to a parked receiver, that exactly capacity values are \
                buffered before a sender parks (capacity 0 is a rendezvous), that a receive from a full buffer \
                moves the oldest parked sender's element in and releases that sender, that a cancelled task \
                neither sends nor receives, and that after finish() every parked waiter is handed back, new sends \
                are rejected and buffered values still drain before receive reports .finished. send and receive \
                are O(1) amortized, finish() is O(parked waiters); end each transition with checkInvariants(), as \
                the other transitions do.
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "Which waiters can coexist with buffered values? Parked senders can (the buffer is full); a "
                    + "receiver parks only when there is nothing at all to take.",
                "send: finished? cancelled? then pop a parked receiver and hand it the element; else append "
                    + "to the buffer if buffer.count < capacity; else park (id, sender, element). receive: "
                    + "cancelled? then pop the buffer and refill it from the oldest parked sender; with an empty "
                    + "buffer take the element straight from a parked sender; then .finished if finished, else "
                    + "park.",
                "finish(): set isFinished, return the parked senders and receivers (without their ids and "
                    + "elements), empty both queues, and leave the buffer alone.",
            ]),
        Exercise(
            id: "worker-pool",
            lesson: "concurrency.worker-pool",
            file: "Sources/HandbookConcurrency/WorkerPool.swift",
            blanks: [
                """
                public static func map<Job: Sendable, Output: Sendable>(
                        _ jobs: [Job],
                        limit: Int,
                        _ work: @escaping @Sendable (Job) async throws -> Output
                    ) async throws -> [Output]
                """,
                """
                public static func mapCollectingErrors<Job: Sendable, Output: Sendable>(
                        _ jobs: [Job],
                        limit: Int,
                        _ work: @escaping @Sendable (Job) async throws -> Output
                    ) async throws(WorkerPoolError) -> [Result<Output, any Error>]
                """,
            ],
            prompt: """
                Write WorkerPool.map(_:limit:_:) and mapCollectingErrors(_:limit:_:): run work on every job with \
                at most limit jobs in flight, from one task group (one child per job, but never more than limit at \
                once: a sliding window, not all jobs at the start), and return the \
                outputs in input order. A limit below 1 throws WorkerPoolError.invalidLimit(limit). map is \
                fail-fast: the first job error cancels the running jobs, starts no new one and is rethrown; \
                mapCollectingErrors lets every job run and returns one Result per job. Once the calling task is \
                cancelled no further job starts: map returns the outputs of the jobs that ran (a prefix of the \
                input) if they complete anyway, or rethrows the CancellationError a job throws. The tests measure \
                the bound exactly (peak in flight == limit) and check strict input order with a single worker.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "How can the loop know that a worker is free, without a semaphore? The group tells you: "
                    + "group.next() returns when a child finishes.",
                "A sliding window: add the first limit children; before adding each further job, await "
                    + "group.next() and store its (index, output) in an array of optionals; check Task.isCancelled "
                    + "before every addTask; after the loop, drain the remaining children.",
                "mapCollectingErrors: a non-throwing withTaskGroup whose children catch their own error and "
                    + "return (index, .failure(error)), so one failure cancels nothing.",
            ]),
        Exercise(
            id: "fan-out-fan-in",
            lesson: "concurrency.fan-out-fan-in",
            file: "Sources/HandbookConcurrency/FanOutFanIn.swift",
            blanks: [
                """
                public static func results<Job: Sendable, Output: Sendable>(
                        _ jobs: [Job],
                        workers: Int,
                        transform: @escaping @Sendable (Job) async -> Output
                    ) throws(ConfigurationError) -> AsyncStream<Indexed<Output>>
                """
            ],
            prompt: """
                Write FanOutFanIn.results(_:workers:transform:): hand each job to exactly one of workers \
                concurrent workers and stream every result back as an Indexed value (its job's position and the \
                output), in completion order; process and processInOrder are built on it. Fewer than 1 worker \
                throws ConfigurationError(workers:) before anything starts. The stream finishes only after every \
                worker has finished, and when the consumer is cancelled (or drops the stream) every worker is \
                cancelled and no further job starts. The tests check that each of 100 jobs runs exactly once, that \
                4 workers really run at once, empty input, more workers than jobs, and the cancellation path with \
                a manual clock.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "Go's shape is one jobs channel that N goroutines range over, plus a results channel closed "
                    + "after wg.Wait(). Which Swift types play those parts?",
                "Fill an AsyncStream of (index, job) up front and finish it. In a Task, run a discarding task "
                    + "group with workers children that each for-await over that one shared stream and yield "
                    + "Indexed results into a second stream; finish the results stream after the group.",
                "Set the results continuation's onTermination to cancel that Task, and check Task.isCancelled "
                    + "inside the worker loop: a finished AsyncStream still hands out what it buffered.",
            ]),
        Exercise(
            id: "select-and-racing",
            lesson: "concurrency.select-and-racing",
            file: "Sources/HandbookConcurrency/SelectAndRacing.swift",
            blanks: [
                """
                public static func race<T: Sendable>(
                        _ first: @escaping @Sendable () async throws -> T,
                        _ second: @escaping @Sendable () async throws -> T
                    ) async throws -> T
                """,
                """
                public static func value<T: Sendable, C: Clock<Duration>>(
                        timeout: Duration,
                        clock: C,
                        operation: @escaping @Sendable () async -> T
                    ) async -> T?
                """,
            ],
            prompt: """
                Write SelectAndRacing.race(_:_:) and value(timeout:clock:operation:), the Swift replacements for \
                Go's select. race runs both operations concurrently and returns the value, or throws the error, of \
                whichever finishes first; the loser is cancelled and has finished before race returns. value \
                returns the operation's result, or nil if timeout passes first on the injected clock; the loser \
                (the operation or the timer) is cancelled and awaited. The tests drive a ManualClock: no time \
                passes when the fast side wins, the loser's cancellation handler runs, an error thrown first \
                decides the race, and no sleeper is left behind.
                """,
            difficulty: .medium, minutes: 15,
            hints: [
                "A task group waits for all of its children before it returns. What must you do so it does "
                    + "not wait 60 seconds for the loser?",
                "One child per case; take the first group.next() and cancel the rest with defer { "
                    + "group.cancelAll() }.",
                "For the timeout, use a group of T? children: the operation, and a timer that runs try? await "
                    + "clock.sleep(for: timeout) and returns nil.",
            ]),
        Exercise(
            id: "atomics",
            lesson: "concurrency.atomics",
            file: "Sources/HandbookConcurrency/Atomics.swift",
            blanks: [
                "public func increment() -> Int",
                "public func record(_ candidate: Int, beforeExchange: () -> Void = {})",
                "public func publish(_ value: Payload)",
                "public func take() -> Payload?",
            ],
            prompt: """
                Write four lock-free pieces with Synchronization.Atomic: Counter.increment() adds one and returns \
                the new count; Maximum.record(_:beforeExchange:) raises the stored maximum to candidate if it is \
                larger, with a compare-and-swap loop that calls beforeExchange before every exchange attempt; \
                Mailbox.publish(_:) and take() hand a payload written to raw memory from one thread to others \
                through the empty/writing/ready state. A second publish must trap with a message containing \
                "publish called twice", and take returns nil, without waiting, until the payload is ready. The \
                tests check exact counts from 8 tasks, the concurrent max against values.max(), that a lost \
                exchange retries against the value now there, and 1000 payloads crossing threads; a wrong memory \
                ordering is caught reliably only under swift test --sanitize=thread (on x86-64 it never shows \
                otherwise).
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Load, add, store loses updates under concurrency. Which single operation reads and writes at "
                    + "once? And for the max, what do you do when compareExchange reports exchanged == false?",
                "increment: wrappingAdd(1, ordering: .relaxed).newValue. record: load the current value; "
                    + "while candidate > current, call beforeExchange(), try compareExchange(expected: current, "
                    + "desired: candidate), return if it exchanged, else continue with current = original.",
                "publish: claim empty -> writing with compareExchange and a precondition on the result, "
                    + "initialize the pointer, then store ready with .releasing. take: load the state with "
                    + ".acquiring and read pointee only when it is ready.",
            ]),
        Exercise(
            id: "locks-and-mutex",
            lesson: "concurrency.locks-and-mutex",
            file: "Sources/HandbookConcurrency/LocksAndMutex.swift",
            blanks: [
                "public func read<Result>(_ body: (Value) throws -> Result) rethrows -> Result",
                "public func write<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result",
                "public func tryRead<Result>(_ body: (Value) throws -> Result) rethrows -> Result?",
                "public func tryWrite<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result?",
                "public static func transfer(_ amount: Int, from: Account, to: Account)",
            ],
            prompt: """
                Write the four accessors of LocksAndMutex.ReadWriteLock (read, write, tryRead, tryWrite) over the \
                pthread_rwlock_t its initializer sets up, and transfer(_:from:to:), which moves amount between two \
                accounts, each guarded by its own Mutex, without ever deadlocking. read and tryRead give shared \
                access (a second reader gets in while one reads), write and tryWrite exclusive access; the try \
                variants return nil at once instead of waiting, and every path unlocks, even when body throws. \
                transfer must take both locks in one global order (lower account id first, whatever the \
                direction); the test runs 10 000 transfers each way on two threads and checks that the balances \
                add up. transferLockingInArgumentOrder, left in the file, is the deadlocking pitfall to contrast \
                with.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Which pthread calls lock for readers, for a writer, and which return at once instead of "
                    + "blocking? One call unlocks both kinds.",
                "pthread_rwlock_rdlock or _wrlock, then defer { pthread_rwlock_unlock(lock) } and return try "
                    + "body(value) (&value for write). The try variants guard pthread_rwlock_tryrdlock(lock) == 0 "
                    + "(or _trywrlock) else return nil.",
                "transfer: pick (first, second) by id, nest second.balance.withLock inside "
                    + "first.balance.withLock, and add or subtract depending on which of the two is from.",
            ]),
        Exercise(
            id: "continuations-bridging",
            lesson: "concurrency.continuations-bridging",
            file: "Sources/HandbookConcurrency/ContinuationsBridging.swift",
            blanks: [
                "public mutating func waiterArrived(_ waiter: Waiter) -> ArrivalAction",
                "public mutating func operationStarted() -> StartedAction",
                "public mutating func cancelled() -> CancelAction",
                "public mutating func operationCompleted() -> CompletionAction",
                """
                public static func run<Operation: CancellableOperation>(_ operation: Operation) async throws
                        -> Operation.Value
                """,
            ],
            prompt: """
                Write ContinuationsBridging.run(_:), which awaits a callback-based CancellableOperation and \
                honours task cancellation, and the four transitions of the pure state machine behind it, \
                BridgeState (waiterArrived, operationStarted, cancelled, operationCompleted); its State cases and \
                action enums are given. Cancelling the waiting task resumes it at once with CancellationError and \
                calls operation.cancel() exactly once, and only after start has returned; a task cancelled before \
                the call throws without starting the operation; a completion that arrives after cancellation is \
                ignored, never a second resume. The tests drive the machine directly with string waiters (cancel \
                before arrival, while starting, while running, completion inside start) and the bridge with a \
                controlled operation on a serial executor.
                """,
            difficulty: .hard, minutes: 40,
            hints: [
                "The onCancel handler may run before the continuation exists, while start is still running, "
                    + "or after the completion. What must the state remember so each late event knows what is left "
                    + "to do?",
                "Arrival: idle -> starting (start the operation); cancelledBeforeStart -> resume with "
                    + "cancellation. Start returned: starting -> running; cancelledWhileStarting -> finished, "
                    + "cancel the operation now; otherwise nothing (it may have completed inside start). Cancel: "
                    + "idle -> cancelledBeforeStart; starting -> cancelledWhileStarting and resume; running -> "
                    + "finished, resume and cancel. Completion: starting or running -> finished and resume with the "
                    + "result; cancelledWhileStarting -> finished, with nothing left to resume or cancel; in every "
                    + "other state an event does nothing.",
                "run: withTaskCancellationHandler { try await withCheckedThrowingContinuation { ... } } "
                    + "onCancel: { ... }, with the machine in the Mutex of a BridgeStorage shared by both closures; "
                    + "decide inside withLock, resume and cancel outside it.",
            ]),
        Exercise(
            id: "async-sequence-backpressure",
            lesson: "concurrency.async-sequence-backpressure",
            file: "Sources/HandbookConcurrency/AsyncSequenceBackpressure.swift",
            blanks: [
                """
                public static func forEach<Base: AsyncSequence & Sendable>(
                        _ base: Base,
                        bufferingUpTo limit: Int,
                        _ body: (Base.Element) async throws -> Void
                    ) async throws
                """
            ],
            prompt: """
                Write AsyncSequenceBackpressure.forEach(_:bufferingUpTo:_:), the hand-built equivalent of \
                base.buffer(policy: .bounded(limit)): a producer child task pumps base into a bounded buffer while \
                the caller runs body on each element, in order. While the consumer is busy the producer gets limit \
                elements ahead but never more than limit + 1 (the test holds the consumer on element 0 and runs \
                the same scenario through async-algorithms' buffer). The first error from base or body is rethrown \
                after the producer has stopped, so no task outlives the call; the test allows at most limit \
                elements produced beyond a failing one. A limit below 1 is a precondition failure.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Which type in this module already makes a producer wait while its buffer is full?",
                "A BoundedChannel with capacity limit - 1 (the pump holds one more element while it waits in "
                    + "send). In a throwing task group, add a child that sends every element of base and finishes "
                    + "the channel in a defer; the body of the group for-awaits over the channel.",
                "When body throws, finish the channel before rethrowing: a producer parked in send then "
                    + "throws BoundedChannelError.finished and the group can end. After the loop, try await "
                    + "group.waitForAll(): a group drops the error of a child nobody awaits, so an error from base "
                    + "would be lost.",
            ]),
        Exercise(
            id: "actors-and-reentrancy",
            lesson: "concurrency.actors-and-reentrancy",
            file: "Sources/HandbookConcurrency/ActorsAndReentrancy.swift",
            blanks: [
                """
                so two concurrent calls can both pass it.
                        public func withdraw(_ amount: Int) async throws(BankError) -> Int
                """,
                """
                in the same synchronous stretch as the debit.
                        public func withdraw(_ amount: Int) async throws(BankError) -> Int
                """,
                "public func value() async -> Value",
            ],
            prompt: """
                Write ReentrantBank.withdraw(_:) and Bank.withdraw(_:), which both reject a non-positive amount \
                (invalidAmount), check the balance (insufficientFunds, before asking for approval), await the \
                approval step (declined) and debit, returning the new balance; and DedupingLoader.value(). \
                ReentrantBank is the pitfall the tests expect: it checks only before the await, so two concurrent \
                withdraw(80) on 100 both succeed and leave -60. Bank re-checks the balance after the approval \
                await: the test parks the first withdraw(80) in approval and runs a second withdraw(80) to the end \
                meanwhile; the second must return 20, and the first must then throw insufficientFunds(balance: \
                20, requested: 80). (Reserving before the await, the other fix the file mentions, makes the \
                parked call win instead and fails this test.) value() loads at most once: \
                callers arriving during the load join it (calling onJoin each time) instead of starting their own, \
                loadsStarted counts the loads, and hasLoadInFlight is true from the first suspension until the \
                load ends.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "An actor runs one job at a time, but a job ends at every await. What can another call change "
                    + "while withdraw waits for approval?",
                "Bank: check the balance again right after the await, in the same synchronous stretch as the "
                    + "debit.",
                "DedupingLoader: return cached if set; if a Task is in flight, call onJoin() and await its "
                    + "value; otherwise count the load, store Task { await load() } in inFlight before the first "
                    + "await, then cache the value and clear inFlight.",
            ]),
        Exercise(
            id: "object-pooling",
            lesson: "memory.object-pooling",
            file: "Sources/HandbookMemory/ObjectPooling.swift",
            blanks: [
                "public func get() -> Object",
                "public func put(_ object: Object)",
            ],
            prompt: """
                Write ObjectPool.get() and put(_:). get takes an idle object (the most recently returned one) or \
                makes a new one with factory; put resets the object and keeps it for reuse unless maxIdle objects \
                are already idle, in which case it drops it so that ARC frees it. Both keep the counters in the \
                Mutex-protected State up to date: createdCount, checkedOutCount, peakCheckedOutCount and \
                droppedCount. The tests check that 13 leases with at most 3 at once create exactly 3 objects, that \
                100 concurrent borrowers never share one, that 10 returns into maxIdle 4 keep 4 and drop 6, and \
                that a reused buffer comes back empty with its capacity kept. Call factory and reset outside the \
                lock: they may be slow. After 100 concurrent leases the tests also require createdCount == \
                peakCheckedOutCount, so count the checkout and pop an idle object (or count a creation) in one \
                withLock.
                """,
            difficulty: .easy, minutes: 15,
            hints: [
                "What must happen under the lock, and what must not? The factory is assumed to be slow: that "
                    + "is why you pool.",
                "get: inside withLock, bump checkedOut and the peak, then pop the last idle object, or count "
                    + "a creation and return nil; outside the lock, return the reused object or call factory().",
                "put: reset(object) first; then, inside withLock, decrement checkedOut and append to idle "
                    + "only while idle.count < maxIdle, otherwise count a drop.",
            ]),
        Exercise(
            id: "task-and-resource-leaks",
            lesson: "memory.task-and-resource-leaks",
            file: "Sources/HandbookMemory/TaskAndResourceLeaks.swift",
            blanks: [
                """
                public static func sum<C: Clock<Duration>>(
                        of stream: AsyncStream<Int>,
                        timeout: Duration,
                        clock: C,
                        onConsumerExit: @escaping @Sendable (Int) -> Void = { _ in }
                    ) async -> Outcome
                """,
                """
                public static func leakySum<C: Clock<Duration>>(
                        of stream: AsyncStream<Int>,
                        timeout: Duration,
                        clock: C,
                        onConsumerExit: @escaping @Sendable (Int) -> Void = { _ in }
                    ) async -> Outcome
                """,
                """
                public final class LeakyTicker: Sendable {
                        private let ticks = Atomic(0)
                        private let task = Mutex<Task<Void, Never>?>(nil)

                        public init<C: Clock<Duration>>(
                            every interval: Duration, clock: C, onTick: @escaping @Sendable (Int) -> Void
                        )
                """,
                """
                public final class Ticker: Sendable {
                        private let ticks = Atomic(0)
                        private let task = Mutex<Task<Void, Never>?>(nil)

                        public init<C: Clock<Duration>>(
                            every interval: Duration, clock: C, onTick: @escaping @Sendable (Int) -> Void
                        )
                """,
            ],
            prompt: """
                Write TaskAndResourceLeaks.sum(of:timeout:clock:onConsumerExit:), its pitfall leakySum (the same \
                race, but the consumer runs in an unstructured Task: on timeout it returns .timedOut while the \
                consumer keeps waiting on the stream until somebody finishes it) and the initializers of \
                LeakyTicker and Ticker. sum adds up the stream's values, racing timeout on clock: .sum when the \
                stream finishes first, .timedOut otherwise; on timeout the consumer has exited before sum returns \
                (onConsumerExit was called and the stream was terminated as cancelled). Each ticker's init starts \
                a loop that sleeps interval on clock and then calls onTick with the new tick count, and stores the \
                task so that shutdown() and deinit can cancel it. LeakyTicker is the pitfall the tests expect: its \
                loop holds self strongly, so it is never deinitialized and keeps ticking; Ticker must let go, so \
                that dropping the last reference runs deinit and cancels the sleeping loop.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "Who cancels and awaits a task that nobody holds? And who keeps an object alive while its own "
                    + "task runs?",
                "sum: a task group with two children, the consumer (for await, then onConsumerExit, then "
                    + ".sum, or .timedOut if it ended because it was cancelled) and a timer (try? await "
                    + "clock.sleep, then .timedOut); take group.next() and cancelAll the loser. Cancellation ends a "
                    + "for await over an AsyncStream.",
                "Ticker: task.withLock { slot in slot = Task { [weak self] in ... } }; in the loop, sleep "
                    + "(return on cancellation), then guard let self else { return } and call onTick(self.tick()). "
                    + "Upgrade self only between sleeps, never across one.",
            ]),
        Exercise(
            id: "task-executors-for-blocking-io",
            lesson: "internals.task-executors-for-blocking-io",
            file: "Sources/HandbookInternals/BlockingIOExecutor.swift",
            blanks: [
                "public func enqueue(_ job: consuming ExecutorJob)",
                "public func shutdown()",
                "private func nextStep() -> Step",
            ],
            prompt: """
                Write the job queue of BlockingIOExecutor.ThreadPoolTaskExecutor: enqueue(_:), shutdown() and the \
                private nextStep() that every worker thread loops on (serveJobs, given, runs the job or exits). \
                All state lives behind the NSCondition. enqueue appends to jobs in FIFO order (consumed from head, \
                so queuedJobCount stays jobs.count - head), counts enqueuedTotal, wakes one thread, and traps with \
                a message containing "job enqueued on task executor '<name>' after shutdown" once no thread is \
                left. shutdown() only sets the flag and wakes every thread. nextStep() hands out the next job; \
                once shutdown has begun and no job is queued and no run(_:) is in flight, it decrements \
                liveThreads and exits, and the last thread out takes the termination waiters; otherwise it waits \
                on the condition. The tests check that 2 threads run at most 2 jobs at once while the rest queue, \
                that shutdown drains queued jobs in order while new run calls throw, and that awaitTermination \
                returns.
                """,
            difficulty: .hard, minutes: 30,
            hints: [
                "A condition-variable loop: what must a worker re-check every time it wakes, and under which "
                    + "lock?",
                "nextStep: condition.withLock { while true { if head < jobs.count { take jobs[head], advance "
                    + "head, return .run }; if isShuttingDown && runsInFlight == 0 { liveThreads -= 1; return .exit "
                    + "with the waiters if it was the last thread, else with [] }; condition.wait() } }.",
                "enqueue stores UnownedJob(job) and calls condition.signal(); shutdown calls "
                    + "condition.broadcast(). Deciding to exit and decrementing liveThreads in one critical section "
                    + "is what lets enqueue trap instead of losing a job.",
            ]),
    ]

}
