import HandbookBasics
import HandbookTestSupport
import Testing

@Suite("Error basics")
struct ErrorBasicsTests {
    typealias Lesson = ErrorBasics
    typealias MathError = ErrorBasics.MathError

    @Test("a call that succeeds returns its value and throws nothing")
    func successPathThrowsNothing() throws {
        #expect(throws: Never.self) { try Lesson.divide(10, 2) }
        #expect(try Lesson.divide(10, 4) == 2.5)
        #expect(try Lesson.squareRoot(81) == 9)
    }

    @Test("dividing by zero throws a case that carries the dividend and describes itself")
    func divisionByZeroCarriesContext() throws {
        let error = try #require(throws: MathError.self) { try Lesson.divide(10, 0) }
        #expect(error == .divisionByZero(dividend: 10))
        #expect(error.description == "cannot divide 10.0 by zero")
        #expect(throws: MathError.negativeSquareRoot(-4)) { try Lesson.squareRoot(-4) }
    }

    @Test("try? turns a thrown error into nil and a result into an Optional")
    func tryQuestionMarkGivesNil() {
        #expect((try? Lesson.divide(1, 0)) == nil)
        #expect((try? Lesson.divide(9, 3)) == 3)
        #expect((try? Lesson.lookup("missing", in: [:])) == nil)
    }

    @Test("try! on a throwing call traps the process")
    func tryBangTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try! ErrorBasics.divide(1, 0)
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("'try!' expression unexpectedly raised an error"))
    }

    /// The bodies handed to `outcome(of:)`, one per catch clause.
    enum Failure: CaseIterable {
        case missingKey, zeroByZero, divideByZero, noFailure, foreignError

        func run() throws -> Double {
            switch self {
            case .missingKey: try Lesson.lookup("rate", in: [:])
            case .zeroByZero: try Lesson.divide(0, 0)
            case .divideByZero: try Lesson.divide(3, 0)
            case .noFailure: try Lesson.squareRoot(4)
            case .foreignError: throw CancellationError()
            }
        }
    }

    @Test(
        "catch clauses match a sentinel case, a case with a where clause, the type, then anything",
        arguments: [
            (Failure.missingKey, "missing value"),
            (.zeroByZero, "undefined (0 / 0)"),
            (.divideByZero, "math error: cannot divide 3.0 by zero"),
            (.noFailure, "value 2.0"),
            (.foreignError, "unexpected: CancellationError()"),
        ])
    func catchPatterns(failure: Failure, expected: String) {
        #expect(Lesson.outcome(of: failure.run) == expected)
    }

    @Test("a chain stops at the first failing step, and the error names that step")
    func chainStopsAtFirstFailure() {
        var ran: [Int] = []
        let steps: [(Double) throws -> Double] = [
            {
                ran.append(1)
                return $0 + 1
            },
            {
                ran.append(2)
                return try Lesson.divide($0, 0)
            },
            {
                ran.append(3)
                return $0 * 2
            },
        ]
        #expect(throws: Lesson.StepFailed(step: 2, underlying: .divisionByZero(dividend: 2))) {
            try Lesson.chain(1, through: steps)
        }
        #expect(ran == [1, 2])
    }

    @Test(
        "each step of a three-step calculation reports itself when it fails",
        arguments: [
            ("missing", 2.0, Lesson.StepFailed(step: 1, underlying: .notFound)),
            ("debt", 2.0, Lesson.StepFailed(step: 3, underlying: .negativeSquareRoot(-50))),
            ("total", 0.0, Lesson.StepFailed(step: 2, underlying: .divisionByZero(dividend: 200))),
        ])
    func threeStepChain(key: String, divisor: Double, expected: Lesson.StepFailed) throws {
        let table = ["total": 200.0, "debt": -100.0]
        #expect(try Lesson.rootOfRatio(key: "total", in: table, dividedBy: 2) == 10)
        #expect(throws: expected) { try Lesson.rootOfRatio(key: key, in: table, dividedBy: divisor) }
    }

    @Test("Result stores an outcome, and get() gives back the value or rethrows the error")
    func resultRoundTrip() throws {
        let success = Result { try Lesson.divide(10, 4) }
        #expect(try success.get() == 2.5)

        let failure = Result { try Lesson.divide(10, 0) }
        #expect(throws: MathError.divisionByZero(dividend: 10)) { try failure.get() }
        guard case .failure(let error) = failure else {
            Issue.record("expected a failure")
            return
        }
        #expect(error as? MathError == .divisionByZero(dividend: 10))
        #expect(failure.map { $0 * 2 }.mapError { _ in MathError.notFound }.isFailure)
    }

    @Test("rethrows: a non-throwing closure needs no try, a throwing one propagates")
    func rethrowsFollowsTheClosure() throws {
        // No `try`: the compiler knows this closure cannot throw.
        #expect(Lesson.applyToAll([1, 4, 9]) { $0 * 2 } == [2, 8, 18])
        #expect(try Lesson.applyToAll([1, 4, 9], Lesson.squareRoot) == [1, 2, 3])
        #expect(throws: MathError.negativeSquareRoot(-1)) { try Lesson.applyToAll([4, -1], Lesson.squareRoot) }
    }

    @Test("calling a throwing function without try does not compile")
    func missingTryDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookBasics/CallWithoutTry.swift",
            diagnostics: ["call can throw, but it is not marked with 'try' and the error is not handled"])
    }
}

extension Result {
    fileprivate var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
