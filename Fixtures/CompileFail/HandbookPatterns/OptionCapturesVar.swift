// Functional options lesson: options are `@Sendable`, so one cannot capture
// a `var`. Without that rule the option below would read `port` when it
// runs, not when it was made, and a preset could change under its users.

struct ServerConfig {
    var port = 8080
}

typealias ServerOption = @Sendable (inout ServerConfig) -> Void

func makeOptions() -> [ServerOption] {
    var port = 9090
    let usePort: ServerOption = { $0.port = port }
    port = 0
    return [usePort]
}
