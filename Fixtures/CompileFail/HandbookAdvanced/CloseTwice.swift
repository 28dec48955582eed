// Must not compile: a noncopyable handle has one owner, and `close()` takes
// it, so the second close is a use of a value that no longer exists. The
// class-based handle of the lesson accepts the same code and closes twice.
struct Handle: ~Copyable {
    let descriptor: Int32

    deinit {}

    consuming func close() {
        discard self
    }
}

func closeTwice() {
    let handle = Handle(descriptor: 3)
    handle.close()
    handle.close()
}
