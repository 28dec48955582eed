import HandbookMemory
import PropertyBased
import Testing

@Suite("Dictionary capacity")
struct DictionaryCapacityTests {
    typealias Lesson = DictionaryCapacity

    @Test("minimumCapacity: 1000 then 1000 inserts: capacity ≥ 1000 and unchanged (no rehash)")
    func presizedNeverGrows() {
        let report = Lesson.presized(count: 1_000)
        #expect(report.initialCapacity >= 1_000)
        #expect(report.finalCapacity == report.initialCapacity)
    }

    @Test("a growing dictionary resizes only when full, and at least doubles each time")
    func growsGeometricallyWhenFull() throws {
        let points = Lesson.growthPoints(inserting: 3_000)
        #expect(points.count <= 13, "\(points.map(\.capacity))")
        for (previous, next) in zip(points, points.dropFirst()) {
            #expect(next.capacity >= 2 * previous.capacity)
            // The insert that triggered the resize was the first one that did not fit.
            #expect(next.count == previous.capacity + 1)
        }
        #expect(try #require(points.last).capacity >= 3_000)
    }

    @Test("removing 90 % of 10 000 keys keeps the capacity: a dictionary never shrinks")
    func removalDoesNotShrink() {
        let (before, after) = Lesson.capacityAfterRemoval(count: 10_000, removing: 9_000)
        #expect(before >= 10_000)
        #expect(after == before)
        var table = Dictionary(uniqueKeysWithValues: (0..<100).map { ($0, $0) })
        let capacity = table.capacity
        table.removeAll(keepingCapacity: true)
        #expect(table.isEmpty && table.capacity == capacity)
    }

    @Test("rebuilding a drained dictionary shrinks it to fit what is left, with the same contents")
    func rebuildingShrinks() {
        var table = Dictionary(uniqueKeysWithValues: (0..<10_000).map { ($0, "v\($0)") })
        for key in 0..<9_000 { table.removeValue(forKey: key) }
        let drainedCapacity = table.capacity
        let compact = Lesson.compacted(table)
        #expect(compact == table)
        #expect(compact.capacity >= 1_000)
        #expect(compact.capacity < 2_000)
        #expect(compact.capacity < drainedCapacity)
    }

    @Test("a constant hash is still correct but compares against every key: ≥ n(n−1)/2 comparisons")
    func constantHashIsCorrectButQuadratic() {
        let count = 300
        let bad = Lesson.EqualityCounter()
        let degenerate = Lesson.insertAndLookUp(count: count, counter: bad) { Lesson.ConstantHashKey($0, counter: bad) }
        #expect(degenerate.allFound)
        #expect(degenerate.comparisons >= count * (count - 1) / 2)

        let good = Lesson.EqualityCounter()
        let spread = Lesson.insertAndLookUp(count: count, counter: good) { Lesson.WellHashedKey($0, counter: good) }
        #expect(spread.allFound)
        // Linear probing at load ≤ ¾ compares a handful of keys per operation; 2n operations ran.
        #expect(spread.comparisons < 10 * count, "well-hashed keys compared \(spread.comparisons) times")
    }

    @Test("a dictionary copy is independent: writes to either side never reach the other")
    func copiesAreIndependent() {
        var original = ["a": 1, "b": 2]
        var copy = original
        copy["a"] = 100
        copy["c"] = 3
        original.removeValue(forKey: "b")
        #expect(original == ["a": 1])
        #expect(copy == ["a": 100, "b": 2, "c": 3])
    }

    @Test("property: count ≤ capacity and capacity never decreases under random inserts and removals (200 cases)")
    func capacityOnlyGrows() async {
        let steps = zip(Gen.int(in: 0...2), Gen.int(in: 0...99)).array(of: 0...150)
        await propertyCheck(count: 200, input: steps) { steps in
            var table: [Int: Int] = [:]
            var oracle: [Int: Int] = [:]
            var highWater = 0
            for (operation, key) in steps {
                if operation < 2 {
                    table[key] = operation
                    oracle[key] = operation
                } else {
                    let removed = table.removeValue(forKey: key)
                    #expect(removed == oracle.removeValue(forKey: key))
                }
                #expect(table.count <= table.capacity)
                #expect(table.capacity >= highWater)
                highWater = table.capacity
            }
            #expect(table == oracle)
            #expect(Lesson.compacted(table) == oracle)
        }
    }
}
