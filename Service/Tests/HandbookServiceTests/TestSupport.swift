import Foundation
import HTTPTypes
import HandbookService
import HandbookSystemDesign
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOFoundationCompat
import PostgresNIO
import Synchronization
import Testing

/// Where a test runs: the database, and how requests reach the service.
///
/// The route tests run on every case: SQLite in process (HummingbirdTesting's
/// `.router`: no sockets), SQLite on a live server (`.live`: an ephemeral
/// 127.0.0.1 port and a real HTTP client), and PostgreSQL in process when
/// `HANDBOOK_SERVICE_TEST_POSTGRES_URL` names a server (`.ci/run` starts one).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case sqliteLive = "sqlite, live server"
    case postgres

    static let postgresURL = ProcessInfo.processInfo.environment["HANDBOOK_SERVICE_TEST_POSTGRES_URL"]

    /// Every way to run the route tests.
    static var available: [Backend] {
        postgresURL == nil ? [.sqlite, .sqliteLive] : [.sqlite, .sqliteLive, .postgres]
    }

    /// The cases whose client sends concurrent requests concurrently.
    /// HummingbirdTesting's live client has one connection, so a second
    /// request waits for the first: a test that holds one request while
    /// sending another would deadlock there. (The fault tests send
    /// concurrent requests over real sockets.)
    static var concurrent: [Backend] { available.filter { !$0.isLive } }

    /// One case per database, for tests below the HTTP layer.
    static var databases: [Backend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    var isLive: Bool { self == .sqliteLive }

    /// A configuration on a fresh, empty database of this kind.
    func freshConfiguration() async throws -> ServiceConfiguration {
        var configuration = ServiceConfiguration()
        configuration.port = 0
        configuration.logLevel = .warning
        configuration.paymentRetryBase = .milliseconds(1)
        // Tests run in parallel on a loaded machine (CI: a cold PostgreSQL
        // creating a database per test): a statement may take seconds there.
        // The bounds themselves are tested on their own (TimeBoundsTests).
        configuration.databaseTimeout = .seconds(60)
        // Likewise the POST /orders bulkhead's queue wait (500 ms in
        // production): 100 concurrent orders on a loaded CI machine queued past
        // it once and got 503s. Shedding is tested on its own (a queue of 0).
        configuration.ordersQueueTimeout = .seconds(60)
        // No background maintenance pass (every 5 s by default) in the middle of
        // a test: on a loaded machine a test can take that long, and the pass
        // would sweep or recover what the test is looking at. Tests that need
        // a pass call maintain() themselves.
        configuration.maintenanceInterval = .seconds(3_600)
        switch self {
        case .sqlite, .sqliteLive:
            configuration.sqlitePath =
                FileManager.default.temporaryDirectory
                .appendingPathComponent("handbook-service-test-\(UUID().uuidString).sqlite").path
        case .postgres:
            configuration.databaseURL = try await Self.createDatabase()
        }
        return configuration
    }

    /// `CREATE DATABASE` with a unique name: tests run in parallel and must
    /// not see each other's orders.
    static func createDatabase() async throws -> String {
        guard let base = postgresURL, var components = URLComponents(string: base) else {
            throw TestSetupError("HANDBOOK_SERVICE_TEST_POSTGRES_URL is not set")
        }
        let name = "handbook_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        _ = try await withPostgres(url: base) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: testLogger)
        }
        components.path = "/" + name
        return components.string!
    }

    /// Runs `body` with a running connection pool on `url`.
    static func withPostgres<T: Sendable>(url: String, _ body: @Sendable (PostgresClient) async throws -> T)
        async throws -> T
    {
        // CREATE DATABASE waits for its turn on the template under parallel tests.
        let client = PostgresClient(
            configuration: try PostgresDatabase.configuration(url: url, statementTimeout: .seconds(120)),
            backgroundLogger: testLogger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// 402, which swift-http-types does not name.
let paymentRequired = HTTPResponse.Status(code: 402)

let testLogger: Logger = {
    var logger = Logger(label: "handbook-service-tests")
    logger.logLevel = .error
    return logger
}()

/// A wall clock the test moves by hand (microseconds since 1970).
final class ManualServiceClock: Sendable {
    private let micros = Mutex<Int64>(1_800_000_000_000_000)

    var clock: ServiceClock { ServiceClock { [self] in micros.withLock { $0 } } }

    func advance(by duration: Duration) {
        let (seconds, attoseconds) = duration.components
        micros.withLock { $0 += seconds * 1_000_000 + attoseconds / 1_000_000_000_000 }
    }
}

/// Payment behaviour a test controls: count attempts, fail or decline the
/// first N, hold charges before the provider's ledger write (the charge
/// lands when released), or after it (charged, but the answer is late).
final class ScriptedPayments: Sendable {
    private struct State {
        var attempts = 0
        var failuresLeft: Int
        var declinesLeft: Int
        var held: [CheckedContinuation<Void, Never>] = []
        var holding: Bool
        var holdingAfterCharge: Bool
        var heldObservers: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    init(failFirst: Int = 0, declineFirst: Int = 0, hold: Bool = false, holdAfterCharge: Bool = false) {
        state = Mutex(
            State(
                failuresLeft: failFirst, declinesLeft: declineFirst, holding: hold, holdingAfterCharge: holdAfterCharge)
        )
    }

    var attempts: Int { state.withLock { $0.attempts } }

    /// Runs at the provider before its ledger write.
    var behaviour: SimulatedPaymentProvider.Behaviour {
        { [self] _ in
            enum Step { case fail, decline, hold, pass }
            let step = state.withLock { state -> Step in
                state.attempts += 1
                if state.failuresLeft > 0 {
                    state.failuresLeft -= 1
                    return .fail
                }
                if state.declinesLeft > 0 {
                    state.declinesLeft -= 1
                    return .decline
                }
                return state.holding ? .hold : .pass
            }
            switch step {
            case .fail: throw PaymentError.unavailable
            case .decline: throw PaymentError.declined(reason: "insufficient funds (scripted)")
            case .hold: await hold()
            case .pass: break
            }
        }
    }

    /// Runs at the provider after its ledger write, before it answers.
    var afterCharge: SimulatedPaymentProvider.AfterCharge {
        { [self] _ in
            if state.withLock({ $0.holdingAfterCharge }) { await hold() }
        }
    }

    private func hold() async {
        await withCheckedContinuation { continuation in
            let observers = state.withLock { state in
                state.held.append(continuation)
                defer { state.heldObservers = [] }
                return state.heldObservers
            }
            for observer in observers { observer.resume() }
        }
    }

    /// Suspends until a charge is being held.
    func waitUntilHolding() async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                if state.held.isEmpty { state.heldObservers.append(continuation) }
                return !state.held.isEmpty
            }
            if ready { continuation.resume() }
        }
    }

    /// Stops holding new charges; those already held stay held until ``release()``.
    func stopHoldingNewCharges() {
        state.withLock {
            $0.holding = false
            $0.holdingAfterCharge = false
        }
    }

    /// Lets every held charge (and every later one) through.
    func release() {
        let held = state.withLock { state in
            state.holding = false
            state.holdingAfterCharge = false
            defer { state.held = [] }
            return state.held
        }
        for continuation in held { continuation.resume() }
    }
}

/// Builds the service on `backend` and runs `body` against its router, in process.
func withService(
    _ backend: Backend,
    configure: (inout ServiceConfiguration) -> Void = { _ in },
    payments: ScriptedPayments? = nil,
    clock: ManualServiceClock = ManualServiceClock(),
    accessLog: AccessLog? = nil,
    logger: Logger = testLogger,
    _ body: @Sendable (any TestClientProtocol, ServiceApplication) async throws -> Void
) async throws {
    var configuration = try await backend.freshConfiguration()
    configure(&configuration)
    // A clock that stands still: the SQL rate limiter's fixed window must not
    // roll over in the middle of a test (wall-clock windows would, now and then).
    var made = try await ServiceApplication.make(
        configuration: configuration, logger: logger, clock: clock.clock,
        paymentBehaviour: payments?.behaviour, paymentAfterCharge: payments?.afterCharge)
    made.accessLog = accessLog
    let service = made
    let app = try service.application()
    try await app.test(backend.isLive ? .live : .router) { client in try await body(client, service) }
    if configuration.databaseURL == nil { removeSQLiteFiles(configuration.sqlitePath) }
}

/// Removes a test database and its sidecars (`-wal`, `-shm`, and the
/// process lock `-lock`).
func removeSQLiteFiles(_ path: String) {
    for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

extension TestClientProtocol {
    /// `PUT /inventory/{item}`, as a careful client does it: read the
    /// item's `ETag` first and send it in `If-Match` (none for a new item).
    func setStock(_ item: String, _ stock: Int, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        let current = try await get("/inventory/\(item)")
        if current.status == .ok, let tag = current.headers[.eTag] { fields[.ifMatch] = tag }
        return try await execute(uri: "/inventory/\(item)", method: .put, headers: fields, body: json(["stock": stock]))
    }

    /// A GET request (one overload, so `#expect(try await …)` type-checks).
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers, body: nil)
    }

    /// `POST /orders` with an idempotency key (and `Content-Type:
    /// application/json` unless `headers` names another).
    func order(
        key: String?, item: String = "widget", quantity: Int = 1, priceCents: Int = 500, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        if let key { fields[HTTPField.Name("Idempotency-Key")!] = key }
        if fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await execute(
            uri: "/orders", method: .post, headers: fields,
            body: ByteBuffer(string: #"{"item":"\#(item)","quantity":\#(quantity),"priceCents":\#(priceCents)}"#))
    }
}

func json(_ value: some Encodable) -> ByteBuffer {
    ByteBuffer(bytes: try! JSONEncoder().encode(value))
}

func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
    try JSONDecoder().decode(type, from: Data(buffer: response.body))
}

/// The fields of a problem document the tests look at.
struct ProblemBody: Decodable {
    struct FieldError: Decodable { var field: String }
    var type: String
    var status: Int
    var errors: [FieldError]?
    var orderId: String?
}

struct Page: Decodable {
    var items: [Order]
    var nextCursor: String?
}

extension ServiceApplication {
    func count(_ sql: String) async throws -> Int {
        Int(try await database.query(sql).first?.integer("n") ?? -1)
    }

    /// The money invariant: live charges are exactly the confirmed orders'.
    func expectChargesMatchConfirmedOrders(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let live = try await count("SELECT COUNT(*) AS n FROM charges WHERE kind = 'charge' AND refunded = 0")
        let confirmed = try await count("SELECT COUNT(*) AS n FROM orders WHERE status = 'confirmed'")
        let paid = try await count(
            """
            SELECT COUNT(*) AS n FROM orders o JOIN charges c ON c.order_id = o.id
            WHERE o.status = 'confirmed' AND c.refunded = 0 AND c.id = o.charge_id
            """)
        #expect(
            live == confirmed && paid == confirmed, "live charges \(live), confirmed \(confirmed), paid \(paid)",
            sourceLocation: sourceLocation)
    }
}
