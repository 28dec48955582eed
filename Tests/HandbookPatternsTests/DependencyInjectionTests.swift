import Foundation
import HandbookPatterns
import HandbookTestSupport
import Testing

@Suite("Dependency injection", .timeLimit(.minutes(1)))
struct DependencyInjectionTests {
    typealias DI = DependencyInjection

    struct MailServerDown: Error, Equatable {}

    /// The shape of `IDGenerator.uuid`'s ids: 36 characters, lower case.
    static func isUUID(_ id: String) -> Bool {
        id.count == 36 && UUID(uuidString: id) != nil && id == id.lowercased()
    }

    @Test("live wiring end to end: \"DI User\" is persisted to disk and the welcome mail is spooled")
    func liveWiringEndToEnd() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dependency-injection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let app = try DI.Application.live(dataDirectory: directory)
        let user = try await app.signUp(name: "DI User", email: "di@example.com")
        #expect(Self.isUUID(user.id))

        let restarted = try DI.Application.live(dataDirectory: directory)  // a new process would do this
        #expect(try await restarted.users.user(id: user.id) == user)
        let spool = directory.appendingPathComponent("outbox")
        let files = try FileManager.default.contentsOfDirectory(at: spool, includingPropertiesForKeys: nil)
        #expect(files.count == 1)
        let mail = try JSONDecoder().decode(DI.Mail.self, from: Data(contentsOf: try #require(files.first)))
        #expect(mail == DI.Mail(to: "di@example.com", subject: "Welcome, DI User"))
    }

    @Test("test wiring: the same graph in memory, with the mail captured in an outbox")
    func testWiringRecordsMail() async throws {
        let repository = InMemoryUserRepository()
        let outbox = DI.Outbox()
        let app = DI.Application.test(repository: repository, outbox: outbox)
        let user = try await app.signUp(name: "DI User", email: "di@example.com")
        #expect(try await repository.list() == [user])
        #expect(await outbox.sent == [DI.Mail(to: "di@example.com", subject: "Welcome, DI User")])
    }

    @Test("swapping in a failing repository changes behaviour: .repository error, and no mail is sent")
    func failingRepositoryChangesBehaviour() async {
        let outbox = DI.Outbox()
        let app = DI.Application.test(
            repository: UserRepositoryMock.failing(with: .storage("database down")), outbox: outbox)
        await #expect(throws: UserServiceError.repository(.storage("database down"))) {
            try await app.signUp(name: "DI User", email: "di@example.com")
        }
        #expect(await outbox.sent.isEmpty)
    }

    @Test("swapping the mailer witness for a failing one surfaces its error after the user is stored")
    func failingMailerWitness() async throws {
        let repository = InMemoryUserRepository()
        let app = DI.Application(repository: repository, mailer: .failing(MailServerDown()))
        await #expect(throws: MailServerDown()) {
            try await app.signUp(name: "DI User", email: "di@example.com")
        }
        #expect(try await repository.count() == 1)
    }

    @Test("a @TaskLocal override is visible only inside withValue")
    func taskLocalOverrideIsScoped() async throws {
        let app = DI.Application.test()
        let inside = try await DI.Ambient.$ids.withValue(.sequential(prefix: "t")) {
            [
                try await app.signUp(name: "A", email: "a@example.com").id,
                try await app.signUp(name: "B", email: "b@example.com").id,
            ]
        }
        let outside = try await app.signUp(name: "C", email: "c@example.com").id
        #expect(inside == ["t-1", "t-2"])
        #expect(Self.isUUID(outside))
    }

    @Test("child tasks inherit a task-local, a detached task does not, and parallel scopes do not leak")
    func taskLocalInheritance() async {
        let (child, unstructured, detached) = await DI.Ambient.$ids.withValue(.sequential(prefix: "scoped")) {
            async let child = DI.Ambient.ids.next()
            let unstructured = await Task { DI.Ambient.ids.next() }.value
            let detached = await Task.detached { DI.Ambient.ids.next() }.value
            return (await child, unstructured, detached)
        }
        #expect(child.hasPrefix("scoped-"))
        #expect(unstructured.hasPrefix("scoped-"))
        #expect(Self.isUUID(detached))

        // Two "tests" running at once each see only their own override.
        let seen = await withTaskGroup(of: String.self) { group in
            for prefix in ["left", "right"] {
                group.addTask {
                    await DI.Ambient.$ids.withValue(.sequential(prefix: prefix)) {
                        await Task.yield()  // let the other scope run in between
                        return DI.Ambient.ids.next()
                    }
                }
            }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(seen == ["left-1", "right-1"])
    }

    @Test("a mutable singleton (static var shared) does not compile in Swift 6")
    func mutableSingletonIsRejected() throws {
        try CompileFailFixture.expect(
            "HandbookPatterns/MutableSingleton.swift",
            group: "MutableGlobalVariable",
            diagnostics: [
                "static property 'shared' is not concurrency-safe because it is nonisolated global shared mutable state"
            ])
    }
}
