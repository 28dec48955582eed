import HandbookInternals
import Testing

@Suite("Existential containers and dispatch")
struct ExistentialsAndDispatchTests {
    typealias Lesson = ExistentialsAndDispatch

    @Test("container sizes: any P 40, any P & Q 48, any P & AnyObject 16, Any 32, AnyObject 8")
    func containerSizes() {
        #if arch(x86_64) || arch(arm64)
            let sizes = Lesson.containerSizes()
            #expect(sizes.anyShape == 40)  // 3-word buffer + metadata + 1 witness table
            #expect(sizes.anyShapeAndNamed == 48)  // one more witness table
            #expect(sizes.anyRenderer == 16)  // class-bound protocol: reference + witness table
            #expect(sizes.anyShapeAndAnyObject == 16)
            #expect(sizes.any == 32)  // buffer + metadata, no tables
            #expect(sizes.anyObject == 8)  // just the reference
        #endif
    }

    @Test("values of up to three words sit in the inline buffer; four words go to a heap box")
    func smallValuesInlineLargeValuesBoxed() {
        #if arch(x86_64) || arch(arm64)
            #expect(Lesson.storage(of: Lesson.ThreeWords(a: 1, b: 2, c: 3)) == .inline)
            #expect(Lesson.storage(of: Lesson.FourWords(a: 1, b: 2, c: 3, d: 4)) == .boxed)
            #expect(Lesson.storage(of: Lesson.InlineHolder(payload: Lesson.Payload())) == .inline)
            #expect(Lesson.storage(of: Lesson.BoxedHolder(payload: Lesson.Payload())) == .boxed)
            // The inline value's first word is the value itself.
            #expect(Lesson.firstBufferWord(of: Lesson.ThreeWords(a: 7, b: 0, c: 0)) == 7)
        #endif
    }

    @Test("copying an inline existential copies the value; copying a boxed one shares the box (educational)")
    func copiesRetainValueOrBox() {
        // _getRetainCount is educational, not API: assert only relative changes.
        let inlinePayload = Lesson.Payload()
        let inline: any Lesson.Shape = Lesson.InlineHolder(payload: inlinePayload)
        let inlineBefore = _getRetainCount(inlinePayload)
        let inlineCopies = Array(repeating: inline, count: 10)
        #expect(_getRetainCount(inlinePayload) == inlineBefore + 10)  // each copy retains the payload

        let boxedPayload = Lesson.Payload()
        let boxed: any Lesson.Shape = Lesson.BoxedHolder(payload: boxedPayload)
        let boxedBefore = _getRetainCount(boxedPayload)
        let boxedCopies = Array(repeating: boxed, count: 10)
        #expect(_getRetainCount(boxedPayload) == boxedBefore)  // the copies retain the box instead
        #expect(Set(boxedCopies.map(Lesson.firstBufferWord(of:))).count == 1)  // one box, ten references
        withExtendedLifetime((inlineCopies, boxedCopies)) {}
    }

    @Test("a mutating call through a shared boxed existential copies the box first (copy-on-write)")
    func boxedExistentialsAreCopyOnWrite() {
        #if arch(x86_64) || arch(arm64)
            // Read the words outside #expect: the macro copies its operands for the failure message.
            var shape: any Lesson.Shape = Lesson.BoxedHolder(payload: Lesson.Payload())
            let box = Lesson.firstBufferWord(of: shape)
            shape.grow()  // unique: mutated in place
            let afterUniqueGrow = Lesson.firstBufferWord(of: shape)
            let copy = shape
            let copyBox = Lesson.firstBufferWord(of: copy)
            shape.grow()  // shared: a new box for `shape`, the old one stays with `copy`
            let afterSharedGrow = Lesson.firstBufferWord(of: shape)
            let copyAfter = Lesson.firstBufferWord(of: copy)
            #expect(afterUniqueGrow == box)
            #expect(copyBox == box)
            #expect(afterSharedGrow != box)
            #expect(copyAfter == box)
            #expect(shape.area() == 1 * 2 * 5)
            #expect(copy.area() == 1 * 2 * 4)
        #endif
    }

    @Test("an override is found through a base-class reference (vtable); a final method is called directly")
    func vtableDispatch() {
        let animal: Lesson.Animal = Lesson.Dog()
        #expect(animal.sound() == "Woof")
        #expect(animal.introduce() == "I say Woof")  // final, but the sound() inside still goes through the vtable
        #expect(Lesson.Animal().introduce() == "I say ...")
    }

    @Test("through any P, a requirement reaches the type's method; an extension-only method does not")
    func witnessTableHasNoSlotForExtensionMethods() {
        let value = Lesson.ThreeWords(a: 1, b: 2, c: 3)
        #expect(Lesson.kindThroughExistential(value) == "three words")  // witness-table slot
        #expect(Lesson.kindThroughExistential(Lesson.FourWords(a: 1, b: 1, c: 1, d: 1)) == "shape")  // default
        #expect(value.label() == "ThreeWords(1, 2, 3)")  // static type ThreeWords
        #expect(Lesson.labelThroughExistential(value) == "a shape of area 6")  // static type any Shape
    }

    @Test("a generic parameter is the concrete type; an existential is a container that generics can open")
    func genericVersusExistential() {
        #if arch(x86_64) || arch(arm64)
            let value = Lesson.ThreeWords(a: 1, b: 2, c: 3)
            #expect(Lesson.sizeSeenGenerically(value) == 24)
            #expect(Lesson.sizeSeenExistentially(value) == 40)
            let shapes: [any Lesson.Shape] = [value, Lesson.FourWords(a: 1, b: 2, c: 3, d: 4)]
            #expect(shapes.map(Lesson.openedTypeName) == ["ThreeWords", "FourWords"])
            #expect(MemoryLayout<any Lesson.Shape>.stride * shapes.count == 80)  // containers, boxes aside
        #endif
    }
}
