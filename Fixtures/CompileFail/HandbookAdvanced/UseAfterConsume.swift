// Must not compile: `consume` ends a binding's lifetime, even for a copyable
// value, so reading it afterwards is rejected instead of silently copying.
func handOff(_ names: consuming [String]) -> Int {
    names.count
}

func useAfterConsume() -> Int {
    let names = ["a", "b"]
    let count = handOff(consume names)
    return count + names.count
}
