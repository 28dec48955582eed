import Foundation
import HandbookIntermediate
import HandbookTestSupport
import Testing

@Suite("Error chains: custom errors and wrapping")
struct ErrorChainsTests {
    typealias Lesson = ErrorChains

    private func loadUserError(id: Int) throws -> any Error {
        do {
            _ = try Lesson.loadUser(id: id)
        } catch {
            return error
        }
        Issue.record("loadUser(id: \(id)) did not throw")
        throw Lesson.DBError.connectionLost
    }

    @Test("three layers of context read \"loading user: query failed: not found\"")
    func threeLevelMessage() throws {
        let error = try loadUserError(id: 42)
        #expect("\(error)" == "loading user: query failed: not found")
        #expect(error.errorChain.count == 3)
        #expect(try Lesson.loadUser(id: 1) == "Ada")
    }

    @Test("contains finds a sentinel anywhere in the chain (errors.Is); matching the top error does not")
    func containsIsErrorsIs() throws {
        let error = try loadUserError(id: 42)
        #expect(Lesson.isNotFoundNaively(error) == false, "the top error is a ContextError, not the sentinel")
        #expect(Lesson.isNotFound(error))
        #expect(error.contains(Lesson.DBError.notFound))
        #expect(!error.contains(Lesson.DBError.connectionLost))
        #expect(Lesson.isNotFoundNaively(Lesson.DBError.notFound), "unwrapped, both agree")
    }

    @Test("first(as:) returns the first link of a type with its fields (errors.As)")
    func firstAsIsErrorsAs() throws {
        let error = try loadUserError(id: 42)
        let query = try #require(error.first(as: Lesson.QueryError.self))
        #expect(query.sql == "SELECT * FROM users WHERE id = ?")
        #expect(error.first(as: Lesson.ContextError.self)?.context == "loading user")
        #expect(error.first(as: Lesson.DBError.self) == .notFound)
    }

    @Test("first(as:) gives nil when no link has the type")
    func firstAsMissingTypeIsNil() throws {
        let error = try loadUserError(id: 42)
        #expect(error.first(as: Lesson.FieldError.self) == nil)
        #expect(Lesson.DBError.notFound.first(as: Lesson.QueryError.self) == nil)
    }

    @Test("pitfall: flattening the cause into a message keeps the text and loses the chain")
    func flatteningLosesTheChain() {
        do {
            _ = try Lesson.loadUserLosingTheChain(id: 42)
            Issue.record("expected a throw")
        } catch {
            #expect("\(error)" == "loading user: query failed: not found")
            #expect(error.errorChain.count == 1)
            #expect(!error.contains(Lesson.DBError.notFound))
            #expect(error.first(as: Lesson.QueryError.self) == nil)
        }
    }

    @Test("a self-wrapping error stops at the depth limit instead of looping forever")
    func chainWalkIsCycleSafe() {
        let broken = Lesson.SelfWrappingError()
        #expect(broken.errorChain.count == Lesson.maximumDepth)
        #expect(!broken.contains(Lesson.DBError.notFound))
        let wrapped = Lesson.ContextError("outer", underlying: broken)
        #expect(wrapped.errorChain.count == Lesson.maximumDepth)
    }

    @Test("catch let e as T binds the typed value, but only for the top error")
    func catchLetAsBindsTheTypedValue() {
        var caught: [String] = []
        do {
            _ = try Lesson.loadUser(id: 7)
        } catch Lesson.DBError.notFound {
            caught.append("sentinel pattern")  // never: the sentinel is wrapped twice
        } catch let error as Lesson.ContextError {
            caught.append(error.context)
            caught.append("\(error.underlying)")
        } catch {
            caught.append("other")
        }
        #expect(caught == ["loading user", "query failed: not found"])
    }

    @Test("custom errors: enum and struct descriptions, LocalizedError, Equatable values")
    func customErrorTypesDescribeThemselves() {
        #expect(Lesson.DBError.connectionLost.description == "connection lost")
        let field = Lesson.FieldError(field: "email", reason: "must contain @")
        #expect((field as any Error).localizedDescription == "email: must contain @")
        #expect(field == Lesson.FieldError(field: "email", reason: "must contain @"))
        #expect(field != Lesson.FieldError(field: "email", reason: "too long"))
        let undescribed = (Lesson.UndescribedError() as any Error).localizedDescription
        // Foundation's generic wording differs by platform; the type and code are stable.
        #expect(undescribed.contains("UndescribedError error 1"))
    }

    @Test("Sendable errors cross task boundaries with their chain intact")
    func errorsCrossTasks() async {
        let task = Task { try Lesson.loadUser(id: 9) }
        do {
            _ = try await task.value
            Issue.record("expected the task to throw")
        } catch {
            #expect(error.contains(Lesson.DBError.notFound))
            #expect(error.first(as: Lesson.QueryError.self)?.sql == Lesson.userQuery)
        }
    }

    @Test("Foundation NSError chains are followed through NSUnderlyingErrorKey")
    func followsNSUnderlyingErrorKey() {
        let wrapped = Lesson.QueryError(sql: "SELECT 1", underlying: Lesson.DBError.notFound)
        let foundation = NSError(domain: "Storage", code: 7, userInfo: [NSUnderlyingErrorKey: wrapped])
        #expect(foundation.errorChain.count == 3)
        #expect(foundation.contains(Lesson.DBError.notFound))
        #expect(foundation.first(as: Lesson.QueryError.self)?.sql == "SELECT 1")
    }
}
