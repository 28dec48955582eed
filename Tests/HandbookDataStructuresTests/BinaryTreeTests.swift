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
