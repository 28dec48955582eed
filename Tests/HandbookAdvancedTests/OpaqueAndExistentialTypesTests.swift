import HandbookAdvanced
import HandbookTestSupport
import Testing

@Suite("Opaque and existential types")
struct OpaqueAndExistentialTypesTests {
    typealias Lesson = OpaqueAndExistentialTypes

    @Test("[any Shape] holds different concrete types, each dispatched through its own witness table")
    func existentialArrayIsHeterogeneous() {
        let shapes: [any Lesson.Shape] = [
            Lesson.Circle(radius: 1), Lesson.Square(side: 2), Lesson.Rectangle(x: 0, y: 0, width: 2, height: 3),
        ]
        #expect(shapes[0] is Lesson.Circle)
        #expect(shapes[1] is Lesson.Square)
        #expect(shapes[2] is Lesson.Rectangle)
        #expect(Lesson.totalArea(shapes) == Double.pi + 4 + 6)
        #expect((shapes[1] as? Lesson.Square)?.side == 2, "as? is Swift's type assertion")
        #expect(Lesson.makeShape(round: true) is Lesson.Circle)
        #expect(Lesson.makeShape(round: false) is Lesson.Square)
    }

    @Test("a some Shape function returning two different concrete types does not compile")
    func opaqueResultIsOneType() throws {
        try CompileFailFixture.expect(
            "HandbookAdvanced/OpaqueResultTwoTypes.swift",
            diagnostics: [
                "do not have matching underlying types", "[#OpaqueTypeInference]",
                "return statement has underlying type 'Square'",
            ])
    }

    @Test("through some, the type stays concrete and the value is stored unboxed")
    func opaqueKeepsTheConcreteType() {
        let opaque = Lesson.makeUnitCircle()
        #expect(type(of: opaque) == Lesson.Circle.self)  // true for `any` too: the dynamic type
        // What only `some` gives: the static type is Circle, stored unboxed.
        #expect(MemoryLayout.size(ofValue: opaque) == MemoryLayout<Lesson.Circle>.size)
        #expect(opaque.area == Double.pi)

        // Two results of the same opaque function share one type, so == works.
        #expect(Lesson.makeSquare(side: 2) == Lesson.makeSquare(side: 2))
        #expect(Lesson.makeSquare(side: 2) != Lesson.makeSquare(side: 3))
    }

    @Test("passing any Shape to a some Shape parameter opens the box: T is the dynamic type")
    func existentialIsImplicitlyOpened() {
        let boxed: [any Lesson.Shape] = [Lesson.Circle(radius: 1), Lesson.Square(side: 1)]
        #expect(boxed.map(Lesson.openedTypeName) == ["Circle", "Square"])
        #expect(Lesson.genericTypeName(Lesson.Square(side: 1)) == "Square")
        #expect(Lesson.TextRenderer().render(boxed[1]) == "Square: 1.0")
    }

    @Test("== on two any Equatable does not compile; opening one side makes it work")
    func comparingExistentialsNeedsOpening() throws {
        try CompileFailFixture.expect(
            "HandbookAdvanced/CompareEquatableExistentials.swift",
            diagnostics: ["binary operator '==' cannot be applied to two 'any Equatable' operands"])
        #expect(Lesson.isEqual(1, 1))
        #expect(!Lesson.isEqual(1, 2))
        #expect(!Lesson.isEqual(1, "1"), "different dynamic types are never equal")
        #expect(Lesson.isEqual(Lesson.Circle(radius: 2), Lesson.Circle(radius: 2)))
        #expect(!Lesson.isEqual(Lesson.Circle(radius: 2), Lesson.Square(side: 2)))
    }

    #if arch(x86_64) || arch(arm64)
        @Test("an existential container is 40 bytes; a class-constrained one is 16")
        func existentialContainerSizes() {
            let sizes = Lesson.existentialSizes
            #expect(sizes.anyShape == 40)
            #expect(sizes.anyRenderer == 16)
            #expect(sizes.any == 32)
            #expect(sizes.anyShapeAndSendable == 40)
            #expect(sizes.anyShapeAndDescription == 48)
        }

        @Test("the container is 40 bytes whatever it holds: a 32-byte struct cannot fit its 24-byte buffer")
        func containerSizeIsFixed() {
            let small: any Lesson.Shape = Lesson.Circle(radius: 1)
            let large: any Lesson.Shape = Lesson.Rectangle(x: 0, y: 0, width: 1, height: 1)
            #expect(MemoryLayout<Lesson.Circle>.size == 8)
            #expect(MemoryLayout<Lesson.Rectangle>.size == 32, "more than the 24-byte inline buffer")
            #expect(MemoryLayout.size(ofValue: small) == 40)
            #expect(MemoryLayout.size(ofValue: large) == 40)
        }
    #endif
}
