/// Functional options: configure a value with a list of functions, each
/// changing one setting, applied in order over the defaults, then validated.
///
/// ```swift
/// typealias F = FunctionalOptions
/// let api = try F.Server(F.withPort(9090), F.withTimeout(.seconds(5)))    // the literal Go port
/// let edge = try F.Server {                                               // the Swift DSL
///     F.production                                                       // a preset, then overrides
///     F.ServerSetting.timeout(.seconds(5))
///     if debugging { .maxConnections(10) }
/// }
/// try F.Server(F.withPort(0))   // throws: port must be in 1...65535, got 0
/// ```
///
/// ## Why interviewers ask this
/// "How do you design a constructor with a dozen optional settings?" is a
/// classic API-design question, and functional options are the idiomatic Go
/// answer. In a Swift interview the follow-ups are what matter: what Swift
/// offers instead (default arguments, a configuration struct: the
/// HandbookAdvanced `ConfigurationWithDefaults` lesson), when options still
/// pay off (reusable, composable presets; a DSL), and what neither Go version
/// does: reject a bad value instead of silently keeping it.
///
/// ## Common pitfalls
/// - Accepting anything (``goLiteralConfig(_:)``): Go's `func(*Server)` has
///   no error channel, so port 0 or a zero timeout yields a server that
///   cannot work, discovered at run time. Validate the *result*, once, after
///   every option ran, and throw.
/// - Validating inside each option: options are "last wins", so an invalid
///   intermediate value that a later option overrides is legitimate, and a
///   cross-field rule can only be checked on the finished configuration.
/// - Expecting to splat an array into a variadic parameter (Go's
///   `NewServer(opts...)`): Swift has no splat. Offer `init(options:)` taking
///   an array and make the variadic `init` forward to it.
/// - Forgetting `@Sendable` on the option type: a `static let` preset of
///   options, or options passed to another task, then do not compile in
///   Swift 6. With it, an option cannot capture a `var`, so it cannot change
///   after it was created.
/// - In the DSL, a line that starts with `.` continues the line above (that
///   is how SwiftUI modifiers chain): `F.production` followed by a line
///   `.port(8443)` parses as `F.production.port(8443)` and fails to compile.
///   After an expression line, spell the type: `F.ServerSetting.port(8443)`.
/// - Porting `time.Duration` as an `Int`: Go's `WithTimeout(5)` means 5 ns.
///   Swift's `Duration` has no integer literals, so `.seconds(5)` is the only
///   way to write it.
///
/// ## Key takeaway
/// In Swift, reach for a `Sendable` configuration struct with default
/// property values and a throwing `validate()` first. Options as closures
/// (`(inout Config) -> Void`) are the pattern's literal form; options as
/// *data* (``ServerSetting``, collected by a result builder) can also be
/// compared, logged and decoded. Either way: defaults, then each option in
/// order (last wins), then validation that throws a message a human can act on.
///
/// ## Go → Swift
/// Go's `functional_options.go` (patterns) has `type Option func(*Server)`
/// and `NewServer(opts ...Option)` with defaults 8080, 30 s and 100
/// connections, overridden by `With…` options for port, timeout and host;
/// its tests check the defaults and that options apply. The Swift port keeps
/// the shape with `inout` instead of a pointer and `Duration` instead of
/// `time.Duration`, adds `@Sendable` so presets can be global constants, and
/// throws ``ConfigurationError`` where Go accepts port 0.
public enum FunctionalOptions {
    /// The settings of a server, with the Go seed's defaults.
    public struct ServerConfig: Hashable, Sendable {
        public var host = "localhost"
        public var port = 8080
        public var timeout: Duration = .seconds(30)
        public var maxConnections = 100
        public var usesTLS = false

        /// The defaults: localhost:8080, 30 s, 100 connections, no TLS.
        public init() {}

        /// Checks every setting, in declaration order.
        ///
        /// - Throws: ``ConfigurationError`` for the first invalid setting.
        public func validate() throws(ConfigurationError) {
            guard !host.isEmpty else { throw .emptyHost }
            guard (1...65_535).contains(port) else { throw .invalidPort(port) }
            guard timeout > .zero else { throw .invalidTimeout(timeout) }
            guard maxConnections > 0 else { throw .invalidMaxConnections(maxConnections) }
        }
    }

    /// Why a configuration was rejected, with a message for a human.
    public enum ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
        case emptyHost
        case invalidPort(Int)
        case invalidTimeout(Duration)
        case invalidMaxConnections(Int)

        public var description: String {
            switch self {
            case .emptyHost: "host must not be empty"
            case .invalidPort(let port): "port must be in 1...65535, got \(port)"
            case .invalidTimeout(let timeout): "timeout must be positive, got \(timeout)"
            case .invalidMaxConnections(let count): "maxConnections must be at least 1, got \(count)"
            }
        }
    }

    // MARK: - The literal port: options as closures

    /// Go's `type Option func(*Server)`: `inout` plays the pointer.
    ///
    /// `@Sendable` because options are values that travel: a `static let`
    /// preset (``production``) is shared by every task, and Swift 6 only
    /// allows that for `Sendable` values.
    public typealias ServerOption = @Sendable (inout ServerConfig) -> Void

    public static func withHost(_ host: String) -> ServerOption {
        { $0.host = host }
    }

    /// Sets the port. Any `Int` is accepted here; the server validates the
    /// final result.
    public static func withPort(_ port: Int) -> ServerOption {
        { $0.port = port }
    }

    public static func withTimeout(_ timeout: Duration) -> ServerOption {
        { $0.timeout = timeout }
    }

    public static func withMaxConnections(_ maxConnections: Int) -> ServerOption {
        { $0.maxConnections = maxConnections }
    }

    public static func withTLS(_ enabled: Bool = true) -> ServerOption {
        { $0.usesTLS = enabled }
    }

    /// Go's `ProductionServer` as a reusable list: every interface, 443,
    /// TLS, 1000 connections. Append to it; later options win.
    public static let productionOptions: [ServerOption] = [
        withHost("0.0.0.0"), withPort(443), withTLS(), withMaxConnections(1_000),
    ]

    /// The pitfall: Go's `NewServer`, literally. Every option is applied and
    /// nothing is checked, so `goLiteralConfig(withPort(0))` "succeeds".
    public static func goLiteralConfig(_ options: ServerOption...) -> ServerConfig {
        var config = ServerConfig()
        for option in options {
            option(&config)
        }
        return config
    }

    /// A server built from options; its configuration is always valid.
    public struct Server: Sendable {
        public let config: ServerConfig

        /// `Server(withPort(9090), withTimeout(.seconds(5)))`: Go's
        /// `NewServer(opts...)`, validated.
        ///
        /// - Throws: ``ConfigurationError`` if the result is invalid.
        public init(_ options: ServerOption...) throws(ConfigurationError) {
            try self.init(options: options)
        }

        /// The array form: Swift cannot splat an array into a variadic
        /// parameter, so reusable option lists need this overload.
        ///
        /// Defaults first, then each option in order (the last write to a
        /// setting wins), then one validation of the result.
        ///
        /// - Throws: ``ConfigurationError`` for the first invalid setting.
        /// - Complexity: O(n) in the number of options.
        public init(options: [ServerOption]) throws(ConfigurationError) {
            var config = ServerConfig()
            for option in options {
                option(&config)
            }
            try config.validate()
            self.config = config
        }

        /// The DSL form: settings as data, with `if`, `for` and presets.
        ///
        /// - Throws: ``ConfigurationError`` if the result is invalid.
        public init(@ServerSettingsBuilder _ settings: () -> [ServerSetting]) throws(ConfigurationError) {
            try self.init(options: settings().map(\.option))
        }
    }

    // MARK: - Options as data, and a result builder

    /// One setting as a value rather than a closure. A closure can only be
    /// called; a value can also be compared, printed, stored and decoded
    /// (a configuration file is a `[ServerSetting]`).
    public enum ServerSetting: Hashable, Sendable, Codable {
        case host(String)
        case port(Int)
        case timeout(Duration)
        case maxConnections(Int)
        case tls(Bool)

        /// The same change as a closure option.
        public var option: ServerOption {
            switch self {
            case .host(let host): withHost(host)
            case .port(let port): withPort(port)
            case .timeout(let timeout): withTimeout(timeout)
            case .maxConnections(let count): withMaxConnections(count)
            case .tls(let enabled): withTLS(enabled)
            }
        }
    }

    /// ``productionOptions`` as data, for the DSL.
    public static let production: [ServerSetting] = [
        .host("0.0.0.0"), .port(443), .tls(true), .maxConnections(1_000),
    ]

    /// Collects ``ServerSetting``s written one per line, with `if`,
    /// `if`/`else`, `for` and whole presets (`[ServerSetting]`) allowed.
    ///
    /// ```swift
    /// try FunctionalOptions.Server {
    ///     .port(8443)
    ///     if verbose { .timeout(.seconds(120)) }
    ///     for extra in fromFile { extra }
    /// }
    /// ```
    @resultBuilder
    public enum ServerSettingsBuilder {
        public static func buildExpression(_ setting: ServerSetting) -> [ServerSetting] {
            [setting]
        }

        public static func buildExpression(_ preset: [ServerSetting]) -> [ServerSetting] {
            preset
        }

        public static func buildBlock(_ parts: [ServerSetting]...) -> [ServerSetting] {
            parts.flatMap { $0 }
        }

        public static func buildOptional(_ part: [ServerSetting]?) -> [ServerSetting] {
            part ?? []
        }

        public static func buildEither(first part: [ServerSetting]) -> [ServerSetting] {
            part
        }

        public static func buildEither(second part: [ServerSetting]) -> [ServerSetting] {
            part
        }

        public static func buildArray(_ parts: [[ServerSetting]]) -> [ServerSetting] {
            parts.flatMap { $0 }
        }
    }
}
