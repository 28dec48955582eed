// Must not compile: an isolated conformance (SE-0470) may be used only on
// its actor. `Dashboard` is a `Renderer` on the main actor and nowhere
// else, so every use that could run elsewhere is rejected. Checked in plain
// Swift 6 mode; the rules are the same with InferIsolatedConformances.
protocol Renderer {
    func render() -> String
}

@MainActor final class Dashboard {
    var title = "Orders"
}

extension Dashboard: @MainActor Renderer {
    func render() -> String { "<h1>\(title)</h1>" }
}

func renderAll<Item: Renderer>(_ items: [Item]) -> [String] { items.map { $0.render() } }

func renderLater<Item: Renderer & Sendable>(_ item: Item) -> Task<String, Never> {
    Task { item.render() }
}

@MainActor func onTheMainActor(_ dashboard: Dashboard) -> [String] {
    renderAll([dashboard])  // fine: used where the conformance holds
}

nonisolated func inANonisolatedFunction(_ dashboards: [Dashboard]) -> [String] {
    renderAll(dashboards)  // error: nonisolated context
}

@concurrent func onTheConcurrentPool(_ dashboard: Dashboard) async -> [String] {
    renderAll([dashboard])  // error: nonisolated context
}

@MainActor func handedToAnotherTask(_ dashboard: Dashboard) -> Task<String, Never> {
    renderLater(dashboard)  // error: a Sendable type parameter could leave the main actor
}
