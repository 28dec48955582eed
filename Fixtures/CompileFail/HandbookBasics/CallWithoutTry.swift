// Must not compile: a Go caller may ignore the returned error; a Swift caller
// must mark a throwing call with `try` and either handle or propagate it.
struct DivisionByZero: Error {}

func divide(_ dividend: Double, _ divisor: Double) throws -> Double {
    guard divisor != 0 else { throw DivisionByZero() }
    return dividend / divisor
}

func half(_ value: Double) -> Double {
    divide(value, 2)
}
