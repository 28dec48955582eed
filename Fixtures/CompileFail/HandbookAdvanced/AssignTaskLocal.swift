// Must not compile: a task-local is never assigned. Its value is bound for a
// scope with `$requestID.withValue(_:operation:)` and restored when the scope
// ends, so one request can never leak its ID into the next.
enum RequestContext {
    @TaskLocal static var requestID: String?
}

func handle() {
    RequestContext.requestID = "req-42"
}
