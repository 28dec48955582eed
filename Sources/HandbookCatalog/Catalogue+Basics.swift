extension Catalogue {
    static let basicsValueLessons: [Lesson] = [
        Lesson(
            id: "basics.value-vs-reference",
            phase: 1,
            module: "HandbookBasics",
            title: "Value vs reference semantics",
            sources: ["Sources/HandbookBasics/ValueAndReferenceSemantics.swift"],
            tests: ["Tests/HandbookBasicsTests/ValueAndReferenceSemanticsTests.swift"],
            seedTopics: ["basics: Value vs Reference"],
            experiments: [
                Experiment(
                    id: "value-vs-reference.mutate-through-parameter",
                    file: "Sources/HandbookBasics/ValueAndReferenceSemantics.swift",
                    original: "point = PointReference(x: -1, y: -1)",
                    replacement: "point.x = -1",
                    caughtBy: "HandbookBasicsTests.ValueAndReferenceSemanticsTests/reassigningAParameterIsLocal",
                    teaches: """
                        Rebinding a class parameter is invisible to the caller, but writing through it is not: \
                        the caller and the callee hold the same object, so the test sees x change from 5 to -1.
                        """),
                Experiment(
                    id: "value-vs-reference.parameters-are-constants",
                    file: "Sources/HandbookBasics/ValueAndReferenceSemantics.swift",
                    original: "var point = point\n        point.x += delta",
                    replacement: "point.x += delta",
                    caughtBy: "HandbookBasicsTests.ValueAndReferenceSemanticsTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Parameters are constants in Swift: to change a value you make a local copy (var point = point) \
                        or ask the caller for inout. The compiler rejects the write, so Go's accidental \
                        mutate-the-copy bug cannot even be written.
                        """),
            ])
    ]
}
