import NIOCore
import Synchronization

/// Backpressure at the NIO boundary: a channel reads from its socket only
/// when it asks (`read()`), so a consumer that falls behind must stop
/// asking. `NIOAsyncChannel` does, between two watermarks; a handler that
/// pushes every read into an unbounded `AsyncStream` does not, and its
/// memory grows with whatever the peer sends.
///
/// ```swift
/// // In the bootstrap's childChannelInitializer, on the channel's event loop:
/// channel.eventLoop.makeCompletedFuture {
///     try NIOAsyncChannel<ByteBuffer, Never>(
///         wrappingChannelSynchronously: channel,
///         configuration: .init(backPressureStrategy: .init(lowWatermark: 2, highWatermark: 8)))
/// }
/// // Then, in a task per connection:
/// try await connection.executeThenClose { inbound in
///     for try await chunk in inbound { try await slowDatabase.insert(chunk) }  // about 8 reads wait, at most
/// }
/// ```
///
/// ## Why interviewers ask this
/// "A client uploads faster than you can write to the database: what
/// happens?" In a thread-per-connection server the blocked thread stops
/// reading and TCP's window pushes back on the sender. An event-driven
/// server must do that on purpose: stop calling `read()` when its buffer
/// is full, so unread bytes stay in the kernel and the window closes. The
/// interviewer checks that you know where the buffer is, who bounds it, and
/// what `AsyncStream`'s default (unbounded) does to a server's memory.
///
/// ## Common pitfalls
/// - Bridging a channel to `async` code with `AsyncStream(...)` and its
///   default `.unbounded` policy, while reads keep being requested: the
///   process buffers everything the peer sends. One fast client can exhaust
///   the server's memory.
/// - "Fixing" that with `.bufferingNewest(n)`/`.bufferingOldest(n)`: memory is
///   bounded, but data is silently dropped. On a byte stream that corrupts
///   the request; backpressure must slow the sender, not lose its data.
/// - Expecting a bounded buffer to help while something still calls
///   `read()` regardless. The bound only works because the handler
///   withholds `read()`; autoRead with a handler that never withholds it
///   reads forever.
/// - Watermarks too close together (low = high): every element flips
///   reading on and off. The gap between them batches the resumptions.
///
/// - Counting the bound in bytes. The watermarks count *elements*: each is
///   one read's worth (up to 64 KiB by default for TCP), and one read
///   event may deliver several reads before the buffer is checked, so the
///   real bound is a few elements above the high watermark, times 64 KiB.
///
/// ## Key takeaway
/// Backpressure is withheld demand: between the socket and your code, the
/// buffer is bounded only if reading stops when it is full. `NIOAsyncChannel`
/// stops forwarding `read()` once the high watermark is reached and resumes
/// when the consumer drains it below the low one, so a slow consumer holds
/// about `highWatermark` elements and the rest waits in the kernel, where
/// TCP's window slows the sender.
///
/// ## Go → Swift
/// Go's `conn.Read` blocks the goroutine, so backpressure is automatic until
/// someone adds a goroutine that reads into a buffered channel: then the
/// channel's capacity is the bound, and a full channel blocks the reader as
/// `NIOAsyncChannel`'s high watermark stops reads. An unbounded `AsyncStream`
/// is the Go program that appends every read to a slice.
public final class ReadDemand: ChannelOutboundHandler, Sendable {
    public typealias OutboundIn = Any

    private let requested = Atomic<Int>(0)

    public init() {}

    /// How many `read()` requests reached the socket: each lets the kernel
    /// hand the channel one more read's worth of bytes.
    public var reads: Int { requested.load(ordering: .relaxed) }

    public func read(context: ChannelHandlerContext) {
        requested.add(1, ordering: .relaxed)
        context.read()
    }
}

/// A fast peer behind a socket: it has ``pendingChunks`` ready, and the
/// kernel hands the channel one chunk per `read()` the channel asked for —
/// the rest stays in the socket buffer (and TCP's window closes).
public final class SimulatedPeer: Sendable {
    private struct State {
        var pending: Int
        var delivered = 0
        var sequence = 0
    }
    private let state: Mutex<State>
    /// Bytes per chunk.
    public let chunkSize: Int

    public init(chunks: Int, chunkSize: Int) {
        state = Mutex(State(pending: chunks))
        self.chunkSize = chunkSize
    }

    /// Chunks the channel has read so far.
    public var delivered: Int { state.withLock { $0.delivered } }
    /// Chunks still waiting in the kernel.
    public var pendingChunks: Int { state.withLock { $0.pending } }

    /// Delivers chunks while the channel has asked for them, as the event
    /// loop does for a readable socket: a read, then read-complete, then (autoRead)
    /// the next `read()` request, which the pipeline may withhold.
    /// Call it on the channel's event loop.
    public func pump(_ channel: any Channel, demand: ReadDemand) {
        channel.eventLoop.preconditionInEventLoop()
        while let sequence = takeChunk(ifRequested: demand.reads) {
            var chunk = channel.allocator.buffer(capacity: chunkSize)
            chunk.writeInteger(UInt32(sequence))
            chunk.writeRepeatingByte(0x2A, count: max(0, chunkSize - 4))
            channel.pipeline.fireChannelRead(chunk)
            channel.pipeline.fireChannelReadComplete()
            channel.read()
        }
    }

    private func takeChunk(ifRequested reads: Int) -> Int? {
        state.withLock { state in
            guard state.pending > 0, reads > state.delivered else { return nil }
            state.pending -= 1
            state.delivered += 1
            state.sequence += 1
            return state.sequence
        }
    }
}

/// The mistake: every read goes into an `AsyncStream` with the default
/// (unbounded) buffering, and `read()` is never withheld.
public final class UnboundedStreamBridge: ChannelInboundHandler, Sendable {
    public typealias InboundIn = ByteBuffer

    /// What the application iterates.
    public let chunks: AsyncStream<ByteBuffer>
    private let continuation: AsyncStream<ByteBuffer>.Continuation
    private let bufferedBytes = Atomic<Int>(0)

    public init() {
        (chunks, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
    }

    /// Bytes handed to the stream and not yet taken by ``consumed(_:)``.
    public var buffered: Int { bufferedBytes.load(ordering: .relaxed) }

    /// The consumer reports what it took off the stream.
    public func consumed(_ chunk: ByteBuffer) {
        bufferedBytes.subtract(chunk.readableBytes, ordering: .relaxed)
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let chunk = unwrapInboundIn(data)
        bufferedBytes.add(chunk.readableBytes, ordering: .relaxed)
        continuation.yield(chunk)
    }

    /// The peer closed: end the stream, or its consumer waits forever.
    public func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        continuation.finish()
    }
}
