import Foundation
import HandbookConcurrency
import HandbookTestSupport
import Synchronization
import Testing

@Suite("Actors and reentrancy", .timeLimit(.minutes(1)))
struct ActorsAndReentrancyTests {
    typealias Lesson = ActorsAndReentrancy

    /// An approval step that parks the *first* withdrawal between its check
    /// and its debit until the test opens `release`; later ones pass at once.
    final class FirstCallParks: Sendable {
        let arrived = Gate()
        let release = Gate()
        private let calls = Locked(0)

        var approval: Lesson.Approval {
            { _ in
                let call = self.calls.withLock { calls in
                    calls += 1
                    return calls
                }
                if call == 1 {
                    self.arrived.open()
                    await self.release.wait()
                }
                return true
            }
        }
    }

    @Test("the reentrant bank: two withdraw(80) on 100 both succeed and the balance is -60")
    func reentrantBankOverdraws() async throws {
        let parks = FirstCallParks()
        let bank = Lesson.ReentrantBank(balance: 100, approve: parks.approval)
        let first = Task { try await bank.withdraw(80) }
        await parks.arrived.wait()  // the first call passed its check and is suspended
        let second = try await bank.withdraw(80)  // the actor is free, so this runs to completion
        #expect(second == 20)
        parks.release.open()
        let firstResult = try await first.value  // resumes after the await and debits anyway
        #expect(firstResult == -60)
        #expect(await bank.balance == -60)
    }

    @Test("the fixed bank re-checks after the await: exactly one success, balance 20")
    func fixedBankAllowsOneWithdrawal() async throws {
        let parks = FirstCallParks()
        let bank = Lesson.Bank(balance: 100, approve: parks.approval)
        let first = Task { try await bank.withdraw(80) }
        await parks.arrived.wait()
        #expect(try await bank.withdraw(80) == 20)
        parks.release.open()
        await #expect(throws: Lesson.BankError.insufficientFunds(balance: 20, requested: 80)) {
            try await first.value
        }
        #expect(await bank.balance == 20)
    }

    @Test("declined and invalid withdrawals throw errors that explain themselves")
    func badWithdrawalsThrow() async {
        let declining = Lesson.Bank(balance: 100) { amount in amount < 50 }
        await #expect(throws: Lesson.BankError.declined(60)) { try await declining.withdraw(60) }
        await #expect(throws: Lesson.BankError.invalidAmount(0)) { try await declining.withdraw(0) }
        await #expect(throws: Lesson.BankError.insufficientFunds(balance: 100, requested: 101)) {
            try await declining.withdraw(101)
        }
        #expect(await declining.balance == 100)
        #expect(Lesson.BankError.invalidAmount(-5).description == "amount must be positive, got -5")
    }

    @Test("1000 concurrent increments on an actor give exactly 1000")
    func thousandIncrements() async {
        let counter = Lesson.HitCounter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<1_000 {
                group.addTask { await counter.increment() }
            }
        }
        #expect(await counter.hits == 1_000)
    }

    @Test("nine callers that arrive while the load is in flight join it instead of starting their own")
    func inFlightLoadIsShared() async {
        let arrived = Gate()
        let release = Gate()
        // Opens when all nine have joined the load in flight, or as soon as a
        // second load starts (the bug): either way the test goes on, and only
        // the correct loader gets there with loadsStarted == 1.
        let parked = Gate()
        let joins = SharedCount()
        let loads = SharedCount()
        let loader = Lesson.DedupingLoader<Int>(
            load: {
                guard loads.increment() == 1 else {
                    parked.open()
                    return 42
                }
                arrived.open()
                await release.wait()
                return 42
            },
            onJoin: {
                if joins.increment() == 9 { parked.open() }
            })
        let first = Task { await loader.value() }
        await arrived.wait()
        #expect(await loader.hasLoadInFlight, "the Task is stored before the first suspension")
        let others = Task {
            await withTaskGroup(of: Int.self, returning: [Int].self) { group in
                for _ in 0..<9 { group.addTask { await loader.value() } }
                return await group.reduce(into: []) { $0.append($1) }
            }
        }
        await parked.wait()  // every caller is now inside value(), during the load
        release.open()
        #expect(await first.value == 42)
        #expect(await others.value == Array(repeating: 42, count: 9))
        #expect(await loader.loadsStarted == 1)
        #expect(await loader.hasLoadInFlight == false)
    }

    @Test("an isolated parameter does several steps on the actor with no hop in between")
    func isolatedParameterRunsOnTheActor() async throws {
        let bank = Lesson.Bank(balance: 1_000)
        // From outside: one hop onto the actor, then every step runs there.
        let (balance, ranOn) = try await Lesson.applyMonthlyStatement(interestPercent: 10, fee: 5, to: bank)
        #expect(balance == 1_095)
        #expect(ranOn === bank)
        #expect(await bank.balance == 1_095)
        await #expect(throws: Lesson.BankError.insufficientFunds(balance: 1_204, requested: 5_000)) {
            try await Lesson.applyMonthlyStatement(interestPercent: 10, fee: 5_000, to: bank)
        }
    }

    @Test("assumeIsolated from a context that is not on the actor traps")
    func assumeIsolatedOffTheActorTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            // This task is not running on the new actor's executor.
            _ = ActorsAndReentrancy.Bank(balance: 1).balanceAssumingIsolation()
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("Incorrect actor executor assumption"))
    }

    @Test("assumeIsolated on the actor's own executor is fine")
    func assumeIsolatedOnTheActorWorks() async {
        let bank = Lesson.Bank(balance: 7)
        let seen = await Self.readBalance(of: bank)
        #expect(seen == 7)
    }

    /// Runs on `bank` (isolated parameter), so the synchronous helper it
    /// calls really is on the actor's executor.
    private static func readBalance(of bank: isolated Lesson.Bank) -> Int {
        bank.balanceAssumingIsolation()
    }
}

/// A counter `@Sendable` closures can share (a local `Atomic` cannot be
/// captured by one: see concurrency.atomics).
private final class SharedCount: Sendable {
    private let count = Atomic(0)

    /// Adds one and returns the new count.
    func increment() -> Int { count.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue }
}
