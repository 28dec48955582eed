extension Catalogue {
    static let memoryGrowthLessons: [Lesson] = [
        Lesson(
            id: "memory.array-capacity-and-copy-on-write",
            phase: 2,
            module: "HandbookMemory",
            title: "Array capacity and copy-on-write",
            sources: ["Sources/HandbookMemory/ArrayCapacityAndCopyOnWrite.swift"],
            tests: ["Tests/HandbookMemoryTests/ArrayCapacityAndCopyOnWriteTests.swift"],
            seedTopics: ["memory: Slice Growth"],
            checklist: ["Slice Internals - Do you understand capacity vs length?"],
            questions: ["What's the difference between make() and new()?"],
            experiments: [
                Experiment(
                    id: "array-capacity-and-copy-on-write.copy-on-every-write",
                    file: "Sources/HandbookMemory/ArrayCapacityAndCopyOnWrite.swift",
                    original: "if !isKnownUniquelyReferenced(&storage) {",
                    replacement: "if true {",
                    caughtBy: "HandbookMemoryTests.ArrayCapacityAndCopyOnWriteTests/handBuiltCopyOnWriteCopiesOnce",
                    teaches: """
                        Without the uniqueness check the buffer copies its storage on every write: still a correct \
                        value type, but building [1, 2, 3] already copies 3 times, the shared-then-appended copy \
                        counts 104 copies instead of 1, and every append is O(n). isKnownUniquelyReferenced is \
                        what makes copy-on-write copy once.
                        """),
                Experiment(
                    id: "array-capacity-and-copy-on-write.never-copy",
                    file: "Sources/HandbookMemory/ArrayCapacityAndCopyOnWrite.swift",
                    original: "if !isKnownUniquelyReferenced(&storage) {",
                    replacement: "if false {",
                    caughtBy:
                        "HandbookMemoryTests.ArrayCapacityAndCopyOnWriteTests/(handBuiltCopyIsIndependent|behavesLikeArray)",
                    teaches: """
                        Writing through shared storage turns the struct into Go's slice: a write to the copy shows \
                        up in the original, and the property test finds a kept snapshot that changed. The struct \
                        wrapper alone does not give value semantics; the copy before a shared write does.
                        """),
            ]),
        Lesson(
            id: "memory.dictionary-capacity",
            phase: 2,
            module: "HandbookMemory",
            title: "Dictionary capacity and hash quality",
            sources: ["Sources/HandbookMemory/DictionaryCapacity.swift"],
            tests: ["Tests/HandbookMemoryTests/DictionaryCapacityTests.swift"],
            seedTopics: ["memory: Slice Growth"],
            experiments: [
                Experiment(
                    id: "dictionary-capacity.compact-by-copying",
                    file: "Sources/HandbookMemory/DictionaryCapacity.swift",
                    original: """
                        var compact = [Key: Value](minimumCapacity: dictionary.count)
                                for (key, value) in dictionary { compact[key] = value }
                        """,
                    replacement: "let compact = dictionary",
                    caughtBy: "HandbookMemoryTests.DictionaryCapacityTests/rebuildingShrinks",
                    teaches: """
                        A copy of a dictionary is the same table (copy-on-write), capacity and all: the drained \
                        dictionary keeps its 12 288 slots. Only inserting into a new, right-sized table gives the \
                        memory back.
                        """),
                Experiment(
                    id: "dictionary-capacity.hash-ignores-id",
                    file: "Sources/HandbookMemory/DictionaryCapacity.swift",
                    original: "hasher.combine(id)",
                    replacement: "hasher.combine(0)",
                    caughtBy: "HandbookMemoryTests.DictionaryCapacityTests/constantHashIsCorrectButQuadratic",
                    teaches: """
                        The well-hashed key now collides with every other key. Every lookup still finds its value, \
                        but the equality counter jumps from a few hundred to tens of thousands: a bad hash is a \
                        performance bug, not a correctness bug, so only counting (or a benchmark) catches it.
                        """),
            ]),
        Lesson(
            id: "memory.string-performance",
            phase: 2,
            module: "HandbookMemory",
            title: "String building: += versus copies",
            sources: ["Sources/HandbookMemory/StringPerformance.swift"],
            tests: ["Tests/HandbookMemoryTests/StringPerformanceTests.swift"],
            seedTopics: ["memory: Slice Growth"],
            experiments: [
                Experiment(
                    id: "string-performance.rebuild-instead-of-append",
                    file: "Sources/HandbookMemory/StringPerformance.swift",
                    original: """
                        var tracker = MoveTracker(text)
                                for _ in 0..<count {
                                    let before = text.utf8.count
                                    text += piece
                                    tracker.observe(text, lengthBefore: before)
                                }
                                return tracker.report(text)
                            }

                            /// The pitfall
                        """,
                    replacement: """
                        var tracker = MoveTracker(text)
                                for _ in 0..<count {
                                    let before = text.utf8.count
                                    text = text + piece
                                    tracker.observe(text, lengthBefore: before)
                                }
                                return tracker.report(text)
                            }

                            /// The pitfall
                        """,
                    caughtBy:
                        "HandbookMemoryTests.StringPerformanceTests/(appendInPlaceIsAmortizedConstant|reserveCapacityAvoidsMoves)",
                    teaches: """
                        text = text + piece builds a new string while text still holds the old buffer, so every \
                        step allocates and copies everything so far: 2000 buffer moves instead of about 6, even \
                        after reserveCapacity. += mutates the unique buffer in place.
                        """),
                Experiment(
                    id: "string-performance.stop-keeping-snapshots",
                    file: "Sources/HandbookMemory/StringPerformance.swift",
                    original: "            snapshots.append(text)\n",
                    replacement: "",
                    caughtBy: "HandbookMemoryTests.StringPerformanceTests/retainedCopiesMakeAppendQuadratic",
                    teaches: """
                        Without the kept copy the same += loop moves its buffer only a handful of times: the \
                        quadratic cost came from sharing the buffer at the moment of each write, not from \
                        concatenation itself.
                        """),
            ]),
        Lesson(
            id: "memory.escaping-closures-and-stack-promotion",
            phase: 2,
            module: "HandbookMemory",
            title: "Escaping closures and stack promotion",
            sources: ["Sources/HandbookMemory/EscapingClosuresAndStackPromotion.swift"],
            tests: ["Tests/HandbookMemoryTests/EscapingClosuresAndStackPromotionTests.swift"],
            seedTopics: ["memory: Escape Analysis"],
            questions: ["When does a variable escape to the heap?"],
            experiments: [
                Experiment(
                    id: "escaping-closures-and-stack-promotion.drop-capture-list",
                    file: "Sources/HandbookMemory/EscapingClosuresAndStackPromotion.swift",
                    original: #"queue.enqueue { [status] in "status: \(status)" }"#,
                    replacement: #"queue.enqueue { "status: \(status)" }"#,
                    caughtBy: "HandbookMemoryTests.EscapingClosuresAndStackPromotionTests/captureListSnapshotsTheValue",
                    teaches: """
                        Without the capture list the closure captures the variable, not its value: the job runs \
                        after the function returned and reports "published", the write made after it was queued. \
                        The variable lives on in a heap box that the closure keeps alive.
                        """),
                Experiment(
                    id: "escaping-closures-and-stack-promotion.drop-without-actually-escaping",
                    file: "Sources/HandbookMemory/EscapingClosuresAndStackPromotion.swift",
                    original: """
                        withoutActuallyEscaping(transform) { transform in
                                    values.lazy.map(transform).first(where: predicate)
                                }
                        """,
                    replacement: "values.lazy.map(transform).first(where: predicate)",
                    caughtBy:
                        "HandbookMemoryTests.EscapingClosuresAndStackPromotionTests/withoutActuallyEscapingEnablesLaziness",
                    teaches: """
                        It still compiles, and that is the trap: lazy.map needs an @escaping closure, so the compiler \
                        quietly picks the eager Sequence.map instead, and transform runs 1000 times instead of 8. \
                        withoutActuallyEscaping is what lets a non-escaping parameter drive a lazy pipeline.
                        """),
            ]),
    ]
}
