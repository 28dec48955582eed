import HandbookIntermediate
import HandbookTestSupport
import Testing

@Suite("Protocol composition and dispatch")
struct ProtocolCompositionAndDispatchTests {
    typealias Lesson = ProtocolCompositionAndDispatch

    @Test("a composition A & B accepts any type that conforms to both, inherited or not")
    func compositionAcceptsBothShapes() {
        #expect(Lesson.introduce(Lesson.Host(name: "Ada")) == "Ada says: Welcome, I am Ada")
        #expect(Lesson.introduce(Lesson.Robot(name: "R2")) == "R2 says: BEEP R2")
        #expect(Lesson.isNamedGreeter(Lesson.Robot(name: "R2")))
        #expect(!Lesson.isNamedGreeter(Lesson.QuietGuest(name: "Bo")))
    }

    @Test("conformance is declared, not structural: a Named Greeter is not a NamedGreeter")
    func conformanceIsNominal() {
        let host: Any = Lesson.Host(name: "Ada")
        let robot: Any = Lesson.Robot(name: "R2")
        #expect(host is any Lesson.NamedGreeter)
        // Go would accept the robot: it has every method the interface lists.
        #expect(!(robot is any Lesson.NamedGreeter))
        #expect(robot is any Lesson.Named & Lesson.Greeter)
    }

    @Test("the default implementation runs unless the type writes its own")
    func defaultImplementationUnlessOverridden() {
        let guests: [any Lesson.Greeting] = [Lesson.QuietGuest(name: "Bo"), Lesson.LoudGuest(name: "Cy")]
        #expect(guests.map { $0.greeting() } == ["Hello, Bo", "HELLO, I AM CY!"])
    }

    @Test("an extension-only method is statically dispatched: any P and generics get the extension's text")
    func extensionOnlyMethodIsStatic() {
        let dog = Lesson.Dog(name: "Rex")
        let existential: any Lesson.LabelledByExtension = dog
        #expect(dog.label() == "Dog Rex")
        #expect(existential.label() == "thing Rex")
        #expect(Lesson.labelGenerically(dog) == "thing Rex")
    }

    @Test("once the method is a requirement, any P and generics reach the type's own version")
    func requirementIsDynamic() {
        let dog = Lesson.Dog(name: "Rex")
        let existential: any Lesson.Describable = dog
        #expect(dog.describe() == "Dog Rex")
        #expect(existential.describe() == "Dog Rex")
        #expect(Lesson.describeGenerically(dog) == "Dog Rex")
    }

    @Test("[Puppy] and [[Puppy]] are Speakers because Puppy is; [Rock] is not")
    func conditionalConformance() {
        #expect([Lesson.Puppy(), Lesson.Puppy()].speak() == "Woof Woof")
        #expect([[Lesson.Puppy()], [Lesson.Puppy(), Lesson.Puppy()]].speak() == "Woof Woof Woof")
        let puppies: Any = [Lesson.Puppy()]
        let rocks: Any = [Lesson.Rock()]
        #expect(puppies is any Lesson.Speaker)
        #expect(!(rocks is any Lesson.Speaker))
    }

    @Test("calling speak() on an array of non-speakers does not compile")
    func nonConformingElementDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookIntermediate/ArrayOfNonSpeakers.swift",
            diagnostics: ["referencing instance method 'speak()' on 'Array' requires that 'Rock' conform to 'Speaker'"])
    }

    @Test("a mutating requirement needs a var struct, but a class works through let")
    func mutatingRequirementsAndMethodSets() {
        var tally = Lesson.Tally()
        Lesson.bump(&tally, times: 3)
        #expect(tally.count == 3)

        let shared = Lesson.SharedTally()
        shared.increment()
        var alias = shared
        Lesson.bump(&alias, times: 2)
        #expect(shared.count == 3)
    }

    @Test("a mutating requirement on a let struct does not compile")
    func mutatingOnLetDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookIntermediate/MutatingRequirementOnLet.swift",
            diagnostics: ["cannot use mutating member on immutable value: 'tally' is a 'let' constant"])
    }
}
