// Must not compile: a mutable static preset is global shared mutable state.
// Go's `var DefaultConfig = Config{…}` can be changed by any package at any
// time; Swift 6 rejects the `static var` and asks for a `let`.
struct ServerConfiguration: Sendable {
    var host = "localhost"
    var port = 8080

    static var production = ServerConfiguration(host: "0.0.0.0", port: 443)
}
