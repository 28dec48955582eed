// Must not compile: function parameters are constants, so Go's "mutate the
// copy and wonder why the caller did not change" cannot be written in Swift.
struct Point {
    var x = 0
}

func nudge(_ point: Point) {
    point.x += 1
}
