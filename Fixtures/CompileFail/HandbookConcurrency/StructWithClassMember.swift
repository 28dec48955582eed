// Must not compile: a struct is Sendable only when every stored property is.
// `Settings` holds a mutable class, so two tasks sharing a copy would share
// the `Cache` object, and the implicit conformance is not inferred.
// Fix: make the member Sendable (a final class with `let`s, or a Mutex).
final class Cache {
    var entries: [String: Int] = [:]
}

struct Settings {
    let name: String
    let cache: Cache
}

func share(_ value: some Sendable) {}

func publish(_ settings: Settings) {
    share(settings)
}
