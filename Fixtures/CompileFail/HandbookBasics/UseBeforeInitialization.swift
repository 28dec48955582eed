// Must not compile: Swift has no zero values. Go's `var port int` is silently
// 0; in Swift a variable that some path leaves unassigned cannot be read.
func configuredPort(fromEnvironment: Bool) -> Int {
    var port: Int
    if fromEnvironment {
        port = 8080
    }
    return port
}
