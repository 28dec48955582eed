// Must not compile: Go's value-receiver bug. `func (p Person) SetAge(a int)`
// compiles in Go and silently changes a copy; in Swift a non-mutating method
// cannot assign to a stored property at all.
struct Person {
    var age = 0

    func setAge(_ newAge: Int) {
        age = newAge
    }
}
