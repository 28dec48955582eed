// Must not compile: a mutating method (Go's pointer receiver) replaces the
// value of a variable, and a `let` constant cannot be replaced.
struct Person {
    var age = 0

    mutating func updateAge(to newAge: Int) {
        age = newAge
    }
}

func celebrate() {
    let person = Person()
    person.updateAge(to: 31)
}
