import HandbookBasics
import HandbookTestSupport
import Testing

@Suite("Structs and composition")
struct StructsAndCompositionTests {
    typealias Lesson = StructsAndComposition

    @Test("a non-mutating method leaves the receiver alone and returns a changed copy")
    func nonMutatingMethodsReturnCopies() {
        let ada = Lesson.Person(name: "Ada", age: 36)
        let older = ada.withAge(37)
        #expect(ada.age == 36)
        #expect(older.age == 37)
        #expect(ada.greeting() == "Hi, I'm Ada, 36")
        #expect(ada.isAdult)
    }

    @Test("a mutating method changes only the variable it is called on")
    func mutatingMethodChangesOnlyTheReceiver() {
        var ada = Lesson.Person(name: "Ada", age: 36)
        let snapshot = ada
        ada.updateAge(to: 37)
        #expect(ada.age == 37)
        #expect(snapshot.age == 36)
    }

    @Test("calling a mutating method on a let does not compile")
    func mutatingOnALetDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookBasics/MutatingOnLet.swift",
            diagnostics: ["cannot use mutating member on immutable value: 'person' is a 'let' constant"])
    }

    @Test("Go's value-receiver setter does not compile: a non-mutating method cannot assign")
    func valueReceiverAssignmentDoesNotCompile() throws {
        try CompileFailFixture.expect(
            "HandbookBasics/ValueReceiverAssignment.swift",
            diagnostics: ["cannot assign to property: 'self' is immutable"])
    }

    @Test("dynamic member lookup forwards reads and writes like Go's promoted fields")
    func forwardingActsLikeEmbedding() {
        var staff = Lesson.Employee(person: Lesson.Person(name: "Ada", age: 36), company: "ACME")
        #expect(staff.name == "Ada")
        #expect(staff.isAdult)  // read-only computed members forward too
        staff.name = "Ada Lovelace"
        staff.age += 1
        #expect(staff.person == Lesson.Person(name: "Ada Lovelace", age: 37))
        #expect(staff.company == "ACME")
    }

    @Test("synthesized == and hash compare every stored property")
    func synthesizedEquatableAndHashable() {
        let ada = Lesson.Person(name: "Ada", age: 36)
        #expect(ada == Lesson.Person(name: "Ada", age: 36))
        #expect(ada != Lesson.Person(name: "Ada", age: 37))
        #expect(ada != Lesson.Person(name: "Grace", age: 36))
        let people: Set = [ada, Lesson.Person(name: "Ada", age: 36), Lesson.Person(name: "Grace", age: 85)]
        #expect(people.count == 2)
        let staff = Lesson.Employee(person: ada, company: "ACME")
        #expect(staff != Lesson.Employee(person: ada, company: "Initech"))
    }

    @Test("a labelled tuple is an anonymous struct")
    func labelledTuples() {
        let point = (x: 10, y: 20)
        #expect(point.x == 10 && point.y == 20)
        #expect(point.0 == 10)
        let result = Lesson.divide(17, by: 5)
        #expect(result.quotient == 3)
        #expect(result.remainder == 2)
        let (quotient, remainder) = Lesson.divide(-17, by: 5)
        #expect(quotient == -3 && remainder == -2)  // truncating division, like Go
    }

    @Test("an empty struct has size 0 but stride 1")
    func emptyStructLayout() {
        #expect(MemoryLayout<Lesson.Marker>.size == 0)
        #expect(MemoryLayout<Lesson.Marker>.stride == 1)
        #expect(MemoryLayout<Void>.size == 0)
        let markers = [Lesson.Marker](repeating: Lesson.Marker(), count: 3)
        #expect(markers.count == 3)
    }
}
