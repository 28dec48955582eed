// Must not compile: an actor's plain `deinit` is nonisolated. It may read
// the actor's Sendable stored properties (nothing else can reach a
// deinitializing object), but not a non-Sendable one such as `buffer`.
// `isolated deinit` (Swift 6.2) makes the read legal.
final class OutboundBuffer {
    var pending: [String] = []
}

actor Connection {
    private let buffer = OutboundBuffer()
    private let id = 7
    private let onClose: @Sendable (Int, [String]) -> Void

    init(onClose: @escaping @Sendable (Int, [String]) -> Void) {
        self.onClose = onClose
    }

    deinit {
        let id = self.id  // fine: Int is Sendable
        onClose(id, buffer.pending)  // error: non-Sendable state
    }
}
