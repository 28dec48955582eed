import Foundation
import HandbookPatterns
import HandbookTestSupport
import Testing

@Suite("Repository pattern", .timeLimit(.minutes(1)))
struct RepositoryPatternTests {
    /// Every implementation of `UserRepository` in the lesson; the SQL stores
    /// of the service package join the same list there.
    enum Store: String, CaseIterable, Sendable, CustomStringConvertible {
        case inMemory, jsonFile

        var description: String { rawValue }

        /// Runs `body` with a fresh, empty store (a JSON store gets its own
        /// temporary directory, removed afterwards).
        func withEmpty<T>(_ body: (any UserRepository) async throws -> T) async throws -> T {
            switch self {
            case .inMemory:
                return try await body(InMemoryUserRepository())
            case .jsonFile:
                let directory = try RepositoryPatternTests.makeTemporaryDirectory()
                defer { try? FileManager.default.removeItem(at: directory) }
                return try await body(try JSONFileUserRepository(directory: directory))
            }
        }
    }

    static func makeTemporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("repository-pattern-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(
        "every implementation keeps every promise of the contract",
        arguments: Store.allCases, UserRepositoryContract.checks)
    func contractHolds(store: Store, check: UserRepositoryContract.Check) async throws {
        try await store.withEmpty { repository in
            try await check.run(against: repository)
        }
    }

    @Test("100 concurrent creates then 100 concurrent finds: count is exactly 100", arguments: Store.allCases)
    func concurrentCreatesAndFinds(store: Store) async throws {
        try await store.withEmpty { repository in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 1...100 {
                    group.addTask { try await repository.create(UserRepositoryContract.sample(n)) }
                }
                try await group.waitForAll()
            }
            let found = try await withThrowingTaskGroup(of: User.self) { group in
                for n in 1...100 {
                    group.addTask { try await repository.find(id: "u\(n)") }
                }
                return try await group.reduce(into: Set<User>()) { $0.insert($1) }
            }
            #expect(try await repository.count() == 100)
            #expect(found == Set((1...100).map { UserRepositoryContract.sample($0) }))
        }
    }

    @Test("not found is a typed error the caller can switch over exhaustively", arguments: Store.allCases)
    func notFoundIsTyped(store: Store) async throws {
        try await store.withEmpty { repository in
            do throws(RepositoryError) {
                _ = try await repository.find(id: "ghost")
                Issue.record("find of a missing id succeeded")
            } catch {
                switch error {  // no default: the compiler knows every case
                case .notFound(let id): #expect(id == "ghost")
                case .duplicateID, .duplicateEmail, .invalidPageLimit, .cancelled, .storage:
                    Issue.record("wrong error \(error)")
                }
            }
        }
    }

    @Test("a caller cancelled before its call gets .cancelled, and the store is unchanged", arguments: Store.allCases)
    func cancelledCaller(store: Store) async throws {
        try await store.withEmpty { repository throws in
            let release = Gate()
            let task = Task { () async -> RepositoryError? in
                await release.wait()
                do throws(RepositoryError) {
                    try await repository.create(UserRepositoryContract.sample(1))
                    return nil
                } catch {
                    return error
                }
            }
            task.cancel()
            release.open()
            #expect(await task.value == .cancelled)
            #expect(try await repository.count() == 0)
        }
    }

    @Test("a returned User is a value: mutating it does not change the stored one")
    func returnedUserIsACopy() async throws {
        let repository = InMemoryUserRepository()
        try await repository.create(User(id: "1", name: "Ada", email: "ada@example.com", createdAt: 1))
        var mine = try await repository.find(id: "1")
        mine.name = "Grace"
        #expect(try await repository.find(id: "1").name == "Ada")
        #expect(mine.name == "Grace")
    }

    @Test("the JSON store persists: a new instance on the same directory sees the users")
    func jsonStorePersistsAcrossInstances() async throws {
        let directory = try Self.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try JSONFileUserRepository(directory: directory)
        try await first.create(UserRepositoryContract.sample(2))
        try await first.create(UserRepositoryContract.sample(1))
        try await first.delete(id: "u2")

        let reopened = try JSONFileUserRepository(directory: directory)
        #expect(try await reopened.list() == [UserRepositoryContract.sample(1)])
        let onDisk = try JSONDecoder().decode([User].self, from: Data(contentsOf: reopened.fileURL))
        #expect(onDisk == [UserRepositoryContract.sample(1)])
    }

    @Test("a failed write is reported as .storage and leaves the store unchanged")
    func failedWriteLeavesStoreUnchanged() async throws {
        let directory = try Self.makeTemporaryDirectory()
        let repository = try JSONFileUserRepository(directory: directory)
        try await repository.create(UserRepositoryContract.sample(1))
        try FileManager.default.removeItem(at: directory)  // every later write now fails

        await #expect {
            try await repository.create(UserRepositoryContract.sample(2))
        } throws: { error in
            guard case .storage = error as? RepositoryError else { return false }
            return true
        }
        #expect(try await repository.count() == 1)
        await #expect(throws: RepositoryError.notFound(id: "u2")) { try await repository.find(id: "u2") }
        // The failed create did not claim the email either.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await repository.create(UserRepositoryContract.sample(2))
        #expect(try await repository.count() == 2)
    }

    @Test("pitfall: an actor that awaits between check and insert stores two users with one email")
    func reentrantCheckThenActAdmitsDuplicates() async throws {
        let bothChecked = Gate()
        let arrivals = Locked(0)
        let repository = ReentrantCheckThenActUserRepository {
            // Both creates passed the uniqueness check before either inserts.
            let arrived = arrivals.withLock { count in
                count += 1
                return count
            }
            if arrived == 2 { bothChecked.open() }
            await bothChecked.wait()
        }
        async let first: Void = repository.create(User(id: "1", name: "A", email: "same@example.com", createdAt: 1))
        async let second: Void = repository.create(User(id: "2", name: "B", email: "same@example.com", createdAt: 2))
        _ = try await (first, second)
        #expect(await repository.list().map(\.email) == ["same@example.com", "same@example.com"])
    }

    @Test("the contract catches a store that breaks a promise")
    func contractCatchesABrokenStore() async {
        let violations = await UserRepositoryContract.violations {
            ReentrantCheckThenActUserRepository {}
        }
        #expect(
            violations.map(\.check).contains(
                "update to another user's email is rejected, and the old email is freed by a change"))
        #expect(await UserRepositoryContract.violations { InMemoryUserRepository() }.isEmpty)
    }
}
