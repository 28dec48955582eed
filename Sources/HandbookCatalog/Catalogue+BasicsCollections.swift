extension Catalogue {
    static let basicsCollectionLessons: [Lesson] = [
        Lesson(
            id: "basics.arrays-and-slices",
            phase: 1,
            module: "HandbookBasics",
            title: "Arrays and slices",
            sources: ["Sources/HandbookBasics/ArraysAndSlices.swift"],
            tests: ["Tests/HandbookBasicsTests/ArraysAndSlicesTests.swift"],
            seedTopics: ["basics: Arrays/Slices"],
            checklist: ["Slice Internals - Do you understand capacity vs length?"],
            questions: ["What's the difference between make() and new()?"],
            experiments: [
                Experiment(
                    id: "arrays-and-slices.index-slice-from-zero",
                    file: "Sources/HandbookBasics/ArraysAndSlices.swift",
                    original: "return slice[slice.startIndex]",
                    replacement: "return slice[0]",
                    caughtBy: "HandbookBasicsTests.ArraysAndSlicesTests/sliceKeepsBaseIndices",
                    teaches: """
                        The slice a[1..<4] starts at index 1, so slice[0] is out of its bounds and the test \
                        process traps with "Index out of bounds". Go re-bases every slice at 0; Swift keeps \
                        the base's indices, so always go through startIndex (or first).
                        """),
                Experiment(
                    id: "arrays-and-slices.skip-reserve-capacity",
                    file: "Sources/HandbookBasics/ArraysAndSlices.swift",
                    original: "\n        numbers.reserveCapacity(minimumCapacity)",
                    replacement: "",
                    caughtBy: "HandbookBasicsTests.ArraysAndSlicesTests/reserveCapacityIsALowerBound",
                    teaches: """
                        Without reserveCapacity an empty array has capacity 0, so the capacity >= 5 check \
                        fails and the appends that follow reallocate. Count (Go's len) and capacity (cap) are \
                        separate; reserving is the Swift spelling of make([]T, 0, n).
                        """),
            ]),
        Lesson(
            id: "basics.dictionaries",
            phase: 1,
            module: "HandbookBasics",
            title: "Dictionaries",
            sources: ["Sources/HandbookBasics/Dictionaries.swift"],
            tests: ["Tests/HandbookBasicsTests/DictionariesTests.swift"],
            seedTopics: ["basics: Maps"],
            experiments: [
                Experiment(
                    id: "dictionaries.count-without-default",
                    file: "Sources/HandbookBasics/Dictionaries.swift",
                    original: "counts[character, default: 0] += 1",
                    replacement: "counts[character] = 1",
                    caughtBy: "HandbookBasicsTests.DictionariesTests/countingWithDefault",
                    teaches: """
                        Assigning instead of incrementing records that each character occurs, not how often: \
                        "a" counts 1 instead of 5. The default: subscript is the read-modify-write slot that \
                        makes counting one line without Go's implicit zero value.
                        """),
                Experiment(
                    id: "dictionaries.last-duplicate-wins",
                    file: "Sources/HandbookBasics/Dictionaries.swift",
                    original: "Dictionary(pairs, uniquingKeysWith: +)",
                    replacement: "Dictionary(pairs, uniquingKeysWith: { _, last in last })",
                    caughtBy: "HandbookBasicsTests.DictionariesTests/uniquingKeysWithSums",
                    teaches: """
                        The combine closure decides what a duplicate key means. Keeping the last value drops \
                        the first "a" (total 3 instead of 4): merging data is a policy you must choose, and \
                        uniqueKeysWithValues would have trapped instead.
                        """),
            ]),
        Lesson(
            id: "basics.structs-and-composition",
            phase: 1,
            module: "HandbookBasics",
            title: "Structs and composition",
            sources: ["Sources/HandbookBasics/StructsAndComposition.swift"],
            tests: ["Tests/HandbookBasicsTests/StructsAndCompositionTests.swift"],
            seedTopics: ["basics: Structs"],
            experiments: [
                Experiment(
                    id: "structs-and-composition.forward-writes-to-a-copy",
                    file: "Sources/HandbookBasics/StructsAndComposition.swift",
                    original: "set { person[keyPath: keyPath] = newValue }",
                    replacement: "set { var detached = person; detached[keyPath: keyPath] = newValue }",
                    caughtBy: "HandbookBasicsTests.StructsAndCompositionTests/forwardingActsLikeEmbedding",
                    teaches: """
                        The setter now writes into a copy of the stored Person, so staff.name = ... compiles \
                        but changes nothing: the same silent loss as a Go value receiver. Structs are values; \
                        a write must reach the stored property itself.
                        """),
                Experiment(
                    id: "structs-and-composition.drop-mutating",
                    file: "Sources/HandbookBasics/StructsAndComposition.swift",
                    original: "public mutating func updateAge(to newAge: Int)",
                    replacement: "public func updateAge(to newAge: Int)",
                    caughtBy: "HandbookBasicsTests.StructsAndCompositionTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Without mutating, self is immutable inside the method and age = newAge is rejected \
                        ("cannot assign to property: 'self' is immutable"). Swift refuses to compile Go's \
                        value-receiver setter instead of letting it change a copy.
                        """),
            ]),
        Lesson(
            id: "basics.protocols-and-existentials",
            phase: 1,
            module: "HandbookBasics",
            title: "Protocols and existentials",
            sources: ["Sources/HandbookBasics/ProtocolsAndExistentials.swift"],
            tests: ["Tests/HandbookBasicsTests/ProtocolsAndExistentialsTests.swift"],
            seedTopics: ["basics: Interfaces"],
            checklist: ["Interfaces - Can you explain empty interface vs type assertions?"],
            experiments: [
                Experiment(
                    id: "protocols-and-existentials.drop-int-case",
                    file: "Sources/HandbookBasics/ProtocolsAndExistentials.swift",
                    original: "\n        case let number as Int: \"Int: \\(number)\"",
                    replacement: "",
                    caughtBy: "HandbookBasicsTests.ProtocolsAndExistentialsTests/typeSwitch",
                    teaches: """
                        Without its case, 42 falls through to default and reads "Unknown type: Int". A type \
                        switch matches the dynamic type case by case, first match wins, exactly like Go's \
                        switch x.(type); the default is your only safety net.
                        """),
                Experiment(
                    id: "protocols-and-existentials.naive-nil-check",
                    file: "Sources/HandbookBasics/ProtocolsAndExistentials.swift",
                    original: """
                        guard let value else { return true }
                                let mirror = Mirror(reflecting: value)
                                return mirror.displayStyle == .optional && mirror.children.isEmpty
                        """,
                    replacement: "value == nil",
                    caughtBy: "HandbookBasicsTests.ProtocolsAndExistentialsTests/optionalInsideAny",
                    teaches: """
                        Comparing an Any? with nil only sees the outer optional; the Int?.none boxed inside \
                        reads as "not nil", just as Go's interface holding a nil *T compares != nil. \
                        Looking inside the box (here with Mirror) is what finds the inner nil.
                        """),
            ]),
    ]
}
