/// An unbalanced binary search tree of unique `Comparable` elements: a sorted
/// set whose operations cost O(height), a copy-on-write value over
/// `final class` nodes.
///
/// ```swift
/// var tree = BinarySearchTree([50, 30, 70, 20, 40, 60, 80])
/// tree.insert(40)        // false: no duplicates
/// tree.contains(60)      // true, in O(height)
/// tree.remove(50)        // 50: the root, replaced by its inorder successor 60
/// Array(tree)            // [20, 30, 40, 60, 70, 80]: iteration is inorder, sorted
/// tree.min(), tree.max() // Optional(20), Optional(80)
/// ```
///
/// ## Why interviewers ask this
/// A BST is the smallest structure where an invariant does the work: every
/// value in a node's left subtree is smaller, every value in its right subtree
/// larger, so a search discards half of what is left at each step — if the
/// tree is balanced. Interviewers ask for delete (three cases), for "validate a
/// BST" (LeetCode 98, where the children-only check is the classic wrong
/// answer), and for why sorted input turns the tree into a linked list.
///
/// ## Common pitfalls
/// - Validating by comparing each node only with its children
///   (``isValidCheckingOnlyChildren``): a 4 deep in the right subtree of 5
///   passes that check. Each node must lie within bounds inherited from ALL
///   its ancestors (``isValid``).
/// - Deleting a node with two children by copying its successor's value and
///   forgetting to unlink the successor: the value is then in the tree twice.
///   Deleting the root is the same case: the recursive answer returns the
///   new subtree root, and the loop here re-links "whoever pointed at the
///   node", which is the tree itself for the root.
/// - Assuming O(log n). Inserting sorted keys builds a chain: 1…1000 gives
///   height 999. Real sorted containers balance themselves (red-black, AVL,
///   B-trees); a random insertion order gives an expected height of
///   O(log n).
/// - Recursion on a degenerate tree: a recursive walk over a 100,000-node
///   chain overflows a test thread's stack, and so does freeing or copying
///   one if nodes are released or copied recursively. Every operation here
///   is a loop or an explicit stack, freeing included (``Node``'s `deinit`),
///   and is tested on a 100,000-node chain.
/// - `String` order is Unicode scalar order, not dictionary order:
///   `"Zebra" < "apple"`, and `"café"` written precomposed or with a
///   combining accent is ONE key, because `String ==` is canonical equivalence.
///
/// ## Key takeaway
/// Every operation walks one root-to-leaf path, so everything is O(height):
/// O(log n) when balanced, O(n) when not. Delete is leaf → unlink, one child →
/// lift the child, two children → take the inorder successor's value and
/// splice the successor out. State the invariant and check it in code.
///
/// ## Edges, audited
/// - Depth: no recursion anywhere, freeing and copying included.
/// - Overflow: only `count` arithmetic; element values are only compared.
/// - Unicode: `String` keys compare by canonical equivalence, in scalar
///   order (see the pitfalls); nothing is re-joined.
///
/// ## Go → Swift
/// Go's `bst.go` was written for `int` keys; here one generic type serves any
/// `Comparable` (`Int`, `String`, your own types). `Insert` reports whether it
/// inserted, like `Set.insert`; `remove` returns the removed element or `nil`,
/// and `min()`/`max()` return `nil` on an empty tree instead of a sentinel.
/// The tree conforms to `Sequence`, so `for x in tree`, `Array(tree)` and
/// `map` iterate in sorted order without a visitor callback.
public struct BinarySearchTree<Element: Comparable> {
    /// One node. Build nodes by hand only to try ``isValid`` on trees that
    /// `insert` would never make; ``BinarySearchTree/init(uncheckedRoot:)``
    /// copies them.
    public final class Node {
        public var value: Element
        public var left: Node?
        public var right: Node?

        public init(_ value: Element, left: Node? = nil, right: Node? = nil) {
            self.value = value
            self.left = left
            self.right = right
        }

        // Freeing a chain of nodes would otherwise recurse once per level
        // (sorted inserts build exactly such a chain).
        deinit { detachDescendantsIteratively() }
    }

    private var root: Node?

    /// The number of elements.
    /// - Complexity: O(1).
    public private(set) var count: Int

    /// An empty tree.
    public init() {
        root = nil
        count = 0
    }

    /// A tree holding `elements` inserted in sequence order (duplicates are
    /// skipped). The order decides the shape.
    /// - Complexity: O(n · height).
    public init(_ elements: some Sequence<Element>) {
        self.init()
        for element in elements { insert(element) }
    }

    /// Adopts a copy of a hand-built node graph WITHOUT checking the search
    /// order: ask ``isValid`` whether it is a BST. Mutating a tree that is
    /// not valid is a programmer error and traps in debug builds.
    /// - Precondition: no node is reachable twice from `uncheckedRoot`; a
    ///   cycle would make the copy run until memory is exhausted.
    /// - Complexity: O(n), no recursion.
    public init(uncheckedRoot: Node?) {
        root = Node.deepCopy(uncheckedRoot)
        var count = 0
        Self.forEachInorder(root) { _ in count += 1 }
        self.count = count
    }

    /// Whether the tree has no elements.
    /// - Complexity: O(1).
    public var isEmpty: Bool { root == nil }

    // MARK: Search, insert, remove

    /// Whether `element` is in the tree.
    /// - Complexity: O(height): one comparison per level, versus O(n) for
    ///   `Sequence.contains`.
    public func contains(_ element: Element) -> Bool {
        var current = root
        while let node = current {
            if element < node.value {
                current = node.left
            } else if node.value < element {
                current = node.right
            } else {
                return true
            }
        }
        return false
    }

    /// Inserts `element` unless an equal element is present.
    /// - Returns: `true` if the element was inserted, `false` if it was
    ///   already there (the tree is unchanged).
    /// - Complexity: O(height).
    @discardableResult
    public mutating func insert(_ element: Element) -> Bool {
        if contains(element) { return false }  // a shared tree is not copied for nothing
        makeUnique()
        guard var node = root else {
            root = Node(element)
            count = 1
            checkInvariants()
            return true
        }
        while true {
            if element < node.value {
                guard let left = node.left else {
                    node.left = Node(element)
                    break
                }
                node = left
            } else {
                guard let right = node.right else {
                    node.right = Node(element)
                    break
                }
                node = right
            }
        }
        count += 1
        checkInvariants()
        return true
    }

    /// Removes `element` if present.
    /// - Returns: the removed element, or `nil` if it was not in the tree.
    /// - Complexity: O(height) time, O(1) extra space: a loop finds the node
    ///   and the link that points at it (no recursion, so a degenerate chain
    ///   is fine).
    @discardableResult
    public mutating func remove(_ element: Element) -> Element? {
        guard contains(element) else { return nil }
        makeUnique()
        var parent: Node?
        var current = root
        // Equality as `contains` sees it, through `<` alone: with `!=` a value
        // that `<` cannot order (Double.nan) would be "contained" yet never found.
        while let node = current, element < node.value || node.value < element {
            parent = node
            current = element < node.value ? node.left : node.right
        }
        guard let node = current else { preconditionFailure("BinarySearchTree: contains() found \(element)") }
        let removed = node.value
        let replacement = Self.subtreeWithoutRoot(node)
        // Re-link whoever pointed at the node: the parent, or the tree itself.
        if let parent {
            if parent.left === node { parent.left = replacement } else { parent.right = replacement }
        } else {
            root = replacement
        }
        count -= 1
        checkInvariants()
        return removed
    }

    /// The subtree that takes `node`'s place once its value is removed: the
    /// three cases of BST deletion.
    /// - Complexity: O(height of the right subtree) for two children, O(1)
    ///   otherwise.
    private static func subtreeWithoutRoot(_ node: Node) -> Node? {
        switch (node.left, node.right) {
        case (nil, nil):
            return nil  // a leaf: unlink it
        case (let child?, nil), (nil, let child?):
            return child  // one child: lift it into this position
        case (_?, let right?):
            // Two children: the inorder successor (the leftmost node of the
            // right subtree) is the next larger value, so it can take this
            // node's place without breaking the order. It has no left child.
            var parent = node
            var successor = right
            while let next = successor.left {
                parent = successor
                successor = next
            }
            node.value = successor.value
            // Splice the successor out, handing its right subtree to its parent.
            if parent === node { parent.right = successor.right } else { parent.left = successor.right }
            return node
        }
    }

    // MARK: Queries

    /// The smallest element, or `nil` when the tree is empty.
    /// - Complexity: O(height): the leftmost node (`Sequence.min()` is O(n)).
    public func min() -> Element? {
        guard var node = root else { return nil }
        while let left = node.left { node = left }
        return node.value
    }

    /// The largest element, or `nil` when the tree is empty.
    /// - Complexity: O(height): the rightmost node.
    public func max() -> Element? {
        guard var node = root else { return nil }
        while let right = node.right { node = right }
        return node.value
    }

    /// Edges on the longest root-to-leaf path: −1 empty, 0 for one element.
    /// Counted level by level, so a degenerate chain cannot overflow the stack.
    /// - Complexity: O(n).
    public var height: Int {
        var level = root.map { [$0] } ?? []
        var height = -1
        while !level.isEmpty {
            height += 1
            level = level.flatMap { [$0.left, $0.right].compactMap { $0 } }
        }
        return height
    }

    /// The elements in preorder (node, left, right). Unlike inorder it shows
    /// the shape: inserting this sequence into an empty tree rebuilds it.
    /// - Complexity: O(n).
    public func preorder() -> [Element] {
        var result: [Element] = []
        var stack = root.map { [$0] } ?? []
        while let node = stack.popLast() {
            result.append(node.value)
            if let right = node.right { stack.append(right) }
            if let left = node.left { stack.append(left) }
        }
        return result
    }

    // MARK: Validation: the pitfall and the fix

    /// Whether the search order holds: every node lies strictly between the
    /// bounds set by all of its ancestors (LeetCode 98).
    ///
    /// The interview answer is a recursion that passes `(lower, upper)` down;
    /// here each pending node carries those bounds on an explicit stack, so a
    /// degenerate chain of any length is checked without deep recursion.
    /// - Complexity: O(n) time, O(height) extra space.
    public var isValid: Bool {
        var pending: [(node: Node, lower: Element?, upper: Element?)] = root.map { [($0, nil, nil)] } ?? []
        while let (node, lower, upper) = pending.popLast() {
            if let lower, !(lower < node.value) { return false }
            if let upper, !(node.value < upper) { return false }
            // A left child is bounded above by this node AND below by every bound above it.
            if let left = node.left { pending.append((left, lower, node.value)) }
            if let right = node.right { pending.append((right, node.value, upper)) }
        }
        return true
    }

    /// The pitfall: compares each node only with its own children. A value
    /// deep in a subtree can still be on the wrong side of an ancestor.
    /// - Complexity: O(n) time, O(height) extra space.
    public var isValidCheckingOnlyChildren: Bool {
        var pending = root.map { [$0] } ?? []
        while let node = pending.popLast() {
            if let left = node.left {
                guard left.value < node.value else { return false }
                pending.append(left)
            }
            if let right = node.right {
                guard node.value < right.value else { return false }
                pending.append(right)
            }
        }
        return true
    }

    // MARK: Value semantics and the invariant

    /// Copies the nodes before the first write to a tree that shares them.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&root) {
            root = Self.copy(root)
        }
    }

    private static func copy(_ node: Node?) -> Node? { Node.deepCopy(node) }

    /// Calls `body` with each node in inorder, by an explicit stack (a
    /// recursive walk could overflow on a degenerate chain).
    private static func forEachInorder(_ root: Node?, _ body: (Node) -> Void) {
        var stack: [Node] = []
        var current = root
        while current != nil || !stack.isEmpty {
            while let node = current {
                stack.append(node)
                current = node.left
            }
            let node = stack.removeLast()
            body(node)
            current = node.right
        }
    }

    private func checkInvariants() {
        #if HANDBOOK_INTERNAL_CHECKS
            _checkInvariants()
        #endif
    }

    /// Traps unless an inorder walk is strictly increasing (the BST order, and
    /// no duplicates) and visits exactly `count` nodes.
    /// - Complexity: O(n).
    public func _checkInvariants() {
        var visited = 0
        var previous: Element?
        Self.forEachInorder(root) { node in
            if let previous {
                precondition(previous < node.value, "BinarySearchTree: \(previous) is not below \(node.value)")
            }
            previous = node.value
            visited += 1
        }
        precondition(visited == count, "BinarySearchTree: count is \(count) but \(visited) nodes are reachable")
    }
}

// MARK: - Sorted iteration

extension BinarySearchTree: Sequence {
    /// Walks the tree in inorder, so elements come out sorted.
    public struct Iterator: IteratorProtocol {
        // Holding the tree keeps its root shared, so a mutation of the
        // original while iterating copies the nodes instead of changing them
        // under the iterator.
        private let tree: BinarySearchTree
        private var stack: [Node] = []

        init(_ tree: BinarySearchTree) {
            self.tree = tree
            pushLeftSpine(from: tree.root)
        }

        private mutating func pushLeftSpine(from node: Node?) {
            var current = node
            while let node = current {
                stack.append(node)
                current = node.left
            }
        }

        /// - Complexity: amortized O(1); O(height) extra space.
        public mutating func next() -> Element? {
            guard let node = stack.popLast() else { return nil }
            pushLeftSpine(from: node.right)
            return node.value
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }

    public var underestimatedCount: Int { count }
}

extension BinarySearchTree.Node: LinkedBinaryTreeNode {}
