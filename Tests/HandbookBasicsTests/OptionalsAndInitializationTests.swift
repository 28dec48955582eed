import HandbookBasics
import HandbookTestSupport
import Testing

@Suite("Optionals and initialization")
struct OptionalsAndInitializationTests {
    typealias Lesson = OptionalsAndInitialization

    @Test("a failable init returns nil for invalid input instead of a zero value", arguments: [0, -1, 65_536, 70_000])
    func portOutOfRangeIsNil(number: Int) {
        #expect(Lesson.Port(number) == nil)
    }

    @Test("a failable init returns a value for valid input")
    func validPortIsCreated() throws {
        let port = try #require(Lesson.Port(8080))
        #expect(port.number == 8080)
        #expect(Lesson.Port(parsing: "443")?.number == 443)
        #expect(Lesson.Port(parsing: "http") == nil)
        #expect(Lesson.Port(parsing: "70000") == nil)
    }

    @Test("Optional is an enum with cases none and some")
    func optionalIsAnEnum() {
        let absent: Int? = nil
        #expect(absent == Optional<Int>.none)
        #expect(Optional(5) == .some(5))
        #expect(Lesson.describe(nil) == "none")
        #expect(Lesson.describe(5) == "some(5)")
    }

    @Test("guard let requires a value, ?? supplies a default")
    func guardLetAndNilCoalescing() {
        #expect(Lesson.listenAddress(host: "127.0.0.1", portText: "8080") == "127.0.0.1:8080")
        #expect(Lesson.listenAddress(host: nil, portText: "8080") == "0.0.0.0:8080")
        #expect(Lesson.listenAddress(host: "127.0.0.1", portText: nil) == nil)
        #expect(Lesson.listenAddress(host: "127.0.0.1", portText: "99999") == nil)
    }

    @Test("optional chaining through three levels stops at the first nil")
    func optionalChainingStopsAtFirstNil() {
        typealias Settings = Lesson.Settings
        let full = Settings(server: .init(tls: .init(certificatePath: "/etc/tls/cert.pem")))
        #expect(Lesson.certificatePath(in: full) == "/etc/tls/cert.pem")
        #expect(Lesson.certificatePath(in: nil) == nil)
        #expect(Lesson.certificatePath(in: Settings(server: nil)) == nil)
        #expect(Lesson.certificatePath(in: Settings(server: .init(tls: nil))) == nil)
        #expect(Lesson.certificatePath(in: Settings(server: .init(tls: .init(certificatePath: nil)))) == nil)
    }

    @Test("map nests Optionals (Int??) where flatMap flattens them (Int?)")
    func mapVersusFlatMap() {
        #expect(Lesson.parsedWithMap("80") == .some(.some(80)))
        // The pitfall: the parse failed, yet the result is not nil.
        let failedParse = Lesson.parsedWithMap("eighty")
        #expect(failedParse != nil)
        #expect(failedParse == .some(.none))
        #expect(Lesson.parsedWithMap(nil) == .none)

        #expect(Lesson.parsedWithFlatMap("80") == 80)
        #expect(Lesson.parsedWithFlatMap("eighty") == nil)
        #expect(Lesson.parsedWithFlatMap(nil) == nil)
    }

    @Test("force-unwrapping nil traps the process")
    func forceUnwrapOfNilTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let port = OptionalsAndInitialization.Port(70_000)
            _ = port!.number
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("Unexpectedly found nil while unwrapping an Optional value"))
    }

    @Test("reading a variable that some path leaves unassigned does not compile")
    func useBeforeInitializationDoesNotCompile() throws {
        #expect(Lesson.defaultPort(secure: true) == 443)
        #expect(Lesson.defaultPort(secure: false) == 80)
        try CompileFailFixture.expect(
            "HandbookBasics/UseBeforeInitialization.swift",
            diagnostics: ["variable 'port' used before being initialized"])
    }

    @Test("two-phase init: an override called from super.init already sees the subclass's properties")
    func twoPhaseInitialization() throws {
        let connection = Lesson.TLSConnection(host: "db.internal", certificate: "db.pem")
        #expect(
            connection.events == [
                "Connection.init sees tls db.internal with db.pem",
                "TLSConnection.init phase 2",
            ])
        #expect(Lesson.Connection(host: "cache").events == ["Connection.init sees plain cache"])
        try CompileFailFixture.expect(
            "HandbookBasics/SuperInitBeforeOwnProperties.swift",
            diagnostics: ["property 'self.certificate' not initialized at super.init call"])
    }

    @Test("Go's new(T) and make(...) map to initializers that are given real values")
    func makeAndNewEquivalents() {
        // new(int): a shared, heap-allocated cell. Here it must start with a value.
        let counter = Lesson.Box(0)
        let alias = counter
        alias.value += 1
        #expect(counter.value == 1)
        #expect(counter === alias)

        // make([]int, 3) and make([]int, 0, 16)
        #expect(Array(repeating: 0, count: 3) == [0, 0, 0])
        var buffer: [Int] = []
        buffer.reserveCapacity(16)
        #expect(buffer.isEmpty)
        #expect(buffer.capacity >= 16)

        // make(map[string]int, 8): and a missing key is nil, not a zero value.
        let counts = [String: Int](minimumCapacity: 8)
        #expect(counts.capacity >= 8)
        #expect(counts["missing"] == nil)
    }
}
