// Must not compile: Go's `Min[T comparable]` compiled and always returned `a`,
// because `comparable` only offers ==. Swift's `Equatable` only offers == too,
// and the compiler refuses `<` until the constraint says `Comparable`.
func minimum<T: Equatable>(_ a: T, _ b: T) -> T {
    a < b ? a : b
}
