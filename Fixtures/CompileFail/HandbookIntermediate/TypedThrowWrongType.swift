// Must not compile: a function declared throws(ParseError) may throw only a
// ParseError. Letting a lower layer's error escape is a type error; the fix
// is to translate it into a case of ParseError (or declare untyped throws).
enum ParseError: Error {
    case empty
}

struct NetworkError: Error {}

func parse(_ text: String) throws(ParseError) -> Int {
    if text.isEmpty { throw .empty }
    throw NetworkError()
}
