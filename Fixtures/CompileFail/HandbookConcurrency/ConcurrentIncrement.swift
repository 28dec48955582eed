// Must not compile: Go's ConcurrentIncrement, where 100 goroutines run
// `counter++` on one variable. `go test -race` catches it at run time, if a
// test happens to exercise it; Swift 6 refuses to build it, because every
// child closure captures a reference to the same mutable `var`.
// The fix is an owner that is Sendable: a Mutex or Atomic in a final class,
// or an actor (DataRaceSafety.concurrentIncrement(tasks:using:)).
func concurrentIncrement() async -> Int {
    var counter = 0
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<100 {
            group.addTask { counter += 1 }
        }
    }
    return counter
}
