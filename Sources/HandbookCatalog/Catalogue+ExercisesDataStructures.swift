extension Catalogue {
    /// Phase 4 data structures: write the operations an interviewer asks for, judged by the oracle tests.
    static let dataStructureExercises: [Exercise] = [
        Exercise(
            id: "stack",
            lesson: "ds.stack",
            file: "Sources/HandbookDataStructures/ArrayStack.swift",
            blanks: [
                "public mutating func push(_ element: Element)",
                "public mutating func pop() -> Element?",
                "public mutating func removeTop() -> Element",
                "public func peek() -> Element?",
                "public func makeIterator() -> Iterator",
            ],
            prompt: """
                Write push(_:), pop(), peek(), removeTop() and makeIterator() of ArrayStack, a struct over the \
                ContiguousArray storage. push and pop are amortized O(1) and peek is O(1); pop() and peek() return \
                nil on an empty stack, while removeTop() traps there with a message containing "removeTop() on an \
                empty ArrayStack". Iteration runs from the top to the bottom, the order pop gives (the literal \
                ["a", "b", "c"] iterates c, b, a), and a popped object must be freed as soon as the caller drops \
                it.
                """,
            difficulty: .easy, minutes: 10,
            hints: [
                "Which end of an array can you add to and remove from in O(1)? Make that end the top.",
                "push appends, pop is popLast(), peek is last; removeTop checks with precondition, then "
                    + "removeLast().",
                "The iterator wraps a reversed view: Iterator(base: storage.reversed().makeIterator()).",
            ]),
        Exercise(
            id: "queue",
            lesson: "ds.queue",
            file: "Sources/HandbookDataStructures/RingBufferQueue.swift",
            blanks: [
                "public mutating func enqueue(_ element: Element) -> Bool",
                "public mutating func dequeue() -> Element?",
                "func copy(capacity: Int) -> Storage",
                "private mutating func makeUniqueAndRoomForOneMore()",
            ],
            prompt: """
                Write the ring buffer of RingBufferQueue: enqueue(_:), dequeue(), Storage.copy(capacity:) and \
                makeUniqueAndRoomForOneMore(). Logical element i lives in slot (head + i) % slots.count; dequeue \
                is O(1), enqueue amortized O(1). A bounded queue (maximumCount set) never grows and enqueue \
                returns false when it is full, leaving it unchanged; a growable one doubles when full, to at least \
                4 slots (the tests expect capacity 4 after four enqueues into an empty queue, then 8), copying the \
                elements in logical order so that the new head is 0. dequeue() returns nil when empty and sets the \
                vacated slot to nil so that a dequeued object is freed (a test checks this), and copies of a queue \
                must never see each other's writes.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "Keep head and count rather than head and tail: head == tail would mean both empty and full.",
                "enqueue: return false if isFull; when count == slots.count replace the storage by "
                    + "copy(capacity: max(4, 2 * slots.count)), else makeUnique(); write at slotIndex(ofOffset: "
                    + "count). dequeue: guard non-empty, makeUnique(), take the head slot, advance head modulo the "
                    + "slot count.",
                "storage.slots[head].take() returns the element and leaves nil behind; copy(capacity:) reads "
                    + "slots[(head + offset) % slots.count] for offset in 0..<count.",
            ]),
        Exercise(
            id: "linked-list",
            lesson: "ds.linked-list",
            file: "Sources/HandbookDataStructures/SinglyLinkedList.swift",
            blanks: [
                "public func reverse()",
                "public static func middleNode(startingAt head: Node?) -> Node?",
                "public static func hasCycle(startingAt head: Node?) -> Bool",
            ],
            prompt: """
                Write three pointer routines of SinglyLinkedList: reverse() in place (O(n) time, O(1) extra space, \
                no new nodes), and the static middleNode(startingAt:) and hasCycle(startingAt:), each one pass \
                with a slow and a fast pointer and O(1) space. reverse() must also move tail: the tests append \
                after reversing empty, one-element and longer lists, and the debug invariant check traps if the \
                tail keeps a successor. middleNode returns the second middle of an even-length chain ([1...6] \
                gives 4) and nil for an empty one; hasCycle compares nodes by identity (a chain of equal values is \
                not a cycle), returns false for nil and must detect a self-loop.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "After reversing, which node is the new tail, and where did it sit before?",
                "Reverse with three references: save node.next, point node.next at previous, advance previous "
                    + "and current; finally head = previous. Floyd: the slow pointer moves one step and the fast "
                    + "one two; inside a cycle they must meet.",
                "Middle: loop while fast?.next exists (slow = slow?.next, fast = fast?.next?.next). Cycle: "
                    + "loop while fast?.next?.next exists and test slow === fast after each step.",
            ]),
        Exercise(
            id: "binary-tree.traversals",
            lesson: "ds.binary-tree",
            file: "Sources/HandbookDataStructures/BinaryTree.swift",
            blanks: [
                "public func iterativeTraversal(_ order: Order) -> [Element]",
                """
                private static func foldPostorder<Result>(
                        _ root: Node?, empty: Result, _ combine: (Node, Result, Result) -> Result
                    ) -> Result
                """,
            ],
            prompt: """
                Write iterativeTraversal(_:) for the four orders (inorder, preorder, postorder, levelOrder) with \
                an explicit stack or queue, no recursion: it must return the same arrays as the recursive \
                traversal(_:) ([4, 2, 5, 1, 3], [1, 2, 4, 5, 3], [4, 5, 2, 3, 1] and [1, 2, 3, 4, 5] for the seed \
                tree; [] when empty) and cope with 100,000-node paths of any shape. Also write the private \
                foldPostorder(_:empty:_:) that height, diameter and isBalanced are built on: combine(node, left, \
                right) receives the results of the node's two subtrees (empty for a missing child), and an empty \
                tree folds to empty; evaluate it with explicit stacks. Both are O(n) time; min() and max() go \
                through the iterative preorder too.
                """,
            difficulty: .hard, minutes: 40,
            hints: [
                "Recursion keeps 'where was I?' on the call stack; what must your own stack remember for each "
                    + "order?",
                "Inorder: push the whole left spine, pop and visit, then continue with the right child. "
                    + "Preorder: pop, visit, push right before left. Level order: an array with a head index "
                    + "(removeFirst() is O(n)). Postorder: peek at the top; go right if there is a right child you "
                    + "did not just visit, else visit and pop (remember the last visited node).",
                "foldPostorder: a stack of (node, childrenDone) plus a stack of results; push (node, true), "
                    + "then right and left; a nil node pushes empty, a done node pops right then left and pushes "
                    + "combine(node, left, right).",
            ]),
        Exercise(
            id: "binary-tree.serialization",
            lesson: "ds.binary-tree",
            file: "Sources/HandbookDataStructures/BinaryTree.swift",
            blanks: [
                "public func serialized() -> String",
                "public init(serialized text: String) throws(BinaryTreeDecodingError)",
            ],
            prompt: """
                Write serialized() and init(serialized:) (LeetCode 297): preorder values joined by commas, with \
                nullMarker "#" for every absent child, so the seed tree gives "1,2,4,#,#,5,#,#,3,#,#" and the \
                empty tree "#". Decoding rebuilds an equal tree with the right count or throws \
                BinaryTreeDecodingError: invalidToken(token, position:) for the first token, in reading order, \
                that is neither "#" nor an Element (the empty token included: "" and "1,,#"), unexpectedEnd when \
                the tokens stop before the tree is complete ("1,2"), trailingTokens(position:) with the index of \
                the first unread token ("1,#,#,#" gives 3). Both directions must be iterative (a 200,000-token \
                malformed string and 100,000-node paths are tested) and split on the comma Unicode scalar, not on \
                Characters, so that String values starting with a combining mark round-trip.
                """,
            difficulty: .hard, minutes: 40,
            hints: [
                "Why does preorder alone not fix the shape, and what does a marker for every missing child "
                    + "add?",
                "Encode with a stack of optional nodes: pop; nil appends \"#\", a node appends its description "
                    + "and pushes right, then left. Decode with a stack of (parent, leftDone) frames: the next "
                    + "token becomes the left child, or the right child once the left is done; push every non-nil "
                    + "child as a new frame.",
                "text.unicodeScalars.split(separator: \",\", omittingEmptySubsequences: false) keeps empty "
                    + "tokens and ignores how graphemes join.",
            ]),
        Exercise(
            id: "bst.delete",
            lesson: "ds.bst",
            file: "Sources/HandbookDataStructures/BinarySearchTree.swift",
            blanks: [
                "public mutating func remove(_ element: Element) -> Element?",
                "private static func subtreeWithoutRoot(_ node: Node) -> Node?",
            ],
            prompt: """
                Write remove(_:) of BinarySearchTree and its helper subtreeWithoutRoot(_:), the three cases of \
                deletion: a leaf is unlinked, a node with one child is replaced by that child, and a node with two \
                children takes the value of its inorder successor (the leftmost node of its right subtree), which \
                is then spliced out. remove returns the removed element, or nil when it is absent, and keeps count \
                up to date; the tests check the exact preorder after each case, the root included. O(height) with \
                loops only (a 100,000-node chain is tested), and the tree is a copy-on-write value: call \
                makeUnique() before changing any node, so that a copy's removal leaves the original intact.
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "Find the node and its parent in one loop; the parent's link (or root when there is no "
                    + "parent) is what gets re-pointed.",
                "subtreeWithoutRoot switches on (node.left, node.right): no child gives nil, one child gives "
                    + "that child; with two, walk to the successor while tracking its parent, copy its value into "
                    + "node, give the successor's right subtree to its parent, and return node.",
                "If the successor is node.right itself, set node.right = successor.right; otherwise "
                    + "parent.left = successor.right. Read node.value before you overwrite it.",
            ]),
        Exercise(
            id: "bst.validate",
            lesson: "ds.bst",
            file: "Sources/HandbookDataStructures/BinarySearchTree.swift",
            blanks: [
                "public var isValid: Bool"
            ],
            prompt: """
                Write isValid (LeetCode 98): whether every node lies strictly between the bounds set by all of its \
                ancestors, so the left subtree holds only smaller values, the right only larger ones, and no value \
                repeats. The tests build trees by hand with init(uncheckedRoot:): a 4 in the right subtree of 5 \
                (below its parent 7) must be rejected although isValidCheckingOnlyChildren accepts it, a left \
                child equal to its parent is invalid, the empty tree is valid, and a violation at the bottom of a \
                100,000-node chain must be found without recursion. O(n) time.
                """,
            difficulty: .easy, minutes: 15,
            hints: [
                "Comparing each node with its own children is not enough: which values constrain a node deep "
                    + "inside a subtree?",
                "Carry (node, lower, upper) on an explicit stack, starting with (root, nil, nil): a left "
                    + "child gets (lower, node.value), a right child (node.value, upper); a nil bound means "
                    + "unbounded.",
                "Another valid answer: an inorder walk must be strictly increasing.",
            ]),
        Exercise(
            id: "heap",
            lesson: "ds.heap",
            file: "Sources/HandbookDataStructures/BinaryHeap.swift",
            blanks: [
                "private mutating func siftUp(from index: Int)",
                "private mutating func siftDown(from index: Int)",
                "public mutating func removeMin() -> Element",
                "public init(_ elements: some Sequence<Element>, by areInIncreasingOrder: @escaping (Element, Element) -> Bool)",
            ],
            prompt: """
                Write the core of BinaryHeap: siftUp(from:), siftDown(from:), removeMin() and the heapify \
                initializer init(_:by:). The heap orders by areInIncreasingOrder, so the same code is a min-heap \
                with < and a max-heap with >; storage[0] orders first and the children of index i are 2i + 1 and \
                2i + 2. removeMin() is O(log n) and traps on an empty heap with a message containing "empty \
                BinaryHeap" (popMin() returns nil instead). init(_:by:) must be O(n): the tests count comparisons \
                while heapifying 1,024 descending numbers and allow at most 3n, the debug invariant check \
                included; draining a heap must give sorted output, duplicates kept.
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "Insert appends a leaf and lets it rise; removal moves the last leaf to the root and lets it "
                    + "sink.",
                "siftDown swaps the parent with whichever child orders first, and stops when neither child "
                    + "orders before it. Heapify sifts down every parent, from the last one back to the root: "
                    + "leaves are already heaps.",
                "for parent in stride(from: storage.count / 2 - 1, through: 0, by: -1) { siftDown(from: "
                    + "parent) }",
            ]),
        Exercise(
            id: "hash-map",
            lesson: "ds.hash-map",
            file: "Sources/HandbookDataStructures/ChainedHashMap.swift",
            blanks: [
                "private func bucketIndex(for key: Key, bucketCount: Int) -> Int",
                "public mutating func updateValue(_ value: Value, forKey key: Key) -> Value?",
                "public mutating func removeValue(forKey key: Key) -> Value?",
                "private mutating func resize(to newBucketCount: Int)",
            ],
            prompt: """
                Write the core of ChainedHashMap: bucketIndex(for:bucketCount:), updateValue(_:forKey:), \
                removeValue(forKey:) and resize(to:). Each bucket is an array of (key, value) entries; updateValue \
                and removeValue return the old value like Dictionary (nil when the key was new or absent). The \
                bucket count starts at 8, stays a power of two and doubles as soon as count exceeds 3/4 of it (the \
                7th key in 8 buckets grows the map to 16; 10,000 keys end in 16,384), and a resize must re-file \
                every key. The index must never be negative, whatever hashValue is; the tests call \
                _checkInvariants(), which traps when a key sits outside the bucket bucketIndex selects or appears \
                twice. O(1) on average per operation, and a constant hash must stay correct (one long chain).
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "hashValue can be negative; with a power-of-two bucket count, which bits of it can you simply "
                    + "keep?",
                "Search the key's bucket with firstIndex(where:): update in place, or append, count += 1 and "
                    + "grow when count * 4 > buckets.count * 3. resize builds empty buckets and re-inserts every "
                    + "entry with the new bucket count.",
                "key.hashValue & (bucketCount - 1). Order inside a chain does not matter, so removal can swap "
                    + "the entry with the chain's last one and removeLast().",
            ]),
        Exercise(
            id: "lru-cache",
            lesson: "ds.lru-cache",
            file: "Sources/HandbookDataStructures/LRUCache.swift",
            blanks: [
                """
                /// - Complexity: O(1) on average (one hash lookup, four pointer writes).
                    public func value(forKey key: Key) -> Value?
                """,
                """
                /// - Complexity: O(1) on average.
                    @discardableResult
                    public func setValue(_ value: Value, forKey key: Key) -> (key: Key, value: Value)?
                """,
                "private func insertAtFront(_ node: Node)",
                "private func unlink(_ node: Node)",
            ],
            prompt: """
                Write LRUCache's value(forKey:) and setValue(_:forKey:) and the list surgery insertAtFront(_:) and \
                unlink(_:): a [Key: Node] dictionary plus a doubly linked list between the head and tail \
                sentinels, newest at head.next, oldest at tail.previous, every operation O(1). A read is a use and \
                moves the entry to the front; setValue on an existing key updates the value, refreshes it and \
                evicts nothing; a new key in a full cache evicts the least recently used entry, deletes it from \
                the dictionary and returns it as (key, value), else nil. The tests replay LeetCode 146 and a \
                random recency oracle, check oldest and newest, and check that evicted and overwritten values are \
                freed at once.
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "With two sentinels every real node always has a previous and a next: no empty-list branches.",
                "insertAtFront links the node between head and head.next (four pointer writes); unlink joins "
                    + "node.previous and node.next. setValue: a hit updates and calls moveToFront; a miss files a "
                    + "new Node, inserts it at the front, and if count > capacity evicts tail.previous.",
                "The node stores its key so that eviction can do nodes[oldest.key] = nil; `tail.previous as? "
                    + "Node` is nil only for the head sentinel.",
            ]),
    ]

}
