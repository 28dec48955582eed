import HandbookConcurrency
import HandbookTestSupport
import Testing

@Suite("Sendable and region isolation", .timeLimit(.minutes(1)))
struct SendableAndRegionIsolationTests {
    typealias Lesson = SendableAndRegionIsolation

    /// Compiles only for `Sendable` arguments: a compile-time assertion.
    private func requireSendable<T: Sendable>(_ value: T) -> T { value }

    @Test("a fresh non-Sendable object can be sent to an actor when it is not touched again")
    func freshObjectCanBeSentToAnActor() async {
        let outbox = Lesson.Outbox()
        let draft = Lesson.Draft(lines: ["hello"])
        draft.lines.append("world")  // still ours: nothing else can see it yet
        await outbox.submit(draft)  // transferred: from here on the actor owns it
        await outbox.sign("-- ops")
        #expect(await outbox.submittedLines == [["hello", "world", "-- ops"]])
    }

    @Test("touching the object after sending it does not compile")
    func touchingAfterSendingDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/TouchAfterSending.swift",
            group: "SendingRisksDataRace",
            diagnostics: ["sending 'draft' risks causing data races"])
    }

    @Test("a sending result from an actor can be handed to another task")
    func sendingResultCrossesToAnotherTask() async {
        let factory = Lesson.DraftFactory()
        let draft = await factory.makeDraft(title: "Release notes")
        let edited = Task {
            draft.lines.append("- faster builds")
            return draft.lines
        }
        #expect(await edited.value == ["# Release notes", "- faster builds"])
        #expect(await factory.made == 1)
    }

    @Test("a struct with a mutable class member is not Sendable")
    func structWithClassMemberIsNotSendable() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/StructWithClassMember.swift",
            diagnostics: ["type 'Settings' does not conform to the 'Sendable' protocol"])
    }

    @Test("a struct of Sendable members is Sendable and can be shared by many tasks")
    func sendableStructIsShared() async {
        let settings = requireSendable(
            Lesson.ServerSettings(name: "api", limits: .init(maxConnections: 64)))
        let seen = await Lesson.runConcurrently(times: 10) { settings.limits.maxConnections }
        #expect(seen == Array(repeating: 64, count: 10))
    }

    @Test("a sending closure may capture a fresh non-Sendable object; @Sendable may not")
    func sendingVersusSendableClosures() async throws {
        let draft = Lesson.Draft(lines: ["a"])
        let count = await Lesson.runInNewTask {
            draft.lines.append("b")  // the closure owns `draft` now
            return draft.lines.count
        }
        #expect(count == 2)
        try CompileFailFixture.expect(
            "HandbookConcurrency/SendableClosureCapture.swift",
            group: "SendableClosureCaptures",
            diagnostics: ["capture of 'draft' with non-Sendable type 'Draft' in a '@Sendable' closure"])
    }

    @Test("a Mutex or a justified @unchecked Sendable box shares one Draft between 100 tasks", .contendsOnMutex)
    func lockedDraftsLoseNoLine() async {
        let shared = requireSendable(Lesson.SharedDraft())
        let desk = requireSendable(Lesson.DraftDesk())
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<100 {
                group.addTask {
                    shared.append("line \(index)")
                    desk.append("line \(index)")
                }
            }
        }
        let expected = Set((0..<100).map { "line \($0)" })
        #expect(Set(shared.lines) == expected && shared.lines.count == 100)
        #expect(Set(desk.lines) == expected && desk.lines.count == 100)
    }

    @Test("bad input: a negative repeat count is a precondition failure")
    func negativeTimesTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = await SendableAndRegionIsolation.runConcurrently(times: -1) { 0 }
        }
    }
}
