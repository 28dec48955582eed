extension Catalogue {
    static let dataStructureLinearLessons: [Lesson] = [
        Lesson(
            id: "ds.stack",
            phase: 4,
            module: "HandbookDataStructures",
            title: "Stack (ArrayStack)",
            sources: ["Sources/HandbookDataStructures/ArrayStack.swift"],
            tests: ["Tests/HandbookDataStructuresTests/ArrayStackTests.swift"],
            seedTopics: ["ds: Stack"],
            experiments: [
                Experiment(
                    id: "stack.pop-from-the-bottom",
                    file: "Sources/HandbookDataStructures/ArrayStack.swift",
                    original: "let top = storage.popLast()",
                    replacement: "let top = storage.isEmpty ? nil : storage.removeFirst()",
                    caughtBy: "HandbookDataStructuresTests.ArrayStackTests/popsInReverseOrder",
                    teaches: """
                        Popping from the front turns the stack into a queue: pushing 1…5 pops 1…5 instead of \
                        5…1, and every pop now shifts the remaining elements (O(n)). A stack's top is the end \
                        of the array, where append and popLast are O(1).
                        """),
                Experiment(
                    id: "stack.remove-all-drops-capacity",
                    file: "Sources/HandbookDataStructures/ArrayStack.swift",
                    original: "storage.removeAll(keepingCapacity: keepingCapacity)",
                    replacement: "storage = []",
                    caughtBy: "HandbookDataStructuresTests.ArrayStackTests/removeAllKeepsCapacityWhenAsked",
                    teaches: """
                        Replacing the storage frees the buffer even when the caller asked to keep it, so the \
                        capacity check fails and a stack reused in a loop reallocates on every round. \
                        removeAll(keepingCapacity: true) is how a reused buffer stays allocated.
                        """),
            ]),
        Lesson(
            id: "ds.queue",
            phase: 4,
            module: "HandbookDataStructures",
            title: "Queue (RingBufferQueue)",
            sources: ["Sources/HandbookDataStructures/RingBufferQueue.swift"],
            tests: [
                "Tests/HandbookDataStructuresTests/RingBufferQueueTests.swift",
                "Tests/HandbookDataStructuresTests/FastRingBufferQueueTests.swift",
            ],
            seedTopics: ["ds: Queue"],
            experiments: [
                Experiment(
                    id: "queue.fast-deinit-skips-the-first-run",
                    file: "Sources/HandbookDataStructures/RingBufferQueue.swift",
                    original: "(elements + head).deinitialize(count: firstRun)",
                    replacement: "_ = firstRun",
                    caughtBy:
                        "HandbookDataStructuresTests.FastRingBufferQueueTests/deinitReleasesExactlyTheLiveElements",
                    teaches: """
                        The fast queue's slots are raw memory, not `Element?`: nothing frees them unless deinit \
                        deinitializes exactly the live ones, in both runs of a wrapped ring. Skip the run from \
                        head to the end and those elements leak silently; the test counts their deinits.
                        """),
                Experiment(
                    id: "queue.skip-copy-on-write",
                    file: "Sources/HandbookDataStructures/RingBufferQueue.swift",
                    original: "if !isKnownUniquelyReferenced(&storage) {",
                    replacement: "if false {",
                    caughtBy: "HandbookDataStructuresTests.RingBufferQueueTests/copiesAreIndependent",
                    teaches: """
                        Without the uniqueness check, a dequeue on a copy mutates the class storage both \
                        copies share, and the original loses its front element too. A struct holding a class \
                        is only a value if it copies the storage before writing to a shared one.
                        """),
                Experiment(
                    id: "queue.grow-without-unrolling",
                    file: "Sources/HandbookDataStructures/RingBufferQueue.swift",
                    original: "newSlots[offset] = slots[(head + offset) % slots.count]",
                    replacement: "newSlots[offset] = slots[offset]",
                    caughtBy: "HandbookDataStructuresTests.RingBufferQueueTests/growthAcrossTheWrapKeepsOrder",
                    teaches: """
                        Copying the ring slot for slot while its contents wrap puts the newer elements (5, 6) \
                        in front of the older ones (3, 4) once head is reset to 0. Growth must copy in logical \
                        order, starting at head.
                        """),
            ]),
        Lesson(
            id: "ds.linked-list",
            phase: 4,
            module: "HandbookDataStructures",
            title: "Singly linked list",
            sources: ["Sources/HandbookDataStructures/SinglyLinkedList.swift"],
            tests: ["Tests/HandbookDataStructuresTests/SinglyLinkedListTests.swift"],
            seedTopics: ["ds: Linked List"],
            experiments: [
                Experiment(
                    id: "linked-list.reverse-keeps-old-tail",
                    file: "Sources/HandbookDataStructures/SinglyLinkedList.swift",
                    original: "\n        tail = head\n",
                    replacement: "\n",
                    caughtBy: "HandbookDataStructuresTests.SinglyLinkedListTests/reverseInPlace",
                    teaches: """
                        After reversing, the old tail is the new head, so the stale tail pointer has a \
                        successor: the debug invariant check traps ("the tail has a successor"). Without the \
                        check, the next append would link onto the front and cut off the rest of the list.
                        """),
                Experiment(
                    id: "linked-list.merge-ties-take-the-other-list",
                    file: "Sources/HandbookDataStructures/SinglyLinkedList.swift",
                    original: "if try areInIncreasingOrder(right.value, left.value) {",
                    replacement: "if try !areInIncreasingOrder(left.value, right.value) {",
                    caughtBy: "HandbookDataStructuresTests.SinglyLinkedListTests/mergeSortedIsStable",
                    teaches: """
                        Taking from the other list when its element is "not greater" (Go's <=) still sorts by \
                        key, but on equal keys the other list's node comes first: the merge is no longer \
                        stable. Take from the second list only when it is strictly smaller.
                        """),
                Experiment(
                    id: "linked-list.remove-all-keeps-tail",
                    file: "Sources/HandbookDataStructures/SinglyLinkedList.swift",
                    original: "tail = nil\n        count = 0",
                    replacement: "count = 0",
                    caughtBy: "HandbookDataStructuresTests.SinglyLinkedListTests/removeAllFreesEveryNode",
                    teaches: """
                        The debug invariant check traps: head is nil but tail is not. In a release build the \
                        deinit counter would read 99,999: the stale tail pointer keeps the last node (and its \
                        element) alive, because ARC frees only what nothing references.
                        """),
            ]),
    ]
}
