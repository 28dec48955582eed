import HandbookAdvanced
import HandbookTestSupport
import Testing

@Suite("Configuration with defaults")
struct ConfigurationWithDefaultsTests {
    typealias Config = ConfigurationWithDefaults.ServerConfiguration
    typealias ConfigError = ConfigurationWithDefaults.ConfigurationError
    typealias Go = ConfigurationWithDefaults.GoStyleServer

    /// The defaults with one change, unvalidated.
    static func defaults(_ modify: Config.Modification) -> Config {
        var configuration = Config()
        modify(&configuration)
        return configuration
    }

    @Test("the defaults are the Go seed's: localhost:8080, 30 s, 100 connections, no TLS")
    func defaultsMatchTheSeed() throws {
        let configuration = Config()
        #expect(configuration.host == "localhost")
        #expect(configuration.port == 8080)
        #expect(configuration.timeout == .seconds(30))
        #expect(configuration.maxConnections == 100)
        #expect(configuration.usesTLS == false)
        #expect(configuration == Config.defaults)
        #expect(try Config(host: "localhost") == configuration)
    }

    @Test("overriding one setting leaves every other at its default")
    func overridingOneSettingKeepsTheRest() throws {
        let configuration = try Config(port: 9000)
        var expected = Config()
        expected.port = 9000
        #expect(configuration == expected)
    }

    @Test("port 70000 throws invalidPort(70000); Go's option silently kept 8080")
    func invalidPortThrows() {
        #expect(throws: ConfigError.invalidPort(70_000)) { try Config(port: 70_000) }
        #expect(Go(Go.withPort(70_000)).port == 8080, "the literal Go port drops the error on the floor")
    }

    @Test(
        "every invalid setting is reported by name",
        arguments: [
            (defaults { $0.host = "" }, ConfigError.emptyHost),
            (defaults { $0.port = 0 }, .invalidPort(0)),
            (defaults { $0.port = -1 }, .invalidPort(-1)),
            (defaults { $0.timeout = .zero }, .invalidTimeout(.zero)),
            (defaults { $0.maxConnections = 0 }, .invalidMaxConnections(0)),
        ])
    func invalidSettingsAreReported(configuration: Config, error: ConfigError) {
        #expect(throws: error) { try configuration.validate() }
    }

    @Test("production is 0.0.0.0:443 with TLS and 1000 connections")
    func productionPreset() {
        let production = Config.production
        #expect(production.host == "0.0.0.0")
        #expect(production.port == 443)
        #expect(production.usesTLS)
        #expect(production.maxConnections == 1_000)
        #expect(production.timeout == .seconds(30))
    }

    @Test("every preset is valid", arguments: [Config.defaults, .production, .development])
    func presetsAreValid(preset: Config) throws {
        try preset.validate()
    }

    @Test("modifying a copy of a preset never changes the preset")
    func presetsHaveValueSemantics() throws {
        var mine = Config.production
        mine.port = 8443
        let derived = try Config.production.with { $0.maxConnections = 5_000 }
        #expect(Config.production.port == 443)
        #expect(Config.production.maxConnections == 1_000)
        #expect(mine.port == 8443 && derived.maxConnections == 5_000)
    }

    @Test("with { } copies, modifies and validates")
    func withValidatesTheCopy() throws {
        let staging = try Config.production.with { $0.host = "staging.internal" }
        #expect(staging.host == "staging.internal")
        #expect(staging.port == 443 && staging.usesTLS)
        #expect(throws: ConfigError.invalidPort(70_000)) {
            try Config.production.with { $0.port = 70_000 }
        }
    }

    @Test("reusable partial configurations compose in order, like a slice of Go options")
    func partialConfigurationsCompose() throws {
        let tls: Config.Modification = {
            $0.usesTLS = true
            $0.port = 443
        }
        let bigPool: Config.Modification = { $0.maxConnections = 2_000 }
        let internalPort: Config.Modification = { $0.port = 8443 }

        let configuration = try Config().with(tls, bigPool, internalPort)
        #expect(configuration.usesTLS && configuration.maxConnections == 2_000)
        #expect(configuration.port == 8443, "the later piece wins")
        let goServer = Go(Go.withTLS(), Go.withPort(443), Go.withMaxConnections(2_000), Go.withPort(8443))
        #expect(goServer.port == configuration.port && goServer.maxConnections == configuration.maxConnections)
    }

    @Test("a mutable static preset does not compile in Swift 6")
    func mutablePresetsAreRejected() throws {
        try CompileFailFixture.expect(
            "HandbookAdvanced/MutablePreset.swift",
            diagnostics: ["[#MutableGlobalVariable]", "static property 'production' is not concurrency-safe"])
    }
}
