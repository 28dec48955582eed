import Foundation

/// The repository pattern: persistence behind a `Sendable` protocol of
/// `async throws(RepositoryError)` methods, so callers never know (or care)
/// which store they talk to.
///
/// ```swift
/// func onboard(_ user: User, into users: some UserRepository) async throws(RepositoryError) -> Int {
///     try await users.create(user)
///     return try await users.count()
/// }
/// _ = try await onboard(ada, into: InMemoryUserRepository())
/// _ = try await onboard(ada, into: JSONFileUserRepository(directory: folder))  // same caller
/// ```
///
/// ## Why interviewers ask this
/// It is the seam every backend test depends on: services talk to a protocol,
/// tests hand them an in-memory store, production hands them SQL. Interviewers
/// check that the protocol is shaped for the *slowest* implementation
/// (`async`, throwing, `Sendable`), that errors are part of the contract
/// (not-found, uniqueness, cancellation), and that you can prove two
/// implementations interchangeable, which is what ``UserRepositoryContract``
/// does: one suite of named checks run against every implementation.
///
/// ## Common pitfalls
/// - Designing the protocol around the in-memory store (synchronous methods,
///   non-throwing `find`): the database implementation cannot conform later
///   without changing every caller.
/// - Check-then-act across an `await` inside an actor. Actors are reentrant:
///   while `create` is suspended between "is this email free?" and "insert",
///   another `create` runs the same check and both insert
///   (``ReentrantCheckThenActUserRepository`` shows it). Keep the check and the
///   write in one synchronous stretch, or let the database's unique index
///   decide, as a SQL store would.
/// - Updating the cache before the disk. If the write fails the store now
///   disagrees with itself; ``JSONFileUserRepository`` writes first and only
///   then commits the new value.
/// - Defensive copies out of habit. `User` is a struct: every caller already
///   holds its own copy, and mutating it never touches the store.
/// - A `list()` that returns the whole table. Real callers page: ``UserRepository/page(after:limit:)``
///   is keyset pagination on `(createdAt, id)`, which a SQL store answers
///   from an index (`WHERE (created_at, id) > ($1, $2) ORDER BY created_at, id
///   LIMIT $3`) however deep the page. The sort key is exact (`Int64`
///   microseconds, PostgreSQL's `timestamptz` precision), never a `Double` or
///   a `Date` that may not round-trip, and the id breaks ties.
///
/// ## Key takeaway
/// Put the promises in the protocol's documentation *and* in an executable
/// contract. Cancellation surfaces as ``RepositoryError/cancelled``, a case of
/// the typed error, rather than `CancellationError`: with
/// `throws(RepositoryError)` the service layer can switch over every outcome
/// exhaustively, and a SQL driver's cancellation (a `CancellationError`, or a
/// "query cancelled" server error) must be mapped anyway, which
/// ``RepositoryError/init(_:)`` does. The cost: generic code that looks for
/// `CancellationError` will not see it, so layers above translate at their
/// own boundary.
///
/// ## Go → Swift
/// Go's `UserRepository` interface takes a `ctx` on every method, guards a map
/// with an `RWMutex`, copies `*User` in and out so callers cannot mutate the
/// store, and returns `ErrUserNotFound`; its concurrency test asserted nothing.
/// In Swift the context is the task (cancellation is ambient), the actor is
/// the mutex, `User` is a value so there is nothing to copy, the error type is
/// in the signature, and the concurrent test asserts exact counts.
public protocol UserRepository: Sendable {
    /// Stores a new user.
    /// - Throws: ``RepositoryError/duplicateID(_:)`` or
    ///   ``RepositoryError/duplicateEmail(_:)`` if either is taken (the store
    ///   is unchanged), ``RepositoryError/cancelled`` if the calling task is
    ///   cancelled before the write, ``RepositoryError/storage(_:)`` if the
    ///   backing store fails.
    func create(_ user: User) async throws(RepositoryError)

    /// The user with `id`.
    /// - Throws: ``RepositoryError/notFound(id:)`` if there is none.
    func find(id: User.ID) async throws(RepositoryError) -> User

    /// Replaces the stored user that has `user.id`.
    /// - Throws: ``RepositoryError/notFound(id:)`` if there is none,
    ///   ``RepositoryError/duplicateEmail(_:)`` if another user has the email.
    func update(_ user: User) async throws(RepositoryError)

    /// Removes the user with `id`.
    /// - Throws: ``RepositoryError/notFound(id:)`` if there is none.
    func delete(id: User.ID) async throws(RepositoryError)

    /// Every user, sorted by `id` (a SQL store: `ORDER BY id`). For small
    /// tables and tests; callers serving requests use ``page(after:limit:)``.
    func list() async throws(RepositoryError) -> [User]

    /// Up to `limit` users ordered by `(createdAt, id)`, starting strictly
    /// after `cursor` (`nil`: from the first user). The page's `next` is the
    /// cursor for the following page, `nil` once there is none. A cursor
    /// stays valid when users are created or deleted in between: it is a
    /// position in the order, not an offset.
    /// - Throws: ``RepositoryError/invalidPageLimit(_:)`` unless
    ///   `1 <= limit <= UserPage.maximumLimit`.
    func page(after cursor: UserPageCursor?, limit: Int) async throws(RepositoryError) -> UserPage

    /// How many users are stored.
    func count() async throws(RepositoryError) -> Int
}

/// A user as the domain sees it: a value, `Codable` so any store can persist it.
public struct User: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// Unique across the store, compared exactly as given (the service layer
    /// normalises it before storing).
    public var email: String
    /// When the user was created, in microseconds since 1970-01-01 UTC: an
    /// exact integer that round-trips through JSON, SQLite `INTEGER` and
    /// PostgreSQL `timestamptz` (microsecond precision) unchanged.
    public var createdAt: Int64

    public init(id: String, name: String, email: String, createdAt: Int64) {
        self.id = id
        self.name = name
        self.email = email
        self.createdAt = createdAt
    }

    /// The keyset position of this user in the `(createdAt, id)` order.
    public var pageCursor: UserPageCursor { UserPageCursor(createdAt: createdAt, id: id) }
}

/// A position in the `(createdAt, id)` order: the last user of a page.
/// `Comparable` in exactly that order.
public struct UserPageCursor: Codable, Hashable, Sendable, Comparable {
    public var createdAt: Int64
    public var id: User.ID

    public init(createdAt: Int64, id: User.ID) {
        self.createdAt = createdAt
        self.id = id
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.createdAt, lhs.id) < (rhs.createdAt, rhs.id)
    }
}

/// One page of users, and where the next one starts.
public struct UserPage: Codable, Hashable, Sendable {
    /// The largest `limit` a ``UserRepository/page(after:limit:)`` accepts.
    public static let maximumLimit = 1_000

    public var users: [User]
    /// The cursor of the following page; `nil` when this is the last one.
    public var next: UserPageCursor?

    public init(users: [User], next: UserPageCursor?) {
        self.users = users
        self.next = next
    }

    /// The page of `users` after `cursor`: sorts them by `(createdAt, id)`
    /// and takes `limit + 1` to learn whether another page follows (what the
    /// SQL `LIMIT $3 + 1` does). The reference every store must agree with.
    ///
    /// - Throws: ``RepositoryError/invalidPageLimit(_:)``.
    /// - Complexity: O(*n* log *n*); a database does it from an index.
    public static func of(
        _ users: some Sequence<User>, after cursor: UserPageCursor?, limit: Int
    ) throws(RepositoryError) -> UserPage {
        guard (1...maximumLimit).contains(limit) else { throw .invalidPageLimit(limit) }
        let candidates = users.filter { user in cursor.map { user.pageCursor > $0 } ?? true }
            .sorted { $0.pageCursor < $1.pageCursor }
        let page = Array(candidates.prefix(limit))
        return UserPage(users: page, next: candidates.count > limit ? page.last?.pageCursor : nil)
    }
}

/// Everything a ``UserRepository`` call can fail with.
public enum RepositoryError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(id: User.ID)
    case duplicateID(User.ID)
    case duplicateEmail(String)
    /// A page `limit` outside `1...UserPage.maximumLimit`.
    case invalidPageLimit(Int)
    /// The calling task was cancelled; the call had no effect.
    case cancelled
    /// The backing store failed (I/O, driver, decoding); the message says how.
    case storage(String)

    /// Maps any error from a storage layer: repository errors pass through,
    /// `CancellationError` becomes ``cancelled``, anything else ``storage(_:)``.
    public init(_ error: any Error) {
        switch error {
        case let error as RepositoryError: self = error
        case is CancellationError: self = .cancelled
        default: self = .storage(String(describing: error))
        }
    }

    public var description: String {
        switch self {
        case .notFound(let id): "no user with id \(id)"
        case .duplicateID(let id): "a user with id \(id) already exists"
        case .duplicateEmail(let email): "a user with email \(email) already exists"
        case .invalidPageLimit(let limit): "a page limit must be in 1...\(UserPage.maximumLimit), got \(limit)"
        case .cancelled: "the calling task was cancelled"
        case .storage(let message): "storage failure: \(message)"
        }
    }

    /// Throws ``cancelled`` if the current task is cancelled: every
    /// implementation calls this before touching its store.
    public static func checkCancellation() throws(RepositoryError) {
        if Task.isCancelled { throw .cancelled }
    }
}

/// The rules every store enforces, as a value: users by id plus a unique
/// email index. Both actors below wrap one; because it is a value, "undo" is
/// keeping the old copy.
///
/// - Invariant: `idsByEmail` maps exactly the emails of `usersByID`.
public struct UserTable: Hashable, Sendable {
    private var usersByID: [User.ID: User] = [:]
    private var idsByEmail: [String: User.ID] = [:]

    public init() {}

    /// - Complexity: O(1) on average.
    public var count: Int { usersByID.count }

    /// - Complexity: O(1) on average.
    public func find(id: User.ID) throws(RepositoryError) -> User {
        guard let user = usersByID[id] else { throw .notFound(id: id) }
        return user
    }

    /// - Complexity: O(*n* log *n*).
    public var sortedByID: [User] { usersByID.values.sorted { $0.id < $1.id } }

    /// - Complexity: O(*n* log *n*) (a database answers from an index).
    public func page(after cursor: UserPageCursor?, limit: Int) throws(RepositoryError) -> UserPage {
        try UserPage.of(usersByID.values, after: cursor, limit: limit)
    }

    /// - Complexity: O(1) on average.
    public mutating func insert(_ user: User) throws(RepositoryError) {
        guard usersByID[user.id] == nil else { throw .duplicateID(user.id) }
        guard idsByEmail[user.email] == nil else { throw .duplicateEmail(user.email) }
        usersByID[user.id] = user
        idsByEmail[user.email] = user.id
    }

    /// - Complexity: O(1) on average.
    public mutating func update(_ user: User) throws(RepositoryError) {
        let old = try find(id: user.id)
        if let owner = idsByEmail[user.email], owner != user.id { throw .duplicateEmail(user.email) }
        idsByEmail[old.email] = nil
        idsByEmail[user.email] = user.id
        usersByID[user.id] = user
    }

    /// - Complexity: O(1) on average.
    public mutating func remove(id: User.ID) throws(RepositoryError) {
        let old = try find(id: id)
        usersByID[id] = nil
        idsByEmail[old.email] = nil
    }
}

/// The in-memory store: an actor around a ``UserTable``. Every method is a
/// synchronous stretch of actor code, so no other call can interleave between
/// a uniqueness check and its write.
public actor InMemoryUserRepository: UserRepository {
    private var table = UserTable()

    public init() {}

    public func create(_ user: User) throws(RepositoryError) {
        try RepositoryError.checkCancellation()
        try table.insert(user)
    }

    public func find(id: User.ID) throws(RepositoryError) -> User {
        try RepositoryError.checkCancellation()
        return try table.find(id: id)
    }

    public func update(_ user: User) throws(RepositoryError) {
        try RepositoryError.checkCancellation()
        try table.update(user)
    }

    public func delete(id: User.ID) throws(RepositoryError) {
        try RepositoryError.checkCancellation()
        try table.remove(id: id)
    }

    public func list() throws(RepositoryError) -> [User] {
        try RepositoryError.checkCancellation()
        return table.sortedByID
    }

    public func page(after cursor: UserPageCursor?, limit: Int) throws(RepositoryError) -> UserPage {
        try RepositoryError.checkCancellation()
        return try table.page(after: cursor, limit: limit)
    }

    public func count() throws(RepositoryError) -> Int {
        try RepositoryError.checkCancellation()
        return table.count
    }
}

/// A second storage strategy behind the same protocol: a JSON file
/// (`users.json`) in a directory you choose, rewritten atomically after every
/// change and read back when a new instance opens the directory.
///
/// Each mutation works on a copy of the table, writes it, and commits the copy
/// only after the write succeeded, so a failed write leaves memory and disk
/// in agreement.
///
/// - Important: The file I/O is synchronous on the actor, which blocks one
///   cooperative thread while it runs: fine for a lesson and small files; a
///   real store would use non-blocking I/O or a database.
public actor JSONFileUserRepository: UserRepository {
    /// Where the users are persisted.
    public nonisolated let fileURL: URL
    private var table: UserTable

    /// Opens (or starts) the store in `directory`, which must exist.
    /// - Throws: ``RepositoryError/storage(_:)`` if an existing file cannot be
    ///   read or decoded.
    public init(directory: URL) throws(RepositoryError) {
        fileURL = directory.appendingPathComponent("users.json")
        table = try Self.load(from: fileURL)
    }

    public func create(_ user: User) throws(RepositoryError) {
        try commit { table throws(RepositoryError) in try table.insert(user) }
    }

    public func find(id: User.ID) throws(RepositoryError) -> User {
        try RepositoryError.checkCancellation()
        return try table.find(id: id)
    }

    public func update(_ user: User) throws(RepositoryError) {
        try commit { table throws(RepositoryError) in try table.update(user) }
    }

    public func delete(id: User.ID) throws(RepositoryError) {
        try commit { table throws(RepositoryError) in try table.remove(id: id) }
    }

    public func list() throws(RepositoryError) -> [User] {
        try RepositoryError.checkCancellation()
        return table.sortedByID
    }

    public func page(after cursor: UserPageCursor?, limit: Int) throws(RepositoryError) -> UserPage {
        try RepositoryError.checkCancellation()
        return try table.page(after: cursor, limit: limit)
    }

    public func count() throws(RepositoryError) -> Int {
        try RepositoryError.checkCancellation()
        return table.count
    }

    private func commit(_ change: (inout UserTable) throws(RepositoryError) -> Void) throws(RepositoryError) {
        try RepositoryError.checkCancellation()
        var next = table
        try change(&next)
        try Self.save(next, to: fileURL)
        table = next
    }

    private static func load(from url: URL) throws(RepositoryError) -> UserTable {
        guard FileManager.default.fileExists(atPath: url.path) else { return UserTable() }
        var table = UserTable()
        do {
            let users = try JSONDecoder().decode([User].self, from: Data(contentsOf: url))
            for user in users { try table.insert(user) }
        } catch {
            throw .storage("could not read \(url.lastPathComponent): \(error)")
        }
        return table
    }

    private static func save(_ table: UserTable, to url: URL) throws(RepositoryError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            // .atomic writes a temporary file and renames it over the old one:
            // a crash mid-write leaves the previous version, never half a file.
            try encoder.encode(table.sortedByID).write(to: url, options: .atomic)
        } catch {
            throw .storage("could not write \(url.lastPathComponent): \(error)")
        }
    }
}

/// The pitfall: an actor whose `create` awaits between its uniqueness check
/// and its insert (here an injected "audit" call). Actors are reentrant, so
/// two concurrent creates with the same email both pass the check while the
/// first is suspended, and both insert. Do not copy this; it exists so a test
/// can show the duplicate.
public actor ReentrantCheckThenActUserRepository: UserRepository {
    private var usersByID: [User.ID: User] = [:]
    private let betweenCheckAndInsert: @Sendable () async -> Void

    /// - Parameter betweenCheckAndInsert: the suspension point (an audit log
    ///   call, a remote lookup) that opens the window for reentrancy.
    public init(betweenCheckAndInsert: @escaping @Sendable () async -> Void) {
        self.betweenCheckAndInsert = betweenCheckAndInsert
    }

    public func create(_ user: User) async throws(RepositoryError) {
        try RepositoryError.checkCancellation()
        guard usersByID[user.id] == nil else { throw .duplicateID(user.id) }
        guard !usersByID.values.contains(where: { $0.email == user.email }) else {
            throw .duplicateEmail(user.email)
        }
        await betweenCheckAndInsert()  // the actor is free here: another create runs the same checks
        usersByID[user.id] = user
    }

    public func find(id: User.ID) throws(RepositoryError) -> User {
        guard let user = usersByID[id] else { throw .notFound(id: id) }
        return user
    }

    public func update(_ user: User) throws(RepositoryError) {
        guard usersByID[user.id] != nil else { throw .notFound(id: user.id) }
        usersByID[user.id] = user
    }

    public func delete(id: User.ID) throws(RepositoryError) {
        guard usersByID.removeValue(forKey: id) != nil else { throw .notFound(id: id) }
    }

    public func list() -> [User] { usersByID.values.sorted { $0.id < $1.id } }

    public func page(after cursor: UserPageCursor?, limit: Int) throws(RepositoryError) -> UserPage {
        try UserPage.of(usersByID.values, after: cursor, limit: limit)
    }

    public func count() -> Int { usersByID.count }
}
