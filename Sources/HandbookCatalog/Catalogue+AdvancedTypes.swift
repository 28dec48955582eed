extension Catalogue {
    static let advancedTypeLessons: [Lesson] = [
        Lesson(
            id: "advanced.generics-and-constraints",
            phase: 1,
            module: "HandbookAdvanced",
            title: "Generics and constraints",
            sources: ["Sources/HandbookAdvanced/GenericsAndConstraints.swift"],
            tests: ["Tests/HandbookAdvancedTests/GenericsAndConstraintsTests.swift"],
            seedTopics: ["advanced: Generics"],
            experiments: [
                Experiment(
                    id: "generics-and-constraints.float-average-of-nothing",
                    file: "Sources/HandbookAdvanced/GenericsAndConstraints.swift",
                    original: """
                        public static func average<T: FloatingPoint>(_ values: [T]) -> T {
                                guard !values.isEmpty else { return 0 }
                        """,
                    replacement: "public static func average<T: FloatingPoint>(_ values: [T]) -> T {",
                    caughtBy: "HandbookAdvancedTests.GenericsAndConstraintsTests/numericProtocolsReplaceUnions",
                    teaches: """
                        Without the empty check the floating-point average divides 0 by 0 and returns NaN, which \
                        equals nothing (not even 0), so the test fails instead of crashing: FloatingPoint division \
                        never traps, while the BinaryInteger overload would.
                        """),
                Experiment(
                    id: "generics-and-constraints.unconditional-equatable",
                    file: "Sources/HandbookAdvanced/GenericsAndConstraints.swift",
                    original:
                        "extension GenericsAndConstraints.Pair: Equatable where First: Equatable, Second: Equatable {}",
                    replacement: "extension GenericsAndConstraints.Pair: Equatable {}",
                    caughtBy: "HandbookAdvancedTests.GenericsAndConstraintsTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Equatable synthesis needs every stored property to be Equatable, and an unconstrained First \
                        or Second may not be: the compiler rejects the conformance. The where clause makes Pair \
                        Equatable exactly when both halves are.
                        """),
                Experiment(
                    id: "generics-and-constraints.pop-from-the-front",
                    file: "Sources/HandbookAdvanced/GenericsAndConstraints.swift",
                    original: "elements.popLast()",
                    replacement: "elements.isEmpty ? nil : elements.removeFirst()",
                    caughtBy: "HandbookAdvancedTests.GenericsAndConstraintsTests/stackPopsInReverseAndEndsInNil",
                    teaches: """
                        Taking from the front turns the stack into a queue: "a" comes out first instead of "c". \
                        It is also O(n) per pop on an Array, while popLast() is O(1) and already returns nil when \
                        empty, the Optional that replaces Go's (zero, false).
                        """),
            ]),
        Lesson(
            id: "advanced.opaque-and-existential-types",
            phase: 1,
            module: "HandbookAdvanced",
            title: "Opaque (some) and existential (any) types",
            sources: ["Sources/HandbookAdvanced/OpaqueAndExistentialTypes.swift"],
            tests: ["Tests/HandbookAdvancedTests/OpaqueAndExistentialTypesTests.swift"],
            checklist: ["Interfaces - Can you explain empty interface vs type assertions?"],
            experiments: [
                Experiment(
                    id: "opaque-and-existential-types.any-result-boxes",
                    file: "Sources/HandbookAdvanced/OpaqueAndExistentialTypes.swift",
                    original: "public static func makeUnitCircle() -> some Shape {",
                    replacement: "public static func makeUnitCircle() -> any Shape {",
                    caughtBy: "HandbookAdvancedTests.OpaqueAndExistentialTypesTests/opaqueKeepsTheConcreteType",
                    teaches: """
                        type(of:) still says Circle, but the value now travels in a 40-byte existential container \
                        instead of as an 8-byte Circle: some hides the type from the caller without boxing it, \
                        any boxes it.
                        """),
                Experiment(
                    id: "opaque-and-existential-types.drop-anyobject",
                    file: "Sources/HandbookAdvanced/OpaqueAndExistentialTypes.swift",
                    original: "public protocol Renderer: AnyObject {",
                    replacement: "public protocol Renderer {",
                    caughtBy: "HandbookAdvancedTests.OpaqueAndExistentialTypesTests/existentialContainerSizes",
                    teaches: """
                        Without the AnyObject constraint the compiler can no longer assume a single reference, so \
                        any Renderer grows from 16 bytes (reference + witness table) to 40 (three-word inline \
                        buffer + metadata + witness table).
                        """),
            ]),
        Lesson(
            id: "advanced.mirror-reflection",
            phase: 1,
            module: "HandbookAdvanced",
            title: "Reflection with Mirror",
            sources: ["Sources/HandbookAdvanced/MirrorReflection.swift"],
            tests: ["Tests/HandbookAdvancedTests/MirrorReflectionTests.swift"],
            seedTopics: ["advanced: Reflection"],
            experiments: [
                Experiment(
                    id: "mirror-reflection.keep-wrapper-underscore",
                    file: "Sources/HandbookAdvanced/MirrorReflection.swift",
                    original: "let field = label.hasPrefix(\"_\") ? String(label.dropFirst()) : label",
                    replacement: "let field = label",
                    caughtBy: "HandbookAdvancedTests.MirrorReflectionTests/requiredWrapperValidates",
                    teaches: """
                        A Mirror sees the property wrapper's storage, not the property: the message becomes \
                        "field '_host' is required". Reflection shows how a value is stored, which is not always \
                        how its API reads.
                        """),
                Experiment(
                    id: "mirror-reflection.ignore-superclass",
                    file: "Sources/HandbookAdvanced/MirrorReflection.swift",
                    original: "            mirror = current.superclassMirror\n",
                    replacement: "            mirror = nil\n",
                    caughtBy: "HandbookAdvancedTests.MirrorReflectionTests/superclassFieldsNeedSuperclassMirror",
                    teaches: """
                        A class Mirror's children are the subclass's own stored properties only; without walking \
                        superclassMirror the inherited name field disappears and allLabels returns just ["breed"].
                        """),
            ]),
    ]
}
