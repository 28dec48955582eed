extension Catalogue {
    /// Difficulty, study time, priority and (Phase 4) documented complexity of every lesson, for
    /// `handbook list` filters and `handbook plan`.
    public static let facts: [String: LessonFacts] = [
        "basics.value-vs-reference": LessonFacts(difficulty: .easy, studyMinutes: 25, priority: .essential),
        "basics.arrays-and-slices": LessonFacts(difficulty: .easy, studyMinutes: 30, priority: .essential),
        "basics.dictionaries": LessonFacts(difficulty: .easy, studyMinutes: 25, priority: .recommended),
        "basics.structs-and-composition": LessonFacts(difficulty: .easy, studyMinutes: 25, priority: .recommended),
        "basics.protocols-and-existentials": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .essential),
        "basics.optionals-and-initialization": LessonFacts(difficulty: .easy, studyMinutes: 30, priority: .essential),
        "basics.enums-and-pattern-matching": LessonFacts(difficulty: .easy, studyMinutes: 30, priority: .recommended),
        "basics.strings-and-characters": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .recommended),
        "basics.error-basics": LessonFacts(difficulty: .easy, studyMinutes: 30, priority: .recommended),
        "intermediate.defer": LessonFacts(difficulty: .easy, studyMinutes: 25, priority: .recommended),
        "intermediate.traps-vs-throws": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .recommended),
        "intermediate.error-chains": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .essential),
        "intermediate.typed-throws": LessonFacts(difficulty: .medium, studyMinutes: 30, priority: .deepDive),
        "intermediate.protocol-composition-and-dispatch": LessonFacts(
            difficulty: .medium, studyMinutes: 40, priority: .recommended),
        "intermediate.codable-edge-cases": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .recommended),
        "intermediate.inout-and-exclusivity": LessonFacts(
            difficulty: .medium, studyMinutes: 35, priority: .recommended),
        "advanced.task-cancellation": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .essential),
        "advanced.deadlines-and-timeouts": LessonFacts(difficulty: .medium, studyMinutes: 45, priority: .essential),
        "advanced.task-local-values": LessonFacts(difficulty: .easy, studyMinutes: 25, priority: .essential),
        "advanced.configuration-with-defaults": LessonFacts(
            difficulty: .easy, studyMinutes: 25, priority: .recommended),
        "advanced.choosing-a-clock": LessonFacts(difficulty: .medium, studyMinutes: 50, priority: .recommended),
        "advanced.generics-and-constraints": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .recommended),
        "advanced.opaque-and-existential-types": LessonFacts(
            difficulty: .medium, studyMinutes: 35, priority: .essential),
        "advanced.mirror-reflection": LessonFacts(difficulty: .easy, studyMinutes: 30, priority: .deepDive),
        "advanced.unsafe-pointers": LessonFacts(difficulty: .hard, studyMinutes: 50, priority: .essential),
        "advanced.memory-layout-and-alignment": LessonFacts(
            difficulty: .medium, studyMinutes: 30, priority: .recommended),
        "advanced.noncopyable-ownership": LessonFacts(difficulty: .hard, studyMinutes: 45, priority: .deepDive),
        "concurrency.tasks-and-structured-concurrency": LessonFacts(
            difficulty: .medium, studyMinutes: 45, priority: .essential),
        "concurrency.select-and-racing": LessonFacts(difficulty: .medium, studyMinutes: 45, priority: .recommended),
        "concurrency.fan-out-fan-in": LessonFacts(difficulty: .medium, studyMinutes: 45, priority: .recommended),
        "concurrency.async-let-scope": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .recommended),
        "concurrency.task-start-ordering": LessonFacts(difficulty: .medium, studyMinutes: 45, priority: .recommended),
        "concurrency.cancellation-handler-rules": LessonFacts(difficulty: .hard, studyMinutes: 60, priority: .deepDive),
        "concurrency.async-streams-and-channels": LessonFacts(
            difficulty: .medium, studyMinutes: 40, priority: .essential),
        "concurrency.bounded-channel": LessonFacts(difficulty: .hard, studyMinutes: 80, priority: .essential),
        "concurrency.async-sequence-backpressure": LessonFacts(
            difficulty: .medium, studyMinutes: 40, priority: .recommended),
        "concurrency.worker-pool": LessonFacts(difficulty: .medium, studyMinutes: 50, priority: .essential),
        "concurrency.locks-and-mutex": LessonFacts(difficulty: .medium, studyMinutes: 50, priority: .essential),
        "concurrency.atomics": LessonFacts(difficulty: .hard, studyMinutes: 45, priority: .recommended),
        "concurrency.data-race-safety": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .essential),
        "concurrency.sendable-and-region-isolation": LessonFacts(
            difficulty: .hard, studyMinutes: 45, priority: .recommended),
        "concurrency.actors-and-reentrancy": LessonFacts(difficulty: .medium, studyMinutes: 45, priority: .essential),
        "concurrency.isolation-inheritance": LessonFacts(difficulty: .hard, studyMinutes: 50, priority: .deepDive),
        "concurrency.continuations-bridging": LessonFacts(difficulty: .hard, studyMinutes: 55, priority: .essential),
        "concurrency.nonsending-cpu-work": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .deepDive),
        "concurrency.global-actors-on-a-server": LessonFacts(difficulty: .hard, studyMinutes: 50, priority: .deepDive),
        "concurrency.isolated-conformances": LessonFacts(difficulty: .hard, studyMinutes: 45, priority: .deepDive),
        "concurrency.isolated-deinit": LessonFacts(difficulty: .hard, studyMinutes: 45, priority: .deepDive),
        "memory.array-capacity-and-copy-on-write": LessonFacts(
            difficulty: .medium, studyMinutes: 50, priority: .essential),
        "memory.dictionary-capacity": LessonFacts(difficulty: .medium, studyMinutes: 30, priority: .recommended),
        "memory.string-performance": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .recommended),
        "memory.escaping-closures-and-stack-promotion": LessonFacts(
            difficulty: .medium, studyMinutes: 45, priority: .essential),
        "memory.arc-and-retain-cycles": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .essential),
        "memory.object-pooling": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .recommended),
        "memory.task-and-resource-leaks": LessonFacts(difficulty: .medium, studyMinutes: 45, priority: .essential),
        "internals.cooperative-thread-pool": LessonFacts(difficulty: .medium, studyMinutes: 50, priority: .recommended),
        "internals.task-executors-for-blocking-io": LessonFacts(
            difficulty: .hard, studyMinutes: 60, priority: .deepDive),
        "internals.executors-and-actor-hopping": LessonFacts(difficulty: .hard, studyMinutes: 50, priority: .deepDive),
        "internals.priority-and-escalation": LessonFacts(difficulty: .hard, studyMinutes: 45, priority: .deepDive),
        "internals.arc-internals": LessonFacts(difficulty: .hard, studyMinutes: 45, priority: .essential),
        "internals.existentials-and-dispatch": LessonFacts(difficulty: .hard, studyMinutes: 45, priority: .essential),
        "internals.collection-internals": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .essential),
        "internals.async-runtime-internals": LessonFacts(difficulty: .hard, studyMinutes: 55, priority: .essential),
        "patterns.repository-pattern": LessonFacts(difficulty: .medium, studyMinutes: 55, priority: .essential),
        "patterns.service-layer": LessonFacts(difficulty: .easy, studyMinutes: 30, priority: .recommended),
        "patterns.dependency-injection": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .essential),
        "patterns.middleware": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .recommended),
        "patterns.functional-options": LessonFacts(difficulty: .easy, studyMinutes: 30, priority: .recommended),
        "patterns.circuit-breaker": LessonFacts(difficulty: .medium, studyMinutes: 55, priority: .essential),
        "patterns.retry-with-backoff": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .essential),
        "system-design.token-bucket-rate-limiter": LessonFacts(
            difficulty: .medium, studyMinutes: 55, priority: .essential),
        "system-design.sliding-window-rate-limiter": LessonFacts(
            difficulty: .medium, studyMinutes: 35, priority: .essential),
        "system-design.backpressure-and-load-shedding": LessonFacts(
            difficulty: .medium, studyMinutes: 40, priority: .recommended),
        "system-design.ttl-cache": LessonFacts(difficulty: .medium, studyMinutes: 60, priority: .essential),
        "system-design.single-flight": LessonFacts(difficulty: .hard, studyMinutes: 45, priority: .recommended),
        "system-design.consistent-hashing": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .recommended),
        "system-design.pub-sub-broker": LessonFacts(difficulty: .medium, studyMinutes: 45, priority: .recommended),
        "system-design.idempotency-keys": LessonFacts(difficulty: .hard, studyMinutes: 75, priority: .essential),
        "system-design.cursor-signing": LessonFacts(difficulty: .hard, studyMinutes: 60, priority: .deepDive),
        "system-design.pagination": LessonFacts(difficulty: .medium, studyMinutes: 45, priority: .essential),
        "system-design.deadline-retry-orchestrator": LessonFacts(
            difficulty: .hard, studyMinutes: 55, priority: .recommended),
        "system-design.saga-compensation": LessonFacts(difficulty: .medium, studyMinutes: 55, priority: .recommended),
        "system-design.transactional-outbox": LessonFacts(
            difficulty: .medium, studyMinutes: 50, priority: .recommended),
        "system-design.fencing-tokens": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .deepDive),
        "system-design.optimistic-concurrency": LessonFacts(
            difficulty: .medium, studyMinutes: 50, priority: .essential),
        "system-design.sagas-vs-two-phase-commit": LessonFacts(
            difficulty: .hard, studyMinutes: 75, priority: .recommended),
        "system-design.liveness-and-readiness": LessonFacts(
            difficulty: .medium, studyMinutes: 40, priority: .recommended),
        "system-design.bloom-filter": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .recommended),
        "system-design.count-min-sketch": LessonFacts(difficulty: .hard, studyMinutes: 50, priority: .deepDive),
        "system-design.retry-budget": LessonFacts(difficulty: .hard, studyMinutes: 50, priority: .deepDive),
        "ds.stack": LessonFacts(
            difficulty: .easy, studyMinutes: 25, priority: .essential,
            complexity: [
                .init(operation: "init(_:)", time: "O(n)"),
                .init(
                    operation: "push(_:)",
                    time: "amortized O(1); O(n) when the buffer grows or is shared with a copy and must be copied first"
                ),
                .init(operation: "pop()", time: "O(1) (O(n) once if the buffer is shared with a copy)"),
                .init(operation: "removeTop()", time: "O(1)"),
                .init(operation: "peek()", time: "O(1)"),
                .init(operation: "count", time: "O(1)"),
                .init(operation: "isEmpty", time: "O(1)"),
                .init(operation: "removeAll(keepingCapacity:)", time: "O(n) to destroy the elements"),
                .init(operation: "makeIterator()", time: "O(1)"),
                .init(operation: "==", time: "O(n)"),
            ]),
        "ds.queue": LessonFacts(
            difficulty: .easy, studyMinutes: 35, priority: .essential,
            complexity: [
                .init(operation: "init(maximumCount:)", time: "O(maximumCount)"),
                .init(operation: "init(_:)", time: "O(n)"),
                .init(
                    operation: "enqueue(_:)",
                    time:
                        "amortized O(1): when the ring is full it doubles, an O(n) copy that n cheap enqueues pay for; O(n) once if the storage is shared with a copy"
                ),
                .init(operation: "dequeue()", time: "O(1) (O(n) once if the storage is shared with a copy)"),
                .init(operation: "first", time: "O(1)"),
                .init(operation: "last", time: "O(1)"),
                .init(operation: "count", time: "O(1)"),
                .init(operation: "isFull", time: "O(1)"),
                .init(operation: "removeAll()", time: "O(capacity)"),
                .init(operation: "==", time: "O(n)"),
            ]),
        "ds.linked-list": LessonFacts(
            difficulty: .medium, studyMinutes: 50, priority: .essential,
            complexity: [
                .init(operation: "init(_:)", time: "O(n)"),
                .init(operation: "prepend(_:)", time: "O(1)"),
                .init(operation: "append(_:)", time: "O(1)"),
                .init(operation: "first", time: "O(1)"),
                .init(operation: "last", time: "O(1): the point of keeping a tail pointer"),
                .init(operation: "insert(_:at:)", time: "O(position)"),
                .init(operation: "popFirst()", time: "O(1)"),
                .init(operation: "popLast()", time: "O(n): a singly linked node does not know its predecessor"),
                .init(operation: "removeFirstOccurrence(of:)", time: "O(n)"),
                .init(operation: "removeAll()", time: "O(n)"),
                .init(operation: "reverse()", time: "O(n)", space: "O(1) extra"),
                .init(operation: "mergeSorted(with:by:)", time: "O(n + m)", space: "O(1) extra"),
                .init(operation: "mergeSorted(with:)", time: "O(n + m)"),
                .init(operation: "middle", time: "O(n), one pass", space: "O(1)"),
                .init(operation: "middleNode(startingAt:)", time: "O(n)", space: "O(1)"),
                .init(operation: "hasCycle(startingAt:)", time: "O(n)", space: "O(1)"),
                .init(operation: "ConsList.prepending(_:)", time: "O(1)"),
                .init(operation: "ConsList.rest", time: "O(1)"),
                .init(operation: "ConsList.init(_:)", time: "O(n)"),
            ]),
        "ds.binary-tree": LessonFacts(
            difficulty: .medium, studyMinutes: 60, priority: .essential,
            complexity: [
                .init(operation: "init(root:)", time: "O(n), no recursion"),
                .init(operation: "init(_:)", time: "O(n²) with the per-insert BFS"),
                .init(operation: "insert(_:)", time: "O(n): a breadth-first search for the free slot"),
                .init(operation: "traversal(_:)", time: "O(n)", space: "O(height) call-stack depth"),
                .init(
                    operation: "iterativeTraversal(_:)", time: "O(n)",
                    space: "O(height) extra (O(width) for level order)"),
                .init(operation: "height", time: "O(n)", space: "O(height) heap space, no recursion"),
                .init(operation: "recursiveHeight", time: "O(n)", space: "O(height) call-stack depth"),
                .init(operation: "diameter", time: "O(n)", space: "O(height) heap space, no recursion"),
                .init(operation: "isBalanced", time: "O(n)", space: "O(height) heap space, no recursion"),
                .init(operation: "==", time: "O(n)", space: "O(height) extra"),
                .init(operation: "lowestCommonAncestor(of:and:)", time: "O(n)", space: "O(n)"),
                .init(
                    operation: "recursiveLowestCommonAncestor(of:and:)", time: "O(n)",
                    space: "O(height) call-stack depth"),
                .init(operation: "min()", time: "O(n)"),
                .init(operation: "max()", time: "O(n)"),
                .init(operation: "serialized()", time: "O(n)", space: "O(height) explicit stack"),
                .init(operation: "init(serialized:)", time: "O(n)"),
            ]),
        "ds.bst": LessonFacts(
            difficulty: .medium, studyMinutes: 50, priority: .essential,
            complexity: [
                .init(operation: "init(_:)", time: "O(n · height)"),
                .init(operation: "init(uncheckedRoot:)", time: "O(n), no recursion"),
                .init(operation: "contains(_:)", time: "O(height): one comparison per level"),
                .init(operation: "insert(_:)", time: "O(height)"),
                .init(operation: "remove(_:)", time: "O(height)", space: "O(1) extra"),
                .init(operation: "min()", time: "O(height)"),
                .init(operation: "max()", time: "O(height)"),
                .init(operation: "height", time: "O(n)"),
                .init(operation: "preorder()", time: "O(n)"),
                .init(operation: "isValid", time: "O(n)", space: "O(height) extra"),
                .init(operation: "isValidCheckingOnlyChildren", time: "O(n)", space: "O(height) extra"),
                .init(operation: "Iterator.next()", time: "amortized O(1)", space: "O(height) extra"),
            ]),
        "ds.heap": LessonFacts(
            difficulty: .medium, studyMinutes: 40, priority: .essential,
            complexity: [
                .init(operation: "init(by:)", time: "O(1)"),
                .init(operation: "init(_:by:)", time: "O(n)"),
                .init(operation: "init(insertingOneByOne:by:)", time: "O(n log n)"),
                .init(operation: "count", time: "O(1)"),
                .init(operation: "min", time: "O(1)"),
                .init(operation: "insert(_:)", time: "O(log n)"),
                .init(operation: "popMin()", time: "O(log n)"),
                .init(operation: "removeMin()", time: "O(log n)"),
                .init(operation: "HeapProblems.kthLargest(_:k:)", time: "O(n log k)", space: "O(k) extra"),
                .init(operation: "HeapProblems.mergeKSorted(_:)", time: "O(N log k) for N elements in k lists"),
            ]),
        "ds.hash-map": LessonFacts(
            difficulty: .medium, studyMinutes: 45, priority: .essential,
            complexity: [
                .init(operation: "subscript(key:)", time: "O(1) on average; O(n) if every key shares one bucket"),
                .init(
                    operation: "updateValue(_:forKey:)",
                    time: "O(1) amortized on average (a resize re-inserts all n keys, but doubling makes that rare)"),
                .init(operation: "removeValue(forKey:)", time: "O(1) on average"),
                .init(operation: "count", time: "O(1)"),
                .init(operation: "longestChain", time: "O(bucketCount)"),
                .init(operation: "makeIterator()", time: "O(n + bucketCount) for a full iteration"),
                .init(operation: "init(dictionaryLiteral:)", time: "O(n) on average"),
            ]),
        "ds.lru-cache": LessonFacts(
            difficulty: .medium, studyMinutes: 60, priority: .essential,
            complexity: [
                .init(operation: "init(capacity:)", time: "O(1)"),
                .init(operation: "value(forKey:)", time: "O(1) on average"),
                .init(operation: "setValue(_:forKey:)", time: "O(1) on average"),
                .init(operation: "removeValue(forKey:)", time: "O(1) on average"),
                .init(operation: "contains(_:)", time: "O(1) on average"),
                .init(operation: "oldest", time: "O(1)"),
                .init(operation: "newest", time: "O(1)"),
                .init(operation: "entries", time: "O(n)"),
                .init(operation: "LockedLRUCache.value(forKey:)", time: "O(1) on average, plus the lock"),
                .init(operation: "LockedLRUCache.setValue(_:forKey:)", time: "O(1) on average, plus the lock"),
                .init(operation: "LockedLRUCache.removeValue(forKey:)", time: "O(1) on average, plus the lock"),
                .init(operation: "LRUCacheActor.value(forKey:)", time: "O(1) on average, plus an actor hop"),
                .init(operation: "LRUCacheActor.setValue(_:forKey:)", time: "O(1) on average, plus an actor hop"),
                .init(operation: "LRUCacheActor.removeValue(forKey:)", time: "O(1) on average, plus an actor hop"),
                .init(operation: "ArenaLRUCache.value(forKey:)", time: "O(1) on average"),
                .init(
                    operation: "ArenaLRUCache.setValue(_:forKey:)",
                    time: "O(1) on average; no allocation once the cache is full"),
                .init(operation: "ArenaLRUCache.removeValue(forKey:)", time: "O(1) on average"),
            ]),
        "algo.binary-search": LessonFacts(
            difficulty: .medium, studyMinutes: 45, priority: .essential,
            complexity: [
                .init(operation: "partitioningIndex(in:where:)", time: "O(log n) predicate calls"),
                .init(operation: "lowerBound(of:in:)", time: "O(log n)"),
                .init(operation: "upperBound(of:in:)", time: "O(log n)"),
                .init(operation: "insertionPoint(of:in:)", time: "O(log n)"),
                .init(operation: "firstIndex(of:in:)", time: "O(log n), even when every element equals target"),
                .init(operation: "lastIndex(of:in:)", time: "O(log n)"),
                .init(operation: "equalRange(of:in:)", time: "O(log n)"),
                .init(operation: "recursiveSearch(for:in:)", time: "O(log n)", space: "O(log n) stack"),
                .init(operation: "searchRotated(_:for:)", time: "O(log n)"),
                .init(operation: "peakIndex(_:)", time: "O(log n)"),
                .init(operation: "isqrt(_:)", time: "O(log n)"),
                .init(operation: "midpoint(_:_:)", time: "O(1)"),
            ]),
        "algo.two-pointers": LessonFacts(
            difficulty: .easy, studyMinutes: 30, priority: .essential,
            complexity: [
                .init(operation: "twoSumSorted(_:target:)", time: "O(n)", space: "O(1)"),
                .init(operation: "threeSum(_:)", time: "O(n²)", space: "O(n) extra for the sorted copy"),
                .init(operation: "maxArea(_:)", time: "O(n)", space: "O(1)"),
                .init(operation: "removeDuplicates(_:)", time: "O(n)", space: "O(1) extra"),
                .init(operation: "reverse(_:)", time: "O(n)", space: "O(1)"),
                .init(operation: "moveZeroes(_:)", time: "O(n)", space: "O(1)"),
                .init(operation: "isPalindrome(_:)", time: "O(n)", space: "O(1) (no array copy)"),
                .init(operation: "isPalindromeByBytes(_:)", time: "O(n) in bytes"),
                .init(operation: "isSentencePalindrome(_:)", time: "O(n)", space: "O(1)"),
            ]),
        "algo.sliding-window": LessonFacts(
            difficulty: .medium, studyMinutes: 40, priority: .essential,
            complexity: [
                .init(operation: "maxSum(of:windowSize:)", time: "O(n)", space: "O(1)"),
                .init(operation: "maxSumInInt(of:windowSize:)", time: "O(n)", space: "O(1)"),
                .init(operation: "longestWithoutRepeating(_:)", time: "O(n)", space: "O(k) for k distinct characters"),
                .init(operation: "longestWithoutRepeatingScalars(_:)", time: "O(n) in scalars"),
                .init(operation: "longestWithAtMostKDistinct(_:k:)", time: "O(n)", space: "O(k)"),
                .init(operation: "minSubarrayLength(_:atLeast:)", time: "O(n)", space: "O(1)"),
                .init(operation: "minWindow(in:containing:)", time: "O(n + m)", space: "O(m)"),
            ]),
        "algo.sorting": LessonFacts(
            difficulty: .medium, studyMinutes: 55, priority: .essential,
            complexity: [
                .init(
                    operation: "quickSort(_:using:by:)", time: "O(n log n) expected, O(n²) worst case",
                    space: "O(log n) stack"),
                .init(operation: "lomutoQuickSort(_:by:)", time: "O(n log n) average, O(n²) on sorted input"),
                .init(operation: "mergeSorted(_:by:)", time: "O(n log n) in every case", space: "O(n) extra"),
                .init(operation: "mergeSorted(_:)", time: "O(n log n)"),
                .init(operation: "merge(_:_:by:)", time: "O(left.count + right.count)"),
                .init(operation: "heapSort(_:by:)", time: "O(n log n) in every case", space: "O(1)"),
                .init(operation: "insertionSort(_:by:)", time: "O(n²) worst case, O(n) on sorted input"),
                .init(operation: "selectionSort(_:by:)", time: "O(n²) always, but only O(n) swaps"),
                .init(operation: "bubbleSort(_:by:)", time: "O(n²) worst case, O(n) on sorted input"),
                .init(
                    operation: "kthLargest(in:k:using:)", time: "O(n) expected, O(n²) worst case",
                    space: "O(n) for the copy"),
            ]),
        "algo.dynamic-programming": LessonFacts(
            difficulty: .hard, studyMinutes: 60, priority: .essential,
            complexity: [
                .init(operation: "naiveFibonacci(_:calls:)", time: "O(φⁿ)", space: "O(n) stack"),
                .init(
                    operation: "FibonacciMemo.fibonacci(_:)", time: "O(n)", space: "O(n) (cache and recursion depth)"),
                .init(operation: "tabulatedFibonacci(_:)", time: "O(n)", space: "O(n), no recursion"),
                .init(operation: "fibonacci(_:)", time: "O(n)", space: "O(1)"),
                .init(operation: "checkedFibonacci(_:)", time: "O(n)", space: "O(1)"),
                .init(operation: "climbStairs(_:)", time: "O(n)", space: "O(1)"),
                .init(operation: "coinChange(_:amount:)", time: "O(amount × coins.count)", space: "O(amount)"),
                .init(operation: "maxSubarraySum(_:)", time: "O(n)", space: "O(1)"),
                .init(operation: "rob(_:)", time: "O(n)", space: "O(1)"),
                .init(operation: "uniquePaths(rows:columns:)", time: "O(rows × columns)", space: "O(columns)"),
                .init(operation: "longestCommonSubsequence(_:_:)", time: "O(m × n)", space: "O(n)"),
                .init(
                    operation: "knapsack(weights:values:capacity:)", time: "O(items × capacity)", space: "O(capacity)"),
                .init(operation: "quadraticLISLength(_:)", time: "O(n²)", space: "O(n)"),
                .init(operation: "lisLength(_:)", time: "O(n log n)", space: "O(n)"),
            ]),
        "algo.recursion-and-backtracking": LessonFacts(
            difficulty: .medium, studyMinutes: 45, priority: .recommended,
            complexity: [
                .init(operation: "permutations(_:)", time: "O(n! · n)", space: "O(n! · n) output"),
                .init(operation: "subsets(_:)", time: "O(2ⁿ · n)"),
                .init(
                    operation: "combinationSum(_:target:)", time: "exponential in target / min(candidates)",
                    space: "recursion depth up to target / min(candidates)"),
                .init(
                    operation: "iterativeCombinationSum(_:target:)", time: "the same time as the recursion",
                    space: "O(target / min(candidates)) heap space instead of call stack"),
                .init(operation: "nQueens(_:)", time: "O(n!)", space: "O(n) space and recursion depth"),
                .init(operation: "generateParentheses(_:)", time: "O(Cₙ · n), Cₙ the n-th Catalan number"),
                .init(operation: "recursiveCount(_:)", time: "O(n)", space: "O(n) stack"),
                .init(operation: "iterativeCount(_:)", time: "O(n)", space: "O(1)"),
            ]),
        "algo.graph-traversal": LessonFacts(
            difficulty: .medium, studyMinutes: 45, priority: .essential,
            complexity: [
                .init(operation: "Graph.init(vertexCount:edges:directed:)", time: "O(V + E)"),
                .init(operation: "Graph.addEdge(from:to:)", time: "amortized O(1)"),
                .init(operation: "Queue.enqueue(_:)", time: "amortized O(1)"),
                .init(
                    operation: "Queue.dequeue()",
                    time: "amortized O(1): the consumed prefix is dropped once it is at least half of the storage"),
                .init(operation: "breadthFirstOrder(_:from:)", time: "O(V + E)"),
                .init(operation: "distances(_:from:)", time: "O(V + E)"),
                .init(operation: "shortestPath(_:from:to:)", time: "O(V + E)"),
                .init(operation: "recursiveDepthFirstOrder(_:from:)", time: "O(V + E)", space: "O(V) stack"),
                .init(
                    operation: "iterativeDepthFirstOrder(_:from:)", time: "O(V + E)",
                    space: "O(E) heap memory, no recursion"),
                .init(operation: "connectedComponents(_:)", time: "O(V + E)"),
                .init(operation: "hasDirectedCycle(_:)", time: "O(V + E)", space: "O(V) heap space"),
                .init(operation: "recursiveHasDirectedCycle(_:)", time: "O(V + E)", space: "O(V) call-stack depth"),
                .init(operation: "numberOfIslands(_:)", time: "O(rows × columns)"),
            ]),
        "algo.topological-sort": LessonFacts(
            difficulty: .medium, studyMinutes: 35, priority: .recommended,
            complexity: [
                .init(
                    operation: "kahn(vertexCount:edges:)",
                    time: "O((V + E) log V); O(V + E) with a FIFO queue, at the price of a less predictable order"),
                .init(operation: "depthFirst(vertexCount:edges:)", time: "O(V + E)", space: "O(V) heap space"),
                .init(
                    operation: "recursiveDepthFirst(vertexCount:edges:)", time: "O(V + E)",
                    space: "recursion depth up to V"),
                .init(operation: "canFinish(_:_:)", time: "O((V + E) log V)"),
                .init(operation: "courseOrder(_:_:)", time: "O((V + E) log V)"),
            ]),
        "algo.dijkstra": LessonFacts(
            difficulty: .medium, studyMinutes: 40, priority: .recommended,
            complexity: [
                .init(operation: "WeightedGraph.init(vertexCount:)", time: "O(V)"),
                .init(operation: "WeightedGraph.addEdge(from:to:weight:)", time: "amortized O(1)"),
                .init(operation: "MinPriorityQueue.insert(_:)", time: "O(log n)"),
                .init(operation: "MinPriorityQueue.popMin()", time: "O(log n)"),
                .init(operation: "MinPriorityQueue.removeMin()", time: "O(log n)"),
                .init(
                    operation: "shortestPaths(in:from:)", time: "O((V + E) log V)",
                    space: "O(V + E) (one queue entry per successful relaxation)"),
                .init(operation: "ShortestPaths.distance(to:)", time: "O(1)"),
                .init(operation: "ShortestPaths.path(to:)", time: "O(path length)"),
            ]),
        "leetcode.two-sum": LessonFacts(
            difficulty: .easy, studyMinutes: 20, priority: .essential,
            complexity: [
                .init(operation: "indices(of:summingTo:)", time: "O(n) expected", space: "O(n)"),
                .init(operation: "indicesTrappingOnOverflow(of:summingTo:)", time: "O(n) expected", space: "O(n)"),
                .init(operation: "indicesByBruteForce(of:summingTo:)", time: "O(n²)", space: "O(1)"),
            ]),
        "leetcode.valid-parentheses": LessonFacts(
            difficulty: .easy, studyMinutes: 20, priority: .essential,
            complexity: [
                .init(operation: "isValid(_:)", time: "O(n)", space: "O(n)"),
                .init(operation: "isValidTreatingOthersAsOpeners(_:)", time: "O(n)", space: "O(n)"),
                .init(operation: "isValidByRepeatedRemoval(_:)", time: "O(n²)", space: "O(n)"),
            ]),
        "leetcode.best-time-to-buy-and-sell-stock": LessonFacts(
            difficulty: .easy, studyMinutes: 20, priority: .essential,
            complexity: [
                .init(operation: "maxProfit(_:)", time: "O(n)", space: "O(1)"),
                .init(operation: "maxProfitIgnoringOrder(_:)", time: "O(n)", space: "O(1)"),
                .init(operation: "maxProfitByBruteForce(_:)", time: "O(n²)", space: "O(1)"),
            ]),
        "leetcode.merge-two-sorted-lists": LessonFacts(
            difficulty: .easy, studyMinutes: 25, priority: .essential,
            complexity: [
                .init(operation: "merge(_:_:) (ListNode)", time: "O(n + m)", space: "O(1) extra"),
                .init(operation: "mergeTakingList2OnTies(_:_:)", time: "O(n + m)", space: "O(1) extra"),
                .init(operation: "merge(_:_:) (arrays)", time: "O(n + m)", space: "O(n + m)"),
                .init(operation: "ListNode.init(_:next:)", time: "O(1)"),
                .init(operation: "makeList(_:)", time: "O(n)"),
                .init(operation: "nodes(of:)", time: "O(n)"),
                .init(operation: "values(of:)", time: "O(n)"),
            ]),
        "leetcode.merge-intervals": LessonFacts(
            difficulty: .easy, studyMinutes: 25, priority: .recommended,
            complexity: [
                .init(operation: "merge(_:)", time: "O(n log n)", space: "O(n)"),
                .init(operation: "mergeByRepeatedPairing(_:)", time: "O(n³)", space: "O(n)"),
            ]),
        "leetcode.top-k-frequent-elements": LessonFacts(
            difficulty: .medium, studyMinutes: 30, priority: .recommended,
            complexity: [
                .init(operation: "topK(_:k:)", time: "O(n)", space: "O(n)"),
                .init(operation: "topKBySorting(_:k:)", time: "O(n log n)", space: "O(n)"),
            ]),
        "leetcode.group-anagrams": LessonFacts(
            difficulty: .easy, studyMinutes: 25, priority: .recommended,
            complexity: [
                .init(operation: "group(_:)", time: "O(n · m log m)", space: "O(n · m)"),
                .init(operation: "keyByUnicodeScalars(_:)", time: "O(m log m) for m scalars"),
                .init(operation: "keyByJoiningSortedCharacters(_:)", time: "O(m log m) for m characters"),
                .init(operation: "groupByPairwiseComparison(_:)", time: "O(n² · m)"),
            ]),
        "leetcode.longest-substring-without-repeating-characters": LessonFacts(
            difficulty: .medium, studyMinutes: 30, priority: .recommended,
            complexity: [
                .init(operation: "longest(in:)", time: "O(n)", space: "O(k) (n Characters, k distinct)"),
                .init(operation: "length(of:)", time: "O(n)", space: "O(k)"),
                .init(operation: "lengthOverUTF8Bytes(_:)", time: "O(n) in bytes", space: "O(1) (a 256-entry table)"),
            ]),
        "leetcode.product-of-array-except-self": LessonFacts(
            difficulty: .medium, studyMinutes: 35, priority: .recommended,
            complexity: [
                .init(
                    operation: "products(_:)", time: "O(n)",
                    space: "O(n) extra for the sign-and-magnitude products besides the output"),
                .init(operation: "wrappingProducts(_:)", time: "O(n)", space: "O(1) extra besides the output"),
                .init(operation: "productsUsingDivision(_:)", time: "O(n)"),
            ]),
        "leetcode.kth-largest-element-in-an-array": LessonFacts(
            difficulty: .medium, studyMinutes: 35, priority: .recommended,
            complexity: [
                .init(
                    operation: "quickselect(_:k:using:)", time: "O(n) expected, O(n²) worst case",
                    space: "O(n) for the copy"),
                .init(operation: "quickselect(_:k:)", time: "O(n) expected"),
                .init(operation: "usingHeap(_:k:)", time: "O(n log k)", space: "O(k)"),
                .init(operation: "MinHeap.insert(_:)", time: "O(log n)"),
                .init(operation: "MinHeap.popMin()", time: "O(log n)"),
                .init(operation: "MinHeap.removeMin()", time: "O(log n)"),
                .init(operation: "MinHeap.min", time: "O(1)"),
            ]),
        "leetcode.meeting-rooms-ii": LessonFacts(
            difficulty: .medium, studyMinutes: 30, priority: .recommended,
            complexity: [
                .init(operation: "minimumRooms(_:)", time: "O(n log n)", space: "O(n)"),
                .init(operation: "minimumRoomsTreatingTouchingAsOverlap(_:)", time: "O(n log n)", space: "O(n)"),
            ]),
        "leetcode.number-of-islands": LessonFacts(
            difficulty: .medium, studyMinutes: 30, priority: .recommended,
            complexity: [
                .init(operation: "grid(_:)", time: "O(m·n)"),
                .init(operation: "count(in:)", time: "O(m·n)", space: "O(m·n)"),
                .init(
                    operation: "countBySinking(_:)", time: "O(m·n)",
                    space: "O(m·n) stack in the worst case, no visited array"),
                .init(operation: "countRecursively(_:)", time: "O(m·n)", space: "O(m·n) call-stack depth"),
            ]),
        "leetcode.course-schedule": LessonFacts(
            difficulty: .medium, studyMinutes: 35, priority: .recommended,
            complexity: [
                .init(operation: "plan(numCourses:prerequisites:)", time: "O(V + E)", space: "O(V + E)"),
                .init(operation: "canFinish(numCourses:prerequisites:)", time: "O(V + E)"),
                .init(operation: "findOrder(numCourses:prerequisites:)", time: "O(V + E)"),
            ]),
        "leetcode.trapping-rain-water": LessonFacts(
            difficulty: .hard, studyMinutes: 40, priority: .recommended,
            complexity: [
                .init(operation: "twoPointers(_:)", time: "O(n)", space: "O(1) extra"),
                .init(operation: "prefixMaxima(_:)", time: "O(n)", space: "O(n) extra"),
            ]),
        "server.event-loops": LessonFacts(difficulty: .medium, studyMinutes: 45, priority: .essential),
        "server.byte-buffer": LessonFacts(difficulty: .medium, studyMinutes: 35, priority: .recommended),
        "server.backpressure": LessonFacts(difficulty: .hard, studyMinutes: 45, priority: .recommended),
        "server.structured-logging": LessonFacts(difficulty: .easy, studyMinutes: 30, priority: .recommended),
        "server.measuring": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .recommended),
        "server.graceful-shutdown": LessonFacts(difficulty: .medium, studyMinutes: 45, priority: .essential),
        "server.red-metrics": LessonFacts(difficulty: .easy, studyMinutes: 30, priority: .recommended),
        "server.trace-propagation": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .recommended),
        "server.http-client": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .essential),
        "server.spec-first": LessonFacts(difficulty: .medium, studyMinutes: 40, priority: .recommended),
    ]
}
