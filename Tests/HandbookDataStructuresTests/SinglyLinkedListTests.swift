import HandbookDataStructures
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Singly linked list")
struct SinglyLinkedListTests {
    typealias Node = SinglyLinkedList<Int>.Node

    @Test("Go's insert cases: head, tail, a middle position, and invalid positions give false")
    func insertions() {
        let list = SinglyLinkedList<Int>()
        list.append(2)
        list.prepend(1)
        list.append(4)
        #expect(list.insert(3, at: 2))
        #expect(list.insert(0, at: 0))
        #expect(list.insert(5, at: 5))  // position == count appends
        #expect(!list.insert(9, at: 7))
        #expect(!list.insert(9, at: -1))
        #expect(Array(list) == [0, 1, 2, 3, 4, 5])
        #expect(list.count == 6)
        #expect(list.first == 0)
        #expect(list.last == 5)
        #expect(list.description == "0 -> 1 -> 2 -> 3 -> 4 -> 5 -> nil")
    }

    @Test("Go's delete cases: head, tail, by value (including the tail), and the one-element list")
    func deletions() {
        let list: SinglyLinkedList = [1, 2, 3, 4, 5]
        #expect(list.popFirst() == 1)
        #expect(list.popLast() == 5)
        #expect(list.removeFirstOccurrence(of: 3))
        #expect(!list.removeFirstOccurrence(of: 42))
        #expect(list.removeFirstOccurrence(of: 4))  // the tail: tail must move back to 2
        list.append(6)
        #expect(Array(list) == [2, 6])
        #expect(list.last == 6)

        let single: SinglyLinkedList = [7]
        #expect(single.popLast() == 7)  // delete tail on a single element clears head and tail
        #expect(single.isEmpty)
        #expect(single.first == nil && single.last == nil)
        single.append(8)
        #expect(Array(single) == [8])
        #expect(single.popFirst() == 8)
        #expect(single.popFirst() == nil)
        #expect(single.popLast() == nil)
    }

    @Test(
        "reverse in place re-points every node and moves the tail",
        arguments: [[], [1], [1, 2], [1, 2, 3, 4, 5], [3, 3, -1, 3]])
    func reverseInPlace(values: [Int]) {
        let list = SinglyLinkedList(values)
        list.reverse()
        #expect(Array(list) == values.reversed())
        #expect(list.first == values.last)
        #expect(list.last == values.first)
        list.append(100)  // lands after the new tail
        #expect(Array(list) == values.reversed() + [100])
    }

    @Test("search: contains walks the chain (Go's Search)")
    func search() {
        let list: SinglyLinkedList = [10, 20, 30]
        #expect(list.contains(20))
        #expect(!list.contains(40))
        #expect(!SinglyLinkedList<Int>().contains(10))
    }

    @Test("Floyd detects a cycle built by hand, and reports none for acyclic chains")
    func floydCycleDetection() {
        let nodes = (1...5).map { Node($0) }
        for (node, next) in zip(nodes, nodes.dropFirst()) { node.next = next }
        #expect(!SinglyLinkedList.hasCycle(startingAt: nodes[0]))
        #expect(!SinglyLinkedList<Int>.hasCycle(startingAt: nil))
        #expect(!SinglyLinkedList.hasCycle(startingAt: Node(1)))
        // Duplicated values are not a cycle: identity is what matters.
        #expect(!SinglyLinkedList.hasCycle(startingAt: Node(1, next: Node(1, next: Node(1)))))

        nodes[4].next = nodes[1]  // 1 -> 2 -> 3 -> 4 -> 5 -> back to 2
        #expect(SinglyLinkedList.hasCycle(startingAt: nodes[0]))
        let selfLoop = Node(9)
        selfLoop.next = selfLoop
        #expect(SinglyLinkedList.hasCycle(startingAt: selfLoop))
        // Strong cycles are never freed by ARC: break them by hand.
        nodes[4].next = nil
        selfLoop.next = nil
    }

    @Test(
        "middle node: [1…5] → 3, [1…6] → 4 (the second middle), empty → nil",
        arguments: [([1, 2, 3, 4, 5], 3), ([1, 2, 3, 4, 5, 6], 4), ([1], 1), ([1, 2], 2), ([], nil)] as [([Int], Int?)])
    func middleNode(values: [Int], middle: Int?) {
        #expect(SinglyLinkedList(values).middle == middle)
    }

    @Test("merging sorted lists splices nodes, is stable on ties, and empties the other list")
    func mergeSortedIsStable() {
        struct Tagged {
            var key: Int
            var from: String
        }
        let mine = SinglyLinkedList([1, 3, 5].map { Tagged(key: $0, from: "a") })
        let theirs = SinglyLinkedList([1, 3, 4, 9].map { Tagged(key: $0, from: "b") })
        mine.mergeSorted(with: theirs) { $0.key < $1.key }
        #expect(mine.map(\.key) == [1, 1, 3, 3, 4, 5, 9])
        #expect(mine.map(\.from) == ["a", "b", "a", "b", "b", "a", "b"])  // ties: ours first
        #expect(mine.count == 7)
        #expect(mine.last?.key == 9)  // the tail came from the other list
        #expect(theirs.isEmpty && theirs.count == 0)

        let empty = SinglyLinkedList<Int>()
        empty.mergeSorted(with: [2, 4])
        #expect(Array(empty) == [2, 4])
        empty.mergeSorted(with: [])
        #expect(Array(empty) == [2, 4] && empty.last == 4)
    }

    @Test("removeAll frees every node of a 100,000-node list (deinit counter on the elements)")
    func removeAllFreesEveryNode() {
        final class Counter { var freed = 0 }
        final class Tracked {
            let counter: Counter
            init(_ counter: Counter) { self.counter = counter }
            deinit { counter.freed += 1 }
        }
        let counter = Counter()  // per test: tests run in parallel
        let list = SinglyLinkedList<Tracked>()
        for _ in 0..<100_000 { list.append(Tracked(counter)) }
        #expect(counter.freed == 0)
        list.removeAll()
        #expect(counter.freed == 100_000)
        #expect(list.isEmpty && list.first == nil && list.last == nil)
    }

    @Test("prepending to a ConsList shares the original and leaves it unchanged")
    func consListIsAValue() {
        let original = ConsList([2, 3])
        let extended = original.prepending(1)
        #expect(Array(original) == [2, 3])
        #expect(Array(extended) == [1, 2, 3])
        #expect(Array(extended.rest) == [2, 3])
        #expect(extended.first == 1)
        #expect(ConsList<Int>.empty.first == nil)
    }

    @Test("freeing a 1,000,000-element ConsList does not overflow the stack (single-link class cells)")
    func longConsListFreesIteratively() {
        var list = ConsList<Int>.empty
        for value in 0..<1_000_000 { list = list.prepending(value) }
        #expect(list.first == 999_999)
        list = .empty  // the last reference: a million cells are freed here
        #expect(list.isEmpty)
    }

    @Test("dropping a 1,000,000-node SinglyLinkedList, without removeAll, does not overflow the stack")
    func longListFreesWhenDropped() {
        var list: SinglyLinkedList<Int>? = SinglyLinkedList(0..<1_000_000)
        #expect(list?.count == 1_000_000)
        list = nil  // the compiler's destructor for a one-link node frees the chain in a loop
        #expect(list == nil)
    }

    @Test("freeing a list stops at a tail another list still shares")
    func sharedTailSurvivesFreeing() {
        let shared = ConsList(Array(0..<100_000))
        do {
            var longer = shared
            for value in 0..<100_000 { longer = longer.prepending(-value) }
            #expect(Array(longer).count == 200_000)
        }  // `longer` is freed: its own 100,000 cells go, the shared tail stays
        #expect(Array(shared) == Array(0..<100_000))
        #expect(Array(ConsList.node(1, .node(2, .empty))) == [1, 2])
    }

    @Test("ConsList holds any values in order, extreme integers and recombining strings alike: 1,000 seeded lists each")
    func consListMatchesArrayAtTheEdges() async {
        let integer = Gen.element(of: extremeIntegers).map { $0 ?? 0 }
        await propertyCheck(count: 1_000, input: integer.array(of: 0...20)) { values in
            let list = ConsList(values)
            #expect(Array(list) == values)
            #expect(Array(list.prepending(Int.min)) == [Int.min] + values)
            #expect(list.first == values.first && Array(list.rest) == Array(values.dropFirst()))
        }
        let pieces = ["\u{301}", "e", "🇦", "🇧", "\u{1100}", "\u{1161}", "\u{200D}", "👩"]
        let text = Gen.element(of: pieces).map { $0 ?? "e" }.array(of: 0...3).map { $0.joined() }
        await propertyCheck(count: 1_000, input: text.array(of: 0...10)) { values in
            #expect(Array(ConsList(values)) == values, "elements are stored, never re-joined")
        }
    }

    @Test("the pitfall: an indirect enum list frees recursively and crashes on a long list")
    func indirectEnumListOverflowsWhenFreed() async {
        #expect(IndirectEnumList(Array(0..<1_000)).count == 1_000, "short lists are fine")
        await #expect(processExitsWith: .failure) {
            var list = IndirectEnumList<Int>.empty
            for value in 0..<1_000_000 { list = .node(value, list) }
            list = .empty  // releasing the head box recurses a million levels
            _ = list.count
        }
    }

    /// Op codes (code % 8): 0 popFirst, 1 popLast, 2 remove a value, 3 insert
    /// at a position derived from the code (sometimes invalid), 4 reverse,
    /// 5 prepend, otherwise append. The debug build also runs
    /// `_checkInvariants()` after every mutation.
    @Test("1,000 random op sequences agree with an Array oracle")
    func matchesArrayOracle() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...99).array(of: 0...40)) { codes in
            let list = SinglyLinkedList<Int>()
            var oracle: [Int] = []
            for code in codes {
                switch code % 8 {
                case 0: #expect(list.popFirst() == (oracle.isEmpty ? nil : oracle.removeFirst()))
                case 1: #expect(list.popLast() == oracle.popLast())
                case 2:
                    let target = code % 10
                    let index = oracle.firstIndex(of: target)
                    if let index { oracle.remove(at: index) }
                    #expect(list.removeFirstOccurrence(of: target) == (index != nil))
                case 3:
                    let position = code / 8 - 2
                    let valid = (0...oracle.count).contains(position)
                    if valid { oracle.insert(code, at: position) }
                    #expect(list.insert(code, at: position) == valid)
                case 4:
                    list.reverse()
                    oracle.reverse()
                case 5:
                    list.prepend(code)
                    oracle.insert(code, at: 0)
                default:
                    list.append(code)
                    oracle.append(code)
                }
            }
            #expect(Array(list) == oracle)
            #expect(list.count == oracle.count)
            #expect(list.first == oracle.first)
            #expect(list.last == oracle.last)
            #expect(list.middle == (oracle.isEmpty ? nil : oracle[oracle.count / 2]))
        }
    }
}
