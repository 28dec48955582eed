extension Catalogue {
    static let intermediateLanguageLessons: [Lesson] = [
        Lesson(
            id: "intermediate.protocol-composition-and-dispatch",
            phase: 1,
            module: "HandbookIntermediate",
            title: "Protocol composition and dispatch",
            sources: ["Sources/HandbookIntermediate/ProtocolCompositionAndDispatch.swift"],
            tests: ["Tests/HandbookIntermediateTests/ProtocolCompositionAndDispatchTests.swift"],
            seedTopics: ["intermediate: Interface Composition"],
            experiments: [
                Experiment(
                    id: "protocol-composition-and-dispatch.drop-the-requirement",
                    file: "Sources/HandbookIntermediate/ProtocolCompositionAndDispatch.swift",
                    original: "        var name: String { get }\n        func describe() -> String\n",
                    replacement: "        var name: String { get }\n",
                    caughtBy: "HandbookIntermediateTests.ProtocolCompositionAndDispatchTests/requirementIsDynamic",
                    teaches: """
                        Delete describe() from the protocol body and it becomes an extension-only method: \
                        Dog's describe() no longer witnesses anything, so through any Describable or a generic \
                        T: Describable the call is resolved statically and returns "thing Rex".
                        """),
                Experiment(
                    id: "protocol-composition-and-dispatch.make-label-a-requirement",
                    file: "Sources/HandbookIntermediate/ProtocolCompositionAndDispatch.swift",
                    original: "public protocol LabelledByExtension {\n        var name: String { get }\n",
                    replacement:
                        "public protocol LabelledByExtension {\n        var name: String { get }\n        func label() -> String\n",
                    caughtBy:
                        "HandbookIntermediateTests.ProtocolCompositionAndDispatchTests/extensionOnlyMethodIsStatic",
                    teaches: """
                        Declaring label() in the protocol body turns the extension method into a default \
                        implementation: the existential and the generic now reach Dog's own label(), and the \
                        test that pinned the static-dispatch answer "thing Rex" fails.
                        """),
                Experiment(
                    id: "protocol-composition-and-dispatch.unconditional-array-conformance",
                    file: "Sources/HandbookIntermediate/ProtocolCompositionAndDispatch.swift",
                    original: " where Element: ProtocolCompositionAndDispatch.Speaker {",
                    replacement: " {",
                    caughtBy: "HandbookIntermediateTests.ProtocolCompositionAndDispatchTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Without the where clause every array claims to be a Speaker, but $0.speak() has no \
                        meaning for an arbitrary Element: the compiler refuses, which is why the conformance \
                        must be conditional.
                        """),
            ]),
        Lesson(
            id: "intermediate.codable-edge-cases",
            phase: 1,
            module: "HandbookIntermediate",
            title: "Codable edge cases",
            sources: ["Sources/HandbookIntermediate/CodableEdgeCases.swift"],
            tests: ["Tests/HandbookIntermediateTests/CodableEdgeCasesTests.swift"],
            experiments: [
                Experiment(
                    id: "codable-edge-cases.decode-instead-of-decode-if-present",
                    file: "Sources/HandbookIntermediate/CodableEdgeCases.swift",
                    original: "try container.decodeIfPresent(Int.self, forKey: .pageSize) ?? Settings.defaultPageSize",
                    replacement: "try container.decode(Int.self, forKey: .pageSize)",
                    caughtBy: "HandbookIntermediateTests.CodableEdgeCasesTests/missingKeyUsesDefault",
                    teaches: """
                        With decode instead of decodeIfPresent ?? default, the custom init(from:) is as strict \
                        as the synthesized one: decoding {} throws keyNotFound for pageSize instead of \
                        falling back to 20.
                        """),
                Experiment(
                    id: "codable-edge-cases.encode-if-present-in-the-pitfall",
                    file: "Sources/HandbookIntermediate/CodableEdgeCases.swift",
                    original: "try container.encode(nickname, forKey: .nickname)",
                    replacement: "try container.encodeIfPresent(nickname, forKey: .nickname)",
                    caughtBy: "HandbookIntermediateTests.CodableEdgeCasesTests/explicitEncodeWritesNull",
                    teaches: """
                        encodeIfPresent is what the synthesized encode(to:) calls for optionals: with it the \
                        hand-written encoder omits the nil nickname (Go's omitempty) instead of writing \
                        "nickname":null, and the test that pinned the null fails.
                        """),
            ]),
        Lesson(
            id: "intermediate.inout-and-exclusivity",
            phase: 1,
            module: "HandbookIntermediate",
            title: "inout and the law of exclusivity",
            sources: ["Sources/HandbookIntermediate/InoutAndExclusivity.swift"],
            tests: ["Tests/HandbookIntermediateTests/InoutAndExclusivityTests.swift"],
            experiments: [
                Experiment(
                    id: "inout-and-exclusivity.overlap-in-the-fixed-transfer",
                    file: "Sources/HandbookIntermediate/InoutAndExclusivity.swift",
                    original: "        source.balance -= amount\n        destination.balance += amount\n",
                    replacement: "        move(amount, from: &source.balance, to: &destination.balance)\n",
                    caughtBy: "HandbookIntermediateTests.InoutAndExclusivityTests/sequentialTransferIsSafe",
                    teaches: """
                        Route the fixed transfer through two inout class properties and the self-transfer test \
                        crashes the test process with "Simultaneous accesses": the runtime, not the compiler, \
                        catches overlapping accesses to one object's stored property.
                        """),
                Experiment(
                    id: "inout-and-exclusivity.finish-the-access-first",
                    file: "Sources/HandbookIntermediate/InoutAndExclusivity.swift",
                    original: "modify(&account.balance) { account.balance += 1 }",
                    replacement: "modify(&account.balance) {}\n        account.balance += 1",
                    caughtBy: "HandbookIntermediateTests.InoutAndExclusivityTests/overlappingClassPropertyAccessTraps",
                    teaches: """
                        Move the write out of the closure and the two accesses no longer overlap in time, so \
                        the process survives and the exit test, which expects a crash, fails. Exclusivity is \
                        about overlapping accesses, not about touching a property twice.
                        """),
            ]),
    ]
}
