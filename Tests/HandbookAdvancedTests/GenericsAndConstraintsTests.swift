import HandbookAdvanced
import HandbookTestSupport
import Testing

@Suite("Generics and constraints")
struct GenericsAndConstraintsTests {
    typealias Lesson = GenericsAndConstraints

    /// A type with no conformances at all, to show what a constraint excludes.
    struct Opaque {}

    @Test("one Comparable-constrained minimum/maximum serves Int, Double and String")
    func comparableServesEveryOrderedType() {
        #expect(Lesson.minimum(3, 7) == 3)
        #expect(Lesson.maximum(3, 7) == 7)
        #expect(Lesson.minimum(2.5, -1.0) == -1.0)
        #expect(Lesson.maximum(2.5, -1.0) == 2.5)
        #expect(Lesson.minimum("pear", "apple") == "apple")
        #expect(Lesson.maximum("pear", "apple") == "pear")
    }

    @Test("Go's Min[T comparable] becomes a compile error: Equatable has no <")
    func equatableOnlyCannotOrder() throws {
        try CompileFailFixture.expect(
            "HandbookAdvanced/MinimumOfEquatable.swift",
            diagnostics: ["referencing operator function '<' on 'Comparable' requires that 'T' conform to 'Comparable'"]
        )
    }

    @Test("numeric protocols replace Go's type-set unions, one overload per kind of number")
    func numericProtocolsReplaceUnions() {
        #expect(Lesson.sum([1.5, 2.5, 3.0]) == 7.0)
        #expect(Lesson.sum(1...4) == 10)
        #expect(Lesson.sum([Duration.seconds(1), .milliseconds(500)]) == .milliseconds(1_500))
        #expect(Lesson.sumOfSquares([1, 2, 3]) == 14)
        #expect(Lesson.average([Int]()) == 0)
        #expect(Lesson.average([Double]()) == 0)
        #expect(Lesson.average([1, 2]) == 1, "BinaryInteger division truncates")
        #expect(Lesson.average([1.0, 2.0]) == 1.5)
    }

    @Test("Stack is LIFO, and popping an empty stack gives nil rather than zero plus false")
    func stackPopsInReverseAndEndsInNil() {
        var stack = Lesson.Stack<String>()
        #expect(stack.pop() == nil)
        stack.push("a")
        stack.push("b")
        stack.push("c")
        #expect(stack.top == "c")
        #expect(stack.count == 3)
        #expect(stack.pop() == "c")
        #expect(stack.pop() == "b")
        #expect(stack.pop() == "a")
        #expect(stack.pop() == nil)
        #expect(stack.isEmpty)

        var optionals = Lesson.Stack<Int?>()
        optionals.push(nil)
        #expect(optionals.pop() == .some(nil), "a stored nil is distinct from 'empty'")
        #expect(optionals.pop() == nil)
    }

    @Test("primary associated types: some Collection<Int> and some ItemContainer<String>")
    func primaryAssociatedTypes() {
        #expect(Lesson.total([1, 2, 3]) == 6)
        #expect(Lesson.total(Set([10, 20])) == 30)
        #expect(Lesson.total(1..<5) == 10)

        var stack = Lesson.Stack<String>()
        for word in ["x", "y", "z"] { stack.push(word) }
        #expect(Lesson.drain(&stack) == ["z", "y", "x"])
        #expect(stack.isEmpty)
    }

    @Test("where clauses relate the associated types of two different collections")
    func whereClauseRelatesTwoCollections() {
        #expect(Lesson.sameElements([1, 2, 3], 1...3))
        #expect(Lesson.sameElements(["a", "b"], ["a", "b"][...]))
        #expect(!Lesson.sameElements([1, 2], [2, 1]))
        #expect(!Lesson.sameElements([1, 2], [1, 2, 3]))

        var numbers = Lesson.Stack<Int>()
        numbers.push(4)
        numbers.push(5)
        #expect(numbers.total == 9, "the constrained extension exists only where Element: AdditiveArithmetic")
    }

    @Test("a parameter pack unwraps optionals of different types, with the arity of the call")
    func parameterPackUnwrapsHeterogeneousOptionals() throws {
        let unwrapped = try #require(Lesson.allNonNil(1, "a", true))
        #expect(unwrapped.0 == 1)
        #expect(unwrapped.1 == "a")
        #expect(unwrapped.2 == true)
        #expect(Lesson.arity(1, "a", true) == 3)
        #expect(Lesson.arity() == 0)

        let missing: String? = nil
        #expect(Lesson.allNonNil(1, missing, true) == nil)
    }

    @Test("Pair is Equatable only when both of its types are: conditional conformance")
    func conditionalConformance() {
        #expect(Lesson.Pair(1, "a") == Lesson.Pair(1, "a"))
        #expect(Lesson.Pair(1, "a") != Lesson.Pair(2, "a"))
        #expect(Lesson.Pair(1, "a").swapped() == Lesson.Pair("a", 1))
        #expect(Set([Lesson.Pair(1, 1), Lesson.Pair(1, 1)]).count == 1)

        // The conformance is checked at run time too: a Pair holding a type
        // without == is simply not Equatable.
        let comparable: Any = Lesson.Pair(1, "a")
        let incomparable: Any = Lesson.Pair(1, Opaque())
        #expect(comparable is any Equatable)
        #expect(!(incomparable is any Equatable))
    }
}
