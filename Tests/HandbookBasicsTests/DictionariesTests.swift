import HandbookBasics
import Testing

@Suite("Dictionaries")
struct DictionariesTests {
    typealias Lesson = Dictionaries

    let inventory = ["apple": 3, "pear": 0]

    @Test("a missing key reads as nil, and a key holding 0 is told apart from it")
    func missingKeyIsNilNotZero() {
        #expect(inventory["kiwi"] == nil)
        #expect(inventory["pear"] == 0)
        #expect(Lesson.stock(of: "kiwi", in: inventory) == .notStocked)
        #expect(Lesson.stock(of: "pear", in: inventory) == .soldOut)
        #expect(Lesson.stock(of: "apple", in: inventory) == .available(3))
    }

    @Test("the Go-style ?? 0 read cannot tell a missing key from a zero")
    func goStyleReadLosesInformation() {
        #expect(Lesson.quantityGoStyle(of: "kiwi", in: inventory) == 0)
        #expect(Lesson.quantityGoStyle(of: "pear", in: inventory) == 0)
        #expect(Lesson.stock(of: "kiwi", in: inventory) != Lesson.stock(of: "pear", in: inventory))
    }

    @Test("counting with the default: subscript: abracadabra has five a's")
    func countingWithDefault() {
        let counts = Lesson.characterCounts(of: "abracadabra")
        #expect(counts == ["a": 5, "b": 2, "r": 2, "c": 1, "d": 1])
        #expect(counts.values.reduce(0, +) == 11)
        #expect(counts["z"] == nil)
    }

    @Test("removeValue and updateValue report the old value, and a missing key gives nil without trapping")
    func removeAndUpdateReportTheOldValue() {
        var scores = ["alice": 1]
        #expect(scores.removeValue(forKey: "nobody") == nil)
        #expect(Lesson.upsert(2, for: "alice", in: &scores) == 1)
        #expect(Lesson.upsert(7, for: "bob", in: &scores) == nil)
        #expect(scores.removeValue(forKey: "alice") == 2)
        #expect(scores == ["bob": 7])
    }

    @Test("a dictionary copy is independent: the opposite of a Go map")
    func copyIsIndependent() {
        let original = ["alice": 1]
        var copy = original
        copy["alice"] = 100
        copy["bob"] = 2
        #expect(original == ["alice": 1])
        #expect(copy.count == 2)
    }

    @Test("uniqueKeysWithValues traps on a duplicate key")
    func duplicateKeysTrap() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Dictionaries.index([("a", 1), ("b", 2), ("a", 3)])
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("Duplicate values for key"))
    }

    @Test("uniquingKeysWith decides what a duplicate means: here, the values add up")
    func uniquingKeysWithSums() {
        let pairs = [("a", 1), ("b", 2), ("a", 3)]
        #expect(Lesson.totals(pairs) == ["a": 4, "b": 2])
        #expect(Lesson.index([("a", 1), ("b", 2)]) == ["a": 1, "b": 2])
    }

    @Test("grouping keeps each group's words in their original order")
    func groupingByInitial() {
        let groups = Lesson.groupedByInitial(["swift", "go", "sql", "", "grpc"])
        #expect(groups == ["s": ["swift", "sql"], "g": ["go", "grpc"]])
    }

    @Test("iteration order is unspecified: compare keys as a Set, or sort them")
    func iterationOrderIsNotAContract() {
        var forward: [String: Int] = [:]
        var backward: [String: Int] = [:]
        let names = (0..<50).map { "key\($0)" }
        for (value, name) in names.enumerated() { forward[name] = value }
        for (value, name) in names.enumerated().reversed() { backward[name] = value }
        #expect(forward == backward)  // equality ignores order
        #expect(Set(forward.keys) == Set(names))
        #expect(Lesson.sortedKeys(of: forward) == names.sorted())
        #expect(Lesson.sortedKeys(of: forward) == Lesson.sortedKeys(of: backward))
    }
}
