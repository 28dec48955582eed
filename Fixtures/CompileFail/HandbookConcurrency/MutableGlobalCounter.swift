// Must not compile: Go's package-level `var hits int`. A mutable global is
// shared mutable state that any thread could touch, so Swift 6 rejects the
// declaration itself. Use a `let` holding a Sendable owner (Atomic, Mutex,
// actor), isolate it to a global actor, or pass the state in.
var hits = 0

func recordHit() {
    hits += 1
}
