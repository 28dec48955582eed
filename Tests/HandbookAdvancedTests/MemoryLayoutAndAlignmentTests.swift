import HandbookAdvanced
import Testing

@Suite("Memory layout and alignment")
struct MemoryLayoutAndAlignmentTests {
    typealias Lesson = MemoryLayoutAndAlignment
    typealias Layout = MemoryLayoutAndAlignment.Layout

    #if arch(x86_64) || arch(arm64)
        @Test("Bad {Bool, Int64, Bool} is 17/24/8: each Bool pays for the Int64's alignment")
        func badOrderPadsEveryField() {
            #expect(Layout(of: Lesson.Bad.self) == Layout(size: 17, stride: 24, alignment: 8))
            #expect(Lesson.badOffsets == [0, 8, 16])
            #expect(Layout(of: Lesson.Bad.self).tailPadding == 7)
        }

        @Test("Good {Int64, Bool, Bool} is 10/16/8: the Bools share one padded word")
        func goodOrderPacksTheBools() {
            #expect(Layout(of: Lesson.Good.self) == Layout(size: 10, stride: 16, alignment: 8))
            #expect(Lesson.goodOffsets == [0, 8, 9])
            #expect(Layout(of: Lesson.Good.self).tailPadding == 6)
        }

        @Test("Swift packs a field into a nested struct's tail padding (C and Go do not)")
        func nestedStructReusesTailPadding() {
            #expect(Lesson.nestedExtraOffset == 10)
            #expect(Layout(of: Lesson.Nested.self) == Layout(size: 11, stride: 16, alignment: 8))
        }

        @Test(
            "Optional layout: Int? needs an extra byte, Bool? and class references use spare bits",
            arguments: [
                (Layout(of: Int.self), Layout(size: 8, stride: 8, alignment: 8)),
                (Layout(of: Int?.self), Layout(size: 9, stride: 16, alignment: 8)),
                (Layout(of: Bool?.self), Layout(size: 1, stride: 1, alignment: 1)),
                (Layout(of: AnyObject?.self), Layout(size: 8, stride: 8, alignment: 8)),
                (Layout(of: UnsafeRawPointer?.self), Layout(size: 8, stride: 8, alignment: 8)),
            ])
        func optionalLayouts(measured: Layout, expected: Layout) {
            #expect(measured == expected)
        }

        @Test("existentials: any P is 40 bytes, Any 32, a class-bound any P 16, AnyObject 8")
        func existentialContainers() {
            #expect(MemoryLayout<any Lesson.Shape>.size == 40)
            #expect(MemoryLayout<Any>.size == 32)
            #expect(MemoryLayout<any Lesson.SharedShape>.size == 16)
            #expect(MemoryLayout<AnyObject>.size == 8)
            #expect(MemoryLayout<() -> Void>.size == 16)
        }

        @Test("1000 Bad values take 24 000 bytes of array storage, 1000 Good values 16 000")
        func strideDecidesArrayFootprint() {
            #expect(Lesson.arrayBytes(of: Lesson.Bad.self, count: 1_000) == 24_000)
            #expect(Lesson.arrayBytes(of: Lesson.Good.self, count: 1_000) == 16_000)
            let bad = [Lesson.Bad](repeating: Lesson.Bad(isActive: true, id: 1, isAdmin: false), count: 1_000)
            let good = [Lesson.Good](repeating: Lesson.Good(id: 1, isActive: true, isAdmin: false), count: 1_000)
            #expect(bad.withUnsafeBytes { $0.count } == 24_000)
            #expect(good.withUnsafeBytes { $0.count } == 16_000)
        }
    #endif

    @Test(
        "stride is size rounded up to alignment, never less than 1",
        arguments: [
            Layout(of: Lesson.Bad.self), Layout(of: Lesson.Good.self), Layout(of: Lesson.Nested.self),
            Layout(of: Int?.self), Layout(of: Void.self), Layout(of: UInt8.self), Layout(of: String.self),
        ])
    func strideIsSizeRoundedUpToAlignment(layout: Layout) {
        #expect(layout.stride >= max(layout.size, 1))
        #expect(layout.stride % layout.alignment == 0)
        #expect(layout.stride - layout.size < layout.alignment || layout.size == 0)
    }

    @Test("today's layout follows declaration order: the same fields reordered change the size")
    func declarationOrderDecidesLayoutToday() {
        #expect(MemoryLayout<Lesson.Bad>.size > MemoryLayout<Lesson.Good>.size)
        #expect(Lesson.badOffsets == Lesson.badOffsets.sorted())
        #expect(Lesson.goodOffsets == Lesson.goodOffsets.sorted())
    }
}
