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
        Exercise(
            id: "optimistic-concurrency",
            lesson: "system-design.optimistic-concurrency",
            file: "Sources/HandbookSystemDesign/OptimisticConcurrency.swift",
            blanks: [
                "public func update(_ id: String, to value: Value, expecting expectation: Expectation) throws(WriteConflict)",
                """
                public static func update<Repository: VersionedRepository>(
                        _ id: String,
                        in repository: Repository,
                        maxAttempts: Int,
                        _ transform: (Repository.Value) throws -> Repository.Value
                    ) async throws -> Versioned<Repository.Value>
                """,
                "public var expectation: Expectation",
                """
                public func put(_ id: String, ifMatch: String?, value: Repository.Value) async throws
                            -> Response<Repository.Value>
                """,
            ],
            prompt: """
                Write InMemoryTable.update(_:to:expecting:), the retry loop \
                OptimisticConcurrency.update(_:in:maxAttempts:_:), IfMatch.expectation and \
                ConditionalEndpoint.put(_:ifMatch:value:). The table's update is one atomic step: it throws \
                WriteConflict.notFound(id:) for a missing row (checked first), .versionMismatch(current: the row's \
                version) when the expectation does not admit that version (Expectation.admits is provided), and \
                otherwise stores the value at version + 1 and returns the new row. The loop makes exactly one read \
                and one update expecting .version(the version read) per attempt and no other repository call (a \
                scripted interleaving checks the call sequence): a missing row throws notFound, a versionMismatch \
                re-reads and calls transform again, any other error propagates, and after maxAttempts conflicts it \
                throws RetriesExhausted(attempts: maxAttempts, currentVersion: the version the last conflict \
                reported). expectation is .exists for * and, for a tag list, .anyOf the versions of its strong \
                tags only (EntityTag.version is nil for tags such as "v01"); IfMatch.isSatisfied(by:) is the \
                tests' oracle for it: do not call it. put answers 428 with no If-Match and 400 when it does not \
                parse, then makes ONE repository update with condition.expectation (no read-then-check): 404 on \
                notFound (even for *), 412 with entityTag .version(current) on a mismatch (an empty list matches \
                nothing), else 200 with the new row's entityTag and value. updateLastWriterWins is the pitfall the \
                tests contrast with: leave it as it is.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "Which single call has to carry the version you read, so that no other write can land between "
                    + "the check and the write?",
                "Loop maxAttempts times: read (nil -> throw WriteConflict.notFound), transform, then return "
                    + "the result of update(id, to: next, expecting: .version(current.version)); catch only "
                    + "WriteConflict.versionMismatch(let now), remember now and go round again. put wraps its "
                    + "single update call in catches for WriteConflict.notFound and "
                    + "WriteConflict.versionMismatch(let current).",
                "case .tags(let tags): .anyOf(Set(tags.filter { !$0.isWeak }.compactMap(\\.version)))",
            ]),
        Exercise(
            id: "middleware",
            lesson: "patterns.middleware",
            file: "Sources/HandbookPatterns/Middleware.swift",
            blanks: [
                "public static func chain(_ layers: [Layer], around handler: @escaping Handler) -> Handler",
                "public static func logging<C: Clock<Duration>>(to sink: @escaping LogSink, clock: C) -> Layer",
                "public static func authentication() -> Layer",
                "public static func requireRole(_ role: Role) -> Layer",
                "public static func errorMapping() -> Layer",
            ],
            prompt: """
                Write Middleware.chain(_:around:) and four layers: logging(to:clock:), authentication(), \
                requireRole(_:) and errorMapping(). A Layer turns the next Handler into a new one; chain([a, b], \
                around: h) must behave as a(b(h)), the first layer outermost, and an empty list returns the \
                handler itself (compose, provided, calls chain). logging sends exactly "START <method> <path>" to \
                the sink before calling next, then "END <method> <path> <status> <ms>ms" with the time elapsed on \
                the injected clock (milliseconds(_:) is provided), or on a throw "ERROR <method> <path>: <error>" \
                (the error interpolated with \\(error)) and then rethrows the same error, so an outer mapper still \
                sees it. authentication reads the "Authorization" header as a Role raw value; without a valid one \
                it returns PlainResponse(status: 401, body: "unauthorized") and never calls next, otherwise it \
                stores the role under RoleKey in a copy of the context it passes inward (an outer layer must never \
                see it). requireRole returns 403 with body "forbidden" unless the context's RoleKey value equals \
                the role. errorMapping turns an HTTPFailure into a response with its status and its message as the \
                body, rethrows CancellationError, and answers any other error with 500 "internal server error". \
                requestID(generate:) is provided as a worked example of a layer. The lesson's doc comment already \
                names the fold for chain (reversed, then reduce); the real work is the four layers.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Each layer is a (Handler) -> Handler: which of the four must not call next at all on some "
                    + "requests, and which must see next's thrown error and still let it escape?",
                "Fold the list from its end, each step wrapping what has been built so far. Every layer has "
                    + "the shape { next in { request, context in ... } }: run code before and after try await "
                    + "next(request, context), or return a response without calling next to short-circuit.",
                "layers.reversed().reduce(handler) { next, layer in layer(next) }",
            ]),
        Exercise(
            id: "retry-budget",
            lesson: "system-design.retry-budget",
            file: "Sources/HandbookSystemDesign/RetryBudget.swift",
            blanks: [
                "public mutating func recordRequest(at elapsed: Duration)",
                "public mutating func tryRetry(at elapsed: Duration) -> Bool",
                "public func counts(at elapsed: Duration) -> (requests: Int, retries: Int)",
                "private mutating func slot(for epoch: Int) -> Int",
                "public func timeout(for hop: Hop) -> Duration?",
                """
                public func run<T>(
                        maxAttempts: Int,
                        hop: RequestDeadline.Hop = RequestDeadline.Hop(),
                        isRetryable: (any Error) -> Bool = { _ in true },
                        _ operation: (Attempt) async throws -> T
                    ) async throws -> T
                """,
            ],
            prompt: """
                Write the budget's sliding window, RetryBudget.Window's recordRequest(at:), tryRetry(at:), \
                counts(at:) and private slot(for:), then RequestDeadline.timeout(for:) and \
                RetryBudget.run(maxAttempts:hop:isRetryable:_:). The window is a ring of policy.slots slots: epoch \
                e (Self.epoch(of:policy:) is provided) lives in slot e % slots, which is emptied first when it \
                still holds an older epoch; counts sums the requests and retries of the slots whose epoch is \
                greater than the current epoch minus slots (with a 10 s window of 10 slots, what was recorded at 0 \
                s still counts at 9 s and no longer at 10 s). tryRetry grants and records a retry only while the \
                live retries are below policy.allowance(requests:) of the live requests. timeout(for:) is \
                remaining minus the hop's safetyMargin, or nil unless that is both >= minimumTime and > 0. run, \
                for attempts 1...maxAttempts: try Task.checkCancellation(); if RequestDeadline.current is bound, \
                take the attempt's timeout from it or throw RetryError.deadlineExceeded(attempts: attempts made so \
                far, lastError:); only then count a first attempt with recordRequest() or withdraw a retry with \
                tryRetry(), throwing .budgetExhausted(attempts:lastError:) when refused; call \
                operation(Attempt(number:timeout:)); on failure throw CancellationError if the task is cancelled, \
                rethrow a non-retryable error unchanged, else keep it and go on; after the last attempt throw \
                .attemptsExhausted(attempts: maxAttempts, lastError:). The tests check exact counts: 5 retries for \
                50 requests at 10 %, a refused 4th attempt that spent no budget, the grpc-timeout headers of a \
                three-hop chain (990000u, then 780000u, and no call at all to the third hop, whose 470 ms is below \
                its 500 ms minimum), and 133 database calls for 100 requests through three budgeted layers.
                """,
            difficulty: .hard, minutes: 35,
            hints: [
                "maxAttempts bounds one request: what bounds the extra load the whole fleet sends to a dead "
                    + "dependency, and why must a retry not raise the allowance the way a first attempt does?",
                "Window: index = epoch % policy.slots, reset to Slot(epoch: epoch) when slots[index].epoch != "
                    + "epoch; counts keeps the slots with epoch > now - policy.slots. In run the order is "
                    + "cancellation, deadline, budget, call: a retry that cannot finish in time must not spend "
                    + "budget.",
                "if let deadline = RequestDeadline.current { guard let granted = deadline.timeout(for: hop) "
                    + "else { throw RetryError.deadlineExceeded(attempts: number - 1, lastError: lastError) }; "
                    + "timeout = granted }",
            ]),
        Exercise(
            id: "transactional-outbox",
            lesson: "system-design.transactional-outbox",
            file: "Sources/HandbookSystemDesign/TransactionalOutbox.swift",
            blanks: [
                "public func place(_ orderID: String) async throws -> Message",
                "public func update(_ orderID: String, to status: String) async throws -> Message",
                "public func publishPending(limit: Int = 100) async throws -> Int",
                "public func handle(_ message: Message) async throws -> HandleOutcome",
                "public func drain(_ broker: Broker) async throws -> DrainReport",
            ],
            prompt: """
                Write the outbox's producer, relay and idempotent consumer: OrderService.place(_:) and \
                update(_:to:), Relay.publishPending(limit:), Consumer.handle(_:) and Consumer.drain(_:) (Database, \
                Broker and the ServiceTables helpers enqueue(key:payload:), unsent(limit:) and markSent(_:) are \
                provided; DualWrite.insertOrder, the pitfall kept for contrast, shows the order-row half of place's \
                transaction: yours must add the outbox row to the same transaction). place sets orders[id] = "placed" and enqueues the event (key: the order id, payload \
                "placed") in ONE database.transaction, throwing OrderError.alreadyExists(id) when the order \
                exists; update does the same with the new status for an existing order, else throws \
                OrderError.notFound(id); both return the enqueued Message. publishPending reads up to limit unsent \
                rows in one transaction, then for each row, oldest first: crash(at: .relayBeforePublish(id)), \
                broker.publish(row.message) (the row's own message and id), crash(at: .relayAfterPublish(id)), and \
                only then markSent in a transaction of its own; it returns the number of rows read. handle checks \
                the inbox (only under .inbox deduplication), applies the effect and inserts the message id, all in \
                one transaction, returning .applied or .duplicate; a throwing effect leaves nothing recorded. \
                drain receives until broker.receive() returns nil: a delivery whose handle throws counts a failure \
                and is rejected; otherwise drain throws SimulatedCrash(point: .consumerBeforeAcknowledge(id)) if \
                that crash point is set, then acknowledges and counts it as applied or duplicate.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "A transaction body cannot await, so the publish can never share a transaction with the row. "
                    + "In which order must 'publish' and 'mark sent' happen so that a crash between them duplicates "
                    + "the event instead of losing it?",
                "Relay: let batch = await database.transaction { $0.unsent(limit: limit) }, then per row "
                    + "publish, and mark it sent in a separate transaction afterwards. Consumer: the inbox check, "
                    + "the effect and inbox.insert go in one transaction closure, so they commit or roll back "
                    + "together.",
                "try await database.transaction { [effect, deduplication] tables in if deduplication == "
                    + ".inbox, tables.inbox.contains(message.id) { return .duplicate }; try effect(&tables.state, "
                    + "message); tables.inbox.insert(message.id); return .applied }",
            ]),
        Exercise(
            id: "backpressure-and-load-shedding",
            lesson: "system-design.backpressure-and-load-shedding",
            file: "Sources/HandbookSystemDesign/BackpressureAndLoadShedding.swift",
            blanks: [
                "public nonisolated func run<T>(_ operation: () async throws -> T) async throws -> T",
                "private func enter() async throws",
                "private func leave()",
                "private func expire(_ id: Int)",
                "private func cancelWaiter(_ id: Int)",
            ],
            prompt: """
                Write the Bulkhead actor's run(_:), enter(), leave(), expire(_:) and cancelWaiter(_:) (remove(_:) \
                is provided, and statistics reads running, order.count, rejected and timedOut, so keep them \
                current). enter admits at once (running += 1, onEvent .admitted) only when running < maxConcurrent \
                and nobody is queued (no barging); otherwise, when a .bounded(length) queue already holds length \
                waiters, it counts a rejection, reports .rejected and throws BulkheadError.queueFull(maxQueued: \
                length) (.bounded(0) never queues); otherwise it parks in a checked continuation stored in waiters \
                under a growing id appended to order, and reports .queued. Each arrival reports exactly one of \
                .admitted, .queued and .rejected: a test waits for that count. With a queueTimeout, a queued \
                waiter arms a timer Task that sleeps on the injected clock until now + queueTimeout and then \
                expires it (the tests wait for these sleepers with clock.waitForSleepers); the timer is cancelled \
                when the waiter leaves the queue any other way. leave hands the slot straight to the oldest waiter \
                (resumed with running unchanged, reporting .dequeued), first timing out any waiter already at or \
                past its deadline (clock.now >= deadline), and decrements running only when nobody is left to take \
                it. expire and cancelWaiter act only on a waiter still queued: expire counts timedOut, reports \
                .timedOut and resumes it with BulkheadError.queueTimeout(queueTimeout); cancelling a queued task \
                reports .cancelled and resumes it with CancellationError at once, freeing its queue place. run \
                releases the slot whether the operation returns or throws.
                """,
            difficulty: .hard, minutes: 35,
            hints: [
                "A waiter can be ended three ways (a freed slot, its timer, its task's cancellation), and "
                    + "they race. How do you make sure exactly one of them resumes its continuation, exactly once?",
                "Whoever removes the id from waiters owns the continuation; the others find nothing and "
                    + "return. enter wraps withCheckedThrowingContinuation in withTaskCancellationHandler; onCancel "
                    + "is not isolated to the actor, so it hops back with Task { await self.cancelWaiter(id) }. A "
                    + "Task created inside the actor inherits its isolation, so the timer can call expire(id) "
                    + "directly after its sleep.",
                "leave: while let id = order.first { order.removeFirst(); guard let waiter = "
                    + "waiters.removeValue(forKey: id) else { continue }; waiter.timer?.cancel(); if expired, time "
                    + "it out and continue; otherwise resume it and return }; running -= 1",
            ]),
        Exercise(
            id: "deadline-retry-orchestrator",
            lesson: "system-design.deadline-retry-orchestrator",
            file: "Sources/HandbookSystemDesign/DeadlineRetryOrchestrator.swift",
            blanks: [
                "public mutating func beginAttempt(elapsed: Duration) -> Step",
                "public func afterFailure(elapsed: Duration, using random: inout some RandomNumberGenerator) -> Step",
            ],
            prompt: """
                Write the pure decisions of DeadlineRetry.Schedule that the orchestrator's run loop follows: \
                beginAttempt(elapsed:) and afterFailure(elapsed:using:). beginAttempt returns \
                .stop(.deadlineExceeded) unless elapsed + policy.minimumAttemptTime < policy.overallTimeout \
                (checked first: never at the deadline, and with the default zero minimum even 2 ms left will do), \
                then .stop(.attemptsExhausted) once maxAttempts attempts have started; otherwise it increments \
                attemptsStarted and grants Attempt(number: attemptsStarted, timeout: min(attemptTimeout, \
                remaining), isLimitedByDeadline: remaining <= attemptTimeout), remaining being overallTimeout - \
                elapsed. afterFailure changes nothing: .deadlineExceeded if elapsed >= overallTimeout, \
                .attemptsExhausted if no attempt is left, else a delay of at most the ceiling \
                policy.backoff(afterAttempt: attemptsStarted) (provided): the ceiling itself for Jitter.none, and \
                for .full one draw of Schedule.uniform(upTo:using:) (provided) from the given generator, which the \
                tests seed; it returns .backOff(delay) only if elapsed + delay + minimumAttemptTime < \
                overallTimeout, else .deadlineExceeded, so a backoff that cannot be followed by a useful attempt \
                is never slept. A property test simulates random policies and checks that no attempt outlives the \
                deadline.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "An attempt starts 25 ms into a 30 ms budget whose attemptTimeout is 20 ms: what timeout "
                    + "should it get? And with only 2 ms left, which policy field decides whether an attempt is "
                    + "still worth starting?",
                "beginAttempt: guard the deadline (including minimumAttemptTime), guard the attempt count, "
                    + "then count the attempt and clamp its timeout to the remaining time. afterFailure: the same "
                    + "two kinds of guard, then pick the delay and check that the attempt after it could still "
                    + "start.",
                "guard elapsed + delay + policy.minimumAttemptTime < policy.overallTimeout else { return "
                    + ".stop(.deadlineExceeded) }",
            ]),
        Exercise(
            id: "service-layer",
            lesson: "patterns.service-layer",
            file: "Sources/HandbookPatterns/ServiceLayer.swift",
            blanks: [
                "public func register(name: String, email: String) async throws(UserServiceError) -> User",
                "public func user(id: User.ID) async throws(UserServiceError) -> User",
                "public static func validate(name: String, email: String) throws(UserServiceError) -> (name: String, email: String)",
                "public static func isPlausibleEmail(_ email: String) -> Bool",
                "static func translate(_ error: RepositoryError) -> UserServiceError",
            ],
            prompt: """
                Write UserService's register(name:email:), user(id:), validate(name:email:), isPlausibleEmail(_:) \
                and translate(_:). validate trims whitespace and newlines from both fields and lower-cases the \
                email; if either is then empty it throws .missingFields with the names of all empty fields, in the \
                order "name", "email"; next it throws .invalidEmail(the normalised email) unless isPlausibleEmail \
                accepts it. An email is plausible with exactly one "@", a non-empty part before it, no whitespace \
                anywhere, and a domain of at least two dot-separated labels, none empty ("john@localhost", \
                "john@example." and "a@b..c" fail). register validates before any repository call, builds User(id: \
                makeID(), name:, email:, createdAt: now()), makes exactly one repository call, create (no look-up \
                first: the store's unique constraint decides, so of 10 concurrent registrations of one email \
                exactly one succeeds), and returns the user. translate maps duplicateEmail to \
                .alreadyExists(email:) and notFound to .notFound(id:), and wraps every other RepositoryError \
                unchanged in .repository; user(id:) is one find with the same translation. A mock's call log \
                checks which repository calls were made.
                """,
            difficulty: .easy, minutes: 15,
            hints: [
                "Why is 'look the email up, then create' wrong even when each call is correct, and who can "
                    + "answer 'is this email taken?' atomically?",
                "validate: trimmingCharacters(in: .whitespacesAndNewlines), then collect the missing names "
                    + "from [(\"name\", name), (\"email\", email)]. register and user(id:): do throws(RepositoryError) "
                    + "{ try await repository... } catch { throw Self.translate(error) }.",
                "isPlausibleEmail: split on \"@\" and then the domain on \".\" with omittingEmptySubsequences: "
                    + "false, so an empty part or label is seen rather than dropped.",
            ]),
    ]

}
