import HandbookDataStructures
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Binary search tree")
struct BinarySearchTreeTests {
    typealias Tree = BinarySearchTree<Int>
    typealias Node = BinarySearchTree<Int>.Node

    /// The tree every delete case starts from (60 has one child, 65):
    ///
    ///            50
    ///          /    \
    ///        30      70
    ///       /  \    /  \
    ///     20   40  60   80
    ///                \
    ///                 65
    static var sample: Tree { Tree([50, 30, 70, 20, 40, 60, 80, 65]) }

    @Test("insert keeps order and refuses duplicates; search, min, max and height follow the shape")
    func insertAndSearch() {
        var tree = Self.sample
        #expect(Array(tree) == [20, 30, 40, 50, 60, 65, 70, 80])
        #expect(tree.preorder() == [50, 30, 20, 40, 70, 60, 65, 80])
        #expect(tree.count == 8)
        let insertedDuplicate = tree.insert(40)
        #expect(!insertedDuplicate)  // no duplicates: unchanged
        #expect(tree.count == 8)
        let insertedNew = tree.insert(-5)
        #expect(insertedNew)
        #expect(tree.contains(65) && tree.contains(-5))
        #expect(!tree.contains(66))
        #expect(tree.min() == -5)
        #expect(tree.max() == 80)
        #expect(tree.height == 3)
        #expect(tree.isValid)
    }

    @Test(
        "delete covers leaf, one child, two children (inorder successor) and the root",
        arguments: [
            (20, [50, 30, 40, 70, 60, 65, 80]),  // leaf: unlinked
            (60, [50, 30, 20, 40, 70, 65, 80]),  // one child: 65 lifted into 60's place
            (30, [50, 40, 20, 70, 60, 65, 80]),  // two children: successor 40 is 30's right child
            (70, [50, 30, 20, 40, 80, 60, 65]),  // two children: successor 80 is 70's right child
            (50, [60, 30, 20, 40, 70, 65, 80]),  // the root: successor 60 spliced out, 65 moves up
        ])
    func deleteCases(value: Int, expectedPreorder: [Int]) {
        var tree = Self.sample
        let removed = tree.remove(value)
        #expect(removed == value)
        #expect(tree.preorder() == expectedPreorder)
        #expect(Array(tree) == [20, 30, 40, 50, 60, 65, 70, 80].filter { $0 != value })
        #expect(tree.count == 7)
        #expect(!tree.contains(value))
        #expect(tree.isValid)
    }

    @Test("empty and single-element edge cases: nil results, height -1 then 0, removing the last element")
    func emptyAndSingle() {
        var tree = Tree()
        #expect(tree.isEmpty)
        #expect(tree.min() == nil)
        #expect(tree.max() == nil)
        let removedFromEmpty = tree.remove(1)
        #expect(removedFromEmpty == nil)
        #expect(tree.height == -1)
        #expect(Array(tree).isEmpty)
        tree.insert(Int.min)
        #expect(tree.height == 0)
        #expect(tree.min() == Int.min && tree.max() == Int.min)
        let removedAbsent = tree.remove(42)
        #expect(removedAbsent == nil)
        let removedLast = tree.remove(Int.min)
        #expect(removedLast == Int.min)
        #expect(tree.isEmpty && tree.count == 0)
    }

    @Test("sorted input degenerates to a chain (1…1000 → height 999); a shuffled order stays shallow")
    func degeneration() {
        let sorted = Tree(1...1000)
        #expect(sorted.height == 999)  // a linked list: every operation is O(n)

        var generator = SeededRandomNumberGenerator(seed: 2_024)
        let shuffled = Tree(Array(1...1000).shuffled(using: &generator))
        #expect(shuffled.height < 30)  // random order: O(log n) expected height
        #expect(shuffled.height >= 9)  // no tree of 1000 nodes is shallower than ⌊log₂ 1000⌋
        #expect(Array(sorted) == Array(shuffled))
    }

    /// A right chain 0 → 1 → … → n-1, what sorted inserts build, made by hand
    /// in O(n) (inserting would take O(n²)).
    static func chain(_ n: Int) -> Node {
        let root = Node(0)
        var last = root
        for value in 1..<n {
            let next = Node(value)
            last.right = next
            last = next
        }
        return root
    }

    @Test("a 100,000-node chain: validate, search, remove at both ends and inside, copy on write, free")
    func deepChainSurvivesEveryOperation() {
        let n = 100_000
        let tree = Tree(uncheckedRoot: Self.chain(n))
        #expect(tree.count == n && tree.height == n - 1)
        #expect(tree.isValid && tree.isValidCheckingOnlyChildren)
        #expect(tree.contains(n - 1) && !tree.contains(n))
        #expect(tree.min() == 0 && tree.max() == n - 1)
        #expect(tree.preorder() == Array(0..<n))

        var grown = tree
        let inserted = grown.insert(n)  // a new maximum walks the whole chain
        #expect(inserted)
        #expect(grown.height == n && grown.count == n + 1)

        var copy = tree  // the first removal copies all 100,000 nodes
        #expect(copy.remove(n - 1) == n - 1)  // the deepest leaf
        #expect(copy.remove(0) == 0)  // the root, with one child
        #expect(copy.remove(n / 2) == n / 2)  // inside the chain
        #expect(copy.count == n - 3 && copy.height == n - 4)
        #expect(copy.isValid)
        #expect(tree.count == n && tree.contains(n / 2), "the original is untouched")
        #expect(Array(copy).count == n - 3)
    }

    @Test("isValid catches a violation at the bottom of a 100,000-node chain")
    func deepChainValidation() {
        let root = Self.chain(100_000)
        var deepest = root
        while let next = deepest.right { deepest = next }
        deepest.left = Node(-1)  // in 0's right subtree, so it must exceed 0
        let tree = Tree(uncheckedRoot: root)
        #expect(!tree.isValid)
        #expect(tree.isValidCheckingOnlyChildren, "every node is fine next to its own children")
    }

    @Test("isValid is false for a hand-broken tree that the children-only check wrongly accepts")
    func validation() {
        // 4 is below its parent 7, but it sits in 5's RIGHT subtree, so it must exceed 5.
        let broken = Tree(uncheckedRoot: Node(5, left: Node(3), right: Node(7, left: Node(4), right: Node(8))))
        #expect(!broken.isValid)
        #expect(broken.isValidCheckingOnlyChildren)  // the pitfall
        #expect(Array(broken) == [3, 5, 4, 7, 8])  // inorder is no longer sorted

        let equalChild = Tree(uncheckedRoot: Node(5, left: Node(5)))
        #expect(!equalChild.isValid)  // duplicates break "strictly smaller on the left"

        #expect(Self.sample.isValid)
        #expect(Tree().isValid)
    }

    @Test("works for String: Unicode scalar order, and canonically equivalent strings are one key")
    func strings() {
        var words = BinarySearchTree(["pear", "apple", "fig", "Zebra", "banana"])
        #expect(Array(words) == ["Zebra", "apple", "banana", "fig", "pear"])  // "Z" < "a": not dictionary order
        let insertedPrecomposed = words.insert("caf\u{E9}")
        let insertedDecomposed = words.insert("cafe\u{301}")
        #expect(insertedPrecomposed)
        #expect(!insertedDecomposed)  // é precomposed == e + combining acute
        let removed = words.remove("apple")
        #expect(removed == "apple")
        #expect(words.min() == "Zebra")
        #expect(words.max() == "pear")
        #expect(words.isValid)
    }

    @Test("a tree is a value: mutating a copy, even while iterating the original, leaves the original unchanged")
    func valueSemantics() {
        let original = Self.sample
        var copy = original
        copy.remove(50)
        copy.insert(99)
        #expect(Array(original) == [20, 30, 40, 50, 60, 65, 70, 80])
        #expect(Array(copy) == [20, 30, 40, 60, 65, 70, 80, 99])

        var tree = Tree([2, 1, 3])
        var seen: [Int] = []
        for value in tree {
            seen.append(value)
            tree.insert(value + 10)  // copies the nodes: the iterator keeps its snapshot
        }
        #expect(seen == [1, 2, 3])
        #expect(Array(tree) == [1, 2, 3, 11, 12, 13])
    }

    // MARK: Property tests

    /// An operation code: `code % 3` picks insert, remove or contains, and
    /// `code / 3 - 10` is the value, so values collide often.
    static let operations = Gen.int(in: 0...62).array(of: 0...60)

    /// Small values, or (when `extremes`) values drawn from `extremeIntegers`:
    /// keys are only compared, so `Int.min` and `Int.max` must be ordinary.
    @Test(
        "random insert/remove/contains sequences agree with a Set oracle, and iteration equals sorted(set)",
        arguments: [false, true])
    func matchesSetOracle(extremes: Bool) async {
        await propertyCheck(count: 1_000, input: Self.operations) { codes in
            var tree = Tree()
            var oracle = Set<Int>()
            for code in codes {
                let value = extremes ? extremeIntegers[code / 3 % extremeIntegers.count] : code / 3 - 10
                switch code % 3 {
                case 0:
                    let inserted = tree.insert(value)
                    let expected = oracle.insert(value).inserted
                    #expect(inserted == expected)
                case 1:
                    let removed = tree.remove(value)
                    let expected = oracle.remove(value)
                    #expect(removed == expected)
                default: #expect(tree.contains(value) == oracle.contains(value))
                }
                #expect(tree.count == oracle.count)
            }
            #expect(Array(tree) == oracle.sorted())
            #expect(tree.min() == oracle.min())
            #expect(tree.max() == oracle.max())
            #expect(tree.isValid)
        }
    }

    @Test("inserting a tree's preorder rebuilds the same shape; height stays within its bounds")
    func preorderRebuildsTheShape() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -100...100).array(of: 0...30)) { values in
            let tree = Tree(values)
            let rebuilt = Tree(tree.preorder())
            #expect(rebuilt.preorder() == tree.preorder())
            #expect(rebuilt.height == tree.height)
            let count = Set(values).count
            #expect(tree.count == count)
            // A chain at worst; at best ⌈log₂(n + 1)⌉ - 1, a complete tree.
            #expect(tree.height <= count - 1)
            if count > 0 { #expect(1 << (tree.height + 1) > count) }
        }
    }
}
