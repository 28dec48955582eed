import Foundation
import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Count-min sketch and heavy hitters", .timeLimit(.minutes(1)))
struct CountMinSketchTests {
    typealias Sketch = CountMinSketch<UInt32>

    /// `length` draws from a Zipf-like distribution over `keys` keys: key r
    /// (1-based rank) has weight 1/r^s, so a few keys are very heavy and most
    /// are rare, as in real traffic.
    static func zipfStream(keys: Int, length: Int, exponent s: Double, seed: UInt64) -> [String] {
        var cumulative: [Double] = []
        var total = 0.0
        for rank in 1...keys {
            total += 1 / pow(Double(rank), s)
            cumulative.append(total)
        }
        var generator = SeededRandomNumberGenerator(seed: seed)
        return (0..<length).map { _ in
            let target = Double.random(in: 0..<total, using: &generator)
            var (low, high) = (0, cumulative.count - 1)
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] <= target { low = middle + 1 } else { high = middle }
            }
            return "key-\(low + 1)"
        }
    }

    static func exactCounts(_ stream: [String]) -> [String: Int] {
        stream.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    @Test("never underestimates, plain or conservative, and conservative is never worse than plain")
    func neverUnderestimatesAgainstADictionaryOracle() async {
        await propertyCheck(
            count: 200,
            input: Gen.int(in: 1...24), Gen.int(in: 1...5),
            zip(Gen.int(in: 0...40), Gen.int(in: 1...20)).array(of: 0...300)
        ) { width, depth, events in
            do {
                var plain = try Sketch(width: width, depth: depth, seed: 3, updateRule: .plain)
                var conservative = try Sketch(width: width, depth: depth, seed: 3, updateRule: .conservative)
                var oracle: [String: UInt32] = [:]
                for (key, count) in events {
                    try plain.add("k\(key)", count: UInt32(count))
                    try conservative.add("k\(key)", count: UInt32(count))
                    oracle["k\(key)", default: 0] += UInt32(count)
                }
                for key in (0...45).map({ "k\($0)" }) {  // a few never-added keys too
                    let truth = oracle[key] ?? 0
                    #expect(plain.estimate(key) >= truth, "plain undercounts \(key)")
                    #expect(conservative.estimate(key) >= truth, "conservative undercounts \(key)")
                    #expect(conservative.estimate(key) <= plain.estimate(key), "conservative worse for \(key)")
                }
                #expect(plain.totalCount == UInt64(oracle.values.reduce(0, +)))
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        }
    }

    @Test("ε = 0.01, δ = 0.01 on a Zipf stream of 50 000: at most 1 % of keys are off by more than εN")
    func errorBoundHoldsOnAZipfStream() throws {
        let stream = Self.zipfStream(keys: 5_000, length: 50_000, exponent: 1.1, seed: 42)
        let truth = Self.exactCounts(stream)
        var sketch = try Sketch(errorRate: 0.01, failureProbability: 0.01)
        #expect(sketch.width == 272 && sketch.depth == 5)
        for key in stream { try sketch.add(key) }
        #expect(sketch.totalCount == 50_000)
        let bound = 0.01 * 50_000.0
        #expect(abs(sketch.errorBound - bound) < 5)  // e/272 ≈ 0.00999

        let errors = truth.map { key, count in Int(sketch.estimate(key)) - count }
        #expect(errors.allSatisfy { $0 >= 0 })
        let beyond = errors.filter { Double($0) > bound }.count
        #expect(Double(beyond) <= 0.01 * Double(truth.count), "\(beyond) of \(truth.count) keys beyond εN")

        // One row alone (d = 1) is the same counters without the minimum: the
        // bound then fails for far more than 1 % of keys.
        var oneRow = try Sketch(width: 272, depth: 1)
        for key in stream { try oneRow.add(key) }
        let oneRowBeyond = truth.filter { Double(Int(oneRow.estimate($0.key)) - $0.value) > bound }.count
        #expect(Double(oneRowBeyond) > 0.02 * Double(truth.count), "\(oneRowBeyond) beyond εN with d = 1")
    }

    @Test(
        "a key-spraying attacker grows a dictionary without bound; the sketch finds the 5 heavy clients in fixed memory"
    )
    func heavyHittersUnderKeySpraying() throws {
        var events: [String] = []
        for client in 0..<5 { events += Array(repeating: "heavy-\(client)", count: 1_200 + 100 * client) }
        events += (0..<20_000).map { "sprayed-\($0)" }  // each key seen once
        var generator = SeededRandomNumberGenerator(seed: 11)
        events.shuffle(using: &generator)

        var perKey: [String: Int] = [:]
        var tracker = try HeavyHitters(
            threshold: 1_000, capacity: 16, sketch: try Sketch(errorRate: 0.001, failureProbability: 0.01))
        let memory = tracker.sketch.counterCount
        for event in events {
            perKey[event, default: 0] += 1
            tracker.record(event)
            #expect(tracker.candidateCount <= 16)
        }
        #expect(perKey.count == 20_005, "one dictionary entry per sprayed key")
        #expect(tracker.sketch.counterCount == memory && memory == 5 * 2_719)
        #expect(tracker.isComplete)
        #expect(tracker.hitters().map(\.key) == ["heavy-4", "heavy-3", "heavy-2", "heavy-1", "heavy-0"])
        for (key, estimate) in tracker.hitters() { #expect(Int(estimate) >= perKey[key]!) }

        tracker.reset()
        #expect(tracker.hitters().isEmpty && tracker.sketch.totalCount == 0)
    }

    @Test("heavy hitters: every key at or above the threshold is reported while the tracker is complete")
    func heavyHittersHaveNoFalseNegatives() async {
        await propertyCheck(
            count: 100,
            input: Gen.int(in: 8...64), Gen.int(in: 2...20), Gen.int(in: 0...30).array(of: 0...400)
        ) { width, threshold, keys in
            do {
                var tracker = try HeavyHitters(
                    threshold: UInt32(threshold), capacity: 8, sketch: try Sketch(width: width, depth: 3))
                for key in keys { tracker.record("c\(key)") }
                let truth = Self.exactCounts(keys.map { "c\($0)" })
                let reported = Set(tracker.hitters().map(\.key))
                if tracker.isComplete {
                    for (key, count) in truth where count >= threshold {
                        #expect(reported.contains(key), "missed \(key) with \(count) ≥ \(threshold)")
                    }
                }
                #expect(reported.count <= 8)
                for key in reported { #expect(tracker.sketch.estimate(key) >= UInt32(threshold)) }
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        }
    }

    @Test("more heavy keys than capacity: the tracker evicts and says it is no longer complete")
    func fullCandidateListIsReported() throws {
        var tracker = try HeavyHitters(threshold: 10, capacity: 2, sketch: try Sketch(width: 1_000, depth: 4))
        for round in 0..<20 {
            for client in 0..<4 { tracker.record("client-\(client)", count: UInt32(1 + client + round % 2)) }
        }
        #expect(!tracker.isComplete && tracker.evictedCandidates > 0)
        #expect(tracker.hitters().map(\.key) == ["client-3", "client-2"], "the two heaviest survive")
    }

    @Test("counters never wrap: add throws and changes nothing, addSaturating clamps")
    func countersSaturateOrThrow() throws {
        for rule in [CountMinSketch<UInt8>.UpdateRule.plain, .conservative] {
            var sketch = try CountMinSketch<UInt8>(width: 4, depth: 2, updateRule: rule)
            try sketch.add("a", count: 200)
            #expect(throws: CountMinSketch<UInt8>.CounterOverflow(key: "a", count: 100)) {
                try sketch.add("a", count: 100)
            }
            #expect(sketch.estimate("a") == 200 && sketch.totalCount == 200, "unchanged after the throw")
            sketch.addSaturating("a", count: 100)
            #expect(sketch.estimate("a") == 255, "clamped at UInt8.max, not 44")
            #expect(sketch.totalCount == 300)
        }
        var huge = try CountMinSketch<UInt64>(width: 2, depth: 1)
        huge.addSaturating("x", count: .max)
        huge.addSaturating("x", count: .max)
        #expect(huge.totalCount == .max && huge.estimate("x") == .max)
    }

    @Test("h1 + i·h2 row hashes make key pairs collide in every row far more often than re-mixed rows")
    func doubleHashedRowsCollideTogether() throws {
        let keys = (0..<2_000).map { "user-\($0)" }
        let sketch = try Sketch(width: 16, depth: 4)
        func pairsCollidingInEveryRow(_ columns: (String) -> [Int]) -> Int {
            Dictionary(grouping: keys, by: columns).values.reduce(0) { $0 + $1.count * ($1.count - 1) / 2 }
        }
        let remixed = pairsCollidingInEveryRow(sketch.columns(for:))
        let doubleHashed = pairsCollidingInEveryRow { Sketch.doubleHashedColumns(for: $0, width: 16, depth: 4) }
        // About 2·10⁶ pairs: / 16⁴ ≈ 30 expected for independent rows, / 16² ≈ 7 800 for double hashing.
        #expect(remixed < 100, "\(remixed)")
        #expect(doubleHashed > 4_000, "\(doubleHashed)")
    }

    @Test("w = ⌈e/ε⌉, d = ⌈ln(1/δ)⌉", arguments: [(0.01, 0.01, 272, 5), (0.001, 0.01, 2_719, 5), (0.1, 0.5, 28, 1)])
    func dimensionsMatchTheFormulas(errorRate: Double, failure: Double, width: Int, depth: Int) throws {
        #expect(try Sketch.dimensions(errorRate: errorRate, failureProbability: failure) == (width, depth))
    }

    @Test("bad parameters throw errors that name the value")
    func badParametersAreRejected() {
        typealias Failure = Sketch.ParameterError
        #expect(throws: Failure.nonPositiveWidth(0)) { try Sketch(width: 0, depth: 3) }
        #expect(throws: Failure.nonPositiveDepth(-1)) { try Sketch(width: 10, depth: -1) }
        #expect(throws: Failure.errorRateOutOfRange(0)) { try Sketch(errorRate: 0, failureProbability: 0.1) }
        #expect(throws: Failure.errorRateOutOfRange(1)) { try Sketch(errorRate: 1, failureProbability: 0.1) }
        #expect(throws: Failure.failureProbabilityOutOfRange(0)) { try Sketch(errorRate: 0.1, failureProbability: 0) }
        #expect(throws: Failure.failureProbabilityOutOfRange(1.5)) {
            try Sketch(errorRate: 0.1, failureProbability: 1.5)
        }
        #expect {
            try Sketch(errorRate: .nan, failureProbability: 0.1)
        } throws: { error in
            guard case .errorRateOutOfRange(let rate) = error as? Failure else { return false }
            return rate.isNaN
        }
        #expect {
            try Sketch(errorRate: 1e-12, failureProbability: 0.1)
        } throws: { error in
            guard case .sketchTooLarge = error as? Failure else { return false }
            return true
        }
        #expect {
            try Sketch(width: .max, depth: 2)
        } throws: { error in
            guard case .sketchTooLarge = error as? Failure else { return false }
            return true
        }
        #expect(throws: HeavyHitters<UInt32>.ParameterError.nonPositiveThreshold) {
            try HeavyHitters(threshold: 0, capacity: 4, sketch: try Sketch(width: 8, depth: 2))
        }
        #expect(throws: HeavyHitters<UInt32>.ParameterError.nonPositiveCapacity(0)) {
            try HeavyHitters(threshold: 5, capacity: 0, sketch: try Sketch(width: 8, depth: 2))
        }
        #expect(!Failure.sketchTooLarge(counters: 1e13).description.isEmpty)
    }
}
