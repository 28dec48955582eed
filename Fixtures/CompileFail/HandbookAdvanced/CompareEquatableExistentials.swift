// Must not compile: `==` needs both sides to have the SAME concrete type, and
// two `any Equatable` boxes may hold different ones. Open the existential
// with a generic helper and cast the other side (see `isEqual(_:_:)`).
func same(_ a: any Equatable, _ b: any Equatable) -> Bool {
    a == b
}
