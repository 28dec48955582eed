import Foundation

/// The service layer: business rules (validation, normalisation, error
/// translation) between the transport and a ``UserRepository``, testable
/// without a database.
///
/// ```swift
/// let users = UserService(repository: InMemoryUserRepository())
/// let ada = try await users.register(name: "Ada", email: " ADA@example.com ")
/// // ada.email == "ada@example.com"
/// try await users.register(name: "Ada 2", email: "ada@example.com")  // throws .alreadyExists
/// ```
///
/// ## Why interviewers ask this
/// It shows whether you can keep HTTP, business rules and storage apart, and
/// whether your errors mean something to the layer above: a handler maps
/// ``UserServiceError/invalidEmail(_:)`` to 400, ``UserServiceError/alreadyExists(email:)``
/// to 409 and ``UserServiceError/repository(_:)`` to 500 without knowing
/// which database is underneath. The follow-up is testing: a mock that
/// proves invalid input never reaches the repository.
///
/// ## Common pitfalls
/// - Check-then-create for uniqueness (`find(email:)`, then `create`), as the
///   Go seed does: two concurrent registrations both see "free" and both
///   insert. Let the store's unique constraint decide and *translate* its
///   ``RepositoryError/duplicateEmail(_:)`` into ``UserServiceError/alreadyExists(email:)``.
/// - Leaking infrastructure errors as if they were domain errors, or the
///   reverse: swallowing a storage failure into "invalid input". Domain
///   outcomes get their own cases; everything else is wrapped unchanged in
///   ``UserServiceError/repository(_:)`` so logs keep the cause.
/// - Making the service generic over its repository by reflex. A
///   `UserService<R: UserRepository>` is specialised and statically dispatched,
///   but `R` then spreads to everything that stores the service, test and live
///   wiring become different types, and the store cannot be chosen from
///   configuration at run time. For a service whose every call is a database
///   round trip, the existential's dynamic dispatch costs nothing measurable:
///   accept `some UserRepository`, store `any UserRepository`. Reach for
///   generics in hot, synchronous code (a cache, a parser), not here.
///
/// ## Key takeaway
/// Validate and normalise first (cheap, no I/O), call the repository once,
/// and translate its typed errors into the service's own: domain cases the
/// caller acts on, and one wrapping case for infrastructure.
///
/// ## Go → Swift
/// Go's `UserService.RegisterUser` validated, looked the email up, then
/// created, returning `errors.New` strings checked by message in its three
/// tests (success, duplicate, invalid email). Here the errors are a typed
/// enum the compiler checks exhaustively, the duplicate check is the
/// store's, the ID generator is injected so tests are deterministic, and a
/// struct-of-closures mock (``UserRepositoryMock``) records every call.
public struct UserService: Sendable {
    private let repository: any UserRepository
    private let makeID: @Sendable () -> User.ID
    private let now: @Sendable () -> Int64

    /// - Parameters:
    ///   - repository: any implementation; a concrete value or an `any
    ///     UserRepository` both work (the existential is opened for `some`).
    ///   - makeID: where new users get their ids; inject a sequence in tests.
    ///   - now: the creation time in microseconds since 1970 UTC; inject a
    ///     constant in tests.
    public init(
        repository: some UserRepository,
        makeID: @escaping @Sendable () -> User.ID = { UUID().uuidString.lowercased() },
        now: @escaping @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded(.down)) }
    ) {
        self.repository = repository
        self.makeID = makeID
        self.now = now
    }

    /// Validates, normalises and stores a new user.
    /// - Throws: ``UserServiceError/missingFields(_:)`` or
    ///   ``UserServiceError/invalidEmail(_:)`` before any repository call;
    ///   ``UserServiceError/alreadyExists(email:)`` if the email is taken;
    ///   ``UserServiceError/repository(_:)`` for any other repository failure.
    public func register(name: String, email: String) async throws(UserServiceError) -> User {
        let (name, email) = try Self.validate(name: name, email: email)
        let user = User(id: makeID(), name: name, email: email, createdAt: now())
        do throws(RepositoryError) {
            try await repository.create(user)
        } catch {
            throw Self.translate(error)
        }
        return user
    }

    /// The user with `id`.
    /// - Throws: ``UserServiceError/notFound(id:)``, or
    ///   ``UserServiceError/repository(_:)``.
    public func user(id: User.ID) async throws(UserServiceError) -> User {
        do throws(RepositoryError) {
            return try await repository.find(id: id)
        } catch {
            throw Self.translate(error)
        }
    }

    /// The trimmed name and the trimmed, lower-cased email, or the first
    /// rule they break. Pure: no I/O, so it is tested without a repository.
    public static func validate(name: String, email: String) throws(UserServiceError) -> (name: String, email: String) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let missing = [("name", name), ("email", email)].filter { $0.1.isEmpty }.map(\.0)
        guard missing.isEmpty else { throw .missingFields(missing) }
        guard isPlausibleEmail(email) else { throw .invalidEmail(email) }
        return (name, email)
    }

    /// One `@`, a non-empty local part, a dotted domain, no whitespace. Real
    /// validation is sending a confirmation mail; this only rejects typos.
    public static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !email.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// Domain outcomes get domain cases; infrastructure is wrapped unchanged.
    static func translate(_ error: RepositoryError) -> UserServiceError {
        switch error {
        case .duplicateEmail(let email): .alreadyExists(email: email)
        case .notFound(let id): .notFound(id: id)
        case .duplicateID, .invalidPageLimit, .cancelled, .storage: .repository(error)
        }
    }
}

/// What ``UserService`` can fail with: four domain outcomes, one wrapper.
public enum UserServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Required fields that were empty after trimming, in declaration order.
    case missingFields([String])
    case invalidEmail(String)
    case alreadyExists(email: String)
    case notFound(id: User.ID)
    /// Infrastructure: the repository failed for a reason that is not a
    /// domain outcome (storage, cancellation, an id collision).
    case repository(RepositoryError)

    public var description: String {
        switch self {
        case .missingFields(let fields): "missing required fields: \(fields.joined(separator: ", "))"
        case .invalidEmail(let email): "invalid email: \(email)"
        case .alreadyExists(let email): "a user with email \(email) already exists"
        case .notFound(let id): "no user with id \(id)"
        case .repository(let underlying): "repository failure: \(underlying)"
        }
    }
}

/// A test double built as a struct of closures: override only what a test
/// cares about, and read back every call from ``log``.
///
/// Copies share one ``CallLog`` (an actor, so concurrent calls record safely).
public struct UserRepositoryMock: UserRepository {
    /// One recorded call.
    public enum Call: Hashable, Sendable {
        case create(User)
        case find(id: User.ID)
        case update(User)
        case delete(id: User.ID)
        case list
        case page(after: UserPageCursor?, limit: Int)
        case count
    }

    /// The calls in the order they arrived.
    public actor CallLog {
        public private(set) var calls: [Call] = []

        public init() {}

        func record(_ call: Call) { calls.append(call) }
    }

    public let log = CallLog()
    public var onCreate: @Sendable (User) async throws(RepositoryError) -> Void
    public var onFind: @Sendable (User.ID) async throws(RepositoryError) -> User
    public var onUpdate: @Sendable (User) async throws(RepositoryError) -> Void
    public var onDelete: @Sendable (User.ID) async throws(RepositoryError) -> Void
    public var onList: @Sendable () async throws(RepositoryError) -> [User]
    public var onPage: @Sendable (UserPageCursor?, Int) async throws(RepositoryError) -> UserPage
    public var onCount: @Sendable () async throws(RepositoryError) -> Int

    /// By default: `create` succeeds, lookups find nothing, `list` and `page` are empty.
    public init(
        onCreate: @escaping @Sendable (User) async throws(RepositoryError) -> Void = { _ throws(RepositoryError) in },
        onFind: @escaping @Sendable (User.ID) async throws(RepositoryError) -> User = { id throws(RepositoryError) in
            throw .notFound(id: id)
        },
        onUpdate: @escaping @Sendable (User) async throws(RepositoryError) -> Void = { user throws(RepositoryError) in
            throw .notFound(id: user.id)
        },
        onDelete: @escaping @Sendable (User.ID) async throws(RepositoryError) -> Void = { id throws(RepositoryError) in
            throw .notFound(id: id)
        },
        onList: @escaping @Sendable () async throws(RepositoryError) -> [User] = { () throws(RepositoryError) in [] },
        onPage: @escaping @Sendable (UserPageCursor?, Int) async throws(RepositoryError) -> UserPage = {
            cursor, limit throws(RepositoryError) in try UserPage.of([], after: cursor, limit: limit)
        },
        onCount: @escaping @Sendable () async throws(RepositoryError) -> Int = { () throws(RepositoryError) in 0 }
    ) {
        self.onCreate = onCreate
        self.onFind = onFind
        self.onUpdate = onUpdate
        self.onDelete = onDelete
        self.onList = onList
        self.onPage = onPage
        self.onCount = onCount
    }

    /// A repository whose every call fails with `error`: a database that is down.
    public static func failing(with error: RepositoryError) -> Self {
        Self(
            onCreate: { _ throws(RepositoryError) in throw error },
            onFind: { _ throws(RepositoryError) in throw error },
            onUpdate: { _ throws(RepositoryError) in throw error },
            onDelete: { _ throws(RepositoryError) in throw error },
            onList: { () throws(RepositoryError) in throw error },
            onPage: { _, _ throws(RepositoryError) in throw error },
            onCount: { () throws(RepositoryError) in throw error })
    }

    public func create(_ user: User) async throws(RepositoryError) {
        await log.record(.create(user))
        try await onCreate(user)
    }

    public func find(id: User.ID) async throws(RepositoryError) -> User {
        await log.record(.find(id: id))
        return try await onFind(id)
    }

    public func update(_ user: User) async throws(RepositoryError) {
        await log.record(.update(user))
        try await onUpdate(user)
    }

    public func delete(id: User.ID) async throws(RepositoryError) {
        await log.record(.delete(id: id))
        try await onDelete(id)
    }

    public func list() async throws(RepositoryError) -> [User] {
        await log.record(.list)
        return try await onList()
    }

    public func page(after cursor: UserPageCursor?, limit: Int) async throws(RepositoryError) -> UserPage {
        await log.record(.page(after: cursor, limit: limit))
        return try await onPage(cursor, limit)
    }

    public func count() async throws(RepositoryError) -> Int {
        await log.record(.count)
        return try await onCount()
    }
}
