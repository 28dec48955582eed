/// An executable contract for ``UserRepository``: named checks that any
/// implementation (in memory, a JSON file, SQLite, PostgreSQL) must pass.
///
/// ```swift
/// // Swift Testing: every check against every implementation.
/// @Test(arguments: Store.allCases, UserRepositoryContract.checks)
/// func contract(store: Store, check: UserRepositoryContract.Check) async throws {
///     try await check.run(against: store.makeEmpty())
/// }
/// ```
///
/// ## Why interviewers ask this
/// "How do you know your fake behaves like the database?" is the follow-up to
/// every repository answer. A contract suite is the answer: the protocol's
/// promises (not-found, uniqueness, sorting, keyset paging, cancellation,
/// concurrent writes) written once as checks, run against the fake *and* the real store,
/// so a passing service test with the fake means something.
///
/// ## Common pitfalls
/// - Writing the promises only in prose: the fake drifts (say, it accepts a
///   duplicate email the database would reject) and service tests pass against
///   behaviour production never has.
/// - Checks that depend on each other or on leftovers: each ``Check`` takes a
///   fresh, empty store and states that as its first assertion.
/// - Non-deterministic checks (sleeps, wall-clock time): the cancellation check
///   starts its call in an already-cancelled task instead of racing a cancel.
///
/// ## Key takeaway
/// A protocol is a promise; a contract makes the promise testable. Ship the
/// checks next to the protocol so every new implementation runs them with one
/// parameterised test.
///
/// ## Go → Swift
/// Go's repository test exercised one implementation directly. Here the
/// checks are values (`[Check]`) that Swift Testing's `@Test(arguments:)`
/// multiplies by the list of implementations, and each failure names the
/// check and the broken promise.
public enum UserRepositoryContract {
    /// A broken promise: which check, and what the implementation did.
    public struct ContractViolation: Error, Hashable, Sendable, CustomStringConvertible {
        public var check: String
        public var message: String

        public init(check: String = "", message: String) {
            self.check = check
            self.message = message
        }

        public var description: String { "\(check): \(message)" }
    }

    /// One named promise, run against a fresh, empty repository.
    public struct Check: Sendable, CustomStringConvertible {
        /// What is promised, in words; also the test-case label.
        public let name: String
        private let body: @Sendable (any UserRepository) async throws -> Void

        init(_ name: String, _ body: @escaping @Sendable (any UserRepository) async throws -> Void) {
            self.name = name
            self.body = body
        }

        public var description: String { name }

        /// Runs the check.
        /// - Precondition: `repository` is empty and used by nothing else.
        /// - Throws: ``ContractViolation`` naming the broken promise; an
        ///   unexpected error from the repository is reported as a violation too.
        public func run(against repository: any UserRepository) async throws(ContractViolation) {
            do {
                let initial = try await repository.count()
                try ensure(initial == 0, "needs an empty repository, found \(initial) users")
                try await body(repository)
            } catch var violation as ContractViolation {
                violation.check = name
                throw violation
            } catch {
                throw ContractViolation(check: name, message: "unexpected error: \(error)")
            }
        }
    }

    /// Every promise of ``UserRepository``.
    public static let checks: [Check] = [
        Check("create then find returns an equal user") { repository in
            try await repository.create(sample(1))
            let found = try await repository.find(id: "u1")
            try ensure(found == sample(1), "find returned \(found)")
        },
        Check("find of a missing id throws notFound") { repository in
            try await ensureThrows(.notFound(id: "missing"), "find(id: missing)") {
                _ = try await repository.find(id: "missing")
            }
        },
        Check("a duplicate id is rejected and the stored user is kept") { repository in
            try await repository.create(sample(1))
            let impostor = User(id: "u1", name: "Impostor", email: "impostor@example.com", createdAt: 1)
            try await ensureThrows(.duplicateID("u1"), "create with a taken id") {
                try await repository.create(impostor)
            }
            try ensure(try await repository.find(id: "u1") == sample(1), "the original user was overwritten")
            try ensure(try await repository.count() == 1, "the rejected user was counted")
        },
        Check("a duplicate email is rejected") { repository in
            try await repository.create(sample(1))
            let twin = User(id: "u2", name: "Twin", email: sample(1).email, createdAt: 2)
            try await ensureThrows(.duplicateEmail(sample(1).email), "create with a taken email") {
                try await repository.create(twin)
            }
            try ensure(try await repository.count() == 1, "the rejected user was counted")
        },
        Check("update replaces the stored user; updating a missing id throws notFound") { repository in
            try await repository.create(sample(1))
            var renamed = sample(1)
            renamed.name = "Renamed"
            try await repository.update(renamed)
            try ensure(try await repository.find(id: "u1") == renamed, "update did not replace the user")
            try await ensureThrows(.notFound(id: "u9"), "update(u9)") { try await repository.update(sample(9)) }
            try ensure(try await repository.count() == 1, "updating a missing id created it")
        },
        Check("update to another user's email is rejected, and the old email is freed by a change") { repository in
            try await repository.create(sample(1))
            try await repository.create(sample(2))
            var clash = sample(2)
            clash.email = sample(1).email
            try await ensureThrows(.duplicateEmail(sample(1).email), "update to a taken email") {
                try await repository.update(clash)
            }
            var moved = sample(1)
            moved.email = "moved@example.com"
            try await repository.update(moved)
            try await repository.create(User(id: "u3", name: "Reuse", email: sample(1).email, createdAt: 3))
        },
        Check("delete removes the user; a second delete throws notFound") { repository in
            try await repository.create(sample(1))
            try await repository.delete(id: "u1")
            try await ensureThrows(.notFound(id: "u1"), "find after delete") { _ = try await repository.find(id: "u1") }
            try await ensureThrows(.notFound(id: "u1"), "second delete") { try await repository.delete(id: "u1") }
            try ensure(try await repository.count() == 0, "count after delete")
        },
        Check("list is sorted by id and agrees with count") { repository in
            for n in [3, 1, 2] { try await repository.create(sample(n)) }
            let listed = try await repository.list()
            try ensure(listed == [sample(1), sample(2), sample(3)], "list returned \(listed.map(\.id))")
            try ensure(try await repository.count() == 3, "count disagrees with list")
        },
        Check("pages walk every user once in (createdAt, id) order; ties on createdAt are broken by id") { repository in
            // Created out of order; u2, u4 and u5 share one instant.
            let users = [(5, 20), (1, 30), (4, 20), (3, 10), (2, 20), (6, 40)].map { sample($0, createdAt: Int64($1)) }
            for user in users { try await repository.create(user) }
            let expected = ["u3", "u2", "u4", "u5", "u1", "u6"]
            var walked: [User.ID] = []
            var cursor: UserPageCursor?
            var pages = 0
            repeat {
                let page = try await repository.page(after: cursor, limit: 2)
                pages += 1
                try ensure(page.users.count <= 2, "a page of limit 2 held \(page.users.count) users")
                walked += page.users.map(\.id)
                try ensure(
                    page.next == nil || page.next == page.users.last?.pageCursor,
                    "next must be the last user's position, got \(String(describing: page.next))")
                cursor = page.next
            } while cursor != nil && pages < 10
            try ensure(walked == expected, "pages yielded \(walked), expected \(expected)")
            try ensure(pages == 3, "6 users at limit 2 took \(pages) pages")
            let whole = try await repository.page(after: nil, limit: 6)
            try ensure(whole.users == users.sorted { $0.pageCursor < $1.pageCursor }, "users changed on the way")
            try ensure(whole.next == nil, "a page holding the last user has a next cursor")
        },
        Check("a page limit is honoured, and a cursor survives deletes and late inserts") { repository in
            for n in 1...5 { try await repository.create(sample(n, createdAt: Int64(n) * 10)) }
            let first = try await repository.page(after: nil, limit: 3)
            try ensure(first.users.map(\.id) == ["u1", "u2", "u3"], "first page \(first.users.map(\.id))")
            // The last user seen is deleted, and one is created before the cursor: neither shifts the next page.
            try await repository.delete(id: "u3")
            try await repository.create(sample(9, createdAt: 5))
            let second = try await repository.page(after: first.next, limit: 3)
            try ensure(second.users.map(\.id) == ["u4", "u5"], "second page \(second.users.map(\.id))")
            try ensure(second.next == nil, "the last page has a next cursor")
            let exact = try await repository.page(after: nil, limit: 5)
            try ensure(exact.users.count == 5 && exact.next == nil, "limit equal to the count: one page, no next")
        },
        Check("a page limit outside 1...maximumLimit throws invalidPageLimit") { repository in
            try await repository.create(sample(1))
            for limit in [0, -1, UserPage.maximumLimit + 1] {
                try await ensureThrows(.invalidPageLimit(limit), "page(limit: \(limit))") {
                    _ = try await repository.page(after: nil, limit: limit)
                }
            }
            let largest = try await repository.page(after: nil, limit: UserPage.maximumLimit)
            try ensure(largest.users == [sample(1)], "page(limit: maximumLimit) returned \(largest.users)")
        },
        Check("a returned user is a copy: mutating it does not change the store") { repository in
            try await repository.create(sample(1))
            var copy = try await repository.find(id: "u1")
            copy.name = "Mutated by the caller"
            try ensure(try await repository.find(id: "u1") == sample(1), "the caller's mutation reached the store")
        },
        Check("a cancelled caller gets .cancelled and nothing changes") { repository in
            let outcome = await inCancelledTask { () async -> RepositoryError? in
                do throws(RepositoryError) {
                    try await repository.create(sample(1))
                    return nil
                } catch {
                    return error
                }
            }
            try ensure(outcome == .cancelled, "a create in a cancelled task returned \(String(describing: outcome))")
            try ensure(try await repository.count() == 0, "the cancelled create was stored")
        },
        Check("100 concurrent creates are all stored") { repository in
            let failures = await withTaskGroup(of: Int.self) { group in
                for n in 1...100 {
                    group.addTask { (try? await repository.create(sample(n))) == nil ? 1 : 0 }
                }
                return await group.reduce(0, +)
            }
            try ensure(failures == 0, "\(failures) concurrent creates failed")
            try ensure(try await repository.count() == 100, "count after 100 concurrent creates")
            try ensure(try await repository.list().map(\.id) == (1...100).map { sample($0).id }.sorted(), "list")
        },
        Check("concurrent creates with one email admit exactly one") { repository in
            let admitted = await withTaskGroup(of: Int.self) { group in
                for n in 1...20 {
                    let user = User(id: "u\(n)", name: "Racer \(n)", email: "same@example.com", createdAt: Int64(n))
                    group.addTask { (try? await repository.create(user)) == nil ? 0 : 1 }
                }
                return await group.reduce(0, +)
            }
            try ensure(admitted == 1, "\(admitted) creates with the same email succeeded")
        },
    ]

    /// Runs every check, each against its own fresh repository from `makeEmpty`.
    /// - Returns: the violations, empty when the implementation keeps every promise.
    public static func violations(
        makeEmpty: @Sendable () async throws -> any UserRepository
    ) async -> [ContractViolation] {
        var violations: [ContractViolation] = []
        for check in checks {
            do {
                try await check.run(against: try await makeEmpty())
            } catch let violation as ContractViolation {
                violations.append(violation)
            } catch {
                violations.append(
                    ContractViolation(check: check.name, message: "could not make a repository: \(error)"))
            }
        }
        return violations
    }

    /// A deterministic user: id `u<n>`, email `user<n>@example.com`,
    /// created at `n` microseconds unless `createdAt` says otherwise.
    public static func sample(_ n: Int, createdAt: Int64? = nil) -> User {
        User(id: "u\(n)", name: "User \(n)", email: "user\(n)@example.com", createdAt: createdAt ?? Int64(n))
    }

    static func ensure(_ condition: Bool, _ message: @autoclosure () -> String) throws(ContractViolation) {
        if !condition { throw ContractViolation(message: message()) }
    }

    static func ensureThrows(
        _ expected: RepositoryError, _ what: String, _ body: () async throws -> Void
    ) async throws(ContractViolation) {
        do {
            try await body()
        } catch let error as RepositoryError {
            try ensure(error == expected, "\(what) threw \(error), expected \(expected)")
            return
        } catch {
            throw ContractViolation(message: "\(what) threw \(error), expected \(expected)")
        }
        throw ContractViolation(message: "\(what) succeeded, expected \(expected)")
    }

    /// Runs `body` in a child task that is cancelled before it starts: a task
    /// added to a cancelled group starts cancelled, so there is no race.
    static func inCancelledTask<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
        await withTaskGroup(of: T.self) { group in
            group.cancelAll()
            group.addTask { await body() }
            guard let value = await group.next() else { preconditionFailure("one child task was added") }
            return value
        }
    }
}
