import Foundation
import HandbookInternals
import Testing

@Suite("Collection internals", .timeLimit(.minutes(1)))
struct CollectionInternalsTests {
    typealias Lesson = CollectionInternals

    @Test("handles: [Int] 8, [String: Int] 8, Set 8, String 16, Substring 32, Character 16 bytes")
    func handleSizes() {
        #if arch(x86_64) || arch(arm64)
            let sizes = Lesson.handleSizes()
            #expect(sizes.array == 8)
            #expect(sizes.dictionary == 8)
            #expect(sizes.set == 8)
            #expect(sizes.string == 16)
            #expect(sizes.substring == 32)
            #expect(sizes.character == 16)
        #endif
    }

    @Test("every empty array shares one storage object, whatever its element type")
    func emptyArraysShareStorage() {
        let ints = [Int]()
        let strings = [String]()
        #expect(Lesson.elementsAddress(ints) != 0)  // a real address, not nil
        #expect(Lesson.elementsAddress(ints) == Lesson.elementsAddress(strings))
        #expect(ints.capacity == 0)

        var numbers = [1, 2, 3]
        #expect(Lesson.elementsAddress(numbers) != Lesson.elementsAddress(ints))  // its own heap buffer
        Lesson.emptyAndRelease(&numbers)
        #expect(Lesson.elementsAddress(numbers) == Lesson.elementsAddress(ints))  // back to the shared one
        #expect(numbers.capacity == 0)
    }

    @Test("an array is one pointer to an object whose header (16 + count + capacity) precedes the elements")
    func arrayHandleIsOnePointer() {
        #if arch(x86_64) || arch(arm64)
            let numbers = Array(0..<100)
            let copy = numbers
            // Educational, not API: the handle is the storage object's address.
            #expect(Lesson.storageObjectAddress(copy) == Lesson.storageObjectAddress(numbers))
            #expect(Lesson.elementsAddress(numbers) == Lesson.storageObjectAddress(numbers) + 32)
        #endif
    }

    @Test("dictionary capacities are all ⌊2^k · ¾⌋ and at least the count")
    func dictionaryCapacitiesFollowTheLoadFactor() {
        let capacities = Lesson.dictionaryCapacities(inserting: 5000)
        #expect(capacities.first == 0)
        #expect(capacities.allSatisfy(Lesson.isHashTableCapacity))
        #expect(capacities.last.map { $0 >= 5000 } == true)
        #expect(zip(capacities, capacities.dropFirst()).allSatisfy { $1 > $0 })
        #expect(!Lesson.isHashTableCapacity(5) && !Lesson.isHashTableCapacity(100))
        let reserved = [Int: Int](minimumCapacity: 100).capacity
        #expect(reserved >= 100 && Lesson.isHashTableCapacity(reserved))
    }

    @Test("removing keys never shrinks a dictionary; rebuilding it does")
    func dictionaryNeverShrinksUntilRebuilt() {
        var dictionary = Dictionary(uniqueKeysWithValues: (0..<10_000).map { ($0, $0) })
        let grown = dictionary.capacity
        for key in 0..<9000 { dictionary.removeValue(forKey: key) }
        #expect(dictionary.count == 1000)
        #expect(dictionary.capacity == grown)
        let rebuilt = Lesson.rebuiltToFit(dictionary)
        #expect(rebuilt == dictionary)
        #expect(rebuilt.capacity < grown / 4)
        #expect(rebuilt.capacity >= 1000 && Lesson.isHashTableCapacity(rebuilt.capacity))
    }

    @Test("strings of up to 15 UTF-8 bytes live inside the 16-byte value; longer runtime strings do not")
    func smallStringsAreInline() {
        #if arch(x86_64) || arch(arm64)
            #expect(Lesson.isStoredInline(""))
            #expect(Lesson.isStoredInline(String(repeating: "a", count: 15)))
            #expect(Lesson.isStoredInline("héllo wörld"))  // 13 UTF-8 bytes
            #expect(!Lesson.isStoredInline(String(repeating: "a", count: 16)))
            #expect(!Lesson.isStoredInline(String(repeating: "é", count: 8)))  // 8 characters, 16 bytes
        #endif
    }

    @Test(
        "hashing is seeded per process: two runs hash the same string differently",
        .disabled(
            if: ProcessInfo.processInfo.environment["SWIFT_DETERMINISTIC_HASHING"] != nil,
            "SWIFT_DETERMINISTIC_HASHING fixes the seed"))
    func hashSeedDiffersBetweenProcesses() async throws {
        var hashes: [String] = []
        for _ in 0..<2 {
            let run = try await #require(processExitsWith: .success, observing: [\.standardOutputContent]) {
                print("hello".hashValue)
            }
            hashes.append(String(decoding: run.standardOutputContent, as: UTF8.self))
        }
        #expect(hashes[0] != hashes[1])  // equal with probability 2^-64
        // Inside one process, equal values hash equally, and equal sets are equal whatever their order.
        #expect("hello".hashValue == "hel\("lo")".hashValue)
        #expect(Set(0..<100) == Set((0..<100).reversed()))
    }
}
