import HandbookDataStructures
import PropertyBased
import Testing

@Suite("Open-addressing hash map (the production version)")
struct OpenAddressingHashMapTests {
    /// Every instance hashes the same: all keys share one home slot, so they
    /// form one long probe run.
    struct ConstantHashKey: Hashable {
        var id: Int
        func hash(into hasher: inout Hasher) { hasher.combine(0) }
    }

    /// Hashes only `id % 3`: many keys share homes, runs overlap and wrap.
    struct FewHashesKey: Hashable {
        var id: Int
        func hash(into hasher: inout Hasher) { hasher.combine(id % 3) }
    }

    @Test("put, get, update and delete return old values like Dictionary; the empty string is a key")
    func putGetUpdateDelete() {
        var map: OpenAddressingHashMap = ["": 0, "ada": 36]
        #expect(map[""] == 0 && map["ada"] == 36 && map["bob"] == nil)
        #expect(map.updateValue(37, forKey: "ada") == 36)
        #expect(map.updateValue(1, forKey: "bob") == nil)
        #expect(map.count == 3)
        #expect(map.removeValue(forKey: "ada") == 37)
        #expect(map.removeValue(forKey: "ada") == nil)
        map["bob"] = nil
        #expect(map.count == 1 && map[""] == 0)
        map._checkInvariants()
    }

    @Test("removing a key from the middle of a probe run keeps every later key of the run findable")
    func removalInsideAProbeRunKeepsLaterKeys() {
        var map = OpenAddressingHashMap<ConstantHashKey, Int>()
        for id in 0..<5 { map[ConstantHashKey(id: id)] = id }  // one run of 5 slots
        #expect(map.removeValue(forKey: ConstantHashKey(id: 1)) == 1)
        for id in [0, 2, 3, 4] {
            #expect(map[ConstantHashKey(id: id)] == id, "key \(id) lies beyond the emptied slot")
        }
        #expect(map[ConstantHashKey(id: 1)] == nil)
        map._checkInvariants()
    }

    @Test("the capacity doubles when count would exceed 3/4 of it, and 10,000 keys stay retrievable")
    func resizeKeepsEveryKey() {
        var map = OpenAddressingHashMap<Int, Int>()
        #expect(map.capacity == 8)
        for key in 0..<6 { map[key] = key }
        #expect(map.capacity == 8)
        map[6] = 6  // 7 > 3/4 of 8
        #expect(map.capacity == 16)
        for key in 7..<10_000 { map[key] = -key }
        #expect(map.count == 10_000)
        #expect(map.capacity == 16_384)
        #expect((7..<10_000).allSatisfy { map[$0] == -$0 })
        map._checkInvariants()
    }

    @Test("a copy is independent: writes to it leave the original unchanged")
    func copiesAreIndependent() {
        let original: OpenAddressingHashMap = ["a": 1, "b": 2]
        var copy = original
        copy["a"] = 100
        copy["b"] = nil
        #expect(original["a"] == 1 && original["b"] == 2 && original.count == 2)
        #expect(copy["a"] == 100 && copy["b"] == nil && copy.count == 1)
    }

    @Test("breaking the Hashable contract misses lookups here too; the fix does not")
    func hashableContractViolationMissesLookups() {
        // 200 names over 512 slots: a wrong home slot rarely walks into the right key.
        let names = (0..<200).map { "Name\($0)" }
        var broken = OpenAddressingHashMap<CaseInsensitiveNameBroken, Int>()
        var fixed = OpenAddressingHashMap<CaseInsensitiveName, Int>()
        for (index, name) in names.enumerated() {
            broken[CaseInsensitiveNameBroken(name)] = index
            fixed[CaseInsensitiveName(name)] = index
        }
        let misses = names.count { broken[CaseInsensitiveNameBroken($0.uppercased())] == nil }
        #expect(misses > 100, "\(misses) of 200 case-mismatched lookups missed")
        #expect(names.allSatisfy { fixed[CaseInsensitiveName($0.uppercased())] != nil })
    }

    @Test("updating a value keeps the key stored first, as Dictionary does")
    func updateKeepsTheOriginalKey() {
        var map = OpenAddressingHashMap<CaseInsensitiveName, Int>()
        map[CaseInsensitiveName("Ada")] = 1
        map[CaseInsensitiveName("ADA")] = 2
        #expect(map.map(\.key.text) == ["Ada"] && map[CaseInsensitiveName("ada")] == 2)
    }

    /// Steps are (operation, key, value): 0 put, 1 remove, 2 get. One
    /// expectation per case; the invariants are checked after every step.
    static func agreesWithDictionary<Key: Hashable>(_ steps: [(Int, Int, Int)], key: (Int) -> Key) -> String? {
        var map = OpenAddressingHashMap<Key, Int>()
        var oracle: [Key: Int] = [:]
        for (index, (operation, id, value)) in steps.enumerated() {
            let got: Int?
            let expected: Int?
            switch operation {
            case 0:
                (got, expected) = (map.updateValue(value, forKey: key(id)), oracle.updateValue(value, forKey: key(id)))
            case 1: (got, expected) = (map.removeValue(forKey: key(id)), oracle.removeValue(forKey: key(id)))
            default: (got, expected) = (map[key(id)], oracle[key(id)])
            }
            if got != expected || map.count != oracle.count {
                return
                    "step \(index) (\(operation), \(id)): \(String(describing: got)) vs \(String(describing: expected))"
            }
            map._checkInvariants()
        }
        let contents = Dictionary(uniqueKeysWithValues: map.map { ($0.key, $0.value) })
        return contents == oracle ? nil : "final contents differ"
    }

    @Test("property: random put/remove/get sequences agree with a Dictionary oracle (well-hashed and colliding keys)")
    func randomOperationsMatchDictionary() async {
        let steps = zip(Gen.int(in: 0...2), Gen.int(in: 0...19), Gen.int(in: -100...100)).array(of: 0...80)
        await propertyCheck(count: 1_000, input: steps) { steps in
            let failures = [
                Self.agreesWithDictionary(steps) { $0 },
                Self.agreesWithDictionary(steps) { FewHashesKey(id: $0) },
                Self.agreesWithDictionary(steps) { ConstantHashKey(id: $0) },
            ].compactMap(\.self)
            #expect(failures.isEmpty, "\(failures)")
        }
    }
}
