import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Bloom filter", .timeLimit(.minutes(1)))
struct BloomFilterTests {
    typealias ParameterError = BloomFilter.ParameterError

    /// `count` distinct keys drawn from a seeded generator, with a prefix so
    /// that two key sets with different prefixes never overlap.
    static func keys(_ count: Int, prefix: String, seed: UInt64) -> [String] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var keys: Set<String> = []
        while keys.count < count { keys.insert("\(prefix)-\(generator.next())") }
        return keys.sorted()
    }

    @Test("the doc example: a million keys at 1 % take 9 585 059 bits (1.14 MiB) and 7 hashes")
    func docExample() throws {
        var seen = try BloomFilter(expectedCount: 1_000_000, falsePositiveRate: 0.01)
        #expect(seen.bitCount == 9_585_059 && seen.hashCount == 7)
        #expect((Double(seen.bitCount) / 8 / 1_048_576 * 100).rounded() == 114)
        #expect(seen.insert("user:42") && !seen.insert("user:42"), "new the first time, not the second")
        #expect(seen.mightContain("user:42") && !seen.mightContain("user:43"))
    }

    @Test("an inserted key is always found, and insert says 'new' only for keys never inserted")
    func noFalseNegativesAgainstASetOracle() async {
        await propertyCheck(
            count: 200,
            input: Gen.int(in: 1...600), Gen.int(in: 1...8),
            Gen.letterOrNumber.string(of: 0...6).array(of: 0...200)
        ) { bitCount, hashCount, keys in
            do {
                // Tiny filters too: even a saturated filter never loses a key.
                var filter = try BloomFilter(bitCount: bitCount, hashCount: hashCount, seed: 7)
                var oracle: Set<String> = []
                for key in keys {
                    let definitelyNew = filter.insert(key)
                    if definitelyNew { #expect(!oracle.contains(key), "insert called \(key) new twice") }
                    oracle.insert(key)
                }
                for key in oracle { #expect(filter.mightContain(key), "false negative for \(key)") }
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        }
    }

    @Test("10 000 keys at a 1 % target: 10 000 absent keys give 0.5–1.5 % false positives, as the formula says")
    func measuredFalsePositiveRateIsNearTheTarget() throws {
        var filter = try BloomFilter(expectedCount: 10_000, falsePositiveRate: 0.01)
        for key in Self.keys(10_000, prefix: "present", seed: 1) { filter.insert(key) }
        let absent = Self.keys(10_000, prefix: "absent", seed: 2)
        let falsePositives = absent.filter(filter.mightContain).count
        // About 100 expected, standard deviation about 10: 50...150 is ±5σ.
        // The hash and the keys are seeded, so the count is the same every run.
        #expect((50...150).contains(falsePositives), "\(falsePositives) false positives in 10 000")
        let predicted = BloomFilter.expectedFalsePositiveRate(
            bitCount: filter.bitCount, hashCount: filter.hashCount, insertedCount: 10_000)
        #expect(abs(predicted - 0.01) < 0.0005)
        #expect(abs(filter.estimatedFalsePositiveRate - predicted) < 0.002)
        // At the optimal k about half the bits are set.
        let fill = Double(filter.setBitCount) / Double(filter.bitCount)
        #expect((0.45...0.55).contains(fill), "fill \(fill)")
    }

    @Test(
        "sizing: m = ⌈−n·ln p / (ln 2)²⌉ bits, k = round((m/n)·ln 2) hashes",
        arguments: [
            (1_000, 0.01, 9_586, 7), (10_000, 0.01, 95_851, 7), (1_000_000, 0.01, 9_585_059, 7),
            (1_000, 0.001, 14_378, 10), (100, 0.5, 145, 1),
        ])
    func sizingMatchesTheFormulas(expected n: Int, rate p: Double, bits: Int, hashes: Int) throws {
        let parameters = try BloomFilter.optimalParameters(expectedCount: n, falsePositiveRate: p)
        #expect(parameters.bitCount == bits && parameters.hashCount == hashes)
        let filter = try BloomFilter(expectedCount: n, falsePositiveRate: p)
        #expect(filter.bitCount == bits && filter.hashCount == hashes && filter.setBitCount == 0)
    }

    @Test("inserting 10 × the expected count: 99 % of absent keys look present")
    func overfillingDrivesFalsePositivesUp() throws {
        var filter = try BloomFilter(expectedCount: 1_000, falsePositiveRate: 0.01)
        for key in Self.keys(10_000, prefix: "present", seed: 3) { filter.insert(key) }
        let absent = Self.keys(2_000, prefix: "absent", seed: 4)
        let rate = Double(absent.filter(filter.mightContain).count) / Double(absent.count)
        #expect(rate > 0.97, "measured \(rate)")
        #expect(filter.estimatedFalsePositiveRate > 0.97, "the filter can tell it is over-full")
    }

    @Test("union is bit-for-bit the filter of both key sets; different parameters throw")
    func unionEqualsTheFilterOfBothKeySets() throws {
        let first = Self.keys(500, prefix: "a", seed: 5)
        let second = Self.keys(500, prefix: "b", seed: 6)
        var left = try BloomFilter(expectedCount: 1_000, falsePositiveRate: 0.01, seed: 9)
        var right = left
        var both = left
        for key in first { left.insert(key) }
        for key in second { right.insert(key) }
        for key in first + second { both.insert(key) }
        let union = try left.union(right)
        let lost = (first + second).filter { !union.mightContain($0) }.count
        #expect(lost == 0, "inserted keys missing from the union")
        let identical = union == both  // compared outside #expect: a failure would print every word
        #expect(identical, "the union has \(union.setBitCount) bits set, the filter of both \(both.setBitCount)")
        let commutes = try right.union(left) == union
        #expect(commutes)

        let otherSeed = try BloomFilter(expectedCount: 1_000, falsePositiveRate: 0.01, seed: 10)
        let otherSize = try BloomFilter(bitCount: left.bitCount + 1, hashCount: left.hashCount, seed: 9)
        let otherHashes = try BloomFilter(bitCount: left.bitCount, hashCount: left.hashCount + 1, seed: 9)
        for other in [otherSeed, otherSize, otherHashes] {
            #expect(throws: ParameterError.mismatchedParameters) { try left.union(other) }
        }
    }

    @Test("keys share bits: clearing one key's bits would make other inserted keys vanish")
    func deletingByClearingBitsCausesFalseNegatives() throws {
        var filter = try BloomFilter(expectedCount: 1_000, falsePositiveRate: 0.01)
        let keys = Self.keys(1_000, prefix: "present", seed: 7)
        for key in keys { filter.insert(key) }
        // A model of the filter's bits, so the "delete" can be simulated.
        var bits = Set(keys.flatMap(filter.bitIndices(for:)))
        #expect(bits.count == filter.setBitCount)
        let victim = keys[0]
        bits.subtract(filter.bitIndices(for: victim))
        let lost = keys.dropFirst().filter { !Set(filter.bitIndices(for: $0)).isSubset(of: bits) }
        #expect(!lost.isEmpty, "some other key shares a bit with \(victim)")
    }

    @Test("the hash is a pure function of the bytes: bit positions are hard-coded here")
    func bitPositionsAreStableAcrossProcesses() throws {
        // The same value as ConsistentHashing.stableHash("user:42").
        #expect(BloomFilter.stableHash("user:42", seed: 0) == 0x9988_17be_e671_8248)
        #expect(BloomFilter.stableHash("user:42", seed: 1) != BloomFilter.stableHash("user:42", seed: 0))
        let filter = try BloomFilter(bitCount: 95_851, hashCount: 7)
        #expect(filter.bitIndices(for: "user:42") == [29_349, 71_582, 17_964, 60_197, 6_579, 48_812, 91_045])
        #expect(Set(filter.bitIndices(for: "user:42")).count == 7, "seven different bits")
    }

    @Test(
        "bad parameters throw errors that name the value",
        arguments: [
            (0, 0.01, ParameterError.nonPositiveExpectedCount(0)),
            (-5, 0.01, .nonPositiveExpectedCount(-5)),
            (100, 0, .falsePositiveRateOutOfRange(0)),
            (100, 1, .falsePositiveRateOutOfRange(1)),
            (100, -0.1, .falsePositiveRateOutOfRange(-0.1)),
            (100, 1.5, .falsePositiveRateOutOfRange(1.5)),
        ])
    func badSizingIsRejected(expected n: Int, rate p: Double, error: ParameterError) {
        #expect(throws: error) { try BloomFilter(expectedCount: n, falsePositiveRate: p) }
        #expect(!error.description.isEmpty)
    }

    @Test("NaN rates, absurd sizes and empty filters are rejected, not truncated")
    func badShapesAreRejected() {
        #expect {
            try BloomFilter(expectedCount: 100, falsePositiveRate: .nan)
        } throws: { error in
            guard case .falsePositiveRateOutOfRange(let rate) = error as? ParameterError else { return false }
            return rate.isNaN
        }
        #expect {
            try BloomFilter(expectedCount: .max, falsePositiveRate: 1e-9)
        } throws: { error in
            guard case .filterTooLarge = error as? ParameterError else { return false }
            return true
        }
        #expect(throws: ParameterError.bitCountOutOfRange(0)) { try BloomFilter(bitCount: 0, hashCount: 3) }
        #expect(throws: ParameterError.bitCountOutOfRange(BloomFilter.maximumBitCount + 1)) {
            try BloomFilter(bitCount: BloomFilter.maximumBitCount + 1, hashCount: 3)
        }
        #expect(throws: ParameterError.nonPositiveHashCount(0)) { try BloomFilter(bitCount: 64, hashCount: 0) }
    }
}
