// Must not compile: slicing a String gives a Substring, which shares (and
// keeps alive) the whole original. Storing it needs an explicit String(...).
struct Request {
    var method: String
}

func parse(_ line: String) -> Request {
    let method = line.split(separator: " ")[0]
    return Request(method: method)
}
