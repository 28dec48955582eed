import HandbookBasics
import Testing

@Suite("Protocols and existentials")
struct ProtocolsAndExistentialsTests {
    typealias Lesson = ProtocolsAndExistentials

    @Test("a heterogeneous [any Speaker] keeps each element's own behaviour")
    func heterogeneousExistentials() {
        let speakers: [any Lesson.Speaker] = [Lesson.Dog(), Lesson.Cat(), Lesson.Doorbell()]
        #expect(Lesson.chorus(speakers) == ["Woof!", "Meow!", "Ding dong."])
        #expect(type(of: speakers[1]) == Lesson.Cat.self)  // the box remembers the dynamic type
        #expect(Lesson.perform(Lesson.Robot()) == "Beep. Rolls forward.")
    }

    @Test("some Speaker hides the concrete type from callers but keeps it")
    func opaqueReturnKeepsItsType() {
        let speaker = Lesson.favouriteSpeaker()
        #expect(type(of: speaker) == Lesson.Dog.self)
        #expect(speaker.speak() == "Woof!")
    }

    @Test("as? is the comma-ok type assertion: nil when the dynamic type differs")
    func conditionalCast() {
        let number: Any = 42
        #expect(Lesson.asString(number) == nil)
        #expect(Lesson.asString("hello") == "hello")
        #expect(number is Int)
        #expect(!(number is String))
        #expect(Lesson.speech(of: Lesson.Robot()) == "Beep.")
        #expect(Lesson.speech(of: "not a speaker") == nil)
        let recorder = Lesson.Recorder()
        let object: AnyObject = recorder
        #expect((object as? Lesson.Recorder) === recorder)
    }

    @Test(
        "a switch with case let x as T is Go's type switch",
        arguments: [
            ("hello" as any Sendable, "String: hello"),
            (42, "Int: 42"),
            (true, "Bool: true"),
            (3.14, "Unknown type: Double"),
            (Lesson.Cat(), "Speaker: Meow!"),
        ] as [(any Sendable, String)])
    func typeSwitch(value: any Sendable, expected: String) {
        #expect(Lesson.describe(value) == expected)
    }

    @Test("as! on the wrong type traps the process")
    func forcedCastTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = ProtocolsAndExistentials.assumeString(42)
        }
        #expect(
            String(decoding: result.standardErrorContent, as: UTF8.self).contains(
                "Could not cast value of type 'Swift.Int'"))
    }

    @Test("an Optional boxed in Any is not nil, though as? unwraps it: the cousin of Go's typed nil")
    func optionalInsideAny() {
        let boxed: Any = Int?.none as Any
        #expect((boxed as? Int) == nil)
        #expect(boxed is Int?)
        #expect(Lesson.describe(Int?.some(5) as Any) == "Int: 5")  // casts look through Optional
        #expect(Lesson.describe(boxed) == "Unknown type: Optional<Int>")

        let table = ["present": 1]
        #expect(Lesson.lookupBoxed("missing", in: table) != nil)  // the trap: "found" a nil
        #expect(Lesson.isNilNaive(Lesson.lookupBoxed("missing", in: table)) == false)
        #expect(Lesson.isNil(Lesson.lookupBoxed("missing", in: table)))
        #expect(Lesson.lookup("missing", in: table) == nil)  // the fix: no box, plain nil
        #expect(Lesson.lookup("present", in: table) as? Int == 1)
        #expect(!Lesson.isNil(Lesson.lookupBoxed("present", in: table)))
    }

    @Test("a class-only protocol's existential holds references")
    func classOnlyProtocol() {
        let recorder = Lesson.Recorder()
        Lesson.broadcast("deploy done", to: [recorder, recorder])
        #expect(recorder.heard == ["deploy done", "deploy done"])
    }

    @Test("existential sizes: any P is a 40-byte box, AnyObject one reference")
    func existentialLayout() {
        #if arch(x86_64) || arch(arm64)
            #expect(MemoryLayout<any Lesson.Speaker>.size == 40)  // 3-word buffer + type + witness table
            #expect(MemoryLayout<Any>.size == 32)  // 3-word buffer + type
            #expect(MemoryLayout<AnyObject>.size == 8)  // one reference
            #expect(MemoryLayout<any Lesson.Listener>.size == 16)  // reference + witness table
            #expect(MemoryLayout<Lesson.Dog>.size == 0)  // the concrete type a `some` return keeps
        #endif
    }
}
