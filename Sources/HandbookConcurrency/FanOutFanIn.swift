/// Fan-out, fan-in: N workers pull jobs from one shared channel, and their
/// results flow back into one stream.
///
/// ```swift
/// let sizes = try await FanOutFanIn.processInOrder(urls, workers: 4) { url in await download(url).count }
/// // sizes[i] belongs to urls[i], although the downloads finished in any order
/// ```
///
/// ## Why interviewers ask this
/// "Process these 10 000 items with 4 workers and collect the results" tests
/// whether you can bound concurrency, share one source without handing a job
/// out twice, bring results back without losing any, and stop everything
/// when the consumer goes away. Go answers with a jobs channel, N goroutines
/// ranging over it and a results channel closed after `wg.Wait()`. Swift has
/// every piece: an `AsyncStream` shared by several iterating tasks hands each
/// element to one of them (observed behaviour of the non-throwing
/// `AsyncStream`, not a documented guarantee), a task group is the
/// `WaitGroup`, and the fan-in stream's `onTermination` is the cancellation
/// path.
///
/// ## Common pitfalls
/// - Giving each worker its own copy of the input (each job then runs N
///   times) instead of one *shared* source that hands each job to exactly one
///   worker.
/// - Expecting results in input order. Workers finish in any order; carry the
///   job's index and put each result back in its slot (``processInOrder(_:workers:transform:)``).
/// - Finishing the results stream when the *first* worker is done: the others
///   still have results to send. Finish after the whole group.
/// - Forgetting the way back: when the consumer stops reading, the workers
///   must be cancelled, or they keep running for nobody (Go's goroutine leak
///   on a results channel nobody drains).
/// - Zero workers: nothing would ever be processed. Reject it
///   (``ConfigurationError``).
/// - Switching the jobs stream to `AsyncThrowingStream` to carry errors: it
///   traps ("attempt to await next() on more than one task") as soon as two
///   workers wait in `next()` at the same time, the normal state of an idle
///   pool. Keep the jobs channel non-throwing, or use a channel built for
///   several consumers (``BoundedChannel``).
/// - Expecting the results stream to bound anything: it is `.unbounded`, so
///   a slow consumer lets results pile up in memory. Use a bounded channel
///   for the fan-in when the consumer can fall behind.
/// - Assuming nothing outlives the call. The workers here run in a group
///   inside an unstructured `Task` that feeds the results stream; when the
///   consumer stops, `process` can return while cancelled workers are still
///   finishing their current `transform`. A plain task group (as
///   `WorkerPool` uses) is fully structured; the stream form trades that for
///   streaming results.
///
/// ## Key takeaway
/// Fan-out = one shared source (a channel) + N long-lived group children
/// that `for await` over it; fan-in = every worker yields `(index, result)`
/// into one `AsyncStream`, finished after the group. Sort by index when order
/// matters, and wire the stream's `onTermination` to cancel the workers.
///
/// ## Go → Swift
/// The Go seed never wrote its `fan_in_out.go`: its worker pool fans out,
/// but fan-in (merging results) is missing. The Go shape maps one to one: the
/// buffered `jobs` channel is an `AsyncStream` every worker iterates (each
/// element goes to exactly one consumer), `wg.Wait(); close(results)` is
/// `output.finish()` after the group, and `ctx.Done()` is task cancellation.
/// For the bounded "sliding window" pool see `WorkerPool.swift`; for merging
/// two independent sources see ``SelectAndRacing/merge(_:_:)``.
public enum FanOutFanIn {
    /// A fan-out asked for fewer than one worker.
    public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
        public let workers: Int

        public init(workers: Int) {
            self.workers = workers
        }

        public var description: String { "fan-out needs at least 1 worker, got \(workers)" }
    }

    /// One result, tagged with the position of its job in the input.
    public struct Indexed<Output: Sendable>: Sendable {
        public let index: Int
        public let output: Output
    }

    /// Fans `jobs` out to `workers` concurrent workers and fans their
    /// results in to one stream, in completion order.
    ///
    /// Each job is handed to exactly one worker. The stream finishes after
    /// every worker has finished. Cancelling the consumer (or dropping the
    /// stream) cancels every worker.
    ///
    /// - Throws: ``ConfigurationError`` if `workers < 1`.
    /// - Complexity: O(`jobs.count`) calls of `transform`, at most `workers`
    ///   at a time.
    public static func results<Job: Sendable, Output: Sendable>(
        _ jobs: [Job],
        workers: Int,
        transform: @escaping @Sendable (Job) async -> Output
    ) throws(ConfigurationError) -> AsyncStream<Indexed<Output>> {
        guard workers >= 1 else { throw ConfigurationError(workers: workers) }

        // The jobs channel: buffered, filled and closed up front. An
        // AsyncStream gives each element to exactly one of its consumers.
        let (source, input) = AsyncStream.makeStream(of: (index: Int, job: Job).self)
        for (index, job) in jobs.enumerated() { input.yield((index, job)) }
        input.finish()

        let (results, output) = AsyncStream.makeStream(of: Indexed<Output>.self)
        let workersTask = Task {
            await withDiscardingTaskGroup { group in
                for _ in 0..<workers {
                    group.addTask {
                        for await (index, job) in source {
                            // Cancellation finishes the source, but a finished
                            // AsyncStream still hands out what it buffered.
                            guard !Task.isCancelled else { break }
                            output.yield(Indexed(index: index, output: await transform(job)))
                        }
                    }
                }
            }
            // Go's `wg.Wait(); close(results)`.
            output.finish()
        }
        output.onTermination = { _ in workersTask.cancel() }
        return results
    }

    /// Fan-out, fan-in, collected: every result, in completion order.
    ///
    /// - Throws: ``ConfigurationError`` if `workers < 1`.
    public static func process<Job: Sendable, Output: Sendable>(
        _ jobs: [Job],
        workers: Int,
        transform: @escaping @Sendable (Job) async -> Output
    ) async throws(ConfigurationError) -> [Output] {
        var outputs: [Output] = []
        outputs.reserveCapacity(jobs.count)
        for await result in try results(jobs, workers: workers, transform: transform) {
            outputs.append(result.output)
        }
        return outputs
    }

    /// Fan-out, fan-in, with order restored: `result[i]` is the output of
    /// `jobs[i]`, whatever order the workers finished in.
    ///
    /// - Throws: ``ConfigurationError`` if `workers < 1`.
    /// - Complexity: O(*n* log *n*) for the final sort, on top of the work.
    public static func processInOrder<Job: Sendable, Output: Sendable>(
        _ jobs: [Job],
        workers: Int,
        transform: @escaping @Sendable (Job) async -> Output
    ) async throws(ConfigurationError) -> [Output] {
        var tagged: [Indexed<Output>] = []
        tagged.reserveCapacity(jobs.count)
        for await result in try results(jobs, workers: workers, transform: transform) {
            tagged.append(result)
        }
        tagged.sort { $0.index < $1.index }
        return tagged.map(\.output)
    }
}
