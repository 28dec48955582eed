import AsyncHTTPClient
import Foundation
import HandbookPatterns
import HandbookServer
import HandbookServerTestSupport
import NIOCore
import NIOHTTP1
import Testing

@Suite("HTTP clients", .timeLimit(.minutes(1)))
struct HTTPClientsTests {
    // MARK: Sizing the pool

    @Test(
        "Little's law: connections = arrival rate × latency, rounded up",
        arguments: [
            (200, Duration.milliseconds(50), 10),
            (1_000, .milliseconds(20), 20),
            // 100 × 0.07 is 7.000000000000001 in Double; in integers it is 7.
            (100, .milliseconds(70), 7),
            (150, .milliseconds(40), 6),
            (10, .milliseconds(1), 1),
            (0, .seconds(1), 0),
            (3, .milliseconds(500), 2),
        ])
    func littlesLaw(requestsPerSecond: Int, latency: Duration, connections: Int) throws {
        #expect(try HTTPClients.connections(requestsPerSecond: requestsPerSecond, latency: latency) == connections)
    }

    @Test("A negative rate, a latency that is not positive, and overflow are errors, not pool sizes")
    func sizingRejectsNonsense() {
        #expect(throws: HTTPClients.SizingError.negativeRate(-1)) {
            try HTTPClients.connections(requestsPerSecond: -1, latency: .milliseconds(5))
        }
        #expect(throws: HTTPClients.SizingError.nonPositiveLatency(.zero)) {
            try HTTPClients.connections(requestsPerSecond: 10, latency: .zero)
        }
        #expect(throws: HTTPClients.SizingError.overflow) {
            try HTTPClients.connections(requestsPerSecond: .max, latency: .seconds(3_600))
        }
    }

    @Test(
        "200 requests at once on 10 connections of 50 ms: 20 waves, the last waits 950 ms, half miss a 500 ms deadline")
    func queueingOfABurst() {
        let burst = HTTPClients.Queueing(
            requests: 200, connections: 10, serviceTime: .milliseconds(50), deadline: .milliseconds(500))
        #expect(burst.waves == 20)
        #expect(burst.lastWait == .milliseconds(950))
        #expect(burst.makespan == .seconds(1))
        #expect(burst.finishedInTime == 100)
        #expect(HTTPClients.Queueing(requests: 0, connections: 10, serviceTime: .seconds(1)).waves == 0)
    }

    // MARK: The pool, seen from the server

    @Test(
        "200 concurrent requests on a pool of 10: the server sees 10 connections, never more than 10 at once, 20 waves")
    func twoHundredRequestsOnTenConnections() async throws {
        let waves = Waves(size: 10)
        let respond: LocalHTTPServer.Responder = { _ in
            // Each request waits until 10 are in flight: if the pool sent
            // fewer at a time this would never release (the time limit fails
            // the test); if it sent more, maxInFlight would say so.
            await waves.arrive()
            return (.ok, "ok")
        }
        try await LocalHTTPServer.with(respond: respond) { server in
            // The connect timeout also bounds each request's wait for a pooled
            // connection (next test): 30 s, so a loaded machine's slow waves
            // cannot fail the queued requests.
            let client = HTTPClients.makeClient(maximumConnections: 10, connectTimeout: .seconds(30))
            let statuses = await withTaskGroup(of: UInt.self, returning: [UInt].self) { group in
                for _ in 0..<200 {
                    group.addTask {
                        let response = try? await client.execute(
                            HTTPClientRequest(url: server.url + "/item"), timeout: .seconds(30))
                        _ = try? await response?.body.collect(upTo: 1_024)
                        return response?.status.code ?? 0
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            try await client.shutdown()
            #expect(statuses.count == 200)
            #expect(statuses.allSatisfy { $0 == 200 })
            #expect(server.connections == 10)
            #expect(server.maxInFlight == 10)
            #expect(await waves.released == 20)
        }
    }

    /// A one-connection client and a server that holds the first request
    /// until `finishFirst` is called (it then waits for the whole response):
    /// the pool is full until then. The first request is released on every
    /// path out, so a failing test cannot leave the server's connection
    /// waiting forever.
    private func withPoolFull(
        connectTimeout: TimeAmount = .seconds(10),
        _ body: (LocalHTTPServer, HTTPClient, _ finishFirst: @Sendable () async throws -> Void) async throws -> Void
    ) async throws {
        let firstArrived = AsyncLatch()
        let releaseFirst = AsyncLatch()
        let respond: LocalHTTPServer.Responder = { request in
            if request.number == 1 {
                firstArrived.open()
                await releaseFirst.wait()
            }
            return (.ok, "done")
        }
        try await LocalHTTPServer.with(respond: respond) { server in
            let client = HTTPClients.makeClient(maximumConnections: 1, connectTimeout: connectTimeout)
            let first = Task {
                let response = try await client.execute(
                    HTTPClientRequest(url: server.url + "/slow"), timeout: .seconds(30))
                _ = try await response.body.collect(upTo: 1_024)
                return response.status
            }
            let finishFirst: @Sendable () async throws -> Void = {
                releaseFirst.open()
                let status = try await first.value
                #expect(status == .ok)
            }
            await firstArrived.wait()
            do {
                try await body(server, client, finishFirst)
                try await finishFirst()
            } catch {
                releaseFirst.open()
                _ = try? await first.value
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    @Test(
        "A deadline counts the wait for a connection: with the pool full, a request times out without reaching the server"
    )
    func deadlineCountsThePoolWait() async throws {
        try await withPoolFull { server, client, finishFirst in
            // The only connection is busy: this request waits in the client's
            // queue until its deadline, and fails there.
            await #expect(throws: HTTPClientError.deadlineExceeded) {
                _ = try await client.execute(
                    HTTPClientRequest(url: server.url + "/queued"), timeout: .milliseconds(200))
            }
            #expect(server.requests == 1)

            // Once the first is answered the connection is free again, and the
            // next request gets through on it.
            try await finishFirst()
            let next = try await client.execute(HTTPClientRequest(url: server.url + "/next"), timeout: .seconds(30))
            _ = try await next.body.collect(upTo: 1_024)
            #expect(next.status == .ok)
            #expect(server.requests == 2)
            #expect(server.connections == 1)
        }
    }

    @Test(
        "AHC's connect timeout also bounds the wait for a pooled connection: a queued request fails with getConnectionFromPoolTimeout"
    )
    func connectTimeoutBoundsThePoolWait() async throws {
        try await withPoolFull(connectTimeout: .milliseconds(200)) { server, client, _ in
            // A generous deadline does not help: waiting for a connection is
            // limited by the connect timeout (AHC's connectionDeadline).
            await #expect(throws: HTTPClientError.getConnectionFromPoolTimeout) {
                _ = try await client.execute(HTTPClientRequest(url: server.url + "/queued"), timeout: .seconds(30))
            }
            #expect(server.requests == 1)
        }
    }

    @Test("execute's deadline ends at the response head: a stalled body is cut only by the attempt's own time limit")
    func aStalledBodyIsCutByTheAttemptLimit() async throws {
        let respond: LocalHTTPServer.Responder = { _ in (.ok, "partial") }
        try await LocalHTTPServer.with(stallsBodies: true, respond: respond) { server in
            let client = HTTPClients.makeClient(maximumConnections: 1)
            // AHC returns as soon as the head is in, within its deadline, with the body still to come.
            let response = try await client.execute(
                HTTPClientRequest(url: server.url + "/stalls"), deadline: .now() + .seconds(30))
            #expect(response.status == .ok)

            // A POST without a key: one attempt, bounded as a whole.
            var charge = HTTPClientRequest(url: server.url + "/stalls")
            charge.method = .POST
            let policy = try RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
            let retrying = HTTPClients.RetryingClient(
                client: HTTPClients.makeClient(maximumConnections: 1),
                retrier: Retrier(policy: policy, clock: InstantClock()), attemptTimeout: .milliseconds(300))
            var random = LargestRandom()
            await #expect(throws: HTTPClients.AttemptTimedOut(limit: .milliseconds(300))) {
                _ = try await retrying.execute(charge, using: &random)
            }
            try await retrying.client.shutdown()
            try await client.shutdown()
        }
    }

    // MARK: Retries

    /// A retrying client whose backoffs are exactly 100 ms, 200 ms, 400 ms…
    /// (the largest full-jitter draw), slept on a clock that does not wait.
    private func retrying(_ client: HTTPClient, clock: InstantClock) throws -> HTTPClients.RetryingClient<InstantClock>
    {
        let policy = try RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        return HTTPClients.RetryingClient(
            client: client, retrier: Retrier(policy: policy, clock: clock), attemptTimeout: .seconds(30))
    }

    @Test("A GET that meets 503 twice is retried with backoff and succeeds on the third attempt")
    func transientFailuresOfAGetAreRetried() async throws {
        let respond: LocalHTTPServer.Responder = { request in
            request.number <= 2 ? (.serviceUnavailable, "busy") : (.ok, "stock: 7")
        }
        try await LocalHTTPServer.with(respond: respond) { server in
            let client = HTTPClients.makeClient(maximumConnections: 2)
            let clock = InstantClock()
            var random = LargestRandom()
            let response = try await retrying(client, clock: clock).execute(
                HTTPClientRequest(url: server.url + "/inventory/widget"), using: &random)
            try await client.shutdown()
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "stock: 7")
            #expect(response.attempts == 3)
            #expect(server.requests == 3)
            #expect(clock.sleeps == [.milliseconds(100), .milliseconds(200)])
        }
    }

    @Test("A POST without an idempotency key is sent once; with a key it is retried up to the budget")
    func aPostWithoutAnIdempotencyKeyIsNotRetried() async throws {
        let respond: LocalHTTPServer.Responder = { _ in (.serviceUnavailable, "busy") }
        try await LocalHTTPServer.with(respond: respond) { server in
            let client = HTTPClients.makeClient(maximumConnections: 2)
            var random = LargestRandom()
            var charge = HTTPClientRequest(url: server.url + "/payments")
            charge.method = .POST
            charge.body = .bytes(ByteBuffer(string: #"{"amount":100}"#))
            #expect(!HTTPClients.isIdempotent(charge))

            await #expect(throws: HTTPClients.UnexpectedStatus(status: .serviceUnavailable)) {
                _ = try await retrying(client, clock: InstantClock()).execute(charge, using: &random)
            }
            #expect(server.requests == 1)

            charge.headers.add(name: "Idempotency-Key", value: "order-42")
            #expect(HTTPClients.isIdempotent(charge))
            await #expect(throws: HTTPClients.UnexpectedStatus(status: .serviceUnavailable)) {
                _ = try await retrying(client, clock: InstantClock()).execute(charge, using: &random)
            }
            #expect(server.requests == 1 + 4)
            try await client.shutdown()
        }
    }

    @Test("A 4xx is the caller's mistake: it is not retried, and the status reaches the caller")
    func clientErrorsAreNotRetried() async throws {
        let respond: LocalHTTPServer.Responder = { _ in (.badRequest, "no such item") }
        try await LocalHTTPServer.with(respond: respond) { server in
            let client = HTTPClients.makeClient(maximumConnections: 2)
            let clock = InstantClock()
            var random = LargestRandom()
            await #expect(throws: HTTPClients.UnexpectedStatus(status: .badRequest)) {
                _ = try await retrying(client, clock: clock).execute(
                    HTTPClientRequest(url: server.url + "/inventory/%00"), using: &random)
            }
            try await client.shutdown()
            #expect(server.requests == 1)
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test("No backoff sleeps past the deadline: with 25 s, attempts at 0 and 10 s, then the last error")
    func backoffStopsAtTheDeadline() async throws {
        let respond: LocalHTTPServer.Responder = { _ in (.serviceUnavailable, "busy") }
        try await LocalHTTPServer.with(respond: respond) { server in
            let client = HTTPClients.makeClient(maximumConnections: 2)
            let clock = InstantClock()
            var random = LargestRandom()
            // Seconds, not milliseconds: each attempt's real time limit is what is
            // left on this clock (15 s for the second), which no local call nears.
            let policy = try RetryPolicy(maxAttempts: 4, baseDelay: .seconds(10), maxDelay: .seconds(60))
            let retrying = HTTPClients.RetryingClient(
                client: client, retrier: Retrier(policy: policy, clock: clock), attemptTimeout: .seconds(30))
            let deadline = clock.now.advanced(by: .seconds(25))
            await #expect(throws: HTTPClients.UnexpectedStatus(status: .serviceUnavailable)) {
                _ = try await retrying.execute(
                    HTTPClientRequest(url: server.url + "/inventory/widget"), until: deadline, using: &random)
            }
            try await client.shutdown()
            // The second backoff would end at 30 s, past the deadline.
            #expect(server.requests == 2)
            #expect(clock.sleeps == [.seconds(10)])
        }
    }

    @Test(
        "Transient: 429/502/503/504 and transport failures; not 400, 404, 500 or a bad URL",
        arguments: [
            (HTTPClients.UnexpectedStatus(status: .tooManyRequests) as any Error, true),
            (HTTPClients.UnexpectedStatus(status: .badGateway), true),
            (HTTPClients.UnexpectedStatus(status: .serviceUnavailable), true),
            (HTTPClients.UnexpectedStatus(status: .gatewayTimeout), true),
            (HTTPClientError.remoteConnectionClosed, true),
            (HTTPClientError.connectTimeout, true),
            (HTTPClientError.readTimeout, true),
            (HTTPClientError.deadlineExceeded, true),
            (HTTPClientError.getConnectionFromPoolTimeout, true),
            (HTTPClients.AttemptTimedOut(limit: .seconds(1)), true),
            (IOError(errnoCode: ECONNRESET, reason: "read"), true),
            (ChannelError.ioOnClosedChannel, true),
            (HTTPClients.UnexpectedStatus(status: .badRequest), false),
            (HTTPClients.UnexpectedStatus(status: .notFound), false),
            (HTTPClients.UnexpectedStatus(status: .internalServerError), false),
            (HTTPClientError.invalidURL, false),
            (CancellationError(), false),
        ])
    func transientFailures(error: any Error, transient: Bool) {
        #expect(HTTPClients.isTransient(error) == transient)
    }
}
