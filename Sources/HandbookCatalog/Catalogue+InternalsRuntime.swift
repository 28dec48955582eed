extension Catalogue {
    static let internalsRuntimeLessons: [Lesson] = [
        Lesson(
            id: "internals.existentials-and-dispatch",
            phase: 2,
            module: "HandbookInternals",
            title: "Existential containers and dispatch",
            sources: ["Sources/HandbookInternals/ExistentialsAndDispatch.swift"],
            tests: ["Tests/HandbookInternalsTests/ExistentialsAndDispatchTests.swift"],
            checklist: ["Interfaces - Can you explain empty interface vs type assertions?"],
            experiments: [
                Experiment(
                    id: "existentials-and-dispatch.fourth-word",
                    file: "Sources/HandbookInternals/ExistentialsAndDispatch.swift",
                    original: "        public var c: Int\n\n        public init(a: Int, b: Int, c: Int) {",
                    replacement:
                        "        public var c: Int\n        public var d = 0\n\n        public init(a: Int, b: Int, c: Int) {",
                    caughtBy: "HandbookInternalsTests.ExistentialsAndDispatchTests/smallValuesInlineLargeValuesBoxed",
                    teaches: """
                        One more Int makes ThreeWords 32 bytes, too big for the existential's 24-byte buffer: every \
                        `any Shape` holding it now allocates a heap box, with no change at the use sites.
                        """),
                Experiment(
                    id: "existentials-and-dispatch.kind-not-a-requirement",
                    file: "Sources/HandbookInternals/ExistentialsAndDispatch.swift",
                    original:
                        "        /// A requirement with a default implementation.\n        func kind() -> String\n",
                    replacement: "",
                    caughtBy:
                        "HandbookInternalsTests.ExistentialsAndDispatchTests/witnessTableHasNoSlotForExtensionMethods",
                    teaches: """
                        Without its declaration in the protocol, kind() has no witness-table slot: through \
                        `any Shape` the extension's "shape" runs even though ThreeWords has its own kind().
                        """),
            ]),
        Lesson(
            id: "internals.collection-internals",
            phase: 2,
            module: "HandbookInternals",
            title: "Inside Array, Dictionary and String",
            sources: ["Sources/HandbookInternals/CollectionInternals.swift"],
            tests: ["Tests/HandbookInternalsTests/CollectionInternalsTests.swift"],
            checklist: ["Slice Internals - Do you understand capacity vs length?"],
            experiments: [
                Experiment(
                    id: "collection-internals.keep-capacity",
                    file: "Sources/HandbookInternals/CollectionInternals.swift",
                    original: "        array.removeAll()\n",
                    replacement: "        array.removeAll(keepingCapacity: true)\n",
                    caughtBy: "HandbookInternalsTests.CollectionInternalsTests/emptyArraysShareStorage",
                    teaches: """
                        keepingCapacity keeps the old heap buffer, so the emptied array no longer points at the \
                        shared empty-array object and its capacity stays 3: handy for reuse, a leak for a \
                        one-off spike.
                        """),
                Experiment(
                    id: "collection-internals.no-rebuild",
                    file: "Sources/HandbookInternals/CollectionInternals.swift",
                    original: "        Dictionary(uniqueKeysWithValues: dictionary.map { ($0.key, $0.value) })",
                    replacement: "        dictionary",
                    caughtBy: "HandbookInternalsTests.CollectionInternalsTests/dictionaryNeverShrinksUntilRebuilt",
                    teaches: """
                        Returning the dictionary itself keeps the table sized for 10 000 keys after 9 000 \
                        removals: hash tables only grow, and only a rebuild sizes one for its current count.
                        """),
            ]),
        Lesson(
            id: "internals.async-runtime-internals",
            phase: 2,
            module: "HandbookInternals",
            title: "Task frames, thread stacks and channels from continuations",
            sources: ["Sources/HandbookInternals/AsyncRuntimeInternals.swift"],
            tests: ["Tests/HandbookInternalsTests/AsyncRuntimeInternalsTests.swift"],
            questions: ["Explain the difference between buffered and unbuffered channels"],
            experiments: [
                Experiment(
                    id: "async-runtime-internals.recursive-fix",
                    file: "Sources/HandbookInternals/AsyncRuntimeInternals.swift",
                    original: "        var pending = [n]\n",
                    replacement: "        return recursiveDepth(n)\n        var pending = [n]\n",
                    caughtBy: "HandbookInternalsTests.AsyncRuntimeInternalsTests/explicitStackHandlesDepth",
                    teaches: """
                        Delegate the "fix" to the recursive version and the test process itself dies with a stack \
                        overflow at 10 000 000 levels: synchronous frames live on the fixed thread stack, and a \
                        SIGSEGV cannot be caught.
                        """),
                Experiment(
                    id: "async-runtime-internals.buffer-instead-of-rendezvous",
                    file: "Sources/HandbookInternals/AsyncRuntimeInternals.swift",
                    original:
                        "                case .none: break\n                case .some(.none): delivered.resume()",
                    replacement:
                        "                case .none: delivered.resume()\n                case .some(.none): delivered.resume()",
                    caughtBy: "HandbookInternalsTests.AsyncRuntimeInternalsTests/sendWaitsForAReceiver",
                    teaches: """
                        Resume the sender as soon as its element is parked and the channel becomes a buffered \
                        one: send returns before anyone received, and the receiver later resumes the same \
                        continuation a second time, which CheckedContinuation turns into a crash.
                        """),
            ]),
    ]
}
