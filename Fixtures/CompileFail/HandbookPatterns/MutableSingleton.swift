// A Go-style package-level singleton: one shared, reassignable instance that
// every caller reaches for. In Swift 6 a mutable global (or static) is shared
// mutable state that any thread could touch, so the compiler rejects it.
// The fix is not `nonisolated(unsafe)`: build the object once in a
// composition root and pass it to whoever needs it.

final class UserService: Sendable {
    let name: String

    init(name: String = "users") { self.name = name }
}

enum Registry {
    static var shared = UserService()
}

func register() -> String {
    Registry.shared.name
}
