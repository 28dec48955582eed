import HandbookDataStructures
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Binary tree")
struct BinaryTreeTests {
    typealias Tree = BinaryTree<Int>
    typealias Node = BinaryTree<Int>.Node

    /// The Go seed's tree: level-order insert of 1…5.
    ///
    ///         1
    ///       /   \
    ///      2     3
    ///     / \
    ///    4   5
    static var seedTree: Tree { Tree([1, 2, 3, 4, 5]) }

    @Test(
        "level-order insert of 1…5: recursive and iterative traversals give the seed's orders",
        arguments: [
            (Tree.Order.inorder, [4, 2, 5, 1, 3]),
            (.preorder, [1, 2, 4, 5, 3]),
            (.postorder, [4, 5, 2, 3, 1]),
            (.levelOrder, [1, 2, 3, 4, 5]),
        ])
    func traversalsOfTheSeedTree(order: Tree.Order, expected: [Int]) {
        #expect(Self.seedTree.traversal(order) == expected)
        #expect(Self.seedTree.iterativeTraversal(order) == expected)
        #expect(Tree().traversal(order).isEmpty)
        #expect(Tree().iterativeTraversal(order).isEmpty)
    }

    @Test("height is -1 empty, 0 single; diameter counts edges and need not pass through the root")
    func heightAndDiameter() {
        #expect(Tree().height == -1)
        #expect(Tree([7]).height == 0)
        #expect(Self.seedTree.height == 2)
        #expect(Tree().diameter == 0)
        #expect(Tree([7]).diameter == 0)
        #expect(Self.seedTree.diameter == 3)  // 4 → 2 → 1 → 3

        // The longest path lives in the left subtree: 8 → 4 → 2 → 5 → 9 (4 edges), not via 1.
        let offCentre = Tree(
            root: Node(
                1,
                left: Node(2, left: Node(4, left: Node(8)), right: Node(5, right: Node(9)))))
        #expect(offCentre.diameter == 4)
        #expect(offCentre.height == 3)
    }

    @Test("lowest common ancestor: LCA(4,5) is 2; a node is its own ancestor; an absent value gives nil")
    func lowestCommonAncestor() {
        #expect(Self.seedTree.lowestCommonAncestor(of: 4, and: 5) == 2)
        #expect(Self.seedTree.lowestCommonAncestor(of: 4, and: 3) == 1)
        #expect(Self.seedTree.lowestCommonAncestor(of: 2, and: 5) == 2)
        #expect(Self.seedTree.lowestCommonAncestor(of: 5, and: 5) == 5)
        #expect(Self.seedTree.lowestCommonAncestor(of: 4, and: 42) == nil)
        #expect(Tree().lowestCommonAncestor(of: 1, and: 1) == nil)
    }

    @Test("balanced: true for the seed tree, false for a skewed tree and for one unbalanced below the root")
    func balance() {
        #expect(Tree().isBalanced)
        #expect(Self.seedTree.isBalanced)
        let skewed = Tree(root: Node(1, right: Node(2, right: Node(3))))
        #expect(!skewed.isBalanced)
        // Both root subtrees have height 2, so a root-only check says "balanced",
        // but node 2 has a left chain of height 1 and no right child.
        let unbalancedBelow = Tree(
            root: Node(
                1,
                left: Node(2, left: Node(4, left: Node(8))),
                right: Node(3, right: Node(6, right: Node(12)))))
        #expect(!unbalancedBelow.isBalanced)
    }

    @Test("serialize writes preorder with # for absent children; deserialize rebuilds an equal tree")
    func serializationRoundTrip() throws {
        let text = Self.seedTree.serialized()
        #expect(text == "1,2,4,#,#,5,#,#,3,#,#")
        #expect(try Tree(serialized: text) == Self.seedTree)
        #expect(Tree().serialized() == "#")
        #expect(try Tree(serialized: "#") == Tree())
        #expect(try Tree(serialized: "-3,#,#").min() == -3)

        // The pitfall: without null markers two different shapes give the same string.
        let leftChild = Tree(root: Node(1, left: Node(2)))
        let rightChild = Tree(root: Node(1, right: Node(2)))
        #expect(leftChild != rightChild)
        #expect(leftChild.serializedWithoutNullMarkers() == rightChild.serializedWithoutNullMarkers())
        #expect(leftChild.serialized() != rightChild.serialized())
    }

    @Test(
        "a malformed string throws a clear error instead of building part of a tree",
        arguments: [
            ("", BinaryTreeDecodingError.invalidToken("", position: 0)),
            ("1,2", .unexpectedEnd),
            ("1,#", .unexpectedEnd),
            ("1,x,#", .invalidToken("x", position: 1)),
            ("1,#,#,#", .trailingTokens(position: 3)),
            ("#,5", .trailingTokens(position: 1)),
            ("1,,#", .invalidToken("", position: 1)),
        ])
    func malformedStringsThrow(text: String, expected: BinaryTreeDecodingError) {
        #expect(throws: expected) { try Tree(serialized: text) }
        #expect(expected.description.contains(expected == .unexpectedEnd ? "ended" : "position"))
    }

    @Test("a very long malformed string throws instead of overflowing the stack (the decoder is iterative)")
    func deepMalformedStringThrows() {
        let text = Array(repeating: "1", count: 200_000).joined(separator: ",")
        #expect(throws: BinaryTreeDecodingError.unexpectedEnd) { try Tree(serialized: text) }
    }

    // MARK: Deep trees: every operation survives what the decoder can build

    /// The serialized form of a path of `turnsRight.count + 1` nodes valued
    /// 0, 1, 2, …: node i's only child is i + 1, on the right when
    /// `turnsRight[i]`, else on the left. Built without recursion.
    static func serializedPath(turnsRight: [Bool], deepestValue: Int? = nil) -> String {
        var tokens: [String] = []
        for (value, right) in turnsRight.enumerated() {
            tokens.append(String(value))
            if right { tokens.append(Tree.nullMarker) }  // the empty left child comes first
        }
        tokens.append(String(deepestValue ?? turnsRight.count))
        tokens += [Tree.nullMarker, Tree.nullMarker]  // the deepest node is a leaf
        // Each left turn's empty right child follows the whole subtree below it.
        tokens += Array(repeating: Tree.nullMarker, count: turnsRight.filter { !$0 }.count)
        return tokens.joined(separator: ",")
    }

    static let deepPathLength = 100_000

    static func turns(_ shape: String) -> [Bool] {
        let edges = deepPathLength - 1
        switch shape {
        case "left spine": return Array(repeating: false, count: edges)
        case "right spine": return Array(repeating: true, count: edges)
        case "zigzag": return (0..<edges).map { $0 % 2 == 0 }
        default:
            var generator = SeededRandomNumberGenerator(seed: 15)
            return (0..<edges).map { _ in Bool.random(using: &generator) }
        }
    }

    @Test(
        "a 100,000-node path survives every operation: shape, equality, serialization, LCA, min/max, copies",
        arguments: ["left spine", "right spine", "zigzag", "seeded random turns"])
    func deepPathSurvivesEveryOperation(shape: String) throws {
        let n = Self.deepPathLength
        let turns = Self.turns(shape)
        let text = Self.serializedPath(turnsRight: turns)
        let tree = try Tree(serialized: text)
        #expect(tree.count == n)
        #expect(tree.height == n - 1)
        #expect(tree.diameter == n - 1)
        #expect(!tree.isBalanced)
        #expect(tree.serialized() == text)
        #expect(tree == (try Tree(serialized: text)))
        let changedLeaf = try Tree(serialized: Self.serializedPath(turnsRight: turns, deepestValue: -5))
        #expect(tree != changedLeaf)
        #expect(tree.min() == 0 && tree.max() == n - 1)
        #expect(tree.lowestCommonAncestor(of: n - 1, and: n - 2) == n - 2)
        #expect(tree.lowestCommonAncestor(of: n - 1, and: 0) == 0)
        #expect(tree.iterativeTraversal(.preorder) == Array(0..<n))
        for order in [Tree.Order.inorder, .postorder, .levelOrder] {
            #expect(tree.iterativeTraversal(order).count == n)
        }
        #expect(tree.iterativeTraversal(.levelOrder) == Array(0..<n), "a path has one node per level")
        #expect(tree.serializedWithoutNullMarkers() == (0..<n).map(String.init).joined(separator: ","))

        var copy = tree  // shares nodes until the first write copies all 100,000
        copy.insert(-1)
        #expect(copy.count == n + 1 && tree.count == n)
        #expect(copy.height == n - 1)
        #expect(tree.serialized() == text, "the original is untouched")
    }

    @Test("init(root:) copies a hand-built 100,000-node chain without recursion; both chains free cleanly")
    func initFromDeepHandBuiltNodes() {
        let root = Node(0)
        var last = root
        for value in 1..<Self.deepPathLength {
            let next = Node(value)
            if value.isMultiple(of: 3) { last.left = next } else { last.right = next }
            last = next
        }
        let tree = Tree(root: root)
        #expect(tree.count == Self.deepPathLength)
        #expect(tree.height == Self.deepPathLength - 1)
    }

    @Test("the pitfall: the textbook recursive height crashes on a deep path the iterative one measures")
    func recursiveHeightOverflowsTheStack() async {
        #expect(Self.seedTree.recursiveHeight == Self.seedTree.height, "the same answer on a small tree")
        await #expect(processExitsWith: .failure) {
            // A million levels: beyond any default thread stack (8 MB on Linux).
            var generator = SeededRandomNumberGenerator(seed: 1)
            let turns = (0..<999_999).map { _ in Bool.random(using: &generator) }
            let tree = try BinaryTree<Int>(serialized: BinaryTreeTests.serializedPath(turnsRight: turns))
            _ = tree.recursiveHeight
        }
    }

    @Test("String trees round-trip even when a value starts with a combining mark that would join the comma")
    func serializationSplitsOnScalars() throws {
        let values = ["a", "\u{301}b", "\u{200D}c", "d\u{600}", "\u{FE0F}", "🇦", "🇧", "\u{1161}"]
        let tree = BinaryTree(values)
        let decoded = try BinaryTree<String>(serialized: tree.serialized())
        #expect(decoded == tree)
        #expect(decoded.iterativeTraversal(.levelOrder) == values)
    }

    @Test("String trees of recombining pieces round-trip: 1,000 seeded shapes and values")
    func serializationRoundTripsRecombiningStrings() async {
        // Pieces that merge with a neighbouring comma or with each other when joined.
        let pieces = ["a", "\u{301}", "\u{200D}", "\u{FE0F}", "\u{600}", "🇦", "\u{1100}", "\u{1161}", "\r", "\n", "é"]
        let value = Gen.element(of: pieces).map { $0 ?? "a" }.array(of: 0...3).map { $0.joined() }
        await propertyCheck(count: 1_000, input: value.array(of: 0...12)) { values in
            let tree = BinaryTree(values)
            let text = tree.serialized()
            #expect((try? BinaryTree<String>(serialized: text)) == tree, "\(values)")
        }
    }

    @Test("min and max are Optionals: nil for an empty tree, found anywhere in an unordered tree")
    func minAndMax() {
        #expect(Tree().min() == nil)
        #expect(Tree().max() == nil)
        let tree = Tree([3, -7, 12, 0, Int.max, Int.min])
        #expect(tree.min() == Int.min)
        #expect(tree.max() == Int.max)
        #expect(BinaryTree(["pear", "apple"]).min() == "apple")
    }

    @Test("a tree is a value: inserting into a copy, or editing the nodes it was built from, leaves it unchanged")
    func valueSemantics() {
        let original = Self.seedTree
        var copy = original
        copy.insert(6)
        #expect(original.traversal(.levelOrder) == [1, 2, 3, 4, 5])
        #expect(copy.traversal(.levelOrder) == [1, 2, 3, 4, 5, 6])
        #expect(original.count == 5)
        #expect(copy.count == 6)

        let leaf = Node(2)
        let built = Tree(root: Node(1, left: leaf))
        leaf.left = Node(99)
        #expect(built.traversal(.preorder) == [1, 2])
    }

    // MARK: Property tests on random shapes

    /// A random shape: each value walks down from the root, turning left or
    /// right by coin flip, until it finds a free slot. Returns the hand-built
    /// nodes too, so the tests can compute naive answers on them.
    static func randomTree(_ values: [Int], seed: UInt64) -> (root: Node?, tree: Tree) {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var root: Node?
        for value in values {
            guard var node = root else {
                root = Node(value)
                continue
            }
            while true {
                if Bool.random(using: &generator) {
                    guard let left = node.left else {
                        node.left = Node(value)
                        break
                    }
                    node = left
                } else {
                    guard let right = node.right else {
                        node.right = Node(value)
                        break
                    }
                    node = right
                }
            }
        }
        return (root, Tree(root: root))
    }

    static let values = Gen.int(in: -50...50).array(of: 0...30)
    static let seeds = Gen.uint64()

    @Test("on random trees every traversal visits each node once, and iterative equals recursive")
    func traversalsAgreeOnRandomTrees() async {
        await propertyCheck(count: 1_000, input: Self.values, Self.seeds) { values, seed in
            let tree = Self.randomTree(values, seed: seed).tree
            #expect(tree.count == values.count)
            for order in Tree.Order.allCases {
                let recursive = tree.traversal(order)
                #expect(recursive.sorted() == values.sorted())
                #expect(tree.iterativeTraversal(order) == recursive)
            }
        }
    }

    @Test("on random trees deserialize(serialize(t)) == t, and re-serializing gives the same string")
    func serializationRoundTripsOnRandomTrees() async {
        await propertyCheck(count: 1_000, input: Self.values, Self.seeds) { values, seed in
            let tree = Self.randomTree(values, seed: seed).tree
            let text = tree.serialized()
            let decoded = try? Tree(serialized: text)
            #expect(decoded == tree)
            #expect(decoded?.serialized() == text)
        }
    }

    @Test("on random trees the one-pass height, diameter and balance equal the naive O(n²) definitions")
    func shapeAnswersMatchNaiveDefinitions() async {
        func height(_ node: Node?) -> Int {
            guard let node else { return -1 }
            return 1 + max(height(node.left), height(node.right))
        }
        func diameter(_ node: Node?) -> Int {
            guard let node else { return 0 }
            return max(height(node.left) + height(node.right) + 2, diameter(node.left), diameter(node.right))
        }
        func isBalanced(_ node: Node?) -> Bool {
            guard let node else { return true }
            return abs(height(node.left) - height(node.right)) <= 1 && isBalanced(node.left)
                && isBalanced(node.right)
        }
        await propertyCheck(count: 1_000, input: Self.values, Self.seeds) { values, seed in
            let (root, tree) = Self.randomTree(values, seed: seed)
            #expect(tree.height == height(root))
            #expect(tree.diameter == diameter(root))
            #expect(tree.isBalanced == isBalanced(root))
            #expect(tree.min() == values.min())
            #expect(tree.max() == values.max())
        }
    }
}
