// BoundedChannel (HandbookConcurrency/BoundedChannel.swift) against the two
// channels a Swift team would reach for: swift-async-algorithms'
// `AsyncChannel` (unbuffered: every send waits for its receiver) and the
// standard library's `AsyncStream` (buffered, single consumer, no
// backpressure: `yield` never waits). Same work on every side: one producer
// task, one consumer, `messages` integers summed.
import AsyncAlgorithms
import Benchmark
import HandbookBenchmarkSupport
import HandbookConcurrency

let messages = 100_000
let roundTrips = 10_000

/// The lesson's two channels: the readable `BoundedChannel` and the
/// `FastBoundedChannel` (fast path, unsafe continuations).
protocol LessonChannel: Sendable {
    init(capacity: Int)
    func send(_ element: Int) async throws
    func receive() async -> Int?
    func finish()
}
extension BoundedChannel: LessonChannel where Element == Int {}
extension FastBoundedChannel: LessonChannel where Element == Int {}

/// One producer sends `0..<messages`, then finishes; the caller drains.
func throughput<Channel: LessonChannel>(_: Channel.Type = BoundedChannel<Int>.self, capacity: Int) async -> Int {
    let channel = Channel(capacity: capacity)
    async let produced: Void = {
        defer { channel.finish() }  // on every path, or the consumer waits for ever
        for value in 0..<messages {
            do { try await channel.send(value) } catch { return }
        }
    }()
    var sum = 0
    while let value = await channel.receive() { sum &+= value }
    await produced
    return sum
}

func throughputAsyncChannel() async -> Int {
    let channel = AsyncChannel<Int>()
    async let produced: Void = {
        for value in 0..<messages { await channel.send(value) }
        channel.finish()
    }()
    var sum = 0
    for await value in channel { sum &+= value }
    await produced
    return sum
}

func throughputAsyncStream() async -> Int {
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
    async let produced: Void = {
        for value in 0..<messages { continuation.yield(value) }
        continuation.finish()
    }()
    var sum = 0
    for await value in stream { sum &+= value }
    await produced
    return sum
}

/// Ping-pong: a request goes one way and its reply the other, `roundTrips`
/// times. Latency, not throughput: every message waits for the previous one.
func pingPong<Channel: LessonChannel>(_: Channel.Type = BoundedChannel<Int>.self, capacity: Int) async -> Int {
    let requests = Channel(capacity: capacity)
    let replies = Channel(capacity: capacity)
    async let echoed: Void = {
        defer { replies.finish() }
        while let value = await requests.receive() {
            do { try await replies.send(value &+ 1) } catch { return }
        }
    }()
    var last = 0
    for value in 0..<roundTrips {
        do { try await requests.send(value) } catch { break }
        last = await replies.receive() ?? last
    }
    requests.finish()
    await echoed
    return last
}

func pingPongAsyncChannel() async -> Int {
    let requests = AsyncChannel<Int>()
    let replies = AsyncChannel<Int>()
    async let echoed: Void = {
        for await value in requests { await replies.send(value &+ 1) }
        replies.finish()
    }()
    var last = 0
    var iterator = replies.makeAsyncIterator()
    for value in 0..<roundTrips {
        await requests.send(value)
        last = await iterator.next() ?? last
    }
    requests.finish()
    await echoed
    return last
}

func pingPongAsyncStream() async -> Int {
    let (requests, requestSink) = AsyncStream.makeStream(of: Int.self)
    let (replies, replySink) = AsyncStream.makeStream(of: Int.self)
    async let echoed: Void = {
        for await value in requests { replySink.yield(value &+ 1) }
        replySink.finish()
    }()
    var last = 0
    var iterator = replies.makeAsyncIterator()
    for value in 0..<roundTrips {
        requestSink.yield(value)
        last = await iterator.next() ?? last
    }
    requestSink.finish()
    await echoed
    return last
}

func channelBenchmarks() {
    // MARK: throughput: 100k messages, one producer, one consumer

    Benchmark("Channel 100k messages · ours BoundedChannel (capacity 0, rendezvous)") { _ in
        blackHole(await throughput(capacity: 0))
    }
    Benchmark("Channel 100k messages · ours BoundedChannel (capacity 64)") { _ in
        blackHole(await throughput(capacity: 64))
    }
    Benchmark("Channel 100k messages · ours FastBoundedChannel (capacity 0, rendezvous)") { _ in
        blackHole(await throughput(FastBoundedChannel<Int>.self, capacity: 0))
    }
    Benchmark("Channel 100k messages · ours FastBoundedChannel (capacity 64)") { _ in
        blackHole(await throughput(FastBoundedChannel<Int>.self, capacity: 64))
    }
    Benchmark("Channel 100k messages · swift-async-algorithms AsyncChannel (rendezvous)") { _ in
        blackHole(await throughputAsyncChannel())
    }
    Benchmark("Channel 100k messages · AsyncStream (unbounded buffer)") { _ in
        blackHole(await throughputAsyncStream())
    }

    // MARK: ping-pong: 10k request/reply round trips

    Benchmark("Ping-pong 10k round trips · ours BoundedChannel (capacity 0)") { _ in
        blackHole(await pingPong(capacity: 0))
    }
    Benchmark("Ping-pong 10k round trips · ours FastBoundedChannel (capacity 0)") { _ in
        blackHole(await pingPong(FastBoundedChannel<Int>.self, capacity: 0))
    }
    Benchmark("Ping-pong 10k round trips · swift-async-algorithms AsyncChannel") { _ in
        blackHole(await pingPongAsyncChannel())
    }
    Benchmark("Ping-pong 10k round trips · AsyncStream") { _ in
        blackHole(await pingPongAsyncStream())
    }
}
