import HandbookIntermediate
import HandbookTestSupport
import Testing

@Suite("Typed throws")
struct TypedThrowsTests {
    typealias Lesson = TypedThrows
    typealias ParseError = TypedThrows.ParseError

    @Test("inside catch, error is statically ParseError: no cast, no default")
    func catchIsTyped() {
        do {
            _ = try Lesson.parsePort("http")
            Issue.record("expected a throw")
        } catch {
            let typed: ParseError = error  // compiles only because the catch is typed
            #expect(typed == .notANumber("http"))
        }
    }

    @Test(
        "an exhaustive switch over the typed error covers every case",
        arguments: [
            ("8080", "port 8080"),
            ("", "empty"),
            ("80a", "not a number: 80a"),
            ("70000", "out of range: 70000"),
        ])
    func exhaustiveSwitchWithoutDefault(input: String, expected: String) {
        #expect(Lesson.describe(input) == expected)
    }

    @Test("in a closure, do throws(E) keeps the catch typed")
    func closureNeedsExplicitlyTypedDo() {
        #expect(Lesson.summaries(of: ["443", "", "x", "0"]) == ["443", "invalid", "invalid", "range"])
    }

    @Test("throws(Never) is non-throwing: no try needed")
    func throwsNeverNeedsNoTry() {
        let port = Lesson.defaultPort()
        #expect(port == 8_080)
    }

    @Test("a generic forwarder preserves the caller's error type, and E == Never needs no try")
    func genericForwarderPreservesE() {
        var calls = 0
        do {
            _ = try Lesson.withRetry(attempts: 3) { () throws(ParseError) -> Int in
                calls += 1
                return try Lesson.parsePort("")
            }
            Issue.record("expected a throw")
        } catch {
            let typed: ParseError = error  // still ParseError after the generic hop
            #expect(typed == .empty)
        }
        #expect(calls == 3)

        calls = 0
        let value = Lesson.withRetry(attempts: 3) { () -> Int in
            calls += 1
            return 42
        }
        #expect(value == 42)
        #expect(calls == 1)
    }

    @Test("Result<Int, ParseError> round-trips a typed throw both ways")
    func resultRoundTrip() throws {
        let failure = Lesson.parseAsResult("99999")
        #expect(failure == .failure(.outOfRange(99_999)))
        #expect(throws: ParseError.outOfRange(99_999)) { try failure.get() }
        #expect(try Lesson.parseAsResult("22").get() == 22)
    }

    @Test("a typed layer translates lower errors; an untyped layer passes them through")
    func layeringTypedVersusUntyped() {
        #expect(throws: Lesson.ConfigError.badPort(.empty)) { try Lesson.configuredPort(["port": ""]) }
        #expect(throws: Lesson.ConfigError.fileMissing("port")) { try Lesson.configuredPort([:]) }
        #expect(throws: ParseError.empty) { try Lesson.configuredPortUntyped(["port": ""]) }
        #expect(throws: Lesson.ConfigError.fileMissing("port")) { try Lesson.configuredPortUntyped([:]) }
    }

    @Test("throwing another type from throws(E) does not compile")
    func wrongErrorTypeDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookIntermediate/TypedThrowWrongType.swift",
            diagnostics: ["thrown expression type 'NetworkError' cannot be converted to error type 'ParseError'"])
    }

    @Test("a plain do/catch inside a closure binds any Error")
    func closureDoCatchIsUntyped() throws {
        try CompileFailFixture.expect(
            "HandbookIntermediate/ClosureDoCatchIsUntyped.swift",
            diagnostics: ["type 'any Error' has no member 'empty'"])
    }
}
