// Review cards for the production versions beside the interview answers (issue 21): each
// names the test that proves its answer, like every other card.
extension Catalogue {
    static let productionCards: [ReviewCard] = [
        ReviewCard(
            id: "ds.queue#0db2c3fd", lesson: "ds.queue", kind: .recall,
            question: """
                A fast ring buffer stores its elements in uninitialized memory instead of Element? slots. What \
                must popFirst and deinit then do that the Optional version got for free?
                """,
            answer: """
                popFirst must move the element out of its slot (not copy it), so the slot is uninitialized \
                again and the queue no longer holds a reference to it. deinit must deinitialize exactly the \
                live slots, count of them from head, in both runs when the ring wraps past the end, and \
                nothing else. Skip a run and those elements leak; touch a dead slot and you release garbage. \
                The Optional version only had to set a slot to nil.
                """,
            test: "HandbookDataStructuresTests.FastRingBufferQueueTests/deinitReleasesExactlyTheLiveElements()"),
        ReviewCard(
            id: "ds.hash-map#1233462c", lesson: "ds.hash-map", kind: .recall,
            question: """
                In an open-addressing (linear probing) hash map, why can't remove just empty the key's slot?
                """,
            answer: """
                A lookup probes from the key's home slot and stops at the first empty slot. Emptying a slot in \
                the middle of a probe run cuts off every later key of that run: still stored, never found. \
                Either leave a tombstone (\"deleted, keep probing\"), which lengthens later probes until a \
                rehash, or shift the later entries of the run back into the hole when the hole lies between \
                their home and their slot (backward-shift deletion, what OpenAddressingHashMap and Dictionary \
                do).
                """,
            test: "HandbookDataStructuresTests.OpenAddressingHashMapTests/removalInsideAProbeRunKeepsLaterKeys()"),
        ReviewCard(
            id: "algo.sorting#2f5fab78", lesson: "algo.sorting", kind: .recall,
            question: """
                Introsort picks its pivot as a median of three (or of nine) elements, with no randomness. Why \
                does it still need a depth limit, and what happens when the limit is reached?
                """,
            answer: """
                Any deterministic pivot rule has inputs that defeat it: McIlroy's adversary builds one while \
                the sort runs and drives a plain quicksort to O(n²) comparisons. Introsort counts partition \
                levels and, past about 2 log2 n, heapsorts the remaining range, so the worst case is O(n log \
                n) while typical inputs keep quicksort's speed.
                """,
            test: "HandbookAlgorithmsTests.SortingTests/introSortSurvivesTheKillerAdversary()"),
        ReviewCard(
            id: "algo.sorting#2f0f1e1d", lesson: "algo.sorting", kind: .recall,
            question: """
                A merge sort that uses one scratch buffer copies only the left run into it, then merges back \
                into the array. Why can the merge write into the array without overwriting right-run elements \
                it has not read yet?
                """,
            answer: """
                The write position is low plus the number of elements taken so far from both runs, and the \
                right run's next unread element is at middle plus those taken from the right. Since at most \
                middle - low elements can come from the left run, the write position never passes the unread \
                right element; the slots between them are exactly the ones already consumed. Ties must still \
                take from the left (scratch) run to keep the sort stable.
                """,
            test: "HandbookAlgorithmsTests.SortingTests/bufferedMergeSortIsStable()"),
        ReviewCard(
            id: "system-design.token-bucket-rate-limiter#1c8a21d5", lesson: "system-design.token-bucket-rate-limiter",
            kind: .recall,
            question: """
                A token bucket in integer nanoseconds earns credit as elapsed × tokensPerPeriod. What goes \
                wrong after a key is idle for a very long time, and how does NanosecondTokenBucket avoid it?
                """,
            answer: """
                The multiplication overflows. With wrapping arithmetic the credit can come out small or \
                negative (2^62 ns × 4 wraps to exactly 0), so an idle key that should be full is refused. \
                NanosecondTokenBucket multiplies with overflow checking and compares the earned credit with \
                what is missing, treating overflow or enough credit as a full bucket, so the sum itself never \
                overflows either.
                """,
            test: "HandbookSystemDesignTests.NanosecondTokenBucketTests/longIdleDoesNotOverflow()"),
        ReviewCard(
            id: "concurrency.bounded-channel#4440c8e6", lesson: "concurrency.bounded-channel", kind: .recall,
            question: """
                FastBoundedChannel.send first tries to finish under the lock without creating a continuation \
                when the buffer has room. Which rule of the slow path must that fast path keep, that a naive \
                version forgets?
                """,
            answer: """
                Cancellation. The slow path refuses a send from a cancelled task (CancellationError, value \
                never delivered); the fast path must check Task.isCancelled too, or a cancelled task's value \
                is buffered exactly when nothing has to wait, and the fast channel behaves differently from \
                the readable one. Same for receive: a cancelled task gets nil even if a value is buffered.
                """,
            test: "HandbookConcurrencyTests.BoundedChannelTests/cancelledTaskNeitherSendsNorReceives()"),
        ReviewCard(
            id: "ds.lru-cache#05d58cfd", lesson: "ds.lru-cache", kind: .recall,
            question: """
                An LRU cache is full and a get misses, so the caller puts the new key. How can the class-node \
                LRU serve that miss without a heap allocation?
                """,
            answer: """
                A miss on a full cache evicts exactly one node and needs exactly one: unlink the least \
                recently used node, remove its key from the dictionary, overwrite its key and value with the \
                new entry, and insert it at the front. Only filling the cache up allocates nodes (capacity of \
                them), where allocating a fresh node per miss costs one malloc and one free each time.
                """,
            test: "HandbookDataStructuresTests.LRUCacheTests/missesOnAFullCacheAllocateNothing()"),
    ]
}
