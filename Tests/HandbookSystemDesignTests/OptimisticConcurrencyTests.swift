import HandbookSystemDesign
import HandbookTestSupport
import Testing

@Suite("Optimistic concurrency", .timeLimit(.minutes(1)))
struct OptimisticConcurrencyTests {
    typealias OCC = OptimisticConcurrency

    /// Lets contending clients make one repository call at a time, in an order
    /// picked by a seeded generator (or a script): every live client parks
    /// before each call, and only when all of them are parked does one go.
    /// The same seed gives the same interleaving on every run and machine.
    final class Interleaver: Sendable {
        private struct State {
            var live: Int
            var parked: [Int: CheckedContinuation<Void, Never>] = [:]
            var generator: SeededRandomNumberGenerator
            var script: [Int]
            var trace: [Int] = []

            mutating func releaseOneIfAllParked() -> CheckedContinuation<Void, Never>? {
                guard live > 0, parked.count == live else { return nil }
                let candidates = parked.keys.sorted()
                let chosen: Int
                if !script.isEmpty, candidates.contains(script[0]) {
                    chosen = script.removeFirst()
                } else {
                    chosen = candidates[Int(generator.next() % UInt64(candidates.count))]
                }
                trace.append(chosen)
                return parked.removeValue(forKey: chosen)
            }
        }

        private let state: Locked<State>

        init(clients: Int, seed: UInt64, script: [Int] = []) {
            state = Locked(State(live: clients, generator: SeededRandomNumberGenerator(seed: seed), script: script))
        }

        /// Which client made each call, in order.
        var trace: [Int] { state.withLock { $0.trace } }

        func turn(_ client: Int) async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let next = state.withLock { state in
                    state.parked[client] = continuation
                    return state.releaseOneIfAllParked()
                }
                next?.resume()  // outside the lock
            }
        }

        func finish() {
            let next = state.withLock { state in
                state.live -= 1
                return state.releaseOneIfAllParked()
            }
            next?.resume()
        }
    }

    /// One client's view of the shared table: every call waits for its turn.
    struct InterleavedRepository: OCC.VersionedRepository {
        let table: OCC.InMemoryTable<Int>
        let client: Int
        let interleaver: Interleaver

        func read(_ id: String) async throws -> OCC.Versioned<Int>? {
            await interleaver.turn(client)
            return await table.read(id)
        }

        func update(_ id: String, to value: Int, expecting expectation: OCC.Expectation) async throws
            -> OCC.Versioned<Int>
        {
            await interleaver.turn(client)
            return try await table.update(id, to: value, expecting: expectation)
        }
    }

    /// Runs `clients` increments of "counter" concurrently, interleaved by
    /// `interleaver`; returns the final value and each client's error, if any.
    static func contend(
        clients: Int, interleaver: Interleaver,
        increment: @escaping @Sendable (InterleavedRepository) async throws -> Void
    ) async throws -> (final: Int, errors: [Int: String]) {
        let table = OCC.InMemoryTable<Int>()
        try await table.insert("counter", value: 0)
        let errors = await withTaskGroup(of: (Int, String?).self) { group in
            for client in 0..<clients {
                group.addTask {
                    defer { interleaver.finish() }
                    do {
                        try await increment(
                            InterleavedRepository(table: table, client: client, interleaver: interleaver))
                        return (client, nil)
                    } catch {
                        return (client, "\(error)")
                    }
                }
            }
            var errors: [Int: String] = [:]
            for await (client, error) in group { errors[client] = error }
            return errors
        }
        let final = try #require(await table.read("counter")).value
        return (final, errors)
    }

    @Test("two read-modify-writes without versions lose an update: both read 10, both write 9")
    func lastWriterWinsLosesAnUpdate() async throws {
        let stock = OCC.InMemoryTable<Int>()
        try await stock.insert("widget", value: 10)
        let alice = try #require(await stock.read("widget"))
        let bob = try #require(await stock.read("widget"))
        _ = try await stock.update("widget", to: alice.value - 1, expecting: .exists)
        _ = try await stock.update("widget", to: bob.value - 1, expecting: .exists)
        let final = try #require(await stock.read("widget"))
        #expect(final.value == 9)  // two decrements happened, one survived
        #expect(final.version == 3)  // and the version column alone does not help if nobody checks it
    }

    @Test("with the version in the WHERE, the second writer gets a conflict and re-reads")
    func versionedWriteReportsTheConflict() async throws {
        let stock = OCC.InMemoryTable<Int>()
        try await stock.insert("widget", value: 10)
        let alice = try #require(await stock.read("widget"))
        let bob = try #require(await stock.read("widget"))
        _ = try await stock.update("widget", to: alice.value - 1, expecting: .version(alice.version))
        await #expect(throws: OCC.WriteConflict.versionMismatch(current: 2)) {
            _ = try await stock.update("widget", to: bob.value - 1, expecting: .version(bob.version))
        }
        #expect(await stock.read("widget") == OCC.Versioned(value: 9, version: 2))
        let fresh = try #require(await stock.read("widget"))
        _ = try await stock.update("widget", to: fresh.value - 1, expecting: .version(fresh.version))
        #expect(await stock.read("widget") == OCC.Versioned(value: 8, version: 3))
        await #expect(throws: OCC.WriteConflict.notFound(id: "gadget")) {
            _ = try await stock.update("gadget", to: 1, expecting: .version(1))
        }
        await #expect(throws: OCC.WriteConflict.alreadyExists(id: "widget")) {
            try await stock.insert("widget", value: 1)
        }
    }

    @Test("N clients incrementing with the retry loop (maxAttempts N) always end at N; without versions they do not")
    func retryLoopConvergesUnderRandomInterleavings() async throws {
        var naiveRunsThatLostUpdates = 0
        var conflicts = 0
        for seed in UInt64(0)..<150 {
            let clients = Int(seed % 7) + 2  // 2...8
            let interleaver = Interleaver(clients: clients, seed: seed)
            let retrying = try await Self.contend(clients: clients, interleaver: interleaver) { repository in
                _ = try await OCC.update("counter", in: repository, maxAttempts: clients) { $0 + 1 }
            }
            #expect(retrying.final == clients, "seed \(seed)")
            #expect(retrying.errors.isEmpty, "seed \(seed): \(retrying.errors)")
            conflicts += (interleaver.trace.count - 2 * clients) / 2  // each attempt is a read and a write

            let naiveInterleaver = Interleaver(clients: clients, seed: seed)
            let naive = try await Self.contend(clients: clients, interleaver: naiveInterleaver) { repository in
                _ = try await OCC.updateLastWriterWins("counter", in: repository) { $0 + 1 }
            }
            #expect(naive.errors.isEmpty && naive.final <= clients, "seed \(seed)")
            if naive.final < clients { naiveRunsThatLostUpdates += 1 }
        }
        #expect(naiveRunsThatLostUpdates > 0)
        #expect(conflicts > 100)  // the interleavings really contended

        // Replayable: the same seed gives the same interleaving.
        var traces: [[Int]] = []
        for _ in 0..<2 {
            let interleaver = Interleaver(clients: 5, seed: 42)
            _ = try await Self.contend(clients: 5, interleaver: interleaver) { repository in
                _ = try await OCC.update("counter", in: repository, maxAttempts: 5) { $0 + 1 }
            }
            traces.append(interleaver.trace)
        }
        #expect(traces[0] == traces[1] && traces[0].count > 10)
    }

    @Test("a bound below the contention can run out: the loser is told (RetriesExhausted), not silently dropped")
    func boundedRetriesReportExhaustion() async throws {
        // Client 0 reads; client 1 reads and writes; 0's write conflicts. 0 reads
        // again; client 2 reads and writes; 0's write conflicts again: both attempts spent.
        let interleaver = Interleaver(clients: 3, seed: 0, script: [0, 1, 1, 0, 0, 2, 2, 0])
        let outcome = try await Self.contend(clients: 3, interleaver: interleaver) { repository in
            _ = try await OCC.update("counter", in: repository, maxAttempts: 2) { $0 + 1 }
        }
        #expect(interleaver.trace.prefix(8) == [0, 1, 1, 0, 0, 2, 2, 0])
        #expect(outcome.final == 2)
        #expect(outcome.errors == [0: "\(OCC.RetriesExhausted(attempts: 2, currentVersion: 3))"])
    }

    @Test("a PUT with a stale If-Match gets 412 and the current ETag; the value is untouched")
    func staleIfMatchGets412() async throws {
        let table = OCC.InMemoryTable<Int>()
        try await table.insert("widget", value: 10)
        let endpoint = OCC.ConditionalEndpoint(repository: table)
        let aliceRead = try await endpoint.get("widget")
        let bobRead = try await endpoint.get("widget")
        #expect(aliceRead.status == 200 && aliceRead.entityTag?.description == #""v1""#)

        let alice = try await endpoint.put("widget", ifMatch: aliceRead.entityTag?.description, value: 7)
        #expect(alice.status == 200 && alice.entityTag == .version(2))
        let bob = try await endpoint.put("widget", ifMatch: bobRead.entityTag?.description, value: 12)
        #expect(bob.status == 412)
        #expect(bob.entityTag == .version(2))
        #expect(await table.read("widget") == OCC.Versioned(value: 7, version: 2))

        // Any strong tag of a list may match; `*` matches whatever exists.
        #expect(try await endpoint.put("widget", ifMatch: #""v9", "v2""#, value: 8).status == 200)
        #expect(try await endpoint.put("widget", ifMatch: "*", value: 9).status == 200)
        #expect(await table.read("widget") == OCC.Versioned(value: 9, version: 4))
    }

    @Test("no If-Match → 428, a malformed one → 400, no resource → 404 (before 412), all without writing")
    func missingOrMalformedIfMatch() async throws {
        let table = OCC.InMemoryTable<Int>()
        try await table.insert("widget", value: 10)
        let endpoint = OCC.ConditionalEndpoint(repository: table)
        #expect(try await endpoint.put("widget", ifMatch: nil, value: 0).status == 428)
        #expect(try await endpoint.put("widget", ifMatch: "v1", value: 0).status == 400)
        #expect(try await endpoint.put("gadget", ifMatch: #""v1""#, value: 0).status == 404)
        #expect(try await endpoint.put("gadget", ifMatch: "*", value: 0).status == 404)
        #expect(try await endpoint.get("gadget").status == 404)
        #expect(await table.read("widget") == OCC.Versioned(value: 10, version: 1))
    }

    @Test("a weak tag never satisfies If-Match (strong comparison), nor does a tag spelled differently")
    func weakAndNonCanonicalTagsNeverMatch() async throws {
        let table = OCC.InMemoryTable<Int>()
        try await table.insert("widget", value: 10)
        let endpoint = OCC.ConditionalEndpoint(repository: table)
        #expect(try await endpoint.put("widget", ifMatch: #"W/"v1""#, value: 0).status == 412)
        #expect(try await endpoint.put("widget", ifMatch: #""v01""#, value: 0).status == 412)
        #expect(try await endpoint.put("widget", ifMatch: "", value: 0).status == 412)  // an empty list
        #expect(await table.read("widget") == OCC.Versioned(value: 10, version: 1))

        let strong = try OCC.EntityTag("v1")
        let weak = try OCC.EntityTag("v1", isWeak: true)
        #expect(strong.strongMatch(strong) && !strong.strongMatch(weak) && !weak.strongMatch(weak))
        #expect(strong.weakMatch(weak) && weak.weakMatch(weak))
        #expect(OCC.IfMatch.any.isSatisfied(by: weak) && !OCC.IfMatch.any.isSatisfied(by: nil))
        #expect(!OCC.IfMatch.tags([weak]).isSatisfied(by: strong))
    }

    @Test("tags compare by bytes: é precomposed and decomposed are == as Swift Strings, but different tags")
    func tagsCompareByBytes() throws {
        let precomposed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(precomposed == decomposed)  // Swift's String equality: canonical equivalence
        let first = try OCC.EntityTag(precomposed)
        let second = try OCC.EntityTag(decomposed)
        #expect(!first.strongMatch(second) && first != second)
        #expect(Set([first, second]).count == 2)
        #expect(try OCC.EntityTag(parsing: "\"\(precomposed)\"") == first)  // obs-text is allowed
    }

    static let parses: [(String, OCC.IfMatch)] = [
        (#""v1""#, .tags([.version(1)])),
        ("*", .any),
        (" \t* ", .any),
        (#"W/"v1""#, .tags([try! OCC.EntityTag("v1", isWeak: true)])),
        (
            #" "a" ,W/"b",, "c" "#,
            .tags([try! OCC.EntityTag("a"), try! OCC.EntityTag("b", isWeak: true), try! OCC.EntityTag("c")])
        ),
        (#""a,b""#, .tags([try! OCC.EntityTag("a,b")])),
        (#""""#, .tags([try! OCC.EntityTag("")])),
        ("", .tags([])),
        (", ,", .tags([])),
    ]

    @Test(
        "If-Match values that parse (RFC 9110: quoted tags, case-sensitive W/, lists with OWS and empty elements)",
        arguments: parses)
    func ifMatchParses(value: String, expected: OCC.IfMatch) throws {
        #expect(try OCC.IfMatch(parsing: value) == expected)
    }

    @Test(
        "If-Match values that are malformed",
        arguments: [
            "v1", #"w/"v1""#, #"W/ "v1""#, #""v1"#, #""a b""#, #""a"b""#, #""a" "b""#, #""a""b""#, #""a", *"#, "**",
            "* ,", #"W"v1""#,
        ])
    func ifMatchRejects(value: String) {
        #expect(throws: OCC.HeaderError.malformedIfMatch(value)) { try OCC.IfMatch(parsing: value) }
    }

    @Test("ETag values: one tag, its versions, and what an etagc excludes")
    func entityTagParsing() throws {
        #expect(try OCC.EntityTag(parsing: #" W/"v3" "#) == OCC.EntityTag("v3", isWeak: true))
        #expect(try OCC.EntityTag(parsing: #""v3""#).version == 3)
        #expect(try OCC.EntityTag(parsing: #"W/"v3""#).version == 3)
        for notAVersion in ["v", "v07", "v+7", "v-1", "7", "v7x", "v99999999999999999999"] {
            #expect(try OCC.EntityTag(notAVersion).version == nil, "\(notAVersion)")
        }
        #expect(throws: OCC.HeaderError.malformedEntityTag(#""a", "b""#)) {
            try OCC.EntityTag(parsing: #""a", "b""#)
        }
        for excluded in ["a b", "a\"b", "a\u{7F}", "\t"] {
            #expect(throws: OCC.HeaderError.malformedEntityTag(excluded)) { try OCC.EntityTag(excluded) }
        }
        #expect(OCC.EntityTag.version(42).description == #""v42""#)
        #expect(try OCC.EntityTag("x", isWeak: true).description == #"W/"x""#)
    }

    @Test("for random tag lists, the WHERE clause admits exactly the versions RFC 9110's evaluation accepts")
    func expectationAgreesWithTheRFCEvaluation() throws {
        var generator = SeededRandomNumberGenerator(seed: 9110)
        for _ in 0..<500 {
            let tags = try (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                let opaque = Bool.random(using: &generator) ? "v\(Int.random(in: 0...5, using: &generator))" : "x"
                return try OCC.EntityTag(opaque, isWeak: Int.random(in: 0...3, using: &generator) == 0)
            }
            let header = tags.map(\.description).joined(separator: ", ")
            let condition = try OCC.IfMatch(parsing: header)
            #expect(condition == .tags(tags))
            for version in 0...5 {
                #expect(
                    condition.expectation.admits(version) == condition.isSatisfied(by: .version(version)),
                    "\(header) at v\(version)")
            }
        }
    }
}
