import Foundation
import HTTPTypes
import HandbookSystemDesign
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import PostgresNIO
import Testing

@testable import HandbookService

/// What a hostile or careless client cannot do: pick its own rate-limit
/// key, starve the probes, overwrite stock it has not read, collide with
/// another client's idempotency keys.
@Suite("Hostile clients")
struct HardeningTests {
    @Test("rotating X-Client-ID does not get a client past its limit", arguments: Backend.available)
    func clientChosenHeaderIsNotTheKey(_ backend: Backend) async throws {
        let setup: (inout ServiceConfiguration) -> Void = { $0.rateLimit = 2 }
        try await withService(backend, configure: setup) { client, _ in
            var statuses: [HTTPResponse.Status] = []
            for index in 0..<3 {
                var headers = HTTPFields()
                headers[HTTPField.Name("X-Client-ID")!] = "rotating-\(index)"
                statuses.append(try await client.get("/orders/missing", headers: headers).status)
            }
            #expect(statuses == [.notFound, .notFound, .tooManyRequests])
        }
    }

    @Test(
        "the probes are never rate limited: /health and /ready answer a client that is over its limit",
        arguments: Backend.available)
    func probesAreExempt(_ backend: Backend) async throws {
        let setup: (inout ServiceConfiguration) -> Void = { $0.rateLimit = 1 }
        try await withService(backend, configure: setup) { client, service in
            _ = try await client.get("/orders/missing")
            #expect(try await client.get("/orders/missing").status == .tooManyRequests)
            for _ in 0..<5 {
                #expect(try await client.get("/health").status == .ok)
                #expect(try await client.get("/ready").status == .ok)
            }
            service.readiness.set(false)
            #expect(try await client.get("/ready").status == .serviceUnavailable)
            #expect(try await client.get("/health").status == .ok, "liveness is not readiness")
        }
    }

    @Test("X-Forwarded-For is believed only from a trusted proxy, and only its rightmost untrusted hop")
    func forwardedForTrust() throws {
        let identity = ClientIdentity(adminToken: nil, clientTokens: [:], trustedProxies: ["10.0.0.1", "10.0.0.2"])
        var headers = HTTPFields()
        headers[ClientIdentity.forwardedFor] = "6.6.6.6, 203.0.113.9, 10.0.0.2"
        let proxy = try SocketAddress(ipAddress: "10.0.0.1", port: 4000)
        let stranger = try SocketAddress(ipAddress: "198.51.100.7", port: 4000)
        #expect(identity.identify(headers, peer: proxy).key == "ip:203.0.113.9")
        #expect(identity.identify(headers, peer: stranger).key == "ip:198.51.100.7")
        #expect(identity.identify([:], peer: proxy).key == "ip:10.0.0.1")
        // A dual-stack socket reports an IPv4 proxy as ::ffff:10.0.0.1: still the proxy.
        let mapped = try SocketAddress(ipAddress: "::ffff:10.0.0.1", port: 4000)
        #expect(identity.identify(headers, peer: mapped).key == "ip:203.0.113.9")
    }

    @Test("IPv6 clients are keyed by their /64: rotating through one's own addresses gets no fresh bucket")
    func ipv6ByPrefix() throws {
        let identity = ClientIdentity(adminToken: nil, clientTokens: [:], trustedProxies: [])
        let one = try SocketAddress(ipAddress: "2001:db8:1:2::1", port: 1)
        let other = try SocketAddress(ipAddress: "2001:db8:1:2:ffff:eeee:dddd:cccc", port: 1)
        let neighbour = try SocketAddress(ipAddress: "2001:db8:1:3::1", port: 1)
        #expect(identity.identify([:], peer: one).key == "ip:2001:db8:1:2::/64")
        #expect(identity.identify([:], peer: other).key == identity.identify([:], peer: one).key)
        #expect(identity.identify([:], peer: neighbour).key != identity.identify([:], peer: one).key)
    }

    @Test("tokens: the admin and named clients are principals; a wrong token of any length is anonymous")
    func bearerTokens() throws {
        let admin = String(repeating: "x", count: 40)
        let identity = ClientIdentity(
            adminToken: admin, clientTokens: [String(repeating: "c", count: 32): "carol"], trustedProxies: [])
        func client(_ token: String) -> ClientIdentity.Client {
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            return identity.identify(headers, peer: nil)
        }
        #expect(client(admin).principal == "admin")
        #expect(client(String(repeating: "c", count: 32)).principal == "carol")
        for wrong in ["", "x", String(admin.dropLast()), admin + "x", String(repeating: "c", count: 33)] {
            #expect(client(wrong).principal == nil)
        }
    }

    @Test("the in-memory limiter tracks a bounded set of keys; new keys share one overflow bucket")
    func limiterKeySetIsBounded() throws {
        let limiter = try LockedKeyedRateLimiter(
            template: try TokenBucket(capacity: 1, refill: 1, per: .seconds(3600)), clock: ContinuousClock(),
            sweepInterval: nil, maximumKeys: 3)
        for index in 0..<3 { #expect(try limiter.tryAcquire(key: "ip:\(index)").isAllowed) }
        #expect(try limiter.tryAcquire(key: "ip:new-1").isAllowed)
        #expect(try !limiter.tryAcquire(key: "ip:new-2").isAllowed, "beyond the bound, new keys share one bucket")
        #expect(limiter.trackedKeyCount == 4)
    }

    @Test(
        "Idempotency-Key is an sf-string: \"k\" and k are one key; two fields or bad quoting are 400",
        arguments: Backend.available)
    func idempotencyKeyParsing(_ backend: Backend) async throws {
        try await withService(backend) { client, service in
            _ = try await client.setStock("widget", 10)
            #expect(try await client.order(key: "\"sf-1\"").status == .created)
            let bare = try await client.order(key: "sf-1")
            #expect(bare.status == .created && bare.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await service.count("SELECT COUNT(*) AS n FROM orders") == 1)
            for bad in ["\"unterminated", "\"bad\\escape\"", "\"x\"y"] {
                #expect(try await client.order(key: bad).status == .badRequest, "\(bad)")
            }
            var twice = HTTPFields()
            twice.append(HTTPField(name: HTTPField.Name("Idempotency-Key")!, value: "a"))
            twice.append(HTTPField(name: HTTPField.Name("Idempotency-Key")!, value: "b"))
            #expect(try await client.order(key: nil, headers: twice).status == .badRequest)
        }
    }

    @Test(
        "two authenticated clients using the same key get two orders: keys are scoped per client",
        arguments: Backend.available)
    func idempotencyKeysAreScopedPerClient(_ backend: Backend) async throws {
        let (alice, bob) = (String(repeating: "a", count: 32), String(repeating: "b", count: 32))
        let setup: (inout ServiceConfiguration) -> Void = { $0.clientTokens = [alice: "alice", bob: "bob"] }
        try await withService(backend, configure: setup) { client, service in
            _ = try await client.setStock("widget", 10)
            for token in [alice, bob] {
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token)"
                #expect(try await client.order(key: "shared-key", headers: headers).status == .created)
            }
            #expect(try await service.count("SELECT COUNT(*) AS n FROM orders") == 2)
        }
    }

    @Test(
        "PUT /inventory: 428 without If-Match, 412 on a stale ETag (orders bump it too), 200 on the current one",
        arguments: Backend.available)
    func inventoryOptimisticConcurrency(_ backend: Backend) async throws {
        try await withService(backend) { client, _ in
            let put = { (headers: HTTPFields) in
                try await client.execute(
                    uri: "/inventory/widget", method: .put, headers: headers, body: json(["stock": 7]))
            }
            #expect(try await put([:]).status == .ok, "creating an item needs no precondition")
            let read = try await client.get("/inventory/widget")
            let tag = try #require(read.headers[.eTag])
            #expect(try await put([:]).status == HTTPResponse.Status(code: 428))
            #expect(try await client.order(key: "bumps-version").status == .created)
            var stale = HTTPFields()
            stale[.ifMatch] = tag
            let refused = try await put(stale)
            #expect(refused.status == .preconditionFailed)
            #expect(refused.headers[.eTag] != nil && refused.headers[.eTag] != tag)
            var current = HTTPFields()
            let fresh = try await client.get("/inventory/widget").headers[.eTag]
            current[.ifMatch] = fresh
            let accepted = try await put(current)
            #expect(accepted.status == .ok)
            let level = try decode(InventoryLevel.self, accepted)
            #expect(level.stock == 7 && level.reserved == 1, "the reservation made meanwhile is kept")
            var create = HTTPFields()
            create[.ifNoneMatch] = "*"
            #expect(try await put(create).status == .preconditionFailed, "If-None-Match: * on an existing item")
        }
    }

    @Test("ADMIN_ROUTES=disabled: PUT /inventory is 404 whatever is sent", arguments: Backend.available)
    func adminRoutesDisabled(_ backend: Backend) async throws {
        let setup: (inout ServiceConfiguration) -> Void = { $0.adminRoutesEnabled = false }
        try await withService(backend, configure: setup) { client, _ in
            let status = try await client.setStock("widget", 3).status
            #expect(status == .notFound)
        }
    }
}

/// The configuration refuses to start open to the network.
@Suite("Fail closed")
struct FailClosedTests {
    @Test("a non-loopback HOST needs an admin token (or ADMIN_ROUTES=disabled) and a cursor secret")
    func publicHostNeedsSecrets() throws {
        let secret = String(repeating: "s", count: 32)
        let cases: [([String: String], String?)] = [
            (["HOST": "0.0.0.0"], "ADMIN_TOKEN"),
            (["HOST": "0.0.0.0", "ADMIN_TOKEN": secret], "CURSOR_SECRET"),
            (["HOST": "0.0.0.0", "ADMIN_ROUTES": "disabled"], "CURSOR_SECRET"),
            (["HOST": "0.0.0.0", "ADMIN_TOKEN": secret, "CURSOR_SECRET": secret], nil),
            (["HOST": "0.0.0.0", "ADMIN_ROUTES": "disabled", "CURSOR_SECRET": secret], nil),
            (["HOST": "127.0.0.1"], nil),
            (["HOST": "localhost"], nil),
            // Behind a proxy on this host, loopback is reachable from the network.
            (["HOST": "127.0.0.1", "TRUSTED_PROXIES": "127.0.0.1"], "ADMIN_TOKEN"),
            // A name is not a loopback address, whatever it starts with.
            (["HOST": "127.example.com"], "ADMIN_TOKEN"),
        ]
        for (environment, failing) in cases {
            do {
                _ = try ServiceConfiguration(environment: environment)
                #expect(failing == nil, "\(environment) started")
            } catch ServiceConfigurationError.invalid(let name, _) {
                #expect(name == failing, "\(environment)")
            }
        }
    }

    @Test("an empty or short ADMIN_TOKEN is refused, never taken as 'no token'", arguments: ["", "short"])
    func emptyTokenIsNotOpen(_ token: String) {
        #expect(
            throws: ServiceConfigurationError.invalid(
                "ADMIN_TOKEN", "needs at least 32 bytes (it is never optional once set)")
        ) {
            try ServiceConfiguration(environment: ["ADMIN_TOKEN": token])
        }
    }

    @Test("a configuration or service described in a log line shows no secret")
    func descriptionsRedactSecrets() async throws {
        let secret = "super-secret-" + String(repeating: "x", count: 32)
        var configuration = try ServiceConfiguration(environment: [
            "ADMIN_TOKEN": secret, "CURSOR_SECRET": secret, "CLIENT_TOKENS": "ci:\(secret)-client",
            "DATABASE_URL": "postgres://me:\(secret)@db.example/orders",
        ])
        #expect(!String(describing: configuration).contains(secret))
        configuration.databaseURL = nil
        configuration.sqlitePath = ":memory:"
        let service = try await ServiceApplication.make(configuration: configuration, logger: testLogger)
        #expect(!String(describing: MaintenanceService(application: service)).contains(secret))
        #expect(!String(describing: service).contains(secret))
        try await service.database.close()
    }

    @Test("sslmode in DATABASE_URL is honoured; a remote host without one is verify-full")
    func sslMode() throws {
        func tlsDescription(_ url: String) throws -> String {
            String(describing: try PostgresDatabase.configuration(url: url).tls)
        }
        #expect(try tlsDescription("postgres://u@127.0.0.1/db").contains("disable"))
        let remote = try tlsDescription("postgres://u@db.example/db")
        #expect(remote.contains("require") && remote.contains("fullVerification"), "\(remote)")
        #expect(!(try tlsDescription("postgres://u@db.example/db?sslmode=require")).contains("fullVerification"))
        #expect(try tlsDescription("postgres://u@db.example/db?sslmode=disable").contains("disable"))
        #expect(try tlsDescription("postgres://u@127.0.0.1/db?sslmode=require").contains("require"))
        #expect(try tlsDescription("postgres://u@127.0.0.1/db?sslmode=prefer").contains("prefer"))
        #expect(throws: ServiceConfigurationError.self) {
            try PostgresDatabase.configuration(url: "postgres://u@h/db?sslmode=sometimes")
        }
    }
}
