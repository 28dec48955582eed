// Functional options lesson: Go's `WithTimeout(5)` compiles and means five
// NANOSECONDS, because `time.Duration` is an int64 count of nanoseconds.
// Swift's `Duration` has no integer literals: the unit must be spelled.

struct ServerConfig {
    var timeout: Duration = .seconds(30)
}

typealias ServerOption = @Sendable (inout ServerConfig) -> Void

func withTimeout(_ timeout: Duration) -> ServerOption {
    { $0.timeout = timeout }
}

let fiveWhat = withTimeout(5)
