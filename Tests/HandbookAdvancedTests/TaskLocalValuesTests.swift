import HandbookAdvanced
import HandbookTestSupport
import Testing

@Suite("Task-local values", .timeLimit(.minutes(1)))
struct TaskLocalValuesTests {
    typealias Lesson = TaskLocalValues

    @Test("the request ID is visible three async calls deep without being passed")
    func valueIsVisibleThreeCallsDeep() async {
        let line = await Lesson.serve(requestID: "req-42") { await Lesson.handleRequest() }
        #expect(line == "[req-42] SELECT * FROM users")
        #expect(await Lesson.handleRequest() == "[no-request] SELECT * FROM users")
    }

    @Test("task-group children inherit the value")
    func groupChildrenInheritTheValue() async {
        let seen = await Lesson.serve(requestID: "req-7") { await Lesson.requestIDsSeenByGroupChildren(5) }
        #expect(seen == Array(repeating: "req-7", count: 5))
    }

    @Test("Task {} copies the value at creation and keeps it after the scope ends")
    func unstructuredTaskInheritsTheValue() async {
        let task = await Lesson.serve(requestID: "req-9") { Lesson.startUnstructuredTask() }
        #expect(Lesson.requestID == nil, "the scope has ended here…")
        #expect(await task.value == "req-9", "…but the task took its own copy")
    }

    @Test("Task.detached does not inherit the value")
    func detachedTaskSeesTheDefault() async {
        let task = await Lesson.serve(requestID: "req-9") { Lesson.startDetachedTask() }
        #expect(await task.value == nil)
    }

    @Test("the default is back after withValue returns, even when it throws")
    func valueIsRestoredAfterTheScope() async {
        struct Failed: Error {}
        #expect(Lesson.requestID == nil)
        await Lesson.serve(requestID: "req-1") { #expect(Lesson.requestID == "req-1") }
        #expect(Lesson.requestID == nil)
        await #expect(throws: Failed.self) {
            try await Lesson.serve(requestID: "req-2") { throw Failed() }
        }
        #expect(Lesson.requestID == nil)
    }

    @Test("a nested withValue shadows the outer value, then restores it")
    func nestedBindingsShadowAndRestore() async {
        let log = EventLog<String>()
        await Lesson.serve(requestID: "outer") {
            log.append(Lesson.logLine("before"))
            await Lesson.serve(requestID: "inner") {
                log.append(Lesson.logLine("nested"))
            }
            log.append(Lesson.logLine("after"))
        }
        #expect(log.events == ["[outer] before", "[inner] nested", "[outer] after"])
    }

    @Test("100 concurrent requests each see only their own ID")
    func concurrentRequestsAreIsolated() async {
        let mismatches = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<100 {
                group.addTask {
                    await Lesson.serve(requestID: "req-\(index)") {
                        await Task.yield()
                        return await Lesson.handleRequest() != "[req-\(index)] SELECT * FROM users"
                    }
                }
            }
            return await group.reduce(0) { count, mismatch in count + (mismatch ? 1 : 0) }
        }
        #expect(mismatches == 0)
    }

    @Test("Go-style string keys fail silently: a typo or a wrong type gives nil")
    func stringKeyedContextFailsSilently() {
        let context = Lesson.GoStyleContext().withValue("requestID", "req-42")
        #expect(context.value("requestID") as? String == "req-42")
        #expect(context.value("requestId") == nil, "a one-letter typo compiles and reads nothing")
        #expect(context.value("requestID") as? Int == nil, "the wrong type assertion compiles and reads nothing")
        let clobbered = context.withValue("requestID", 7)  // another library, same key
        #expect(clobbered.value("requestID") as? String == nil)
    }

    @Test("a task-local cannot be assigned, only bound for a scope")
    func taskLocalsCannotBeAssigned() throws {
        try CompileFailFixture.expect(
            "HandbookAdvanced/AssignTaskLocal.swift",
            diagnostics: ["cannot assign to property: 'requestID' is a get-only property"])
    }
}
