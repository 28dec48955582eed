// Must not compile: `some Shape` is ONE concrete type chosen by the function,
// hidden from the caller. Returning a Circle on one path and a Square on
// another needs `any Shape` (a box) or an enum.
protocol Shape {
    func area() -> Double
}

struct Circle: Shape {
    var radius: Double
    func area() -> Double { 3.14159 * radius * radius }
}

struct Square: Shape {
    var side: Double
    func area() -> Double { side * side }
}

func makeShape(round: Bool) -> some Shape {
    if round {
        return Circle(radius: 1)
    }
    return Square(side: 1)
}
