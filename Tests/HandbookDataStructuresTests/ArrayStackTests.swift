import HandbookDataStructures
import PropertyBased
import Testing

@Suite("Array stack")
struct ArrayStackTests {
    @Test("LIFO: pushing 1…5 pops 5…1, then nil")
    func popsInReverseOrder() {
        var stack = ArrayStack<Int>()
        for value in 1...5 { stack.push(value) }
        #expect(stack.count == 5)
        var popped: [Int] = []
        while let value = stack.pop() { popped.append(value) }
        #expect(popped == [5, 4, 3, 2, 1])
        #expect(stack.isEmpty)
    }

    @Test("an empty stack's pop and peek give nil, not a zero value or a (value, ok) pair")
    func emptyStackGivesNil() {
        var stack = ArrayStack<String>()
        #expect(stack.pop() == nil)
        #expect(stack.peek() == nil)
        #expect(stack.isEmpty)
        #expect(stack.count == 0)
    }

    @Test("peek returns the top without removing it")
    func peekDoesNotRemove() {
        var stack: ArrayStack = [1, 2, 3]
        #expect(stack.peek() == 3)
        #expect(stack.peek() == 3)
        #expect(stack.count == 3)
        #expect(stack.pop() == 3)
        #expect(stack.peek() == 2)
    }

    @Test("an array literal pushes in order; iteration runs top to bottom, the order pop gives")
    func literalAndLIFOIteration() {
        let stack: ArrayStack = ["a", "b", "c"]
        #expect(Array(stack) == ["c", "b", "a"])
        #expect(stack.first { _ in true } == "c")
        #expect(stack.description == "ArrayStack([\"a\", \"b\", \"c\"] <- top)")
        #expect(stack == ArrayStack(["a", "b", "c"]))
    }

    @Test("copying a stack and pushing onto the copy leaves the original unchanged")
    func copiesAreIndependent() {
        var original: ArrayStack = [1, 2, 3]
        var copy = original
        copy.push(99)
        #expect(Array(original) == [3, 2, 1])
        #expect(Array(copy) == [99, 3, 2, 1])
        original.pop()
        #expect(Array(copy) == [99, 3, 2, 1])  // and the other way round
        #expect(Array(original) == [2, 1])
    }

    @Test("heterogeneous values are an explicit existential: ArrayStack<any Sendable>")
    func heterogeneousValues() {
        var stack = ArrayStack<any Sendable>()
        stack.push(1)
        stack.push("two")
        stack.push(3.0)
        #expect(stack.pop() as? Double == 3.0)
        #expect(stack.pop() as? String == "two")
        #expect(stack.pop() as? Int == 1)
        #expect(stack.pop() == nil)
    }

    @Test("removeAll(keepingCapacity: true) keeps the buffer; removeAll() frees it")
    func removeAllKeepsCapacityWhenAsked() {
        var stack = ArrayStack(0..<100)
        let capacity = stack.capacity
        #expect(capacity >= 100)
        stack.removeAll(keepingCapacity: true)
        #expect(stack.isEmpty)
        #expect(stack.capacity == capacity)
        stack.push(1)
        stack.removeAll()
        #expect(stack.isEmpty)
        #expect(stack.capacity < capacity)
    }

    @Test("a popped object is freed as soon as the caller drops it (Go's reslice keeps it reachable)")
    func popReleasesTheElement() {
        final class Payload {}
        weak var probe: Payload?
        var stack = ArrayStack<Payload>()
        do {
            let payload = Payload()
            probe = payload
            stack.push(payload)
        }
        #expect(probe != nil)  // the stack holds it
        _ = stack.pop()
        #expect(probe == nil)
        #expect(stack.capacity >= 1)  // the slot is still there, but empty
    }

    @Test("removeTop() on an empty stack traps with a message naming the problem")
    func removeTopOnEmptyTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var stack = ArrayStack<Int>()
            stack.removeTop()
        }
        #expect(
            String(decoding: result.standardErrorContent, as: UTF8.self).contains("removeTop() on an empty ArrayStack"))
    }

    /// Op codes: a multiple of 3 pops, 1 mod 3 peeks, anything else pushes the code.
    @Test("1,000 random push/pop/peek sequences agree with an Array oracle")
    func matchesArrayOracle() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...99).array(of: 0...60)) { codes in
            var stack = ArrayStack<Int>()
            var oracle: [Int] = []
            for code in codes {
                switch code % 3 {
                case 0: #expect(stack.pop() == oracle.popLast())
                case 1: #expect(stack.peek() == oracle.last)
                default:
                    stack.push(code)
                    oracle.append(code)
                }
                #expect(stack.count == oracle.count)
            }
            #expect(Array(stack) == oracle.reversed())
        }
    }
}
