// Must not compile: a noncopyable lease is consumed by release(), so it
// cannot be released (returned to its pool) a second time.
final class Buffer {}

struct Lease: ~Copyable {
    let object: Buffer

    consuming func release() {}

    deinit {}
}

func returnTwice() {
    let lease = Lease(object: Buffer())
    lease.release()
    lease.release()
}
