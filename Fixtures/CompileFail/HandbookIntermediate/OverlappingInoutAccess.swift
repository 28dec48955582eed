// Must not compile: `count` is passed `inout` (a write access for the whole
// call) while the closure also writes it. The law of exclusivity forbids two
// overlapping accesses when one is a write, and the compiler sees it here.
func modify(_ value: inout Int, _ body: () -> Void) {
    value += 1
    body()
}

func run() {
    var count = 0
    modify(&count) { count += 1 }
}
