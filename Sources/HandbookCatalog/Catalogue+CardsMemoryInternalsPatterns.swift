extension Catalogue {
    /// Review cards for Phase 2 memory and internals, Phase 3 patterns: each names the test that proves its answer.
    static let runtimeCards: [ReviewCard] = [
        ReviewCard(
            id: "memory.array-capacity-and-copy-on-write#8b9d2a31", lesson: "memory.array-capacity-and-copy-on-write",
            kind: .recall,
            question: """
                Why is Array.append amortized O(1) in Swift, and what does reserveCapacity buy you?
                """,
            answer: """
                When the buffer is full the array reallocates to a capacity that grows geometrically (the \
                lesson's test checks it at least doubles), so n appends cause only O(log n) reallocations \
                and O(n) total copying. reserveCapacity(n) guarantees a total capacity of at least n, so an \
                empty array that reserved n can take n appends without reallocating or moving its buffer. \
                Never assert an exact capacity: only count <= capacity and geometric growth are guaranteed.
                """,
            test: "HandbookMemoryTests.ArrayCapacityAndCopyOnWriteTests/capacityGrowsGeometrically()"),
        ReviewCard(
            id: "memory.array-capacity-and-copy-on-write#a11a53f1", lesson: "memory.array-capacity-and-copy-on-write",
            kind: .predict,
            question: """
                What does this print?

                let a = Array(0..<100)
                var b = a
                print(shareBuffer(a, b))   // compares element buffer addresses
                b.append(100)
                print(shareBuffer(a, b), a.count, b.count)
                """,
            answer: """
                true, then false 100 101. `var b = a` only retains the shared buffer; the first write to b \
                finds it shared, copies it, and then appends, so a is untouched. Unlike a Go slice, where \
                both headers keep pointing at one backing array, a Swift copy never sees another copy's \
                writes.
                """,
            test: "HandbookMemoryTests.ArrayCapacityAndCopyOnWriteTests/arrayCopyOnWrite()"),
        ReviewCard(
            id: "memory.array-capacity-and-copy-on-write#d54829a5", lesson: "memory.array-capacity-and-copy-on-write",
            kind: .recall,
            question: """
                How would you give your own struct copy-on-write value semantics over a heap buffer, and \
                what goes wrong if you get the check wrong?
                """,
            answer: """
                Keep the data in a final class storage held by the struct, and route every mutation through \
                one helper that calls isKnownUniquelyReferenced(&storage) and copies the storage only when \
                it is shared. Leave the check out and copies alias each other (Go's slice bug); copy on \
                every write and it stays correct but each append becomes O(n). Done right, taking a copy \
                and then appending 101 times makes exactly one storage copy.
                """,
            test: "HandbookMemoryTests.ArrayCapacityAndCopyOnWriteTests/handBuiltCopyOnWriteCopiesOnce()"),
        ReviewCard(
            id: "memory.array-capacity-and-copy-on-write#edb6189d", lesson: "memory.array-capacity-and-copy-on-write",
            kind: .recall,
            question: """
                What goes wrong if a long-lived cache stores a one-element ArraySlice cut from a \
                million-element array?
                """,
            answer: """
                An ArraySlice is a view into its base array's buffer, so it keeps the whole buffer alive, \
                along with every element stored in it (class instances included), even after the original \
                array variable is gone. Store Array(slice) instead: that copies just the slice into a small \
                new buffer and lets the big one be freed.
                """,
            test: "HandbookMemoryTests.ArrayCapacityAndCopyOnWriteTests/sliceRetainsAllElements()"),
        ReviewCard(
            id: "memory.array-capacity-and-copy-on-write#267e085a", lesson: "memory.array-capacity-and-copy-on-write",
            kind: .predict,
            question: """
                With c = the starting capacity, what do the three checks show?

                var numbers = Array(0..<1_000)
                let c = numbers.capacity
                numbers.removeLast(900)
                print(numbers.count, numbers.capacity == c)
                numbers.removeAll(keepingCapacity: true)
                print(numbers.isEmpty, numbers.capacity == c)
                numbers.removeAll()
                print(numbers.capacity)
                """,
            answer: """
                100 true, then true true, then 0. Removing elements never shrinks the buffer, and \
                removeAll(keepingCapacity: true) keeps it on purpose so it can be reused; a plain \
                removeAll() releases it and leaves capacity 0.
                """,
            test: "HandbookMemoryTests.ArrayCapacityAndCopyOnWriteTests/removeAllKeepingCapacity()"),
        ReviewCard(
            id: "memory.dictionary-capacity#f03c95dc", lesson: "memory.dictionary-capacity", kind: .predict,
            question: """
                What does this print?

                var table = Dictionary(uniqueKeysWithValues: (0..<10_000).map { ($0, $0) })
                let before = table.capacity
                for key in 0..<9_000 { table.removeValue(forKey: key) }
                print(before >= 10_000, table.capacity == before)
                """,
            answer: """
                true true. Removing keys never shrinks a Swift Dictionary's hash table: \
                removeValue(forKey:), and removeAll(keepingCapacity: true) too, leave it at its peak size \
                until you rebuild it. Go maps behave the same way, which is the classic story of a cache \
                that once held a million keys.
                """,
            test: "HandbookMemoryTests.DictionaryCapacityTests/removalDoesNotShrink()"),
        ReviewCard(
            id: "memory.dictionary-capacity#f78c726b", lesson: "memory.dictionary-capacity", kind: .recall,
            question: """
                A long-lived [Key: Value] cache spiked to 10,000 entries and drained to 1,000. How do you \
                give the memory back?
                """,
            answer: """
                Rebuild it: make a new dictionary with Dictionary(minimumCapacity: old.count), copy the \
                remaining pairs in, and assign it over the old one. The contents stay the same but the \
                table is sized for 1,000 keys, not 10,000. Removing keys never does this for you. It is the \
                same fix as in Go, where you copy into a fresh map.
                """,
            test: "HandbookMemoryTests.DictionaryCapacityTests/rebuildingShrinks()"),
        ReviewCard(
            id: "memory.dictionary-capacity#4ab0d6b2", lesson: "memory.dictionary-capacity", kind: .recall,
            question: """
                What happens if your hash(into:) ignores the fields that == compares, for example it always \
                combines 0?
                """,
            answer: """
                It is still correct, because equal keys still hash the same and == decides, but every key \
                collides into one probe run, so each lookup compares against all the keys: inserting n keys \
                costs at least n(n-1)/2 == calls instead of O(n). Hashing fewer fields than == compares is \
                legal but slow. Hashing more or different fields breaks the contract that equal keys must \
                hash equally. Prefer the synthesized Hashable.
                """,
            test: "HandbookMemoryTests.DictionaryCapacityTests/constantHashIsCorrectButQuadratic()"),
        ReviewCard(
            id: "memory.dictionary-capacity#11c91f37", lesson: "memory.dictionary-capacity", kind: .recall,
            question: """
                You know you will insert 1,000 keys. How do you avoid rehashing, and what is the Go \
                equivalent?
                """,
            answer: """
                Create the table with Dictionary(minimumCapacity: 1_000), or call reserveCapacity(_:). That \
                is one allocation of at least 1,000 slots, and the capacity does not change while the keys \
                go in. Growing one insert at a time instead doubles the table whenever it fills and \
                rehashes every key each time. Go's equivalent is make(map[K]V, 1000).
                """,
            test: "HandbookMemoryTests.DictionaryCapacityTests/presizedNeverGrows()"),
        ReviewCard(
            id: "memory.dictionary-capacity#6088c1f6", lesson: "memory.dictionary-capacity", kind: .predict,
            question: """
                What do original and copy hold at the end?

                var original = ["a": 1, "b": 2]
                var copy = original
                copy["a"] = 100
                copy["c"] = 3
                original.removeValue(forKey: "b")
                """,
            answer: """
                original == ["a": 1], copy == ["a": 100, "b": 2, "c": 3]. A Swift Dictionary is a \
                copy-on-write value, so writes to either side never reach the other. Go is different: \
                assigning a map copies a reference, so both names see every write.
                """,
            test: "HandbookMemoryTests.DictionaryCapacityTests/copiesAreIndependent()"),
        ReviewCard(
            id: "memory.string-performance#033541ce", lesson: "memory.string-performance", kind: .recall,
            question: """
                Is building a string with `text += piece` in a loop O(n²) in Swift, as it is in Go without \
                strings.Builder?
                """,
            answer: """
                No. A Swift String is a mutable copy-on-write value, so += on a string nobody else holds \
                appends in place, and the buffer grows geometrically like Array.append: O(log n) \
                reallocations and amortized O(1) per append. Go strings are immutable, so s += x copies \
                every time and you need strings.Builder. In Swift a var String already is the builder, and \
                reserveCapacity can remove even the few reallocations.
                """,
            test: "HandbookMemoryTests.StringPerformanceTests/appendInPlaceIsAmortizedConstant()"),
        ReviewCard(
            id: "memory.string-performance#718e0ae1", lesson: "memory.string-performance", kind: .recall,
            question: """
                You use += but also keep a copy of the string each iteration (an undo history). Why does \
                the loop turn quadratic?
                """,
            answer: """
                Whenever the buffer is shared at the moment of a write, copy-on-write must copy it first. \
                With a snapshot alive on every step, every append copies the whole string built so far: n \
                appends, about n²/2 bytes copied, and no + anywhere in the code. The snapshots themselves \
                stay unchanged (value semantics). `s = s + x` is quadratic for the same reason: s still \
                holds the old buffer while + builds the new one.
                """,
            test: "HandbookMemoryTests.StringPerformanceTests/retainedCopiesMakeAppendQuadratic()"),
        ReviewCard(
            id: "memory.string-performance#ce06d698", lesson: "memory.string-performance", kind: .predict,
            question: """
                What does this print?

                let s = "e\\u{301}"   // e + combining acute accent
                print(s.count, s.unicodeScalars.count, s.utf8.count)
                """,
            answer: """
                1 2 3. count counts grapheme clusters (one Character, é), the text has two Unicode scalars, \
                and the accent takes 2 bytes in UTF-8, so 3 bytes in all. count must walk the characters \
                (O(n)), while utf8.count is O(1) for a native string, so use it for byte limits. Go's \
                len(s) counts bytes.
                """,
            test: "HandbookMemoryTests.StringPerformanceTests/lengths(text:characters:scalars:bytes:)"),
        ReviewCard(
            id: "memory.string-performance#09328b92", lesson: "memory.string-performance", kind: .recall,
            question: """
                A parser returns `text.prefix { $0 != " " }` (a Substring) from a 1 MB request, and you \
                store it in a long-lived struct. What goes wrong and what is the fix?
                """,
            answer: """
                A Substring shares its base string's storage and keeps all of it alive (substring.base is \
                the full megabyte), so a three-byte word pins 1 MB. Convert at the API boundary with \
                String(substring): that copies just the word. A word that short is even stored inline in \
                the String value, so it has no heap buffer and no tie to the big text.
                """,
            test: "HandbookMemoryTests.StringPerformanceTests/substringRetainsBase()"),
        ReviewCard(
            id: "memory.string-performance#b5089f15", lesson: "memory.string-performance", kind: .predict,
            question: """
                bytes = [0x68, 0x69, 0xFF, 0x21]  ("hi", an invalid byte, "!")
                What do these two expressions return?

                String(decoding: bytes, as: UTF8.self)
                String(validating: bytes, as: UTF8.self)
                """,
            answer: """
                The first returns "hi\\u{FFFD}!", the second returns nil. String(decoding:as:) never fails: \
                it replaces each invalid sequence with the U+FFFD replacement character. Use \
                String(validating:as:) when bad input must be rejected.
                """,
            test: "HandbookMemoryTests.StringPerformanceTests/decodingRepairsOrRejects()"),
        ReviewCard(
            id: "memory.escaping-closures-and-stack-promotion#f726cbdf",
            lesson: "memory.escaping-closures-and-stack-promotion", kind: .seedQuestion,
            question: """
                When does a variable escape to the heap?
                """,
            answer: """
                When something may keep it after the current call returns. A var captured by an @escaping \
                closure moves into a heap box (alloc_box), and a class instance stored in a global or a \
                collection is heap-allocated (alloc_ref). If escape analysis proves it stays local, -O \
                keeps it on the stack: alloc_ref [stack] for the object, alloc_stack for a var captured \
                only by a non-escaping closure. Go decides by escape analysis alone (-gcflags=-m); in \
                Swift, escaping is also part of a closure's type, and `swiftc -O -emit-sil` shows the \
                result.
                """,
            test:
                "HandbookMemoryTests.EscapingClosuresAndStackPromotionTests/optimizerPromotesNonEscapingAllocationsToTheStack()"
        ),
        ReviewCard(
            id: "memory.escaping-closures-and-stack-promotion#009b4279",
            lesson: "memory.escaping-closures-and-stack-promotion", kind: .predict,
            question: """
                queue.enqueue takes an @escaping () -> String and stores it. What does queue.runAll() \
                return after calling a() and then b()?

                func a(_ q: CallbackQueue) {
                  var status = "draft"
                  q.enqueue { [status] in "status: \\(status)" }
                  status = "published"
                }
                func b(_ q: CallbackQueue) {
                  var status = "draft"
                  q.enqueue { "status: \\(status)" }
                  status = "published"
                }
                """,
            answer: """
                ["status: draft", "status: published"]. A closure captures the variable itself, which moves \
                into a heap box the closure shares, so b's job sees the later write. A capture list like \
                [status] copies the value when the closure is created. Go closures also capture variables, \
                so the lesson carries over.
                """,
            test: "HandbookMemoryTests.EscapingClosuresAndStackPromotionTests/captureListSnapshotsTheValue()"),
        ReviewCard(
            id: "memory.escaping-closures-and-stack-promotion#4df55d15",
            lesson: "memory.escaping-closures-and-stack-promotion", kind: .recall,
            question: """
                Why won't `func register(_ g: () -> Void) { all.append(g) }` compile, and what does adding \
                @escaping cost?
                """,
            answer: """
                Closure parameters are non-escaping by default, so the caller may have put the closure's \
                context on its stack. Storing g somewhere that outlives the call is therefore a compile \
                error ("converting non-escaping parameter 'g' … may allow it to escape"), and so is an \
                escaping closure that captures an inout parameter. @escaping makes the contract visible, \
                but it costs a heap-allocated context and ARC traffic. Only mark a callback @escaping if \
                you really store it.
                """,
            test: "HandbookMemoryTests.EscapingClosuresAndStackPromotionTests/compilerRejectsEscapes()"),
        ReviewCard(
            id: "memory.escaping-closures-and-stack-promotion#c84dadbe",
            lesson: "memory.escaping-closures-and-stack-promotion", kind: .recall,
            question: """
                Your function takes a non-escaping transform and calls \
                values.lazy.map(transform).first(where:). What goes wrong, and how does \
                withoutActuallyEscaping fix it?
                """,
            answer: """
                lazy.map stores its closure, so it needs an @escaping one. With a non-escaping argument the \
                code still compiles, but overload resolution quietly picks the eager Sequence.map, which \
                transforms every element. withoutActuallyEscaping(transform) { \
                values.lazy.map($0).first(where: predicate) } lends an escapable copy for the length of the \
                block. Searching 1...1000 for the first square > 50 then runs transform only 8 times.
                """,
            test: "HandbookMemoryTests.EscapingClosuresAndStackPromotionTests/withoutActuallyEscapingEnablesLaziness()"),
        ReviewCard(
            id: "memory.escaping-closures-and-stack-promotion#79c242fc",
            lesson: "memory.escaping-closures-and-stack-promotion", kind: .recall,
            question: """
                What happens if code inside a withoutActuallyEscaping block stores the escapable closure \
                somewhere that outlives the block?
                """,
            answer: """
                It compiles, but when the block returns the runtime checks that the closure's context (here \
                { hits += 1 }) was not retained, and the process traps with "closure argument was escaped \
                in withoutActuallyEscaping block". The function promises the closure does not really \
                escape, and you are responsible for keeping that promise.
                """,
            test: "HandbookMemoryTests.EscapingClosuresAndStackPromotionTests/smugglingTheClosureOutTraps()"),
        ReviewCard(
            id: "memory.arc-and-retain-cycles#1a202c67", lesson: "memory.arc-and-retain-cycles", kind: .seedQuestion,
            question: """
                How does Go's garbage collector work?
                """,
            answer: """
                Go uses a tracing, concurrent mark-and-sweep collector, tuned with GOGC, that finds \
                unreachable objects, cycles included. Swift has no garbage collector. ARC has the compiler \
                insert retain/release, and deinit runs synchronously on the releasing thread the moment the \
                last strong reference goes away. So with three references to one object, deinit runs \
                exactly at the third release. There are no pauses and no GOGC, but also no cycle collector: \
                cycles are yours to break with weak or unowned.
                """,
            test: "HandbookMemoryTests.ARCAndRetainCyclesTests/deinitRunsAtLastStrongReference()"),
        ReviewCard(
            id: "memory.arc-and-retain-cycles#97ad22da", lesson: "memory.arc-and-retain-cycles", kind: .recall,
            question: """
                A parent keeps `children: [Child]` and each child keeps a strong `var parent: Parent?`. \
                What happens when the last outside reference to the parent goes away?
                """,
            answer: """
                Nothing is freed: parent and child keep each other's strong count above zero, so neither \
                deinit ever runs, and nothing reports the leak. A tracing GC like Go's would free the pair. \
                In Swift, only breaking the cycle (setting child.parent = nil by hand) frees both. The real \
                fix is to declare the back-pointer weak.
                """,
            test: "HandbookMemoryTests.ARCAndRetainCyclesTests/strongParentChildCycleLeaks()"),
        ReviewCard(
            id: "memory.arc-and-retain-cycles#01b7cc0d", lesson: "memory.arc-and-retain-cycles", kind: .recall,
            question: """
                With a weak back-pointer (`weak var parent: Parent?`), in what order are a parent and its \
                children freed, and what does a surviving child's parent read afterwards?
                """,
            answer: """
                The parent goes first, because only its owners hold it strongly. Its deinit releases the \
                children array, and any child nobody else holds is freed right after (the test logs \
                ["root", "leaf"]). A child that is still held elsewhere survives, and its weak parent is \
                zeroed to nil, never left dangling.
                """,
            test: "HandbookMemoryTests.ARCAndRetainCyclesTests/weakParentBreaksTheCycle()"),
        ReviewCard(
            id: "memory.arc-and-retain-cycles#6341412f", lesson: "memory.arc-and-retain-cycles", kind: .recall,
            question: """
                A class sets `onTap = { self.taps += 1 }` in its init. Why does it leak, and what is the \
                fix?
                """,
            answer: """
                The object owns the closure through its property, and the closure strongly captures self, \
                so self → onTap → self is a cycle and deinit never runs. Capture weakly: `onTap = { [weak \
                self] in self?.taps += 1 }`. The closure still reaches a live object, and if someone keeps \
                the closure after the object is freed, calling it does nothing.
                """,
            test: "HandbookMemoryTests.ARCAndRetainCyclesTests/weakSelfClosureDoesNotLeak()"),
        ReviewCard(
            id: "memory.arc-and-retain-cycles#5a1474e7", lesson: "memory.arc-and-retain-cycles", kind: .recall,
            question: """
                When would you use unowned instead of weak, and what happens if you get it wrong?
                """,
            answer: """
                unowned adds no strong count and is never zeroed to nil, so use it only when the referent \
                provably outlives the holder. If the object dies first, reading the unowned reference traps \
                with "Attempted to read an unowned reference but object … was already destroyed"; it never \
                reads nil. weak is zeroed to nil instead, and Swift 6.2's `weak let` makes an immutable \
                weak reference that a Sendable final class can hold.
                """,
            test: "HandbookMemoryTests.ARCAndRetainCyclesTests/unownedAfterDeinitTraps()"),
        ReviewCard(
            id: "memory.arc-and-retain-cycles#a354cc35", lesson: "memory.arc-and-retain-cycles", kind: .predict,
            question: """
                `object` is the only strong reference to a Tracked whose deinit logs "deinit". What is \
                logged, in order?

                func f(_ object: consuming Tracked, log: (String) -> Void) {
                  weak let observer = object
                  _ = consume object
                  log(observer == nil ? "after consume: gone" : "after consume: alive")
                }
                """,
            answer: """
                ["deinit", "after consume: gone"]. consume ends the only strong reference where it is \
                written, so deinit runs before the next line rather than at the closing brace. A lifetime \
                follows ownership, not scope. This only works because the parameter itself is consumed; \
                consuming a copy (let b = object) would end nothing.
                """,
            test: "HandbookMemoryTests.ARCAndRetainCyclesTests/consumeEndsTheLifetimeEarly()"),
        ReviewCard(
            id: "memory.object-pooling#043ebf06", lesson: "memory.object-pooling", kind: .predict,
            question: """
                What are idleCount and droppedCount at the end, and what happens to the dropped buffers?

                let pool = try ObjectPool(maxIdle: 4,
                    factory: { ScratchBuffer(reserving: 1_024) },
                    reset: { $0.reset() })
                let burst = (0..<10).map { _ in pool.get() }
                for buffer in burst { pool.put(buffer) }
                """,
            answer: """
                idleCount 4, droppedCount 6. The pool keeps at most maxIdle objects for reuse and lets the \
                extra returns go, so once the burst array is gone ARC frees them. An unbounded idle list \
                would keep a burst's peak forever. Go's sync.Pool is unbounded and emptied by the GC \
                instead; this pool is bounded and never cleared behind your back.
                """,
            test: "HandbookMemoryTests.ObjectPoolingTests/idleListIsBounded()"),
        ReviewCard(
            id: "memory.object-pooling#4a924cc2", lesson: "memory.object-pooling", kind: .recall,
            question: """
                How can Swift's type system guarantee that a pooled object goes back to the pool exactly \
                once?
                """,
            answer: """
                Hand out a ~Copyable Lease struct whose deinit puts the object back, with a consuming \
                release() for returning it early. Because the lease cannot be copied, it cannot be returned \
                twice: a second release() fails to compile with "'lease' consumed more than once", and the \
                lease returns itself when it goes out of scope. Go can only approximate this with `defer \
                pool.Put(x)`. A reference copied out of lease.object can still escape, so don't keep it.
                """,
            test: "HandbookMemoryTests.ObjectPoolingTests/leaseCannotBeReturnedTwice()"),
        ReviewCard(
            id: "memory.object-pooling#ea594d50", lesson: "memory.object-pooling", kind: .recall,
            question: """
                What goes wrong if a buffer pool does not reset objects when they are returned, and what \
                should reset keep?
                """,
            answer: """
                The next borrower gets the previous one's bytes, which is a cross-request data leak. The \
                pool should run reset on every put, for example removeAll(keepingCapacity: true): the \
                buffer comes back empty but keeps its reserved storage, which is exactly what it was pooled \
                for.
                """,
            test: "HandbookMemoryTests.ObjectPoolingTests/returnedObjectIsReset()"),
        ReviewCard(
            id: "memory.object-pooling#775dad5f", lesson: "memory.object-pooling", kind: .predict,
            question: """
                How many times does the factory run?

                let pool = try ObjectPool(maxIdle: 8, factory: { ScratchBuffer(reserving: 1_024) })
                do {
                  let a = pool.lease(); let b = pool.lease(); let c = pool.lease()
                  _ = (a.object, b.object, c.object)   // all three held at once
                }
                for _ in 0..<10 {
                  await pool.withLease { buffer in buffer.append([1]) }
                }
                """,
            answer: """
                3. The factory runs only when no idle object exists, so creations follow peak concurrency \
                (three leases held at once), not the 13 requests. The three leases return their buffers \
                when the do block ends, and each later withLease reuses an idle one.
                """,
            test: "HandbookMemoryTests.ObjectPoolingTests/creationsTrackPeakConcurrency()"),
        ReviewCard(
            id: "memory.task-and-resource-leaks#c19aaf5c", lesson: "memory.task-and-resource-leaks", kind: .recall,
            question: """
                A class starts `Task { while true { try await clock.sleep(for: interval); self.tick() } }` \
                in init and cancels the task in deinit. Why does it leak?
                """,
            answer: """
                The task captures self strongly and runs forever, so the object's strong count never \
                reaches zero. deinit never runs, so the cancel() in deinit never runs either, and the loop \
                keeps ticking after every owner has let go. Only an explicit shutdown() through a reference \
                that still exists can stop it. ARC cannot free an object that a running task still \
                references, and Swift, like Go, cannot kill a task from outside.
                """,
            test: "HandbookMemoryTests.TaskAndResourceLeaksTests/leakyTickerNeverDeinits()"),
        ReviewCard(
            id: "memory.task-and-resource-leaks#8b807e00", lesson: "memory.task-and-resource-leaks", kind: .recall,
            question: """
                How do you fix a periodic Task that keeps its owning object alive?
                """,
            answer: """
                Capture [weak self] and unwrap it only between sleeps (`guard let self else { return }`), \
                so the parked loop holds no strong reference. Keep the task handle so that shutdown() and \
                deinit can call cancel(). Cancelling makes the clock sleep throw, and the loop ends. Once \
                the owner lets go, deinit runs, the sleeping task is cancelled, and no more ticks arrive.
                """,
            test: "HandbookMemoryTests.TaskAndResourceLeaksTests/tickerDeinitsAndStopsItsTask()"),
        ReviewCard(
            id: "memory.task-and-resource-leaks#54b3358b", lesson: "memory.task-and-resource-leaks", kind: .recall,
            question: """
                You bridge a callback API with withCheckedContinuation, but one path of the API never calls \
                back. What happens, and how do you find and fix it?
                """,
            answer: """
                The awaiting task stays suspended forever, a silent leak. CheckedContinuation acts as a \
                leak detector: when it is dropped without being resumed, it prints "SWIFT TASK CONTINUATION \
                MISUSE: … leaked its continuation without resuming it" to stderr. The fix is a callback \
                that runs exactly once on every path, for example completing with a Result and turning the \
                failure into a thrown error.
                """,
            test: "HandbookMemoryTests.TaskAndResourceLeaksTests/leakedContinuationIsReported()"),
        ReviewCard(
            id: "memory.task-and-resource-leaks#49c985d9", lesson: "memory.task-and-resource-leaks", kind: .recall,
            question: """
                You race an unstructured Task that sums an AsyncStream against a timeout, and the timeout \
                wins. What is left running?
                """,
            answer: """
                The consumer task. The caller gets .timedOut and moves on, but nobody cancelled or awaited \
                the Task, so it keeps waiting on the stream until somebody calls finish(), which may be \
                never. It is Go's goroutine blocked on a channel nobody closes. Fix it by making the \
                consumer a child of the race (a task group): the loser is cancelled and awaited, and \
                cancellation ends a for await over an AsyncStream at once.
                """,
            test: "HandbookMemoryTests.TaskAndResourceLeaksTests/leakyConsumerOutlivesTheTimeout()"),
        ReviewCard(
            id: "memory.task-and-resource-leaks#26cb0c3b", lesson: "memory.task-and-resource-leaks", kind: .predict,
            question: """
                The consumer runs as a child of a task group, and the timeout wins the race. After `sum(of: \
                stream, …)` returns .timedOut, what does the stream's onTermination receive, and what does \
                `continuation.yield(2)` return?
                """,
            answer: """
                onTermination receives .cancelled, and yield(2) returns .terminated. The group cancelled \
                and awaited the losing consumer, and cancelling the task iterating an AsyncStream \
                terminates the stream, so the consumer has already exited when sum returns and the stream \
                accepts nothing more.
                """,
            test: "HandbookMemoryTests.TaskAndResourceLeaksTests/structuredConsumerEndsWithTheCall()"),
        ReviewCard(
            id: "memory.task-and-resource-leaks#2b06d40d", lesson: "memory.task-and-resource-leaks", kind: .recall,
            question: """
                Fire-and-forget worker Tasks loop over an AsyncStream of jobs. What keeps them alive, and \
                how does structured concurrency change the failure?
                """,
            answer: """
                Dropping the continuation does not finish the stream, so each `for await` waits until \
                someone calls finish() (Swift's close(ch)). Without finish(), nothing can stop the workers. \
                Run them as children of a task group (withDiscardingTaskGroup) instead: the call returns \
                only after every worker has ended, which happens when the stream is finished or the calling \
                task is cancelled. A forgotten finish() then hangs the caller visibly instead of leaking \
                silently.
                """,
            test: "HandbookMemoryTests.TaskAndResourceLeaksTests/structuredWorkersEnd(byCancelling:)"),
        ReviewCard(
            id: "internals.cooperative-thread-pool#153a032d", lesson: "internals.cooperative-thread-pool",
            kind: .predict,
            question: """
                On a 2-core Linux box, 32 task-group children each block their thread with \
                DispatchGroup.wait() until released, and the release is held back 50 ms after the expected \
                number arrive. What is the peak number of children in flight at once?
                """,
            answer: """
                2, the pool width (the logical CPU count). The cooperative pool for a priority never adds a \
                thread because one is blocked, so blocked children take whole threads away and the rest \
                cannot even start. Go hands a blocked goroutine's P to another M, so blocking code mostly \
                works there; in Swift you must suspend or offload instead. Children that suspend with await \
                instead all reach the wait: 32 at once.
                """,
            test: "HandbookInternalsTests.CooperativeThreadPoolTests/blockingChildrenArePinnedToThePoolWidth()"),
        ReviewCard(
            id: "internals.cooperative-thread-pool#a861b909", lesson: "internals.cooperative-thread-pool",
            kind: .recall,
            question: """
                How many OS threads do 10,000 tasks suspended at an await cost?
                """,
            answer: """
                Essentially none extra. A task is a heap-allocated continuation that borrows a pool thread \
                only until its next suspension point, and the pool is capped at one thread per logical CPU \
                per priority. The thread count measured while 10,000 tasks wait stays within a small margin \
                (other subsystems' threads) of the count before. Tasks are cheap; threads are not.
                """,
            test: "HandbookInternalsTests.CooperativeThreadPoolTests/suspendedTasksDoNotCostThreads()"),
        ReviewCard(
            id: "internals.cooperative-thread-pool#f7ce2ab1", lesson: "internals.cooperative-thread-pool",
            kind: .recall,
            question: """
                Why does bridging async work to a sync result with a DispatchSemaphore (start a Task that \
                signals, then wait()) deadlock when called from async code?
                """,
            answer: """
                The waiter blocks a cooperative-pool thread, and the Task that would signal needs a pool \
                thread to run. Once every pool thread (width of them, 2 on a 2-core box) is sitting in \
                wait(), the signalling tasks can never be scheduled and the process hangs. The fix is to \
                stay async all the way up (await operation()). A semaphore bridge is only safe on a thread \
                the pool does not own.
                """,
            test: "HandbookInternalsTests.CooperativeThreadPoolTests/semaphoreBridgeDeadlocksThePool()"),
        ReviewCard(
            id: "internals.cooperative-thread-pool#cdcf5d97", lesson: "internals.cooperative-thread-pool",
            kind: .recall,
            question: """
                You must call a synchronous, blocking API (file I/O, a sync database driver) from async \
                code. How do you do it without starving the pool?
                """,
            answer: """
                Run it on a thread the cooperative pool does not own and await the result, for example a \
                withCheckedContinuation whose body starts a Thread that calls the blocking work and resumes \
                the continuation. The calling task gives its pool thread back while it waits, so 4×width \
                blocked jobs still leave the pool free to run other tasks. On a server use a bounded pool \
                such as NIOThreadPool, not one thread per call. Task.yield() does not fix blocking.
                """,
            test: "HandbookInternalsTests.CooperativeThreadPoolTests/offloadingKeepsThePoolResponsive()"),
        ReviewCard(
            id: "internals.cooperative-thread-pool#e196d9a2", lesson: "internals.cooperative-thread-pool",
            kind: .recall,
            question: """
                Can you keep per-request state in a thread-local inside async code? What should you use \
                instead?
                """,
            answer: """
                No. After an await the runtime may resume the task on any pool thread, and it promises \
                nothing about which, so thread-locals and pthread_self() are not task state. Use @TaskLocal \
                with $value.withValue(id) { … }: the value travels with the task across every suspension \
                and is unset again outside the scope. An actor also works for shared state.
                """,
            test: "HandbookInternalsTests.CooperativeThreadPoolTests/taskLocalsTravelAcrossSuspensions()"),
        ReviewCard(
            id: "internals.task-executors-for-blocking-io#edf0af23", lesson: "internals.task-executors-for-blocking-io",
            kind: .recall,
            question: """
                In Swift 6, how do you run a blocking C client call from async code without stalling the \
                cooperative pool and without leaving structured concurrency?
                """,
            answer: """
                Give it threads of its own with a TaskExecutor (SE-0417), for example a fixed set of N \
                dedicated threads. Inside withTaskExecutorPreference(io) { … }, call the blocking work from \
                nonisolated code such as a @concurrent function. The work then runs on an io thread while \
                the caller suspends and hands its pool thread back, and it still gets the result with try \
                await. Calling the blocking function inline from an async function runs it on a pool \
                thread. Go hides this by handing the blocked thread's P to another M.
                """,
            test: "HandbookInternalsTests.BlockingIOExecutorTests/blockingWorkRunsOnTheExecutorsThreads()"),
        ReviewCard(
            id: "internals.task-executors-for-blocking-io#a793814a", lesson: "internals.task-executors-for-blocking-io",
            kind: .predict,
            question: """
                Which of these run on the preferred executor's threads?

                await withTaskExecutorPreference(io) {
                  // (a) withTaskGroup children: group.addTask { … }
                  // (b) async let x = someConcurrentFunc()
                  // (c) await Task { … }.value
                  // (d) await Task.detached { … }.value
                }
                """,
            answer: """
                (a) and (b) do; (c) and (d) do not. Child tasks (task groups, async let) inherit the task \
                executor preference. Unstructured Task {} and Task.detached {} do not, and they run on the \
                cooperative pool. Pass Task(executorPreference: io) explicitly if you need an unstructured \
                task there.
                """,
            test: "HandbookInternalsTests.BlockingIOExecutorTests/childTasksInheritUnstructuredDoNot()"),
        ReviewCard(
            id: "internals.task-executors-for-blocking-io#ea85da74", lesson: "internals.task-executors-for-blocking-io",
            kind: .recall,
            question: """
                Why offload blocking calls to an executor with a fixed number of threads rather than a new \
                Thread per call or a global DispatchQueue?
                """,
            answer: """
                A fixed set of N threads caps concurrent blocking calls at N, like a connection pool's \
                size, and the rest wait in a FIFO queue. With 2 threads and 6 blocking tasks, 2 run and 4 \
                sit queued. A thread per call is unbounded, and a global or concurrent DispatchQueue leaves \
                the thread count to libdispatch instead of you.
                """,
            test: "HandbookInternalsTests.BlockingIOExecutorTests/concurrencyIsBoundedByThreadCount()"),
        ReviewCard(
            id: "internals.task-executors-for-blocking-io#1464a78b", lesson: "internals.task-executors-for-blocking-io",
            kind: .predict,
            question: """
                What does caller.value return?

                let caller = Task {
                  try await io.run {          // runs on a dedicated executor thread
                    started.open()
                    release.wait()            // blocking call
                    return Task.isCancelled
                  }
                }
                await started.wait()
                caller.cancel()
                release.leave()
                """,
            answer: """
                true, and no error is thrown. Cancellation is cooperative: it cannot interrupt a blocking \
                call that is already running, so run returns when the call returns, and the work only sees \
                the cancelled flag afterwards. Work split into chunks should check Task.isCancelled between \
                them.
                """,
            test: "HandbookInternalsTests.BlockingIOExecutorTests/cancellationWaitsForTheBlockingCall()"),
        ReviewCard(
            id: "internals.task-executors-for-blocking-io#949a8c28", lesson: "internals.task-executors-for-blocking-io",
            kind: .recall,
            question: """
                Inside an actor method you write `withTaskExecutorPreference(io) { calls += 1; \
                blockingCall() }`. Why might the blocking call not run on io's threads?
                """,
            answer: """
                A closure that touches self is isolated to the actor (its #isolation is the actor), so it \
                runs wherever the actor runs, which may be a cooperative-pool thread. A closure that does \
                not touch the actor is nonisolated (#isolation is nil), and that is the code the preference \
                reliably steers. Keep actor state out of the scope and cross into a @concurrent function \
                for the blocking work.
                """,
            test: "HandbookInternalsTests.BlockingIOExecutorTests/actorCodeUnderAPreference()"),
        ReviewCard(
            id: "internals.executors-and-actor-hopping#dc072fcb", lesson: "internals.executors-and-actor-hopping",
            kind: .predict,
            question: """
                counter is an actor on a custom SerialExecutor that counts enqueued jobs. How many jobs \
                does each block enqueue, and what is the final value?

                for _ in 0..<10 { await counter.increment() }   // (a)
                await counter.increment(times: 10)              // (b) loops increment() inside the actor
                print(await counter.value)
                """,
            answer: """
                (a) enqueues 10 jobs, (b) enqueues 1, and the value is 20. Each call from outside the actor \
                is a hop, a job enqueued on the actor's executor. Calls made inside the actor are plain \
                synchronous calls. Batch work into coarse calls instead of chatty fine-grained awaits.
                """,
            test: "HandbookInternalsTests.ExecutorsAndActorHoppingTests/hopsAreCountedPerCrossActorCall()"),
        ReviewCard(
            id: "internals.executors-and-actor-hopping#d1ef4422", lesson: "internals.executors-and-actor-hopping",
            kind: .recall,
            question: """
                How do you make an actor run its jobs on a specific Dispatch queue (or a NIO event loop) \
                instead of the cooperative pool?
                """,
            answer: """
                Write a SerialExecutor whose enqueue(_:) wraps the job as an UnownedJob and calls \
                queue.async { job.runSynchronously(on: asUnownedSerialExecutor()) }. Then give the actor \
                `nonisolated var unownedExecutor: UnownedSerialExecutor` returning that executor's \
                asUnownedSerialExecutor(). Every actor method then runs on that queue. Go offers no way to \
                choose where goroutines run apart from runtime.LockOSThread.
                """,
            test: "HandbookInternalsTests.ExecutorsAndActorHoppingTests/customExecutorRunsOnItsQueue()"),
        ReviewCard(
            id: "internals.executors-and-actor-hopping#24eea058", lesson: "internals.executors-and-actor-hopping",
            kind: .recall,
            question: """
                What does actor.assumeIsolated { … } do, and what happens if you call it from code that is \
                not on the actor's executor?
                """,
            answer: """
                It lets synchronous code that already runs on the actor's executor access the actor's state \
                without an await. It is a run-time check, not a cast: called from anywhere else it traps \
                the process with "Incorrect actor executor assumption". This holds for a default actor and \
                for a custom queue executor whose checkIsolated() fails off its queue. Use it only to state \
                what you already know, for example in a Dispatch callback on the actor's own queue.
                """,
            test: "HandbookInternalsTests.ExecutorsAndActorHoppingTests/assumeIsolatedOffTheActorTraps()"),
        ReviewCard(
            id: "internals.executors-and-actor-hopping#464761c3", lesson: "internals.executors-and-actor-hopping",
            kind: .recall,
            question: """
                Plain Dispatch code (no task) running on a custom executor's queue calls \
                counter.assumeIsolated { $0.value }. What must the executor implement for this to succeed?
                """,
            answer: """
                checkIsolated(), implemented for example as dispatchPrecondition(condition: \
                .onQueue(queue)). The runtime cannot tell on its own that a bare Dispatch callback runs on \
                the actor, so it asks the executor. If checkIsolated passes, assumeIsolated returns the \
                state (3 after three increments). Without a working checkIsolated it traps even on the \
                right thread.
                """,
            test: "HandbookInternalsTests.ExecutorsAndActorHoppingTests/assumeIsolatedOnTheActorsQueue()"),
        ReviewCard(
            id: "internals.executors-and-actor-hopping#3ea951da", lesson: "internals.executors-and-actor-hopping",
            kind: .recall,
            question: """
                Inside withTaskExecutorPreference(preferred) you await a method on an actor that has its \
                own unownedExecutor. Where does the method run?
                """,
            answer: """
                On the actor's own executor (its queue), not on the preferred one. A task executor \
                preference steers nonisolated work and child tasks. An actor with a custom executor, \
                MainActor included, keeps it. Only default actors may borrow the preferred executor's \
                threads, and even that is a preference, not a promise. Isolation is the only guarantee.
                """,
            test: "HandbookInternalsTests.ExecutorsAndActorHoppingTests/actorsKeepTheirExecutorUnderAPreference()"),
        ReviewCard(
            id: "internals.priority-and-escalation#e32b3ab6", lesson: "internals.priority-and-escalation",
            kind: .predict,
            question: """
                What do the two base priorities come out as?

                await Task(priority: .high) {
                  let a = await Task { Task.basePriority }.value
                  let b = await Task.detached { Task.basePriority }.value
                  return (a, b)
                }.value
                """,
            answer: """
                a is .high, and b is not .high: it is the default priority. Task {} inherits its creator's \
                priority, as task-group children and async let do. Task.detached inherits nothing and \
                starts at the default whatever its creator's priority. Go has nothing to compare: \
                goroutines have no priority at all.
                """,
            test: "HandbookInternalsTests.PriorityAndEscalationTests/detachedDoesNotInherit()"),
        ReviewCard(
            id: "internals.priority-and-escalation#946912f7", lesson: "internals.priority-and-escalation",
            kind: .recall,
            question: """
                What is priority escalation in Swift concurrency, and when does the runtime apply it?
                """,
            answer: """
                When a higher-priority task waits on a lower-priority one through a dependency the runtime \
                can see, such as awaiting its task.value, a child task or an actor, the runtime raises the \
                lower task's priority so urgent work is not stuck behind it (priority inversion). A \
                detached .low task awaited by a .high task is escalated exactly once, low → high, and \
                withTaskPriorityEscalationHandler (Swift 6.2) reports that (old, new) pair as an event. \
                Escalation only ever goes up.
                """,
            test: "HandbookInternalsTests.PriorityAndEscalationTests/awaitingEscalatesOnce()"),
        ReviewCard(
            id: "internals.priority-and-escalation#c143a5f0", lesson: "internals.priority-and-escalation",
            kind: .predict,
            question: """
                A task created with Task.detached(priority: .low) is awaited by a .high task and escalated. \
                When it finishes, what do Task.currentPriority and Task.basePriority read inside it?
                """,
            answer: """
                currentPriority is .high and basePriority is still .low. currentPriority includes \
                escalation; basePriority is the priority the task was created with and escalation never \
                changes it. Don't read currentPriority as "the priority I was created with".
                """,
            test: "HandbookInternalsTests.PriorityAndEscalationTests/basePriorityIsNotEscalated()"),
        ReviewCard(
            id: "internals.priority-and-escalation#e93fccdf", lesson: "internals.priority-and-escalation",
            kind: .recall,
            question: """
                A .high task waits for a .low task's result through a continuation (a gate, an AsyncStream \
                or a semaphore) instead of awaiting its value. Does escalation help?
                """,
            answer: """
                No. Escalation follows task dependencies only. A wait through a continuation gives the \
                runtime no edge to follow, so the low task is never escalated: it records no escalation and \
                finishes at .low. That is a priority inversion the runtime cannot see. Prefer awaiting the \
                task itself, or forward the escalation by hand.
                """,
            test: "HandbookInternalsTests.PriorityAndEscalationTests/continuationWaitsDoNotEscalate()"),
        ReviewCard(
            id: "internals.priority-and-escalation#8601e5fc", lesson: "internals.priority-and-escalation",
            kind: .recall,
            question: """
                Your task waits on hidden work through a continuation. How do you make sure escalation \
                still reaches the worker task?
                """,
            answer: """
                Wrap the wait in withTaskPriorityEscalationHandler { await wait() } onPriorityEscalated: { \
                _, new in worker.escalatePriority(to: new) }. escalatePriority(to:) comes from SE-0462 \
                (Swift 6.2). The handler only observes the waiter's own escalation; the escalatePriority \
                call passes it on. When a .high task then awaits the waiter, the worker records low → high \
                and finishes at .high.
                """,
            test: "HandbookInternalsTests.PriorityAndEscalationTests/forwardedEscalationReachesTheWorker()"),
        ReviewCard(
            id: "internals.arc-internals#413b0b40", lesson: "internals.arc-internals", kind: .recall,
            question: """
                What sits in front of a Swift class instance's stored properties on a 64-bit platform, and \
                what does a retain actually touch?
                """,
            answer: """
                A 16-byte header of two words: a pointer to the class metadata (Objective-C's isa) and an \
                inline 64-bit reference-count word, so the first stored property is at offset 16. A retain \
                or release is an atomic increment or decrement of that refcount word, inserted by the \
                compiler around copies and last uses. Go objects carry no counts; its tracing collector \
                finds dead objects instead.
                """,
            test: "HandbookInternalsTests.ARCInternalsTests/objectHeaderIsTwoWords()"),
        ReviewCard(
            id: "internals.arc-internals#3454aa37", lesson: "internals.arc-internals", kind: .recall,
            question: """
                An object has one strong reference, one unowned reference and one weak reference. What \
                happens when the strong reference goes away?
                """,
            answer: """
                deinit runs immediately, because strong count 0 triggers deinitialization even while the \
                unowned reference exists. The unowned count only keeps the memory allocated, which is why a \
                stale unowned read can trap with a clear message instead of reading garbage. The weak \
                reference reads nil, because weak references go through a side table that outlives the \
                object.
                """,
            test: "HandbookInternalsTests.ARCInternalsTests/deinitRunsAtStrongZero()"),
        ReviewCard(
            id: "internals.arc-internals#79121525", lesson: "internals.arc-internals", kind: .recall,
            question: """
                Do weak and unowned references change an object's strong count? What do they count instead?
                """,
            answer: """
                No, neither keeps an object alive. Each weak reference adds to a separate weak count held \
                in a side table, which is allocated on the first weak reference and makes every weak load \
                an atomic operation on it. Each unowned reference adds to the unowned count. Counts read \
                through _getRetainCount and friends are debugging aids, not API: compare relative changes \
                only, never absolute values.
                """,
            test: "HandbookInternalsTests.ARCInternalsTests/weakAndUnownedHaveTheirOwnCounts()"),
        ReviewCard(
            id: "internals.arc-internals#6eb5c938", lesson: "internals.arc-internals", kind: .predict,
            question: """
                CopyOnWriteBox.set copies its class storage only if !isKnownUniquelyReferenced(&storage), \
                and counts each copy. What are copy.copies, copy.value and original.value at the end?

                var original = CopyOnWriteBox(value: 1)
                original.set(2)
                var copy = original
                copy.set(3)
                copy.set(4)
                """,
            answer: """
                copy.copies is 1, copy.value is 4, original.value is 2 (and original.copies is 0). The \
                first set on the shared storage copies it; after that copy owns its storage alone, so \
                set(4) writes in place. isKnownUniquelyReferenced reads "strong count == 1", and it is the \
                primitive behind Array's copy-on-write.
                """,
            test: "HandbookInternalsTests.ARCInternalsTests/copyOnWriteCopiesOnlyWhenShared()"),
        ReviewCard(
            id: "internals.arc-internals#ddb6e25c", lesson: "internals.arc-internals", kind: .recall,
            question: """
                How do you pass a Swift object through a C API's `void *context` so it survives until the \
                callback, without leaking it?
                """,
            answer: """
                Register it with Unmanaged.passRetained(object).toOpaque(), a manual +1 that keeps the \
                object alive even when no Swift variable refers to it. In the callback, turn it back with \
                Unmanaged<T>.fromOpaque(ptr).takeRetainedValue(), which balances that retain exactly once, \
                so deinit runs once afterwards. passRetained without a matching take or release leaks. \
                takeRetainedValue on a passUnretained pointer over-releases and crashes later.
                """,
            test: "HandbookInternalsTests.ARCInternalsTests/unmanagedRetainIsBalanced()"),
        ReviewCard(
            id: "internals.existentials-and-dispatch#1cb451f6", lesson: "internals.existentials-and-dispatch",
            kind: .predict,
            question: """
                On a 64-bit platform, what are these sizes? (Shape and Named are ordinary protocols; \
                Renderer is declared `: AnyObject`.)

                MemoryLayout<any Shape>.size
                MemoryLayout<any Shape & Named>.size
                MemoryLayout<any Renderer>.size
                MemoryLayout<Any>.size
                MemoryLayout<AnyObject>.size
                """,
            answer: """
                40, 48, 16, 32, 8. An existential is a 3-word inline buffer plus the type metadata plus one \
                witness table per protocol, so each extra protocol in a composition adds a word. A \
                class-bound existential is just a reference plus its tables. Any has no tables, and \
                AnyObject is a bare reference. A Go interface value is always two words (itab, data \
                pointer).
                """,
            test: "HandbookInternalsTests.ExistentialsAndDispatchTests/containerSizes()"),
        ReviewCard(
            id: "internals.existentials-and-dispatch#048bab04", lesson: "internals.existentials-and-dispatch",
            kind: .recall,
            question: """
                When does storing a struct in an `any P` allocate on the heap, and why does that matter for \
                `[any P]`?
                """,
            answer: """
                Values of up to three words (24 bytes on 64-bit) sit inline in the existential's buffer. \
                Anything larger goes into a heap box and the buffer holds a pointer to it, so a 4-Int \
                struct is boxed. An [any P] of such structs therefore mallocs once per element, where [S] \
                allocates one buffer. Keep hot collections concrete or generic. Go boxes anything bigger \
                than a pointer.
                """,
            test: "HandbookInternalsTests.ExistentialsAndDispatchTests/smallValuesInlineLargeValuesBoxed()"),
        ReviewCard(
            id: "internals.existentials-and-dispatch#3ad2d0e1", lesson: "internals.existentials-and-dispatch",
            kind: .predict,
            question: """
                label() is declared only in a protocol extension ("a shape of area \\(area())"), and \
                ThreeWords also defines its own label(). What do these return?

                let value = ThreeWords(a: 1, b: 2, c: 3)
                value.label()
                (value as any Shape).label()
                """,
            answer: """
                "ThreeWords(1, 2, 3)" and "a shape of area 6". A method that exists only in an extension \
                has no witness-table slot, so it is dispatched statically on the static type: through any \
                Shape, the extension's version runs. Requirements such as kind() do go through the witness \
                table and reach the type's own implementation.
                """,
            test: "HandbookInternalsTests.ExistentialsAndDispatchTests/witnessTableHasNoSlotForExtensionMethods()"),
        ReviewCard(
            id: "internals.existentials-and-dispatch#04442e2a", lesson: "internals.existentials-and-dispatch",
            kind: .predict,
            question: """
                What do the two calls return?

                open class Animal {
                  open func sound() -> String { "..." }
                  public final func introduce() -> String { "I say \\(sound())" }
                }
                final class Dog: Animal { override func sound() -> String { "Woof" } }
                let animal: Animal = Dog()
                animal.sound(); animal.introduce()
                """,
            answer: """
                "Woof" and "I say Woof". sound() is overridable, so it goes through the class vtable and \
                reaches Dog's override even through an Animal reference. introduce() is final, so it is \
                called directly, but the sound() call inside it is still a vtable call. Go has no \
                inheritance, so no class vtables (its interface itabs are the nearest thing).
                """,
            test: "HandbookInternalsTests.ExistentialsAndDispatchTests/vtableDispatch()"),
        ReviewCard(
            id: "internals.existentials-and-dispatch#a913e88d", lesson: "internals.existentials-and-dispatch",
            kind: .recall,
            question: """
                What is the difference between passing a value as a generic `T: Shape` and as `any Shape`, \
                in size and dispatch?
                """,
            answer: """
                Inside a generic function T is the concrete type: MemoryLayout<T>.size of a 3-Int struct is \
                24, and calls can become static after specialization. As any Shape the value is a 40-byte \
                container and requirement calls are indirect through the witness table. Passing an any \
                Shape to a generic parameter opens it (SE-0352), so T becomes the dynamic type, such as \
                ThreeWords or FourWords. Prefer generics; use any where you need heterogeneity.
                """,
            test: "HandbookInternalsTests.ExistentialsAndDispatchTests/genericVersusExistential()"),
        ReviewCard(
            id: "internals.collection-internals#5e5aa960", lesson: "internals.collection-internals", kind: .predict,
            question: """
                On a 64-bit platform, what are these sizes in bytes?

                MemoryLayout<[Int]>.size
                MemoryLayout<[String: Int]>.size
                MemoryLayout<String>.size
                MemoryLayout<Substring>.size
                """,
            answer: """
                8, 8, 16, 32. Array and Dictionary handles are a single reference to a heap storage object \
                that holds count, capacity and the elements. String is 16 bytes so it can hold short \
                strings inline. Substring is the base String plus a range of indices. A Go slice header is \
                three words (pointer, len, cap) and a Go string is two.
                """,
            test: "HandbookInternalsTests.CollectionInternalsTests/handleSizes()"),
        ReviewCard(
            id: "internals.collection-internals#f3f4f6ce", lesson: "internals.collection-internals", kind: .recall,
            question: """
                What does a Swift Array look like in memory, and why is `let copy = numbers` cheap?
                """,
            answer: """
                The array value is one word: a pointer to a _ContiguousArrayStorage object, which holds the \
                16-byte object header, then count and capacity, then the elements inline (the first element \
                sits 32 bytes after the object's start). Copying the array copies that pointer and retains \
                the storage, so both handles point at the same object until a write triggers copy-on-write. \
                Go keeps len and cap in its 3-word slice header instead.
                """,
            test: "HandbookInternalsTests.CollectionInternalsTests/arrayHandleIsOnePointer()"),
        ReviewCard(
            id: "internals.collection-internals#9402f9d1", lesson: "internals.collection-internals", kind: .recall,
            question: """
                What growth policy does Swift's Dictionary use, and which capacities does an empty \
                dictionary pass through as you insert keys?
                """,
            answer: """
                It is an open-addressing (linear probing) hash table with a power-of-two number of buckets \
                and a maximum load factor of ¾, so every capacity is ⌊2^k · ¾⌋: 0, 1, 3, 6, 12, 24, … It \
                grows all at once to the next size when full, and even Dictionary(minimumCapacity: 100) \
                rounds up to such a value. Removal never shrinks it. Go's map (a Swiss table since 1.24) \
                uses a 7/8 load factor.
                """,
            test: "HandbookInternalsTests.CollectionInternalsTests/dictionaryCapacitiesFollowTheLoadFactor()"),
        ReviewCard(
            id: "internals.collection-internals#f46ce62b", lesson: "internals.collection-internals", kind: .recall,
            question: """
                Can your code rely on Dictionary or Set iteration order, or on a stored hashValue, between \
                runs?
                """,
            answer: """
                No. Hashing is seeded randomly per process, so "hello".hashValue differs from one run to \
                the next, and with it the iteration order. Within one process equal values hash equally, \
                and two equal sets compare equal whatever order you built them in. \
                SWIFT_DETERMINISTIC_HASHING=1 fixes the seed for debugging only. Go also randomises map \
                iteration, on purpose.
                """,
            test: "HandbookInternalsTests.CollectionInternalsTests/hashSeedDiffersBetweenProcesses()"),
        ReviewCard(
            id: "internals.collection-internals#e7a2a7d1", lesson: "internals.collection-internals", kind: .predict,
            question: """
                Which of these runtime-built strings are stored inline in the 16-byte String value (no heap \
                buffer) on 64-bit?

                (a) String(repeating: "a", count: 15)
                (b) "héllo wörld"
                (c) String(repeating: "a", count: 16)
                (d) String(repeating: "é", count: 8)
                """,
            answer: """
                (a) and (b) are inline; (c) and (d) are not. The limit is 15 UTF-8 bytes, not 15 \
                characters: (b) is 13 bytes, while (d) is only 8 characters but 16 bytes, because é takes 2 \
                bytes in UTF-8, so it needs a heap allocation just like (c).
                """,
            test: "HandbookInternalsTests.CollectionInternalsTests/smallStringsAreInline()"),
        ReviewCard(
            id: "internals.async-runtime-internals#a9b82f07", lesson: "internals.async-runtime-internals",
            kind: .recall,
            question: """
                How can a Swift process keep 100,000 tasks suspended at once on a 2-core machine, and what \
                does each one cost?
                """,
            answer: """
                A suspended task holds no thread. Its async frames live in a slab allocator owned by the \
                task, which is a stack discipline on heap memory, so it costs only the task object, its \
                frames and the allocator's first slab: about 1.6 KB resident each on Linux, and under 200 \
                MB for 100,000 tasks. Everything they held is freed when they finish. A thread blocked per \
                waiter reserves a fixed stack (typically 8 MB virtual on Linux), costs more resident \
                memory, and hits kernel limits.
                """,
            test: "HandbookInternalsTests.AsyncRuntimeInternalsTests/suspendedTasksAreCheap()"),
        ReviewCard(
            id: "internals.async-runtime-internals#75c49ed3", lesson: "internals.async-runtime-internals",
            kind: .recall,
            question: """
                What happens when synchronous recursion goes 10,000,000 levels deep in Swift, and how does \
                that differ from Go?
                """,
            answer: """
                It overflows the thread's fixed-size stack and the process dies with SIGSEGV. There is no \
                error to catch. Synchronous frames always use the stack of whichever thread runs them, even \
                inside a task, and that stack never grows. A goroutine's stack starts small and the runtime \
                grows it by copying (up to a 1 GB limit), so Go recursion can go much deeper. The fix is an \
                explicit stack on the heap: the same walk done with an array handles 10,000,000 levels.
                """,
            test: "HandbookInternalsTests.AsyncRuntimeInternalsTests/deepRecursionTraps()"),
        ReviewCard(
            id: "internals.async-runtime-internals#508f3e91", lesson: "internals.async-runtime-internals",
            kind: .predict,
            question: """
                Does this complete in a debug build, and what does it return?

                func asyncRecursiveDepth(_ n: Int) async -> Int {
                  if n == 0 { return 0 }
                  let below = await asyncRecursiveDepth(n - 1)
                  return below + 1
                }
                await asyncRecursiveDepth(200_000)
                """,
            answer: """
                Yes, it returns 200000. Each async call's frame is allocated in the task's own allocator on \
                the heap, not on the pool thread's fixed stack, so 200,000 levels are fine. The same depth \
                of synchronous frames would overflow a pool thread's stack in a debug build.
                """,
            test: "HandbookInternalsTests.AsyncRuntimeInternalsTests/asyncRecursionUsesTheTaskAllocator()"),
        ReviewCard(
            id: "internals.async-runtime-internals#1d0788a2", lesson: "internals.async-runtime-internals",
            kind: .recall,
            question: """
                How would you build an unbuffered (rendezvous) channel like Go's make(chan T) from Swift \
                primitives?
                """,
            answer: """
                Keep the state behind a lock: a queue of parked senders (each element with a continuation) \
                and a queue of parked receivers' continuations. send either hands its element to a waiting \
                receiver or parks until one arrives, so it returns only after the element was taken, and \
                receive mirrors that. Decide under the lock and resume continuations outside it, because a \
                resumed task may call straight back into the channel. This is Go's hchan; AsyncChannel from \
                swift-async-algorithms is the production version.
                """,
            test: "HandbookInternalsTests.AsyncRuntimeInternalsTests/sendWaitsForAReceiver()"),
        ReviewCard(
            id: "internals.async-runtime-internals#9cf3ffb8", lesson: "internals.async-runtime-internals",
            kind: .predict,
            question: """
                On the hand-built rendezvous channel: a receiver is parked on channel A, and a sender of 1 \
                is parked on channel B. Then A.finish() and B.finish() are called. What does the receiver \
                get, what happens to the sender, and what do B.receive() and B.send(2) do afterwards?
                """,
            answer: """
                The receiver gets nil, and the sender is released: its send returns, and the element 1 is \
                dropped. Afterwards B.receive() returns nil at once and B.send(2) returns at once without \
                parking. finish() takes every parked continuation out under the lock and resumes each \
                exactly once outside it, so no task is left suspended.
                """,
            test: "HandbookInternalsTests.AsyncRuntimeInternalsTests/finishWakesEveryone()"),
        ReviewCard(
            id: "patterns.repository-pattern#61a29058", lesson: "patterns.repository-pattern", kind: .recall,
            question: """
                How would you shape a UserRepository protocol in Swift so that both an in-memory fake and a \
                SQL store can conform?
                """,
            answer: """
                Design it for the slowest implementation: a Sendable protocol whose methods are all `async \
                throws(RepositoryError)`, with the failures in a typed enum (notFound, duplicateID, \
                duplicateEmail, cancelled, storage…). Callers can then switch over every outcome \
                exhaustively, with no default. A synchronous or non-throwing find designed around the fake \
                would force every caller to change later. Go passes ctx to every method; in Swift the task \
                carries cancellation.
                """,
            test: "HandbookPatternsTests.RepositoryPatternTests/notFoundIsTyped(store:)"),
        ReviewCard(
            id: "patterns.repository-pattern#1da74bdb", lesson: "patterns.repository-pattern", kind: .recall,
            question: """
                An actor's create() checks that an email is free, then awaits an audit call, then inserts. \
                What goes wrong under concurrency?
                """,
            answer: """
                Actors are reentrant. While the first create is suspended at the await, the actor runs the \
                second create, which passes the same uniqueness check, and then both insert: two users end \
                up with one email. Keep the check and the write in one synchronous stretch of actor code \
                with no await between them, or let the database's unique index decide.
                """,
            test: "HandbookPatternsTests.RepositoryPatternTests/reentrantCheckThenActAdmitsDuplicates()"),
        ReviewCard(
            id: "patterns.repository-pattern#a633e4b2", lesson: "patterns.repository-pattern", kind: .recall,
            question: """
                How do you know your in-memory fake repository behaves like the real database?
                """,
            answer: """
                Write the protocol's promises as an executable contract: a list of named checks (not-found, \
                uniqueness, sorting, paging, cancellation), each run against a fresh empty store, and \
                parameterize one @Test over implementations × checks. A broken store is then caught and the \
                failure names the broken promise: the check-then-act actor, whose update() never checks \
                emails, fails "update to another user's email is rejected", while the in-memory store \
                passes everything. Promises written only in prose let the fake drift.
                """,
            test: "HandbookPatternsTests.RepositoryPatternTests/contractCatchesABrokenStore()"),
        ReviewCard(
            id: "patterns.repository-pattern#9da6223b", lesson: "patterns.repository-pattern", kind: .recall,
            question: """
                A file-backed repository keeps a cached table in memory. How do you make sure a failed disk \
                write never leaves memory and disk disagreeing?
                """,
            answer: """
                Apply the change to a copy of the table (a value type, so the committed table stays \
                untouched while the copy is changed), write that copy atomically to disk, and only assign \
                it back as the new table after the write succeeded. A failed write then throws .storage and \
                leaves the store exactly as it was: the count is unchanged, the user is not found, and the \
                email is not claimed. Updating the cache before the disk is the bug.
                """,
            test: "HandbookPatternsTests.RepositoryPatternTests/failedWriteLeavesStoreUnchanged()"),
        ReviewCard(
            id: "patterns.repository-pattern#83a4e078", lesson: "patterns.repository-pattern", kind: .predict,
            question: """
                What do the two names read?

                let repository = InMemoryUserRepository()
                try await repository.create(User(id: "1", name: "Ada", email: "ada@example.com", createdAt: \
                1))
                var mine = try await repository.find(id: "1")
                mine.name = "Grace"
                print(try await repository.find(id: "1").name, mine.name)
                """,
            answer: """
                Ada Grace. User is a struct, so find returns the caller's own copy, and mutating it never \
                touches the store. Go's version stores *User and has to copy in and out by hand to protect \
                the map; in Swift there is nothing to copy defensively.
                """,
            test: "HandbookPatternsTests.RepositoryPatternTests/returnedUserIsACopy()"),
        ReviewCard(
            id: "patterns.repository-pattern#adcc05e1", lesson: "patterns.repository-pattern", kind: .recall,
            question: """
                How should a repository with `throws(RepositoryError)` report that the calling task was \
                cancelled?
                """,
            answer: """
                As a case of its own typed error, RepositoryError.cancelled, checked before touching the \
                store, so the call has no effect: a cancelled create returns .cancelled and the count stays \
                0. A SQL driver's CancellationError is mapped to that case too. The cost is that generic \
                code looking for CancellationError will not see it, so the layers above translate at their \
                own boundary.
                """,
            test: "HandbookPatternsTests.RepositoryPatternTests/cancelledCaller(store:)"),
        ReviewCard(
            id: "patterns.service-layer#93e007d0", lesson: "patterns.service-layer", kind: .recall,
            question: """
                A register service first looks up the email, then creates the user if it is free (as the Go \
                version does). What goes wrong, and what should it do instead?
                """,
            answer: """
                Check-then-create races: two concurrent registrations both see the email as free and both \
                insert. Let the store's unique constraint decide: call create once and translate its \
                RepositoryError.duplicateEmail into the service's UserServiceError.alreadyExists. With \
                that, 10 concurrent registrations with one email give exactly one success and nine \
                .alreadyExists.
                """,
            test: "HandbookPatternsTests.ServiceLayerTests/concurrentDuplicatesAdmitOne()"),
        ReviewCard(
            id: "patterns.service-layer#71c667ca", lesson: "patterns.service-layer", kind: .recall,
            question: """
                How should a service layer translate repository errors so that the HTTP layer can map them \
                without knowing the database?
                """,
            answer: """
                Give domain outcomes their own cases (invalidEmail → 400, alreadyExists → 409, notFound) \
                and wrap every infrastructure failure unchanged in a single .repository(underlying) case (→ \
                500), so logs keep the cause. A storage failure, a cancellation or an id collision from \
                create all surface as .repository(thatError). Never swallow a storage failure into "invalid \
                input". With typed throws the compiler checks the switch is exhaustive, unlike Go's \
                errors.New strings compared by message.
                """,
            test: "HandbookPatternsTests.ServiceLayerTests/infrastructureErrorsAreWrapped(failure:)"),
        ReviewCard(
            id: "patterns.service-layer#f4996838", lesson: "patterns.service-layer", kind: .recall,
            question: """
                How do you prove in a unit test that invalid input never reaches the repository?
                """,
            answer: """
                Inject a test double, for example a struct of closures conforming to UserRepository that \
                records every call in an actor-backed log. Register with a bad email such as \
                "two@@example.com", then assert both that the call throws .invalidEmail and that the mock's \
                call log is empty. Validation and normalization are pure, cheap and run before any I/O.
                """,
            test: "HandbookPatternsTests.ServiceLayerTests/invalidEmailNeverReachesTheRepository(email:)"),
        ReviewCard(
            id: "patterns.service-layer#212a0369", lesson: "patterns.service-layer", kind: .predict,
            question: """
                makeID yields "id-1", "id-2", … and now returns 1_700_000_000_000_000. What User does this \
                return?

                let service = UserService(repository: InMemoryUserRepository(),
                    makeID: sequentialIDs(), now: { 1_700_000_000_000_000 })
                try await service.register(name: "  John Doe ", email: " John@Example.COM ")
                """,
            answer: """
                User(id: "id-1", name: "John Doe", email: "john@example.com", createdAt: \
                1_700_000_000_000_000). The service trims the name and trims and lower-cases the email \
                before storing. Injecting the id generator and the clock makes the result deterministic, so \
                a test can compare whole values.
                """,
            test: "HandbookPatternsTests.ServiceLayerTests/registerSucceeds()"),
        ReviewCard(
            id: "patterns.dependency-injection#e9eab983", lesson: "patterns.dependency-injection", kind: .recall,
            question: """
                Why can't you give your app a Go-style global `static var shared = UserService()` in Swift \
                6, and what do you do instead?
                """,
            answer: """
                Swift 6 rejects it: "static property 'shared' is not concurrency-safe because it is \
                nonisolated global shared mutable state". Marking it nonisolated(unsafe) only silences the \
                compiler and brings back the data race, and even a static let hides the dependency and \
                cannot be swapped per test. Build the object graph once in a composition root and pass \
                collaborators through initializers. In Go a package-level var singleton is legal and racy.
                """,
            test: "HandbookPatternsTests.DependencyInjectionTests/mutableSingletonIsRejected()"),
        ReviewCard(
            id: "patterns.dependency-injection#40179a76", lesson: "patterns.dependency-injection", kind: .recall,
            question: """
                Swift Testing runs tests in parallel. How do you override an ambient dependency, such as \
                the id generator, for one test without leaking into others?
                """,
            answer: """
                Make it a @TaskLocal (for example `@TaskLocal static var ids: IDGenerator = .uuid`) and \
                override it with `$ids.withValue(.sequential(prefix: "t")) { … }`. The override is visible \
                only to the task tree inside the scope, so sign-ups there get "t-1", "t-2" while one \
                outside still gets a UUID, and parallel scopes each see only their own value. Use it for \
                cross-cutting values, not the core object graph. It plays the role of Go's context.Context \
                values.
                """,
            test: "HandbookPatternsTests.DependencyInjectionTests/taskLocalOverrideIsScoped()"),
        ReviewCard(
            id: "patterns.dependency-injection#01ed8347", lesson: "patterns.dependency-injection", kind: .predict,
            question: """
                Inside `Ambient.$ids.withValue(.sequential(prefix: "scoped")) { … }`, which of these see \
                the override?

                async let a = Ambient.ids.next()
                let b = await Task { Ambient.ids.next() }.value
                let c = await Task.detached { Ambient.ids.next() }.value
                """,
            answer: """
                a and b do: they start with "scoped-". c does not: it is a random UUID from the default \
                generator. Child tasks (async let, task groups) and Task {} inherit task-locals, while \
                Task.detached starts from the defaults.
                """,
            test: "HandbookPatternsTests.DependencyInjectionTests/taskLocalInheritance()"),
        ReviewCard(
            id: "patterns.dependency-injection#1ea7d64c", lesson: "patterns.dependency-injection", kind: .recall,
            question: """
                When would you model a dependency as a protocol witness (a struct of closures) rather than \
                a protocol, and how does a test use it?
                """,
            answer: """
                For a small capability such as sending mail or making an id. Then each implementation is a \
                value, not a type: Mailer(send:) with .spool(into:), .recording(into:) and .failing(error), \
                and a test builds the variant it needs inline. Swap in .failing and signUp surfaces the \
                mailer's error after the user was already stored. Keep protocols for real contracts with \
                several implementations, like a repository.
                """,
            test: "HandbookPatternsTests.DependencyInjectionTests/failingMailerWitness()"),
        ReviewCard(
            id: "patterns.dependency-injection#8bd543a7", lesson: "patterns.dependency-injection", kind: .recall,
            question: """
                What is a composition root, and how does it make an end-to-end sign-up testable without a \
                disk or mail server?
                """,
            answer: """
                It is the one place that knows the concrete types and wires the graph through initializers. \
                Application.live(dataDirectory:) uses a JSON-file repository and a spooling mailer; \
                Application.test(repository:outbox:) builds the same graph with an in-memory store and a \
                mailer that records into an actor Outbox. The test signs up "DI User" and asserts both the \
                stored user and the welcome mail in the outbox. Go's NewApplication does the same wiring by \
                hand.
                """,
            test: "HandbookPatternsTests.DependencyInjectionTests/testWiringRecordsMail()"),
        ReviewCard(
            id: "patterns.middleware#6423a00b", lesson: "patterns.middleware", kind: .predict,
            question: """
                tag(name) appends "name>" to a trace header on the way in and "<name" to the response body \
                on the way out; echoTrace answers with the trace + "handler". What is the body?

                static func chain(_ layers: [Layer], around h: @escaping Handler) -> Handler {
                  layers.reversed().reduce(h) { next, layer in layer(next) }
                }
                chain([tag("a"), tag("b"), tag("c")], around: echoTrace)
                """,
            answer: """
                "a>b>c>handler<c<b<a". chain folds from the end, so chain([a, b, c], h) is a(b(c(h))): the \
                first layer is outermost, sees the request first and the response last. Leave out \
                reversed() and the last layer becomes outermost, so a chain written [log, auth] silently \
                behaves like [auth, log].
                """,
            test: "HandbookPatternsTests.MiddlewareTests/firstLayerIsOutermost()"),
        ReviewCard(
            id: "patterns.middleware#5eb643c3", lesson: "patterns.middleware", kind: .recall,
            question: """
                An anonymous request goes through [logging, authentication] in one app and [authentication, \
                logging] in another. What differs?
                """,
            answer: """
                Both answer the same 401 "unauthorized". But with logging outermost the log shows "START \
                GET /admin" and "END GET /admin 401 0ms", while with authentication outermost the rejected \
                request never reaches the inner logger, so nothing is logged. The order of the chain is \
                behaviour, a design decision that tests must pin.
                """,
            test: "HandbookPatternsTests.MiddlewareTests/orderOfLogAndAuthChangesTheLog()"),
        ReviewCard(
            id: "patterns.middleware#7c1924a3", lesson: "patterns.middleware", kind: .recall,
            question: """
                How should an error-mapping middleware treat errors thrown by the handler, and where must \
                it sit relative to a logging layer that should see the failure?
                """,
            answer: """
                An HTTPFailure you own keeps its status and message. Any other error becomes an opaque 500 \
                "internal server error", so internals such as "connection refused to 10.0.0.7:5432" never \
                reach the client. CancellationError is rethrown, because a cancelled request has no one to \
                answer. Put the mapper outside the logger: the logger inside it sees the thrown error, logs \
                ERROR and rethrows. A layer outside the mapper sees a response, never the handler's error \
                (only a CancellationError passes through). In Go the error is written to the \
                ResponseWriter; here it is a thrown value.
                """,
            test: "HandbookPatternsTests.MiddlewareTests/handlerErrorReachesOuterMiddleware()"),
        ReviewCard(
            id: "patterns.middleware#684d3f7f", lesson: "patterns.middleware", kind: .recall,
            question: """
                Go middleware passes the role as ctx.Value("role"). What goes wrong with string keys, and \
                what is the Swift alternative?
                """,
            answer: """
                With a [String: any Sendable] bag, a typo ("Role") or a wrong cast (as? String) both \
                compile and read nil at run time, which turns into an unexplained 401. Use keys that are \
                types carrying their value type, such as `enum RoleKey: ContextKey { typealias Value = Role \
                }`, read through `context[RoleKey.self] -> Role?`. The read needs no cast, and two keys \
                with the same Value type never collide, because two types are never the same type.
                """,
            test: "HandbookPatternsTests.MiddlewareTests/stringKeysFailSilently()"),
        ReviewCard(
            id: "patterns.middleware#ce60af1e", lesson: "patterns.middleware", kind: .predict,
            question: """
                Context is a struct. A probe layer logs context.requestID and context[RoleKey.self] before \
                and after calling next, and it is outermost in chain([probe, requestID(generate: { "req-1" \
                }), authentication()], around: handler). For an admin request, what does the probe log, and \
                what does the handler see?
                """,
            answer: """
                The probe logs "before: nil nil" and "after: nil nil", while the handler sees "req-1 \
                admin". Each layer changes only the copy of the context it passes inward, so data flows in \
                with the request and out only with the response. An outer layer never sees what inner \
                layers stored.
                """,
            test: "HandbookPatternsTests.MiddlewareTests/contextIsAValueFlowingInward()"),
        ReviewCard(
            id: "patterns.functional-options#74b59e66", lesson: "patterns.functional-options", kind: .predict,
            question: """
                Server.init applies the defaults, then each option in order, then validates the result \
                (port must be in 1...65535). What do these give?

                try Server(withPort(0), withPort(9090)).config.port
                try Server(withPort(9090), withPort(0))
                """,
            answer: """
                The first gives 9090; the second throws ConfigurationError.invalidPort(0). Validation \
                checks the finished configuration once, not each step, so an invalid intermediate value \
                that a later option overrides is fine (last wins). Validating inside each option would \
                wrongly reject the first call and could never check rules that span fields.
                """,
            test: "HandbookPatternsTests.FunctionalOptionsTests/validationRunsOnceAtTheEnd()"),
        ReviewCard(
            id: "patterns.functional-options#adb3a0f2", lesson: "patterns.functional-options", kind: .recall,
            question: """
                What is the weakness of Go's `NewServer(opts ...Option)` with `type Option func(*Server)`, \
                and how does the Swift version fix it?
                """,
            answer: """
                An Option has no error channel, so NewServer(WithPort(0), WithTimeout(0)) silently builds a \
                server that cannot work, and you find out at run time. In Swift the option is `@Sendable \
                (inout ServerConfig) -> Void`, and the initializer is `throws(ConfigurationError)`: after \
                applying every option it validates the result and throws the first problem with a readable \
                message, such as "port must be in 1...65535, got 0".
                """,
            test: "HandbookPatternsTests.FunctionalOptionsTests/goLiteralAcceptsNonsense()"),
        ReviewCard(
            id: "patterns.functional-options#60bdd342", lesson: "patterns.functional-options", kind: .predict,
            question: """
                productionOptions = [withHost("0.0.0.0"), withPort(443), withTLS(), \
                withMaxConnections(1_000)]. What port does each server get?

                try Server(options: productionOptions + [withPort(8443)]).config.port
                try Server(options: [withPort(8443)] + productionOptions).config.port
                """,
            answer: """
                8443, then 443. Options apply in order over the defaults, so the last write to a field \
                wins: a preset followed by an override gives the override, and the preset's other settings \
                (0.0.0.0, TLS, 1000 connections) stay. An override placed before the preset is overwritten \
                by it.
                """,
            test: "HandbookPatternsTests.FunctionalOptionsTests/lastOptionWins()"),
        ReviewCard(
            id: "patterns.functional-options#5bb538c6", lesson: "patterns.functional-options", kind: .recall,
            question: """
                Why should a Swift functional-option type be declared @Sendable, and what does that prevent?
                """,
            answer: """
                Options are values that travel: a `static let` preset array is shared by every task, and \
                Swift 6 only allows that for Sendable values. A @Sendable closure also cannot capture a \
                var, which is rejected with "reference to captured var 'port'", so an option cannot change \
                after it was created and applying it never changes it.
                """,
            test: "HandbookPatternsTests.FunctionalOptionsTests/sendableOptionCannotCaptureAVar()"),
        ReviewCard(
            id: "patterns.functional-options#543b633b", lesson: "patterns.functional-options", kind: .recall,
            question: """
                What do you gain by modelling options as data (an enum such as ServerSetting) instead of \
                closures?
                """,
            answer: """
                A closure can only be called. An enum value like .port(9090) can be compared \
                (production.contains(.tls(true))), printed ("port(9090)"), stored, and made Codable, so a \
                configuration file decodes straight into [ServerSetting]. Each case still maps to the \
                equivalent closure option, and a result builder can collect settings with if, for and \
                presets in a small DSL.
                """,
            test: "HandbookPatternsTests.FunctionalOptionsTests/settingsAreData()"),
        ReviewCard(
            id: "patterns.circuit-breaker#216eb07e", lesson: "patterns.circuit-breaker", kind: .predict,
            question: """
                A breaker has failureThreshold 2 and resetTimeout 30 s on a manual clock. Two calls fail, \
                the clock advances 10 s, and then you call `try await breaker.run { counter.succeed() }` \
                five times. What happens, and how many times does the operation run?
                """,
            answer: """
                Every call throws CircuitBreakerError.open(retryAfter: .seconds(20)), and the operation \
                never runs: the counter stays at 2, the two original failures. The second consecutive \
                failure opened the breaker until now + 30 s. While it is open the breaker fails fast \
                without calling the dependency, and tells the caller how long until it will probe (what a \
                503 puts in Retry-After).
                """,
            test: "HandbookPatternsTests.CircuitBreakerTests/openFailsFastWithoutCalling()"),
        ReviewCard(
            id: "patterns.circuit-breaker#13a30727", lesson: "patterns.circuit-breaker", kind: .recall,
            question: """
                What goes wrong if a half-open circuit breaker lets every caller through when the reset \
                timer expires, and what should it do?
                """,
            answer: """
                It causes a thundering herd: every waiting request hits a dependency that may still be \
                down. Half-open should admit exactly one probe and reject everyone else with \
                .halfOpenProbeInFlight until the probe's outcome decides. A success closes the breaker and \
                a failure reopens it with a fresh timer. With 10 concurrent calls during the probe, all 10 \
                are rejected and the operation runs once, where the Go version lets all 11 through.
                """,
            test: "HandbookPatternsTests.CircuitBreakerTests/exactlyOneProbe()"),
        ReviewCard(
            id: "patterns.circuit-breaker#8fe0ff62", lesson: "patterns.circuit-breaker", kind: .recall,
            question: """
                A dependency fails every other call. Why does a "5 consecutive failures" breaker never \
                open, and what do production breakers use instead?
                """,
            answer: """
                A success resets the consecutive count, so alternating failures never string 5 together: \
                100 calls at 50% errors and the breaker stays closed. Production breakers (resilience4j, \
                Hystrix) trip on a failure rate over a window of recent calls, with a minimum number of \
                calls before any verdict, and often on a slow-call rate too. A 50% rate rule over a 10-call \
                window with a 10-call minimum opens at the 10th call (5 of 10 failed).
                """,
            test: "HandbookPatternsTests.CircuitBreakerTests/halfOfCallsFailingTripsOnlyTheRateRule()"),
        ReviewCard(
            id: "patterns.circuit-breaker#f364aa57", lesson: "patterns.circuit-breaker", kind: .recall,
            question: """
                The half-open probe hangs forever (a stuck connection). What happens to the breaker, and \
                how do you prevent it?
                """,
            answer: """
                Without a guard the breaker stays half-open forever and rejects every call. Record when the \
                probe started, and once it is older than probeTimeout (defaulting to resetTimeout) treat it \
                as abandoned and let the next caller become the new probe. Tag each permit with the \
                machine's generation, so when the hung probe finally fails, its stale result is ignored and \
                the breaker that the new probe closed stays closed.
                """,
            test: "HandbookPatternsTests.CircuitBreakerTests/hungProbeIsReplaced()"),
        ReviewCard(
            id: "patterns.circuit-breaker#ca9409b5", lesson: "patterns.circuit-breaker", kind: .recall,
            question: """
                Should every error thrown through a circuit breaker count as a failure of the dependency?
                """,
            answer: """
                No. A 400 Bad Request or a cancelled caller says nothing about the dependency's health, so \
                take an isFailure predicate (by default everything except CancellationError). Errors it \
                rejects neither count nor reset the count: five BadRequests leave the breaker closed with 0 \
                failures. A cancelled half-open probe gives its slot back (halfOpen with no probe), so the \
                next caller can probe and close it.
                """,
            test: "HandbookPatternsTests.CircuitBreakerTests/predicateDecidesWhatCounts()"),
        ReviewCard(
            id: "patterns.circuit-breaker#8667199c", lesson: "patterns.circuit-breaker", kind: .recall,
            question: """
                How would you structure a circuit breaker so that its state transitions can be tested \
                without sleeping?
                """,
            answer: """
                Keep the policy in a value-type state machine whose transitions, admit(at:), onSuccess and \
                onFailure(at:), are pure functions of state, event and a `now` passed in, and whose state \
                is an enum carrying its data (open(until:)). Tests drive it with explicit instants: 3 \
                failures at t0+1s open it until t0+11s, and admitting at t0+4s is rejected with retryAfter \
                7 s. A thin actor wraps it and reads an injected Clock. Go's version reads time.Now() and \
                its test sleeps 150 ms.
                """,
            test: "HandbookPatternsTests.CircuitBreakerTests/machineCountsConsecutiveFailures()"),
        ReviewCard(
            id: "patterns.retry-with-backoff#4caedb7b", lesson: "patterns.retry-with-backoff", kind: .recall,
            question: """
                How do you compute the wait before retry i with capped exponential backoff and full jitter, \
                and why full jitter?
                """,
            answer: """
                ceiling = min(maxDelay, baseDelay · 2^i), and the delay is drawn uniformly from 0...ceiling \
                using an injected random generator, so a fixed seed gives the same sequence in tests. \
                Doubling stops at the cap, so a huge i can't overflow. Full jitter spreads clients over the \
                whole window instead of letting them retry in lockstep; small symmetric jitter like ±10% \
                keeps them bunched.
                """,
            test: "HandbookPatternsTests.RetryWithBackoffTests/delaysStayWithinTheCappedCeiling()"),
        ReviewCard(
            id: "patterns.retry-with-backoff#a7c920a9", lesson: "patterns.retry-with-backoff", kind: .predict,
            question: """
                Base delay 100 ms. What is the delay before retry 20 with the Go-style formula, and what is \
                the ceiling for retry 20 and for retry 1_000_000 with a 1 s cap?

                goStyle  = base * (1 << retry) + random(0..<10%)   // no cap
                policy   = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
                policy.backoffCeiling(forRetry: 20)
                policy.backoffCeiling(forRetry: 1_000_000)
                """,
            answer: """
                The Go-style delay is over 100,000 s (about 29 hours). Both ceilings are 1 second. Without \
                a cap, base·2^i explodes and eventually overflows, and jitter that only ever adds 0–10% \
                leaves every client at or above base·2^i, so they stay synchronized. The capped policy \
                stops doubling at maxDelay.
                """,
            test: "HandbookPatternsTests.RetryWithBackoffTests/seedStyleDelayIsTheBug()"),
        ReviewCard(
            id: "patterns.retry-with-backoff#3f4eeed4", lesson: "patterns.retry-with-backoff", kind: .recall,
            question: """
                Which failures should a retry loop not retry, and how do you express that in Swift?
                """,
            answer: """
                Errors that will fail the same way again (a 400, a validation error, a declined payment), \
                and calls that are unsafe to repeat (a non-idempotent POST without an idempotency key). \
                Take a retryIf predicate over the operation's typed error, `(E) -> Bool` with `throws(E)`, \
                so it sees the concrete type. A non-retryable error is rethrown after one attempt with no \
                sleep.
                """,
            test: "HandbookPatternsTests.RetryWithBackoffTests/nonRetryableErrorIsNotRetried()"),
        ReviewCard(
            id: "patterns.retry-with-backoff#81bbe53e", lesson: "patterns.retry-with-backoff", kind: .recall,
            question: """
                The task running a retry loop is cancelled during a backoff sleep. What must happen, and \
                what common bug prevents it?
                """,
            answer: """
                The sleep on the injected clock throws CancellationError, the loop stops right away, and no \
                further attempt starts: one attempt, no sleepers left, no time passed. The bug is `try? \
                await clock.sleep(…)`, which swallows the cancellation and turns "the user went away" into \
                another attempt. Go does the same wait with a select on ctx.Done() and time.After.
                """,
            test: "HandbookPatternsTests.RetryWithBackoffTests/cancellationDuringBackoffStops()"),
        ReviewCard(
            id: "patterns.retry-with-backoff#e886aa05", lesson: "patterns.retry-with-backoff", kind: .predict,
            question: """
                With maxAttempts 3 and an operation that always throws GatewayError.unavailable(attempt: \
                attempt), what does `try await retrier.run { attempt throws(GatewayError) in … }` finally \
                throw, and how many sleeps were requested?
                """,
            answer: """
                It throws GatewayError.unavailable(attempt: 3), the last error unchanged, after exactly two \
                sleeps, each with the delay the seeded policy draws. Forward the last error rather than a \
                generic "retries exhausted" so callers can still catch it by type.
                """,
            test: "HandbookPatternsTests.RetryWithBackoffTests/exhaustedAttemptsRethrowTheLastError()"),
        ReviewCard(
            id: "patterns.retry-with-backoff#fd2b7674", lesson: "patterns.retry-with-backoff", kind: .recall,
            question: """
                How should a retry loop respect the caller's deadline?
                """,
            answer: """
                Never begin a backoff whose wake-up time would be at or past the deadline: rethrow the last \
                error instead, so every attempt starts strictly before the deadline. With room for only the \
                first backoff you get two attempts and one sleep, and the second backoff is never started. \
                If the deadline has already passed before the first attempt, nothing runs and a \
                DeadlineExceededError is thrown. Bound retries by both attempts and time.
                """,
            test: "HandbookPatternsTests.RetryWithBackoffTests/deadlineStopsRetries()"),
    ]
}
