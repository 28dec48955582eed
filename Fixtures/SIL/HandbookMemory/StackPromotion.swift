// Compiled with `swiftc -O -parse-as-library -emit-sil` by
// EscapingClosuresAndStackPromotionTests: the optimizer's escape analysis
// decides, per allocation, whether it may live on the stack.
// Each function is @inline(never) so it keeps its own SIL body to inspect.

final class Point {
    var x: Int
    var y: Int

    init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

var archive: [Point] = []

@inline(never)
func read(_ point: Point) -> Int { point.x + point.y }

// The object only reaches a callee that does not keep it: `alloc_ref [stack]`.
@inline(never)
public func local(_ n: Int) -> Int {
    let point = Point(x: n, y: n)
    return read(point)
}

// The object is stored in a global: it outlives the call, so `alloc_ref` (heap).
@inline(never)
public func escaping(_ n: Int) -> Int {
    let point = Point(x: n, y: n)
    archive.append(point)
    return read(point)
}

@inline(never)
func runNow(_ body: () -> Void) { body() }

var later: [() -> Void] = []

@inline(never)
func runLater(_ body: @escaping () -> Void) { later.append(body) }

// A var captured by a non-escaping closure stays on the stack: `alloc_stack`.
@inline(never)
public func countNonEscaping(_ n: Int) -> Int {
    var total = 0
    runNow { total += n }
    return total
}

// A var captured by an escaping closure is boxed on the heap: `alloc_box`.
@inline(never)
public func countEscaping(_ n: Int) -> Int {
    var total = 0
    runLater { total += n }
    return total
}
