import Foundation
import Synchronization

/// An exclusive advisory lock on a file (`flock(2)`), held from `init` until
/// ``release()``. The kernel drops it with the descriptor, so a process that
/// dies, even by `kill -9`, never leaves it behind: no stale lock files to
/// clean up, unlike a "pid file".
///
/// SQLite mode relies on it: start-up recovery treats every pending order as
/// orphaned, which is only true if no other process serves from the file.
final class ExclusiveFileLock: Sendable {
    /// Another process (or another open in this one) holds the lock.
    struct Held: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is held by another process" }
    }

    /// The open descriptor, or -1 once released.
    private let descriptor: Mutex<Int32>

    /// - Throws: ``Held`` if the lock is taken; a `POSIXError` if the file cannot be opened.
    init(path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let error = errno
            close(descriptor)
            if error == EWOULDBLOCK { throw Held(path: path) }
            throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO)
        }
        self.descriptor = Mutex(descriptor)
    }

    /// Releases the lock; later calls do nothing.
    func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            // Unlock before closing: the lock belongs to the open file
            // description, which a child forked by another thread shares
            // until it execs, so close alone could leave it held for that
            // moment (seen once in a test run with many exit tests).
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }
}
