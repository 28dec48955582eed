extension Catalogue {
    static let concurrencyChannelLessons: [Lesson] = [
        Lesson(
            id: "concurrency.async-streams-and-channels",
            phase: 2,
            module: "HandbookConcurrency",
            title: "AsyncStream and channels",
            sources: ["Sources/HandbookConcurrency/AsyncStreamsAndChannels.swift"],
            tests: ["Tests/HandbookConcurrencyTests/AsyncStreamsAndChannelsTests.swift"],
            seedTopics: ["concurrency: Channels"],
            questions: ["Explain the difference between buffered and unbuffered channels"],
            experiments: [
                Experiment(
                    id: "async-streams-and-channels.forget-on-termination",
                    file: "Sources/HandbookConcurrency/AsyncStreamsAndChannels.swift",
                    original: "continuation.onTermination = onTermination",
                    replacement: "",
                    caughtBy:
                        "HandbookConcurrencyTests.AsyncStreamsAndChannelsTests/(consumerCancellationReachesTheProducer|yieldAfterFinishIsTerminated)",
                    teaches: """
                        Without onTermination the producer is never told that the consumer was cancelled or that the \
                        stream finished: the termination log stays empty. Only polling yield's .terminated result \
                        would reveal it, so a producer keeps working for nobody.
                        """),
                Experiment(
                    id: "async-streams-and-channels.forget-finish",
                    file: "Sources/HandbookConcurrency/AsyncStreamsAndChannels.swift",
                    original: "                output.finish()\n",
                    replacement: "",
                    caughtBy: "HandbookConcurrencyTests.AsyncStreamsAndChannelsTests/pipelineSquares",
                    expect: .hangs,
                    teaches: """
                        A for-await loop ends only when its stream is finished. Without output.finish() the consumer \
                        waits forever for more squares, exactly like ranging over a Go channel nobody closes; \
                        the suite's time limit fails the test.
                        """),
            ]),
        Lesson(
            id: "concurrency.bounded-channel",
            phase: 2,
            module: "HandbookConcurrency",
            title: "A bounded channel from scratch",
            sources: ["Sources/HandbookConcurrency/BoundedChannel.swift"],
            tests: ["Tests/HandbookConcurrencyTests/BoundedChannelTests.swift"],
            seedTopics: ["concurrency: Channels"],
            questions: ["Explain the difference between buffered and unbuffered channels"],
            experiments: [
                Experiment(
                    id: "bounded-channel.fast-path-ignores-cancellation",
                    file: "Sources/HandbookConcurrency/BoundedChannel.swift",
                    original: "$0.machine.sendWithoutWaiting(element, isCancelled: Task.isCancelled)",
                    replacement: "$0.machine.sendWithoutWaiting(element, isCancelled: false)",
                    caughtBy: "HandbookConcurrencyTests.BoundedChannelTests/cancelledTaskNeitherSendsNorReceives",
                    teaches: """
                        A fast path must keep every rule of the slow one. Skip the cancellation check because \
                        the buffer has room, and a cancelled task's value is delivered: the fast channel now \
                        behaves differently from the readable one exactly when nothing has to wait.
                        """),
                Experiment(
                    id: "bounded-channel.never-suspend-when-full",
                    file: "Sources/HandbookConcurrency/BoundedChannel.swift",
                    original: "if buffer.count < capacity {",
                    replacement: "if true {",
                    caughtBy:
                        "HandbookConcurrencyTests.BoundedChannelTests/exactlyCapacitySendsCompleteBeforeAConsumer",
                    teaches: """
                        Without the capacity check no sender ever waits: with no consumer every send completes \
                        instead of exactly `capacity`. In debug builds the state machine's invariant check traps \
                        first, on the first send past capacity (for example "buffer holds 1 > capacity 0"; the \
                        capacities run in parallel, so which one trips first varies). That is AsyncStream's \
                        .unbounded: no backpressure.
                        """),
                Experiment(
                    id: "bounded-channel.cancel-without-dequeuing",
                    file: "Sources/HandbookConcurrency/BoundedChannel.swift",
                    original: "let sender = shared.withLock { $0.machine.cancelSender(id: id) }",
                    replacement: "let sender: CheckedContinuation<Void, any Error>? = nil",
                    caughtBy: "HandbookConcurrencyTests.BoundedChannelTests/cancellationOfWaiters",
                    teaches: """
                        If cancellation does not remove the parked sender, cancel() changes nothing: the sender stays \
                        parked with its value, and the later finish() fails it with .finished instead of \
                        CancellationError (a receiver would even have taken its value). A waiter must leave the \
                        queue when cancelled, or shutdown waits on it.
                        """),
            ]),
        Lesson(
            id: "concurrency.async-sequence-backpressure",
            phase: 2,
            module: "HandbookConcurrency",
            title: "AsyncSequence backpressure",
            sources: ["Sources/HandbookConcurrency/AsyncSequenceBackpressure.swift"],
            tests: ["Tests/HandbookConcurrencyTests/AsyncSequenceBackpressureTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "async-sequence-backpressure.bounded-stream-drops",
                    file: "Sources/HandbookConcurrency/AsyncSequenceBackpressure.swift",
                    original: "bufferingPolicy: .unbounded)",
                    replacement: "bufferingPolicy: .bufferingNewest(1_000))",
                    caughtBy: "HandbookConcurrencyTests.AsyncSequenceBackpressureTests/unboundedStreamNeverPushesBack",
                    teaches: """
                        Bounding an AsyncStream does not slow the producer down: yield still never waits, and 9 000 \
                        of the 10 000 values are dropped (yield returns .dropped). A bound without a waiting send is \
                        data loss, not backpressure.
                        """),
                Experiment(
                    id: "async-sequence-backpressure.debounce-without-restart",
                    file: "Sources/HandbookConcurrency/AsyncSequenceBackpressure.swift",
                    original: "pending = (value, now.advanced(by: interval))",
                    replacement: "pending = (value, pending?.deadline ?? now.advanced(by: interval))",
                    caughtBy:
                        "HandbookConcurrencyTests.AsyncSequenceBackpressureTests/debounceStateRestartsTheQuietPeriod",
                    teaches: """
                        If a new value does not push the deadline back, the window is fixed at the first value: \
                        that is a (trailing) throttle, not a debounce. "ab" is emitted 50 ms after the last \
                        keystroke, while the user is still typing.
                        """),
            ]),
    ]
}
