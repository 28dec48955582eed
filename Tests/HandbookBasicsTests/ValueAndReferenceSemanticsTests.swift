import HandbookBasics
import HandbookTestSupport
import Testing

@Suite("Value vs reference semantics")
struct ValueAndReferenceSemanticsTests {
    typealias Lesson = ValueAndReferenceSemantics

    @Test("a struct copy is independent of the original")
    func structCopyIsIndependent() {
        let original = Lesson.PointValue(x: 42, y: 0)
        var copy = original
        copy.x = 7
        #expect(original.x == 42)
        #expect(Lesson.movedCopy(of: original, by: 1).x == 43)
        #expect(original.x == 42)
    }

    @Test("a class alias sees every mutation, and === is true")
    func classAliasSharesTheObject() {
        let first = Lesson.PointReference(x: 1, y: 1)
        let alias = first
        alias.x = 99
        #expect(first.x == 99)
        #expect(first === alias)
        Lesson.move(first, by: 1)
        #expect(alias.x == 100)
    }

    @Test("an array copy does not see writes: the opposite of a Go slice")
    func arrayIsAValue() {
        let a = [1, 2, 3]
        var b = a
        b[0] = 999
        #expect(a == [1, 2, 3])
        #expect(b == [999, 2, 3])
        let (original, copy) = Lesson.appendThroughCopy(a, 4)
        #expect(original == [1, 2, 3])
        #expect(copy == [1, 2, 3, 4])
    }

    @Test("a dictionary copy does not see writes: the opposite of a Go map")
    func dictionaryIsAValue() {
        let scores = ["alice": 1]
        var copy = scores
        copy["alice"] = 2
        copy["bob"] = 3
        #expect(scores == ["alice": 1])
        #expect(copy == ["alice": 2, "bob": 3])
    }

    @Test("copy-on-write: a copy shares storage until one side mutates")
    func copyOnWriteDefersTheCopy() {
        let a = Array(0..<1_000)
        var b = a
        #expect(Lesson.shareStorage(a, b))
        b[0] = -1
        #expect(!Lesson.shareStorage(a, b))
        #expect(a[0] == 0)
    }

    @Test("inout writes the callee's result back to the caller's variable")
    func inoutCopiesBack() {
        var point = Lesson.PointValue(x: 1, y: 2)
        Lesson.move(&point, by: 10)
        #expect(point == Lesson.PointValue(x: 11, y: 2))
    }

    @Test("reassigning a class parameter does not change the caller's reference")
    func reassigningAParameterIsLocal() {
        let point = Lesson.PointReference(x: 5, y: 5)
        Lesson.replace(point)
        #expect(point.x == 5)
    }

    @Test("copying a struct that holds a class is a shallow copy")
    func structHoldingAClassIsShallow() {
        let original = Lesson.Wrapper(label: "a", shared: Lesson.PointReference(x: 0, y: 0))
        var copy = original
        copy.label = "b"
        copy.shared.x = 42
        #expect(original.label == "a")
        #expect(original.shared.x == 42)
        #expect(original.shared === copy.shared)
    }

    @Test("a parameter is a constant: mutating it does not compile")
    func parametersAreConstants() throws {
        try CompileFailFixture.expect(
            "HandbookBasics/MutateParameter.swift",
            diagnostics: ["left side of mutating operator isn't mutable: 'point' is a 'let' constant"])
    }
}
