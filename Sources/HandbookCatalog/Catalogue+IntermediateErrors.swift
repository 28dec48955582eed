extension Catalogue {
    static let intermediateErrorLessons: [Lesson] = [
        Lesson(
            id: "intermediate.defer",
            phase: 1,
            module: "HandbookIntermediate",
            title: "Defer: scope exit, LIFO, late reads",
            sources: ["Sources/HandbookIntermediate/DeferSemantics.swift"],
            tests: ["Tests/HandbookIntermediateTests/DeferSemanticsTests.swift"],
            seedTopics: ["intermediate: Defer"],
            experiments: [
                Experiment(
                    id: "defer.hoist-to-function-scope",
                    file: "Sources/HandbookIntermediate/DeferSemantics.swift",
                    original: """
                        record("start")
                                if condition {
                                    defer { record("if-block defer") }
                        """,
                    replacement: """
                        record("start")
                                defer { record("if-block defer") }
                                if condition {
                        """,
                    caughtBy: "HandbookIntermediateTests.DeferSemanticsTests/deferRunsAtScopeExitNotFunctionExit",
                    teaches: """
                        Moving the defer out of the if block ties it to the function's scope, which is where Go \
                        always puts it: it now runs after "after if", and even when the if branch never ran.
                        """),
                Experiment(
                    id: "defer.forget-to-commit",
                    file: "Sources/HandbookIntermediate/DeferSemantics.swift",
                    original: """
                        record("commit")
                                committed = true
                        """,
                    replacement: "record(\"commit\")",
                    caughtBy: "HandbookIntermediateTests.DeferSemanticsTests/rollbackUnlessCommitted",
                    teaches: """
                        The defer runs on every exit path, success included: without the flag set on the last \
                        line of the happy path, a committed transfer is rolled back too.
                        """),
            ]),
        Lesson(
            id: "intermediate.traps-vs-throws",
            phase: 1,
            module: "HandbookIntermediate",
            title: "Traps vs throws: no recover",
            sources: ["Sources/HandbookIntermediate/TrapsVsThrows.swift"],
            tests: ["Tests/HandbookIntermediateTests/TrapsVsThrowsTests.swift"],
            seedTopics: ["intermediate: Panic/Recover"],
            experiments: [
                Experiment(
                    id: "traps-vs-throws.wrap-instead-of-trap",
                    file: "Sources/HandbookIntermediate/TrapsVsThrows.swift",
                    original: "public static func checkedAdd(_ a: Int, _ b: Int) -> Int {\n        a + b",
                    replacement: "public static func checkedAdd(_ a: Int, _ b: Int) -> Int {\n        a &+ b",
                    caughtBy: "HandbookIntermediateTests.TrapsVsThrowsTests/overflowTraps",
                    teaches: """
                        With &+ the overflow silently wraps to Int.min and the process lives on, so the exit test \
                        that expected a trap fails: wrapping must be a deliberate choice, never a way to hide a bug.
                        """),
                Experiment(
                    id: "traps-vs-throws.force-unwrap-request-data",
                    file: "Sources/HandbookIntermediate/TrapsVsThrows.swift",
                    original: """
                        guard let value = Int(raw) else { throw .notANumber(field: field, value: raw) }
                                return value
                        """,
                    replacement: "return Int(raw)!",
                    caughtBy: "HandbookIntermediateTests.TrapsVsThrowsTests/serverKeepsServing",
                    teaches: """
                        One force-unwrap on request data and the second request ("quantity=abc") crashes the whole \
                        test process, exactly as it would crash a server and every connection on it: there is no \
                        recover to catch it.
                        """),
            ]),
        Lesson(
            id: "intermediate.error-chains",
            phase: 1,
            module: "HandbookIntermediate",
            title: "Custom errors and error chains (errors.Is / errors.As)",
            sources: ["Sources/HandbookIntermediate/ErrorChains.swift"],
            tests: ["Tests/HandbookIntermediateTests/ErrorChainsTests.swift"],
            seedTopics: ["intermediate: Error Wrapping"],
            checklist: ["Error Handling - Can you implement custom errors with wrapping?"],
            experiments: [
                Experiment(
                    id: "error-chains.match-only-the-top-error",
                    file: "Sources/HandbookIntermediate/ErrorChains.swift",
                    original: "errorChain.contains { ($0 as? Target) == target }",
                    replacement: "(self as? Target) == target",
                    caughtBy: "HandbookIntermediateTests.ErrorChainsTests/containsIsErrorsIs",
                    teaches: """
                        Comparing only the outermost error is Go's err == ErrNotFound: it stops matching as soon \
                        as a layer adds context, so the wrapped not-found is no longer recognised.
                        """),
                Experiment(
                    id: "error-chains.format-instead-of-wrap",
                    file: "Sources/HandbookIntermediate/ErrorChains.swift",
                    original: "throw ContextError(\"loading user\", underlying: error)",
                    replacement: "throw MessageError(\"loading user: \\(error)\")",
                    caughtBy: "HandbookIntermediateTests.ErrorChainsTests/containsIsErrorsIs",
                    teaches: """
                        Go's %v instead of %w: the message still reads "loading user: query failed: not found", \
                        but the cause is now only text, so contains(DBError.notFound) is false.
                        """),
            ]),
        Lesson(
            id: "intermediate.typed-throws",
            phase: 1,
            module: "HandbookIntermediate",
            title: "Typed throws",
            sources: ["Sources/HandbookIntermediate/TypedThrows.swift"],
            tests: ["Tests/HandbookIntermediateTests/TypedThrowsTests.swift"],
            experiments: [
                Experiment(
                    id: "typed-throws.retry-gives-up-after-one-attempt",
                    file: "Sources/HandbookIntermediate/TypedThrows.swift",
                    original: "if attempt == attempts { throw error }",
                    replacement: "throw error",
                    caughtBy: "HandbookIntermediateTests.TypedThrowsTests/genericForwarderPreservesE",
                    teaches: """
                        The forwarder still compiles and still throws a typed ParseError, but the attempt counter \
                        shows the body ran once instead of three times.
                        """),
                Experiment(
                    id: "typed-throws.erase-the-forwarder",
                    file: "Sources/HandbookIntermediate/TypedThrows.swift",
                    original: "_ body: () throws(E) -> T) throws(E) -> T {",
                    replacement: "_ body: () throws(E) -> T) throws -> T {",
                    caughtBy: "HandbookIntermediateTests.TypedThrowsTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Declaring the forwarder plain throws erases E to any Error: the caller's catch is no longer \
                        a ParseError, and even a non-throwing closure now needs try.
                        """),
                Experiment(
                    id: "typed-throws.add-an-error-case",
                    file: "Sources/HandbookIntermediate/TypedThrows.swift",
                    original: "case outOfRange(Int)\n    }",
                    replacement: "case outOfRange(Int)\n        case reserved(Int)\n    }",
                    caughtBy: "HandbookIntermediateTests.TypedThrowsTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Adding a case to a typed error breaks every exhaustive catch of it: the price of typed \
                        throws in a public API, and why evolving APIs keep untyped throws.
                        """),
            ]),
    ]
}
