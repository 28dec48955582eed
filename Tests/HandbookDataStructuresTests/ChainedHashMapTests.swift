import HandbookDataStructures
import PropertyBased
import Testing

@Suite("Chained hash map")
struct ChainedHashMapTests {
    /// A key whose every instance hashes the same: all entries share one chain.
    struct ConstantHashKey: Hashable {
        var id: Int
        func hash(into hasher: inout Hasher) { hasher.combine(0) }
    }

    /// The Go seed's string hash, `h = h*31 + c` (wrapping), before the modulo.
    static func goHash(_ key: String) -> Int {
        key.utf8.reduce(0) { $0 &* 31 &+ Int($1) }
    }

    @Test("put, get, update and delete return old values like Dictionary; the empty string is a key")
    func putGetUpdateDelete() {
        var map = ChainedHashMap<String, Int>()
        #expect(map.isEmpty)
        #expect(map.updateValue(1, forKey: "one") == nil)
        map["two"] = 2
        map[""] = 0
        #expect(map["one"] == 1 && map["two"] == 2 && map[""] == 0)
        #expect(map["three"] == nil)
        #expect(map.updateValue(11, forKey: "one") == 1)
        #expect(map["one"] == 11)
        #expect(map.count == 3)
        #expect(map.removeValue(forKey: "one") == 11)
        #expect(map.removeValue(forKey: "one") == nil)
        map[""] = nil
        #expect(map[""] == nil)
        #expect(map.count == 1)
        #expect(Array(map).map(\.key) == ["two"])
    }

    @Test("a key type with a constant hash puts everything in one chain and still gives correct results")
    func constantHashIsSlowButCorrect() {
        var map = ChainedHashMap<ConstantHashKey, Int>()
        for id in 0..<100 { map[ConstantHashKey(id: id)] = id * id }
        #expect(map.longestChain == 100)  // one O(n) chain: every lookup is a linear scan
        #expect(map.count == 100)
        for id in 0..<100 { #expect(map[ConstantHashKey(id: id)] == id * id) }
        #expect(map.removeValue(forKey: ConstantHashKey(id: 50)) == 2_500)  // from the middle of the chain
        #expect(map[ConstantHashKey(id: 50)] == nil)
        #expect(map[ConstantHashKey(id: 99)] == 9_801)
        map._checkInvariants()
    }

    @Test("strings that collide under Go's h*31 get different Hasher hashes and are all retrievable")
    func goCollisionsAreHarmless() {
        let colliding = ["AaAa", "AaBB", "BBAa", "BBBB"]  // "Aa" and "BB" both hash to 2112 under h*31
        #expect(Set(colliding.map(Self.goHash)).count == 1)
        #expect(Set(colliding.map(\.hashValue)).count == colliding.count)  // SipHash, seeded per process
        var map = ChainedHashMap<String, Int>()
        for (index, key) in colliding.enumerated() { map[key] = index }
        for (index, key) in colliding.enumerated() { #expect(map[key] == index) }
    }

    @Test("the bucket count doubles when count exceeds 3/4 of it, and 10,000 keys stay retrievable")
    func resizeDoublesAndKeepsEveryKey() {
        var map = ChainedHashMap<Int, Int>()
        #expect(map.bucketCount == 8)
        for key in 0..<6 { map[key] = key }
        #expect(map.bucketCount == 8)  // 6 == 3/4 · 8: not over yet
        map[6] = 6
        #expect(map.bucketCount == 16)  // 7 > 6: doubled
        for key in 7..<10_000 { map[key] = -key }
        #expect(map.count == 10_000)
        #expect(map.bucketCount == 16_384)  // 10,000 > 3/4 · 8,192 and <= 3/4 · 16,384
        #expect((0..<10_000).allSatisfy { map[$0] == ($0 < 7 ? $0 : -$0) })
        #expect(Set(map.map(\.key)) == Set(0..<10_000))  // iterating yields exactly the inserted keys
        map._checkInvariants()
    }

    @Test("breaking the Hashable contract (equal keys, different hashes) makes lookups miss; the fix does not")
    func hashableContractViolationMissesLookups() {
        let names = (0..<200).map { "user\($0)" }
        var broken = ChainedHashMap<CaseInsensitiveNameBroken, Int>()
        var brokenDictionary: [CaseInsensitiveNameBroken: Int] = [:]
        var fixed = ChainedHashMap<CaseInsensitiveName, Int>()
        for (index, name) in names.enumerated() {
            broken[CaseInsensitiveNameBroken(name)] = index
            brokenDictionary[CaseInsensitiveNameBroken(name)] = index
            fixed[CaseInsensitiveName(name)] = index
        }
        #expect(CaseInsensitiveNameBroken("USER7") == CaseInsensitiveNameBroken("user7"))  // equal...
        // ...but hashed differently, so most upper-case lookups search the wrong bucket. Which ones miss
        // depends on the per-process seed; that some do is certain (each hits with odds of about 1 in 512 buckets).
        let brokenHits = names.count(where: { broken[CaseInsensitiveNameBroken($0.uppercased())] != nil })
        let dictionaryHits = names.count(where: { brokenDictionary[CaseInsensitiveNameBroken($0.uppercased())] != nil })
        #expect(brokenHits < names.count / 2)
        #expect(dictionaryHits < names.count / 2)  // Dictionary has the same problem: it is the key's bug
        #expect(names.allSatisfy { broken[CaseInsensitiveNameBroken($0)] != nil })  // same casing still hits
        for (index, name) in names.enumerated() {
            #expect(fixed[CaseInsensitiveName(name.uppercased())] == index)
        }
    }

    @Test("String keys hash by canonical equivalence; lowercasing is not case folding")
    func unicodeKeys() {
        var map = ChainedHashMap<String, Int>()
        map["caf\u{E9}"] = 1
        #expect(map["cafe\u{301}"] == 1, "decomposed é finds precomposed é")
        #expect(CaseInsensitiveName("CAF\u{C9}") == CaseInsensitiveName("cafe\u{301}"))
        #expect(CaseInsensitiveName("STRASSE") != CaseInsensitiveName("stra\u{DF}e"), "ß lowercases to itself")
    }

    @Test("a copy is independent: writes to it leave the original unchanged")
    func copiesAreIndependent() {
        let original: ChainedHashMap = ["a": 1, "b": 2]
        var copy = original
        copy["a"] = 100
        copy["c"] = 3
        copy["b"] = nil
        #expect(original["a"] == 1 && original["b"] == 2 && original["c"] == nil)
        #expect(original.count == 2)
        #expect(copy["a"] == 100 && copy["b"] == nil && copy["c"] == 3)
    }

    @Test("property: random put/remove/get sequences agree with a Dictionary oracle (1,000 cases)")
    func randomOperationsMatchDictionary() async {
        // Each step is (operation, key, value): 0 put, 1 remove, 2 get. Few keys, so updates and misses are common.
        let steps = zip(Gen.int(in: 0...2), Gen.int(in: 0...19), Gen.int(in: -100...100)).array(of: 0...80)
        await propertyCheck(count: 1_000, input: steps) { steps in
            var map = ChainedHashMap<Int, Int>()
            var oracle: [Int: Int] = [:]
            for (operation, key, value) in steps {
                switch operation {
                case 0: #expect(map.updateValue(value, forKey: key) == oracle.updateValue(value, forKey: key))
                case 1: #expect(map.removeValue(forKey: key) == oracle.removeValue(forKey: key))
                default: #expect(map[key] == oracle[key])
                }
                #expect(map.count == oracle.count)
            }
            #expect(Dictionary(uniqueKeysWithValues: map.map { ($0.key, $0.value) }) == oracle)
            map._checkInvariants()  // every bucket, not only the ones the mutations touched
        }
    }
}
