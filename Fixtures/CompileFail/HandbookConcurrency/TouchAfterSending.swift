// Must not compile: a fresh non-Sendable object may be sent to an actor
// (region-based isolation proves nobody else can reach it), but only if the
// sender never touches it again. The last line would race with the actor.
final class Draft {
    var lines: [String] = []
}

actor Outbox {
    private var drafts: [Draft] = []

    func submit(_ draft: Draft) {
        drafts.append(draft)
    }
}

func publish(to outbox: Outbox) async {
    let draft = Draft()
    draft.lines.append("hello")
    await outbox.submit(draft)
    draft.lines.append("edited after sending")
}
