import HandbookIntermediate
import HandbookTestSupport
import Testing

@Suite("inout and the law of exclusivity")
struct InoutAndExclusivityTests {
    typealias Lesson = InoutAndExclusivity

    @Test("modify(&x) { x += 1 } on a local variable is rejected at compile time")
    func overlappingLocalAccessDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookIntermediate/OverlappingInoutAccess.swift",
            diagnostics: [
                "overlapping accesses to 'count', but modification requires exclusive access",
                "[#ExclusivityViolation]",
            ])
    }

    @Test("the same overlap through a class property compiles, then traps with Simultaneous accesses")
    func overlappingClassPropertyAccessTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            InoutAndExclusivity.depositDuringModify(InoutAndExclusivity.Account(balance: 0))
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("Simultaneous accesses"))
        #expect(stderr.contains("but modification requires exclusive access"))
    }

    @Test("transferring between two inout class properties traps only when both are one account")
    func selfTransferTraps() async throws {
        let apart = (Lesson.Account(balance: 100), Lesson.Account(balance: 0))
        Lesson.transferOverlapping(30, from: apart.0, to: apart.1)
        #expect((apart.0.balance, apart.1.balance) == (70, 30))

        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let account = InoutAndExclusivity.Account(balance: 100)
            InoutAndExclusivity.transferOverlapping(30, from: account, to: account)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("Simultaneous accesses"))
    }

    @Test("sequential accesses fix the transfer: a self-transfer is a no-op")
    func sequentialTransferIsSafe() {
        let account = Lesson.Account(balance: 100)
        Lesson.transfer(30, from: account, to: account)
        #expect(account.balance == 100)

        let other = Lesson.Account(balance: 0)
        Lesson.transfer(30, from: account, to: other)
        #expect((account.balance, other.balance) == (70, 30))
    }

    @Test("swap(&a[0], &a[1]) does not compile, and the diagnostic suggests swapAt")
    func swappingElementsDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookIntermediate/SwapTwoElements.swift",
            diagnostics: [
                "overlapping accesses to 'numbers'",
                "consider calling MutableCollection.swapAt(_:_:)",
            ])
    }

    @Test("swapAt swaps elements; swap works on two stored properties of a local struct")
    func swapAtAndDisjointProperties() {
        #expect(Lesson.swappingFirstTwo([1, 2, 3]) == [2, 1, 3])
        #expect(Lesson.swappingCoordinates(of: Lesson.Point(x: 1, y: 2)) == Lesson.Point(x: 2, y: 1))
    }

    @Test("inout is copy-in/copy-out: three writes inside the call fire didSet once")
    func inoutWritesBackOnce() {
        let observed = Lesson.Observed()
        Lesson.incrementThreeTimes(&observed.stored)
        #expect(observed.stored == 3)
        #expect(observed.storedWrites == 1)

        // Writing the property directly is three accesses, three didSets.
        observed.stored += 1
        observed.stored += 1
        observed.stored += 1
        #expect(observed.storedWrites == 4)
    }

    @Test(
        "a computed property passed inout is read once and written once, and the caller sees the old value during the call"
    )
    func computedPropertyShowsTheCopy() {
        let observed = Lesson.Observed()
        Lesson.incrementThreeTimes(&observed.computed)
        #expect(observed.log == ["get", "set"])

        let fresh = Lesson.Observed()
        let (during, after) = Lesson.readDuringInout(fresh)
        #expect(during == 0)
        #expect(after == 1)
    }
}
