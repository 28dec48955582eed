import HandbookBasics
import HandbookTestSupport
import Testing

@Suite("Enums and pattern matching")
struct EnumsAndPatternMatchingTests {
    typealias Lesson = EnumsAndPatternMatching
    typealias State = EnumsAndPatternMatching.ConnectionState
    typealias Event = EnumsAndPatternMatching.ConnectionEvent

    @Test("legal events walk the connection state machine, each state carrying its own data")
    func legalTransitions() throws {
        var state = State.disconnected
        state = try state.next(on: .connect)
        #expect(state == .connecting(attempt: 1))
        state = try state.next(on: .succeed(sessionID: "s-42"))
        #expect(state == .connected(sessionID: "s-42"))
        state = try state.next(on: .disconnect)
        #expect(state == .disconnected)
    }

    @Test("a failed attempt retries until maxAttempts, then the machine fails with the last reason")
    func retriesThenFails() throws {
        #expect(try Lesson.run([.connect, .fail(reason: "refused")]) == .connecting(attempt: 2))
        let events: [Event] = [.connect, .fail(reason: "refused"), .fail(reason: "refused"), .fail(reason: "timeout")]
        #expect(State.maxAttempts == 3)
        #expect(try Lesson.run(events) == .failed(reason: "timeout"))
        #expect(try Lesson.run(events + [.connect]) == .connecting(attempt: 1))
    }

    @Test(
        "an illegal transition throws and names the state and the event",
        arguments: [
            (State.disconnected, Event.disconnect),
            (State.disconnected, Event.succeed(sessionID: "s")),
            (State.connecting(attempt: 1), Event.connect),
            (State.connected(sessionID: "s"), Event.connect),
            (State.failed(reason: "x"), Event.succeed(sessionID: "s")),
        ])
    func illegalTransitionThrows(state: State, event: Event) {
        #expect(throws: Lesson.IllegalTransition(from: state, on: event)) {
            try state.next(on: event)
        }
    }

    @Test("a where clause refines a pattern; case let binds associated values")
    func patternsWithWhere() {
        #expect(Lesson.status(of: .disconnected) == "offline")
        #expect(Lesson.status(of: .connecting(attempt: 1)) == "connecting")
        #expect(Lesson.status(of: .connecting(attempt: 2)) == "retrying (attempt 2)")
        #expect(Lesson.status(of: .connected(sessionID: "s-1")) == "online as s-1")
        #expect(Lesson.status(of: .failed(reason: "refused")) == "failed: refused")
    }

    @Test("for case and if case match one pattern without a full switch")
    func forCaseAndIfCase() {
        let history: [State] = [
            .disconnected, .connecting(attempt: 1), .connected(sessionID: "a"), .disconnected,
            .connecting(attempt: 1), .connected(sessionID: "b"),
        ]
        #expect(Lesson.sessionIDs(in: history) == ["a", "b"])
        #expect(Lesson.isOnline(.connected(sessionID: "a")))
        #expect(!Lesson.isOnline(.connecting(attempt: 3)))
    }

    @Test("a raw value round-trips for every case", arguments: Lesson.HTTPMethod.allCases)
    func rawValueRoundTrip(method: Lesson.HTTPMethod) {
        #expect(Lesson.HTTPMethod(rawValue: method.rawValue) == method)
    }

    @Test("an unknown or wrongly cased raw value gives nil", arguments: ["BREW", "get", "", "GET "])
    func invalidRawValueIsNil(text: String) {
        #expect(Lesson.HTTPMethod(rawValue: text) == nil)
    }

    @Test("CaseIterable lists every case in declaration order; Int raw values count up")
    func caseIterableAndIntRawValues() {
        #expect(Lesson.HTTPMethod.allCases.count == 7)
        #expect(Lesson.HTTPMethod.allCases.first == .get)
        #expect(
            Lesson.HTTPMethod.allCases.filter(\.isIdempotent).map(\.rawValue) == [
                "GET", "HEAD", "PUT", "DELETE", "OPTIONS",
            ])
        #expect(Lesson.LogLevel.allCases.map(\.rawValue) == [10, 11, 12, 13])
        #expect(Lesson.LogLevel(rawValue: 12) == .warning)
        #expect(Lesson.LogLevel(rawValue: 9) == nil)
    }

    @Test("an indirect enum models a recursive expression tree that evaluates and simplifies")
    func indirectExpressionTree() {
        typealias Expression = Lesson.Expression
        // (2 + 3) * -(4)
        let tree = Expression.multiply(.add(.number(2), .number(3)), .negate(.number(4)))
        #expect(tree.value == -20)
        // ((x + 0) * 1) where x = 7 * 6, and --5
        let redundant = Expression.multiply(.add(.multiply(.number(7), .number(6)), .number(0)), .number(1))
        #expect(redundant.simplified == .multiply(.number(7), .number(6)))
        #expect(redundant.simplified.value == redundant.value)
        #expect(Expression.negate(.negate(.number(5))).simplified == .number(5))
        #expect(Expression.multiply(tree, .number(0)).simplified == .number(0))
    }

    @Test("the compiler rejects a non-exhaustive switch and a recursive enum without indirect")
    func compilerEnforcesEnumRules() throws {
        try CompileFailFixture.expect(
            "HandbookBasics/NonExhaustiveSwitch.swift", diagnostics: ["switch must be exhaustive"])
        try CompileFailFixture.expect(
            "HandbookBasics/RecursiveEnumWithoutIndirect.swift",
            diagnostics: ["recursive enum 'Expression' is not marked 'indirect'"])
    }
}
