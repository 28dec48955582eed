import Foundation

/// A value behind a lock, for the test helpers' shared state.
///
/// Why not `Synchronization.Mutex`? On Linux with Swift 6.3.1,
/// ThreadSanitizer does not see `Mutex`'s futex-based locking: eight tasks
/// updating a `Mutex<[Int: Int]>` report a "Swift access race" on every run
/// although every access holds the lock. `NSLock` is a pthread mutex, which
/// TSan intercepts, so helpers built on it keep `swift test
/// --sanitize=thread` free of false reports. Lesson code keeps teaching
/// `Mutex`; only the test infrastructure, which every TSan run exercises,
/// pays for this workaround.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    // @unchecked is sound: `value` is only touched while `lock` is held.
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
