/// Tamper-evident opaque tokens built from scratch: SHA-256 (FIPS 180-4),
/// HMAC-SHA256 (RFC 2104), a constant-time comparison and unpadded base64url,
/// which is all a signed pagination cursor or a webhook signature is made of.
///
/// ```swift
/// let signer = try CursorSigning.TokenSigner(secret: "0123456789abcdef0123456789abcdef")
/// let token = signer.sign(Array(#"{"lastID":42}"#.utf8))   // "eyJsYXN0SUQiOjQyfQ.<43-character tag>"
/// signer.verify(token)                                      // the payload bytes
/// signer.verify("eyJsYXN0SUQiOjB9." + token.split(separator: ".")[1])   // nil: {"lastID":0} with the old tag
/// ```
///
/// ## Why interviewers ask this
/// "Your API hands out opaque cursors (or sends webhooks): how do you stop a
/// client from editing one?" Base64 is an encoding, not a protection, so a
/// client that decodes `{"lastID":42}` can write `{"lastID":0}` and page through
/// data it should not reach, or make the server run a pathological query. The
/// expected answer is a MAC with a server-side secret: HMAC-SHA256 over the
/// payload, checked with a constant-time comparison before the payload is
/// trusted. Follow-ups: why HMAC rather than `SHA256(secret + payload)`
/// (length extension), why constant time (timing oracles), what to do with a
/// long key, and how to rotate secrets.
///
/// ## Common pitfalls
/// - Signing with a bare hash, `SHA256(secret ‖ payload)`: Merkle–Damgård hashes
///   let an attacker append data and compute a valid tag without the secret
///   (length extension). HMAC's nested inner and outer hash is the fix.
/// - Comparing tags with `==`. `Array ==` returns at the first differing byte,
///   so response time leaks how many leading bytes of a guess were right; an
///   attacker can recover a valid tag byte by byte. ``constantTimeEquals(_:_:)``
///   always reads every byte (experiment `cursor-signing.compare-only-last-byte`
///   shows a "constant-time" loop that compares nothing but the last byte).
/// - A lenient decoder. Base64 has several spellings of the same bytes (padding,
///   the unused low bits of the last character), so a token can be altered and
///   still verify. ``Base64URL/decode(_:)`` accepts only the canonical spelling.
/// - Encrypting instead of signing, or trusting the payload before checking
///   the tag: an unauthenticated cursor is still attacker-controlled input.
/// - Truncating a key longer than the hash block (64 bytes) instead of hashing
///   it, as RFC 2104 requires (experiment `cursor-signing.truncate-long-key`).
/// - One secret for every purpose, never rotated. Derive a key per token kind
///   and accept a previous secret during rotation (keep a key id in the token).
///
/// ## Key takeaway
/// An opaque token is `base64url(payload) + "." + base64url(HMAC(secret,
/// payload))`; verify = recompute and compare in constant time, and reject
/// anything that is not canonical. Production Swift gets SHA-256 and HMAC from
/// swift-crypto (`Crypto.HMAC<SHA256>`, the same API as Apple's CryptoKit,
/// which does not exist on Linux), and that is what you should ship: it is
/// audited, fast (assembly from BoringSSL) and constant-time by construction.
/// This lesson builds them only because the handbook's lesson modules depend
/// on the toolchain alone, and because knowing what HMAC computes is the
/// interview answer.
///
/// ## Go → Swift
/// The Go seed's cursor pagination hands out the last item's raw id as the
/// cursor; its Base64 cursor helpers are never called and nothing is signed.
/// Go's standard library has `crypto/hmac`, `crypto/sha256` and `hmac.Equal`
/// (constant time); Swift's toolchain has no crypto on Linux (Foundation has
/// no CryptoKit), hence this file. Swift-specific details: `UInt32` `+` traps
/// on overflow, so the hash uses the wrapping `&+` (the modular addition the
/// standard specifies); `<<` never traps, it drops the bits shifted out; and
/// bytes are `[UInt8]`, not `Data`, so the code reads like the standard.
public enum CursorSigning {
    /// A bad signing configuration (an empty or too short secret).
    public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Returns whether two byte strings are equal, reading every byte whatever
    /// the contents, so the running time does not reveal where they differ.
    ///
    /// The lengths are compared first and may return early: a tag's length is
    /// public (HMAC-SHA256 is always 32 bytes), only its contents are secret.
    /// - Complexity: O(n), with no data-dependent branch.
    public static func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) {
            difference |= left ^ right  // accumulate; never branch on a byte
        }
        return difference == 0
    }

    /// HMAC-SHA256 (RFC 2104): `H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ message))`.
    ///
    /// - Returns: the 32-byte tag.
    /// - Complexity: O(key + message).
    public static func hmacSHA256(key: some Collection<UInt8>, message: some Sequence<UInt8>) -> [UInt8] {
        let blockSize = SHA256.blockByteCount
        // RFC 2104 §2: a key longer than the block is replaced by its hash; a shorter one is zero-padded.
        var keyBlock = key.count > blockSize ? SHA256.hash(key) : Array(key)
        keyBlock += repeatElement(0, count: blockSize - keyBlock.count)

        var inner = SHA256()
        inner.update(keyBlock.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(keyBlock.map { $0 ^ 0x5c })
        outer.update(inner.finalize())
        return outer.finalize()
    }
}

// MARK: - SHA-256

extension CursorSigning {
    /// SHA-256 as specified in FIPS 180-4, incremental (`update` any number of
    /// times, then `finalize`) or one-shot (``hash(_:)``).
    ///
    /// Educational, not hardened: production code uses swift-crypto.
    public struct SHA256: Sendable {
        /// The digest length in bytes.
        public static let digestByteCount = 32
        /// The block length in bytes, which HMAC pads its key to.
        public static let blockByteCount = 64

        /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2).
        static let roundConstants: [UInt32] = [
            0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
            0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
            0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
            0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
            0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
            0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
            0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
            0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
        ]

        /// The first 32 bits of the fractional parts of the square roots of the first 8 primes (§5.3.3).
        static let initialState: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]

        private var state = initialState
        /// Bytes waiting for a full 64-byte block.
        private var pending: [UInt8] = []
        /// Message length so far, in bytes (FIPS 180-4 allows < 2⁶⁴ bits).
        private var byteCount: UInt64 = 0

        /// A hasher with no input yet.
        public init() {
            pending.reserveCapacity(Self.blockByteCount)
        }

        /// The digest of `bytes` in one call.
        /// - Complexity: O(n).
        public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
            var hasher = SHA256()
            hasher.update(bytes)
            return hasher.finalize()
        }

        /// Appends `bytes` to the message, compressing each completed block.
        /// - Complexity: O(n) in the number of new bytes.
        public mutating func update(_ bytes: some Sequence<UInt8>) {
            let input = Array(bytes)
            byteCount &+= UInt64(input.count)
            var index = 0
            if !pending.isEmpty {
                let taken = min(Self.blockByteCount - pending.count, input.count)
                pending += input[0..<taken]
                index = taken
                guard pending.count == Self.blockByteCount else { return }
                compress(pending[...])
                pending.removeAll(keepingCapacity: true)
            }
            // Whole blocks straight from the input; only a tail of < 64 bytes waits in `pending`.
            while input.count - index >= Self.blockByteCount {
                compress(input[index..<index + Self.blockByteCount])
                index += Self.blockByteCount
            }
            pending += input[index...]
        }

        /// Pads the message (§5.1.1) and returns the 32-byte digest. The hasher
        /// itself is not changed, so more input can still follow.
        public func finalize() -> [UInt8] {
            var copy = self
            let bitLength = byteCount &* 8
            // Padding: a single 1 bit, zeros up to 56 mod 64 bytes, then the length as a 64-bit big-endian integer.
            var padding: [UInt8] = [0x80]
            padding += repeatElement(0, count: (Self.blockByteCount + 55 - pending.count) % Self.blockByteCount)
            padding += (0..<8).reversed().map { UInt8(truncatingIfNeeded: bitLength >> ($0 * 8)) }
            copy.update(padding)
            precondition(copy.pending.isEmpty, "SHA-256 padding must end on a block boundary")
            return copy.state.flatMap { word in (0..<4).reversed().map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } }
        }

        /// One application of the compression function to a 64-byte block (§6.2.2).
        private mutating func compress(_ block: ArraySlice<UInt8>) {
            var schedule = [UInt32](repeating: 0, count: 64)
            for index in 0..<16 {
                let base = block.startIndex + index * 4
                schedule[index] =
                    UInt32(block[base]) << 24 | UInt32(block[base + 1]) << 16
                    | UInt32(block[base + 2]) << 8 | UInt32(block[base + 3])
            }
            for index in 16..<64 {
                let early = schedule[index - 15]
                let late = schedule[index - 2]
                let sigma0 = early.rotatedRight(7) ^ early.rotatedRight(18) ^ (early >> 3)
                let sigma1 = late.rotatedRight(17) ^ late.rotatedRight(19) ^ (late >> 10)
                schedule[index] = schedule[index - 16] &+ sigma0 &+ schedule[index - 7] &+ sigma1
            }

            var (a, b, c, d, e, f, g, h) = (
                state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]
            )
            for i in 0..<64 {
                let bigSigma1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                let choose = (e & f) ^ (~e & g)
                let t1 = h &+ bigSigma1 &+ choose &+ Self.roundConstants[i] &+ schedule[i]
                let bigSigma0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                let t2 = bigSigma0 &+ majority
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            state[0] &+= a
            state[1] &+= b
            state[2] &+= c
            state[3] &+= d
            state[4] &+= e
            state[5] &+= f
            state[6] &+= g
            state[7] &+= h
        }
    }
}

extension UInt32 {
    /// `ROTR^n` of FIPS 180-4: the bits shifted out on the right re-enter on the left.
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self &>> count) | (self &<< (32 - count))
    }
}

// MARK: - base64url

extension CursorSigning {
    /// Base64 with the URL- and filename-safe alphabet and no padding
    /// (RFC 4648 §5), so a token can sit in a query string unescaped.
    public enum Base64URL {
        static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

        /// Encodes `bytes` without `=` padding.
        /// - Complexity: O(n).
        public static func encode(_ bytes: some Collection<UInt8>) -> String {
            let input = Array(bytes)
            var output: [UInt8] = []
            output.reserveCapacity((input.count * 4 + 2) / 3)
            var index = 0
            while index < input.count {
                let chunk = input[index..<Swift.min(index + 3, input.count)]
                let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
                // 1, 2 or 3 input bytes give 2, 3 or 4 output characters.
                for sextet in 0...chunk.count {
                    output.append(alphabet[Int((value >> (18 - 6 * sextet)) & 0x3f)])
                }
                index += 3
            }
            return String(decoding: output, as: UTF8.self)
        }

        /// Decodes canonical unpadded base64url, or returns `nil`.
        ///
        /// Rejected: characters outside the alphabet (including `=`, `+`, `/`),
        /// a length of 1 mod 4, and unused low bits in the last character
        /// that are not zero. The last rule makes the encoding one-to-one, so
        /// no two different tokens carry the same bytes.
        /// - Complexity: O(n).
        public static func decode(_ text: some StringProtocol) -> [UInt8]? {
            let characters = Array(text.utf8)
            guard characters.count % 4 != 1 else { return nil }
            var sextets: [UInt32] = []
            sextets.reserveCapacity(characters.count)
            for character in characters {
                guard let value = sextetValue(character) else { return nil }
                sextets.append(value)
            }
            var output: [UInt8] = []
            output.reserveCapacity(characters.count * 3 / 4)
            var index = 0
            while index < sextets.count {
                let group = sextets[index..<Swift.min(index + 4, sextets.count)]
                let value = group.enumerated().reduce(UInt32(0)) { $0 | $1.element << (18 - 6 * $1.offset) }
                let byteCount = group.count - 1
                guard value & (0xff_ffff >> (8 * byteCount)) == 0 else { return nil }  // non-canonical trailing bits
                for byte in 0..<byteCount {
                    output.append(UInt8(truncatingIfNeeded: value >> (16 - 8 * byte)))
                }
                index += 4
            }
            return output
        }

        private static func sextetValue(_ character: UInt8) -> UInt32? {
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(character - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(character - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(character - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "-"): 62
            case UInt8(ascii: "_"): 63
            default: nil
            }
        }
    }
}

// MARK: - Signed tokens

extension CursorSigning {
    /// Signs and verifies opaque tokens of the form
    /// `base64url(payload).base64url(HMAC-SHA256(secret, payload))`.
    ///
    /// The payload is readable by anyone (it is only encoded); the tag makes
    /// any change to it detectable by the holder of the secret.
    public struct TokenSigner: Sendable {
        /// The shortest secret accepted: 32 bytes (256 bits), the output
        /// length L of SHA-256. RFC 2104 §3: keys shorter than L bytes are
        /// "strongly discouraged" because they lower the security strength
        /// of the MAC; longer ones add little (above the 64-byte block size
        /// they are hashed first). Generate it randomly, never type it.
        public static let minimumSecretByteCount = 32

        private let secret: [UInt8]

        /// - Throws: ``ConfigurationError`` when `secret` is shorter than
        ///   ``minimumSecretByteCount`` bytes: a guessable secret makes every
        ///   token forgeable.
        public init(secret: some Collection<UInt8>) throws(ConfigurationError) {
            guard secret.count >= Self.minimumSecretByteCount else {
                throw ConfigurationError(
                    description: """
                        a signing secret needs at least \(Self.minimumSecretByteCount) bytes, got \(secret.count)
                        """)
            }
            self.secret = Array(secret)
        }

        /// A signer whose secret is the UTF-8 bytes of `secret`.
        public init(secret: String) throws(ConfigurationError) {
            try self.init(secret: Array(secret.utf8))
        }

        /// The tag of `payload` under this signer's secret.
        public func tag(for payload: some Sequence<UInt8>) -> [UInt8] {
            CursorSigning.hmacSHA256(key: secret, message: payload)
        }

        /// `payload` and its tag as one URL-safe token.
        /// - Complexity: O(n) in the payload length.
        public func sign(_ payload: some Collection<UInt8>) -> String {
            Base64URL.encode(payload) + "." + Base64URL.encode(tag(for: payload))
        }

        /// The payload of `token` if, and only if, it was produced by
        /// ``sign(_:)`` with this secret; `nil` for anything malformed or forged.
        /// - Complexity: O(n) in the token length.
        public func verify(_ token: some StringProtocol) -> [UInt8]? {
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2,
                let payload = Base64URL.decode(parts[0]),
                let claimedTag = Base64URL.decode(parts[1])
            else { return nil }
            // Recompute, then compare every byte: never return at the first mismatch.
            guard CursorSigning.constantTimeEquals(tag(for: payload), claimedTag) else { return nil }
            return payload
        }
    }
}
