// Must not compile: an existential built from an isolated conformance
// carries main-actor-only witnesses, so it cannot be sent to a task that
// runs elsewhere. The same code with a `nonisolated` conformance compiles
// (`sendNonisolated` below): only the isolated one is rejected. Plain
// Swift 6 mode; the package's upcoming features give the same error.
protocol Renderer {
    func render() -> String
}

@MainActor final class Dashboard {
    var title = "Orders"
}

extension Dashboard: @MainActor Renderer {
    func render() -> String { "<h1>\(title)</h1>" }
}

@MainActor final class Banner {
    nonisolated init() {}
}

extension Banner: nonisolated Renderer {
    nonisolated func render() -> String { "<marquee>sale</marquee>" }
}

@MainActor func sendIsolated(_ dashboard: Dashboard) async {
    let isolated: any Renderer = dashboard
    await Task.detached { _ = isolated.render() }.value  // error: it would leave the main actor
}

@MainActor func sendNonisolated(_ banner: Banner) async {
    let nonisolated: any Renderer = banner
    await Task.detached { _ = nonisolated.render() }.value  // fine
}
