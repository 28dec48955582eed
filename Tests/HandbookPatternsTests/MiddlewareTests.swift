import HandbookPatterns
import HandbookTestSupport
import PropertyBased
import Synchronization
import Testing

@Suite("Middleware", .timeLimit(.minutes(1)))
struct MiddlewareTests {
    typealias M = Middleware

    static let anonymous = M.PlainRequest(path: "/admin")
    static let admin = M.PlainRequest(path: "/admin", headers: ["Authorization": "admin"])

    /// The endpoint: greets the role the authentication layer stored.
    static let greet: M.Handler = { _, context in
        guard let role = context[M.RoleKey.self] else { return M.PlainResponse(status: 500, body: "no role") }
        return M.PlainResponse(status: 200, body: "hello \(role.rawValue)")
    }

    /// A layer that leaves a trace: `name>` on the request going in, `<name`
    /// on the response coming out. Pure, so order is visible in the result.
    static func tag(_ name: String) -> M.Layer {
        { next in
            { request, context in
                var request = request
                request.headers["trace", default: ""] += "\(name)>"
                var response = try await next(request, context)
                response.body += "<\(name)"
                return response
            }
        }
    }

    /// Answers with the trace the request arrived with.
    static let echoTrace: M.Handler = { request, _ in
        M.PlainResponse(status: 200, body: (request.headers["trace"] ?? "") + "handler")
    }

    @Test("no role → 401 \"unauthorized\", and the handler is never called")
    func missingRoleIsUnauthorized() async throws {
        let calls = EventLog<String>()
        let app = M.chain([M.authentication()]) { request, context in
            calls.append("handler")
            return try await Self.greet(request, context)
        }
        for request in [Self.anonymous, M.PlainRequest(path: "/admin", headers: ["Authorization": "root"])] {
            let response = try await app(request, M.Context())
            #expect(response == M.PlainResponse(status: 401, body: "unauthorized"))
        }
        #expect(calls.events.isEmpty)
        #expect(try await app(Self.admin, M.Context()).body == "hello admin")
        #expect(calls.events == ["handler"])
    }

    @Test("Go's scenario: logging outermost shows START and END around a rejected and an accepted request")
    func loggingOutermostSeesEveryRequest() async throws {
        let log = M.LineRecorder()
        let app = M.chain(
            [M.logging(to: { await log.record($0) }, clock: ManualClock()), M.authentication()], around: Self.greet)
        #expect(try await app(Self.anonymous, M.Context()).status == 401)
        #expect(try await app(Self.admin, M.Context()).status == 200)
        #expect(
            await log.lines == [
                "START GET /admin", "END GET /admin 401 0ms",
                "START GET /admin", "END GET /admin 200 0ms",
            ])
    }

    @Test("order matters: [log, auth] logs an unauthorized request, [auth, log] logs nothing")
    func orderOfLogAndAuthChangesTheLog() async throws {
        let outer = M.LineRecorder()
        let logThenAuth = M.chain(
            [M.logging(to: { await outer.record($0) }, clock: ManualClock()), M.authentication()], around: Self.greet)
        let inner = M.LineRecorder()
        let authThenLog = M.chain(
            [M.authentication(), M.logging(to: { await inner.record($0) }, clock: ManualClock())], around: Self.greet)

        // Same request, same response...
        #expect(try await logThenAuth(Self.anonymous, M.Context()) == authThenLog(Self.anonymous, M.Context()))
        // ...different logs: the rejected request never reached the inner logger.
        #expect(await outer.lines == ["START GET /admin", "END GET /admin 401 0ms"])
        #expect(await inner.lines == [])
    }

    @Test("the first layer is the outermost: it sees the request first and the response last")
    func firstLayerIsOutermost() async throws {
        let app = M.chain([Self.tag("a"), Self.tag("b"), Self.tag("c")], around: Self.echoTrace)
        #expect(try await app(Self.anonymous, M.Context()).body == "a>b>c>handler<c<b<a")
        let none = M.chain([], around: Self.echoTrace)
        #expect(try await none(Self.anonymous, M.Context()).body == "handler")
    }

    @Test(
        "a handler's error travels outward: the inner logger sees it thrown, the outer mapper turns it into a response")
    func handlerErrorReachesOuterMiddleware() async throws {
        struct DatabaseDown: Error, CustomStringConvertible {
            var description: String { "connection refused to 10.0.0.7:5432" }
        }
        let log = M.LineRecorder()
        func app(throwing error: any Error) -> M.Handler {
            M.chain(
                [M.errorMapping(), M.logging(to: { await log.record($0) }, clock: ManualClock()), M.authentication()]
            ) { _, _ in throw error }
        }

        let notFound = try await app(throwing: M.HTTPFailure(status: 404, message: "no such user"))(
            Self.admin, M.Context())
        #expect(notFound == M.PlainResponse(status: 404, body: "no such user"))

        let opaque = try await app(throwing: DatabaseDown())(Self.admin, M.Context())
        #expect(opaque == M.PlainResponse(status: 500, body: "internal server error"), "internals are not leaked")

        #expect(
            await log.lines == [
                "START GET /admin", "ERROR GET /admin: HTTP 404: no such user",
                "START GET /admin", "ERROR GET /admin: connection refused to 10.0.0.7:5432",
            ])

        // Cancellation is not an error to answer: it passes through the mapper.
        await #expect(throws: CancellationError.self) {
            try await app(throwing: CancellationError())(Self.admin, M.Context())
        }
    }

    @Test("a layer outside the error mapper sees a response, not an error")
    func outsideTheMapperThereIsNoError() async throws {
        let log = M.LineRecorder()
        let app = M.chain([M.logging(to: { await log.record($0) }, clock: ManualClock()), M.errorMapping()]) { _, _ in
            throw M.HTTPFailure(status: 409, message: "already exists")
        }
        #expect(try await app(Self.admin, M.Context()).status == 409)
        #expect(await log.lines == ["START GET /admin", "END GET /admin 409 0ms"])
    }

    @Test(
        "the request-ID header survives an error only if the error mapping sits inside the request-ID layer",
        arguments: [(idOutside: true, header: "req-1" as String?), (idOutside: false, header: nil)])
    func requestIDAndErrorMappingOrder(idOutside: Bool, header: String?) async throws {
        let layers = [M.requestID(generate: { "req-1" }), M.errorMapping()]
        let app = M.chain(idOutside ? layers : layers.reversed()) { _, _ in
            throw M.HTTPFailure(status: 503, message: "busy")
        }
        let response = try await app(Self.admin, M.Context())
        #expect(response.status == 503)
        #expect(response.headers["X-Request-ID"] == header)
    }

    @Test("typed context values written by outer layers are read by inner layers and the handler")
    func typedContextReachesTheHandler() async throws {
        let app = M.chain(
            [M.requestID(generate: { "req-7" }), M.authentication(), M.requireRole(.admin)]
        ) { _, context in
            let role: M.Role? = context[M.RoleKey.self]  // typed: no `as?`
            return M.PlainResponse(status: 200, body: "\(role?.rawValue ?? "-") \(context.requestID ?? "-")")
        }
        let ok = try await app(Self.admin, M.Context())
        #expect(ok == M.PlainResponse(status: 200, headers: ["X-Request-ID": "req-7"], body: "admin req-7"))

        let asUser = M.PlainRequest(path: "/admin", headers: ["Authorization": "user", "X-Request-ID": "caller-9"])
        let forbidden = try await app(asUser, M.Context())
        #expect(forbidden == M.PlainResponse(status: 403, headers: ["X-Request-ID": "caller-9"], body: "forbidden"))
    }

    @Test("context flows inward only: an outer layer never sees what inner layers stored")
    func contextIsAValueFlowingInward() async throws {
        let seenOutside = EventLog<String>()
        let probe: M.Layer = { next in
            { request, context in
                seenOutside.append(
                    "before: \(context.requestID ?? "nil") \(context[M.RoleKey.self].map(\.rawValue) ?? "nil")")
                let response = try await next(request, context)
                seenOutside.append(
                    "after: \(context.requestID ?? "nil") \(context[M.RoleKey.self].map(\.rawValue) ?? "nil")")
                return response
            }
        }
        let app = M.chain([probe, M.requestID(generate: { "req-1" }), M.authentication()]) { _, context in
            M.PlainResponse(
                status: 200, body: "\(context.requestID ?? "nil") \(context[M.RoleKey.self]?.rawValue ?? "nil")")
        }
        #expect(try await app(Self.admin, M.Context()).body == "req-1 admin")
        #expect(seenOutside.events == ["before: nil nil", "after: nil nil"])
    }

    @Test("the pitfall: string keys turn a typo or a wrong type into a silent nil; typed keys cannot")
    func stringKeysFailSilently() {
        var bag = M.StringKeyedContext()
        bag.set("role", M.Role.admin)
        #expect(bag.value("Role") == nil, "typo: compiles, reads nothing")
        #expect(bag.value("role") as? String == nil, "wrong type: compiles, reads nothing")
        #expect(bag.value("role") as? M.Role == .admin)

        // Typed keys: two keys with the same Value type never collide, and
        // the read needs no cast.
        enum OnBehalfOfKey: M.ContextKey { typealias Value = M.Role }
        var context = M.Context()
        context[M.RoleKey.self] = .admin
        context[OnBehalfOfKey.self] = .user
        #expect(context[M.RoleKey.self] == .admin)
        #expect(context[OnBehalfOfKey.self] == .user)
        context[OnBehalfOfKey.self] = nil
        #expect(context[OnBehalfOfKey.self] == nil)
        #expect(context[M.RoleKey.self] == .admin)
    }

    @Test("storing a String under a key whose Value is Role does not compile")
    func wrongValueTypeDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookPatterns/ContextKeyWrongValueType.swift",
            diagnostics: ["cannot assign value of type 'String' to subscript of type 'RoleKey.Value'"])
    }

    @Test("the logging layer measures elapsed time on the injected clock")
    func loggingUsesTheInjectedClock() async throws {
        let clock = ManualClock()
        let log = M.LineRecorder()
        let app = M.chain([M.logging(to: { await log.record($0) }, clock: clock)]) { _, _ in
            clock.advance(by: .milliseconds(250))  // the handler "takes" 250 ms
            return M.PlainResponse(status: 204)
        }
        _ = try await app(M.PlainRequest(method: "DELETE", path: "/users/1"), M.Context())
        #expect(await log.lines == ["START DELETE /users/1", "END DELETE /users/1 204 250ms"])
    }

    @Test("100 concurrent requests through one chain: each sees only its own context, IDs generated once each")
    func concurrentRequestsDoNotShareContext() async throws {
        let generated = Atomic<Int>(0)
        let log = M.LineRecorder()
        let app = M.chain(
            [
                M.errorMapping(), M.logging(to: { await log.record($0) }, clock: ManualClock()),
                M.requestID(generate: { "gen-\(generated.add(1, ordering: .relaxed).newValue)" }),
                M.authentication(),
            ]
        ) { request, context in
            M.PlainResponse(status: 200, body: "\(request.path) \(context[M.RoleKey.self]!.rawValue)")
        }
        let responses = try await withThrowingTaskGroup(of: (Int, M.PlainResponse).self) { group in
            for index in 0..<100 {
                group.addTask {
                    let role = index.isMultiple(of: 2) ? "admin" : "user"
                    let request = M.PlainRequest(path: "/r/\(index)", headers: ["Authorization": role])
                    return (index, try await app(request, M.Context()))
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(responses.count == 100)
        for (index, response) in responses {
            #expect(response.body == "/r/\(index) \(index.isMultiple(of: 2) ? "admin" : "user")")
        }
        #expect(Set(responses.values.compactMap { $0.headers["X-Request-ID"] }).count == 100)
        #expect(generated.load(ordering: .relaxed) == 100)
        #expect(await log.lines.count == 200)
    }

    @Test("property: the trace matches the order oracle, and compose(prefix) + suffix behaves like the whole list")
    func chainingMatchesOracleAndIsAssociative() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...25).array(of: 0...8), Gen.int(in: 0...8)) {
            codes, cut in
            let names = codes.map { String(UnicodeScalar(UInt8(97 + $0))) }
            let split = min(cut, names.count)
            let expected = names.map { "\($0)>" }.joined() + "handler" + names.reversed().map { "<\($0)" }.joined()
            do {
                let flat = M.chain(names.map(Self.tag), around: Self.echoTrace)
                let grouped = M.chain(
                    [M.compose(names[..<split].map(Self.tag))] + names[split...].map(Self.tag), around: Self.echoTrace)
                let nested = M.chain(
                    names[..<split].map(Self.tag),
                    around: M.chain(names[split...].map(Self.tag), around: Self.echoTrace))
                #expect(try await flat(Self.anonymous, M.Context()).body == expected)
                #expect(try await grouped(Self.anonymous, M.Context()).body == expected)
                #expect(try await nested(Self.anonymous, M.Context()).body == expected)
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        }
    }
}
