import Foundation
import HTTPTypes
import HandbookSystemDesign
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// Who sent a request, decided once per request by the server, never chosen
/// by the client: the principal of a known bearer token, else the peer's
/// address (the original client's, from `X-Forwarded-For`, only when the
/// peer is a trusted proxy). It keys the rate limit and scopes idempotency keys.
///
/// Tokens are compared as HMACs under a per-process random key: the
/// comparison itself runs on two 32-byte digests whatever the lengths, so
/// how long it takes says nothing about how much of a secret a guess got
/// right (hashing the guess takes time that grows with the guess's own
/// length, which the guesser knows already).
///
/// IPv6 clients are keyed by their /64: one host usually owns a whole /64
/// and could rotate through its addresses to get a fresh key per request.
struct ClientIdentity: Sendable, CustomStringConvertible {
    /// The request's client.
    struct Client: Sendable, Equatable {
        /// The authenticated name (`"admin"`, or a `CLIENT_TOKENS` name).
        var principal: String?
        /// The rate limiter's key: `principal:<name>` or `ip:<address>`.
        var key: String
    }

    private let macKey: [UInt8]
    private let admin: [UInt8]?
    private let clients: [(digest: [UInt8], name: String)]
    let trustedProxies: Set<String>

    init(adminToken: String?, clientTokens: [String: String], trustedProxies: Set<String>) {
        var generator = SystemRandomNumberGenerator()
        let macKey = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        self.macKey = macKey
        admin = adminToken.map { CursorSigning.hmacSHA256(key: macKey, message: Array($0.utf8)) }
        clients = clientTokens.map { (CursorSigning.hmacSHA256(key: macKey, message: Array($0.key.utf8)), $0.value) }
        self.trustedProxies = trustedProxies
    }

    /// Whether `headers` carry `Authorization: Bearer <admin token>`.
    func isAdmin(_ headers: HTTPFields) -> Bool {
        guard let admin, let presented = Self.bearer(headers) else { return false }
        return CursorSigning.constantTimeEquals(digest(presented), admin)
    }

    func identify(_ headers: HTTPFields, peer: SocketAddress?) -> Client {
        if let presented = Self.bearer(headers) {
            let mac = digest(presented)
            if let admin, CursorSigning.constantTimeEquals(mac, admin) {
                return Client(principal: "admin", key: "principal:admin")
            }
            // Every entry is compared (no early exit on a match).
            var name: String?
            for client in clients where CursorSigning.constantTimeEquals(mac, client.digest) { name = client.name }
            if let name { return Client(principal: name, key: "principal:" + name) }
        }
        return Client(principal: nil, key: "ip:" + address(headers, peer: peer))
    }

    /// The client's address: the peer's, or, when the peer is a trusted
    /// proxy, the rightmost `X-Forwarded-For` entry that is not one (each
    /// proxy appends the address it saw; entries to its left are the
    /// client's own claims and prove nothing).
    func address(_ headers: HTTPFields, peer: SocketAddress?) -> String {
        Self.networkKey(rawAddress(headers, peer: peer))
    }

    private func rawAddress(_ headers: HTTPFields, peer: SocketAddress?) -> String {
        let peerAddress = Self.unmapped(peer?.ipAddress ?? "unknown")
        guard trustedProxies.contains(peerAddress) else { return peerAddress }
        var hops: [Substring] = []
        for field in headers where field.name == Self.forwardedFor {
            hops += field.value.split(separator: ",")
        }
        for hop in hops.reversed() {
            let address = hop.trimmingCharacters(in: .whitespaces)
            guard !address.isEmpty, address.utf8.count <= 64 else { return peerAddress }
            if !trustedProxies.contains(Self.unmapped(address)) { return Self.unmapped(address) }
        }
        return peerAddress
    }

    /// `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) → `10.0.0.1`.
    static func unmapped(_ address: String) -> String {
        let prefix = "::ffff:"
        guard address.lowercased().hasPrefix(prefix) else { return address }
        let rest = String(address.dropFirst(prefix.count))
        return rest.contains(".") ? rest : address
    }

    /// An IPv4 address as it is; an IPv6 address as its /64 network
    /// (`2001:db8:1:2::/64`); anything that does not parse as it is.
    static func networkKey(_ address: String) -> String {
        guard address.contains(":") else { return address }
        var bytes = [UInt8](repeating: 0, count: 16)
        guard inet_pton(AF_INET6, address, &bytes) == 1 else { return address }
        let groups = stride(from: 0, to: 8, by: 2).map {
            String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16)
        }
        return groups.joined(separator: ":") + "::/64"
    }

    private func digest(_ token: String) -> [UInt8] {
        CursorSigning.hmacSHA256(key: macKey, message: Array(token.utf8))
    }

    /// No key, no digest: only counts.
    var description: String {
        "ClientIdentity(admin: \(admin != nil), clients: \(clients.count), trustedProxies: \(trustedProxies.sorted()))"
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    static func bearer(_ headers: HTTPFields) -> String? {
        guard let value = headers.firstValue(.authorization), value.hasPrefix("Bearer ") else { return nil }
        return String(value.dropFirst("Bearer ".count))
    }
}
