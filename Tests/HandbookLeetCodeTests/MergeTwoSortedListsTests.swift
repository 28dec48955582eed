import HandbookLeetCode
import PropertyBased
import Testing

@Suite("Merge Two Sorted Lists (LeetCode 21)")
struct MergeTwoSortedListsTests {
    typealias Lesson = MergeTwoSortedLists

    @Test(
        "LeetCode's published examples and the Go seed's cases",
        arguments: [
            ([1, 2, 4], [1, 3, 4], [1, 1, 2, 3, 4, 4]),  // LeetCode example 1
            ([], [], []),  // LeetCode example 2: both empty
            ([], [0], [0]),  // LeetCode example 3: one empty
            ([5], [], [5]),
            ([1, 3, 5], [2, 4, 6], [1, 2, 3, 4, 5, 6]),
            ([-3, 0, 7], [-5, -3, 10], [-5, -3, -3, 0, 7, 10]),
        ])
    func publishedExamples(first: [Int], second: [Int], expected: [Int]) {
        #expect(Lesson.values(of: Lesson.merge(Lesson.makeList(first), Lesson.makeList(second))) == expected)
        #expect(Lesson.merge(first, second) == expected, "the array version agrees")
    }

    @Test("no node is allocated: the result is exactly the input nodes, relinked")
    func splicesWithoutAllocating() {
        let first = Lesson.nodes(of: Lesson.makeList([1, 2, 4]))
        let second = Lesson.nodes(of: Lesson.makeList([1, 3, 4]))
        let merged = Lesson.nodes(of: Lesson.merge(first.first, second.first))
        #expect(merged.count == 6)
        #expect(Set(merged.map(ObjectIdentifier.init)) == Set((first + second).map(ObjectIdentifier.init)))
        #expect(merged[0] === first[0])  // the head is list1's first node, not a copy
    }

    @Test("stable: on equal values list1's node comes first, checked by identity")
    func tiesTakeList1First() throws {
        let first = Lesson.nodes(of: Lesson.makeList([1, 2, 2]))
        let second = Lesson.nodes(of: Lesson.makeList([1, 2]))
        let merged = Lesson.nodes(of: Lesson.merge(first.first, second.first))
        let expected = [first[0], second[0], first[1], first[2], second[1]]
        #expect(merged.count == expected.count)
        for (node, expectedNode) in zip(merged, expected) {
            #expect(node === expectedNode, "value \(node.val) came from the wrong list")
        }
    }

    @Test("the pitfall: Go's < takes list2 first on ties; the values hide it, identity shows it")
    func goVersionIsNotStable() {
        let first = Lesson.makeList([1])
        let second = Lesson.makeList([1])
        let merged = Lesson.mergeTakingList2OnTies(first, second)
        #expect(Lesson.values(of: merged) == [1, 1], "sorted either way")
        #expect(merged === second)
        #expect(merged !== first)
    }

    @Test("edge cases: one element each, all duplicates, Int.min and Int.max")
    func edgeCases() {
        func merged(_ a: [Int], _ b: [Int]) -> [Int] {
            Lesson.values(of: Lesson.merge(Lesson.makeList(a), Lesson.makeList(b)))
        }
        #expect(merged([2], [1]) == [1, 2])
        #expect(merged([7, 7, 7], [7, 7]) == [7, 7, 7, 7, 7])
        #expect(merged([Int.min, Int.max], [0]) == [Int.min, 0, Int.max])
        #expect(merged([1, 2, 3], [10, 20]) == [1, 2, 3, 10, 20], "the leftover list is attached whole")
        #expect(Lesson.merge(nil, nil) == nil)
    }

    @Test("releasing a million-node list does not overflow the stack (iterative deinit)")
    func longListsDeallocateIteratively() async {
        await #expect(processExitsWith: .success) {
            var head: MergeTwoSortedLists.ListNode?
            for value in (0..<1_000_000).reversed() {
                head = MergeTwoSortedLists.ListNode(value, next: head)
            }
            head = MergeTwoSortedLists.merge(head, MergeTwoSortedLists.ListNode(-1))
            #expect(head?.val == -1)
            head = nil  // a deinit that released `next` from inside itself would overflow here
        }
    }

    @Test("matches a stable sort of both lists' nodes on 1,000 random sorted pairs")
    func matchesStableSortOracle() async {
        let sortedArray = Gen.int(in: -10...10).array(of: 0...10).map { $0.sorted() }
        await propertyCheck(count: 1_000, input: sortedArray, sortedArray) { a, b in
            let first = Lesson.nodes(of: Lesson.makeList(a))
            let second = Lesson.nodes(of: Lesson.makeList(b))
            let merged = Lesson.nodes(of: Lesson.merge(first.first, second.first))
            // sorted(by:) is stable, so this is list1's nodes before list2's among equal values.
            let oracle = (first + second).sorted { $0.val < $1.val }
            #expect(merged.count == oracle.count)
            #expect(zip(merged, oracle).allSatisfy { $0 === $1 }, "\(a) + \(b)")
            #expect(Lesson.merge(a, b) == (a + b).sorted())
        }
    }
}
