import Foundation
import Synchronization

/// Dependency injection without a container: initializers take their
/// dependencies, one composition root (``Application/live(dataDirectory:)``,
/// ``Application/test(repository:outbox:)``) builds the graph, small
/// capabilities are protocol witnesses (structs of closures), and `@TaskLocal`
/// values give scoped overrides.
///
/// ```swift
/// let app = try DependencyInjection.Application.live(dataDirectory: folder)
/// let user = try await app.signUp(name: "DI User", email: "di@example.com")
///
/// // A test wires the same graph in memory, and pins ids for one scope:
/// let outbox = DependencyInjection.Outbox()
/// let testApp = DependencyInjection.Application.test(outbox: outbox)
/// try await DependencyInjection.Ambient.$ids.withValue(.sequential(prefix: "t")) {
///     _ = try await testApp.signUp(name: "Ada", email: "ada@example.com")  // id "t-1"
/// }
/// ```
///
/// ## Why interviewers ask this
/// Testability is decided by how objects get their collaborators. Interviewers
/// want constructor injection and a single place that wires production, not
/// a service locator; in Swift they also probe the concurrency angle: a
/// mutable singleton no longer compiles in Swift 6 (`static var shared`
/// is `[#MutableGlobalVariable]`), and Swift Testing runs tests in parallel,
/// so any global override would leak between tests. A `@TaskLocal` override
/// is scoped to one task tree and cannot.
///
/// ## Common pitfalls
/// - A global `shared` instance "for convenience". Swift 6 rejects it if it
///   is mutable; marking it `nonisolated(unsafe)` silences the compiler and
///   brings back the data race, and even a `static let` hides the dependency
///   and cannot be swapped per test.
/// - Using `@TaskLocal` for the core object graph. It is invisible in
///   signatures; keep it for cross-cutting values (request ids, id or clock
///   overrides in tests), and pass real collaborators through initializers.
/// - Expecting a task-local in `Task.detached`. Child tasks (`async let`,
///   task groups) and `Task { }` inherit task-locals; detached tasks start
///   from the defaults.
/// - Protocols for everything. A protocol earns its keep when it carries a
///   contract with several real implementations (``UserRepository``); a
///   one-function capability (send a mail, make an id) is simpler as a
///   witness: each variant is a value, and tests build one inline.
///
/// ## Key takeaway
/// Dependencies flow in through initializers, the composition root is the
/// only code that knows the concrete types, witnesses keep small capabilities
/// swappable, and `@TaskLocal` scopes the rare ambient override to exactly
/// the code inside `withValue`.
///
/// ## Go → Swift
/// Go's `NewApplication` wired a repository into a service by hand and its
/// test registered "DI User" end to end; a Go package-level `var` singleton
/// is legal and racy. Swift keeps the hand wiring (``Application``), turns
/// small interfaces into closure structs (``Mailer``, ``IDGenerator``),
/// replaces the racy global with a compile error, and adds `@TaskLocal` where
/// Go would thread a value through `context.Context`.
public enum DependencyInjection {
    /// A message the application sends.
    public struct Mail: Codable, Hashable, Sendable {
        public var to: String
        public var subject: String

        public init(to: String, subject: String) {
            self.to = to
            self.subject = subject
        }
    }

    /// A protocol witness: the mail capability as a struct holding a closure.
    /// Each implementation is a value (``spool(into:)``, ``recording(into:)``,
    /// ``failing(_:)``), not a type.
    public struct Mailer: Sendable {
        public var send: @Sendable (Mail) async throws -> Void

        public init(send: @escaping @Sendable (Mail) async throws -> Void) {
            self.send = send
        }

        /// Live: writes each mail as a JSON file into `directory` (a pickup
        /// directory a mail relay would drain), creating it if needed.
        public static func spool(into directory: URL) -> Mailer {
            Mailer { mail in
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let file = directory.appendingPathComponent("\(UUID().uuidString).json")
                try JSONEncoder().encode(mail).write(to: file, options: .atomic)
            }
        }

        /// Test: appends every mail to `outbox`.
        public static func recording(into outbox: Outbox) -> Mailer {
            Mailer { mail in await outbox.append(mail) }
        }

        /// A mail server that is down.
        public static func failing(_ error: some Error & Sendable) -> Mailer {
            Mailer { _ in throw error }
        }
    }

    /// The mails a ``Mailer/recording(into:)`` mailer sent, in order.
    public actor Outbox {
        public private(set) var sent: [Mail] = []

        public init() {}

        func append(_ mail: Mail) { sent.append(mail) }
    }

    /// A protocol witness for making user ids.
    public struct IDGenerator: Sendable {
        public var next: @Sendable () -> User.ID

        public init(next: @escaping @Sendable () -> User.ID) {
            self.next = next
        }

        /// Random, lower-case UUIDs: the production default.
        public static let uuid = IDGenerator { UUID().uuidString.lowercased() }

        /// `prefix-1`, `prefix-2`, … shared by every copy of the generator.
        public static func sequential(prefix: String) -> IDGenerator {
            let counter = SequenceCounter()
            return IDGenerator { "\(prefix)-\(counter.value.wrappingAdd(1, ordering: .relaxed).newValue)" }
        }

        // `Atomic` must live at a stable address, so it sits in a class;
        // the class is Sendable because its only state is the atomic.
        private final class SequenceCounter: Sendable {
            let value = Atomic<Int>(0)
        }
    }

    /// Ambient dependencies: values a whole task tree can see without
    /// threading them through every call, overridden only inside
    /// `withValue`.
    public enum Ambient {
        /// The id generator applications use unless given one explicitly.
        @TaskLocal public static var ids: IDGenerator = .uuid
    }

    /// The object graph, built once at a composition root.
    public struct Application: Sendable {
        public let users: UserService
        public let mailer: Mailer

        /// Initializer injection: the application receives everything it uses.
        /// - Parameter makeID: defaults to the ambient ``Ambient/ids``, read
        ///   at each call, so a `withValue` scope decides the ids it sees.
        public init(
            repository: some UserRepository,
            mailer: Mailer,
            makeID: @escaping @Sendable () -> User.ID = { Ambient.ids.next() }
        ) {
            self.users = UserService(repository: repository, makeID: makeID)
            self.mailer = mailer
        }

        /// Production wiring: users persisted as JSON in `dataDirectory`,
        /// mail spooled to `dataDirectory/outbox`.
        /// - Throws: ``RepositoryError/storage(_:)`` if the stored users
        ///   cannot be read.
        public static func live(dataDirectory: URL) throws(RepositoryError) -> Application {
            Application(
                repository: try JSONFileUserRepository(directory: dataDirectory),
                mailer: .spool(into: dataDirectory.appendingPathComponent("outbox")))
        }

        /// Test wiring: an in-memory store (or the one you pass, such as a
        /// failing mock) and a mailer that records into `outbox`.
        public static func test(
            repository: any UserRepository = InMemoryUserRepository(),
            outbox: Outbox = Outbox()
        ) -> Application {
            Application(repository: repository, mailer: .recording(into: outbox))
        }

        /// Registers a user, then sends the welcome mail.
        /// - Throws: a ``UserServiceError`` from registration (no mail is
        ///   sent), or the mailer's error (the user is already stored).
        public func signUp(name: String, email: String) async throws -> User {
            let user = try await users.register(name: name, email: email)
            try await mailer.send(Mail(to: user.email, subject: "Welcome, \(user.name)"))
            return user
        }
    }
}
