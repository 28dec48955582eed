extension Catalogue {
    /// Review cards for Phase 4 (data structures, algorithms, LeetCode): each names the test that proves its answer.
    static let fundamentalsCards: [ReviewCard] = [
        ReviewCard(
            id: "ds.stack#b86070b3", lesson: "ds.stack", kind: .recall,
            question: """
                When implementing a stack on top of a Swift array, which end do you treat as the top, and \
                what should pop() return for an empty stack?
                """,
            answer: """
                Make the end of the array the top: append and popLast are amortized O(1), while inserting \
                or removing at index 0 shifts every element, so n pushes would cost O(n²). pop() should \
                return an Optional and give nil when the stack is empty, as popLast does; \
                Array.removeLast() traps on an empty array, so only offer a trapping variant (removeTop) to \
                callers who already know the stack has elements.
                """,
            test: "HandbookDataStructuresTests.ArrayStackTests/emptyStackGivesNil()"),
        ReviewCard(
            id: "ds.stack#cc674e3f", lesson: "ds.stack", kind: .predict,
            question: """
                ArrayStack is a struct wrapping a ContiguousArray; it iterates from top to bottom. What \
                does this print?

                var original: ArrayStack = [1, 2, 3]
                var copy = original
                copy.push(99)
                print(Array(original))
                print(Array(copy))
                """,
            answer: """
                [3, 2, 1] then [99, 3, 2, 1]. The stack is a value type over a copy-on-write array: the \
                copy shares the buffer until the push, which duplicates it once and leaves original alone. \
                Unlike copying a Go struct that holds a slice, the two never see each other's writes.
                """,
            test: "HandbookDataStructuresTests.ArrayStackTests/copiesAreIndependent()"),
        ReviewCard(
            id: "ds.stack#3e2c9c14", lesson: "ds.stack", kind: .predict,
            question: """
                What does this print for the handbook's ArrayStack?

                let stack: ArrayStack = ["a", "b", "c"]
                print(Array(stack))
                """,
            answer: """
                ["c", "b", "a"]. The array literal pushes a, then b, then c, leaving c on top, and the \
                stack's Sequence conformance walks the storage in reverse, from top to bottom, which is the \
                order pop() would return them in.
                """,
            test: "HandbookDataStructuresTests.ArrayStackTests/literalAndLIFOIteration()"),
        ReviewCard(
            id: "ds.stack#a37ab557", lesson: "ds.stack", kind: .recall,
            question: """
                In Go, a pop written as s.items = s.items[:n-1] can leak memory. Does a Swift stack built \
                on popLast have the same problem?
                """,
            answer: """
                No. The Go reslice leaves the popped pointer in the backing array beyond len, so the object \
                stays reachable. Swift's popLast destroys the element in that slot (the capacity stays), so \
                once the caller drops the returned value the object is deallocated; the test checks this \
                with a weak reference that turns nil right after pop().
                """,
            test: "HandbookDataStructuresTests.ArrayStackTests/popReleasesTheElement()"),
        ReviewCard(
            id: "ds.queue#3fd0db28", lesson: "ds.queue", kind: .recall,
            question: """
                Why is dequeuing with Array.removeFirst() a poor queue in Swift, and what is the usual \
                replacement?
                """,
            answer: """
                Array.removeFirst() moves every remaining element down one slot, so each dequeue costs O(n) \
                and emptying n elements costs O(n²). ArraySlice.removeFirst() is O(1) because it only bumps \
                startIndex, but the whole buffer stays alive and its front is never reused. The usual \
                replacement is a ring buffer: a slot array, a head index and a count, where logical \
                position i sits at (head + i) % capacity.
                """,
            test: "HandbookDataStructuresTests.RingBufferQueueTests/removeFirstOnArrayIsLinear()"),
        ReviewCard(
            id: "ds.queue#4fb02aaa", lesson: "ds.queue", kind: .recall,
            question: """
                A full ring buffer has wrapped past its end. What goes wrong if you grow it by copying the \
                old slots one for one, and how do you grow it correctly?
                """,
            answer: """
                A straight slot copy keeps the wrapped elements in front of the older ones: slots [5, 6, 3, \
                4] with head 2, copied as-is into 8 slots, read 3, 4 and then empty slots (or 5, 6, 3, 4 if \
                head is reset to 0), so FIFO order is lost. Copy in logical order instead, starting at head \
                and walking count elements modulo the old capacity, into a buffer twice the size, then set \
                head to 0. Doubling keeps enqueue amortized O(1).
                """,
            test: "HandbookDataStructuresTests.RingBufferQueueTests/growthAcrossTheWrapKeepsOrder()"),
        ReviewCard(
            id: "ds.queue#714643cd", lesson: "ds.queue", kind: .predict,
            question: """
                What do the marked lines produce?

                var queue = RingBufferQueue<Int>(maximumCount: 3)
                queue.enqueue(1); queue.enqueue(2); queue.enqueue(3)
                queue.enqueue(4)      // (a)
                queue.dequeue()       // (b)
                queue.enqueue(4)      // (c)
                Array(queue)          // (d)
                """,
            answer: """
                (a) false, (b) 1, (c) true, (d) [2, 3, 4]. A bounded queue turns down an enqueue while it \
                is full, without growing (its capacity stays 3). The dequeue frees a slot, and the ring \
                reuses it by wrapping around. In place of Go's -1 sentinels, emptiness shows up as nil from \
                dequeue, first and last.
                """,
            test: "HandbookDataStructuresTests.RingBufferQueueTests/boundedQueueRefusesWhenFull()"),
        ReviewCard(
            id: "ds.queue#c72777c4", lesson: "ds.queue", kind: .recall,
            question: """
                Your queue is a struct that stores its ring in a final class. How do you keep value \
                semantics so that mutating a copy never changes the original?
                """,
            answer: """
                Use copy-on-write. Before any mutation, call isKnownUniquelyReferenced(&storage), and if \
                the buffer is shared, replace it with a fresh copy first. Copies then share one buffer \
                until either side writes, and after that they never see each other's changes. Without this \
                check, every copy of the struct would alias the same class instance, just as copies of a Go \
                slice header share one backing array.
                """,
            test: "HandbookDataStructuresTests.RingBufferQueueTests/copiesAreIndependent()"),
        ReviewCard(
            id: "ds.linked-list#b666210b", lesson: "ds.linked-list", kind: .recall,
            question: """
                How do you detect a cycle in a singly linked list of Swift class nodes in O(1) space, and \
                what Swift-specific mistakes must you avoid?
                """,
            answer: """
                Use Floyd's tortoise and hare: slow takes one step and fast takes two, and you only advance \
                while fast?.next?.next exists. If there is a cycle the pointers must meet inside it. \
                Compare nodes by identity with ===, never by value, because repeated values are not a \
                cycle. Also, unlike Go's tracing GC, ARC never frees a cycle of strong next references, so \
                a test that builds a cycle by hand has to break it afterwards.
                """,
            test: "HandbookDataStructuresTests.SinglyLinkedListTests/floydCycleDetection()"),
        ReviewCard(
            id: "ds.linked-list#3758c852", lesson: "ds.linked-list", kind: .predict,
            question: """
                middleNode uses slow/fast pointers:

                var slow = head, fast = head
                while let twoAhead = fast?.next {
                    slow = slow?.next
                    fast = twoAhead.next
                }
                return slow

                What value does it return for [1, 2, 3, 4, 5, 6], and for an empty list?
                """,
            answer: """
                4 for the six-element list, and nil for the empty list. When the count is even the loop \
                keeps going one more step, so it lands on the second of the two middles (LeetCode 876's \
                convention). For an odd count such as [1…5] it returns the true middle, 3. In an interview, \
                state which middle you return.
                """,
            test: "HandbookDataStructuresTests.SinglyLinkedListTests/middleNode(values:middle:)"),
        ReviewCard(
            id: "ds.linked-list#c0f6af04", lesson: "ds.linked-list", kind: .recall,
            question: """
                Why might a long immutable list written as an indirect enum crash in Swift, and what does \
                the handbook use instead?
                """,
            answer: """
                When the last reference to an indirect enum list goes away, it is freed recursively: box, \
                then payload, then the next box. Dropping a list of a million elements therefore overflows \
                the stack, and the test shows the process crashing. The handbook's ConsList uses final \
                class cells with a single stored link of their own type instead. For that shape the \
                compiler frees the chain in a loop, so a million cells can be released safely.
                """,
            test: "HandbookDataStructuresTests.SinglyLinkedListTests/indirectEnumListOverflowsWhenFreed()"),
        ReviewCard(
            id: "ds.linked-list#286b24ed", lesson: "ds.linked-list", kind: .recall,
            question: """
                In a singly linked list that has head and tail pointers, which removal edge cases most \
                often corrupt the list?
                """,
            answer: """
                Forgetting to move the tail. When you delete the last node, whether by popLast or by \
                removing a value that happens to be the tail, the tail has to go back to the predecessor; \
                otherwise the next append links onto a detached node. Removing the only node must set both \
                head and tail to nil. Also, popLast is O(n) on a singly linked list, because only a walk \
                from the head can find the tail's predecessor.
                """,
            test: "HandbookDataStructuresTests.SinglyLinkedListTests/deletions()"),
        ReviewCard(
            id: "ds.binary-tree#23d4454a", lesson: "ds.binary-tree", kind: .predict,
            question: """
                BinaryTree([1, 2, 3, 4, 5]) inserts in level order, giving 1 at the root, 2 and 3 as its \
                children, and 4 and 5 under 2. What do tree.traversal(.inorder) and \
                tree.traversal(.postorder) return?
                """,
            answer: """
                Inorder is [4, 2, 5, 1, 3] and postorder is [4, 5, 2, 3, 1]. Inorder visits left, then the \
                node, then right; postorder emits a node only after both of its subtrees. The iterative \
                versions, which use an explicit stack, have to produce the same arrays.
                """,
            test: "HandbookDataStructuresTests.BinaryTreeTests/traversalsOfTheSeedTree(order:expected:)"),
        ReviewCard(
            id: "ds.binary-tree#463f7d5e", lesson: "ds.binary-tree", kind: .recall,
            question: """
                When you serialize a binary tree as a preorder string (LeetCode 297), why do you need a \
                marker for absent children?
                """,
            answer: """
                Without markers, the string alone cannot tell you the shape. 1 with 2 as its left child and \
                1 with 2 as its right child both come out as "1,2", so no decoder can rebuild the right \
                tree. Writing # for every missing child (the seed tree becomes "1,2,4,#,#,5,#,#,3,#,#") \
                makes preorder decoding unambiguous. The Swift decoder should also throw a typed error on \
                malformed input rather than trap or return half a tree.
                """,
            test: "HandbookDataStructuresTests.BinaryTreeTests/serializationRoundTrip()"),
        ReviewCard(
            id: "ds.binary-tree#20178335", lesson: "ds.binary-tree", kind: .recall,
            question: """
                How do you check that a binary tree is height-balanced in O(n), and what is the classic \
                mistake?
                """,
            answer: """
                Do one post-order pass in which each subtree returns its height, or nil as soon as any node \
                below it is unbalanced. That way no height is computed twice. Calling height() separately \
                at every node costs O(n²). The classic mistake is checking only the root: both of the \
                root's subtrees can have equal height while an inner node has a left chain of height 1 and \
                no right child.
                """,
            test: "HandbookDataStructuresTests.BinaryTreeTests/balance()"),
        ReviewCard(
            id: "ds.binary-tree#e9bb0664", lesson: "ds.binary-tree", kind: .recall,
            question: """
                Your recursive height function is correct. What goes wrong when the input is a degenerate \
                tree with a million levels, and how do you fix it in Swift?
                """,
            answer: """
                Each level adds a stack frame, so a spine a million deep overflows the thread's stack and \
                the process crashes; Swift has no growable goroutine stacks the way Go does. The fix is to \
                evaluate the same post-order recursion with an explicit heap-allocated stack, so depth is \
                limited only by memory. The recursive and iterative versions still give the same answer on \
                small trees.
                """,
            test: "HandbookDataStructuresTests.BinaryTreeTests/recursiveHeightOverflowsTheStack()"),
        ReviewCard(
            id: "ds.bst#c9d919a7", lesson: "ds.bst", kind: .recall,
            question: """
                How do you validate a binary search tree (LeetCode 98), and why does comparing every node \
                with its children not work?
                """,
            answer: """
                Every node has to fall strictly inside an open interval (lower, upper) built up from all of \
                its ancestors. Going left tightens the upper bound to the parent's value, going right \
                tightens the lower bound, and you can carry those bounds on an explicit stack. Checking \
                only against children is wrong: in 5 → right 7 → left 4, the 4 is smaller than its parent \
                7, yet it sits in 5's right subtree, so it must be greater than 5. Strict bounds also \
                reject duplicates.
                """,
            test: "HandbookDataStructuresTests.BinarySearchTreeTests/validation()"),
        ReviewCard(
            id: "ds.bst#896e0f7e", lesson: "ds.bst", kind: .recall,
            question: """
                Walk through the three cases of deleting a value from a BST. What is the classic bug in the \
                two-children case?
                """,
            answer: """
                A leaf is simply unlinked. A node with one child is replaced by that child. For a node with \
                two children, copy in the value of its inorder successor (the leftmost node of its right \
                subtree) and then splice the successor out by handing its right subtree to the successor's \
                parent. The classic bug is copying the value and forgetting to unlink the successor, which \
                leaves that value in the tree twice. Deleting the root is the same logic, except that the \
                link you rewire is the tree's root.
                """,
            test: "HandbookDataStructuresTests.BinarySearchTreeTests/deleteCases(value:expectedPreorder:)"),
        ReviewCard(
            id: "ds.bst#1162d074", lesson: "ds.bst", kind: .predict,
            question: """
                What is the height (in edges) of an unbalanced BST built with BinarySearchTree(1...1000)? \
                And what about one built from the same 1000 keys in shuffled order?
                """,
            answer: """
                The sorted build has height 999. Every new key is larger than all the previous ones, so it \
                always goes right and the tree becomes a linked list, making every operation O(n). The \
                shuffled build stays shallow: the test's seeded shuffle gives a height of at least 9 (⌊log₂ \
                1000⌋) and below 30, because a random insertion order has expected height O(log n). That \
                gap is why production sorted containers balance themselves.
                """,
            test: "HandbookDataStructuresTests.BinarySearchTreeTests/degeneration()"),
        ReviewCard(
            id: "ds.bst#f2311006", lesson: "ds.bst", kind: .predict,
            question: """
                What does this print?

                var words = BinarySearchTree(["pear", "apple", "fig", "Zebra", "banana"])
                print(Array(words))
                print(words.insert("caf\\u{E9}"), words.insert("cafe\\u{301}"))
                """,
            answer: """
                ["Zebra", "apple", "banana", "fig", "pear"], then true false. String's < compares Unicode \
                scalar order rather than dictionary order, so uppercase Z sorts before lowercase a. String \
                == uses canonical equivalence, so a precomposed é and e followed by a combining acute are \
                the same key, and the second insert is refused as a duplicate.
                """,
            test: "HandbookDataStructuresTests.BinarySearchTreeTests/strings()"),
        ReviewCard(
            id: "ds.heap#403f9b57", lesson: "ds.heap", kind: .recall,
            question: """
                How do you build a binary heap from n elements in O(n), and why doesn't inserting them one \
                at a time achieve that?
                """,
            answer: """
                Use Floyd's heapify. Copy the elements into the array, then sift down every parent, \
                starting at the last one (count / 2 - 1) and working back to index 0. Leaves are already \
                heaps, and most nodes sit near the bottom and move at most a level or two, so the total is \
                at most about 2n comparisons. Doing n inserts, each of which sifts up, is correct but costs \
                O(n log n): on 1,024 descending keys it took more than 8n comparisons, versus at most 3n \
                for heapify.
                """,
            test: "HandbookDataStructuresTests.BinaryHeapTests/heapifyIsLinearInsertionIsNot()"),
        ReviewCard(
            id: "ds.heap#ad69ce94", lesson: "ds.heap", kind: .recall,
            question: """
                How would you find the k-th largest element with a heap, and which kind of heap do you use?
                """,
            answer: """
                Keep a min-heap that never holds more than k elements. Insert each number, and whenever the \
                count goes above k, pop the minimum. Once every number has been seen, the root is the k-th \
                largest (for [3,2,1,5,6,4] with k = 2, that is 5). This takes O(n log k) time and O(k) \
                memory. A max-heap of all n elements would also work but needs O(n) memory.
                """,
            test: "HandbookDataStructuresTests.BinaryHeapTests/kthLargest(numbers:k:expected:)"),
        ReviewCard(
            id: "ds.heap#6354f07a", lesson: "ds.heap", kind: .predict,
            question: """
                BinaryHeap takes an "orders first" predicate, and popMin() returns whatever orders first. \
                What does this produce?

                var heap = BinaryHeap([5, 3, 8, 1, 9, 2, 8, -4, 0, 3], by: >)
                var out: [Int] = []
                while let x = heap.popMin() { out.append(x) }
                print(out)
                """,
            answer: """
                [9, 8, 8, 5, 3, 3, 2, 1, 0, -4]. Passing > makes this the same generic type act as a \
                max-heap, so "min" here means "orders first". Draining it gives descending order with the \
                duplicates kept. One type ordered by a predicate takes the place of Go's duplicated \
                int-only MinHeap and MaxHeap, and popMin returns nil on an empty heap instead of a (value, \
                ok) pair.
                """,
            test: "HandbookDataStructuresTests.BinaryHeapTests/drainingSortsBothWays()"),
        ReviewCard(
            id: "ds.heap#98f0e5de", lesson: "ds.heap", kind: .recall,
            question: """
                How do you merge k sorted arrays efficiently using a heap?
                """,
            answer: """
                Put the first element of each non-empty list into a min-heap as (value, list index, \
                position). Then repeatedly pop the smallest head, append it to the output, and push the \
                next element from that same list if there is one. The heap never holds more than k entries, \
                so merging N total elements costs O(N log k). Empty lists and lists containing Int.min or \
                Int.max need no special handling, because values are only compared.
                """,
            test: "HandbookDataStructuresTests.BinaryHeapTests/mergeKSorted(lists:)"),
        ReviewCard(
            id: "ds.hash-map#e46fc8e7", lesson: "ds.hash-map", kind: .recall,
            question: """
                A key type's == compares names case-insensitively, but hash(into:) combines the raw text. \
                What goes wrong when you use it in a hash map or a Dictionary?
                """,
            answer: """
                It breaks the Hashable contract, which requires equal keys to hash equally. "USER7" equals \
                "user7" but lands in a different bucket, so a lookup with different casing searches the \
                wrong chain and usually comes back nil. Swift's Dictionary misses in exactly the same way, \
                because the bug is in the key, not the table. The fix is to hash exactly what == compares, \
                here text.lowercased().
                """,
            test: "HandbookDataStructuresTests.ChainedHashMapTests/hashableContractViolationMissesLookups()"),
        ReviewCard(
            id: "ds.hash-map#29081524", lesson: "ds.hash-map", kind: .recall,
            question: """
                What happens to a chained hash map if every key hashes to the same value?
                """,
            answer: """
                Every lookup still returns the right answer, just slowly. All the entries end up in one \
                chain (the test builds a chain of length 100), so get, put and remove each turn into an \
                O(n) linear scan of that chain with == comparisons. A bad hash hurts performance, not \
                correctness, and that is why "O(1)" for a hash map only means on average, assuming a good \
                hash.
                """,
            test: "HandbookDataStructuresTests.ChainedHashMapTests/constantHashIsSlowButCorrect()"),
        ReviewCard(
            id: "ds.hash-map#dd4f512a", lesson: "ds.hash-map", kind: .predict,
            question: """
                ChainedHashMap starts with 8 buckets and doubles whenever count * 4 > bucketCount * 3. What \
                is bucketCount after inserting keys 0...5, and then after inserting key 6? And why must a \
                resize re-insert every key?
                """,
            answer: """
                It is 8 after six keys, because 6 is exactly three quarters of 8 and not over the limit. \
                The seventh key pushes it to 16. A key's bucket is hashValue & (bucketCount - 1), so it \
                depends on the bucket count; entries copied over at their old positions would sit in the \
                wrong buckets, and lookups would miss them.
                """,
            test: "HandbookDataStructuresTests.ChainedHashMapTests/resizeDoublesAndKeepsEveryKey()"),
        ReviewCard(
            id: "ds.hash-map#6e69df59", lesson: "ds.hash-map", kind: .recall,
            question: """
                The Go version hashes strings as h*31 + c. Why is that a problem, and what does Swift's \
                Hasher change?
                """,
            answer: """
                h*31 + c is deterministic and easy to attack: "Aa" and "BB" produce the same hash, so every \
                string made of those blocks (AaAa, AaBB, BBAa, BBBB) collides, and an attacker can pile all \
                their keys into one chain. Swift's Hasher uses SipHash with a random per-process seed, so \
                those same strings get four different hashValues and collisions cannot be computed ahead of \
                time. Any Hashable key works, not just strings.
                """,
            test: "HandbookDataStructuresTests.ChainedHashMapTests/goCollisionsAreHarmless()"),
        ReviewCard(
            id: "ds.lru-cache#3eb66fd1", lesson: "ds.lru-cache", kind: .checklist,
            question: """
                LRU Cache - Can you build a thread-safe LRU cache?
                """,
            answer: """
                Yes: keep the single-threaded map-plus-doubly-linked-list cache and wrap it. Option one is \
                a class with one NSLock around every call (LockedLRUCache, @unchecked Sendable because the \
                compiler can't check a hand-rolled lock); option two is an actor that owns the cache \
                (LRUCacheActor, checked by the compiler, each call awaited). The get needs the exclusive \
                lock too, since a read moves the entry to the front, so a reader-writer lock's shared mode \
                corrupts the list. Each call is atomic; a check-then-set made of two calls is not.
                """,
            test: "HandbookDataStructuresTests.LRUCacheTests/lockedCacheUnderConcurrency()"),
        ReviewCard(
            id: "ds.lru-cache#50653188", lesson: "ds.lru-cache", kind: .predict,
            question: """
                Take an LRU cache with capacity 2 and run: put(1, 1), put(2, 2), get(1), put(3, 3). What do \
                get(2) and get(1) return afterwards?
                """,
            answer: """
                get(2) returns nil and get(1) returns 1. Reading key 1 counted as a use and moved it to the \
                most-recent end, so when put(3, 3) overflowed the capacity, key 2 was the least recently \
                used entry and got evicted. If get did not move entries to the front, the cache would \
                behave as FIFO and evict key 1 instead. (These are the opening steps of LeetCode 146's \
                example.)
                """,
            test: "HandbookDataStructuresTests.LRUCacheTests/scenario(_:)"),
        ReviewCard(
            id: "ds.lru-cache#b24aab31", lesson: "ds.lru-cache", kind: .recall,
            question: """
                In a Swift LRU cache built from class nodes in a doubly linked list, why should the \
                previous pointer be unowned (or weak) instead of strong?
                """,
            answer: """
                If previous and next are both strong, every pair of neighbouring nodes forms a reference \
                cycle. ARC has no cycle collector (Go's tracing GC does), so once the cache itself is \
                dropped its nodes still keep each other alive and none of the stored values is ever \
                deinitialized. The fix is to give ownership one direction: the cache owns the head \
                sentinel, each node's next owns its successor, and previous is unowned, so dropping the \
                cache frees every node.
                """,
            test: "HandbookDataStructuresTests.LRUCacheTests/droppingTheCacheFreesEveryNode()"),
        ReviewCard(
            id: "ds.lru-cache#86194fbf", lesson: "ds.lru-cache", kind: .recall,
            question: """
                Why does each LRU node store its own key, and why does the list need to be doubly linked?
                """,
            answer: """
                Eviction starts at the list's tail with a node in hand and has to delete that node's \
                dictionary entry in O(1). Without the key stored in the node it can't do that, and a node \
                left in the dictionary stays reachable, so the evicted value is never freed and the count \
                goes above the capacity. The list is doubly linked because unlinking a node in O(1), \
                whether on a hit, a removal or an eviction, needs its predecessor.
                """,
            test: "HandbookDataStructuresTests.LRUCacheTests/evictedEntriesAreFreed()"),
        ReviewCard(
            id: "algo.binary-search#9c6646f0", lesson: "algo.binary-search", kind: .recall,
            question: """
                Why is mid = (low + high) / 2 a bug, and how does its failure differ between Swift and Go?
                """,
            answer: """
                When low + high is larger than Int.max the sum overflows, for example with low = 1 and high \
                = Int.max. Go quietly wraps to a negative number and goes on searching garbage, whereas \
                Swift's checked arithmetic traps and kills the process. Write low + (high - low) / 2 \
                instead, or halve a remaining count as the generic partitioningIndex does, so no sum can \
                overflow.
                """,
            test: "HandbookAlgorithmsTests.BinarySearchTests/naiveMidpointTraps()"),
        ReviewCard(
            id: "algo.binary-search#8ed03f56", lesson: "algo.binary-search", kind: .predict,
            question: """
                BinarySearch functions are generic over RandomAccessCollection and return C.Index. What do \
                these return?

                let numbers = [1, 3, 5, 7, 9, 11, 13]
                let tail = numbers[3...]
                BinarySearch.firstIndex(of: 9, in: tail)
                BinarySearch.lowerBound(of: 0, in: tail)
                """,
            answer: """
                Optional(4) and 3 (firstIndex returns an optional index, lowerBound a plain index). An \
                ArraySlice keeps its base array's indices, so tail runs from index 3 to 6, not 0 to 3. The \
                9 is at index 4 in those coordinates, and the lower bound of 0 is tail.startIndex, which is \
                3. A search that returns offsets counted from 0 would give answers in the wrong coordinates \
                on a slice.
                """,
            test: "HandbookAlgorithmsTests.BinarySearchTests/sliceResultsAreInBaseCoordinates()"),
        ReviewCard(
            id: "algo.binary-search#06312776", lesson: "algo.binary-search", kind: .predict,
            question: """
                Given the sorted array [5, 7, 7, 8, 8, 10], what do firstIndex(of: 8), lastIndex(of: 8) and \
                insertionPoint(of: 6) return if all three are built on lowerBound and upperBound?
                """,
            answer: """
                firstIndex(of: 8) returns 3, lastIndex(of: 8) returns 4, and insertionPoint(of: 6) returns \
                1. firstIndex is the lower bound (the first element >= 8) provided the element there equals \
                8, lastIndex is one before the upper bound (the first element > 8), and the insertion point \
                is the lower bound itself. All three are O(log n) even when many elements are duplicates; a \
                plain binary search just returns whichever matching index it hits first.
                """,
            test: "HandbookAlgorithmsTests.BinarySearchTests/goTables(_:)"),
        ReviewCard(
            id: "algo.binary-search#3cadd3d9", lesson: "algo.binary-search", kind: .recall,
            question: """
                You write an integer square root by binary-searching 1...n with the test mid * mid <= n. \
                What happens when n is huge, and how do you fix it?
                """,
            answer: """
                Once mid is above 3037000499, mid * mid no longer fits in Int. With n = Int.max the first \
                mid is roughly n / 2, so Swift traps right away, while Go would wrap and return a wrong \
                root. Compare mid <= n / mid instead; that never forms the product, and the result is exact \
                all the way up to Int.max.
                """,
            test: "HandbookAlgorithmsTests.BinarySearchTests/naiveSquareRootTraps()"),
        ReviewCard(
            id: "algo.two-pointers#46cb3547", lesson: "algo.two-pointers", kind: .predict,
            question: """
                isPalindrome walks String.Index inward from both ends and compares Characters; \
                isPalindromeByBytes compares UTF-8 bytes, as Go's s[i] != s[j] does. For the string \
                "e\\u{301}ke\\u{301}" (éké written with combining accents), what does each return?
                """,
            answer: """
                isPalindrome returns true and isPalindromeByBytes returns false. The string has 3 \
                Characters (é, k, é), which read the same in both directions. Its bytes are 65 CC 81 6B 65 \
                CC 81, and because each combining accent comes after its letter, that byte sequence is not \
                symmetric. A Swift String can't be indexed by Int, so the natural approach of walking \
                String.Index is also the correct one.
                """,
            test: "HandbookAlgorithmsTests.TwoPointersTests/palindromeByCharacterNotBytes()"),
        ReviewCard(
            id: "algo.two-pointers#a394a655", lesson: "algo.two-pointers", kind: .recall,
            question: """
                How do you solve 3-sum in O(n²) without returning duplicate triplets?
                """,
            answer: """
                Sort the array, then treat each index as the anchor and run two pointers inward over the \
                part to its right: move low up when the sum is too small and high down when it is too \
                large. Skip an anchor that equals the previous one, and after recording a match, move low \
                and high past any equal neighbours. Without those skips, [0, 0, 0, 0] would produce [0, 0, \
                0] more than once.
                """,
            test: "HandbookAlgorithmsTests.TwoPointersTests/threeSumHasNoDuplicateTriplets()"),
        ReviewCard(
            id: "algo.two-pointers#efb1bc60", lesson: "algo.two-pointers", kind: .predict,
            question: """
                moveZeroesBySwappingWithEnd swaps each zero it finds with the last unprocessed element. \
                What does it leave in [0, 1, 0, 3, 12], and what would the read/write-pointer moveZeroes \
                leave?
                """,
            answer: """
                The swap-with-end version leaves [12, 1, 3, 0, 0] and the read/write-pointer version leaves \
                [1, 3, 12, 0, 0]. Both run in O(n), but swapping with the end scrambles the order of the \
                non-zero values. The stable version uses a write pointer and swapAt to move each non-zero \
                down, so the values keep their original relative order.
                """,
            test: "HandbookAlgorithmsTests.TwoPointersTests/swapWithEndIsNotStable()"),
        ReviewCard(
            id: "algo.two-pointers#2f660e75", lesson: "algo.two-pointers", kind: .recall,
            question: """
                In "container with most water", why is it safe to always move the pointer at the shorter \
                line?
                """,
            answer: """
                The area is the width times the shorter of the two heights. Any container that keeps the \
                shorter line and moves the other pointer inward has a smaller width and a height capped at \
                that same short line, so it can't be larger. Moving the shorter line therefore discards \
                only candidates that can't win, and one O(n) pass finds the maximum, which is 49 for \
                [1,8,6,2,5,4,8,3,7].
                """,
            test: "HandbookAlgorithmsTests.TwoPointersTests/containerWithMostWater(_:_:)"),
        ReviewCard(
            id: "algo.sliding-window#e9d592b0", lesson: "algo.sliding-window", kind: .recall,
            question: """
                In longest-substring-without-repeating using a last-seen map, why is the update left = \
                max(left, last + 1) and not simply left = last + 1?
                """,
            answer: """
                The map still holds positions from before the current window started. If the repeat was \
                last seen before left, jumping to last + 1 would move left backwards and bring a duplicate \
                back into the window. On "abba", at the final a (index 3) left is already 2 and a was last \
                seen at 0; plain last + 1 moves left back to 1, so the window "bba" is counted and the \
                answer comes out 3 instead of 2. Because neither pointer ever moves backwards, the \
                algorithm stays O(n).
                """,
            test: "HandbookAlgorithmsTests.SlidingWindowTests/longestWithoutRepeating(_:_:)"),
        ReviewCard(
            id: "algo.sliding-window#06f25cee", lesson: "algo.sliding-window", kind: .predict,
            question: """
                let family = "👨‍👩‍👧" is man, ZWJ, woman, ZWJ, girl: five Unicode scalars. What do these \
                return?

                longestWithoutRepeating(family + family)   // window over [Character]
                longestWithoutRepeatingScalars(family)     // window over unicodeScalars
                """,
            answer: """
                The first returns 1 and the second returns 3. Over Characters the family is a single \
                grapheme cluster, so the doubled string is the same Character twice. Over scalars, the \
                zero-width joiner shows up twice, which cuts the scalar window at 3. Go's byte indexing or \
                []rune has the same problem; in Swift you copy the string to [Character] once and run the \
                window over that.
                """,
            test: "HandbookAlgorithmsTests.SlidingWindowTests/emojiAreOneCharacter()"),
        ReviewCard(
            id: "algo.sliding-window#96e04ce3", lesson: "algo.sliding-window", kind: .recall,
            question: """
                A fixed-size window sum updated with sum += entering - leaving in Int works on small tests. \
                What input breaks it in Swift, and how do you fix it?
                """,
            answer: """
                With [Int.max, Int.min] and a window of size 1, the update computes Int.min - Int.max, \
                which overflows, and Swift traps even though every window and the answer fit in Int (Go \
                would wrap silently). Keep the running sum in a wider type such as Int128, or use \
                addingReportingOverflow, and convert back with Int(exactly:) only for the final answer.
                """,
            test: "HandbookAlgorithmsTests.SlidingWindowTests/intWindowUpdateTraps()"),
        ReviewCard(
            id: "algo.sliding-window#37efae26", lesson: "algo.sliding-window", kind: .recall,
            question: """
                How do you find the minimum window substring (LeetCode 76) in O(n + m), and what does it \
                return for text "ADOBECODEBANC" and pattern "ABC"?
                """,
            answer: """
                It returns "BANC". Count the pattern's characters in a needed map and keep a missing \
                counter. Extend right, and each time a still-needed character comes in, decrement missing. \
                While missing == 0, record the window and then shrink from the left, incrementing missing \
                whenever you drop a character the window needed. The counter makes the validity check O(1), \
                so you never compare two dictionaries.
                """,
            test: "HandbookAlgorithmsTests.SlidingWindowTests/minimumWindowSubstring(_:_:_:)"),
        ReviewCard(
            id: "algo.sorting#badd8a94", lesson: "algo.sorting", kind: .predict,
            question: """
                Record.tagging([7, 7]) gives two records with key 7 and originalIndex 0 and 1. What do \
                these return?

                records.sorted { $0.key <= $1.key }.map(\\.originalIndex)
                records.sorted { $0.key < $1.key }.map(\\.originalIndex)
                """,
            answer: """
                [1, 0] and [0, 1]. The by: predicate has to be a strict weak ordering. Because a <= a is \
                true, the sort treats equal elements as out of order and, here, swaps the tie, so stability \
                is gone. With a strict <, Swift's sort(), which is documented as stable (Go's sort.Slice is \
                not), keeps equal keys in their original order.
                """,
            test: "HandbookAlgorithmsTests.SortingTests/lessOrEqualBreaksStability()"),
        ReviewCard(
            id: "algo.sorting#255c4d2a", lesson: "algo.sorting", kind: .recall,
            question: """
                Which of merge sort, insertion sort, bubble sort, quicksort, heapsort and selection sort \
                are stable? What exactly makes merge sort stable?
                """,
            answer: """
                Merge, insertion and bubble sort are stable. Quicksort, heapsort and selection sort are \
                not, because their long-distance swaps jump equal elements over one another; heapsort on \
                two equal keys already reverses them. Merge sort is stable only if the merge takes from the \
                right run when its element is strictly smaller, so on a tie the left element goes first. \
                You can't see stability with plain Ints; test it with (key, originalIndex) records.
                """,
            test: "HandbookAlgorithmsTests.SortingTests/unstableAlgorithmsHaveCounterexamples()"),
        ReviewCard(
            id: "algo.sorting#b5ce93ec", lesson: "algo.sorting", kind: .recall,
            question: """
                How do you make a randomized quicksort deterministic in tests without giving up the random \
                pivot?
                """,
            answer: """
                Inject the randomness. Have quickSort take an inout generic RandomNumberGenerator and pick \
                each pivot with Int.random(in:using:). Production code passes SystemRandomNumberGenerator, \
                while a test passes a seeded generator, and the same seed then replays exactly the same \
                run, down to the unstable order of equal keys.
                """,
            test: "HandbookAlgorithmsTests.SortingTests/injectedGeneratorReplays()"),
        ReviewCard(
            id: "algo.sorting#7cf34e37", lesson: "algo.sorting", kind: .recall,
            question: """
                How does quickselect find the k-th largest element, for example k = 2 in [3, 2, 1, 5, 6, \
                4]? What is its cost, and why does the Swift version partition a copy?
                """,
            answer: """
                The answer is 5. The k-th largest sits at index count - k in ascending order. Partition \
                three ways around a random pivot, then keep only the side that contains that index, or \
                return the pivot if the index lands in the run equal to it. That is O(n) expected and O(n²) \
                in the worst case. The function takes its [Int] by value and partitions a local copy, so \
                the caller's array is never touched; in Go, quickselect on a slice would rearrange the \
                caller's backing array.
                """,
            test: "HandbookAlgorithmsTests.SortingTests/kthLargestTable(_:_:_:)"),
        ReviewCard(
            id: "algo.dynamic-programming#1a35f68f", lesson: "algo.dynamic-programming", kind: .predict,
            question: """
                Each version below counts how many times its function is entered. How many calls does each \
                make for n = 20?

                var calls = 0
                _ = naiveFibonacci(20, calls: &calls)   // textbook double recursion
                var memo = FibonacciMemo()
                _ = memo.fibonacci(20)                   // cache in a struct; memo.calls
                """,
            answer: """
                The naive version makes 21,891 calls (2·fib(21) − 1) and the memoized one makes 39 (2n − \
                1). The naive recursion solves the same subproblems again and again, which takes \
                exponential time. The memo solves each subproblem once and gets one cache hit per level. \
                Keeping the cache in a struct with a mutating method gives every memo its own value, so \
                there is no shared global map the way a Go map would be shared.
                """,
            test: "HandbookAlgorithmsTests.DynamicProgrammingTests/memoizationMakesLinearCalls()"),
        ReviewCard(
            id: "algo.dynamic-programming#0b3077ad", lesson: "algo.dynamic-programming", kind: .recall,
            question: """
                fib(93) doesn't fit in a 64-bit Int. What does a Swift Fibonacci written with plain + do at \
                n = 93, and how would you report the overflow instead?
                """,
            answer: """
                With plain +, Swift traps on overflow and the process dies. Go would silently wrap to a \
                negative number. fib(92) = 7540113804746346429 is the largest value that fits. To report \
                the overflow instead, use addingReportingOverflow and throw a typed error such as \
                Overflow(n: 93) from a throws(Overflow) function, or state n ≤ 92 as a precondition.
                """,
            test: "HandbookAlgorithmsTests.DynamicProgrammingTests/fibonacciOverflowIsReported()"),
        ReviewCard(
            id: "algo.dynamic-programming#2f1e0429", lesson: "algo.dynamic-programming", kind: .predict,
            question: """
                What does this Kadane implementation return for [Int.min, -1]?

                guard var best = numbers.first else { return nil }
                var endingHere = best
                for number in numbers.dropFirst() {
                    endingHere = endingHere > 0 ? endingHere + number : number
                    best = max(best, endingHere)
                }
                return best
                """,
            answer: """
                -1. The running sum starts from the first element rather than 0, so an all-negative array \
                returns its largest element instead of 0. The current run is extended only while it is \
                positive, which means Int.min + (-1) is never evaluated. Writing max(number, endingHere + \
                number) would compute that sum even though its result is thrown away, and Swift would trap.
                """,
            test: "HandbookAlgorithmsTests.DynamicProgrammingTests/kadaneAtTheExtremes()"),
        ReviewCard(
            id: "algo.dynamic-programming#d789a358", lesson: "algo.dynamic-programming", kind: .recall,
            question: """
                In 0/1 knapsack with a one-dimensional table best[room], why must the inner loop go through \
                capacities from high to low?
                """,
            answer: """
                Going downward means best[room - weight] still holds the value from before this item was \
                considered, so each item is counted at most once. If you go upward, best[room - weight] may \
                already include the current item, so the item can be used repeatedly; that computes the \
                unbounded knapsack instead. The table is O(capacity) in space and the time is O(items × \
                capacity).
                """,
            test: "HandbookAlgorithmsTests.DynamicProgrammingTests/knapsackMatchesBruteForce()"),
        ReviewCard(
            id: "algo.recursion-and-backtracking#5516527b", lesson: "algo.recursion-and-backtracking", kind: .recall,
            question: """
                Code that recurses once per element works in Go with millions of levels. What happens in \
                Swift with recursiveCount(10_000_000), where the function returns recursiveCount(n - 1) + 1?
                """,
            answer: """
                The process crashes with a stack overflow, and there's nothing to catch. Swift threads have \
                fixed-size stacks, unlike Go's goroutine stacks, which grow. Swift also doesn't guarantee \
                tail-call elimination, and this call isn't in tail position anyway because of the + 1. A \
                thousand levels is fine. When the depth grows with the size of the input, rewrite the \
                recursion as a loop or with an explicit stack.
                """,
            test: "HandbookAlgorithmsTests.RecursionAndBacktrackingTests/deepRecursionTraps()"),
        ReviewCard(
            id: "algo.recursion-and-backtracking#70b93a53", lesson: "algo.recursion-and-backtracking", kind: .recall,
            question: """
                In a backtracking permutation generator you call results.append(current) and then keep \
                mutating current. Is that a bug in Swift, as it would be in Go?
                """,
            answer: """
                It isn't a bug in Swift. Arrays are values, so results.append(current) stores a snapshot, \
                and later mutations of current can't reach it. In Go you would need append([]int(nil), \
                current...) because slices share their backing array. What you must still do is undo each \
                choice after the recursive call (removeLast() and clear the used flag); with that, [1, 2, \
                3] gives exactly its 6 distinct permutations, in choice order.
                """,
            test: "HandbookAlgorithmsTests.RecursionAndBacktrackingTests/permutationsOfThree()"),
        ReviewCard(
            id: "algo.recursion-and-backtracking#81092b5c", lesson: "algo.recursion-and-backtracking", kind: .recall,
            question: """
                In combination sum (LeetCode 39, candidates reusable), how do you avoid returning both [2, \
                2, 3] and [3, 2, 2], and how do you prune?
                """,
            answer: """
                Sort the candidates and pass a start index. Each call only tries candidates from start \
                onwards, and it recurses with the same index (not index + 1) so a candidate can be reused. \
                That way every combination is produced once, in non-decreasing order. Because the list is \
                sorted, you can break out of the loop as soon as a candidate exceeds the remaining target. \
                For [2, 3, 6, 7] with target 7 the result is [[2, 2, 3], [7]].
                """,
            test: "HandbookAlgorithmsTests.RecursionAndBacktrackingTests/combinationSum(candidates:target:expected:)"),
        ReviewCard(
            id: "algo.recursion-and-backtracking#2185f184", lesson: "algo.recursion-and-backtracking", kind: .predict,
            question: """
                generateParentheses adds "(" while open < pairs and adds ")" only while close < open, \
                trying "(" first. What does generateParentheses(3) return?
                """,
            answer: """
                ["((()))", "(()())", "(())()", "()(())", "()()()"]. The close < open check prunes every \
                prefix that could never be balanced, so each string produced is valid and none repeats. \
                Trying "(" first makes the output come out in lexicographic order. The counts follow the \
                Catalan numbers: 1, 1, 2, 5, 14, and so on.
                """,
            test: "HandbookAlgorithmsTests.RecursionAndBacktrackingTests/generateParentheses()"),
        ReviewCard(
            id: "algo.graph-traversal#4cfe89fe", lesson: "algo.graph-traversal", kind: .recall,
            question: """
                Why does a plain visited set fail to detect cycles in a directed graph, and what do you use \
                instead?
                """,
            answer: """
                A visited set flags any vertex that is reached twice. In the diamond 0→1→3, 0→2→3, vertex 3 \
                is reached along two paths, so the check reports a cycle in a DAG. Use a DFS with three \
                colours: white (not yet visited), grey (on the current path) and black (finished). Only an \
                edge to a grey vertex closes a cycle. To cope with long paths, keep the DFS path on an \
                explicit stack of (vertex, next edge) frames.
                """,
            test: "HandbookAlgorithmsTests.GraphTraversalTests/directedCycles()"),
        ReviewCard(
            id: "algo.graph-traversal#8b95bceb", lesson: "algo.graph-traversal", kind: .predict,
            question: """
                Take the undirected graph on vertices 0...6 with edges (0,1), (0,2), (1,3), (2,4), (3,5), \
                (4,5), where 6 is isolated; BFS visits each vertex's neighbours in edge-insertion order. \
                What do distances(graph, from: 0) and shortestPath(graph, from: 0, to: 5) return?
                """,
            answer: """
                distances returns [0, 1, 1, 2, 2, 3, nil] and shortestPath returns [0, 1, 3, 5]. BFS moves \
                outward in rings of equal distance, so the first time it reaches a vertex it has come along \
                a path with the fewest edges; following the parent links back from 5 rebuilds that path \
                ([0, 2, 4, 5] is just as short, but 3 is dequeued before 4, so 5's parent is 3). An \
                unreachable vertex is given nil instead of Go's -1 or an empty slice.
                """,
            test: "HandbookAlgorithmsTests.GraphTraversalTests/breadthFirstOrderAndDistances()"),
        ReviewCard(
            id: "algo.graph-traversal#54f13fdf", lesson: "algo.graph-traversal", kind: .recall,
            question: """
                How do you write an iterative DFS that visits vertices in the same pre-order as the \
                recursive version, and why would you bother in Swift?
                """,
            answer: """
                Use an explicit stack. Pop a vertex, skip it if it has already been visited (it may have \
                been pushed twice), otherwise mark it and record it, then push its unvisited neighbours in \
                reverse so the first neighbour comes off the stack first. On the graph 0–1, 0–2, 1–3, 2–4, \
                3–5, 4–5 (neighbours in insertion order) both versions give [0, 1, 3, 5, 4, 2]. The reason \
                is that recursive DFS uses one call-stack frame per vertex on the path and overflows the \
                fixed thread stack on a long path, while the iterative one handles a 100,000-vertex path \
                without trouble.
                """,
            test: "HandbookAlgorithmsTests.GraphTraversalTests/depthFirstOrders()"),
        ReviewCard(
            id: "algo.graph-traversal#cc998aeb", lesson: "algo.graph-traversal", kind: .recall,
            question: """
                You need a FIFO queue for BFS and have no Deque available. What do you write instead of \
                calling Array.removeFirst()?
                """,
            answer: """
                Keep an array plus a head index. Enqueue appends, and dequeue reads storage[head] and \
                increments head, so both are amortized O(1). When the consumed prefix reaches at least half \
                of the storage, remove it in one go and reset head to 0, so memory doesn't keep growing. \
                FIFO order is preserved across that compaction. Calling removeFirst() on every dequeue \
                would shift the whole array and make BFS quadratic.
                """,
            test: "HandbookAlgorithmsTests.GraphTraversalTests/queueIsFIFO()"),
        ReviewCard(
            id: "algo.topological-sort#9acf5c50", lesson: "algo.topological-sort", kind: .recall,
            question: """
                How does Kahn's algorithm detect a cycle, and how should a Swift function report one?
                """,
            answer: """
                Repeatedly remove a vertex whose in-degree is 0 and decrement the in-degree of its \
                successors. If fewer than V vertices come out, the rest lie on a cycle or behind one, and \
                returning that partial order would be a bug. In Swift, declare the function \
                throws(CycleError) and throw .unresolved with the stuck vertices ([1, 2, 3, 4] for \
                0→1→2→3→1, 3→4). Typed throws lets callers switch over the error exhaustively with no \
                default case, where Go would return ([]int, error).
                """,
            test: "HandbookAlgorithmsTests.TopologicalSortTests/cycleThrowsTypedError()"),
        ReviewCard(
            id: "algo.topological-sort#2a685eac", lesson: "algo.topological-sort", kind: .predict,
            question: """
                Edges: (5,2), (5,0), (4,0), (4,1), (2,3), (3,1) on vertices 0...5. What does Kahn's \
                algorithm return when its ready queue is a min-heap, and what does the DFS reverse \
                post-order return (roots tried in increasing order, edges in insertion order)?
                """,
            answer: """
                Kahn returns [4, 5, 0, 2, 3, 1] and the DFS returns [5, 4, 2, 3, 1, 0]. Both are valid, \
                because a DAG usually has many topological orders. Taking the smallest ready vertex first \
                makes Kahn's output deterministic: it is the lexicographically smallest valid order. The \
                DFS appends each vertex after all of its descendants and then reverses that list.
                """,
            test: "HandbookAlgorithmsTests.TopologicalSortTests/exactOrders()"),
        ReviewCard(
            id: "algo.topological-sort#8f33e878", lesson: "algo.topological-sort", kind: .recall,
            question: """
                In a DFS-based topological sort, why is the diamond 0→1, 0→2, 1→3, 2→3 not a cycle even \
                though vertex 3 is reached twice?
                """,
            answer: """
                By the time the DFS reaches 3 the second time, 3 is already black (finished), so the edge \
                is a cross edge and not a back edge. Only an edge into a grey vertex, one that is still on \
                the current path, closes a cycle. A two-colour visited set can't tell these two cases \
                apart. The sort succeeds and gives the reverse post-order [0, 2, 1, 3].
                """,
            test: "HandbookAlgorithmsTests.TopologicalSortTests/diamondIsAcyclic()"),
        ReviewCard(
            id: "algo.topological-sort#4de4ee7b", lesson: "algo.topological-sort", kind: .recall,
            question: """
                Why might a topological sort produce a different order on each run, and how do you make it \
                deterministic?
                """,
            answer: """
                If the ready vertices are kept in a Set or Dictionary, the order you pick them in depends \
                on hashing, and Swift's hash seed differs from process to process. Keep them in a min-heap \
                instead and always take the smallest ready vertex. Kahn's algorithm then returns the \
                lexicographically smallest valid order, which matches a brute-force search over all \
                permutations, at a cost of O((V + E) log V).
                """,
            test: "HandbookAlgorithmsTests.TopologicalSortTests/kahnIsLexicographicallySmallest()"),
        ReviewCard(
            id: "algo.dijkstra#d8da590f", lesson: "algo.dijkstra", kind: .recall,
            question: """
                Why does Dijkstra's algorithm fail with negative edge weights, and what should the code do \
                about it?
                """,
            answer: """
                Dijkstra treats a vertex as settled for good the first time it is popped, on the assumption \
                that a path found later can only be longer. A negative edge breaks that assumption, so a \
                settled distance can be wrong. The handbook's addEdge rejects a negative weight with a \
                precondition that tells you to use Bellman-Ford, which runs in O(V·E) and also detects \
                negative cycles.
                """,
            test: "HandbookAlgorithmsTests.DijkstraTests/negativeWeightTraps()"),
        ReviewCard(
            id: "algo.dijkstra#e1dc6398", lesson: "algo.dijkstra", kind: .recall,
            question: """
                Your binary heap has no decrease-key. How does Dijkstra still run in O((V + E) log V) and \
                avoid expanding a vertex twice?
                """,
            answer: """
                Use lazy deletion. Every time a relaxation improves a distance, push a new (distance, \
                vertex) entry. When you pop an entry whose distance no longer matches the best known \
                distance for that vertex, it is stale, so skip it. Each vertex is then expanded exactly \
                once, when its first current entry comes off the heap. Vertices settle in non-decreasing \
                order of distance, and the queue holds at most one entry per successful relaxation.
                """,
            test: "HandbookAlgorithmsTests.DijkstraTests/matchesFloydWarshall()"),
        ReviewCard(
            id: "algo.dijkstra#2c83cf60", lesson: "algo.dijkstra", kind: .predict,
            question: """
                Distances are Int?, and relaxation uses addingReportingOverflow, skipping the edge if the \
                sum overflows. For edges 0→1 with weight 1 and 1→2 with weight Int.max, what does \
                shortestPaths(in: graph, from: 0).distances return?
                """,
            answer: """
                [0, 1, nil]. The only path to vertex 2 costs 1 + Int.max, which cannot be represented, so \
                that relaxation is skipped and 2 is reported unreachable. The function doesn't trap, and it \
                doesn't wrap around to a negative "shortcut" the way Go would. This is also why Int.max \
                makes a poor "infinity" in Swift: adding a weight to it traps.
                """,
            test: "HandbookAlgorithmsTests.DijkstraTests/edgeCases()"),
        ReviewCard(
            id: "algo.dijkstra#71fb3060", lesson: "algo.dijkstra", kind: .recall,
            question: """
                Dijkstra gave you a predecessor array. How do you turn it into the actual shortest path, \
                and what does that return for a target that can't be reached?
                """,
            answer: """
                Start at the target and keep following predecessor[v] until you reach the source, whose \
                predecessor is nil; then reverse the list, because the links point backwards. On the CLRS \
                example this gives [0, 3, 1, 2] for target 2, and [0] when the target is the source itself. \
                If the target's distance is nil, return nil instead of an empty array, so "no path" can't \
                be confused with a path.
                """,
            test: "HandbookAlgorithmsTests.DijkstraTests/pathReconstruction()"),
        ReviewCard(
            id: "leetcode.two-sum#54ccf554", lesson: "leetcode.two-sum", kind: .recall,
            question: """
                Walk through the O(n) Two Sum solution. Why must you look up the complement before \
                recording the current element?
                """,
            answer: """
                Make one pass with a [Int: Int] that maps each value already seen to its first index. For \
                each element, look up target - number; a hit is the answer, and on a miss you record the \
                element. Looking up first is what stops an element from pairing with itself: if you record \
                first, [3, 2, 4] with target 6 would use the 3 twice and return (0, 0) instead of (1, 2). \
                This costs O(n) time and O(n) space, compared with O(n²) for brute force.
                """,
            test: "HandbookLeetCodeTests.TwoSumTests/sameElementIsNotUsedTwice()"),
        ReviewCard(
            id: "leetcode.two-sum#0e229474", lesson: "leetcode.two-sum", kind: .recall,
            question: """
                Your Two Sum computes target - number with plain -. Which input breaks it in Swift, and how \
                do you fix it?
                """,
            answer: """
                Target Int.max with the element -1, as in [-1, Int.max - 1, 1]. Int.max - (-1) overflows, \
                and Swift traps on the very first element, where Go would wrap silently. Use \
                subtractingReportingOverflow and skip the lookup when it overflows. A complement that \
                doesn't fit in Int can't be in the array, so skipping it is exact and the function still \
                finds (1, 2). On small numbers both versions agree, so the bug stays hidden until \
                production.
                """,
            test: "HandbookLeetCodeTests.TwoSumTests/plainSubtractionTraps()"),
        ReviewCard(
            id: "leetcode.two-sum#bcaef61e", lesson: "leetcode.two-sum", kind: .predict,
            question: """
                The dictionary keeps the first index of each value (if seen[number] == nil { seen[number] = \
                index }). What does TwoSum.indices return for [3, 3, 4] with target 7, and for [1, 4, 1, 4] \
                with target 5?
                """,
            answer: """
                (0, 2) and (0, 1). Keeping the first index of a duplicate means the earliest pair wins, so \
                the first 3 is the one paired with 4. If the second 3 overwrote it you would still get a \
                valid pair, (1, 2), but it would no longer match the brute force. The search stops at the \
                first j that has a partner, so the answer is the pair with the smallest j, then the \
                smallest i.
                """,
            test: "HandbookLeetCodeTests.TwoSumTests/edgeCases()"),
        ReviewCard(
            id: "leetcode.two-sum#7178bca2", lesson: "leetcode.two-sum", kind: .recall,
            question: """
                The Go version returns ([]int, error) and reports an error when there is no pair. How does \
                the Swift version represent "no pair", and why?
                """,
            answer: """
                It returns (Int, Int)? and gives nil when no pair exists, for example [1, 2, 3] with target \
                7, or an empty array. An input with no answer isn't a failure, so an Optional fits better \
                than an error or sentinel indices. Go's `if j, ok := seen[c]; ok` becomes `if let j = \
                seen[c]`.
                """,
            test: "HandbookLeetCodeTests.TwoSumTests/publishedExamples(nums:target:expected:)"),
        ReviewCard(
            id: "leetcode.valid-parentheses#0ce02318", lesson: "leetcode.valid-parentheses", kind: .recall,
            question: """
                What are the three ways a bracket string can be invalid, and how does a stack solution \
                catch each one in Swift?
                """,
            answer: """
                The three cases are a closer of the wrong kind ("(]"), a closer with nothing open (")"), \
                and something still open at the end ("("). On each opener, push the closer you expect. On \
                each closer, require expectedClosers.popLast() == character. popLast returns nil on an \
                empty stack, so that comparison also fails for the nothing-open case instead of trapping \
                the way removeLast would. At the end, require the stack to be empty. Counting brackets per \
                kind isn't enough, because "([)]" has balanced counts and is still invalid.
                """,
            test: "HandbookLeetCodeTests.ValidParenthesesTests/publishedExamples(text:expected:)"),
        ReviewCard(
            id: "leetcode.valid-parentheses#a0a95c0b", lesson: "leetcode.valid-parentheses", kind: .predict,
            question: """
                isValid ignores every character that is not one of ()[]{}. What do isValid("(a)"), \
                isValid("a)") and isValid("f(x[0]) + {y}") return?
                """,
            answer: """
                true, false, true. With letters and spaces ignored, "(a)" is balanced and so is the \
                expression. In "a)" the ) still has no opener, so it is invalid. LeetCode's input only ever \
                contains brackets, so input with other characters needs an explicit, documented policy.
                """,
            test: "HandbookLeetCodeTests.ValidParenthesesTests/nonBracketsAreIgnored(text:expected:)"),
        ReviewCard(
            id: "leetcode.valid-parentheses#14835cf0", lesson: "leetcode.valid-parentheses", kind: .predict,
            question: """
                A stack-based isValid iterates the Characters of a String and ignores anything that isn't a \
                bracket. What does isValid("(\\u{301})") return?
                """,
            answer: """
                false. "(" followed by U+0301 (combining acute) is a single Character that isn't equal to \
                "(", so it's ignored as a non-bracket. That leaves the ) with nothing open. Swift iterates \
                grapheme clusters; if you want the raw bracket, iterate unicodeScalars or utf8.
                """,
            test: "HandbookLeetCodeTests.ValidParenthesesTests/combiningMarkMakesANewCharacter()"),
        ReviewCard(
            id: "leetcode.valid-parentheses#c3039167", lesson: "leetcode.valid-parentheses", kind: .recall,
            question: """
                The Go version pushes every character that isn't a closer. What goes wrong with that once \
                the input contains something other than brackets?
                """,
            answer: """
                Letters end up treated as openers. For "(a)", the ) meets a on top of the stack and the \
                string is reported invalid, and "a" alone counts as left open. On input that contains only \
                brackets the two versions agree, so the bug stays hidden until someone passes in an \
                expression. Decide on a policy (here, ignore anything that isn't a bracket), write it down, \
                and test it.
                """,
            test: "HandbookLeetCodeTests.ValidParenthesesTests/goVersionTreatsLettersAsOpeners()"),
        ReviewCard(
            id: "leetcode.best-time-to-buy-and-sell-stock#4cda2975", lesson: "leetcode.best-time-to-buy-and-sell-stock",
            kind: .recall,
            question: """
                How do you find the best single buy-then-sell profit in one pass?
                """,
            answer: """
                Keep track of the cheapest price seen so far. For each day, selling today earns price - \
                cheapest; keep the best of those, and make today the new cheapest if it is lower. Because \
                cheapest only ever covers earlier days or today, you never sell before you buy. That is \
                O(n) time and O(1) space; for [7, 1, 5, 3, 6, 4] the answer is 5 (buy at 1, sell at 6), and \
                it is 0 when prices only fall.
                """,
            test: "HandbookLeetCodeTests.BestTimeToBuyAndSellStockTests/publishedExamples(prices:expected:)"),
        ReviewCard(
            id: "leetcode.best-time-to-buy-and-sell-stock#aeb1296b", lesson: "leetcode.best-time-to-buy-and-sell-stock",
            kind: .predict,
            question: """
                What do the two functions return for the prices [7, 6, 4, 3, 1]?

                maxProfitIgnoringOrder: prices.max()! - prices.min()!
                maxProfit: one pass, tracking the cheapest price so far
                """,
            answer: """
                maxProfitIgnoringOrder returns 6 and maxProfit returns 0. The max-minus-min spread ignores \
                that the maximum, 7, comes before the minimum, 1, and you can't sell before you buy. Prices \
                only fall here, so the correct answer is 0, meaning don't trade, and never a negative \
                number.
                """,
            test: "HandbookLeetCodeTests.BestTimeToBuyAndSellStockTests/maxMinusMinIgnoresOrder()"),
        ReviewCard(
            id: "leetcode.best-time-to-buy-and-sell-stock#17d256dd", lesson: "leetcode.best-time-to-buy-and-sell-stock",
            kind: .recall,
            question: """
                Can price - cheapest overflow in the stock problem? How does the Swift version deal with it?
                """,
            answer: """
                With negative "prices" it can: the difference can exceed Int.max, and Swift would trap \
                where Go would wrap. The Swift version makes non-negative prices a checked precondition, \
                and a negative price traps with a message ("cannot be negative, got -1"). Once prices are \
                non-negative, no difference can overflow; [0, Int.max] correctly gives Int.max.
                """,
            test: "HandbookLeetCodeTests.BestTimeToBuyAndSellStockTests/negativePriceTraps()"),
        ReviewCard(
            id: "leetcode.merge-two-sorted-lists#9404cc27", lesson: "leetcode.merge-two-sorted-lists", kind: .predict,
            question: """
                You merge the linked lists 1→2→4 and 1→3→4 with a dummy head and a tail pointer, taking \
                list1's node when a.val <= b.val. What values does the result hold, which node is its head, \
                and how many nodes were allocated?
                """,
            answer: """
                The values are [1, 1, 2, 3, 4, 4], and the head is list1's original first node (===), not a \
                copy. Apart from the dummy, no node is allocated; the result is exactly the six input nodes \
                relinked. When one list runs out, the rest of the other is attached in one step because \
                it's already sorted. That gives O(n + m) time and O(1) extra space.
                """,
            test: "HandbookLeetCodeTests.MergeTwoSortedListsTests/splicesWithoutAllocating()"),
        ReviewCard(
            id: "leetcode.merge-two-sorted-lists#98c89fb1", lesson: "leetcode.merge-two-sorted-lists", kind: .recall,
            question: """
                The Go version compares with a.val < b.val where <= was intended. Its output is still \
                sorted, so why is that a bug, and how would a test detect it?
                """,
            answer: """
                On equal values it takes list2's node first, so the merge is no longer stable. Merging [1] \
                with [1] gives [1, 1] either way, so a test that only checks values can't see the \
                difference. Nodes are classes with identity, so the test checks with === that the head is \
                list1's node. With <= that holds; with < the head is list2's node.
                """,
            test: "HandbookLeetCodeTests.MergeTwoSortedListsTests/goVersionIsNotStable()"),
        ReviewCard(
            id: "leetcode.merge-two-sorted-lists#cdffae96", lesson: "leetcode.merge-two-sorted-lists", kind: .recall,
            question: """
                A ListNode's custom deinit copies next into a local (var rest = next) and lets it go out of \
                scope. Why can dropping a million-node list then crash, and how should the deinit be \
                written instead?
                """,
            answer: """
                Releasing that local frees the successor from inside user code, so the successor's deinit \
                runs inside this one: one stack frame per node, and a long list overflows the fixed thread \
                stack. Instead unlink the chain in a loop: move next into a local, set self.next to nil, \
                and while the local is uniquely referenced, step to its next and clear each node's link; a \
                node someone else still holds ends the walk. Swift frees nodes with ARC the moment the last \
                reference goes; there is no GC to do it later.
                """,
            test: "HandbookLeetCodeTests.MergeTwoSortedListsTests/longListsDeallocateIteratively()"),
        ReviewCard(
            id: "leetcode.merge-intervals#9862daaa", lesson: "leetcode.merge-intervals", kind: .recall,
            question: """
                Describe the merge-intervals algorithm and its cost. How do you handle closed intervals \
                that only touch, such as [1, 4] and [4, 5]?
                """,
            answer: """
                Sort a copy by lowerBound, then sweep once. If the next interval starts at or before the \
                last merged interval's end (use <=, not <), extend that end to the larger of the two ends; \
                otherwise start a new merged interval. After sorting, an interval can only overlap the last \
                merged one, so one pass is enough. Touching closed intervals share a point, so [1...4, \
                4...5] becomes [1...5], and unsorted input such as [4...7, 1...4] becomes [1...7]. The sort \
                dominates, so it's O(n log n).
                """,
            test: "HandbookLeetCodeTests.MergeIntervalsTests/publishedExamples(intervals:expected:)"),
        ReviewCard(
            id: "leetcode.merge-intervals#92123892", lesson: "leetcode.merge-intervals", kind: .predict,
            question: """
                What does MergeIntervals.merge return for [1...10, 2...3], and for [1...10, 2...3, 4...12]?
                """,
            answer: """
                [1...10] and [1...12]. When an interval overlaps, the merged end has to be max(last end, \
                new end). Simply taking the new interval's end would shrink [1...10] to [1...3] and lose \
                points. With max, 4...12 then extends the still-intact [1...10] to 12.
                """,
            test: "HandbookLeetCodeTests.MergeIntervalsTests/containmentKeepsTheLargerEnd()"),
        ReviewCard(
            id: "leetcode.merge-intervals#9edc69e4", lesson: "leetcode.merge-intervals", kind: .predict,
            question: """
                What does MergeIntervals.merge return for [8...9, (-5)...(-1), 0...2], and for [1...2, \
                3...4]?
                """,
            answer: """
                [(-5)...(-1), 0...2, 8...9] and [1...2, 3...4]. Disjoint intervals stay separate and come \
                back sorted by start. [1, 2] and [3, 4] are adjacent integers but share no point, so \
                closed-interval overlap doesn't merge them. The sort returns a new array and leaves the \
                caller's array alone, whereas Go's sort.Slice reorders it in place.
                """,
            test: "HandbookLeetCodeTests.MergeIntervalsTests/disjointIntervalsAreSorted()"),
        ReviewCard(
            id: "leetcode.merge-intervals#3f464c0d", lesson: "leetcode.merge-intervals", kind: .recall,
            question: """
                Why model intervals as [ClosedRange<Int>] rather than LeetCode's [[Int]] pairs, and can \
                merging overflow at the extremes of Int?
                """,
            answer: """
                A ClosedRange has named lowerBound and upperBound and guarantees start ≤ end when it is \
                built, whereas an [Int] pair can be indexed wrongly or have the wrong length. Merging never \
                overflows because bounds are only compared and combined with min and max, with no end + 1 \
                anywhere. So [0...Int.max, Int.min...0] merges into [Int.min...Int.max] without trapping.
                """,
            test: "HandbookLeetCodeTests.MergeIntervalsTests/extremeBounds()"),
        ReviewCard(
            id: "leetcode.top-k-frequent-elements#b13f623e", lesson: "leetcode.top-k-frequent-elements", kind: .recall,
            question: """
                The obvious top-k-frequent solution counts and then sorts, in O(n log n). How do you get \
                O(n)?
                """,
            answer: """
                Use bucket sort on the counts. First count with counts[value, default: 0] += 1. No count \
                can exceed n, so create n + 1 buckets, where bucket c holds the values that appear exactly \
                c times, then walk the buckets from n down to 1 until you have k values. For [1, 1, 1, 2, \
                2, 3] with k = 2 the answer is [1, 2]. If the data arrives as a stream, a heap of size k is \
                the alternative.
                """,
            test: "HandbookLeetCodeTests.TopKFrequentElementsTests/publishedExamples(nums:k:expected:)"),
        ReviewCard(
            id: "leetcode.top-k-frequent-elements#63954e19", lesson: "leetcode.top-k-frequent-elements", kind: .recall,
            question: """
                Values with equal counts come out of your top-k in a different order on each run. Why, and \
                how do you make the order deterministic without losing O(n)?
                """,
            answer: """
                The buckets are being filled by iterating the counts Dictionary, whose order is unspecified \
                and depends on a per-process hash seed, much like Go's deliberately randomised map \
                iteration. Instead, record each distinct value the first time it appears and fill the \
                buckets in that order. Ties are then broken by first appearance, which costs nothing extra, \
                whereas sorting each bucket by value would bring back the log factor.
                """,
            test: "HandbookLeetCodeTests.TopKFrequentElementsTests/tiesFollowFirstAppearance()"),
        ReviewCard(
            id: "leetcode.top-k-frequent-elements#5acdec3a", lesson: "leetcode.top-k-frequent-elements", kind: .predict,
            question: """
                Ties are broken by first appearance. What do topK([4, 5, 5, 4, 6], k: 1) and topK([7, 8, 8, \
                9, 9, 9], k: 3) return?
                """,
            answer: """
                [4] and [9, 8, 7]. In the first array, 4 and 5 both appear twice and 4 appears first, so it \
                wins the single slot. In the second, count decides first (9 three times, 8 twice, 7 once), \
                and first appearance only breaks ties.
                """,
            test: "HandbookLeetCodeTests.TopKFrequentElementsTests/tiesFollowFirstAppearance()"),
        ReviewCard(
            id: "leetcode.top-k-frequent-elements#bb71967f", lesson: "leetcode.top-k-frequent-elements", kind: .predict,
            question: """
                What do topK([1, 2, 2], k: 10), topK([1, 2, 2], k: 0) and topK([], k: 3) return?
                """,
            answer: """
                [2, 1], [] and []. If k is larger than the number of distinct values, you get all the \
                distinct values, most frequent first, the way prefix(k) behaves. k = 0 and empty input both \
                give an empty array. A negative k is a programmer error and traps through a precondition.
                """,
            test: "HandbookLeetCodeTests.TopKFrequentElementsTests/edgeCases()"),
        ReviewCard(
            id: "leetcode.group-anagrams#5bf95159", lesson: "leetcode.group-anagrams", kind: .recall,
            question: """
                How do you group anagrams in one pass, and how do you make the order of the output \
                deterministic?
                """,
            answer: """
                Give each word the canonical key word.sorted(), an array of Characters; all anagrams share \
                that key. Keep a [[Character]: Int] that maps each key to the index of its group in a \
                groups array, and append to that group or start a new one. The groups array then records \
                first-appearance order: ["eat","tea","tan","ate","nat","bat"] gives [[eat, tea, ate], [tan, \
                nat], [bat]]. Returning Array(dict.values) instead gives an unspecified order that can \
                change from run to run (hashing is seeded per process). The cost is O(n · m log m).
                """,
            test: "HandbookLeetCodeTests.GroupAnagramsTests/publishedExamples(words:expected:)"),
        ReviewCard(
            id: "leetcode.group-anagrams#5d56f98c", lesson: "leetcode.group-anagrams", kind: .predict,
            question: """
                The key is word.sorted() as [Character]. How many groups does \
                GroupAnagrams.group(["caf\\u{E9}", "face\\u{301}"]) return? (The first word has a \
                precomposed é, the second e followed by a combining acute.)
                """,
            answer: """
                One group containing both words. Swift's Character is a grapheme cluster, and Characters \
                compare by canonical equivalence, so é is the same character whichever way it is encoded. \
                Go's approach of sorting []rune, like keyByUnicodeScalars, produces two different keys and \
                splits the two words into separate groups.
                """,
            test: "HandbookLeetCodeTests.GroupAnagramsTests/canonicallyEquivalentCharactersMatch()"),
        ReviewCard(
            id: "leetcode.group-anagrams#5b79c926", lesson: "leetcode.group-anagrams", kind: .recall,
            question: """
                Why should the anagram key stay a [Character] and not be turned into String(word.sorted())?
                """,
            answer: """
                When the sorted characters are joined into a String, the String segments them again, and \
                characters that sorting put next to each other can merge into one. "\\u{301}e" (a lone \
                accent, then e) sorts to e followed by the accent, which joins into é, so its key equals \
                the key of "é". Two characters go in, one comes out, and words that aren't anagrams end up \
                sharing a key. A [Character] key keeps a one-to-one mapping.
                """,
            test: "HandbookLeetCodeTests.GroupAnagramsTests/joinedKeyMergesGraphemes()"),
        ReviewCard(
            id: "leetcode.longest-substring-without-repeating-characters#0072824c",
            lesson: "leetcode.longest-substring-without-repeating-characters", kind: .recall,
            question: """
                In LeetCode 3 with a last-seen map, when does the window's start move? Which input breaks a \
                solution that gets this wrong?
                """,
            answer: """
                Move the start just past the previous occurrence, but only if that occurrence is inside the \
                current window (last seen >= start); the start must never move backwards. "abba" breaks the \
                naive version: at the final a, the earlier a at index 0 is stale, and jumping to index 1 \
                would put the window back over "bba", giving 3 instead of 2 ("ab"). Because each Character \
                enters and leaves the window once, the whole thing is O(n).
                """,
            test: "HandbookLeetCodeTests.LongestSubstringWithoutRepeatingCharactersTests/startOnlyMovesForward()"),
        ReviewCard(
            id: "leetcode.longest-substring-without-repeating-characters#948c56f2",
            lesson: "leetcode.longest-substring-without-repeating-characters", kind: .predict,
            question: """
                length(of:) slides the window over Characters, and lengthOverUTF8Bytes runs the same window \
                over text.utf8, the way Go's s[i] does. What does each return for "éé", written with the \
                precomposed é (U+00E9)?
                """,
            answer: """
                length(of:) returns 1 and lengthOverUTF8Bytes returns 2. As UTF-8 the string is C3 A9 C3 \
                A9, so the first two bytes form a byte window with no repeat. As Characters, é is simply \
                repeated. On ASCII the two versions agree, which is how the byte version survives until \
                real text shows up.
                """,
            test: "HandbookLeetCodeTests.LongestSubstringWithoutRepeatingCharactersTests/byteWindowIsWrongBeyondASCII()"
        ),
        ReviewCard(
            id: "leetcode.longest-substring-without-repeating-characters#3f73312f",
            lesson: "leetcode.longest-substring-without-repeating-characters", kind: .predict,
            question: """
                What does the Character-based length(of:) return for "👍🏽👍🏽" and for "é\\u{65}\\u{301}" (a \
                precomposed é followed by e + combining acute)?
                """,
            answer: """
                It returns 1 for both. A thumbs-up with a skin-tone modifier is one Character, so the first \
                string is that Character twice. A precomposed é and e followed by U+0301 are canonically \
                equivalent, so they count as the same Character, which repeats. Swift Characters are \
                grapheme clusters compared by canonical equivalence; Go's []rune only gives you code points.
                """,
            test: "HandbookLeetCodeTests.LongestSubstringWithoutRepeatingCharactersTests/countsGraphemeClusters()"),
        ReviewCard(
            id: "leetcode.longest-substring-without-repeating-characters#fd0f80bd",
            lesson: "leetcode.longest-substring-without-repeating-characters", kind: .recall,
            question: """
                You can't write s[i] on a Swift String. How should the longest-substring solution walk the \
                text and return its answer?
                """,
            answer: """
                Walk the String.Index values once (or copy the string to Array(s) once), and don't call \
                s.index(s.startIndex, offsetBy: i) inside the loop, because each such call is O(i) and the \
                loop becomes O(n²). Keep the String.Index of the best window and return text[range] as a \
                Substring. It shares the input's indices (for "xyzxyz" its startIndex is text.startIndex), \
                so it never has to be rebuilt from offsets.
                """,
            test: "HandbookLeetCodeTests.LongestSubstringWithoutRepeatingCharactersTests/returnsASubstringOfTheInput()"),
        ReviewCard(
            id: "leetcode.product-of-array-except-self#3add8e0f", lesson: "leetcode.product-of-array-except-self",
            kind: .recall,
            question: """
                How do you compute product-of-array-except-self in O(n) without division, and with O(1) \
                extra space besides the output?
                """,
            answer: """
                answer[i] is the product of everything to the left of i times the product of everything to \
                the right. A forward pass writes the left products into an output array that starts as \
                Array(repeating: 1, count: n); in Go, make gives zeros, so you'd have to set res[0] = 1 \
                yourself. A backward pass then multiplies in a running suffix product. [1, 2, 3, 4] gives \
                [24, 12, 8, 6], and [-1, 1, 0, -3, 3] gives [0, 0, 9, 0, 0].
                """,
            test: "HandbookLeetCodeTests.ProductOfArrayExceptSelfTests/publishedExamples(numbers:expected:)"),
        ReviewCard(
            id: "leetcode.product-of-array-except-self#068e1b8c", lesson: "leetcode.product-of-array-except-self",
            kind: .recall,
            question: """
                Why not just divide the total product by each element?
                """,
            answer: """
                Any zero breaks it. Swift's integer division by zero traps with "Division by zero", just as \
                Go panics, so [-1, 1, 0, -3, 3] crashes even though its answers are simply [0, 0, 9, 0, 0]. \
                The total product can also overflow when none of the individual answers do. The problem \
                asks for no division precisely to push you toward prefix and suffix products.
                """,
            test: "HandbookLeetCodeTests.ProductOfArrayExceptSelfTests/divisionTrapsOnZero()"),
        ReviewCard(
            id: "leetcode.product-of-array-except-self#75520e64", lesson: "leetcode.product-of-array-except-self",
            kind: .predict,
            question: """
                wrappingProducts runs the same prefix/suffix passes using &* instead of *. What does \
                wrappingProducts([Int.max, 2, 1]) return?
                """,
            answer: """
                [2, Int.max, -2]. The last answer, Int.max * 2, doesn't fit, and &* wraps it modulo 2⁶⁴ to \
                -2, which is what Go's int silently does. The checked products() traps on the same input \
                with a precondition failure (that answer does not fit in Int) instead of returning a wrong \
                value. Overflow is a policy you choose: trap, wrap with &*, or report it with \
                multipliedReportingOverflow.
                """,
            test: "HandbookLeetCodeTests.ProductOfArrayExceptSelfTests/wrappingVersionWraps()"),
        ReviewCard(
            id: "leetcode.product-of-array-except-self#0d04aae8", lesson: "leetcode.product-of-array-except-self",
            kind: .predict,
            question: """
                The checked products() traps only when an answer doesn't fit. What does products([Int.max, \
                2]) return, and why doesn't it trap?
                """,
            answer: """
                [2, Int.max]. Both answers fit, and the algorithm never computes Int.max * 2, the product \
                of all n elements, because the backward pass stops updating the suffix at index 0. Two or \
                more zeros return all zeros straight away, so no large prefix product is formed either.
                """,
            test: "HandbookLeetCodeTests.ProductOfArrayExceptSelfTests/neverFormsTheFullProduct()"),
        ReviewCard(
            id: "leetcode.kth-largest-element-in-an-array#243122c4", lesson: "leetcode.kth-largest-element-in-an-array",
            kind: .recall,
            question: """
                Compare the ways to find the k-th largest element: sorting, a heap, and quickselect.
                """,
            answer: """
                Sorting is O(n log n) and simplest. A min-heap capped at k elements is O(n log k) time and \
                O(k) space, and it works on a stream read once, since its minimum is the answer. \
                Quickselect is O(n) expected with a random pivot and a three-way partition, O(n²) in the \
                worst case, and works on an O(n) copy. Both the heap and quickselect give 5 for \
                [3,2,1,5,6,4] with k = 2, and 4 for [3,2,3,1,2,4,5,5,6] with k = 4, because duplicates \
                count.
                """,
            test: "HandbookLeetCodeTests.KthLargestElementInAnArrayTests/publishedExamples(numbers:k:expected:)"),
        ReviewCard(
            id: "leetcode.kth-largest-element-in-an-array#cc8c8d81", lesson: "leetcode.kth-largest-element-in-an-array",
            kind: .recall,
            question: """
                How should a Swift k-th-largest function handle k = 0, k greater than the count, or an \
                empty array?
                """,
            answer: """
                Declare it throws(Failure) and throw .invalidK(k:count:). Callers then catch one concrete \
                error type, instead of the -1 sentinel or panic a Go answer typically uses. Quickselect \
                checks 1 <= k <= count before doing any work; the heap version, which may read a one-pass \
                sequence, rejects k < 1 up front and throws after the pass if it saw fewer than k elements.
                """,
            test: "HandbookLeetCodeTests.KthLargestElementInAnArrayTests/invalidKThrows(numbers:k:)"),
        ReviewCard(
            id: "leetcode.kth-largest-element-in-an-array#ca807a66", lesson: "leetcode.kth-largest-element-in-an-array",
            kind: .recall,
            question: """
                How do you test a randomized quickselect, including its worst case?
                """,
            answer: """
                Have it take inout some RandomNumberGenerator instead of calling Int.random(in:) \
                internally. With a seeded generator, the same seed makes the same draws, so a run can be \
                replayed exactly. A deliberately bad generator that always picks the first element of the \
                range forces the O(n²) worst case on sorted input, and the answer must still be right: for \
                1...200 with k = 10 it returns 191.
                """,
            test: "HandbookLeetCodeTests.KthLargestElementInAnArrayTests/injectedGenerator()"),
        ReviewCard(
            id: "leetcode.kth-largest-element-in-an-array#67d089e3", lesson: "leetcode.kth-largest-element-in-an-array",
            kind: .predict,
            question: """
                What does quickselect return for [5, 5, 1] with k = 2, and for [4, 4, 4, 4] with k = 3?
                """,
            answer: """
                5 and 4. Duplicates count as separate elements, so the k-th largest is the element at \
                ascending position n - k, not the k-th distinct value. The three-way partition groups all \
                the elements equal to the pivot together, so a run of duplicates gets settled in one round \
                instead of degrading toward O(n²).
                """,
            test: "HandbookLeetCodeTests.KthLargestElementInAnArrayTests/edgeCases(numbers:k:expected:)"),
        ReviewCard(
            id: "leetcode.meeting-rooms-ii#5e6ef735", lesson: "leetcode.meeting-rooms-ii", kind: .recall,
            question: """
                How do you compute the minimum number of meeting rooms in O(n log n) without simulating \
                rooms?
                """,
            answer: """
                The number of rooms needed is the peak number of meetings running at the same time. Sort \
                the start times and the end times separately, then walk the starts. If the earliest end not \
                yet consumed is at or before this start (ends[nextEnd] <= start), a room has freed up, so \
                advance nextEnd. Otherwise open another room. It doesn't matter which meeting ended, only \
                how many have. [0,30), [5,10), [15,20) needs 2 rooms. A min-heap of end times gives the \
                same complexity and also tells you which room frees up.
                """,
            test: "HandbookLeetCodeTests.MeetingRoomsIITests/publishedExamples(pairs:expected:)"),
        ReviewCard(
            id: "leetcode.meeting-rooms-ii#7fb62a6b", lesson: "leetcode.meeting-rooms-ii", kind: .predict,
            question: """
                Meetings are half-open [start, end). For [1,5), [5,10), [10,15), what does minimumRooms \
                return when the room check is ends[nextEnd] <= start, and what if it is ends[nextEnd] < \
                start?
                """,
            answer: """
                1 with <=, and 2 with <. Because intervals are half-open, a meeting that ends at 5 frees \
                its room for one that starts at 5. The strict < treats touching meetings as overlapping and \
                opens a second room; the third meeting then reuses the first room, so the count stays at 2. \
                When no meetings touch, the two checks agree.
                """,
            test: "HandbookLeetCodeTests.MeetingRoomsIITests/backToBackShareARoom()"),
        ReviewCard(
            id: "leetcode.meeting-rooms-ii#4ffbac2f", lesson: "leetcode.meeting-rooms-ii", kind: .predict,
            question: """
                What does minimumRooms return for [(1,5), (1,5), (1,5)], for [(0,10), (2,3), (4,5)], and \
                for the single empty meeting [(3,3)]?
                """,
            answer: """
                3, 2 and 0. Three identical meetings all run at the same time. In the nested case, (2,3) \
                and (4,5) both fit inside (0,10) and can share one room, so the peak is 2. An empty meeting \
                [3, 3) takes up no time, so it needs no room. Times are only compared, never added, so even \
                (Int.min, Int.max) works without overflow.
                """,
            test: "HandbookLeetCodeTests.MeetingRoomsIITests/edgeCases(pairs:expected:)"),
        ReviewCard(
            id: "leetcode.number-of-islands#bbd723d6", lesson: "leetcode.number-of-islands", kind: .recall,
            question: """
                How do you count islands in an m × n grid, and when should a cell be marked visited?
                """,
            answer: """
                Scan every cell. Each land cell that hasn't been visited starts a new island, and a flood \
                fill (BFS with an array and a head index) marks everything reachable through up, down, left \
                and right moves. Mark a cell when it is enqueued, not when it is dequeued, so that no cell \
                is queued twice. Diagonal neighbours don't connect. This is O(m·n) time and space; the grid \
                ["11000", "11000", "00100", "00011"] has 3 islands.
                """,
            test: "HandbookLeetCodeTests.NumberOfIslandsTests/publishedExamples(rows:expected:)"),
        ReviewCard(
            id: "leetcode.number-of-islands#b48ebda1", lesson: "leetcode.number-of-islands", kind: .recall,
            question: """
                Recursive DFS for Number of Islands passes every LeetCode test. What happens on a single \
                island of 200,000 cells in Swift?
                """,
            answer: """
                It crashes with a stack overflow, because it needs one call-stack frame per cell of the \
                island. Swift threads have fixed-size stacks, and the secondary threads that run tasks have \
                much smaller ones, whereas Go's goroutine stacks grow. The BFS version with an explicit \
                queue counts the same 200,000-cell island without trouble, since its memory comes from the \
                heap.
                """,
            test: "HandbookLeetCodeTests.NumberOfIslandsTests/recursionOverflowsTheStack()"),
        ReviewCard(
            id: "leetcode.number-of-islands#50f3246d", lesson: "leetcode.number-of-islands", kind: .recall,
            question: """
                The classic Go answer "sinks" islands by writing '0' into grid [][]byte. Why is that a \
                problem there, and how does Swift make the mutation explicit?
                """,
            answer: """
                A Go slice shares its backing array with the caller, so sinking destroys the caller's grid. \
                In Swift, count(in:) receives its [[Character]] by value and keeps its own visited array, \
                so the caller's grid is untouched. countBySinking takes the grid inout, and the call site \
                has to write &scratch. Only that variable is sunk; other copies, such as the original grid, \
                keep their land thanks to copy-on-write.
                """,
            test: "HandbookLeetCodeTests.NumberOfIslandsTests/mutationIsExplicit()"),
        ReviewCard(
            id: "leetcode.number-of-islands#19ca1be4", lesson: "leetcode.number-of-islands", kind: .predict,
            question: """
                What does NumberOfIslands.count return for the grid ["101", "010", "101"], and for ["111", \
                "001", "101", "111"]?
                """,
            answer: """
                5 and 1. In the first grid every land cell touches the others only diagonally, and \
                diagonals don't connect, so there are 5 separate islands. The second grid is a single \
                connected spiral or U shape; if the fill forgot a direction (usually up or left), part of \
                it would be counted as a second island.
                """,
            test: "HandbookLeetCodeTests.NumberOfIslandsTests/edgeCases(rows:expected:)"),
        ReviewCard(
            id: "leetcode.course-schedule#ede0ee0e", lesson: "leetcode.course-schedule", kind: .recall,
            question: """
                How do you decide whether all courses can be finished (LeetCode 207), and which way do the \
                edges go?
                """,
            answer: """
                A pair (course, prerequisite) such as (1, 0) means 0 comes first, so the edge goes from \
                prerequisite to course. Run Kahn's algorithm: count each course's unmet prerequisites, \
                queue every course with none, and when you take a course, decrement its dependents and \
                queue any that reach 0. All courses get taken exactly when there is no cycle, so (1,0), \
                (0,1) is impossible. That is O(V + E) and iterative, so even a 100,000-course chain works.
                """,
            test: "HandbookLeetCodeTests.CourseScheduleTests/publishedExamples(n:pairs:possible:)"),
        ReviewCard(
            id: "leetcode.course-schedule#8cb852ca", lesson: "leetcode.course-schedule", kind: .recall,
            question: """
                When Kahn's algorithm can't take every course, how can you name an actual cycle instead of \
                just returning false?
                """,
            answer: """
                Each course left untaken still has at least one untaken prerequisite. Start at any untaken \
                course and keep stepping to one of its untaken prerequisites; within V steps you must \
                revisit a course, and the loop you walked is a cycle. Reverse it so it reads forwards. For \
                (1,0), (2,1), (3,2), (1,3), (4,3) the named cycle is {1, 2, 3}. Course 4 is also untaken, \
                but it only depends on the cycle and isn't part of it.
                """,
            test: "HandbookLeetCodeTests.CourseScheduleTests/reportsTheCycle()"),
        ReviewCard(
            id: "leetcode.course-schedule#d304d937", lesson: "leetcode.course-schedule", kind: .predict,
            question: """
                findOrder uses the in-degree counting of Kahn's algorithm, with the order array doubling as \
                a FIFO queue. What does findOrder(numCourses: 4, prerequisites: [(1,0), (2,0), (3,1), \
                (3,2)]) return?
                """,
            answer: """
                [0, 1, 2, 3]. Course 0 is the only one with no prerequisites. Taking it drops 1 and 2 to \
                zero unmet prerequisites, and they are queued in the order of 0's dependents list. Taking \
                both of them frees 3. Using the queue order makes the output deterministic, which matters \
                for tests.
                """,
            test: "HandbookLeetCodeTests.CourseScheduleTests/exampleOrder()"),
        ReviewCard(
            id: "leetcode.course-schedule#8af0cdfb", lesson: "leetcode.course-schedule", kind: .recall,
            question: """
                LeetCode 210 returns [] when no order exists. Why does the Swift findOrder return nil \
                instead, and what does it return for zero courses or a self-loop?
                """,
            answer: """
                With no courses the valid order is the empty array, so [] can't also mean "impossible". \
                findOrder(numCourses: 0, prerequisites: []) returns [], and an impossible schedule returns \
                nil (or .cycle from plan). A self-loop such as (0, 0) is a one-course cycle, so canFinish \
                is false. Duplicate pairs are harmless because each one both raises and later lowers the \
                in-degree.
                """,
            test: "HandbookLeetCodeTests.CourseScheduleTests/edgeCases(n:pairs:possible:)"),
        ReviewCard(
            id: "leetcode.trapping-rain-water#7693c4b4", lesson: "leetcode.trapping-rain-water", kind: .recall,
            question: """
                In the two-pointer solution to Trapping Rain Water, why is it safe to settle the side whose \
                bar is lower?
                """,
            answer: """
                The water above a bar is min(highest bar to its left, highest bar to its right) minus its \
                height. If heights[left] < heights[right], the right side already has a bar at least as \
                tall as the left side's running maximum, so the left cell is bounded by leftMax alone. Add \
                leftMax - heights[left] and move left inward, and do the mirror case otherwise. That is \
                O(n) time and O(1) space, versus O(n) extra for two prefix-maximum arrays; \
                [0,1,0,2,1,0,1,3,2,1,2,1] gives 6.
                """,
            test: "HandbookLeetCodeTests.TrappingRainWaterTests/publishedExamples(heights:expected:)"),
        ReviewCard(
            id: "leetcode.trapping-rain-water#2ef59f3b", lesson: "leetcode.trapping-rain-water", kind: .predict,
            question: """
                The running maxima start at Int.min. What does twoPointers return for [-5, -5] and for [-1, \
                -3, -1]? What would go wrong if they started at 0, as a Go answer relying on zero values \
                does?
                """,
            answer: """
                0 and 2. Starting from Int.min, each maximum is taken from real bars, so negative heights \
                behave like any others. If leftMax started at 0, then for [-5, -5] a bar would hold 0 - \
                (-5) = 5 units of water that aren't there. The formula doesn't care where zero is, so \
                neither should the initial values.
                """,
            test: "HandbookLeetCodeTests.TrappingRainWaterTests/negativeHeights()"),
        ReviewCard(
            id: "leetcode.trapping-rain-water#3793f8f4", lesson: "leetcode.trapping-rain-water", kind: .recall,
            question: """
                Can the trapped-water total overflow, and what does the Swift version do if it does?
                """,
            answer: """
                Yes. Two Int.max walls around two empty cells hold 2 × Int.max units. Every term added is \
                the true, non-negative depth of water over one cell, so the sum overflows only when the \
                real answer doesn't fit in Int. In that case Swift's checked + traps, where Go's int would \
                wrap silently to a wrong total. With a single empty cell, [Int.max, 0, Int.max], the answer \
                Int.max fits and is exact.
                """,
            test: "HandbookLeetCodeTests.TrappingRainWaterTests/overflowingTotalTraps()"),
    ]
}
