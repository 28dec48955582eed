extension Catalogue {
    /// Phase 3: the resilience and system-design components asked for in backend interviews.
    static let engineeringExercises: [Exercise] = [
        Exercise(
            id: "token-bucket-rate-limiter",
            lesson: "system-design.token-bucket-rate-limiter",
            file: "Sources/HandbookSystemDesign/TokenBucketRateLimiter.swift",
            blanks: [
                "public mutating func refill(at now: Duration)",
                "public mutating func tryAcquire(cost: Int = 1, at now: Duration) -> RateLimitDecision",
            ],
            prompt: """
                Write TokenBucket's refill(at:) and tryAcquire(cost:at:). The bucket stores earned time, credit = \
                tokens x refillInterval, as an exact Duration, plus the instant of the last refill (nil until \
                first use); a new bucket is full. refill adds the time elapsed since the last refill, clamped at \
                fullCredit (capacity x refillInterval); the first call only records the instant, and an instant \
                earlier than the last refill earns nothing. tryAcquire refills, then spends cost x refillInterval \
                if the credit covers it, else spends nothing and denies with retryAfter exactly the missing credit \
                (build decisions with the provided decision(retryAfter:)); a cost outside 1...capacity traps. O(1) \
                each; a millisecond-by-millisecond oracle, an hour-idle clamp, idle-key sweeping (isIdle and \
                tokens(at:) refill a copy) and 1,000 concurrent acquires judge it.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Why keep earned time as a Duration instead of a Double token count? Think of 0.1 + 0.2 "
                    + "meeting an 'exactly enough' check.",
                "refill: guard there is a previous instant and now > last; credit = min(credit + (now - "
                    + "last), fullCredit); remember now. tryAcquire: needed = refillInterval * cost; when credit < "
                    + "needed deny with retryAfter needed - credit, otherwise subtract it.",
                "guard let last = refilledAt else { refilledAt = now; return } - a bucket never used is "
                    + "already full, so its first request earns nothing.",
            ]),
        Exercise(
            id: "sliding-window-rate-limiter",
            lesson: "system-design.sliding-window-rate-limiter",
            file: "Sources/HandbookSystemDesign/SlidingWindowRateLimiter.swift",
            blanks: [
                "private mutating func removeExpired(at now: Duration)",
                """
                /// - Complexity: O(limit) (the expired prefix is removed).
                        public mutating func tryAcquire(cost: Int = 1, at now: Duration) -> RateLimitDecision
                """,
            ],
            prompt: """
                Write the exact sliding log, SlidingWindowRateLimiter.Log: removeExpired(at:) and \
                tryAcquire(cost:at:). It keeps one timestamp per admitted unit (a cost of 3 appends three), oldest \
                first, and the window is the half-open (now - window, now], so an entry exactly window old has \
                expired. Admit when count + cost <= limit; a denial stores nothing, and its retryAfter is exactly \
                when enough of the oldest entries expire. An instant earlier than the newest entry counts as the \
                newest; remaining is limit - count, resetAfter the time until the newest entry expires (zero when \
                empty), and a cost outside 1...limit traps. A brute-force count over random arrivals judges it, \
                and the log must never hold more than limit values.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Which entries still count at now, and which entry must expire before a denied request fits?",
                "Drop the prefix with timestamp <= now - window. If timestamps.count + cost <= limit append "
                    + "cost copies of now; otherwise the (count + cost - limit)-th oldest entry has to go first.",
                "retryAfter = timestamps[timestamps.count + cost - limit - 1] + window - now.",
            ]),
        Exercise(
            id: "circuit-breaker",
            lesson: "patterns.circuit-breaker",
            file: "Sources/HandbookPatterns/CircuitBreaker.swift",
            blanks: [
                "public mutating func admit(at now: C.Instant) -> Admission",
                "public mutating func onSuccess(_ permit: Permit, duration: Duration, at now: C.Instant?)",
                "public mutating func onFailure(_ permit: Permit, duration: Duration, at now: C.Instant)",
                "public mutating func onIgnored(_ permit: Permit)",
            ],
            prompt: """
                Write the pure transitions of CircuitBreaker.StateMachine: admit(at:), onSuccess(_:duration:at:), \
                onFailure(_:duration:at:) and onIgnored(_:) (the short overloads and the actor delegate to them). \
                admit: closed allows .call(generation:); open rejects with .open(retryAfter:) (the time left) \
                while now < until, then (from now >= until, the deadline itself included) hands out the single probe (startProbe(at:) is provided); half-open \
                rejects with .halfOpenProbeInFlight unless no probe is in flight or the probe is probeTimeout old. \
                Outcomes whose permit is from an older generation are ignored (the state's didSet bumps the \
                generation on every change except closed to closed). In closed, a success resets the count and a \
                failure below the threshold increments it, both also fed to recordInWindow(failed:duration:at:); \
                the failureThreshold-th consecutive failure trips (trip(at:) and close() are provided). The \
                probe's success closes; its failure reopens until now + resetTimeout; onIgnored gives a probe's \
                slot back (half-open with no probe).
                """,
            difficulty: .hard, minutes: 35,
            hints: [
                "Guard the generation first, then switch on (state, permit): what should a late result of a "
                    + "call admitted before the breaker opened decide?",
                "admit: .closed -> .allowed(.call(generation: generation)); .open(until) -> now >= until ? "
                    + "startProbe(at: now) : .rejected(.open(retryAfter: now.duration(to: until))); "
                    + ".halfOpen(start?) -> a new probe only once now >= start.advanced(by: probeTimeout); "
                    + ".halfOpen(nil) -> a probe.",
                "onFailure in closed: if failures + 1 >= failureThreshold { trip(at: now) } else { state = "
                    + ".closed(failures: failures + 1); recordInWindow(failed: true, duration: duration, at: now) "
                    + "}.",
            ]),
        Exercise(
            id: "retry-with-backoff",
            lesson: "patterns.retry-with-backoff",
            file: "Sources/HandbookPatterns/RetryWithBackoff.swift",
            blanks: [
                "public func backoffCeiling(forRetry retry: Int) -> Duration",
                "public func delay(forRetry retry: Int, using random: inout some RandomNumberGenerator) -> Duration",
                """
                public func run<T, E: Error>(
                        until deadline: C.Instant? = nil,
                        using random: inout some RandomNumberGenerator,
                        retryIf isRetryable: (E) -> Bool = { _ in true },
                        _ operation: (_ attempt: Int) async throws(E) -> T
                    ) async throws -> T
                """,
            ],
            prompt: """
                Write RetryPolicy.backoffCeiling(forRetry:), RetryPolicy.delay(forRetry:using:) and \
                Retrier.run(until:using:retryIf:_:). The ceiling before retry i (0 is the wait after the first \
                failure) is min(maxDelay, baseDelay x 2^i), without overflow even for i = 1,000,000. The delay is \
                full jitter: uniform over 0...ceiling to the nanosecond, drawn from the given generator \
                (wholeNanoseconds(in:) is provided). run throws DeadlineExceededError when clock.now >= deadline (a \
                deadline equal to now has passed), without calling the operation; it calls the operation with the 1-based attempt number, and rethrows its error unchanged when \
                attempts run out or retryIf rejects it; otherwise it draws exactly one delay(forRetry: attempt - \
                1), rethrows instead if now + delay would reach the deadline, and sleeps on the injected clock. \
                Cancellation during a backoff ends with CancellationError and no further attempt; the tests check \
                the exact sleeps from a seeded generator.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "Doubling must stop at the cap (and when the base is zero): what is 1 << 70 in Swift (a "
                    + "smart shift gives 0), and what does doubling a Duration a million times do?",
                "backoffCeiling: start at baseDelay and double at most retry times, breaking once the ceiling "
                    + "is zero or reaches maxDelay; return min(ceiling, maxDelay). delay: "
                    + ".nanoseconds(Int64.random(in: 0...Self.wholeNanoseconds(in: ceiling), using: &random)).",
                "In run's catch: guard attempt < policy.maxAttempts, isRetryable(error) else { throw error }; "
                    + "let wakeUp = clock.now.advanced(by: delay); if let deadline, wakeUp >= deadline { throw "
                    + "error }; try await clock.sleep(until: wakeUp, tolerance: nil); try Task.checkCancellation().",
            ]),
        Exercise(
            id: "ttl-cache",
            lesson: "system-design.ttl-cache",
            file: "Sources/HandbookSystemDesign/TTLCache.swift",
            blanks: [
                "public mutating func value(forKey key: Key, now: C.Instant) -> Value?",
                "public mutating func setValue(_ value: Value, forKey key: Key, now: C.Instant) -> (key: Key, value: Value)?",
                "public mutating func removeValue(forKey key: Key, now: C.Instant) -> Value?",
                "public mutating func removeExpired(now: C.Instant) -> Int",
            ],
            prompt: """
                Write TTLCache.Storage's value(forKey:now:), setValue(_:forKey:now:), removeValue(forKey:now:) and \
                removeExpired(now:), using the provided arena helpers unlink(_:), pushNewest(_:) and remove(at:) \
                (which moves the last entry into the hole). A write at t expires at t + ttl, and an entry is \
                expired once now >= expiresAt: reading it removes it and counts an expiration and a miss, while a \
                hit makes the entry most recent. Writing a present key (expired or not) replaces its value and \
                expiry and makes it most recent; a new key in a full cache first evicts the least recently used \
                entry (an eviction even if it had expired) and returns it. removeValue returns nil for an expired \
                entry but still removes it and counts the expiration, and removeExpired purges every expired entry \
                in O(n); everything else is O(1) on average. An oracle over random operations checks the \
                statistics and keysByRecency exactly.
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "Two halves of expiry: lazy on every read, active in removeExpired. Which provided helper "
                    + "moves an entry to the newest end?",
                "value: no position -> miss. Expired -> remove(at:), expirations += 1, misses += 1. Else hits "
                    + "+= 1, unlink(index), pushNewest(index). setValue for a new key: if entries.count == "
                    + "capacity, remove(at: oldest) and count an eviction; append, record positions[key], "
                    + "pushNewest.",
                "removeExpired walks entries.indices.reversed(): remove(at:) moves the LAST entry into the "
                    + "hole, and that one has already been examined.",
            ]),
        Exercise(
            id: "single-flight",
            lesson: "system-design.single-flight",
            file: "Sources/HandbookSystemDesign/SingleFlight.swift",
            blanks: [
                """
                /// - Complexity: O(1) on average, plus the load.
                    public func value(forKey key: Key) async throws -> Value
                """,
                "private func startLoad(forKey key: Key)",
                "private func finish(_ key: Key, flight: Int, with result: Result<Value, any Error>)",
                "private func cancelWaiter(_ id: Int, ofFlight flight: Int)",
            ],
            prompt: """
                Write SingleFlightCache's value(forKey:), startLoad(forKey:), finish(_:flight:with:) and \
                cancelWaiter(_:ofFlight:). A hit returns the cached value; a miss joins the key's running flight \
                or starts one, with no await between the check and the start, so 100 concurrent misses run the \
                loader once (loadCount counts starts). A flight runs the loader in its own unstructured Task that \
                reports to finish; waiters park in checked continuations in waiters[flight][waiter], and after \
                registering one call notifyObservers(of: key) (the tests' waitForWaiters relies on it); keep \
                flightKeys[flight] = key while the flight runs (waiterCount reads it). finish always resumes every \
                waiter of its flight with the result; only if the flight is still the key's current one does it \
                clear inFlight[key] and cache a success (invalidate(_:), provided, detaches a running flight: its \
                waiters get its value, the cache does not keep it). Errors are never cached; a cancelled waiter \
                alone gets CancellationError while the load goes on for the others.
                """,
            difficulty: .hard, minutes: 40,
            hints: [
                "An actor is reentrant: what has to be true of the code between 'is a load running?' and "
                    + "'record that one is'?",
                "startLoad: loadCount += 1, take an id from nextFlightID, create Task { do { result = "
                    + ".success(try await load(key)) } catch { result = .failure(error) }; self.finish(key, flight: "
                    + "flight, with: result) }, then set inFlight[key] and flightKeys[flight], all before any "
                    + "await.",
                "value: wrap withCheckedThrowingContinuation in withTaskCancellationHandler; onCancel is not "
                    + "isolated, so it hops back with Task { await self.cancelWaiter(id, ofFlight: flight) }, and "
                    + "cancelWaiter resumes the continuation only if it is still registered (finish may have won).",
            ]),
        Exercise(
            id: "consistent-hashing",
            lesson: "system-design.consistent-hashing",
            file: "Sources/HandbookSystemDesign/ConsistentHashing.swift",
            blanks: [
                "public init(nodes: [String], virtualNodesPerNode: Int) throws(ConfigurationError)",
                "public func node(for key: String) -> String",
                "public mutating func addNode(_ node: String) throws(ConfigurationError)",
                "public mutating func removeNode(_ node: String) throws(ConfigurationError)",
            ],
            prompt: """
                Write ConsistentHashing.Ring's init(nodes:virtualNodesPerNode:), node(for:), addNode(_:) and \
                removeNode(_:). Each node gets virtualNodesPerNode points from the provided virtualPoints(of:); \
                points stay sorted by (hash, node) (the provided precedes), so the ring does not depend on the \
                order nodes came in, and nodes is kept sorted. A key belongs to the first point whose hash is >= \
                stableHash(key), wrapping to the first point past the end, found by binary search in O(log(n x \
                v)). Throw .noNodes, .nonPositiveVirtualNodes, .duplicateNode (init or addNode), .unknownNode, and \
                .removingLastNode. Tests check hard-coded owners, that adding a 5th node moves about a fifth of \
                10,000 keys and only to it, and a brute-force scan on random rings.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "Sorted points turn the lookup into a partition point: the first index whose hash is not less "
                    + "than the key's.",
                "Binary search with low = 0, high = points.count: if points[middle].hash < hash { low = "
                    + "middle + 1 } else { high = middle }; low == points.count wraps to 0.",
                "addNode appends virtualPoints(of: node) and re-sorts with Self.precedes; removeNode filters "
                    + "the node's points out, which keeps them sorted.",
            ]),
        Exercise(
            id: "pub-sub-broker",
            lesson: "system-design.pub-sub-broker",
            file: "Sources/HandbookSystemDesign/PubSubBroker.swift",
            blanks: [
                "public func subscribe(to topic: String, policy: SlowSubscriberPolicy) throws -> Subscription<Message>",
                "public func publish(_ message: Message, to topic: String) -> PublishReport",
                "public func closeTopic(_ topic: String)",
                "private func remove(_ id: SubscriberID, from topic: String)",
            ],
            prompt: """
                Write PubSubBroker.InMemory's subscribe(to:policy:), publish(_:to:), closeTopic(_:) and \
                remove(_:from:). subscribe throws ConfigurationError.emptyTopic or .nonPositiveBufferSize, then \
                gives the subscriber its own AsyncThrowingStream whose buffering implements the policy (dropOldest \
                keeps the newest n; dropNewest and disconnect keep the oldest n); the stream's onTermination \
                (consumer task cancelled, stream dropped) and the Subscription's unsubscribe closure both remove \
                the subscriber. publish never waits: it yields to each current subscriber and reports what yield \
                returned. Enqueued is delivered; dropped is counted in droppedCount and reported in dropped (a \
                dropOldest subscriber did receive the new message, so it is delivered too), except under \
                disconnect, where the stream is finished with SlowSubscriberDisconnected and the subscriber \
                removed and reported disconnected; terminated removes it. Every subscribe and removal is reported \
                to observer (.subscribed, .unsubscribed); closeTopic finishes every stream of the topic, reports \
                each as unsubscribed and forgets the topic. remove takes the subscriber out (dropping an emptied \
                topic), finishes its stream with continuation.finish() and reports .unsubscribed: cancel() must \
                end the consumer's for-await loop. Under disconnect, call finish(throwing:) before remove, whose \
                plain finish() would otherwise end the stream without the error.
                """,
            difficulty: .hard, minutes: 35,
            hints: [
                "Why would one AsyncStream shared by all subscribers split the messages instead of "
                    + "broadcasting them?",
                "Map the policy to .bufferingNewest(n) or .bufferingOldest(n) for "
                    + "AsyncThrowingStream.makeStream; set continuation.onTermination = { [weak self] _ in guard "
                    + "let self else { return }; Task { await self.remove(id, from: topic) } } (weak: the broker "
                    + "owns the continuation, which owns the closure).",
                "In publish, switch on subscriber.continuation.yield(message): .enqueued, .dropped, "
                    + ".terminated, and @unknown default.",
            ]),
        Exercise(
            id: "idempotency-keys",
            lesson: "system-design.idempotency-keys",
            file: "Sources/HandbookSystemDesign/IdempotencyKeys.swift",
            blanks: [
                """
                public func run(
                            key: Key,
                            fingerprint: Fingerprint,
                            operation: @escaping @Sendable () async throws -> StoredResponse
                        ) async throws -> Execution
                """,
                """
                private static func attempt(
                            store: Store,
                            key: Key,
                            fingerprint: Fingerprint,
                            _ operation: @Sendable () async throws -> StoredResponse
                        ) async throws -> Execution
                """,
            ],
            prompt: """
                Write IdempotencyKeys.Coordinator's run(key:fingerprint:operation:) and its @concurrent helper \
                attempt(store:key:fingerprint:_:) (the Record state machine and InMemoryStore are provided). \
                attempt calls store.begin: .completed replays (source .replayed), .inProgress throws \
                IdempotencyError.inProgress, .fingerprintMismatch throws .keyReuseMismatch, and .started(token) \
                runs the operation. If it throws, release the key with store.fail and rethrow the operation's own \
                error even when fail throws too; on success store.complete, and if that throws, throw \
                .responseNotRecorded(response, reason:) with the store error's description, since the work \
                happened; otherwise return source .executed. run first resolves duplicates in this process: an \
                in-flight attempt with another fingerprint throws .keyReuseMismatch; under .reject a duplicate \
                throws .inProgress; under .await it waits for the same attempt (calling join(key) and leave(key) \
                around the wait) and gets its result, with source .joined when that attempt executed. Otherwise \
                run starts the attempt in its own Task, registers it in inFlight before any await, and removes it \
                when it ends.
                """,
            difficulty: .hard, minutes: 35,
            hints: [
                "Two layers: the store makes begin atomic across processes; the actor resolves duplicates "
                    + "within this process. Where could a check-then-act gap open inside the actor?",
                "run: let task = Task { try await Self.attempt(store: store, key: key, fingerprint: "
                    + "fingerprint, operation) }; inFlight[key] = Attempt(fingerprint: fingerprint, task: task); "
                    + "defer { inFlight[key] = nil }; return try await task.value. A joining duplicate awaits "
                    + "attempt.task.value as well.",
                "In attempt, the operation's catch holds its own do { try await store.fail(key: key, token: "
                    + "token) } catch {} before throw error, so a failing release cannot mask the operation's "
                    + "error.",
            ]),
        Exercise(
            id: "cursor-signing",
            lesson: "system-design.cursor-signing",
            file: "Sources/HandbookSystemDesign/CursorSigning.swift",
            blanks: [
                "public static func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool",
                "public static func hmacSHA256(key: some Collection<UInt8>, message: some Sequence<UInt8>) -> [UInt8]",
                "public func sign(_ payload: some Collection<UInt8>) -> String",
                "public func verify(_ token: some StringProtocol) -> [UInt8]?",
            ],
            prompt: """
                Write CursorSigning.constantTimeEquals(_:_:), CursorSigning.hmacSHA256(key:message:), and \
                TokenSigner's sign(_:) and verify(_:); SHA256 (incremental update and finalize, or one-shot hash) \
                and Base64URL are provided. HMAC follows RFC 2104: a key longer than the 64-byte block is hashed \
                first, then the key is zero-padded to the block, and the tag is H((K xor opad) || H((K xor ipad) \
                || message)) with the bytes 0x5c and 0x36; the RFC 4231 vectors judge it, 131-byte keys included. \
                The comparison may return early when the lengths differ but otherwise reads every byte without \
                branching on contents. A token is base64url(payload) + "." + base64url(tag); verify returns the \
                payload only for exactly two parts that both decode and whose tag matches in constant time, and \
                nil for anything else: flipping any single bit of a token must fail.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "Why is SHA256(secret + payload) forgeable, and what does == on two arrays leak through its "
                    + "timing?",
                "constantTimeEquals: OR together left ^ right over zip(lhs, rhs) and compare the accumulator "
                    + "with 0 only at the end. hmacSHA256: keyBlock = key.count > 64 ? SHA256.hash(key) : "
                    + "Array(key), padded with zeros to 64; an inner SHA256 over keyBlock ^ 0x36 then the message; "
                    + "an outer one over keyBlock ^ 0x5c then the inner digest.",
                "verify: token.split(separator: \".\", omittingEmptySubsequences: false) must give two parts; "
                    + "decode both with Base64URL.decode and compare tag(for: payload) with the claimed tag using "
                    + "constantTimeEquals.",
            ]),
        Exercise(
            id: "pagination",
            lesson: "system-design.pagination",
            file: "Sources/HandbookSystemDesign/Pagination.swift",
            blanks: [
                """
                public static func keysetPage<C: RandomAccessCollection, SortKey, ID>(
                        of sorted: C,
                        after cursor: KeysetCursor<SortKey, ID>?,
                        limit: Int,
                        maximumLimit: Int = Pagination.maximumLimit,
                        key: (C.Element) -> (SortKey, ID)
                    ) throws(PaginationError) -> KeysetPage<C.Element, SortKey, ID>
                """,
                """
                public func decode<SortKey, ID>(
                        _ token: some StringProtocol,
                        as type: KeysetCursor<SortKey, ID>.Type = KeysetCursor<SortKey, ID>.self
                    ) throws(PaginationError) -> KeysetCursor<SortKey, ID>
                """,
                "public mutating func next() async throws -> [Item]?",
            ],
            prompt: """
                Write Pagination.keysetPage(of:after:limit:maximumLimit:key:), CursorCodec.decode(_:as:) and the \
                client iterator's next(). keysetPage validates limit with validatedLimit (invalidLimit), finds by \
                binary search the first element whose (sortKey, id) tuple is strictly greater than the cursor's \
                (lastSortKey, lastID), in O(log n + limit) on any RandomAccessCollection, returns up to limit \
                elements, and a next cursor from the last item only when elements remain after the page. decode \
                throws invalidCursor for a token longer than maximumTokenLength, then verifies the signature \
                (signer.verify) before any JSON parsing, and throws invalidCursor for anything malformed, forged, \
                of other key types, or of a version other than currentVersion. next() returns nil after the page \
                that had no next cursor, checks cancellation, fetches with the current cursor and pageSize, and \
                throws cursorDidNotAdvance when the server hands back the cursor it was given.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "Why compare the (sortKey, id) tuple rather than the sort key alone, and why > rather than "
                    + ">=?",
                "Partition point: while start < high { let middle = sorted.index(start, offsetBy: "
                    + "sorted.distance(from: start, to: high) / 2); if key(sorted[middle]) > after { high = middle "
                    + "} else { start = sorted.index(after: middle) } }; end = sorted.index(start, offsetBy: limit, "
                    + "limitedBy: sorted.endIndex) ?? sorted.endIndex.",
                "decode is one guard: length, then signer.verify(token), then try? JSONDecoder().decode(type, "
                    + "from: Data(payload)), then the version; else throw .invalidCursor.",
            ]),
        Exercise(
            id: "saga-compensation",
            lesson: "system-design.saga-compensation",
            file: "Sources/HandbookSystemDesign/SagaCompensation.swift",
            blanks: [
                "public mutating func apply(_ event: SagaEvent) throws(InvalidTransition)",
                "private func compensateNext() -> Phase",
                "public mutating func recoverAfterCrash()",
            ],
            prompt: """
                Write the saga's pure state machine, SagaState's apply(_:), compensateNext() and \
                recoverAfterCrash(), which Saga.run and resume drive. Forward: stepStarted moves pending(next) to \
                running, and stepCompleted appends the step to completedSteps and moves to the next step, or to \
                .completed after the last; stepFailed (running or still pending) and stepInterrupted (running; the \
                step may have taken effect, so it counts as completed) start compensating the latest completed \
                step. Backward: compensationStarted changes nothing, compensationCompleted pops the step and moves \
                on, and compensationFailed gives the step up into failedCompensations after compensationAttempts \
                failures (counted per step); with nothing left the phase is .compensated, or .compensationFailed \
                if any compensation gave up. Any other event, one naming the wrong step included, throws \
                InvalidTransition and changes nothing, and each accepted event is appended to log. \
                recoverAfterCrash logs a running step as interrupted and a pending one as failed, then starts \
                compensating; other phases are unchanged.
                """,
            difficulty: .medium, minutes: 30,
            hints: [
                "Undo is a stack: which step is compensated first, and which array already holds the steps in "
                    + "the order they ran?",
                "switch (phase, event) with where clauses checking stepNames[index] == name; a default case "
                    + "throws InvalidTransition(event: event, phase: phase); append the event to log after the "
                    + "switch.",
                "compensateNext: if let latest = completedSteps.last { return .compensating(step: latest) }; "
                    + "return failedCompensations.isEmpty ? .compensated : .compensationFailed.",
            ]),
        Exercise(
            id: "bloom-filter",
            lesson: "system-design.bloom-filter",
            file: "Sources/HandbookSystemDesign/BloomFilter.swift",
            blanks: [
                """
                public static func optimalParameters(
                        expectedCount: Int, falsePositiveRate: Double
                    ) throws(ParameterError) -> (bitCount: Int, hashCount: Int)
                """,
                "public mutating func insert(_ key: String) -> Bool",
                "public func mightContain(_ key: String) -> Bool",
                "public func union(_ other: BloomFilter) throws(ParameterError) -> BloomFilter",
            ],
            prompt: """
                Write BloomFilter.optimalParameters(expectedCount:falsePositiveRate:), insert(_:), \
                mightContain(_:) and union(_:). Sizing: m = ceil(-n ln p / (ln 2)^2) bits and k = round((m / n) ln \
                2), at least 1 (a million keys at 1 % give 9,585,059 bits and 7 hashes); throw \
                nonPositiveExpectedCount, falsePositiveRateOutOfRange (NaN included) or filterTooLarge when m \
                exceeds maximumBitCount. The bits are packed into UInt64 words and bitIndices(for:) (provided) \
                gives a key's k positions. insert sets them and returns true if any was still clear (the key was \
                definitely new); mightContain is true only if all are set, so an inserted key is always found. \
                union ORs the words of two filters and throws mismatchedParameters unless bit count, hash count \
                and seed all match.
                """,
            difficulty: .easy, minutes: 15,
            hints: [
                "Why write the rate check as rate > 0 && rate < 1 rather than rejecting rate <= 0 || rate >= "
                    + "1?",
                "Bit i lives in words[i / 64] under the mask UInt64(1) << UInt64(i % 64).",
                "Keep m a Double rounded up and compare it with Double(maximumBitCount) before converting: "
                    + "Int(bits) would trap for expectedCount = Int.max.",
            ]),
        Exercise(
            id: "count-min-sketch",
            lesson: "system-design.count-min-sketch",
            file: "Sources/HandbookSystemDesign/CountMinSketch.swift",
            blanks: [
                "public mutating func add(_ key: String, count: Counter = 1) throws(CounterOverflow)",
                "func estimate(cells: [Int]) -> Counter",
                "mutating func addSaturating(cells: [Int], count: Counter)",
                "private mutating func raise(_ cells: [Int], to target: Counter)",
            ],
            prompt: """
                Write CountMinSketch's add(_:count:), the internal estimate(cells:) and \
                addSaturating(cells:count:), and the conservative-update helper raise(_:to:); cells(for:) \
                (provided) gives a key's cell in each row as indices into the row-major counters. The estimate is \
                the minimum of the key's cells. Under .plain an update adds count to every cell; under \
                .conservative it raises each cell to max(cell, estimate + count), never lowering one. add throws \
                CounterOverflow and changes nothing when the update would push a counter past Counter.max, while \
                addSaturating clamps at Counter.max; both add count to totalCount, saturating at UInt64.max \
                (saturatingSum is provided). The provided HeavyHitters records through addSaturating(cells:count:) \
                and estimate(cells:), and the tests check against a dictionary that no key is ever underestimated \
                and that conservative is never worse than plain.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Every row can only overcount, because other keys share its cell: which of a key's d cells is "
                    + "the tightest bound?",
                "Plain add: check every cell with counters[cell] > Counter.max - count before changing any. "
                    + "Conservative: let (target, overflow) = estimate(cells: "
                    + "cells).addingReportingOverflow(count), then raise the cells to target.",
                "raise: counters[cell] = max(counters[cell], target). Setting the cells to target would lower "
                    + "counts other keys had put there.",
            ]),
        Exercise(
            id: "fencing-tokens",
            lesson: "system-design.fencing-tokens",
            file: "Sources/HandbookSystemDesign/FencingTokens.swift",
            blanks: [
                "public mutating func acquire(holder: String, now: Instant, duration: Duration) -> Lease<Instant>?",
                "public mutating func renew(_ lease: Lease<Instant>, now: Instant, duration: Duration) -> Lease<Instant>?",
                "public mutating func release(_ lease: Lease<Instant>) -> Bool",
                "private func admit(_ token: Token) throws(StaleToken)",
            ],
            prompt: """
                Write the lease row's transitions, FencingTokens.LeaseTable's acquire(holder:now:duration:), \
                renew(_:now:duration:) and release(_:), and FencedStorage.admit(_:), which write(_:forKey:token:) \
                and read(_:token:) call. acquire succeeds only when there is no current lease or it has expired \
                (now >= expiresAt; a live lease is refused even to its own holder) and issues a token one higher \
                than any before: term is never reset, not even by a release. renew extends the caller's lease from \
                now, keeping its token, only while it is still the current lease (same holder and token) and has \
                not expired; release clears the lease if it is still the caller's and says whether it was. admit \
                throws StaleToken(presented:highest:) for a token lower than the highest seen and otherwise \
                records it as the highest: one fence for the whole storage, raised by reads too.
                """,
            difficulty: .easy, minutes: 15,
            hints: [
                "The lease makes it likely that one worker acts; the storage has to make it safe. What must "
                    + "the storage remember?",
                "acquire: if let current, now < current.expiresAt { return nil }; term += 1; then store and "
                    + "return Lease(holder: holder, token: Token(rawValue: term), expiresAt: now.advanced(by: "
                    + "duration)).",
                "admit: if let highestToken, token < highestToken { throw StaleToken(presented: token, "
                    + "highest: highestToken) }; highestToken = token. Equal tokens pass: the current holder writes "
                    + "many times.",
            ]),
    ]

}
