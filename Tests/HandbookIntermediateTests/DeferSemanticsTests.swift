import HandbookIntermediate
import HandbookTestSupport
import Testing

@Suite("Defer semantics")
struct DeferSemanticsTests {
    typealias Lesson = DeferSemantics

    @Test("the body runs first, then defers run last-in first-out: 3, 2, 1")
    func defersRunLastInFirstOut() {
        var log: [Int] = []
        Lesson.threeDefers { log.append($0) }
        #expect(log == [0, 3, 2, 1])
    }

    @Test("a defer inside an if block runs when the block ends, before the next statement")
    func deferRunsAtScopeExitNotFunctionExit() {
        var log: [String] = []
        Lesson.deferInsideIf(true) { log.append($0) }
        #expect(log == ["start", "inside if", "if-block defer", "after if"])

        log.removeAll()
        Lesson.deferInsideIf(false) { log.append($0) }
        #expect(log == ["start", "after if"])
    }

    @Test("a defer reads variables when it runs: x = 1; defer { log(x) }; x = 2 logs 2")
    func deferReadsTheCurrentValue() {
        var swift: [Int] = []
        Lesson.deferReadsCurrentValue { swift.append($0) }
        #expect(swift == [2])

        var goStyle: [Int] = []
        Lesson.goStyleSnapshot { goStyle.append($0) }
        #expect(goStyle == [2, 1], "a let copy taken at the defer statement reproduces Go's early evaluation")
    }

    @Test("a defer runs when the function throws, and on the normal path too")
    func deferRunsOnThrow() {
        var log: [String] = []
        #expect(throws: Lesson.OperationFailed("work failed")) {
            try Lesson.openWorkClose(fail: true) { log.append($0) }
        }
        #expect(log == ["open", "close"])

        log.removeAll()
        #expect(throws: Never.self) {
            try Lesson.openWorkClose(fail: false) { log.append($0) }
        }
        #expect(log == ["open", "work", "close"])
    }

    @Test("a defer in a loop body runs at the end of every iteration")
    func deferInLoopRunsPerIteration() {
        var log: [String] = []
        Lesson.acquireInLoop(count: 3) { log.append($0) }
        #expect(
            log == [
                "acquire 0", "use 0", "release 0",
                "acquire 1", "use 1", "release 1",
                "acquire 2", "use 2", "release 2",
                "loop done",
            ])
    }

    @Test("the return value is computed before the defer runs")
    func returnValueIsComputedBeforeDefer() {
        var counter = 41
        let returned = Lesson.postIncrement(&counter)
        #expect(returned == 41)
        #expect(counter == 42)
    }

    @Test("Go's ErrorInDefer: wrapping at the boundary reads \"deferred: original error\"")
    func errorIsWrappedAtTheBoundary() throws {
        let error = #expect(throws: Lesson.DeferredError.self) {
            try Lesson.wrappingErrors { () throws -> Int in throw Lesson.OperationFailed("original error") }
        }
        let wrapped = try #require(error)
        #expect(wrapped.description == "deferred: original error")
        #expect(wrapped.underlying as? Lesson.OperationFailed == Lesson.OperationFailed("original error"))
        #expect(try Lesson.wrappingErrors { 7 } == 7)
    }

    @Test("a flag-guarded defer rolls back only when the happy path did not finish")
    func rollbackUnlessCommitted() {
        var log: [String] = []
        #expect(throws: Lesson.OperationFailed("credit failed")) {
            try Lesson.transfer(failAt: "credit") { log.append($0) }
        }
        #expect(log == ["begin", "debit", "rollback"])

        log.removeAll()
        #expect(throws: Never.self) {
            try Lesson.transfer(failAt: nil) { log.append($0) }
        }
        #expect(log == ["begin", "debit", "credit", "commit"])
    }

    @Test("errors cannot be thrown out of a defer body")
    func cannotThrowOutOfDefer() throws {
        try CompileFailFixture.expect(
            "HandbookIntermediate/ThrowFromDefer.swift",
            diagnostics: ["errors cannot be thrown out of a defer body"])
    }
}
