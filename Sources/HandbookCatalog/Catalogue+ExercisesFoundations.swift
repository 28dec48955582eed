extension Catalogue {
    /// Phase 1: the lessons where writing the code is the point (errors, Codable, cancellation, generics).
    static let foundationExercises: [Exercise] = [
        Exercise(
            id: "error-chains",
            lesson: "intermediate.error-chains",
            file: "Sources/HandbookIntermediate/ErrorChains.swift",
            blanks: [
                "static func unwrap(_ error: any Error) -> (any Error)?",
                "public var errorChain: [any Error]",
                "public func contains<Target: Error & Equatable>(_ target: Target) -> Bool",
                "public func first<Target: Error>(as type: Target.Type) -> Target?",
            ],
            prompt: """
                Write Go's errors.Unwrap, errors.Is and errors.As for Swift errors. ErrorChains.unwrap(_:) returns \
                one step down the chain: a WrappedError's underlying, otherwise the error found under \
                NSUnderlyingErrorKey in the NSError's userInfo, otherwise nil. errorChain is the error itself \
                followed by every error it wraps, outermost first, and stops at ErrorChains.maximumDepth links, so \
                a SelfWrappingError gives exactly 32 links instead of looping. contains(_:) is true when any link \
                equals the target, and first(as:) returns the first link of that type (or nil); both are O(d) in \
                the chain's depth. The tests walk loadUser's three-link chain and an NSError that wraps a \
                QueryError.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Once the chain is an array, contains and first(as:) are one-liners over it. What is one step "
                    + "of the walk?",
                "unwrap: try `error as? any WrappedError` first, then bridge with `error as NSError` and cast "
                    + "userInfo[NSUnderlyingErrorKey] to `any Error`. errorChain: start from [self] and append "
                    + "unwrap(last) while the count is below maximumDepth.",
                "contains: errorChain.contains { ($0 as? Target) == target }",
            ]),
        Exercise(
            id: "typed-throws",
            lesson: "intermediate.typed-throws",
            file: "Sources/HandbookIntermediate/TypedThrows.swift",
            blanks: [
                "public static func parsePort(_ text: String) throws(ParseError) -> Int",
                "public static func withRetry<T, E: Error>(attempts: Int, _ body: () throws(E) -> T) throws(E) -> T",
                "public static func configuredPort(_ config: [String: String]) throws(ConfigError) -> Int",
            ],
            prompt: """
                Write three functions whose signatures already fix the error type. parsePort(_:) throws .empty for \
                an empty string, .notANumber(text) when the text is not an Int, and .outOfRange(value) outside \
                1...65535. withRetry(attempts:_:) calls body until it succeeds, at most attempts times (attempts \
                >= 1 is a precondition), and rethrows the last failure as E: the tests count exactly 3 calls for 3 \
                failing attempts and 1 call on success, and need no try when E == Never. configuredPort(_:) throws \
                .fileMissing("port") when the key is absent and translates a parse failure into .badPort(error).
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "In a throws(ParseError) function, `throw .empty` needs no type name. In a catch after `try "
                    + "body()`, what is the static type of `error` when body throws(E)?",
                "withRetry: a loop around `do { return try body() } catch { ... }`; rethrow when the last "
                    + "attempt failed, otherwise count the attempt and go round again.",
                "configuredPort cannot let a ParseError escape a throws(ConfigError) function: catch it and "
                    + "`throw .badPort(error)`.",
            ]),
        Exercise(
            id: "codable-edge-cases",
            lesson: "intermediate.codable-edge-cases",
            file: "Sources/HandbookIntermediate/CodableEdgeCases.swift",
            blanks: [
                """
                case unknown(String)

                        public init(from decoder: any Decoder) throws
                """,
                """
                ///   the wrong type: a default covers absence, never bad data.
                        public init(from decoder: any Decoder) throws
                """,
                "public static func deterministicEncoder() -> JSONEncoder",
            ],
            prompt: """
                Take control of Codable where the synthesized code is too strict or not stable. \
                TolerantRole.init(from:) decodes a single string: "admin" and "member" become their cases and any \
                other string becomes .unknown(raw), so {"role":"owner"} decodes instead of throwing (encode(to:) \
                is given). Settings.init(from:) fills a missing pageSize with Settings.defaultPageSize (20) and a \
                missing verbose with false, but a present key of the wrong type ({"pageSize":"ten"}) must still \
                throw a DecodingError. deterministicEncoder() returns a JSONEncoder with sorted keys and ISO 8601 \
                dates: the tests compare exact strings such as {"at":"1970-01-01T00:00:00Z","name":"epoch"}.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "A raw-value enum rejects unknown strings and a synthesized init(from:) ignores property "
                    + "defaults. Which container reads one bare value, and which method reads a key that may be "
                    + "absent?",
                "TolerantRole: decoder.singleValueContainer().decode(String.self), then a switch with a "
                    + "default case. Settings: decoder.container(keyedBy: CodingKeys.self) and "
                    + "decodeIfPresent(_:forKey:) ?? default for each field.",
                "decodeIfPresent returns nil for an absent key but still throws typeMismatch for a wrong "
                    + "type. The encoder: outputFormatting = .sortedKeys and dateEncodingStrategy = .iso8601.",
            ]),
        Exercise(
            id: "defer",
            lesson: "intermediate.defer",
            file: "Sources/HandbookIntermediate/DeferSemantics.swift",
            blanks: [
                "public static func openWorkClose(fail: Bool, record: (String) -> Void) throws",
                "public static func postIncrement(_ value: inout Int) -> Int",
                "public static func transfer(failAt: String?, record: (String) -> Void) throws",
            ],
            prompt: """
                Use defer for cleanup that runs on every exit path. openWorkClose(fail:record:) records "open", \
                throws OperationFailed("work failed") when fail is true and otherwise records "work"; "close" is \
                recorded last on both paths. postIncrement(_:) returns the current value and leaves it incremented \
                (41 returns 41 and leaves 42). transfer(failAt:record:) records "begin", then for the steps \
                "debit" and "credit" in order either throws OperationFailed("<step> failed") when the step equals \
                failAt or records the step, then records "commit"; "rollback" is recorded after a failure and \
                never after a commit. The tests compare the exact logs, e.g. ["begin", "debit", "rollback"].
                """,
            difficulty: .easy, minutes: 15,
            hints: [
                "A defer only covers the exits that come after it. Where must it go so that the throw path "
                    + "runs it too?",
                "transfer: declare `var committed = false` and a defer that records \"rollback\" unless "
                    + "committed; set committed = true as the very last line of the happy path.",
                "postIncrement: `defer { value += 1 }` then `return value`: the return value is computed "
                    + "before the defer runs.",
            ]),
        Exercise(
            id: "strings-and-characters",
            lesson: "basics.strings-and-characters",
            file: "Sources/HandbookBasics/StringsAndCharacters.swift",
            blanks: [
                "public static func character(in text: String, at offset: Int) -> Character?",
                "public static func truncated(_ text: String, toCharacters maxCharacters: Int) -> String",
                "public static func truncated(_ text: String, fittingUTF8Bytes maxBytes: Int) -> String",
            ],
            prompt: """
                Work in the right unit. character(in:at:) returns the Character at an integer offset in O(offset), \
                and nil for a negative offset or one at or past the end ("hello 世界" at 7 is "界", at 8 is nil). \
                truncated(_:toCharacters:) keeps the first maxCharacters Characters, so a family emoji is never \
                split. truncated(_:fittingUTF8Bytes:) returns the longest prefix of whole Characters whose UTF-8 \
                length is at most maxBytes: "héllo 世界" gives "héllo " for 8 bytes and "héllo 世" for 10, and an \
                18-byte emoji does not fit in 17 bytes, giving "".
                """,
            difficulty: .easy, minutes: 15,
            hints: [
                "String has no Int subscript. Which index API walks forward but stops at a limit instead of "
                    + "trapping?",
                "text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) is nil past the "
                    + "limit, but it can return endIndex itself, and endIndex is not a valid subscript either. "
                    + "Guard offset >= 0 first.",
                "For the byte budget, loop over the Characters adding character.utf8.count, moving an end "
                    + "index forward while the total fits, then return String(text[..<end]).",
            ]),
        Exercise(
            id: "enums-and-pattern-matching",
            lesson: "basics.enums-and-pattern-matching",
            file: "Sources/HandbookBasics/EnumsAndPatternMatching.swift",
            blanks: [
                "public func next(on event: ConnectionEvent) throws -> ConnectionState",
                "public static func status(of state: ConnectionState) -> String",
            ],
            prompt: """
                Write the connection state machine ConnectionState.next(on:). .connect from .disconnected or \
                .failed gives .connecting(attempt: 1); .succeed(sessionID:) while connecting gives \
                .connected(sessionID:); .fail(reason:) while connecting retries as .connecting(attempt: attempt + \
                1) while attempt < maxAttempts (3), and otherwise gives .failed(reason:) with that reason; \
                .disconnect from .connected or .failed gives .disconnected. Every other pair throws \
                IllegalTransition(from: self, on: event). Then write status(of:): "offline", "connecting" for \
                attempt 1, "retrying (attempt N)" for N > 1, "online as <id>" and "failed: <reason>".
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Switch over the tuple (self, event): each legal transition is one case, with its associated "
                    + "values bound.",
                "Put `case (.connecting(let attempt), .fail) where attempt < Self.maxAttempts` before a plain "
                    + "`case (.connecting, .fail(let reason))` that catches the last attempt.",
                "End with (.disconnected, _), (.connecting, _), (.connected, _), (.failed, _) rather than "
                    + "default:, so a new state is a compile error until it is handled.",
            ]),
        Exercise(
            id: "dictionaries",
            lesson: "basics.dictionaries",
            file: "Sources/HandbookBasics/Dictionaries.swift",
            blanks: [
                "public static func stock(of item: String, in inventory: [String: Int]) -> Stock",
                "public static func characterCounts(of text: String) -> [Character: Int]",
                "public static func totals(_ pairs: [(String, Int)]) -> [String: Int]",
                "public static func groupedByInitial(_ words: [String]) -> [Character: [String]]",
            ],
            prompt: """
                Use the dictionary idioms that keep absent distinct from zero. stock(of:in:) maps a missing key to \
                .notStocked, a stored 0 to .soldOut and any other quantity n to .available(n). \
                characterCounts(of:) counts each Character (abracadabra has five a's; characters that never occur \
                have no entry). totals(_:) builds a dictionary from pairs whose keys may repeat, adding the values \
                of a repeated key, without trapping. groupedByInitial(_:) groups the non-empty words by their \
                first Character, each group in input order, skipping empty words. Each is O(n) on average.
                """,
            difficulty: .easy, minutes: 10,
            hints: [
                "inventory[item] is an Optional: nil means absent. How can one switch tell nil, 0 and other "
                    + "values apart?",
                "switch inventory[item] { case nil: ... case 0?: ... case let quantity?: ... }. Count with "
                    + "counts[character, default: 0] += 1.",
                "Dictionary(pairs, uniquingKeysWith: +) and Dictionary(grouping:by:) do the last two in one "
                    + "line each.",
            ]),
        Exercise(
            id: "task-cancellation",
            lesson: "advanced.task-cancellation",
            file: "Sources/HandbookAdvanced/TaskCancellation.swift",
            blanks: [
                "public static func processItems(_ count: Int, process: (Int) async -> Void) async -> Int",
                "public static func uncooperativeSum(upTo n: Int) -> Int",
                "public static func cooperativeSum(upTo n: Int, checkingEvery interval: Int = 1_024) throws -> Int",
                "public static func withCancellationFlag<T>(_ body: (CancellationFlag) async throws -> T) async rethrows -> T",
                """
                public static func spawnSleeper<C: Clock<Duration>>(
                        _ style: SpawnStyle, sleeping duration: Duration, clock: C
                    ) async -> Bool
                """,
            ],
            prompt: """
                Make code cooperate with cancellation. processItems(_:process:) processes items 0..<count in order \
                and returns how many it finished, checking before each item and stopping gracefully (no throw) \
                once the task is cancelled. uncooperativeSum(upTo:) and cooperativeSum(upTo:checkingEvery:) both \
                return the wrapping sum of 0...n, but only the second checks every interval iterations (starting \
                with the first) and throws CancellationError. withCancellationFlag(_:) runs body with a \
                CancellationFlag raised exactly once, inside the cancel() call, or before body starts if the task \
                is already cancelled. spawnSleeper(_:sleeping:clock:) starts a task that sleeps duration (ignoring \
                the sleep's error) and returns whether that task was cancelled: from a cancelled caller, \
                .unstructured (Task {}) and .detached sleep the whole time and give false; .forwardingCancellation \
                wakes at once and gives true.
                """,
            difficulty: .medium, minutes: 25,
            hints: [
                "Cancellation only sets a flag. Which calls read it, and which one throws?",
                "Task.isCancelled for the graceful stop, try Task.checkCancellation() when value % interval "
                    + "== 0. withTaskCancellationHandler { ... } onCancel: { ... } runs onCancel on the cancelling "
                    + "thread, immediately if already cancelled; flag.raise() is internal (visible in the module, not public), so your code here can call it.",
                "A Task {} does not inherit cancellation: for .forwardingCancellation keep the task and await "
                    + "its value inside withTaskCancellationHandler whose onCancel calls task.cancel().",
            ]),
        Exercise(
            id: "deadlines-and-timeouts",
            lesson: "advanced.deadlines-and-timeouts",
            file: "Sources/HandbookAdvanced/DeadlinesAndTimeouts.swift",
            blanks: [
                """
                public static func withDeadline<C: Clock<Duration>, T: Sendable>(
                        _ deadline: C.Instant,
                        clock: C,
                        operation: @escaping @Sendable () async throws -> T
                    ) async throws -> T
                """,
                "public var remaining: Duration",
                "public func child(timeout: Duration) -> Deadline",
            ],
            prompt: """
                Write the standard library's missing timeout. withDeadline(_:clock:operation:) throws TimeoutError \
                without starting the operation when the deadline is not in the future (clock.now >= deadline); \
                otherwise it races the operation against a sleep until the deadline on clock, returns the \
                operation's value, rethrows its error unchanged, or throws TimeoutError when the deadline wins. \
                Structured: when it returns or throws, the loser has been cancelled and has finished (the tests \
                check the operation's cancellation handler and defer ran, and no sleeper is left on the manual \
                clock). withTimeout and Deadline.run call it. Deadline.remaining is instant - now, never negative; \
                Deadline.child(timeout:) is the earlier of the parent's instant and now + timeout.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "Which construct guarantees every child task has finished before the scope returns, and how "
                    + "do you take only the first result?",
                "withThrowingTaskGroup(of: T.self): one child runs the operation, the other does `try await "
                    + "clock.sleep(until: deadline, tolerance: nil)` and then throws TimeoutError(); return the "
                    + "value from `try await group.next()`.",
                "Call group.cancelAll() once the first result (or error) is in, e.g. with a defer: the group "
                    + "waits for all its children, so without it a fast call waits out the timer.",
            ]),
        Exercise(
            id: "generics-and-constraints",
            lesson: "advanced.generics-and-constraints",
            file: "Sources/HandbookAdvanced/GenericsAndConstraints.swift",
            blanks: [
                "public static func average<T: BinaryInteger>(_ values: [T]) -> T",
                "public static func average<T: FloatingPoint>(_ values: [T]) -> T",
                "public static func sameElements<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool",
                "public static func allNonNil<each T>(_ values: repeat (each T)?) -> (repeat each T)?",
            ],
            prompt: """
                Write generic code against the weakest protocol that offers what it uses. The two average \
                overloads return the mean of an array: the BinaryInteger one truncates ([1, 2] gives 1), the \
                FloatingPoint one does not ([1.0, 2.0] gives 1.5), and both return 0 for an empty array instead of \
                trapping or producing NaN. sameElements(_:_:) compares two collections of possibly different types \
                (an Array with a ClosedRange or an ArraySlice) element by element in order, false when the counts \
                differ. allNonNil(_:) takes a parameter pack of optionals of different types and returns the tuple \
                of their values, or nil when any is nil.
                """,
            difficulty: .hard, minutes: 30,
            hints: [
                "sum(_:) in the same file already adds any AdditiveArithmetic sequence. What must you convert "
                    + "before dividing a T by values.count?",
                "T(values.count) works for both BinaryInteger and FloatingPoint; guard against the empty "
                    + "array first. sameElements: compare counts, then zip(a, b).allSatisfy { $0 == $1 }.",
                "A pack expansion cannot return nil halfway: throw from a small generic unwrap<U>(_ value: "
                    + "U?) helper inside (repeat try unwrap(each values)) and catch to return nil; the file "
                    + "declares MissingValue for that.",
            ]),
        Exercise(
            id: "noncopyable-ownership",
            lesson: "advanced.noncopyable-ownership",
            file: "Sources/HandbookAdvanced/NoncopyableOwnership.swift",
            blanks: [
                "public consuming func close() -> Int32",
                "public mutating func take() -> Value?",
                """
                public static func append(
                        _ element: Int, to numbers: consuming [Int]
                    ) -> (numbers: [Int], reusedStorage: Bool)
                """,
            ],
            prompt: """
                Write the ownership-sensitive bodies. FileHandleLike.close() records an explicit close of its \
                descriptor in DescriptorTable.shared and returns the descriptor, and the handle's deinit must not \
                run as well: the tests expect CloseCount(explicit: 1) with no deinit close. Slot.take() moves the \
                value out, works when Value is noncopyable, leaves the slot empty and returns nil the second time. \
                append(_:to:) appends element to the array it was given and reports, via storageAddress(of:) \
                before and after, whether the append reused the buffer: true when the caller passed `consume \
                numbers` with spare capacity, false when the caller still holds the array.
                """,
            difficulty: .medium, minutes: 20,
            hints: [
                "A consuming method ends self's life at its closing brace, and then deinit runs. How do you "
                    + "say the cleanup already happened?",
                "close(): copy descriptor into a local, record the explicit close, `discard self`, return the "
                    + "local. discard requires a trivially destroyed type, which is why the handle stores only an "
                    + "Int32.",
                "Optional has a mutating take() that works for noncopyable wrapped values: value.take(). In "
                    + "append, mutate the consuming parameter itself; a second binding to the array would share its "
                    + "buffer and force a copy.",
            ]),
    ]

}
