import Foundation
import HandbookIntermediate
import HandbookTestSupport
import Testing

@Suite("Traps vs throws")
struct TrapsVsThrowsTests {
    typealias Lesson = TrapsVsThrows

    @Test("precondition traps the whole process; on x86_64 it is SIGILL")
    func preconditionTraps() async throws {
        #if arch(x86_64)
            await #expect(processExitsWith: .signal(SIGILL)) {
                _ = TrapsVsThrows.requirePositive(0)
            }
        #endif
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = TrapsVsThrows.requirePositive(-3)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("count must be positive, got -3"))
        #expect(Lesson.requirePositive(3) == 3)
    }

    @Test("an out-of-bounds index traps")
    func outOfBoundsTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = TrapsVsThrows.element(at: 3, in: [1, 2, 3])
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("Index out of range"))
        #expect(Lesson.element(at: 2, in: [1, 2, 3]) == 3)
    }

    @Test("Int overflow with + traps when the operand is a runtime value")
    func overflowTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = TrapsVsThrows.checkedAdd(Int.max, 1)
        }
    }

    @Test("&+ wraps on purpose, and addingReportingOverflow reports instead of trapping")
    func wrappingAndReportingArithmetic() {
        #expect(Lesson.wrappingAdd(Int.max, 1) == Int.min)
        let reported = Lesson.reportingAdd(Int.max, 1)
        #expect(reported.overflow)
        #expect(reported.partialValue == Int.min)
        #expect(Lesson.reportingAdd(40, 2) == (partialValue: 42, overflow: false))
    }

    @Test("try! on a thrown error traps and names the error")
    func tryBangTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try! TrapsVsThrows.validatedLineTotal(["price": "5"])
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("'try!' expression unexpectedly raised an error"))
    }

    @Test("a trap inside a child task kills the whole process: there is no recover")
    func trapInChildTaskKillsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            let child = Task { TrapsVsThrows.element(at: 10, in: []) }
            _ = await child.value
        }
    }

    @Test("an error thrown in a child task surfaces from task.value, and the parent carries on")
    func childTaskErrorIsAValue() async throws {
        let failed = await Lesson.runInChildTask { try Lesson.validatedLineTotal(["price": "x", "quantity": "1"]) }
        guard case .failure(let error) = failed else {
            Issue.record("expected the child's error, got \(failed)")
            return
        }
        #expect(error as? Lesson.ValidationError == .notANumber(field: "price", value: "x"))

        let succeeded = await Lesson.runInChildTask { try Lesson.validatedLineTotal(["price": "3", "quantity": "4"]) }
        #expect(try succeeded.get() == 12)
    }

    @Test("pitfall: a handler that force-unwraps request data crashes on bad input")
    func trappingHandlerCrashesTheServer() async {
        await #expect(processExitsWith: .failure) {
            _ = TrapsVsThrows.trappingLineTotal(["price": "5", "quantity": "abc"])
        }
        #expect(Lesson.trappingLineTotal(["price": "5", "quantity": "2"]) == 10)
    }

    @Test(
        "fix: the validating handler throws a typed error for every kind of bad input",
        arguments: [
            ([:], Lesson.ValidationError.missingField("price")),
            (["price": "5"], .missingField("quantity")),
            (["price": "5", "quantity": "abc"], .notANumber(field: "quantity", value: "abc")),
            (["price": "5", "quantity": "0"], .outOfRange(field: "quantity", value: 0, allowed: 1...1_000)),
            (["price": "\(Int.max)", "quantity": "2"], .overflow),
        ] as [([String: String], Lesson.ValidationError)])
    func validatingHandlerThrows(query: [String: String], expected: Lesson.ValidationError) {
        #expect(throws: expected) {
            try Lesson.validatedLineTotal(query)
        }
    }

    @Test("the server answers 400 for a bad request and keeps serving the next ones")
    func serverKeepsServing() {
        let responses = Lesson.serve([
            ["price": "5", "quantity": "2"],
            ["price": "5", "quantity": "abc"],
            ["price": "7", "quantity": "3"],
        ])
        #expect(
            responses == [
                Lesson.Response(status: 200, body: "total 10"),
                Lesson.Response(status: 400, body: "'quantity' is not a number: 'abc'"),
                Lesson.Response(status: 200, body: "total 21"),
            ])
    }
}
