import HandbookPatterns
import HandbookTestSupport
import Testing

@Suite("Service layer", .timeLimit(.minutes(1)))
struct ServiceLayerTests {
    /// Deterministic ids: `id-1`, `id-2`, …
    static func sequentialIDs() -> @Sendable () -> User.ID {
        let next = Locked(0)
        return {
            let n = next.withLock { value in
                value += 1
                return value
            }
            return "id-\(n)"
        }
    }

    @Test("Go scenario 1: a valid registration is normalised and stored")
    func registerSucceeds() async throws {
        // An existential works as well as a concrete type: `some` opens it.
        let repository: any UserRepository = InMemoryUserRepository()
        let service = UserService(repository: repository, makeID: Self.sequentialIDs(), now: { 1_700_000_000_000_000 })
        let user = try await service.register(name: "  John Doe ", email: " John@Example.COM ")
        #expect(user == User(id: "id-1", name: "John Doe", email: "john@example.com", createdAt: 1_700_000_000_000_000))
        #expect(try await repository.find(id: "id-1") == user)
        #expect(try await service.user(id: "id-1") == user)
    }

    @Test("Go scenario 2: a duplicate email is .alreadyExists, and the first user is kept")
    func duplicateEmailIsAlreadyExists() async throws {
        let repository = InMemoryUserRepository()
        let service = UserService(repository: repository, makeID: Self.sequentialIDs())
        _ = try await service.register(name: "John", email: "john@example.com")
        await #expect(throws: UserServiceError.alreadyExists(email: "john@example.com")) {
            try await service.register(name: "Johnny", email: "JOHN@example.com")
        }
        #expect(try await repository.list().map(\.name) == ["John"])
    }

    @Test(
        "Go scenario 3: an invalid email is rejected before the repository is called",
        arguments: [
            "invalid-email", "two@@example.com", "@example.com", "john@localhost", "john@example.", "jo hn@example.com",
        ])
    func invalidEmailNeverReachesTheRepository(email: String) async {
        let mock = UserRepositoryMock()
        let service = UserService(repository: mock)
        await #expect(throws: UserServiceError.invalidEmail(email.lowercased())) {
            try await service.register(name: "John", email: email)
        }
        #expect(await mock.log.calls.isEmpty)
    }

    @Test(
        "missing fields are all reported, and create is not called",
        arguments: [
            ("", "", ["name", "email"]),
            ("   ", "a@example.com", ["name"]),
            ("Ada", " \n", ["email"]),
        ])
    func missingFields(name: String, email: String, missing: [String]) async {
        let mock = UserRepositoryMock()
        await #expect(throws: UserServiceError.missingFields(missing)) {
            try await UserService(repository: mock).register(name: name, email: email)
        }
        #expect(await mock.log.calls.isEmpty)
    }

    @Test(
        "an infrastructure failure surfaces as .repository with the underlying error",
        arguments: [RepositoryError.storage("disk full"), .cancelled, .duplicateID("id-1")])
    func infrastructureErrorsAreWrapped(failure: RepositoryError) async {
        let mock = UserRepositoryMock.failing(with: failure)
        let service = UserService(repository: mock, makeID: Self.sequentialIDs(), now: { 7 })
        await #expect(throws: UserServiceError.repository(failure)) {
            try await service.register(name: "Ada", email: "ada@example.com")
        }
        #expect(
            await mock.log.calls == [.create(User(id: "id-1", name: "Ada", email: "ada@example.com", createdAt: 7))])
    }

    @Test("a missing user is the domain's .notFound, not a wrapped repository error")
    func missingUserIsNotFound() async {
        let mock = UserRepositoryMock()
        await #expect(throws: UserServiceError.notFound(id: "nobody")) {
            try await UserService(repository: mock).user(id: "nobody")
        }
        #expect(await mock.log.calls == [.find(id: "nobody")])
    }

    @Test("10 concurrent registrations with one email: exactly one succeeds, nine get .alreadyExists")
    func concurrentDuplicatesAdmitOne() async throws {
        let service = UserService(repository: InMemoryUserRepository(), makeID: Self.sequentialIDs())
        let outcomes = await withTaskGroup(of: UserServiceError?.self) { group in
            for n in 1...10 {
                group.addTask {
                    do throws(UserServiceError) {
                        _ = try await service.register(name: "Racer \(n)", email: "race@example.com")
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            return await group.reduce(into: [UserServiceError?]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == nil }.count == 1)
        #expect(outcomes.filter { $0 == .alreadyExists(email: "race@example.com") }.count == 9)
    }

    @Test("validation is a pure function: trimmed name, lower-cased email")
    func validationIsPure() throws {
        let valid = try UserService.validate(name: " Ada ", email: "ADA@Example.org")
        #expect(valid.name == "Ada")
        #expect(valid.email == "ada@example.org")
        #expect(UserService.isPlausibleEmail("a.b+tag@mail.example.co.uk"))
        #expect(!UserService.isPlausibleEmail("a@b..c"))
    }

    @Test("the mock records page calls, and its default page rejects a bad limit as a real store does")
    func mockPages() async throws {
        let mock = UserRepositoryMock()
        let cursor = UserPageCursor(createdAt: 5, id: "u5")
        #expect(try await mock.page(after: cursor, limit: 10) == UserPage(users: [], next: nil))
        await #expect(throws: RepositoryError.invalidPageLimit(0)) { try await mock.page(after: nil, limit: 0) }
        #expect(await mock.log.calls == [.page(after: cursor, limit: 10), .page(after: nil, limit: 0)])
    }
}
