import HandbookServer
import NIOCore
import NIOEmbedded
import Testing

/// A `NIOAsyncTestingChannel` stands in for a socket and a `SimulatedPeer`
/// for the kernel: it hands the channel a chunk only for a `read()` that
/// reached it. Everything is stepped explicitly on the testing loop.
@Suite("Backpressure at the NIO boundary", .timeLimit(.minutes(1)))
struct BackpressureTests {
    static let chunks = 1_000
    static let chunkSize = 1_024
    static let watermarks = (low: 2, high: 8)

    /// A channel wrapped by `NIOAsyncChannel` with the lesson's watermarks,
    /// and the counter of reads that reach the socket.
    func boundedChannel() async throws -> (NIOAsyncTestingChannel, NIOAsyncChannel<ByteBuffer, Never>, ReadDemand) {
        let channel = NIOAsyncTestingChannel()
        let demand = ReadDemand()
        let wrapped = try await channel.testingEventLoop.executeInContext {
            try channel.pipeline.syncOperations.addHandler(demand)
            return try NIOAsyncChannel<ByteBuffer, Never>(
                wrappingChannelSynchronously: channel,
                configuration: .init(
                    backPressureStrategy: .init(
                        lowWatermark: Self.watermarks.low, highWatermark: Self.watermarks.high)))
        }
        return (channel, wrapped, demand)
    }

    /// The first read (autoRead on activation), then as many as the
    /// pipeline lets through.
    func startReading(_ channel: NIOAsyncTestingChannel, _ peer: SimulatedPeer, _ demand: ReadDemand) async throws {
        try await channel.testingEventLoop.executeInContext {
            channel.read()
            peer.pump(channel, demand: demand)
        }
    }

    func pump(_ channel: NIOAsyncTestingChannel, _ peer: SimulatedPeer, _ demand: ReadDemand) async throws {
        await channel.testingEventLoop.run()
        try await channel.testingEventLoop.executeInContext { peer.pump(channel, demand: demand) }
    }

    @Test("an unbounded AsyncStream bridge reads everything the peer sends: memory grows with the upload")
    func unboundedBridgeBuffersEverything() async throws {
        let channel = NIOAsyncTestingChannel()
        let demand = ReadDemand()
        let bridge = UnboundedStreamBridge()
        try await channel.testingEventLoop.executeInContext {
            try channel.pipeline.syncOperations.addHandlers([demand, bridge])
        }
        let peer = SimulatedPeer(chunks: Self.chunks, chunkSize: Self.chunkSize)
        try await startReading(channel, peer, demand)
        // Nobody has consumed a single chunk, and all of them are in memory.
        #expect(peer.delivered == Self.chunks)
        #expect(peer.pendingChunks == 0)
        #expect(bridge.buffered == Self.chunks * Self.chunkSize)
        _ = try await channel.finish()
    }

    @Test("NIOAsyncChannel stops asking for reads at the high watermark: the rest waits in the kernel")
    func watermarksBoundTheBuffer() async throws {
        let (channel, wrapped, demand) = try await boundedChannel()
        let peer = SimulatedPeer(chunks: Self.chunks, chunkSize: Self.chunkSize)
        try await startReading(channel, peer, demand)
        // One chunk per read event here, so reading stops exactly at the high watermark.
        #expect(peer.delivered == Self.watermarks.high)
        #expect(peer.pendingChunks == Self.chunks - Self.watermarks.high)
        // However long the consumer sleeps, nothing more is read.
        for _ in 0..<10 { try await pump(channel, peer, demand) }
        #expect(peer.delivered == Self.watermarks.high)
        try await wrapped.executeThenClose { _ in }
    }

    @Test("consuming below the low watermark resumes reading, and every chunk arrives once, in order")
    func consumingResumesReading() async throws {
        let (channel, wrapped, demand) = try await boundedChannel()
        let peer = SimulatedPeer(chunks: 100, chunkSize: 16)
        try await startReading(channel, peer, demand)
        let stalledAt = peer.delivered
        var sequence: [UInt32] = []
        var mostBuffered = 0
        try await wrapped.executeThenClose { inbound in
            var chunks = inbound.makeAsyncIterator()
            while sequence.count < 100 {
                let next = try await chunks.next()
                var chunk = try #require(next)
                let number = chunk.readInteger(as: UInt32.self)
                sequence.append(try #require(number))
                try await pump(channel, peer, demand)
                mostBuffered = max(mostBuffered, peer.delivered - sequence.count)
            }
        }
        #expect(stalledAt < 100)
        #expect(sequence == Array(1...100))
        #expect(mostBuffered <= Self.watermarks.high, "a slow consumer held \(mostBuffered) chunks")
        #expect(peer.pendingChunks == 0)
    }

    @Test("reads resume only once the buffer drains below the low watermark, not after every element")
    func resumptionWaitsForTheLowWatermark() async throws {
        let (channel, wrapped, demand) = try await boundedChannel()
        let peer = SimulatedPeer(chunks: Self.chunks, chunkSize: 16)
        try await startReading(channel, peer, demand)
        let stalledAt = peer.delivered
        var consumedBeforeResuming = 0
        try await wrapped.executeThenClose { inbound in
            var chunks = inbound.makeAsyncIterator()
            while peer.delivered == stalledAt, consumedBeforeResuming < stalledAt {
                _ = try await chunks.next()
                consumedBeforeResuming += 1
                try await pump(channel, peer, demand)
            }
        }
        // 8 buffered; reading resumes when fewer than 2 are left: after the 7th.
        #expect(consumedBeforeResuming == Self.watermarks.high - Self.watermarks.low + 1)
        #expect(peer.delivered > stalledAt)
    }

    @Test("the bound is withheld demand: the bounded channel stops asking, the bridge never does")
    func backpressureIsWithheldDemand() async throws {
        let (channel, wrapped, demand) = try await boundedChannel()
        let peer = SimulatedPeer(chunks: Self.chunks, chunkSize: Self.chunkSize)
        try await startReading(channel, peer, demand)
        // Every read() that reached the socket was answered; the one after
        // the high watermark was never sent.
        #expect(demand.reads == peer.delivered)
        try await wrapped.executeThenClose { _ in }

        let unboundedChannel = NIOAsyncTestingChannel()
        let unboundedDemand = ReadDemand()
        try await unboundedChannel.testingEventLoop.executeInContext {
            try unboundedChannel.pipeline.syncOperations.addHandlers([unboundedDemand, UnboundedStreamBridge()])
        }
        let fastPeer = SimulatedPeer(chunks: 10, chunkSize: 16)
        try await startReading(unboundedChannel, fastPeer, unboundedDemand)
        // The bridge asks again after every chunk, even the last: demand never stops.
        #expect(unboundedDemand.reads == fastPeer.delivered + 1)
        _ = try await unboundedChannel.finish()
    }

    @Test("the unbounded bridge ends its stream when the peer closes, so its consumer is not left waiting")
    func bridgeFinishesOnClose() async throws {
        let channel = NIOAsyncTestingChannel()
        let bridge = UnboundedStreamBridge()
        try await channel.testingEventLoop.executeInContext {
            try channel.pipeline.syncOperations.addHandler(bridge)
        }
        try await channel.testingEventLoop.executeInContext {
            channel.pipeline.fireChannelRead(ByteBuffer(string: "last"))
        }
        _ = try await channel.finish()
        var received: [String] = []
        for await chunk in bridge.chunks { received.append(String(buffer: chunk)) }
        #expect(received == ["last"])
    }
}
