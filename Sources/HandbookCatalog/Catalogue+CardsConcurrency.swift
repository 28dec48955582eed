extension Catalogue {
    /// Review cards for Phase 2 concurrency: each names the test that proves its answer.
    static let concurrencyCards: [ReviewCard] = [
        ReviewCard(
            id: "concurrency.tasks-and-structured-concurrency#c24d5feb",
            lesson: "concurrency.tasks-and-structured-concurrency", kind: .recall,
            question: """
                What replaces Go's `go` + `sync.WaitGroup` in Swift, and why can't you forget the `Wait()`?
                """,
            answer: """
                A task group: each `group.addTask { ... }` is `go` plus `wg.Add(1)`/`wg.Done()`, and the \
                group's closing brace is `wg.Wait()`, so `withDiscardingTaskGroup` cannot return until \
                every child has finished and all their side effects are visible. The Go-style `Task { ... \
                }` in a loop is unstructured: the function returns while those tasks are still running, \
                exactly like goroutines nobody waits for.
                """,
            test: "HandbookConcurrencyTests.TasksAndStructuredConcurrencyTests/groupAwaitsEveryChild()"),
        ReviewCard(
            id: "concurrency.tasks-and-structured-concurrency#c4b3b4bb",
            lesson: "concurrency.tasks-and-structured-concurrency", kind: .recall,
            question: """
                You want the first failing child to stop the others. Why is `try await group.waitForAll()` \
                the wrong tool?
                """,
            answer: """
                `waitForAll()` waits for every child to finish and only then rethrows the first error; it \
                cancels nobody, so one failure doesn't shorten the others. For fail-fast, consume with \
                `while try await group.next() != nil {}` (the thrown error leaves the body, which cancels \
                the remaining children and still waits for them) or use `withThrowingDiscardingTaskGroup`.
                """,
            test: "HandbookConcurrencyTests.TasksAndStructuredConcurrencyTests/waitForAllIsNotFailFast()"),
        ReviewCard(
            id: "concurrency.tasks-and-structured-concurrency#6200d071",
            lesson: "concurrency.tasks-and-structured-concurrency", kind: .recall,
            question: """
                In a throwing task group consumed with `group.next()`, one child throws while 3 siblings \
                are sleeping. What happens to the siblings before the error reaches the caller?
                """,
            answer: """
                The error leaves the group's body, so the group cancels the remaining children and then \
                waits for them: the 3 sleepers wake up with cancellation (no time passes on the clock) and \
                all of them have finished before the caller sees the error. Structured children can't \
                outlive the scope, even on the error path.
                """,
            test: "HandbookConcurrencyTests.TasksAndStructuredConcurrencyTests/firstErrorCancelsSiblings()"),
        ReviewCard(
            id: "concurrency.tasks-and-structured-concurrency#2dbda110",
            lesson: "concurrency.tasks-and-structured-concurrency", kind: .predict,
            question: """
                The parent task is cancelled while its child waits; afterwards the child returns \
                `Task.isCancelled`. What does it return when the child was started with (a) `async let`, \
                (b) `group.addTask`, (c) `Task {}`, (d) `Task.detached {}`?

                let child: @Sendable () async -> Bool = {
                    await checkpoint()
                    return Task.isCancelled
                }
                """,
            answer: """
                (a) true, (b) true, (c) false, (d) false. Cancellation flows only down the structured tree \
                to `async let` and group children. `Task {}` inherits priority and task-locals (and the \
                actor, when its closure captures it) but not cancellation, and `Task.detached` inherits \
                nothing.
                """,
            test:
                "HandbookConcurrencyTests.TasksAndStructuredConcurrencyTests/onlyStructuredChildrenInheritCancellation(style:)"
        ),
        ReviewCard(
            id: "concurrency.tasks-and-structured-concurrency#0ac9fc6b",
            lesson: "concurrency.tasks-and-structured-concurrency", kind: .recall,
            question: """
                In Go you can `recover` a panicking goroutine. What happens in Swift when one child task \
                hits a `precondition` failure?
                """,
            answer: """
                The whole process dies: a trap (`precondition`, force-unwrapping nil, an out-of-bounds \
                index) isn't catchable, and there's no per-task `recover`. Recoverable failures have to be \
                thrown errors, which do propagate through the group.
                """,
            test: "HandbookConcurrencyTests.TasksAndStructuredConcurrencyTests/trapInAChildKillsTheProcess()"),
        ReviewCard(
            id: "concurrency.select-and-racing#6c9b8053", lesson: "concurrency.select-and-racing", kind: .recall,
            question: """
                How do you write Go's `select { case v := <-work: ... case <-time.After(timeout): ... }` in \
                Swift?
                """,
            answer: """
                There's no `select` keyword, so you race children in a task group. Add one child for the \
                operation and one that does `try? await clock.sleep(for: timeout)` and returns nil, take \
                the first `group.next()`, then `cancelAll()`. Inject the `Clock` so tests can use a manual \
                clock. On a timeout the result is nil, and the cancelled worker has already finished by the \
                time the function returns because the group waits for it.
                """,
            test: "HandbookConcurrencyTests.SelectAndRacingTests/timeoutWinsAgainstASlowWorker()"),
        ReviewCard(
            id: "concurrency.select-and-racing#b45924c5", lesson: "concurrency.select-and-racing", kind: .recall,
            question: """
                You race two operations in a task group and return the first `group.next()`. What goes \
                wrong if you forget `group.cancelAll()`?
                """,
            answer: """
                The group still waits for every child before it returns, so the race takes as long as the \
                slowest loser, and forever if the loser waits for something that never comes. With \
                `cancelAll()` the loser's cancellation handler runs and it finishes early. Cancellation is \
                cooperative, though: a loser that ignores it still holds up the race.
                """,
            test: "HandbookConcurrencyTests.SelectAndRacingTests/raceCancelsTheLoser()"),
        ReviewCard(
            id: "concurrency.select-and-racing#12d4baaf", lesson: "concurrency.select-and-racing", kind: .predict,
            question: """
                What do the two prints show?

                let (stream, cont) = AsyncStream.makeStream(of: Int.self)
                // receive: makeAsyncIterator().next(); nil -> Task.isCancelled ? .cancelled : .finished
                let waiter = Task { await SelectAndRacing.receive(from: stream) }
                waiter.cancel()
                print(await waiter.value)
                print(cont.yield(6))
                """,
            answer: """
                `cancelled`, then `terminated`. Cancelling a task waiting in an `AsyncStream` iterator's \
                `next()` makes it return nil, and it also terminates the whole stream. Unlike Go, where \
                closing `done` leaves the channel open, the producer's later `yield` reports `.terminated` \
                and every later reader gets nil.
                """,
            test: "HandbookConcurrencyTests.SelectAndRacingTests/receiveOrCancelled()"),
        ReviewCard(
            id: "concurrency.select-and-racing#cc10bf2d", lesson: "concurrency.select-and-racing", kind: .recall,
            question: """
                How do you merge two async streams into one, and why not just run two `for await` loops in \
                sequence?
                """,
            answer: """
                Sequential loops don't read the second source until the first one finishes. Instead, run a \
                task group with one reader per source, each yielding into a shared `AsyncStream`, and call \
                `finish()` only after the group, so only when both sources have finished. Set the output's \
                `onTermination` to cancel the pump task. If you forget `finish()`, the consumer waits \
                forever, like ranging over a Go channel that nobody closes.
                """,
            test: "HandbookConcurrencyTests.SelectAndRacingTests/mergeFinishesWhenBothFinish()"),
        ReviewCard(
            id: "concurrency.select-and-racing#230a0f4a", lesson: "concurrency.select-and-racing", kind: .recall,
            question: """
                What is Swift's equivalent of a `select` with a `default:` branch (a non-blocking receive)?
                """,
            answer: """
                There isn't one: you can't ask an `AsyncSequence` whether an element is ready right now. \
                You need state you own, for example a queue in a `Mutex` with a `tryReceive()` that returns \
                nil immediately when it's empty and otherwise removes the oldest message (FIFO).
                """,
            test: "HandbookConcurrencyTests.SelectAndRacingTests/tryReceiveNeverWaits()"),
        ReviewCard(
            id: "concurrency.fan-out-fan-in#693706b5", lesson: "concurrency.fan-out-fan-in", kind: .recall,
            question: """
                How do you fan 100 jobs out to 4 concurrent workers in Swift so that each job runs exactly \
                once, and fan the results back in?
                """,
            answer: """
                Fill one shared `AsyncStream` of `(index, job)` and finish it, then start 4 task-group \
                children that all `for await` over that same stream. The non-throwing `AsyncStream` gives \
                each element to one consumer (observed behaviour, not a documented guarantee). Workers \
                yield their results into a second `AsyncStream`, which is finished after the group, the \
                equivalent of Go's `wg.Wait(); close(results)`. Giving each worker its own copy of the \
                input would run every job 4 times.
                """,
            test: "HandbookConcurrencyTests.FanOutFanInTests/eachJobIsProcessedExactlyOnce()"),
        ReviewCard(
            id: "concurrency.fan-out-fan-in#7ff90863", lesson: "concurrency.fan-out-fan-in", kind: .recall,
            question: """
                Why can't the shared jobs channel in a worker pool be an `AsyncThrowingStream`?
                """,
            answer: """
                `AsyncThrowingStream` allows only one waiting consumer: as soon as a second task waits in \
                `next()` it traps with "attempt to await next() on more than one task", and an idle pool \
                always has several workers waiting. Keep the jobs channel a non-throwing `AsyncStream`, or \
                use a channel designed for several consumers.
                """,
            test: "HandbookConcurrencyTests.FanOutFanInTests/throwingStreamTrapsOnASecondConsumer()"),
        ReviewCard(
            id: "concurrency.fan-out-fan-in#8d9ead95", lesson: "concurrency.fan-out-fan-in", kind: .recall,
            question: """
                The workers finish in any order. How do you return `result[i]` for `jobs[i]`?
                """,
            answer: """
                Tag each job with its index, have the workers yield `(index, output)`, then sort the \
                collected results by index and map them to the outputs. Without the sort, results arrive in \
                completion order: a slow job 0 ends up near the end instead of in slot 0.
                """,
            test: "HandbookConcurrencyTests.FanOutFanInTests/orderedVariantRestoresInputOrder()"),
        ReviewCard(
            id: "concurrency.fan-out-fan-in#38e791c6", lesson: "concurrency.fan-out-fan-in", kind: .recall,
            question: """
                In the fan-out/fan-in, what stops the workers when the consumer of the results stream is \
                cancelled, and why do workers also check `Task.isCancelled`?
                """,
            answer: """
                The results stream's `onTermination` cancels the task that runs the worker group. Without \
                it, the busy workers keep going for nobody, which is a leak. The jobs stream was filled and \
                finished up front, and a finished `AsyncStream` still hands its buffered jobs even to a \
                cancelled worker, so each worker checks `guard !Task.isCancelled else { break }`. That way \
                only the 4 jobs already in flight ever start.
                """,
            test: "HandbookConcurrencyTests.FanOutFanInTests/cancellingTheConsumerCancelsEveryWorker()"),
        ReviewCard(
            id: "concurrency.fan-out-fan-in#71cf730d", lesson: "concurrency.fan-out-fan-in", kind: .predict,
            question: """
                What does this return?

                try await FanOutFanIn.processInOrder(Array(0..<10), workers: 20) { $0 + 1 }
                """,
            answer: """
                `[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]`. Extra workers find the finished jobs stream empty and \
                just exit, and `processInOrder` sorts by job index, so having more workers than jobs is \
                harmless. Only `workers < 1` is rejected, with a `ConfigurationError`.
                """,
            test: "HandbookConcurrencyTests.FanOutFanInTests/edgeSizes()"),
        ReviewCard(
            id: "concurrency.async-let-scope#2d5626aa", lesson: "concurrency.async-let-scope", kind: .recall,
            question: """
                A function starts `async let fresh = load(id)`, then returns the cached value on a cache \
                hit. Why can the cache hit be as slow as a full load?
                """,
            answer: """
                An `async let` child can't outlive its scope: the early `return` first cancels `fresh` and \
                then waits for it to finish. If the loader ignores cancellation (for example it's blocked \
                on something that isn't cancellable), the fast path waits for the whole load, and the \
                loaded value is thrown away. Check the cache first and start the child only when you'll use \
                it.
                """,
            test: "HandbookConcurrencyTests.AsyncLetScopeTests/earlyReturnCancelsThenAwaitsTheChild()"),
        ReviewCard(
            id: "concurrency.async-let-scope#2462dc8f", lesson: "concurrency.async-let-scope", kind: .predict,
            question: """
                `notify` throws `NotificationFailed`; `write` succeeds. Does `save` throw, and what is \
                printed?

                func save(_ r: String) async throws {
                    async let _ = notify(r)
                    try await write(r)
                }
                try await save("order-1")
                print("save returned")
                """,
            answer: """
                It prints "save returned" and `save` doesn't throw. The notify child is still cancelled (if \
                running) and awaited at the end of the scope, but an unawaited child's error is silently \
                discarded. Only `try await` on the child rethrows its error.
                """,
            test: "HandbookConcurrencyTests.AsyncLetScopeTests/unawaitedChildErrorVanishes()"),
        ReviewCard(
            id: "concurrency.async-let-scope#8706c79b", lesson: "concurrency.async-let-scope", kind: .recall,
            question: """
                Is `async let _ = sendNotification()` a way to fire and forget, like Go's `go notify()`? \
                What is?
                """,
            answer: """
                No. When the scope ends, the child is cancelled if it's still running and the function \
                waits for it, so a slow notification may never finish its job and it still delays the \
                return. Real fire-and-forget is `Task { ... }`: it isn't cancelled or awaited when the \
                function returns, and its error stays in the handle until someone reads `value`.
                """,
            test: "HandbookConcurrencyTests.AsyncLetScopeTests/forgottenNotificationIsCancelled()"),
        ReviewCard(
            id: "concurrency.async-let-scope#258b1d29", lesson: "concurrency.async-let-scope", kind: .recall,
            question: """
                `async let notified = notify(r)` is running when `try await write(r)` throws. When does the \
                caller see the error, and which one?
                """,
            answer: """
                Only after the unawaited notification child has been cancelled and has finished: the scope \
                can't be left while a child is still running. The caller gets the write's error. The \
                notification's own error is dropped, because a scope rethrows only what it actually awaited.
                """,
            test: "HandbookConcurrencyTests.AsyncLetScopeTests/throwWaitsForTheCancelledChild()"),
        ReviewCard(
            id: "concurrency.task-start-ordering#4319c614", lesson: "concurrency.task-start-ordering", kind: .recall,
            question: """
                You create `Task { await ledger.apply(a) }` and then `Task { await ledger.apply(b) }`. \
                Which is applied first, and how do you guarantee the order?
                """,
            answer: """
                Nothing guarantees it. Each `Task {}` is a separate job, and any suspension inside one lets \
                the other overtake it (the same is true of goroutines in Go). To keep order, send the items \
                to a single consumer: an `AsyncStream` that one task drains with `for await`. A synchronous \
                `submit` (`yield`) defines the order, and the items are handled one at a time, in that \
                order.
                """,
            test: "HandbookConcurrencyTests.TaskStartOrderingTests/serialQueueKeepsSubmissionOrder()"),
        ReviewCard(
            id: "concurrency.task-start-ordering#7b686459", lesson: "concurrency.task-start-ordering", kind: .predict,
            question: """
                Called from nonisolated async code, what does `log` contain at the end?

                let task = Task.immediate {
                    log.append("registered")
                    await proceed.wait()
                    log.append("processed")
                }
                log.append("returned")
                proceed.open()
                await task.value
                """,
            answer: """
                `["registered", "returned", "processed"]`. `Task.immediate` (Swift 6.2, SE-0472) runs a \
                nonisolated closure synchronously on the calling thread up to its first real suspension; \
                the rest runs later. With a plain `Task {}` the registration could happen at any later time.
                """,
            test: "HandbookConcurrencyTests.TaskStartOrderingTests/immediateRunsThePrefixFirst()"),
        ReviewCard(
            id: "concurrency.task-start-ordering#a90ca9db", lesson: "concurrency.task-start-ordering", kind: .predict,
            question: """
                Four jobs are added to a task group in order 0, 1, 2, 3 and finish in the order 2, 0, 3, 1. \
                In what order does `while let r = await group.next()` receive them, and how does `gather` \
                return results in submission order?
                """,
            answer: """
                It receives them in completion order: 2, 0, 3, 1. `next()` and `for await` hand back \
                children as they finish, not as they were added. Each child returns `(index, value)`, and \
                `gather` sorts the collected pairs by index, so it returns results 0, 1, 2, 3.
                """,
            test: "HandbookConcurrencyTests.TaskStartOrderingTests/groupReturnsCompletionOrder()"),
        ReviewCard(
            id: "concurrency.task-start-ordering#fa2bff53", lesson: "concurrency.task-start-ordering", kind: .recall,
            question: """
                Your serial work queue is an `AsyncStream` drained by one task. Why keep it unbounded \
                rather than `.bufferingNewest(1)`, and how does `submit` detect a closed queue?
                """,
            answer: """
                Items submitted while the consumer is busy sit in the buffer. With a dropping policy they \
                would silently replace each other (`yield` doesn't throw), so work is lost. Unbounded keeps \
                every one of them, in order. After `finish()`, `yield` returns `.terminated`, and `submit` \
                turns that into a thrown `ClosedError`. The cost of unbounded is that a producer faster \
                than the consumer grows the buffer without limit.
                """,
            test: "HandbookConcurrencyTests.TaskStartOrderingTests/serialQueueBuffersWhileBusy()"),
        ReviewCard(
            id: "concurrency.cancellation-handler-rules#1a45b6f6", lesson: "concurrency.cancellation-handler-rules",
            kind: .recall,
            question: """
                A task is inside `withTaskCancellationHandler` when another thread calls `task.cancel()`. \
                Where and when does `onCancel` run?
                """,
            answer: """
                Synchronously inside `cancel()`, on the canceller's thread, before `cancel()` returns, and \
                concurrently with the still-running operation. It doesn't run on the cancelled task. So it \
                has to be quick, must not block, and may only share state with the operation through \
                something thread-safe such as a `Mutex`.
                """,
            test: "HandbookConcurrencyTests.CancellationHandlerRulesTests/handlerRunsInsideCancel()"),
        ReviewCard(
            id: "concurrency.cancellation-handler-rules#8f90f3ce", lesson: "concurrency.cancellation-handler-rules",
            kind: .predict,
            question: """
                What does `log` contain?

                let task = Task {
                    await go.wait()
                    await withTaskCancellationHandler { log.append("operation starts") }
                        onCancel: { log.append("onCancel") }
                }
                task.cancel()
                go.open()
                await task.value
                """,
            answer: """
                `["onCancel", "operation starts"]`. If the task is already cancelled when it enters \
                `withTaskCancellationHandler`, the handler runs first, on the task itself, before the \
                operation starts. That's why a handler can't assume the operation has already stored a \
                continuation.
                """,
            test: "HandbookConcurrencyTests.CancellationHandlerRulesTests/alreadyCancelledRunsTheHandlerFirst()"),
        ReviewCard(
            id: "concurrency.cancellation-handler-rules#ca205f55", lesson: "concurrency.cancellation-handler-rules",
            kind: .recall,
            question: """
                Your event's `onCancel` resumes the waiter's stored continuation, if there is one. How can \
                a cancelled waiter still hang forever, and what's the fix?
                """,
            answer: """
                If cancellation arrives before the continuation is stored (the task was already cancelled, \
                or was cancelled between installing the handler and storing), the handler finds nothing, \
                and it never runs again, so the waiter is stored and sleeps until a signal that may never \
                come. Fix: in the handler, under the same `Mutex`, record "cancelled before storing". When \
                the operation goes to store its continuation, it checks that record under the lock and \
                resumes with `CancellationError` instead.
                """,
            test: "HandbookConcurrencyTests.CancellationHandlerRulesTests/cancelInTheRaceWindowThrows()"),
        ReviewCard(
            id: "concurrency.cancellation-handler-rules#e5496169", lesson: "concurrency.cancellation-handler-rules",
            kind: .recall,
            question: """
                Why is it dangerous to call `task.cancel()` on your jobs while holding a `Mutex` that their \
                `onCancel` handlers also lock?
                """,
            answer: """
                The handler runs synchronously on the cancelling thread, so that thread locks the same \
                `Mutex` twice. On Linux with Swift 6.3.1 it traps with "Recursive call to lock Mutex", and \
                a lock that doesn't detect recursion hangs instead. It only happens when a job is inside \
                its handler's scope at that moment, so it shows up under load. Fix: take the tasks out of \
                the state under the lock, release it, then cancel.
                """,
            test: "HandbookConcurrencyTests.CancellationHandlerRulesTests/cancelWhileHoldingTheLockTraps()"),
        ReviewCard(
            id: "concurrency.async-streams-and-channels#3add1245", lesson: "concurrency.async-streams-and-channels",
            kind: .seedQuestion,
            question: """
                Explain the difference between buffered and unbuffered channels
                """,
            answer: """
                In Go, an unbuffered send blocks until a receiver takes the value (a rendezvous), and a \
                buffered `make(chan T, n)` send blocks only when n values are queued. In Swift, \
                swift-async-algorithms' `AsyncChannel` is the unbuffered one: `send` suspends until a \
                consumer takes the value, so sent − received stays ≤ 1. `AsyncStream` is buffered with no \
                backpressure: `yield` never suspends, so the buffer grows without limit (`.unbounded`, the \
                producer can run 100 ahead) or drops values (`.bufferingNewest`/`.bufferingOldest`). A send \
                that waits when the buffer is full needs a bounded channel.
                """,
            test: "HandbookConcurrencyTests.AsyncStreamsAndChannelsTests/unbufferedVersusBuffered()"),
        ReviewCard(
            id: "concurrency.async-streams-and-channels#bacc1457", lesson: "concurrency.async-streams-and-channels",
            kind: .predict,
            question: """
                What do the yields return, and what does the consumer receive?

                let (stream, cont) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: \
                .bufferingNewest(2))
                for v in 0..<5 { print(cont.yield(v)) }
                cont.finish()
                for await v in stream { print(v) }
                """,
            answer: """
                The yields return enqueued(remaining: 1), enqueued(remaining: 0), dropped(0), dropped(1), \
                dropped(2), and the consumer receives 3 and 4. A full `.bufferingNewest` buffer throws away \
                its oldest value instead of making the producer wait, and `yield`'s result is the only sign \
                that something was dropped. (`.bufferingOldest(2)` would keep 0 and 1 and drop the new \
                values.)
                """,
            test: "HandbookConcurrencyTests.AsyncStreamsAndChannelsTests/boundedPoliciesDrop(_:)"),
        ReviewCard(
            id: "concurrency.async-streams-and-channels#980ba0bc", lesson: "concurrency.async-streams-and-channels",
            kind: .recall,
            question: """
                Two tasks each run `for await` over the same `AsyncStream` of 100 values. Does each one see \
                all 100?
                """,
            answer: """
                No. A stream is a queue, not a broadcast: each value goes to exactly one of the two \
                consumers, together they receive 100 disjoint values, and each still sees its share in \
                stream order. How the values split depends on the scheduler. For pub-sub, give each \
                subscriber its own stream.
                """,
            test: "HandbookConcurrencyTests.AsyncStreamsAndChannelsTests/twoConsumersSplitTheValues()"),
        ReviewCard(
            id: "concurrency.async-streams-and-channels#c0a53ea7", lesson: "concurrency.async-streams-and-channels",
            kind: .recall,
            question: """
                How does an `AsyncStream` producer find out that its consumer has gone away?
                """,
            answer: """
                Through `continuation.onTermination`. It runs once: with `.cancelled` when the consuming \
                task is cancelled (or the stream is dropped), or with `.finished` after `finish()`. After \
                that, every `yield` returns `.terminated`. Install the handler before the stream leaves \
                your hands, because a handler set after termination is never called. Without it, the \
                producer keeps working for nobody.
                """,
            test: "HandbookConcurrencyTests.AsyncStreamsAndChannelsTests/consumerCancellationReachesTheProducer()"),
        ReviewCard(
            id: "concurrency.async-streams-and-channels#6802bab9", lesson: "concurrency.async-streams-and-channels",
            kind: .recall,
            question: """
                In Go, sending on a closed channel or closing it twice panics. What happens with an \
                `AsyncStream` continuation?
                """,
            answer: """
                Nothing crashes. `finish()` is Go's `close`: after it, `yield` returns `.terminated` \
                instead of panicking, and calling `finish()` a second time does nothing. Values buffered \
                before `finish()` are still delivered, and then the `for await` loop ends.
                """,
            test: "HandbookConcurrencyTests.AsyncStreamsAndChannelsTests/yieldAfterFinishIsTerminated()"),
        ReviewCard(
            id: "concurrency.bounded-channel#29f3a2a5", lesson: "concurrency.bounded-channel", kind: .recall,
            question: """
                How would you build a Go-style buffered channel in Swift, where `send` waits when the \
                buffer is full without blocking a thread?
                """,
            answer: """
                Keep a pure state machine behind a lock: a FIFO buffer of at most `capacity` values, a \
                queue of parked senders holding their elements, a queue of parked receivers, and a finished \
                flag. `send` and `receive` create a continuation, and inside one critical section the state \
                machine decides to hand the value to a parked receiver, buffer it, or park the caller. \
                Continuations are resumed after unlocking. With no consumer, exactly `capacity` sends \
                complete and the next one parks (capacity 0 is a rendezvous).
                """,
            test: "HandbookConcurrencyTests.BoundedChannelTests/exactlyCapacitySendsCompleteBeforeAConsumer(capacity:)"),
        ReviewCard(
            id: "concurrency.bounded-channel#2b5c03e0", lesson: "concurrency.bounded-channel", kind: .predict,
            question: """
                What is printed?

                let ch = BoundedChannel<Int>(capacity: 2)
                try await ch.send(1)
                try await ch.send(2)
                ch.finish()
                ch.finish()
                do { try await ch.send(3) } catch { print(error) }
                print(await ch.reduce(into: [Int]()) { $0.append($1) })
                """,
            answer: """
                First the error: "send on a finished BoundedChannel: the value was not delivered" \
                (`BoundedChannelError.finished`), then `[1, 2]`. Where Go panics, a send after `finish()` \
                throws, and finishing twice is harmless (a double `close` panics in Go). Buffered values \
                still drain after `finish()`; only new sends, and senders already waiting, fail.
                """,
            test: "HandbookConcurrencyTests.BoundedChannelTests/finishSemantics()"),
        ReviewCard(
            id: "concurrency.bounded-channel#049e2408", lesson: "concurrency.bounded-channel", kind: .recall,
            question: """
                A sender is parked in `send` on a full channel and its task is cancelled. What must the \
                channel do, and what goes wrong if it doesn't?
                """,
            answer: """
                The cancellation handler has to remove that sender and its element from the waiting queue \
                and resume it with `CancellationError`. The value is then never delivered, and the caller \
                still owns it. If the waiter stayed in the queue, its value would later be delivered even \
                though `send` had already thrown, and its continuation would be resumed twice. A cancelled \
                receiver likewise takes nothing, so the next value goes to the next receiver.
                """,
            test: "HandbookConcurrencyTests.BoundedChannelTests/cancellationOfWaiters()"),
        ReviewCard(
            id: "concurrency.bounded-channel#39ecd631", lesson: "concurrency.bounded-channel", kind: .predict,
            question: """
                With the pure state machine at capacity 1, what does each call return?

                var m = Machine(capacity: 1)
                m.send(1, id: 1, sender: "s1", isCancelled: false)
                m.send(2, id: 2, sender: "s2", isCancelled: false)
                m.receive(id: 3, receiver: "r", isCancelled: false)
                // and m.bufferedElements afterwards?
                """,
            answer: """
                `.buffered`, then `.suspended` (the buffer is full, so s2 parks with its 2), then \
                `.element(1, resumeSender: "s2")`, and afterwards `bufferedElements == [2]`. Taking 1 frees \
                a slot, the oldest parked sender's element moves into it, and the caller must resume s2 \
                after unlocking. Testing the logic as a pure value type needs no tasks at all.
                """,
            test: "HandbookConcurrencyTests.BoundedChannelTests/stateMachineParksSenderWhenFull()"),
        ReviewCard(
            id: "concurrency.async-sequence-backpressure#10f3e4db", lesson: "concurrency.async-sequence-backpressure",
            kind: .recall,
            question: """
                Why does a pull-based `AsyncSequence` have backpressure for free?
                """,
            answer: """
                `next()` is the demand signal: an iterator that produces exactly one value per call does no \
                work until the consumer asks, and never gets more than one value ahead (produced − consumed \
                ≤ 1). Even making the iterator does nothing. Prefetching "for speed" in a custom iterator \
                quietly adds a hidden buffer and gives that up.
                """,
            test: "HandbookConcurrencyTests.AsyncSequenceBackpressureTests/pullSequenceProducesOnDemand()"),
        ReviewCard(
            id: "concurrency.async-sequence-backpressure#7c4aff77", lesson: "concurrency.async-sequence-backpressure",
            kind: .recall,
            question: """
                You bridge a fast producer into an `.unbounded` `AsyncStream`. Does the producer slow down \
                when the consumer falls behind?
                """,
            answer: """
                No. `yield` never suspends, so all 10 000 yields report `.enqueued` before the consumer \
                even starts, and everything sits in memory. A bounded policy would drop values silently \
                instead. To slow the producer down you need a buffer whose send waits when full.
                """,
            test: "HandbookConcurrencyTests.AsyncSequenceBackpressureTests/unboundedStreamNeverPushesBack()"),
        ReviewCard(
            id: "concurrency.async-sequence-backpressure#b36ddce8", lesson: "concurrency.async-sequence-backpressure",
            kind: .recall,
            question: """
                How do you consume a fast sequence through a buffer of 4 so the producer can't run far \
                ahead, and how far ahead can it get?
                """,
            answer: """
                Run the producer as a child task that pumps elements into a channel whose `send` suspends \
                when full. The hand-built version uses a `BoundedChannel` with `limit − 1` slots plus the \
                one element the pump holds; the library version is swift-async-algorithms' \
                `base.buffer(policy: .bounded(4))`. While the consumer is busy the producer fills the \
                buffer to 4 ahead and then waits, so the lead is never more than limit + 1 (the buffer plus \
                the element being processed).
                """,
            test: "HandbookConcurrencyTests.AsyncSequenceBackpressureTests/boundedBufferLimitsTheLead(_:)"),
        ReviewCard(
            id: "concurrency.async-sequence-backpressure#79030a78", lesson: "concurrency.async-sequence-backpressure",
            kind: .predict,
            question: """
                What are `first` and `second` (interval 100 ms)?

                var s = DebounceState<String, Instant>(interval: .milliseconds(100))
                s.submit("a", at: t(0))
                s.submit("ab", at: t(50))
                let first = s.fire(at: t(100))
                let second = s.fire(at: t(150))
                """,
            answer: """
                `first` is nil and `second` is "ab" (both `String?`). Each submit replaces the pending \
                value and pushes the deadline to now + 100 ms, so after "ab" at 50 ms it's due at 150 ms. \
                Debounce emits only the last value of a burst, once a full quiet period has passed, and \
                keeping the timing in a pure state machine with injected instants makes it testable without \
                real sleeps.
                """,
            test: "HandbookConcurrencyTests.AsyncSequenceBackpressureTests/debounceStateRestartsTheQuietPeriod()"),
        ReviewCard(
            id: "concurrency.worker-pool#a99cbe1d", lesson: "concurrency.worker-pool", kind: .seedQuestion,
            question: """
                Implement a worker pool that processes jobs concurrently
                """,
            answer: """
                Use a sliding window over a throwing task group. For each `(index, job)`: once `index >= \
                limit`, first `try await group.next()` and store the finished result at its index; then, if \
                `!Task.isCancelled`, `group.addTask { (index, try await work(job)) }`. At the end, drain \
                the rest with `next()`. At most `limit` jobs are ever in flight (the test measures a peak \
                of exactly 4), results come back in input order, and the first error cancels the others.
                """,
            test: "HandbookConcurrencyTests.WorkerPoolTests/peakInFlightEqualsLimit()"),
        ReviewCard(
            id: "concurrency.worker-pool#5cd03440", lesson: "concurrency.worker-pool", kind: .checklist,
            question: """
                Goroutines & Channels - Can you implement a worker pool from scratch?
                """,
            answer: """
                Yes. Go's version is N goroutines reading a jobs channel, a results channel and a \
                WaitGroup. In Swift the task group is the pool and needs no channels: for a long-running \
                stream of jobs, use `withThrowingDiscardingTaskGroup`, which frees each finished child, \
                plus an actor-based `AsyncSemaphore` with `limit` permits. Acquire a permit before each \
                `addTask` and release it when the handler finishes. `acquire()` suspends rather than \
                blocking a thread, and the group waits for the running handlers before returning. The test \
                sees exactly 3 in flight with limit 3.
                """,
            test: "HandbookConcurrencyTests.WorkerPoolTests/serveBoundsALongRunningStream()"),
        ReviewCard(
            id: "concurrency.worker-pool#98fe9a58", lesson: "concurrency.worker-pool", kind: .recall,
            question: """
                What's wrong with a "worker pool" that calls `group.addTask` once per job?
                """,
            answer: """
                There's no bound: with 20 jobs, all 20 are in flight at once. The cooperative thread pool \
                limits threads, not in-flight work, so every suspended job still holds its connection, \
                socket or buffer (10 000 jobs means 10 000 concurrent queries). Bound it with a sliding \
                window (`await group.next()` before each new child) or a semaphore.
                """,
            test: "HandbookConcurrencyTests.WorkerPoolTests/unboundedGroupHasNoLimit()"),
        ReviewCard(
            id: "concurrency.worker-pool#5266b7f5", lesson: "concurrency.worker-pool", kind: .recall,
            question: """
                In a fail-fast worker pool with limit 4, job 0 throws while jobs 1–3 are sleeping. What \
                happens, and what is the alternative policy?
                """,
            answer: """
                The error cancels the 3 running siblings, no further job starts (4 started out of 100), and \
                the error is rethrown only after the cancelled jobs have finished. The alternative is to \
                collect: wrap each job's outcome in a `Result` so a failure doesn't stop the others, and \
                let the caller decide what a partial failure means.
                """,
            test: "HandbookConcurrencyTests.WorkerPoolTests/failFastCancelsTheRest()"),
        ReviewCard(
            id: "concurrency.worker-pool#5540713f", lesson: "concurrency.worker-pool", kind: .predict,
            question: """
                With `limit: 1`, what does `log` contain for jobs 0, 1, 2?

                _ = try await WorkerPool.map([0, 1, 2], limit: 1) { job in
                    log.append("start \\(job)")
                    await Task.yield()
                    log.append("end \\(job)")
                    return job
                }
                """,
            answer: """
                `["start 0", "end 0", "start 1", "end 1", "start 2", "end 2"]`. With a window of 1, each \
                job is added only after `group.next()` has returned the previous one, so a suspension \
                inside a job can't let the next job start. One worker is strictly sequential.
                """,
            test: "HandbookConcurrencyTests.WorkerPoolTests/singleWorkerPreservesOrder()"),
        ReviewCard(
            id: "concurrency.locks-and-mutex#a94f898b", lesson: "concurrency.locks-and-mutex", kind: .recall,
            question: """
                Can you `await` inside `Mutex.withLock { ... }`? Why not, and what do you do instead?
                """,
            answer: """
                No, it doesn't compile: `withLock` takes a synchronous closure on purpose. A lock held \
                across a suspension would belong to a task that might resume on another thread, while other \
                tasks block cooperative-pool threads waiting for it. Do the async work first, then lock, \
                check and mutate. If the protected work really has to `await`, use an actor.
                """,
            test: "HandbookConcurrencyTests.LocksAndMutexTests/noAwaitInsideWithLock()"),
        ReviewCard(
            id: "concurrency.locks-and-mutex#e28fe978", lesson: "concurrency.locks-and-mutex", kind: .recall,
            question: """
                Is Swift's `Mutex` re-entrant? What happens if a method holding the lock calls another \
                method that takes the same lock?
                """,
            answer: """
                No, it isn't recursive. Re-locking from inside `withLock` traps immediately with "Recursive \
                call to lock Mutex" on Linux (on Darwin, where it's an `os_unfair_lock`, it aborts with a \
                recursive-lock message), so there's no silent deadlock. Inside the critical section, work \
                on the `inout` value you were given instead of calling locking accessors. `NSRecursiveLock` \
                exists if you really need re-entrancy.
                """,
            test: "HandbookConcurrencyTests.LocksAndMutexTests/recursiveLockTraps()"),
        ReviewCard(
            id: "concurrency.locks-and-mutex#6c58eef1", lesson: "concurrency.locks-and-mutex", kind: .recall,
            question: """
                `transfer(a → b)` locks `from` then `to`, and another thread runs `transfer(b → a)`. What \
                goes wrong, and how do you make it impossible?
                """,
            answer: """
                Each thread can hold its first lock while waiting for the other's: a deadlock. On Linux the \
                priority-inheritance futex detects the cycle and `Mutex` traps; on Darwin the threads just \
                hang. The fix is one global lock order, for example always locking the account with the \
                lower id first, so no cycle of waiters can form. Then 20 000 opposite transfers finish and \
                the total balance is conserved.
                """,
            test: "HandbookConcurrencyTests.LocksAndMutexTests/orderedTransfersNeverDeadlock()"),
        ReviewCard(
            id: "concurrency.locks-and-mutex#0666e186", lesson: "concurrency.locks-and-mutex", kind: .recall,
            question: """
                How does Swift's `Mutex` differ from Go's `sync.Mutex`, and where can a `Mutex` live if \
                tasks share it?
                """,
            answer: """
                `Mutex<Value>` owns the value it protects: you reach it only through `withLock { value in \
                ... }` (or `withLockIfAvailable`), so "forgot to lock" can't compile, whereas Go pairs the \
                mutex and its fields only by convention. It's `~Copyable`, so a local `let` captured by \
                `addTask` is rejected ("closure captures reference to mutable let"). Store it in a `final \
                class ...: Sendable` or a global `let`.
                """,
            test: "HandbookConcurrencyTests.LocksAndMutexTests/localMutexCannotBeShared()"),
        ReviewCard(
            id: "concurrency.locks-and-mutex#7d70592c", lesson: "concurrency.locks-and-mutex", kind: .predict,
            question: """
                50 tasks concurrently call `counter.increment(ifBelow: 3)` on a fresh counter. How many \
                return true, and what is the final count?

                func increment(ifBelow limit: Int) -> Bool {
                    value.withLock { value in
                        guard value < limit else { return false }
                        value += 1
                        return true
                    }
                }
                """,
            answer: """
                Exactly 3 return true, and the count is 3. The check and the increment happen in one \
                critical section, so no two tasks can both pass the check for the same slot. Reading the \
                count in one `withLock` and incrementing in another would let extra tasks slip through.
                """,
            test: "HandbookConcurrencyTests.LocksAndMutexTests/checkAndActUnderOneLock()"),
        ReviewCard(
            id: "concurrency.atomics#2bc09df4", lesson: "concurrency.atomics", kind: .predict,
            question: """
                What does this print?

                let value = Atomic(5)
                let r = value.compareExchange(expected: 4, desired: 9, ordering: .relaxed)
                print(r.exchanged, r.original, value.load(ordering: .relaxed))
                """,
            answer: """
                `false 5 5`. The expectation (4) was stale, so nothing was written, and `original` reports \
                the value that's actually there. A CAS loop retries with that value.
                """,
            test: "HandbookConcurrencyTests.AtomicsTests/compareExchangeReportsTheOriginal()"),
        ReviewCard(
            id: "concurrency.atomics#17f41ea7", lesson: "concurrency.atomics", kind: .recall,
            question: """
                There's no atomic "max" instruction. How do you keep a running maximum lock-free, and what \
                goes wrong if the loop doesn't re-check?
                """,
            answer: """
                Use a CAS loop. Load `current`; while `candidate > current`, `compareExchange(expected: \
                current, desired: candidate)`; if it exchanged, you're done, otherwise set `current = \
                original` and re-check the condition. If another writer raised the max to 20 between our \
                load and our exchange, our 10 then stops instead of overwriting it. A plain load-then-store \
                would lose that update.
                """,
            test: "HandbookConcurrencyTests.AtomicsTests/casLoopRetriesAgainstTheNewValue()"),
        ReviewCard(
            id: "concurrency.atomics#d31c31dc", lesson: "concurrency.atomics", kind: .recall,
            question: """
                When is `.relaxed` ordering enough, and when do you need `.releasing`/`.acquiring`?
                """,
            answer: """
                `.relaxed` gives atomicity only. That's right for a counter or a statistic that nothing \
                else is published through. For a "ready" flag that guards a payload, the writer fills the \
                payload and then stores the flag with `.releasing`; a reader that loads the flag with \
                `.acquiring` and sees it set is guaranteed to see the whole payload. With `.relaxed` on \
                either side, the reader could see the flag but stale data; x86 hides this, but \
                ThreadSanitizer reports it.
                """,
            test: "HandbookConcurrencyTests.AtomicsTests/releaseAcquirePublishesThePayload()"),
        ReviewCard(
            id: "concurrency.atomics#02415840", lesson: "concurrency.atomics", kind: .recall,
            question: """
                Why can't you write `let hits = Atomic(0)` in a function and increment it from several \
                `addTask` closures?
                """,
            answer: """
                `Atomic` is `~Copyable` and has to stay at one address, so the closure would capture a \
                reference to a local. Swift 6 rejects that ("closure captures reference to mutable let \
                'hits'"). Keep it in a `final class ...: Sendable` or a global `let`. Unlike Go's \
                `atomic.Int64`, which can be copied by mistake (`go vet` warns), a Swift `Atomic` can't be \
                copied at all.
                """,
            test: "HandbookConcurrencyTests.AtomicsTests/localAtomicCannotBeShared()"),
        ReviewCard(
            id: "concurrency.data-race-safety#de3d91f1", lesson: "concurrency.data-race-safety", kind: .checklist,
            question: """
                Race Conditions - Can you identify and fix data races?
                """,
            answer: """
                In Swift 6 most races are compile errors: a `var` captured and mutated by `addTask` \
                closures, a non-Sendable class mutated both inside and outside a `Task`, a mutable global. \
                The fix is to give the state one Sendable owner: a `Mutex` or `Atomic` in a `final class \
                ...: Sendable`, or an actor. 1000 concurrent increments then count exactly 1000. Code that \
                opts out (`@unchecked Sendable`, `nonisolated(unsafe)`, unsafe pointers) needs \
                ThreadSanitizer (`swift test --sanitize=thread`). Unlike Go's `-race`, which only sees \
                races a test happens to run, the compiler checks everything else.
                """,
            test: "HandbookConcurrencyTests.DataRaceSafetyTests/fixedConcurrentIncrementIsExact(counter:)"),
        ReviewCard(
            id: "concurrency.data-race-safety#39cc4290", lesson: "concurrency.data-race-safety", kind: .predict,
            question: """
                Go's ConcurrentIncrement, ported literally. What happens in Swift 6?

                func concurrentIncrement() async -> Int {
                    var counter = 0
                    await withTaskGroup(of: Void.self) { group in
                        for _ in 0..<100 {
                            group.addTask { counter += 1 }
                        }
                    }
                    return counter
                }
                """,
            answer: """
                It doesn't compile: "closure captures reference to mutable var 'counter'" \
                (`SendingClosureRisksDataRace`). Every child would share one mutable variable. In Go this \
                builds and races, and only `go test -race` might notice. Fix it with a Sendable owner \
                (`Mutex`/`Atomic` in a final class, or an actor).
                """,
            test: "HandbookConcurrencyTests.DataRaceSafetyTests/capturedVarDoesNotCompile()"),
        ReviewCard(
            id: "concurrency.data-race-safety#a9294298", lesson: "concurrency.data-race-safety", kind: .recall,
            question: """
                What does `@unchecked Sendable` actually do, and when is it justified?
                """,
            answer: """
                It tells the compiler "I synchronise this myself" and switches off the check of the class's \
                stored `var`s. A class with an unprotected `var count` then compiles as Sendable and races, \
                because nothing kept the promise. It's justified only when every access to the state really \
                is under a lock (e.g. a private `var` touched only inside `NSLock.withLock`), with the \
                reason written next to it and ThreadSanitizer run over it. Prefer `Mutex`, which needs no \
                `@unchecked`.
                """,
            test: "HandbookConcurrencyTests.DataRaceSafetyTests/uncheckedCounterIsAcceptedAsSendable()"),
        ReviewCard(
            id: "concurrency.data-race-safety#9efcb4b6", lesson: "concurrency.data-race-safety", kind: .recall,
            question: """
                Go code often has a package-level `var hits int`. What happens with a top-level `var hits = \
                0` in Swift 6, and how do you fix it?
                """,
            answer: """
                The declaration itself is rejected: "var 'hits' is not concurrency-safe because it is \
                nonisolated global shared mutable state". Fix it with a global `let` holding a Sendable \
                owner (an `Atomic`, a `Mutex`, an actor), by isolating it to a global actor, or by passing \
                the state in. `nonisolated(unsafe) var` compiles, but it switches the checker off and \
                leaves the race to TSan.
                """,
            test: "HandbookConcurrencyTests.DataRaceSafetyTests/mutableGlobalDoesNotCompile()"),
        ReviewCard(
            id: "concurrency.sendable-and-region-isolation#3efdfcad",
            lesson: "concurrency.sendable-and-region-isolation", kind: .predict,
            question: """
                `Draft` is a non-Sendable final class and `Outbox` is an actor. Does this compile? If not, \
                where is the error reported and what causes it?

                let draft = Draft()
                draft.lines.append("hello")
                await outbox.submit(draft)
                draft.lines.append("edited after sending")
                """,
            answer: """
                No. The error "sending 'draft' risks causing data races" is reported on `await \
                outbox.submit(draft)`, with a note ("access can happen concurrently") pointing at the last \
                line, which is the cause. Without that line it compiles: the fresh `draft` is disconnected, \
                so region-based isolation (SE-0414) lets it move into the actor's region without being \
                Sendable. Touching it afterwards would race with the actor. It's Go's "stop using a pointer \
                after sending it" rule, checked by the compiler.
                """,
            test: "HandbookConcurrencyTests.SendableAndRegionIsolationTests/touchingAfterSendingDoesNotCompile()"),
        ReviewCard(
            id: "concurrency.sendable-and-region-isolation#15b3e951",
            lesson: "concurrency.sendable-and-region-isolation", kind: .recall,
            question: """
                What is the difference between a `@Sendable` closure and a `sending` closure, and which can \
                capture a fresh non-Sendable object?
                """,
            answer: """
                A `@Sendable` closure may be called many times concurrently, so it can only capture \
                Sendable values; capturing a non-Sendable `Draft` is an error. A `sending` closure is \
                handed over once and never shared, so it can capture non-Sendable state that the caller no \
                longer uses. `Task.init` takes its closure this way.
                """,
            test: "HandbookConcurrencyTests.SendableAndRegionIsolationTests/sendingVersusSendableClosures()"),
        ReviewCard(
            id: "concurrency.sendable-and-region-isolation#d2bac5ac",
            lesson: "concurrency.sendable-and-region-isolation", kind: .recall,
            question: """
                An actor method creates and returns a new non-Sendable object. How can the caller use it \
                outside the actor or pass it to another task?
                """,
            answer: """
                Declare the result `-> sending Draft` (SE-0430). That promises the returned value is \
                disconnected from the actor's state, so the caller owns it outright and can hand it to a \
                `Task`. Without `sending`, a non-Sendable result stays in the actor's region and can't \
                leave it.
                """,
            test: "HandbookConcurrencyTests.SendableAndRegionIsolationTests/sendingResultCrossesToAnotherTask()"),
        ReviewCard(
            id: "concurrency.sendable-and-region-isolation#940a5263",
            lesson: "concurrency.sendable-and-region-isolation", kind: .recall,
            question: """
                Is a struct automatically Sendable because it's a value type?
                """,
            answer: """
                Only if every stored property is Sendable. A struct holding a mutable class (say a `Cache` \
                with a `var`) isn't Sendable, because copies would share the same object, and passing it \
                where `Sendable` is required fails to compile. Also, public non-frozen structs and enums \
                never get an inferred Sendable conformance, not even inside their own module, so declare `: \
                Sendable` explicitly.
                """,
            test: "HandbookConcurrencyTests.SendableAndRegionIsolationTests/structWithClassMemberIsNotSendable()"),
        ReviewCard(
            id: "concurrency.actors-and-reentrancy#b758f722", lesson: "concurrency.actors-and-reentrancy",
            kind: .predict,
            question: """
                The balance is 100. The first `withdraw(80)` suspends in `approve`, and a second \
                `withdraw(80)` runs meanwhile. What are the two results and the final balance?

                actor ReentrantBank {
                    func withdraw(_ amount: Int) async throws -> Int {
                        guard balance >= amount else { throw ... }
                        guard await approve(amount) else { throw ... }
                        balance -= amount
                        return balance
                    }
                }
                """,
            answer: """
                The second returns 20 and the first returns -60, so the final balance is -60. An actor runs \
                one job at a time, but each `await` ends a job: while the first call is suspended, the \
                second passes the same check and debits. The first then resumes on a stale check and debits \
                again.
                """,
            test: "HandbookConcurrencyTests.ActorsAndReentrancyTests/reentrantBankOverdraws()"),
        ReviewCard(
            id: "concurrency.actors-and-reentrancy#4487d31a", lesson: "concurrency.actors-and-reentrancy",
            kind: .recall,
            question: """
                How do you fix the actor bank that overdraws when two withdrawals interleave at `await \
                approve(amount)`?
                """,
            answer: """
                Never let a decision cross an `await` unchecked. Re-check `balance >= amount` after the \
                await, in the same synchronous stretch as the debit; then exactly one withdrawal succeeds, \
                the other throws `insufficientFunds(balance: 20, requested: 80)`, and the balance ends at \
                20. Alternatively, reserve first: debit before suspending and refund if the approval is \
                declined.
                """,
            test: "HandbookConcurrencyTests.ActorsAndReentrancyTests/fixedBankAllowsOneWithdrawal()"),
        ReviewCard(
            id: "concurrency.actors-and-reentrancy#daa7e723", lesson: "concurrency.actors-and-reentrancy",
            kind: .recall,
            question: """
                An actor caches a value that's expensive to load. Ten callers arrive while the first load \
                is still running. How do you make sure the load happens only once?
                """,
            answer: """
                Store the in-flight `Task` in the actor before the first suspension: `let task = Task { \
                await load() }; inFlight = task; let value = await task.value`. Later callers see \
                `inFlight` and `await inFlight.value` instead of starting their own load. Checking only `if \
                let cached` lets every caller that arrives during the `await` start a duplicate load, \
                because of reentrancy. With the shared task, `loadsStarted` stays at 1.
                """,
            test: "HandbookConcurrencyTests.ActorsAndReentrancyTests/inFlightLoadIsShared()"),
        ReviewCard(
            id: "concurrency.actors-and-reentrancy#78b9ee4f", lesson: "concurrency.actors-and-reentrancy",
            kind: .recall,
            question: """
                A helper must do several reads and writes on an actor with no other call interleaving \
                between them. How do you write it without making it an actor method?
                """,
            answer: """
                Give it an `isolated` parameter, e.g. `static func applyMonthlyStatement(..., to bank: \
                isolated Bank)`. For the duration of the call the function is part of the actor's \
                isolation, so it touches the actor's state synchronously, with no `await` between the \
                steps, and nothing can interleave. From outside it costs one hop (`await`), and \
                `#isolation` inside it is the bank.
                """,
            test: "HandbookConcurrencyTests.ActorsAndReentrancyTests/isolatedParameterRunsOnTheActor()"),
        ReviewCard(
            id: "concurrency.actors-and-reentrancy#8b9fb6c0", lesson: "concurrency.actors-and-reentrancy",
            kind: .recall,
            question: """
                Can `actor.assumeIsolated { ... }` be used to get onto an actor from synchronous code?
                """,
            answer: """
                No. It isn't a hop or a cast but a run-time assertion that the caller is already on the \
                actor's executor. Called from anywhere else, it traps with "Incorrect actor executor \
                assumption". It's only meant for code that really runs on the actor but can't say so in its \
                type, such as a callback from an executor you configured.
                """,
            test: "HandbookConcurrencyTests.ActorsAndReentrancyTests/assumeIsolatedOffTheActorTraps()"),
        ReviewCard(
            id: "concurrency.isolation-inheritance#bcc0cedb", lesson: "concurrency.isolation-inheritance",
            kind: .predict,
            question: """
                With `NonisolatedNonsendingByDefault` (Swift 6.2), what does each helper return when called \
                from inside actor `Recorder`?

                nonisolated(nonsending) static func a() async -> (any Actor)? { #isolation }
                @concurrent static func b() async -> (any Actor)? { #isolation }
                """,
            answer: """
                `a()` returns the `Recorder` instance and `b()` returns nil. A `nonisolated(nonsending)` \
                async function runs on its caller's actor, like a synchronous call; `@concurrent` always \
                switches to the global concurrent pool. Under the older SE-0338 rule (Swift 5.7–6.1, or 6.2 \
                without the upcoming feature), every nonisolated async function left the actor, which is \
                why it's worth spelling out the attribute where it matters.
                """,
            test: "HandbookConcurrencyTests.IsolationInheritanceTests/nonsendingInheritsConcurrentLeaves()"),
        ReviewCard(
            id: "concurrency.isolation-inheritance#981e16ad", lesson: "concurrency.isolation-inheritance",
            kind: .predict,
            question: """
                Inside an actor method, what does each version return?

                // version 1
                events = []
                let task = Task.immediate { self.events.append("A") }
                events.append("B"); await task.value; return events
                // version 2: the same with Task { ... }
                """,
            answer: """
                Version 1 returns `["A", "B"]` and version 2 returns `["B", "A"]`. `Task {}` inherits the \
                actor but is only enqueued, and the actor is busy with the current method until it \
                suspends. Called from the actor it's isolated to, `Task.immediate` runs synchronously up to \
                its first suspension. (Isolated to a different, busy actor, `Task.immediate` is enqueued \
                just like `Task {}`.)
                """,
            test: "HandbookConcurrencyTests.IsolationInheritanceTests/immediateTaskRunsFirst()"),
        ReviewCard(
            id: "concurrency.isolation-inheritance#c8bfff3d", lesson: "concurrency.isolation-inheritance",
            kind: .predict,
            question: """
                Inside an actor method, what `#isolation` does each task see?

                let usingSelf = await Task { self.events.append("x"); return #isolation }.value
                let notUsingSelf = await Task { #isolation }.value
                let detached = await Task.detached { #isolation }.value
                """,
            answer: """
                `usingSelf` is the actor, `notUsingSelf` is nil, and `detached` is nil. In an actor \
                instance's method, `Task {}` inherits the actor only when its closure captures it (uses \
                `self`); otherwise it's nonisolated. `Task.detached` inherits nothing. (In `@MainActor` or \
                other global-actor code, `Task {}` is isolated to that actor whatever it captures.)
                """,
            test: "HandbookConcurrencyTests.IsolationInheritanceTests/taskInheritsDetachedDoesNot()"),
        ReviewCard(
            id: "concurrency.isolation-inheritance#d95894d1", lesson: "concurrency.isolation-inheritance",
            kind: .recall,
            question: """
                An actor stores and calls an `@Sendable () async -> T` closure. Under \
                `NonisolatedNonsendingByDefault`, where does the closure run, and how do you make it leave \
                the actor?
                """,
            answer: """
                It runs on the actor. The nonsending rule covers async function types too, not just \
                declared functions, so a slow or CPU-heavy callback handed to an actor holds that actor \
                while it runs. Write `@concurrent` in the parameter's type (`@concurrent @Sendable () async \
                -> T`) so the closure passed in runs on the global pool instead.
                """,
            test: "HandbookConcurrencyTests.IsolationInheritanceTests/asyncFunctionTypesAreNonsending()"),
        ReviewCard(
            id: "concurrency.continuations-bridging#f160a592", lesson: "concurrency.continuations-bridging",
            kind: .seedQuestion,
            question: """
                How do you prevent goroutine leaks?
                """,
            answer: """
                In Swift, the leak is a task suspended on a continuation nobody resumes, or outside work \
                that keeps running after its waiter has gone. Prefer structured concurrency: group and \
                `async let` children can't outlive their scope. For callback bridges, resume exactly once \
                on every path, and wrap the continuation in `withTaskCancellationHandler` so cancelling the \
                waiter resumes it with `CancellationError` and calls `operation.cancel()` exactly once. \
                That is the Swift version of `select { case <-ctx.Done(): op.Cancel() }`. A checked \
                continuation also reports one that was never resumed.
                """,
            test: "HandbookConcurrencyTests.ContinuationsBridgingTests/cancellingTheWaiterCancelsTheOperationOnce()"),
        ReviewCard(
            id: "concurrency.continuations-bridging#bd56519d", lesson: "concurrency.continuations-bridging",
            kind: .recall,
            question: """
                You bridge a "cached value, then fresh value" callback API with \
                `withCheckedThrowingContinuation` and resume in the callback. What happens, and how do you \
                fix it?
                """,
            answer: """
                The callback fires twice, so the continuation is resumed twice, and a checked continuation \
                traps with "tried to resume its continuation more than once". If one answer is enough, \
                resume only on the first callback (an atomic once-flag: the first `exchange(true)` wins). \
                If every update matters, bridge to an `AsyncStream` instead.
                """,
            test: "HandbookConcurrencyTests.ContinuationsBridgingTests/doubleResumeTraps()"),
        ReviewCard(
            id: "concurrency.continuations-bridging#ab6fb5f1", lesson: "concurrency.continuations-bridging",
            kind: .recall,
            question: """
                Your continuation bridge resumes on `.success` but forgets the `.failure` path. What \
                happens at run time?
                """,
            answer: """
                The awaiting task stays suspended forever, holding everything it captured: the Swift \
                version of a leaked goroutine. When the service drops the callback, a checked continuation \
                prints "SWIFT TASK CONTINUATION MISUSE: ... leaked its continuation without resuming it". \
                An `UnsafeContinuation` says nothing. Use the checked variants unless profiling says \
                otherwise.
                """,
            test: "HandbookConcurrencyTests.ContinuationsBridgingTests/neverResumedContinuationIsReported()"),
        ReviewCard(
            id: "concurrency.continuations-bridging#13b9164b", lesson: "concurrency.continuations-bridging",
            kind: .recall,
            question: """
                In a cancellable callback bridge, the task may already be cancelled before the continuation \
                even exists. What should happen, and how is it arranged?
                """,
            answer: """
                The bridge should throw `CancellationError` at once and never start the operation. \
                `onCancel` runs first and finds no waiter, so a `Mutex`-protected state machine records \
                `cancelledBeforeStart`. When the continuation then arrives, the transition returns "resume \
                with cancellation" instead of "start operation". Continuations are resumed outside the lock.
                """,
            test: "HandbookConcurrencyTests.ContinuationsBridgingTests/cancelledBeforeTheCallNeverStarts()"),
        ReviewCard(
            id: "concurrency.continuations-bridging#0cf8dce6", lesson: "concurrency.continuations-bridging",
            kind: .predict,
            question: """
                In the bridge's pure state machine, cancellation arrives while `operation.start` is still \
                running. What do the calls return?

                var m = BridgeState<String>()
                _ = m.waiterArrived("w")   // .startOperation
                m.cancelled()              // ?
                m.operationStarted()       // ?
                m.operationCompleted()     // ?
                """,
            answer: """
                `cancelled()` returns `.resumeWithCancellation("w")`, `operationStarted()` returns \
                `.cancelOperation`, and `operationCompleted()` returns `.none`. The waiter is resumed \
                immediately, but the operation isn't cancelled while `start` is still in progress; that \
                cancel is deferred until `start` returns. A late completion is ignored, so the waiter is \
                resumed exactly once and the operation cancelled at most once.
                """,
            test: "HandbookConcurrencyTests.ContinuationsBridgingTests/machineCancelDuringStart()"),
        ReviewCard(
            id: "concurrency.nonsending-cpu-work#852c61e7", lesson: "concurrency.nonsending-cpu-work", kind: .recall,
            question: """
                Under Swift 6.2's `NonisolatedNonsendingByDefault`, an actor calls a plain `nonisolated \
                async` helper that JSON-encodes and hashes a large payload with no `await` inside. What \
                happens to a `count()` call that arrives meanwhile?
                """,
            answer: """
                It waits for the whole digest. The nonsending helper runs on the calling actor (SE-0461) \
                and holds it until its next suspension, and CPU work with no `await` holds it from the \
                first byte to the last. The queued `count()` runs only after the digest finishes. It's the \
                Go bug of marshalling a big payload while holding a mutex, except the lock here is implicit.
                """,
            test: "HandbookConcurrencyTests.NonsendingCPUWorkTests/nonsendingHelperHoldsTheActor()"),
        ReviewCard(
            id: "concurrency.nonsending-cpu-work#e93b871f", lesson: "concurrency.nonsending-cpu-work", kind: .recall,
            question: """
                How do you keep a CPU-heavy async helper from holding the calling actor, and why not \
                `Task.detached`?
                """,
            answer: """
                Mark the helper `@concurrent`: it always leaves the calling actor and runs on the global \
                concurrent executor (or the task's preferred executor), so the actor stays free during the \
                digest (`count()` runs before the digest finishes), and the result comes back after a hop. \
                `Task.detached` also gets the work off the actor, but it drops priority, task-locals and \
                cancellation, and it's unstructured.
                """,
            test: "HandbookConcurrencyTests.NonsendingCPUWorkTests/concurrentHelperLeavesTheActorFree()"),
        ReviewCard(
            id: "concurrency.nonsending-cpu-work#cd523774", lesson: "concurrency.nonsending-cpu-work", kind: .recall,
            question: """
                Why not just mark every async helper `@concurrent`?
                """,
            answer: """
                It costs executor hops: calling it from an actor method that has actor work left afterwards \
                (such as storing the result) takes two jobs on the actor's executor, the call and the hop \
                back, while a nonsending helper takes one. Its arguments and result must also be Sendable. \
                Keep short helpers nonsending, and move the ones whose run time grows with the input.
                """,
            test: "HandbookConcurrencyTests.NonsendingCPUWorkTests/concurrentCostsAHop()"),
        ReviewCard(
            id: "concurrency.nonsending-cpu-work#29465e30", lesson: "concurrency.nonsending-cpu-work", kind: .predict,
            question: """
                `DocumentStore` is an actor. What `isolation` do the two fingerprints report, and are their \
                digests equal?

                // inside the actor:
                let a = await NonsendingCPUWork.fingerprint(of: documents)            // \
                nonisolated(nonsending)
                let b = await NonsendingCPUWork.fingerprintConcurrently(of: documents) // @concurrent
                // each returns Fingerprint(value: digest, isolation: #isolation)
                """,
            answer: """
                `a.isolation` is the store and `b.isolation` is nil, and the digests are equal. Only where \
                the work ran differs, not what it computed. Called from nonisolated code, the nonsending \
                helper would report nil too, because there's no actor to inherit.
                """,
            test: "HandbookConcurrencyTests.NonsendingCPUWorkTests/isolationOfEachHelper()"),
        ReviewCard(
            id: "concurrency.global-actors-on-a-server#cf5af199", lesson: "concurrency.global-actors-on-a-server",
            kind: .recall,
            question: """
                On a Linux server, a synchronous `main` starts `Task { @MainActor in ... }` and blocks on a \
                semaphore until it finishes. What happens, and what fixes it?
                """,
            answer: """
                It hangs: the main-actor job never runs. Main-actor jobs go to the main dispatch queue, \
                which runs only when something drains it: an `async` main (the runtime calls \
                `dispatch_main()`), an explicit `dispatchMain()`, or a run loop. A blocked synchronous main \
                drains nothing. Go has no such dependency, because its other goroutines keep running while \
                `main` blocks. Keep server code nonisolated and `main` async.
                """,
            test:
                "HandbookConcurrencyTests.GlobalActorsOnAServerTests/entryPointDecidesWhetherTheMainActorRuns(program:expected:)"
        ),
        ReviewCard(
            id: "concurrency.global-actors-on-a-server#f62a20ea", lesson: "concurrency.global-actors-on-a-server",
            kind: .recall,
            question: """
                Does `@MainActor` code on a Linux server run on the main thread?
                """,
            answer: """
                Not necessarily. The main actor's executor is the main dispatch queue, not a thread. On \
                Linux, once `dispatch_main()` has run (an async main does this), a worker thread drains \
                that queue, so inside `@MainActor` code `Thread.isMainThread` is false even though the code \
                is isolated to `MainActor.shared` and runs on the main queue. Check `#isolation` or \
                `MainActor.assumeIsolated`, not the thread.
                """,
            test: "HandbookConcurrencyTests.GlobalActorsOnAServerTests/mainActorIsNotTheMainThreadOnLinux()"),
        ReviewCard(
            id: "concurrency.global-actors-on-a-server#6baed07a", lesson: "concurrency.global-actors-on-a-server",
            kind: .recall,
            question: """
                You annotate `SessionStore` and `AuditLog` with a custom `@StorageActor` global actor. What \
                does that cost on a busy server, and what scales better?
                """,
            answer: """
                Every declaration annotated with that global actor, in every type and file, runs on one \
                shared executor, so it behaves like one process-wide lock. 200 concurrent calls across both \
                unrelated types run strictly one at a time (peak 1), whatever the core count. Give each \
                independent resource (a shard, a connection, a tenant) its own actor instance, and keep \
                global actors for small, truly process-wide state.
                """,
            test: "HandbookConcurrencyTests.GlobalActorsOnAServerTests/globalActorSerialisesEveryCall()"),
        ReviewCard(
            id: "concurrency.global-actors-on-a-server#aecfec53", lesson: "concurrency.global-actors-on-a-server",
            kind: .predict,
            question: """
                What does this return?

                @MainActor static func f() async -> (any Actor)? {
                    await Task { #isolation }.value
                }
                """,
            answer: """
                `MainActor.shared`. A closure formed in a global-actor context inherits that global actor \
                even if it captures nothing, unlike `Task {}` in an actor instance's method, which inherits \
                only when it uses `self`. So CPU work in that task blocks every other main-actor job. \
                `Task.detached { #isolation }` would return nil.
                """,
            test: "HandbookConcurrencyTests.GlobalActorsOnAServerTests/taskStartedOnTheMainActorInheritsIt()"),
        ReviewCard(
            id: "concurrency.isolated-conformances#d14092ee", lesson: "concurrency.isolated-conformances",
            kind: .recall,
            question: """
                A `@MainActor` class must conform to a plain, nonisolated protocol, and its witness touches \
                main-actor state. What's the Swift 6.2 answer, and what does the compiler then forbid?
                """,
            answer: """
                Use an isolated conformance (SE-0470): `extension Dashboard: @MainActor Renderer`. \
                `Dashboard` is a `Renderer` only on the main actor. Using that conformance in a nonisolated \
                or `@concurrent` context is rejected ("cannot be used in nonisolated context"), and so is \
                using it for a generic parameter that's also `Sendable`, since the value could be sent \
                away. An existential built from the conformance can't be sent to another task either.
                """,
            test: "HandbookConcurrencyTests.IsolatedConformancesTests/isolatedConformanceIsRejectedOffTheMainActor()"),
        ReviewCard(
            id: "concurrency.isolated-conformances#9e32e905", lesson: "concurrency.isolated-conformances",
            kind: .predict,
            question: """
                `Dashboard` conforms via `extension Dashboard: @MainActor Renderer`. Called from the main \
                actor with a dashboard, what does this return?

                @concurrent static func renderOff(_ value: any Sendable) async -> String? {
                    (value as? any Renderer)?.render()
                }
                """,
            answer: """
                nil. Whether an isolated conformance applies is decided at run time by where the cast \
                executes; on the concurrent pool `Dashboard` isn't a `Renderer`. The same cast on the main \
                actor returns the markup, and a `nonisolated` conformance succeeds in both places. Code \
                that casts can therefore silently take the "not a renderer" branch.
                """,
            test: "HandbookConcurrencyTests.IsolatedConformancesTests/dynamicCastFailsOffTheMainActor()"),
        ReviewCard(
            id: "concurrency.isolated-conformances#946a5c09", lesson: "concurrency.isolated-conformances",
            kind: .recall,
            question: """
                Before Swift 6.2, a `@MainActor` type conformed to a nonisolated protocol with a \
                `nonisolated` witness that wraps `MainActor.assumeIsolated`, or with a `@preconcurrency` \
                conformance. What's the risk?
                """,
            answer: """
                Both compile and can be used everywhere, because the conformance isn't isolated, and they \
                work on the main actor. But called off the main actor, the run-time check in the witness \
                traps and kills the process. They turn a compile error into a crash; an isolated \
                conformance makes the compiler reject those uses instead.
                """,
            test: "HandbookConcurrencyTests.IsolatedConformancesTests/legacyWorkaroundsTrapOffTheMainActor()"),
        ReviewCard(
            id: "concurrency.isolated-conformances#f64c7746", lesson: "concurrency.isolated-conformances",
            kind: .recall,
            question: """
                With `InferIsolatedConformances` on, you declare `@MainActor struct Version: Equatable`. \
                What's the catch, and how do you fix it?
                """,
            answer: """
                The synthesized `Equatable` conformance is inferred to be main-actor isolated, so `Version` \
                is `Equatable` only on the main actor. Off it, for example in a `@concurrent` function, \
                `value is any Equatable` is false. Write `nonisolated Equatable` (as `SharedVersion` does) \
                when values must be compared anywhere.
                """,
            test: "HandbookConcurrencyTests.IsolatedConformancesTests/synthesizedEquatableIsIsolatedToo()"),
        ReviewCard(
            id: "concurrency.isolated-deinit#1d222a9d", lesson: "concurrency.isolated-deinit", kind: .recall,
            question: """
                A `@RegistryActor` class wants to unsubscribe itself in `deinit` by calling \
                `registry.remove(id)`. Why doesn't a plain `deinit` compile, and what's the Swift 6.2 fix?
                """,
            answer: """
                The `deinit` of a global-actor class is nonisolated, so calling the registry's \
                actor-isolated `remove` synchronously is rejected ("call to global actor \
                'RegistryActor'-isolated instance method 'remove' in a synchronous nonisolated context"). \
                Swift 6.2's `isolated deinit` (SE-0371) runs the deinitializer on the class's actor, so the \
                call is legal and race-free.
                """,
            test: "HandbookConcurrencyTests.IsolatedDeinitTests/plainDeinitCannotCallIsolatedCode()"),
        ReviewCard(
            id: "concurrency.isolated-deinit#cc2f9383", lesson: "concurrency.isolated-deinit", kind: .predict,
            question: """
                Running on `RegistryActor`, with a `Subscription` whose `isolated deinit` calls \
                `registry.remove(id)` (which logs "removed 0"), what does the log contain?

                var sub: Subscription? = registry.subscribe(to: "orders")
                sub = nil
                log.append("released")
                """,
            answer: """
                `["removed 0", "released"]`. Dropped on its own actor, the last reference runs the isolated \
                deinit inline, at the release point, so the subscription is already gone on the next line. \
                The pre-6.2 workaround (`deinit { Task { @RegistryActor in ... } }`) would always run later.
                """,
            test: "HandbookConcurrencyTests.IsolatedDeinitTests/releaseOnTheActorCleansUpInline()"),
        ReviewCard(
            id: "concurrency.isolated-deinit#e6787c99", lesson: "concurrency.isolated-deinit", kind: .recall,
            question: """
                The last reference to a `@RegistryActor` subscription (with an `isolated deinit`) is \
                dropped in a task that isn't on that actor. When does the cleanup run, and how should \
                observers cope?
                """,
            answer: """
                Later. The deinit becomes a job of its own (not part of any task), enqueued on the actor \
                after whatever it's busy with, so right after the release the subscription can still be \
                registered. Observers must wait for an explicit signal, such as `await \
                registry.waitUntilRemoved(id)`, rather than assume it's done. For scarce resources, prefer \
                an explicit `close()` or a `with...` scope.
                """,
            test: "HandbookConcurrencyTests.IsolatedDeinitTests/releaseOffTheActorIsDeferred()"),
        ReviewCard(
            id: "concurrency.isolated-deinit#f68c4128", lesson: "concurrency.isolated-deinit", kind: .recall,
            question: """
                In an actor's plain (nonisolated) `deinit`, which stored properties may you read, and what \
                does `isolated deinit` change?
                """,
            answer: """
                A plain actor `deinit` may read its own Sendable stored properties (an `Int` id is fine), \
                but not a non-Sendable one: "cannot access property 'buffer' with a non-Sendable type \
                'OutboundBuffer' from nonisolated deinit". An `isolated deinit` runs on the actor, so it \
                can read the buffer, for example to report messages that were never sent.
                """,
            test: "HandbookConcurrencyTests.IsolatedDeinitTests/plainActorDeinitCannotTouchNonSendableState()"),
    ]
}
