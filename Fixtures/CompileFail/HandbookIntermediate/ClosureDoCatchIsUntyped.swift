// Must not compile: inside a closure, a plain `do`/`catch` binds `error` as
// `any Error` even though the body only calls a throws(ParseError) function,
// so switching over ParseError's cases fails. Write `do throws(ParseError)`.
enum ParseError: Error {
    case empty
    case notANumber
}

func parse(_ text: String) throws(ParseError) -> Int {
    guard !text.isEmpty else { throw .empty }
    guard let value = Int(text) else { throw .notANumber }
    return value
}

func summaries(_ texts: [String]) -> [String] {
    texts.map { text -> String in
        do {
            return "\(try parse(text))"
        } catch {
            switch error {
            case .empty: return "empty"
            case .notANumber: return "not a number"
            }
        }
    }
}
