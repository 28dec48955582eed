// Must not compile: a `mutating` requirement needs a `var`, the way Go's
// pointer-receiver methods are not in the method set of a plain value.
protocol Counter {
    mutating func increment()
}

struct Tally: Counter {
    var count = 0
    mutating func increment() { count += 1 }
}

func countOnce() {
    let tally = Tally()
    tally.increment()
}
