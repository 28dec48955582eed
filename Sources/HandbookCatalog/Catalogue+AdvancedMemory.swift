extension Catalogue {
    static let advancedMemoryLessons: [Lesson] = [
        Lesson(
            id: "advanced.unsafe-pointers",
            phase: 1,
            module: "HandbookAdvanced",
            title: "Unsafe pointers and strict memory safety",
            sources: ["Sources/HandbookAdvanced/UnsafePointers.swift"],
            tests: ["Tests/HandbookAdvancedTests/UnsafePointersTests.swift"],
            seedTopics: ["advanced: Unsafe"],
            questions: ["What's the difference between make() and new()?"],
            experiments: [
                Experiment(
                    id: "unsafe-pointers.skip-deinitialize",
                    file: "Sources/HandbookAdvanced/UnsafePointers.swift",
                    original: "\n        unsafe base.deinitialize(count: count)",
                    replacement: "",
                    caughtBy: "HandbookAdvancedTests.UnsafePointersTests/manualRoundTripDestroysEveryObject",
                    teaches: """
                        deallocate() frees the slots but does not release what is in them: without \
                        deinitialize(count:) the five objects leak and the deinit counter stays at 0 instead of 5. \
                        Manual memory means running ARC's life cycle yourself.
                        """),
                Experiment(
                    id: "unsafe-pointers.aligned-load-on-stream-bytes",
                    file: "Sources/HandbookAdvanced/UnsafePointers.swift",
                    original: "raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)",
                    replacement: "raw.load(fromByteOffset: offset, as: UInt32.self)",
                    caughtBy: "HandbookAdvancedTests.UnsafePointersTests/loadUnalignedReadsLittleEndian",
                    teaches: """
                        load(fromByteOffset:as:) requires an address aligned for the type, so reading a UInt32 at \
                        byte offset 1 traps with "load from misaligned raw pointer" and the test process crashes. \
                        Byte streams put fields anywhere: parse them with loadUnaligned.
                        """),
            ]),
        Lesson(
            id: "advanced.memory-layout-and-alignment",
            phase: 1,
            module: "HandbookAdvanced",
            title: "Memory layout and alignment",
            sources: ["Sources/HandbookAdvanced/MemoryLayoutAndAlignment.swift"],
            tests: ["Tests/HandbookAdvancedTests/MemoryLayoutAndAlignmentTests.swift"],
            seedTopics: ["advanced: Memory Alignment"],
            experiments: [
                Experiment(
                    id: "memory-layout-and-alignment.bool-first-in-good",
                    file: "Sources/HandbookAdvanced/MemoryLayoutAndAlignment.swift",
                    original:
                        "public var id: Int64\n        public var isActive: Bool\n        public var isAdmin: Bool",
                    replacement:
                        "public var isActive: Bool\n        public var id: Int64\n        public var isAdmin: Bool",
                    caughtBy:
                        "HandbookAdvancedTests.MemoryLayoutAndAlignmentTests/(goodOrderPacksTheBools|strideDecidesArrayFootprint)",
                    teaches: """
                        Moving one Bool in front of the Int64 turns Good into Bad: 7 bytes of padding appear before \
                        the Int64, the stride grows from 16 to 24, and 1000 elements take 24 000 bytes. Swift keeps \
                        declaration order, so field order is yours to choose.
                        """),
                Experiment(
                    id: "memory-layout-and-alignment.wider-nested-field",
                    file: "Sources/HandbookAdvanced/MemoryLayoutAndAlignment.swift",
                    original: "public var extra: Bool\n\n        public init(good: Good, extra: Bool)",
                    replacement: "public var extra: Int32\n\n        public init(good: Good, extra: Int32)",
                    caughtBy: "HandbookAdvancedTests.MemoryLayoutAndAlignmentTests/nestedStructReusesTailPadding",
                    teaches: """
                        Tail-padding reuse still obeys alignment: an Int32 must start at a multiple of 4, so it \
                        moves from offset 10 to 12 and the size grows from 11 to 16.
                        """),
            ]),
        Lesson(
            id: "advanced.noncopyable-ownership",
            phase: 1,
            module: "HandbookAdvanced",
            title: "Noncopyable types and ownership",
            sources: ["Sources/HandbookAdvanced/NoncopyableOwnership.swift"],
            tests: ["Tests/HandbookAdvancedTests/NoncopyableOwnershipTests.swift"],
            experiments: [
                Experiment(
                    id: "noncopyable-ownership.forget-discard-self",
                    file: "Sources/HandbookAdvanced/NoncopyableOwnership.swift",
                    original: "\n            discard self",
                    replacement: "",
                    caughtBy: "HandbookAdvancedTests.NoncopyableOwnershipTests/closeSuppressesDeinit",
                    teaches: """
                        Without discard self, a consuming close() destroys self at its end, so deinit runs too and \
                        the descriptor is closed twice: the count becomes one explicit close plus one deinit close.
                        """),
                Experiment(
                    id: "noncopyable-ownership.inspect-consumes",
                    file: "Sources/HandbookAdvanced/NoncopyableOwnership.swift",
                    original: "_ handle: borrowing FileHandleLike",
                    replacement: "_ handle: consuming FileHandleLike",
                    caughtBy: "HandbookAdvancedTests.NoncopyableOwnershipTests/borrowingVersusConsuming",
                    expect: .doesNotCompile,
                    teaches: """
                        If inspect takes the handle instead of borrowing it, the test's second inspect(handle) is \
                        rejected: "'handle' consumed more than once". For a noncopyable value the parameter \
                        convention is part of the contract.
                        """),
                Experiment(
                    id: "noncopyable-ownership.hand-off-without-consume",
                    file: "Tests/HandbookAdvancedTests/NoncopyableOwnershipTests.swift",
                    original: "Lesson.append(4, to: consume handedOver)",
                    replacement: "Lesson.append(4, to: handedOver)",
                    caughtBy: "HandbookAdvancedTests.NoncopyableOwnershipTests/consumeAvoidsACopyOnWrite",
                    teaches: """
                        Without consume, the caller's variable still owns the buffer when the callee appends, so \
                        copy-on-write copies it and reusedStorage is false. consume ends the variable's lifetime \
                        at the call and hands over the only reference.
                        """),
            ]),
    ]
}
