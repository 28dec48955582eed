// Must not compile in plain Swift 6 mode (no upcoming features): a
// conformance of a global-actor type is nonisolated unless it says
// otherwise, and main-actor methods cannot satisfy nonisolated
// requirements. With InferIsolatedConformances (enabled in the handbook
// package) the same declaration compiles as `@MainActor Renderer`; written
// out explicitly, it compiles in both modes.
protocol Renderer {
    func render() -> String
}

@MainActor final class StatusPage: Renderer {
    var status = "all systems go"

    func render() -> String { "<p>\(status)</p>" }
}
