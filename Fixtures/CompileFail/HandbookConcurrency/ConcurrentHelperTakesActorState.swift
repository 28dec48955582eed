// A `@concurrent` function leaves the caller's actor, so actor-owned
// non-Sendable state cannot be passed to it. A `nonisolated(nonsending)`
// function runs on the caller's actor and may take it (see `fine`).
final class Tally {
    var count = 0
}

@concurrent func bumpOnThePool(_ tally: Tally) async { tally.count += 1 }

nonisolated(nonsending) func bumpOnTheCaller(_ tally: Tally) async { tally.count += 1 }

actor Scoreboard {
    let tally = Tally()

    func fine() async {
        await bumpOnTheCaller(tally)
    }

    func rejected() async {
        await bumpOnThePool(tally)
    }
}
