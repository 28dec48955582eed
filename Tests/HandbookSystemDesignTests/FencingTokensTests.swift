import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Fencing tokens and leases", .timeLimit(.minutes(1)))
struct FencingTokensTests {
    typealias Fencing = FencingTokens
    typealias Lease = Fencing.Lease<ManualClock.Instant>

    static func store(_ clock: ManualClock, lease: Duration = .seconds(10)) throws -> Fencing.LeaseStore<ManualClock> {
        try Fencing.LeaseStore(clock: clock, duration: lease)
    }

    /// Holder A checks its lease, then is paused (GC, SIGSTOP, a slow await)
    /// until `resume` opens, then writes with `write`. Returns what happened.
    static func pausedHolder(
        _ lease: Lease, clock: ManualClock, checked: Gate, resume: Gate,
        write: @escaping @Sendable () async throws -> Void
    ) -> Task<String, Never> {
        Task {
            guard lease.isLive(at: clock.now) else { return "stood down" }
            checked.open()
            await resume.wait()
            do {
                try await write()
                return "written"
            } catch {
                return "\(error)"
            }
        }
    }

    @Test("a holder paused past its lease writes after the takeover: the fenced storage refuses it")
    func pausedHolderIsFencedAfterTakeover() async throws {
        let clock = ManualClock()
        let leases = try Self.store(clock)
        let storage = Fencing.FencedStorage<String>()
        let a = try #require(await leases.acquire(holder: "A"))
        let checked = Gate()
        let resume = Gate()
        let holderA = Self.pausedHolder(a, clock: clock, checked: checked, resume: resume) {
            try await storage.write("A's report", forKey: "daily", token: a.token)
        }
        await checked.wait()  // A has checked its lease: live. Now it stalls.
        clock.advance(by: .seconds(10))
        let b = try #require(await leases.acquire(holder: "B"))
        try await storage.write("B's report", forKey: "daily", token: b.token)
        resume.open()
        #expect(await holderA.value == "\(Fencing.StaleToken(presented: a.token, highest: b.token))")
        #expect(await storage.value(forKey: "daily") == "B's report")
        #expect(await storage.highestToken == b.token)
    }

    @Test("the same pause against storage without tokens: the stale write silently replaces the new holder's")
    func unfencedStorageTakesTheStaleWrite() async throws {
        let clock = ManualClock()
        let leases = try Self.store(clock)
        let storage = Fencing.UnfencedStorage<String>()
        let a = try #require(await leases.acquire(holder: "A"))
        let checked = Gate()
        let resume = Gate()
        let holderA = Self.pausedHolder(a, clock: clock, checked: checked, resume: resume) {
            await storage.write("A's report", forKey: "daily")
        }
        await checked.wait()
        clock.advance(by: .seconds(10))
        #expect(await leases.acquire(holder: "B") != nil)
        await storage.write("B's report", forKey: "daily")
        resume.open()
        #expect(await holderA.value == "written")
        #expect(await storage.value(forKey: "daily") == "A's report")  // B's work is gone
    }

    @Test("tokens strictly increase across takeovers and releases; renewals keep theirs")
    func tokensStrictlyIncreaseAcrossTakeovers() async throws {
        let clock = ManualClock()
        let leases = try Self.store(clock)
        var tokens: [UInt64] = []
        for holder in ["A", "B", "C", "A"] {
            let lease = try #require(await leases.acquire(holder: holder))
            tokens.append(lease.token.rawValue)
            clock.advance(by: .seconds(5))
            let renewed = try #require(await leases.renew(lease))
            #expect(renewed.token == lease.token && renewed.expiresAt == clock.now.advanced(by: .seconds(10)))
            clock.advance(by: .seconds(10))  // lapses: the next holder takes over
        }
        let d = try #require(await leases.acquire(holder: "D"))
        #expect(await leases.release(d))
        let e = try #require(await leases.acquire(holder: "E"))  // right away: released, not expired
        tokens += [d.token.rawValue, e.token.rawValue]
        #expect(tokens == [1, 2, 3, 4, 5, 6])
        #expect(await !leases.release(d))
    }

    @Test("renewing before expiry keeps the lease; the rival gets it only once renewals stop and it lapses")
    func renewalBeforeExpiryKeepsLeadership() async throws {
        let clock = ManualClock()
        let leases = try Self.store(clock)
        var a = try #require(await leases.acquire(holder: "A"))
        for _ in 0..<5 {  // a heartbeat every third of the lease, for 50 s
            clock.advance(by: .milliseconds(3_333))
            #expect(await leases.acquire(holder: "B") == nil)
            a = try #require(await leases.renew(a))
            #expect(a.token.rawValue == 1)
        }
        clock.advance(by: .seconds(10))  // A stopped renewing
        #expect(await leases.renew(a) == nil)  // too late, even though nobody took over yet
        let b = try #require(await leases.acquire(holder: "B"))
        #expect(b.token.rawValue == 2)
        #expect(await leases.liveLease == b)
    }

    @Test("takeover only at expiry: refused 1 ns before it, granted at it; the old holder then sees its lease over")
    func takeoverOnlyAfterExpiry() async throws {
        let clock = ManualClock()
        let leases = try Self.store(clock)
        let a = try #require(await leases.acquire(holder: "A"))
        #expect(await leases.acquire(holder: "A") == nil)  // a live lease is renewed, not re-acquired
        clock.advance(by: .seconds(10) - .nanoseconds(1))
        #expect(a.isLive(at: clock.now))
        #expect(await leases.acquire(holder: "B") == nil)
        clock.advance(by: .nanoseconds(1))
        #expect(!a.isLive(at: clock.now))
        let b = try #require(await leases.acquire(holder: "B"))
        #expect(b.token > a.token)
        #expect(await leases.renew(a) == nil)
        #expect(await leases.release(a) == false)
    }

    @Test("random acquire/renew/release/advance sequences: never two live leases at one instant, tokens only grow")
    func atMostOneLiveLeaseAtEveryInstant() async {
        // code % 4: acquire, renew, release, advance; code / 4 % 3 picks the
        // contender; an advance moves 0…6 s in 250 ms steps, often landing exactly on an expiry.
        await propertyCheck(count: 300, input: Gen.int(in: 0...299).array(of: 0...40)) { codes in
            do {
                let clock = ManualClock()
                let leases = try Self.store(clock)
                var held: [Lease?] = [nil, nil, nil]
                var lastToken: UInt64 = 0
                for code in codes {
                    let contender = code / 4 % 3
                    switch code % 4 {
                    case 0:
                        if let lease = await leases.acquire(holder: "c\(contender)") {
                            #expect(lease.token.rawValue > lastToken, "codes \(codes)")
                            lastToken = lease.token.rawValue
                            held[contender] = lease
                        }
                    case 1:
                        if let lease = held[contender], let renewed = await leases.renew(lease) {
                            #expect(renewed.token == lease.token, "codes \(codes)")
                            held[contender] = renewed
                        }
                    case 2:
                        if let lease = held[contender], await leases.release(lease) { held[contender] = nil }
                    default:
                        clock.advance(by: .milliseconds(code / 12 * 250))
                    }
                    let live = held.compactMap { $0 }.filter { $0.isLive(at: clock.now) }
                    #expect(live.count <= 1, "codes \(codes)")
                    #expect(await leases.liveLease == live.first, "codes \(codes)")
                }
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        }
    }

    @Test("a holder whose clock lags the store's by 3 s still believes in its lease after the takeover")
    func laggingHolderClockOverlapsTheTakeover() async throws {
        let storeClock = ManualClock()  // the database's now()
        let aClock = ManualClock()  // holder A's own clock
        let leases = try Self.store(storeClock)
        let lag = Duration.seconds(3)
        let a = try #require(await leases.acquire(holder: "A"))
        storeClock.advance(by: .seconds(11))
        aClock.advance(by: .seconds(11) - lag)
        #expect(a.isLive(at: aClock.now))  // A: "8 s in, I lead"
        let b = try #require(await leases.acquire(holder: "B"))  // the store: "11 s in, A is over"
        #expect(b.isLive(at: storeClock.now))  // two leaders at one instant

        // The fence does not care whose clock is right.
        let storage = Fencing.FencedStorage<String>()
        try await storage.write("B", forKey: "k", token: b.token)
        await #expect(throws: Fencing.StaleToken(presented: a.token, highest: b.token)) {
            try await storage.write("A", forKey: "k", token: a.token)
        }

        // A margin at least as large as the lag closes the overlap; a smaller one does not.
        for (margin, overlaps) in [(Duration.seconds(3), false), (.seconds(2), true)] {
            var sawOverlap = false
            for step in 0...24 {  // store time 0…12 s in 0.5 s steps; A's clock reads 3 s less
                let storeNow = ManualClock.Instant(offset: .milliseconds(500 * step))
                let aNow = ManualClock.Instant(offset: storeNow.offset - lag)
                let aActs = a.isLive(at: aNow, margin: margin)
                let bCouldTakeOver = storeNow >= a.expiresAt
                if aActs && bCouldTakeOver { sawOverlap = true }
            }
            #expect(sawOverlap == overlaps, "margin \(margin)")
        }
    }

    @Test("the fence is per lock: a stale holder cannot write a key the new holder has not touched")
    func fenceIsPerLockNotPerKey() async throws {
        let storage = Fencing.FencedStorage<Int>()
        let old = Fencing.Token(rawValue: 1)
        let new = Fencing.Token(rawValue: 2)
        try await storage.write(10, forKey: "january", token: old)
        try await storage.write(20, forKey: "february", token: new)
        await #expect(throws: Fencing.StaleToken(presented: old, highest: new)) {
            try await storage.write(11, forKey: "march", token: old)
        }
        #expect(await storage.value(forKey: "march") == nil)
        try await storage.write(30, forKey: "march", token: new)  // the current holder, again: fine
        #expect(await storage.value(forKey: "march") == 30)
    }

    @Test("a fenced read raises the fence: after the new holder reads, the old one can no longer write")
    func fencedReadRaisesTheFence() async throws {
        let storage = Fencing.FencedStorage<Int>()
        let old = Fencing.Token(rawValue: 1)
        let new = Fencing.Token(rawValue: 2)
        try await storage.write(100, forKey: "balance", token: old)
        #expect(try await storage.read("balance", token: new) == 100)  // the new holder decides from 100…
        await #expect(throws: Fencing.StaleToken(presented: old, highest: new)) {
            try await storage.write(0, forKey: "balance", token: old)  // …so the old one cannot change it now
        }
        await #expect(throws: Fencing.StaleToken.self) { _ = try await storage.read("balance", token: old) }
        #expect(await storage.value(forKey: "balance") == 100)
    }

    @Test("a lease that lasts zero or less is a thrown error, with a message")
    func invalidDurationThrows() {
        #expect(throws: Fencing.InvalidLeaseDuration(duration: .zero)) { try Self.store(ManualClock(), lease: .zero) }
        #expect(throws: Fencing.InvalidLeaseDuration(duration: .seconds(-1))) {
            try Self.store(ManualClock(), lease: .seconds(-1))
        }
        #expect(Fencing.InvalidLeaseDuration(duration: .zero).description.contains("longer than zero"))
    }
}
