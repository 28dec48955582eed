extension Catalogue {
    static let dataStructureLRULessons: [Lesson] = [
        Lesson(
            id: "ds.lru-cache",
            phase: 4,
            module: "HandbookDataStructures",
            title: "LRU cache: map + doubly linked list; locked, actor and index-arena variants",
            sources: ["Sources/HandbookDataStructures/LRUCache.swift"],
            tests: ["Tests/HandbookDataStructuresTests/LRUCacheTests.swift"],
            seedTopics: ["ds: LRU Cache"],
            checklist: ["LRU Cache - Can you build a thread-safe LRU cache?"],
            experiments: [
                Experiment(
                    id: "lru-cache.allocate-on-every-miss",
                    file: "Sources/HandbookDataStructures/LRUCache.swift",
                    original: "            node = oldest\n",
                    replacement: "            node = Node(key: key, value: value)\n            nodesAllocated += 1\n",
                    caughtBy: "HandbookDataStructuresTests.LRUCacheTests/missesOnAFullCacheAllocateNothing",
                    teaches: """
                        Every miss on a full cache evicts one node and needs one: reuse the evicted node and \
                        a miss allocates nothing. Allocate a fresh one instead and the cache makes one heap \
                        allocation (and one free) per miss, which the benchmark's malloc count shows.
                        """),
                Experiment(
                    id: "lru-cache.forget-move-to-front-on-get",
                    file: "Sources/HandbookDataStructures/LRUCache.swift",
                    original: "moveToFront(node)  // a read is a use: the reason `get` needs an exclusive lock",
                    replacement: "",
                    caughtBy:
                        "HandbookDataStructuresTests.LRUCacheTests/(scenario|matchesRecencyOracle|oldestAndNewest)",
                    teaches: """
                        Without moving the entry to the front on a read, the cache evicts in insertion order (FIFO): \
                        LeetCode's example evicts key 1 instead of 2, and the recency oracle disagrees within a few ops.
                        """),
                Experiment(
                    id: "lru-cache.strong-back-pointer",
                    file: "Sources/HandbookDataStructures/LRUCache.swift",
                    original: "unowned var previous: Link?",
                    replacement: "var previous: Link?",
                    caughtBy: "HandbookDataStructuresTests.LRUCacheTests/droppingTheCacheFreesEveryNode",
                    teaches: """
                        With strong previous and next pointers every pair of neighbours is a reference cycle. The \
                        cache object itself is still freed, but ARC (unlike Go's tracing GC) never frees the nodes: \
                        none of the values' deinits runs.
                        """),
                Experiment(
                    id: "lru-cache.evict-newest",
                    file: "Sources/HandbookDataStructures/LRUCache.swift",
                    original: "let oldest = tail.previous as? Node",
                    replacement: "let oldest = head.next as? Node",
                    caughtBy: "HandbookDataStructuresTests.LRUCacheTests",
                    teaches: """
                        Evicting from the wrong end throws away the entry just inserted: every put into a full \
                        cache is immediately lost, which the published scenarios and the oracle catch at once.
                        """),
                Experiment(
                    id: "lru-cache.arena-forget-to-refile-the-moved-slot",
                    file: "Sources/HandbookDataStructures/LRUCache.swift",
                    original: "            index[moved.key] = slot\n",
                    replacement: "",
                    caughtBy: "HandbookDataStructuresTests.LRUCacheTests/arenaRemovalPatchesTheMovedSlot",
                    teaches: """
                        Removing from the arena moves the last slot into the hole. Patch its neighbours but \
                        not the index, and its key still points at the old position, now past the end of the \
                        array. The debug invariant check traps at once; without it the next lookup of that key \
                        would read out of bounds, and Swift traps rather than return another entry's value.
                        """),
                Experiment(
                    id: "lru-cache.evict-without-forgetting-the-key",
                    file: "Sources/HandbookDataStructures/LRUCache.swift",
                    original: "nodes[oldest.key] = nil",
                    replacement: "",
                    caughtBy: "HandbookDataStructuresTests.LRUCacheTests/evictedEntriesAreFreed",
                    teaches: """
                        The node must carry its key so eviction can delete the dictionary entry. Skip that and the \
                        dictionary keeps the evicted node alive and reachable: the invariant check (list count ≠ \
                        dictionary count, count > capacity) traps on the first eviction.
                        """),
            ])
    ]
}
