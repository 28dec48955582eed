import HandbookBasics
import Testing

@Suite("Arrays and slices")
struct ArraysAndSlicesTests {
    typealias Lesson = ArraysAndSlices

    @Test("InlineArray is Go's [N]T: fixed count, stored inline, copied on assignment")
    func inlineArrayIsAFixedSizeValue() {
        let original = Lesson.fixedTriple(1, 2, 3)
        var copy = original
        copy[0] = 99
        #expect(original.count == 3)
        #expect(original[0] == 1)
        #expect(copy[0] == 99)
        #if arch(x86_64) || arch(arm64)
            #expect(MemoryLayout<InlineArray<3, Int>>.size == 24)  // three Ints, no header, no heap buffer
            #expect(MemoryLayout<[Int]>.size == 8)  // an Array is one reference to a heap buffer
        #endif
    }

    @Test("a slice keeps its base's indices; Array(slice) re-bases at 0")
    func sliceKeepsBaseIndices() {
        let base = [10, 20, 30, 40, 50]
        let slice = Lesson.interior(of: base)
        #expect(slice.startIndex == 1)
        #expect(slice.endIndex == 4)
        #expect(slice[1] == 20)
        #expect(Lesson.firstElement(slice) == 20)
        #expect(Lesson.firstElement(base[2..<2]) == nil)
        let rebased = Array(slice)
        #expect(rebased.indices == 0..<3)
        #expect(rebased == [20, 30, 40])  // arrays compare with ==, which Go slices cannot
    }

    @Test("indexing a slice from 0, as Go would, traps")
    func zeroIndexOnASliceTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = ArraysAndSlices.firstElementAssumingZeroBased(ArraysAndSlices.interior(of: [10, 20, 30, 40, 50]))
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("Index out of bounds"))
    }

    @Test("a write or an append through a slice never reaches the base: the opposite of Go")
    func sliceWritesDoNotAlias() {
        let base = [1, 2, 3, 4, 5]
        let written = Lesson.writeThroughSlice(of: base, range: 1..<4, firstValue: 99)
        #expect(written.base == [1, 2, 3, 4, 5])  // Go's reslice test expects base[1] == 99
        #expect(Array(written.slice) == [99, 3, 4])

        let appended = Lesson.appendToPrefix(of: base, length: 2, 42)
        #expect(appended.base == [1, 2, 3, 4, 5])  // Go's append(a[:2], 42) overwrites a[2]
        #expect(Array(appended.prefix) == [1, 2, 42])
    }

    @Test("before mutation a slice shares its base's buffer; the first write copies it")
    func sliceSharesStorageUntilMutation() {
        let base = Array(0..<1_000)
        var slice = base[100..<200]
        #expect(Lesson.sharesStorage(slice, with: base))
        slice[150] = -1
        #expect(!Lesson.sharesStorage(slice, with: base))
        #expect(base[150] == 150)
    }

    @Test("reserveCapacity promises capacity >= n, never == n; count stays 0")
    func reserveCapacityIsALowerBound() {
        var numbers = Lesson.emptyWithCapacity(5)
        #expect(numbers.isEmpty)
        #expect(numbers.capacity >= 5)
        let reserved = numbers.capacity
        numbers.append(contentsOf: 1...5)
        #expect(numbers.capacity == reserved, "appending within the reservation must not reallocate")
        #expect(Lesson.filled(count: 5) == [0, 0, 0, 0, 0])
        #expect(Lesson.filled(count: 3, with: 7) == [7, 7, 7])
    }

    @Test("capacity grows geometrically and does not shrink when elements are removed")
    func capacityGrowsGeometrically() {
        let capacities = Lesson.capacitiesWhileAppending(10_000)
        #expect(capacities.last.map { $0 >= 10_000 } == true)
        #expect(zip(capacities, capacities.dropFirst()).allSatisfy { $1 > $0 })
        #expect(capacities.count < 30, "geometric growth means O(log n) reallocations, got \(capacities.count)")

        var numbers = Array(0..<10_000)
        let before = numbers.capacity
        numbers.removeLast(9_000)
        #expect(numbers.count == 1_000)
        #expect(numbers.capacity == before)
    }

    @Test("an out-of-bounds index traps the process; there is no recover")
    func outOfBoundsTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let numbers = [1, 2, 3]
            _ = numbers[numbers.count]
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("Index out of range"))
    }

    @Test("nil and empty are different values of [T]?; ?? [] normalises them")
    func nilIsNotEmpty() {
        let absent = Lesson.tags(fromHeader: nil)
        let empty = Lesson.tags(fromHeader: "")
        #expect(absent == nil)
        #expect(empty == [])
        #expect(absent != empty)
        #expect((absent ?? []) == (empty ?? []))
        #expect(Lesson.tags(fromHeader: "swift,go") == ["swift", "go"])

        var grown: [String] = []
        grown.append("first")  // appending to an empty array needs no make()
        #expect(grown == ["first"])
    }
}
