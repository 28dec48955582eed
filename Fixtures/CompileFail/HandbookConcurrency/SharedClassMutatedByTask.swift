// Must not compile: a non-Sendable object captured by `Task {}` and then
// mutated on both sides. The task's closure is `sending`, so whatever it
// captures must be handed over for good; `tally` is still used by the
// caller afterwards, so the two could run at the same time.
final class Tally {
    var count = 0
}

func bothSidesMutate() async -> Int {
    let tally = Tally()
    let task = Task { tally.count += 1 }
    tally.count += 1
    await task.value
    return tally.count
}
