import Foundation

/// Whether this test process was built with `--sanitize=thread`.
///
/// ThreadSanitizer learns about synchronisation by intercepting it: pthread
/// mutexes, `NSLock`, Dispatch, atomics. `Synchronization.Mutex` on Linux
/// locks with raw `futex` system calls, which TSan does not intercept, so TSan
/// reports *false* races on data that a `Mutex` protects correctly. Tests that
/// hammer a `Mutex` from several threads use
/// `.disabled(if: ThreadSanitizer.isActive, …)` and say so; the same behaviour
/// is tested under TSan with a lock it can see (`NSLock`, an actor, `Atomic`).
public enum ThreadSanitizer {
    /// `true` when the TSan runtime is linked into this process.
    public static let isActive: Bool = {
        // The runtime exports its entry points; an uninstrumented binary has none.
        let handle = dlopen(nil, RTLD_NOW)
        defer { if let handle { dlclose(handle) } }
        return dlsym(handle, "__tsan_init") != nil
    }()
}
