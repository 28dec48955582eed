/// Configuration with defaults: Swift's answer to Go's functional options is
/// a value type with default property values, default arguments and
/// validation that throws.
///
/// ```swift
/// typealias Config = ConfigurationWithDefaults.ServerConfiguration
/// let local = Config()                                   // localhost:8080, 30 s, 100 connections
/// let api = try Config(port: 9000)                       // override one field; throws if invalid
/// let edge = try Config.production.with { $0.maxConnections = 5_000 }   // copy, modify, validate
/// ```
///
/// ## Why interviewers ask this
/// Every service has a constructor with a dozen knobs, most of which callers
/// never touch. Go answers with `Option func(*Server)`; a Go developer will
/// reach for it in Swift too. The interviewer wants to see that the language
/// already has what options emulate (named arguments with defaults, value
/// types you can copy and tweak) and that invalid settings are *reported*.
///
/// ## Common pitfalls
/// - Porting functional options literally (``GoStyleServer``): five closures
///   and a typealias to get what default arguments give for free, and the
///   seed's `func(*Server)` option has nowhere to report an error (Go code
///   that needs one writes `func(*Server) error`), so a bad value is dropped.
/// - Validating only in `init`: the properties are `var`, so anything can be
///   changed afterwards. Validate where the value is used too, or in every
///   modifier (``ServerConfiguration/with(_:)``).
/// - A `static var` preset: shared mutable global state that any caller can
///   change for everyone. Swift 6 rejects it; presets are `static let`.
/// - Writing the default values twice (property and argument) and letting
///   them drift. Here the arguments read them from ``ServerConfiguration/defaults``.
///
/// ## Key takeaway
/// A `Sendable` struct with default property values, an `init` whose every
/// argument is optional, `static let` presets, and a `with { }` helper covers
/// every use of functional options, adds typed validation errors, and keeps
/// value semantics: a modified copy never changes the preset.
///
/// ## Go → Swift
/// Go's `functional_options.go` builds `NewServer(opts ...Option)` with
/// `WithPort`, `WithTimeout`, … and a `ProductionServer` preset; its
/// `WithPort` silently keeps 8080 when given 70000, and the test asserts
/// that silence. Here the same input throws `.invalidPort(70000)`. Go needs
/// options because it has no default arguments; Swift does, so the options
/// pattern survives only where a configuration must be assembled from
/// reusable pieces, which ``ServerConfiguration/with(_:)`` also covers.
public enum ConfigurationWithDefaults {
    /// Why a configuration was rejected.
    public enum ConfigurationError: Error, Equatable, Sendable {
        case emptyHost
        case invalidPort(Int)
        case invalidTimeout(Duration)
        case invalidMaxConnections(Int)
    }

    /// An HTTP server's settings, with the Go seed's defaults.
    public struct ServerConfiguration: Equatable, Sendable {
        public var host = "localhost"
        public var port = 8080
        public var timeout = Duration.seconds(30)
        public var maxConnections = 100
        public var usesTLS = false

        /// Every default: always valid, so it cannot throw.
        public init() {}

        /// Overrides any subset of the defaults, then validates.
        ///
        /// - Throws: ``ConfigurationError`` naming the first invalid setting.
        public init(
            host: String = defaults.host,
            port: Int = defaults.port,
            timeout: Duration = defaults.timeout,
            maxConnections: Int = defaults.maxConnections,
            usesTLS: Bool = defaults.usesTLS
        ) throws(ConfigurationError) {
            self.host = host
            self.port = port
            self.timeout = timeout
            self.maxConnections = maxConnections
            self.usesTLS = usesTLS
            try validate()
        }

        /// Checks every setting.
        ///
        /// - Throws: ``ConfigurationError`` naming the first invalid setting.
        public func validate() throws(ConfigurationError) {
            guard !host.isEmpty else { throw .emptyHost }
            guard (1...65_535).contains(port) else { throw .invalidPort(port) }
            guard timeout > .zero else { throw .invalidTimeout(timeout) }
            guard maxConnections > 0 else { throw .invalidMaxConnections(maxConnections) }
        }

        /// A change to a configuration, reusable and composable: Go's
        /// `Option`, without the need for one function per field.
        public typealias Modification = (inout ServerConfiguration) -> Void

        /// A modified, validated copy; `self` is unchanged.
        ///
        /// - Throws: ``ConfigurationError`` if the result is invalid.
        public func with(_ modifications: Modification...) throws(ConfigurationError) -> ServerConfiguration {
            var copy = self
            for modify in modifications {
                modify(&copy)
            }
            try copy.validate()
            return copy
        }

        /// localhost:8080, 30 s, 100 connections, no TLS.
        public static let defaults = ServerConfiguration()

        /// Go's `ProductionServer`: every interface, port 443, TLS, 1000 connections.
        public static let production: ServerConfiguration = {
            var configuration = ServerConfiguration()
            configuration.host = "0.0.0.0"
            configuration.port = 443
            configuration.usesTLS = true
            configuration.maxConnections = 1_000
            return configuration
        }()

        /// Generous timeouts for stepping through a debugger, few connections.
        public static let development: ServerConfiguration = {
            var configuration = ServerConfiguration()
            configuration.timeout = .seconds(300)
            configuration.maxConnections = 10
            return configuration
        }()
    }

    /// The pitfall, ported literally: Go's functional options in Swift.
    ///
    /// ```swift
    /// let server = GoStyleServer(GoStyleServer.withPort(9000), GoStyleServer.withTLS())
    /// ```
    public struct GoStyleServer: Equatable, Sendable {
        public var host = "localhost"
        public var port = 8080
        public var timeout = Duration.seconds(30)
        public var maxConnections = 100
        public var usesTLS = false

        /// Go's `type Option func(*Server)`.
        public typealias Option = (inout GoStyleServer) -> Void

        /// Go's `NewServer(opts ...Option)`: defaults, then each option in order.
        public init(_ options: Option...) {
            for option in options {
                option(&self)
            }
        }

        public static func withHost(_ host: String) -> Option {
            { $0.host = host }
        }

        /// Go's `WithPort`: an out-of-range port is *silently ignored*,
        /// because an option has no way to report an error.
        public static func withPort(_ port: Int) -> Option {
            { server in
                if (1...65_535).contains(port) { server.port = port }
            }
        }

        public static func withTimeout(_ timeout: Duration) -> Option {
            { $0.timeout = timeout }
        }

        public static func withMaxConnections(_ maxConnections: Int) -> Option {
            { $0.maxConnections = maxConnections }
        }

        public static func withTLS() -> Option {
            { $0.usesTLS = true }
        }
    }
}
