import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Consistent hashing", .timeLimit(.minutes(1)))
struct ConsistentHashingTests {
    typealias Ring = ConsistentHashing.Ring

    static let fourNodes = ["node-a", "node-b", "node-c", "node-d"]
    static let keys = (0..<10_000).map { "key-\($0)" }

    static func owners(_ ring: Ring) -> [String] {
        keys.map(ring.node(for:))
    }

    @Test("10 000 keys spread within ±20 % of fair over 4 nodes × 100 virtual nodes")
    func spreadIsEven() throws {
        let ring = try Ring(nodes: Self.fourNodes, virtualNodesPerNode: 100)
        var counts: [String: Int] = [:]
        for owner in Self.owners(ring) { counts[owner, default: 0] += 1 }
        #expect(Set(counts.keys) == Set(Self.fourNodes))
        for (node, count) in counts {
            #expect((2_000...3_000).contains(count), "\(node) owns \(count) of 10 000 keys (fair: 2 500)")
        }
    }

    @Test("adding a 5th node remaps about 1/5 of keys, all of them to the new node; modulo remaps about 4/5")
    func addingANodeMovesAFifth() throws {
        var ring = try Ring(nodes: Self.fourNodes, virtualNodesPerNode: 100)
        let before = Self.owners(ring)
        try ring.addNode("node-e")
        let after = Self.owners(ring)
        let moved = zip(before, after).filter { $0 != $1 }
        #expect(moved.count > 1_000 && moved.count < 3_000, "moved \(moved.count) of 10 000")
        #expect(moved.allSatisfy { $0.1 == "node-e" })

        // The pitfall: hash % n. Going from 4 to 5 nodes moves most keys.
        let moduloMoved = Self.keys.filter {
            ConsistentHashing.moduloOwner(of: $0, nodes: Self.fourNodes)
                != ConsistentHashing.moduloOwner(of: $0, nodes: Self.fourNodes + ["node-e"])
        }
        #expect(moduloMoved.count > 7_000, "modulo moved \(moduloMoved.count) of 10 000")
    }

    @Test("removing a node moves only its own keys, spread over the remaining nodes")
    func removingANodeMovesOnlyItsKeys() throws {
        var ring = try Ring(nodes: Self.fourNodes, virtualNodesPerNode: 100)
        let before = Self.owners(ring)
        try ring.removeNode("node-b")
        let after = Self.owners(ring)
        for (old, new) in zip(before, after) {
            if old == "node-b" {
                #expect(new != "node-b")
            } else {
                #expect(new == old)
            }
        }
        // Virtual nodes spread node-b's load over all three survivors.
        let heirs = Set(zip(before, after).filter { $0.0 == "node-b" }.map(\.1))
        #expect(heirs == ["node-a", "node-c", "node-d"])
        #expect(ring.nodes == ["node-a", "node-c", "node-d"])
    }

    @Test(
        "owners are hard-coded: a stable hash gives the same answer in every process",
        arguments: [
            ("user:1", "node-d"), ("user:2", "node-c"), ("user:42", "node-d"), ("session:abc", "node-a"),
            ("order:2024-0001", "node-c"), ("", "node-c"), ("ключ", "node-b"), ("🔑", "node-b"),
        ])
    func ownersAreStableAcrossRuns(key: String, owner: String) throws {
        let ring = try Ring(nodes: Self.fourNodes, virtualNodesPerNode: 100)
        #expect(ring.node(for: key) == owner)
        // Insertion order does not matter either.
        let shuffled = try Ring(nodes: Self.fourNodes.reversed(), virtualNodesPerNode: 100)
        #expect(shuffled.node(for: key) == owner)
    }

    @Test("FNV-1a 64 matches the published test vectors")
    func fnvTestVectors() {
        #expect(ConsistentHashing.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(ConsistentHashing.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(ConsistentHashing.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
        #expect(ConsistentHashing.stableHash("user:42") == 0x9988_17be_e671_8248)
    }

    /// The definition, by brute force: scan every point, take the smallest
    /// hash at or after the key's, else the smallest overall.
    static func bruteForceOwner(of key: String, points: [(hash: UInt64, node: String)]) -> String {
        let hash = ConsistentHashing.stableHash(key)
        let atOrAfter = points.filter { $0.hash >= hash }
        let winner =
            atOrAfter.min { ($0.hash, $0.node) < ($1.hash, $1.node) }
            ?? points.min { ($0.hash, $0.node) < ($1.hash, $1.node) }
        return winner!.node
    }

    @Test("binary-search lookup agrees with a brute-force scan of the ring for random rings and keys")
    func matchesBruteForce() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 1...6), Gen.int(in: 1...8), Gen.int(in: 0...1_000_000).array(of: 1...20)
        ) { nodeCount, virtualNodes, keyCodes in
            do {
                let nodes = (0..<nodeCount).map { "server-\($0)" }
                var ring = try Ring(nodes: nodes, virtualNodesPerNode: virtualNodes)
                let keys = keyCodes.map { "k\($0)" }
                var points = ring.pointsInRingOrder
                #expect(keys.map(ring.node(for:)) == keys.map { Self.bruteForceOwner(of: $0, points: points) })
                if nodeCount > 1 {
                    try ring.removeNode("server-0")
                    points = ring.pointsInRingOrder
                    #expect(keys.map(ring.node(for:)) == keys.map { Self.bruteForceOwner(of: $0, points: points) })
                }
                #expect(ring.pointsInRingOrder.count == ring.nodes.count * virtualNodes)
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        }
    }

    @Test(
        "bad configuration and membership changes throw clear errors",
        arguments: [
            ([String](), 100, ConsistentHashing.ConfigurationError.noNodes),
            (["a"], 0, .nonPositiveVirtualNodes(0)),
            (["a"], -3, .nonPositiveVirtualNodes(-3)),
            (["a", "b", "a"], 10, .duplicateNode("a")),
        ])
    func configurationValidation(nodes: [String], virtualNodes: Int, expected: ConsistentHashing.ConfigurationError) {
        #expect(throws: expected) { try Ring(nodes: nodes, virtualNodesPerNode: virtualNodes) }
        #expect(!expected.description.isEmpty)
    }

    @Test("adding a present node, removing an absent one, or removing the last one throws")
    func membershipErrors() throws {
        var ring = try Ring(nodes: ["a", "b"], virtualNodesPerNode: 10)
        #expect(throws: ConsistentHashing.ConfigurationError.duplicateNode("a")) { try ring.addNode("a") }
        #expect(throws: ConsistentHashing.ConfigurationError.unknownNode("z")) { try ring.removeNode("z") }
        try ring.removeNode("a")
        #expect(throws: ConsistentHashing.ConfigurationError.removingLastNode("b")) { try ring.removeNode("b") }
        #expect(ring.nodes == ["b"] && ring.node(for: "anything") == "b")
    }
}
