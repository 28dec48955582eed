// Must not compile: a `@Sendable` closure may run many times, concurrently,
// so it may capture only Sendable values, even a freshly made object.
// A `sending` closure (what `Task.init` takes) could capture it: it is
// handed over once.
final class Draft {
    var lines: [String] = []
}

func runConcurrently(_ body: @escaping @Sendable () -> Int) -> Int {
    body()
}

func count() -> Int {
    let draft = Draft()
    return runConcurrently { draft.lines.count }
}
