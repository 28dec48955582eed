extension Catalogue {
    static let dataStructureHeapAndHashLessons: [Lesson] = [
        Lesson(
            id: "ds.heap",
            phase: 4,
            module: "HandbookDataStructures",
            title: "Binary heap: one priority queue for min and max, O(n) heapify, k-th largest, merge K lists",
            sources: ["Sources/HandbookDataStructures/BinaryHeap.swift"],
            tests: ["Tests/HandbookDataStructuresTests/BinaryHeapTests.swift"],
            seedTopics: ["ds: Heap"],
            experiments: [
                Experiment(
                    id: "heap.heapify-top-down",
                    file: "Sources/HandbookDataStructures/BinaryHeap.swift",
                    original: "for parent in stride(from: storage.count / 2 - 1, through: 0, by: -1) {",
                    replacement: "for parent in stride(from: 0, through: storage.count / 2 - 1, by: 1) {",
                    caughtBy: "HandbookDataStructuresTests.BinaryHeapTests/heapifyEstablishesTheHeapProperty",
                    teaches: """
                        Sift-down assumes both subtrees are already heaps, so heapify must start at the last parent \
                        and walk back to the root. Walking forwards leaves 3 at the root of [5,3,8,1,9,2], and the \
                        debug-build invariant check traps with "heap property violated".
                        """),
                Experiment(
                    id: "heap.sift-down-ignores-right-child",
                    file: "Sources/HandbookDataStructures/BinaryHeap.swift",
                    original:
                        "if right < storage.count && areInIncreasingOrder(storage[right], storage[first]) { first = right }",
                    replacement: "",
                    caughtBy: "HandbookDataStructuresTests.BinaryHeapTests/randomOperationsMatchOracle",
                    teaches: """
                        Sift-down must swap with the child that orders first. Looking only at the left child lets a \
                        smaller right child sit below a larger parent: the random operation sequences find a case \
                        within a few tries and the invariant check names the index.
                        """),
            ]),
        Lesson(
            id: "ds.hash-map",
            phase: 4,
            module: "HandbookDataStructures",
            title: "Hash maps: chaining, then open addressing; Hasher, load factor 3/4, the Hashable contract",
            sources: [
                "Sources/HandbookDataStructures/ChainedHashMap.swift",
                "Sources/HandbookDataStructures/OpenAddressingHashMap.swift",
            ],
            tests: [
                "Tests/HandbookDataStructuresTests/ChainedHashMapTests.swift",
                "Tests/HandbookDataStructuresTests/OpenAddressingHashMapTests.swift",
            ],
            seedTopics: ["ds: HashMap"],
            experiments: [
                Experiment(
                    id: "hash-map.open-addressing-delete-leaves-a-hole",
                    file: "Sources/HandbookDataStructures/OpenAddressingHashMap.swift",
                    original: "while let entry = slots[next] {",
                    replacement: "while false, let entry = slots[next] {",
                    caughtBy:
                        "HandbookDataStructuresTests.OpenAddressingHashMapTests/removalInsideAProbeRunKeepsLaterKeys",
                    teaches: """
                        With open addressing a lookup stops at the first empty slot. Delete by simply emptying \
                        the slot (no backward shift, no tombstone) and every key further along the same probe \
                        run becomes unreachable: still stored, never found.
                        """),
                Experiment(
                    id: "hash-map.resize-keeps-old-bucket-indices",
                    file: "Sources/HandbookDataStructures/ChainedHashMap.swift",
                    original: "newBuckets[bucketIndex(for: entry.key, bucketCount: newBucketCount)].append(entry)",
                    replacement: "newBuckets[bucketIndex(for: entry.key, bucketCount: buckets.count)].append(entry)",
                    caughtBy: "HandbookDataStructuresTests.ChainedHashMapTests/resizeDoublesAndKeepsEveryKey",
                    teaches: """
                        A key's bucket is its hash masked by the bucket count, so after doubling every key must be \
                        re-inserted with the new mask. Keeping the old positions strands half the keys where \
                        lookups never search; the invariant check after the resize traps.
                        """),
                Experiment(
                    id: "hash-map.never-resize",
                    file: "Sources/HandbookDataStructures/ChainedHashMap.swift",
                    original: "            resize(to: buckets.count * 2)\n",
                    replacement: "",
                    caughtBy: "HandbookDataStructuresTests.ChainedHashMapTests/resizeDoublesAndKeepsEveryKey",
                    teaches: """
                        Without growth the 8 buckets fill up and chains grow linearly, so every operation becomes \
                        an O(n) scan: answers stay right but the load-factor invariant (count <= 3/4 of the \
                        buckets) traps on the 7th key.
                        """),
            ]),
    ]
}
