// Must not compile: each `&numbers[i]` is a write access to the whole array,
// so the two accesses overlap. The fix is `numbers.swapAt(0, 1)`.
func run() {
    var numbers = [1, 2, 3]
    swap(&numbers[0], &numbers[1])
}
