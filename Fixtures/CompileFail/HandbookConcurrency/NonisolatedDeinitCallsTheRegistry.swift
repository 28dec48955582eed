// Must not compile: the `deinit` of a global-actor class is nonisolated
// unless it says `isolated deinit` (Swift 6.2, SE-0371), so it cannot call
// the registry's actor-isolated `remove` synchronously. Plain Swift 6 mode;
// the upcoming features do not change this.
@globalActor actor RegistryActor {
    static let shared = RegistryActor()
}

@RegistryActor final class SubscriptionRegistry {
    private var topics: [Int: String] = [:]

    func remove(_ id: Int) {
        topics[id] = nil
    }
}

@RegistryActor final class Subscription {
    let id: Int
    let registry: SubscriptionRegistry

    init(id: Int, registry: SubscriptionRegistry) {
        self.id = id
        self.registry = registry
    }

    deinit {
        registry.remove(id)  // error: nonisolated deinit, isolated method
    }
}
