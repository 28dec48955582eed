import HandbookServer
import NIOCore
import Testing

@Suite("ByteBuffer and length-prefixed frames")
struct ByteBuffersTests {
    let frames = LengthPrefixedFrames(maximumFrameLength: 1_024)

    func encoded(_ payloads: [String]) -> ByteBuffer {
        var wire = ByteBuffer()
        for payload in payloads { frames.encode(ByteBuffer(string: payload), into: &wire) }
        return wire
    }

    func decodeAll(_ buffer: inout ByteBuffer) throws -> [String] {
        var decoded: [String] = []
        while let payload = try frames.decode(&buffer) { decoded.append(String(buffer: payload)) }
        return decoded
    }

    @Test("frames round-trip, including an empty one, and the buffer ends fully read")
    func framesRoundTrip() throws {
        var wire = encoded(["GET /orders", "", "héllo ✓"])
        #expect(try decodeAll(&wire) == ["GET /orders", "", "héllo ✓"])
        #expect(wire.readableBytes == 0)
    }

    @Test("a partial frame returns nil and leaves the reader index where it was")
    func partialFrameIsNotConsumed() throws {
        let whole = encoded(["payment accepted"])
        var received = ByteBuffer()
        let bytes = whole.readableBytesView
        for (offset, byte) in bytes.enumerated() {
            let before = received.readerIndex
            received.writeInteger(byte)
            let payload = try frames.decode(&received)
            if offset < bytes.count - 1 {
                #expect(payload == nil, "decoded a frame from \(offset + 1) of \(bytes.count) bytes")
                #expect(received.readerIndex == before, "consumed bytes of an incomplete frame at \(offset + 1)")
            } else {
                #expect(payload.map { String(buffer: $0) } == "payment accepted")
            }
        }
    }

    @Test("any chunking of the stream decodes to the same frames", arguments: [1, 2, 3, 5, 7, 64])
    func chunkingDoesNotMatter(chunk: Int) throws {
        let payloads = ["a", "", "bb", String(repeating: "x", count: 300), "tail"]
        let wire = encoded(payloads)
        var received = ByteBuffer()
        var decoded: [String] = []
        var offset = 0
        while offset < wire.readableBytes {
            let length = min(chunk, wire.readableBytes - offset)
            var piece = wire.getSlice(at: wire.readerIndex + offset, length: length)!
            received.writeBuffer(&piece)
            decoded += try decodeAll(&received)
            offset += length
        }
        #expect(decoded == payloads)
    }

    @Test("the payload is a slice of the received storage: no bytes are copied")
    func payloadIsASlice() throws {
        var wire = encoded(["0123456789"])
        let storage = wire.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) }
        let decoded = try frames.decode(&wire)
        let payload = try #require(decoded)
        let payloadAddress = payload.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) }
        #expect(payloadAddress == storage + UInt(LengthPrefixedFrames.prefixLength))
    }

    @Test("writing to a slice copies first: the original bytes never change")
    func slicesAreCopyOnWrite() throws {
        var wire = encoded(["immutable"])
        let original = wire
        let decoded = try frames.decode(&wire)
        var payload = try #require(decoded)
        let before = payload.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) }
        payload.setString("IMMUTABLE", at: payload.readerIndex)
        let after = payload.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) }
        #expect(String(buffer: payload) == "IMMUTABLE")
        #expect(before != after, "the write went to the shared storage")
        #expect(original.getString(at: original.readerIndex + 4, length: 9) == "immutable")
    }

    @Test("a length above the limit is rejected as soon as the prefix arrives")
    func oversizedFramesAreRejected() {
        var wire = ByteBuffer()
        wire.writeInteger(UInt32.max)  // 4 GiB announced, zero bytes of it sent
        #expect(throws: LengthPrefixedFrames.DecodingError.frameTooLarge(length: UInt64(UInt32.max), limit: 1_024)) {
            try frames.decode(&wire)
        }
        var atLimit = encoded([String(repeating: "z", count: 1_024)])
        let largest = try? frames.decode(&atLimit)
        #expect(largest?.readableBytes == 1_024)
    }

    @Test("integers are big-endian by default; get moves no index, read moves the reader index")
    func indicesAndByteOrder() {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(1))
        #expect(Array(buffer.readableBytesView) == [0, 0, 0, 1])
        #expect((buffer.readerIndex, buffer.writerIndex) == (0, 4))
        #expect(buffer.getInteger(at: 0, as: UInt32.self) == 1)
        #expect(buffer.readerIndex == 0)
        let first = buffer.readInteger(as: UInt32.self)
        #expect(first == 1)
        #expect((buffer.readerIndex, buffer.readableBytes) == (4, 0))
        let second = buffer.readInteger(as: UInt32.self)
        #expect(second == nil)
    }
}
