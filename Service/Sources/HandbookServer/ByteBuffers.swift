import NIOCore

/// `ByteBuffer`: two indices over shared, copy-on-write storage, shown with
/// the decoder every binary protocol needs — length-prefixed frames.
///
/// ```swift
/// var received = ByteBuffer()            // bytes as they arrive from the socket
/// let frames = LengthPrefixedFrames(maximumFrameLength: 1 << 20)
/// while let payload = try frames.decode(&received) {
///     handle(payload)                    // a slice of `received`: no bytes copied
/// }
/// received.discardReadBytes()            // reclaim the consumed front (NIO's
///                                        // ByteToMessageHandler does this for you)
/// ```
///
/// ## Why interviewers ask this
/// Every SwiftNIO handler reads and writes `ByteBuffer`s, and a TCP read
/// delivers whatever bytes arrived: half a frame, or three and a half. The
/// interviewer checks that you can decode a stream without losing bytes
/// between reads, without copying payloads, and without trusting a length
/// field sent by the client.
///
/// ## Common pitfalls
/// - Consuming the length prefix of a frame that has not fully arrived. The
///   next read starts four bytes late and every later frame is garbage. Peek
///   with `getInteger(at: readerIndex)` and move the reader index only once
///   the whole frame is there.
/// - Allocating or waiting for whatever length the peer announces. A 4 GiB
///   length field is a memory exhaustion attack: reject it before reading on.
/// - Copying payloads into `[UInt8]` or `Data` per frame. `readSlice` shares
///   the storage; only a write to either buffer makes a copy.
/// - Believing a slice keeps only its bytes alive. It keeps the whole storage
///   alive: a 10-byte slice of a 1 MiB read holds the megabyte until released.
/// - Forgetting byte order. `readInteger` and `writeInteger` default to big
///   endian (network order); a little-endian protocol must say so.
///
/// ## Key takeaway
/// A `ByteBuffer` is storage plus `readerIndex <= writerIndex`: `read*`
/// moves the reader index, `get*` does not, `write*` moves the writer
/// index. Decode by peeking until a whole frame is readable, bound every
/// length the peer controls, and hand out slices, which are views, not copies.
///
/// ## Go → Swift
/// Go's `bufio.Reader` with `io.ReadFull`, or a `[]byte` re-sliced in
/// place, is the closest: Go slices share their array too, but a write
/// through one is visible through the other. A `ByteBuffer` slice is
/// copy-on-write: writing to it copies first, so nothing else sees the change.
public struct LengthPrefixedFrames: Sendable {
    /// A frame the decoder refuses.
    public enum DecodingError: Error, Equatable, Sendable {
        /// The announced payload length is above ``LengthPrefixedFrames/maximumFrameLength``.
        case frameTooLarge(length: UInt64, limit: Int)
    }

    /// Size of the big-endian `UInt32` length prefix.
    public static let prefixLength = 4

    /// The largest payload accepted, in bytes.
    public var maximumFrameLength: Int

    /// - Precondition: `maximumFrameLength` is between 0 and `UInt32.max`.
    public init(maximumFrameLength: Int) {
        precondition(
            maximumFrameLength >= 0 && UInt64(maximumFrameLength) <= UInt64(UInt32.max),
            "maximumFrameLength must fit the UInt32 length prefix, got \(maximumFrameLength)")
        self.maximumFrameLength = maximumFrameLength
    }

    /// Decodes one frame from the front of `buffer`.
    ///
    /// - Returns: the payload, a slice sharing `buffer`'s storage, with the
    ///   reader index moved past the frame; or `nil`, with `buffer`
    ///   untouched, when the whole frame has not arrived yet.
    /// - Throws: ``DecodingError/frameTooLarge(length:limit:)`` as soon as the
    ///   prefix is readable, before any payload is awaited.
    /// - Complexity: O(1): no payload byte is copied.
    public func decode(_ buffer: inout ByteBuffer) throws -> ByteBuffer? {
        guard let announced = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return nil }
        // Compared as UInt64 before any conversion: on a 32-bit platform
        // Int(announced) would trap on a length the peer chose.
        guard UInt64(announced) <= UInt64(maximumFrameLength) else {
            throw DecodingError.frameTooLarge(length: UInt64(announced), limit: maximumFrameLength)
        }
        let length = Int(announced)
        guard buffer.readableBytes >= Self.prefixLength + length else { return nil }
        buffer.moveReaderIndex(forwardBy: Self.prefixLength)
        return buffer.readSlice(length: length)
    }

    /// Appends `payload` to `buffer` as one frame.
    /// - Precondition: `payload.readableBytes <= maximumFrameLength`.
    public func encode(_ payload: ByteBuffer, into buffer: inout ByteBuffer) {
        precondition(
            payload.readableBytes <= maximumFrameLength,
            "payload of \(payload.readableBytes) bytes exceeds the \(maximumFrameLength)-byte limit")
        buffer.writeInteger(UInt32(payload.readableBytes))
        var payload = payload
        buffer.writeBuffer(&payload)
    }
}
