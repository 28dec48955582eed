import Foundation
import HandbookSystemDesign
import PropertyBased
import Testing

@Suite("Cursor signing: SHA-256, HMAC-SHA256, constant-time compare, base64url", .timeLimit(.minutes(1)))
struct CursorSigningTests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// FIPS 180-4 / NIST CSRC example vectors.
    static let shaVectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ]

    @Test("SHA-256 matches the FIPS 180-4 vectors: empty, \"abc\", the 448- and 896-bit messages")
    func sha256KnownVectors() {
        for vector in Self.shaVectors {
            #expect(
                Self.hex(CursorSigning.SHA256.hash(Self.bytes(vector.message))) == vector.digest, "\(vector.message)")
        }
    }

    /// Lengths around the padding boundaries: 55 bytes is the longest message whose padding fits in
    /// one block, 56 needs a second block, 64 is exactly one block before padding. Digests from Python's
    /// `hashlib`. (NIST's one-million-"a" vector passes too, but takes over a second in a debug build.)
    @Test(
        "SHA-256 of n × \"a\" at the padding boundaries matches a reference implementation",
        arguments: [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
            (1_000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
        ])
    func sha256PaddingBoundaries(length: Int, digest: String) {
        #expect(Self.hex(CursorSigning.SHA256.hash(repeatElement(UInt8(ascii: "a"), count: length))) == digest)
    }

    @Test("feeding SHA-256 in arbitrary chunks gives the one-shot digest (padding across block boundaries)")
    func incrementalEqualsOneShot() async {
        await propertyCheck(count: 200, input: Gen.uint8().array(of: 0...200), Gen.int(in: 1...70)) { message, chunk in
            var hasher = CursorSigning.SHA256()
            var index = 0
            while index < message.count {
                hasher.update(message[index..<min(index + chunk, message.count)])
                index += chunk
            }
            #expect(hasher.finalize() == CursorSigning.SHA256.hash(message))
        }
    }

    struct HMACCase: Sendable, CustomTestStringConvertible {
        var name: String
        var key: [UInt8]
        var message: [UInt8]
        var tag: String
        var testDescription: String { name }
    }

    static let rfc4231: [HMACCase] = [
        HMACCase(
            name: "1: 20-byte key", key: Array(repeating: 0x0b, count: 20), message: bytes("Hi There"),
            tag: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        HMACCase(
            name: "2: short key", key: bytes("Jefe"), message: bytes("what do ya want for nothing?"),
            tag: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        HMACCase(
            name: "3: 0xaa key, 0xdd data", key: Array(repeating: 0xaa, count: 20),
            message: Array(repeating: 0xdd, count: 50),
            tag: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        HMACCase(
            name: "4: 25-byte counting key", key: Array(1...25), message: Array(repeating: 0xcd, count: 50),
            tag: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        HMACCase(
            name: "6: 131-byte key, hashed first", key: Array(repeating: 0xaa, count: 131),
            message: bytes("Test Using Larger Than Block-Size Key - Hash Key First"),
            tag: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        HMACCase(
            name: "7: long key and long data", key: Array(repeating: 0xaa, count: 131),
            message: bytes(
                "This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm."),
            tag: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test("HMAC-SHA256 matches RFC 4231", arguments: rfc4231)
    func hmacRFC4231(_ testCase: HMACCase) {
        #expect(Self.hex(CursorSigning.hmacSHA256(key: testCase.key, message: testCase.message)) == testCase.tag)
    }

    @Test("constant-time compare: equal is true; a difference at any position, or another length, is false")
    func constantTimeEqualsIsCorrect() {
        let tag = Array(0..<32).map { UInt8($0 * 7 + 3) }
        #expect(CursorSigning.constantTimeEquals(tag, tag))
        #expect(CursorSigning.constantTimeEquals([UInt8](), [UInt8]()))
        for position in tag.indices {
            var altered = tag
            altered[position] ^= 0x01
            #expect(!CursorSigning.constantTimeEquals(tag, altered), "difference at byte \(position) missed")
        }
        #expect(!CursorSigning.constantTimeEquals(tag, tag.dropLast()))
        #expect(!CursorSigning.constantTimeEquals(tag, tag + [0]))
    }

    @Test("base64url round-trips any bytes and equals Foundation's base64 with - _ and no padding")
    func base64URLRoundTrip() async {
        await propertyCheck(count: 200, input: Gen.uint8().array(of: 0...64)) { bytes in
            let encoded = CursorSigning.Base64URL.encode(bytes)
            let oracle = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(encoded == oracle)
            #expect(CursorSigning.Base64URL.decode(encoded) == bytes)
        }
    }

    @Test("base64url decoding rejects padding, the standard alphabet, bad lengths and non-canonical last characters")
    func base64URLRejectsNonCanonicalInput() {
        #expect(CursorSigning.Base64URL.decode("YWJj") == Self.bytes("abc"))
        #expect(CursorSigning.Base64URL.decode("YQ") == Self.bytes("a"))
        #expect(CursorSigning.Base64URL.decode("YQ==") == nil)  // padding
        #expect(CursorSigning.Base64URL.decode("+/8") == nil)  // standard alphabet
        #expect(CursorSigning.Base64URL.decode("YWJjZ") == nil)  // 5 ≡ 1 (mod 4) cannot be produced
        #expect(CursorSigning.Base64URL.decode("YR") == nil)  // same byte as "YQ", but with a stray low bit set
    }

    @Test("flipping any single bit of a signed token makes it fail verification")
    func everyOneBitFlipIsRejected() throws {
        let signer = try CursorSigning.TokenSigner(secret: "an example secret, 32 bytes long")
        let token = signer.sign(Self.bytes(#"{"lastID":"order-42","lastSortKey":1700000000}"#))
        #expect(signer.verify(token) == Self.bytes(#"{"lastID":"order-42","lastSortKey":1700000000}"#))
        let characters = Array(token.utf8)
        var accepted: [String] = []
        for position in characters.indices {
            for bit in 0..<8 {
                var altered = characters
                altered[position] ^= UInt8(1) << bit
                let forged = String(decoding: altered, as: UTF8.self)
                if signer.verify(forged) != nil { accepted.append(forged) }
            }
        }
        #expect(accepted.isEmpty, "forged tokens accepted: \(accepted)")
    }

    @Test("a token signed with another secret, a re-signed payload, and garbage are all rejected")
    func foreignAndMalformedTokensAreRejected() throws {
        let signer = try CursorSigning.TokenSigner(secret: "an example secret, 32 bytes long")
        let other = try CursorSigning.TokenSigner(secret: "another secret, also long enough")
        let payload = Self.bytes("page after 42")
        #expect(other.verify(signer.sign(payload)) == nil)
        // Editing the readable half and keeping the old tag: exactly what a client would try.
        let tag = signer.sign(payload).split(separator: ".")[1]
        let edited = CursorSigning.Base64URL.encode(Self.bytes("page after 0")) + "." + tag
        #expect(signer.verify(edited) == nil)
        for garbage in ["", ".", "abc", "a.b.c", "####.####", signer.sign(payload) + "."] {
            #expect(signer.verify(garbage) == nil, "\(garbage)")
        }
    }

    @Test("a signer refuses a short secret with a thrown, descriptive error")
    func shortSecretIsAConfigurationError() {
        #expect(throws: CursorSigning.ConfigurationError.self) { try CursorSigning.TokenSigner(secret: "") }
        do {
            _ = try CursorSigning.TokenSigner(secret: "too short")
            Issue.record("a 9-byte secret was accepted")
        } catch {
            #expect(error.description.contains("at least 32 bytes, got 9"))
        }
        // RFC 2104: no shorter than SHA-256's 32-byte output.
        #expect(throws: CursorSigning.ConfigurationError.self) {
            try CursorSigning.TokenSigner(secret: [UInt8](repeating: 7, count: 31))
        }
        #expect(throws: Never.self) { try CursorSigning.TokenSigner(secret: [UInt8](repeating: 7, count: 32)) }
    }
}
