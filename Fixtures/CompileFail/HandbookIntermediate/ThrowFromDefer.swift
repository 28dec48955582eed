// Must not compile: a defer body runs while its scope is already exiting,
// perhaps because an error is already on its way out, so it has nowhere to
// throw to. Go's deferred closure can overwrite a named `err` result; Swift
// makes the cleanup handle its own failure (or wrap with do/catch instead).
struct FlushFailed: Error {}

func flush() throws {
    throw FlushFailed()
}

func save(_ lines: [String]) throws -> Int {
    defer {
        try flush()
    }
    return lines.count
}
