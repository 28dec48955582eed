import Foundation
import HandbookPatterns
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Functional options", .timeLimit(.minutes(1)))
struct FunctionalOptionsTests {
    typealias F = FunctionalOptions

    @Test("defaults: localhost:8080, 30 s timeout, 100 connections, no TLS")
    func defaults() throws {
        let config = try F.Server().config
        #expect(config.host == "localhost")
        #expect(config.port == 8080)
        #expect(config.timeout == .seconds(30))
        #expect(config.maxConnections == 100)
        #expect(config.usesTLS == false)
        #expect(config == F.ServerConfig())
        #expect(try F.Server(options: []).config == config)
        #expect(try F.Server {}.config == config)
    }

    @Test("Go's scenario: port 9090, timeout 5 s and host 0.0.0.0 are applied, the rest keeps its default")
    func optionsAreApplied() throws {
        let config = try F.Server(F.withPort(9090), F.withTimeout(.seconds(5)), F.withHost("0.0.0.0")).config
        var expected = F.ServerConfig()
        expected.port = 9090
        expected.timeout = .seconds(5)
        expected.host = "0.0.0.0"
        #expect(config == expected)
    }

    @Test("options apply in order, so the last one to set a field wins, presets included")
    func lastOptionWins() throws {
        #expect(try F.Server(F.withPort(9090), F.withPort(9091)).config.port == 9091)
        #expect(try F.Server(F.withTLS(), F.withTLS(false)).config.usesTLS == false)

        let overridden = try F.Server(options: F.productionOptions + [F.withPort(8443)]).config
        #expect(overridden.port == 8443)
        #expect(overridden.host == "0.0.0.0" && overridden.usesTLS && overridden.maxConnections == 1_000)
        #expect(try F.Server(options: [F.withPort(8443)] + F.productionOptions).config.port == 443)
    }

    @Test("one options array configures two servers, and stays reusable")
    func optionsArrayIsReusable() throws {
        let shared = [F.withHost("0.0.0.0"), F.withTimeout(.seconds(5)), F.withMaxConnections(500)]
        let first = try F.Server(options: shared + [F.withPort(9090)]).config
        let second = try F.Server(options: shared + [F.withPort(9091)]).config
        #expect(first.port == 9090 && second.port == 9091)
        for config in [first, second] {
            #expect(config.host == "0.0.0.0" && config.timeout == .seconds(5) && config.maxConnections == 500)
        }
        // Applying an option never consumes or changes it: a third use gives the same result.
        #expect(try F.Server(options: shared + [F.withPort(9090)]).config == first)
    }

    @Test(
        "an invalid value throws a ConfigurationError with a readable message",
        arguments: [
            (F.ServerSetting.port(0), F.ConfigurationError.invalidPort(0), "port must be in 1...65535, got 0"),
            (.port(65_536), .invalidPort(65_536), "port must be in 1...65535, got 65536"),
            (.port(-1), .invalidPort(-1), "port must be in 1...65535, got -1"),
            (.timeout(.zero), .invalidTimeout(.zero), "timeout must be positive, got 0.0 seconds"),
            (.timeout(.seconds(-5)), .invalidTimeout(.seconds(-5)), "timeout must be positive, got -5.0 seconds"),
            (.maxConnections(0), .invalidMaxConnections(0), "maxConnections must be at least 1, got 0"),
            (.host(""), .emptyHost, "host must not be empty"),
        ])
    func invalidOptionThrows(setting: F.ServerSetting, error: F.ConfigurationError, message: String) throws {
        #expect(throws: error) { try F.Server(options: [setting.option]) }
        #expect(throws: error) { try F.Server { setting } }
        #expect(error.description == message)
        // The boundaries just inside the valid range are accepted.
        #expect(try F.Server(F.withPort(1)).config.port == 1)
        #expect(try F.Server(F.withPort(65_535)).config.port == 65_535)
        #expect(try F.Server(F.withTimeout(.nanoseconds(1)), F.withMaxConnections(1)).config.maxConnections == 1)
    }

    @Test("the pitfall: Go's literal NewServer accepts port 0, a zero timeout and zero connections")
    func goLiteralAcceptsNonsense() {
        let nonsense = [F.withPort(0), F.withTimeout(.zero), F.withMaxConnections(0)]
        let config = F.goLiteralConfig(nonsense[0], nonsense[1], nonsense[2])
        #expect(config.port == 0 && config.timeout == .zero && config.maxConnections == 0, "silently accepted")
        // The validated server reports the first problem instead.
        #expect(throws: F.ConfigurationError.invalidPort(0)) { try F.Server(options: nonsense) }
    }

    @Test("validation checks the result, not each step: an invalid value a later option overrides is fine")
    func validationRunsOnceAtTheEnd() throws {
        #expect(try F.Server(F.withPort(0), F.withPort(9090)).config.port == 9090)
        #expect(throws: F.ConfigurationError.invalidPort(0)) { try F.Server(F.withPort(9090), F.withPort(0)) }
    }

    @Test("the result-builder DSL: presets, if/else and for, in order, same result as the closures")
    func resultBuilderDSL() throws {
        let debugging = true
        let extras: [F.ServerSetting] = [.maxConnections(50), .maxConnections(20)]
        let server = try F.Server {
            F.production
            F.ServerSetting.port(8443)  // a leading "." here would chain onto `F.production`
            if debugging {
                .timeout(.seconds(300))
            } else {
                .timeout(.seconds(5))
            }
            if !debugging { .tls(false) }
            for extra in extras { extra }
        }
        var expected = F.ServerConfig()
        expected.host = "0.0.0.0"
        expected.port = 8443
        expected.usesTLS = true
        expected.timeout = .seconds(300)
        expected.maxConnections = 20  // the last of the loop wins
        #expect(server.config == expected)

        let closures =
            F.productionOptions + [F.withPort(8443), F.withTimeout(.seconds(300))] + extras.map(\.option)
        #expect(try F.Server(options: closures).config == expected)
    }

    @Test("settings as data can be compared, printed and decoded from a file; closures cannot")
    func settingsAreData() throws {
        let settings: [F.ServerSetting] = [.host("api.internal"), .port(9090), .timeout(.milliseconds(1_500))]
        let decoded = try JSONDecoder().decode([F.ServerSetting].self, from: JSONEncoder().encode(settings))
        #expect(decoded == settings)
        #expect(try F.Server { decoded }.config.timeout == .milliseconds(1_500))
        #expect(F.production.contains(.tls(true)))
        #expect("\(F.ServerSetting.port(9090))" == "port(9090)")
    }

    @Test("Duration has no integer literals: Go's WithTimeout(5), five nanoseconds, does not compile")
    func durationNeedsAUnit() throws {
        try CompileFailFixture.expect(
            "HandbookPatterns/TimeoutFromInteger.swift",
            diagnostics: ["cannot convert value of type 'Int' to expected argument type 'Duration'"])
    }

    @Test("a @Sendable option cannot capture a var, so it cannot change after it was made")
    func sendableOptionCannotCaptureAVar() throws {
        try CompileFailFixture.expect(
            "HandbookPatterns/OptionCapturesVar.swift", group: "SendableClosureCaptures",
            diagnostics: ["reference to captured var 'port'"])
    }

    /// Decodes a random code into a setting; ranges straddle every
    /// validation boundary so both valid and invalid results are common.
    static func setting(_ code: Int) -> F.ServerSetting {
        let value = code / 5
        switch code % 5 {
        case 0: return .host(["", "localhost", "0.0.0.0", "10.0.0.1"][value % 4])
        case 1: return .port(value % 70_000 - 2)
        case 2: return .timeout(.milliseconds(value % 2_000 - 100))
        case 3: return .maxConnections(value % 300 - 5)
        default: return .tls(value.isMultiple(of: 2))
        }
    }

    /// Every setting through the builder's `for` support.
    @F.ServerSettingsBuilder
    static func dsl(_ settings: [F.ServerSetting]) -> [F.ServerSetting] {
        for setting in settings { setting }
    }

    @Test(
        "property: closures, the array init and the DSL agree with a last-write-wins oracle, and throw iff it is invalid"
    )
    func formsAgreeWithLastWriteWinsOracle() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...999_999).array(of: 0...12)) { codes in
            let settings = codes.map(Self.setting)
            // The oracle: per field, the last setting that names it, else the default.
            func last<T>(_ pick: (F.ServerSetting) -> T?) -> T? { settings.reversed().lazy.compactMap(pick).first }
            var expected = F.ServerConfig()
            expected.host = last { if case .host(let v) = $0 { v } else { nil } } ?? expected.host
            expected.port = last { if case .port(let v) = $0 { v } else { nil } } ?? expected.port
            expected.timeout = last { if case .timeout(let v) = $0 { v } else { nil } } ?? expected.timeout
            expected.maxConnections =
                last { if case .maxConnections(let v) = $0 { v } else { nil } } ?? expected.maxConnections
            expected.usesTLS = last { if case .tls(let v) = $0 { v } else { nil } } ?? expected.usesTLS
            let expectedError: F.ConfigurationError?
            if expected.host.isEmpty {
                expectedError = .emptyHost
            } else if expected.port < 1 || expected.port > 65_535 {
                expectedError = .invalidPort(expected.port)
            } else if expected.timeout <= .zero {
                expectedError = .invalidTimeout(expected.timeout)
            } else if expected.maxConnections < 1 {
                expectedError = .invalidMaxConnections(expected.maxConnections)
            } else {
                expectedError = nil
            }

            let options = settings.map(\.option)
            var unchecked = F.ServerConfig()
            for option in options { option(&unchecked) }
            #expect(unchecked == expected)

            func check(_ outcome: Result<F.Server, F.ConfigurationError>, _ form: String) {
                switch outcome {
                case .success(let server):
                    #expect(expectedError == nil, "\(form) accepted \(settings)")
                    #expect(server.config == expected, "\(form)")
                case .failure(let error):
                    #expect(error == expectedError, "\(form) threw for \(settings)")
                }
            }
            check(Result { () throws(F.ConfigurationError) in try F.Server(options: options) }, "array init")
            check(Result { () throws(F.ConfigurationError) in try F.Server { Self.dsl(settings) } }, "DSL")
        }
    }
}
