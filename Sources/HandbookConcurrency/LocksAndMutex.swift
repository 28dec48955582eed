import Foundation
import Synchronization

/// Locks in Swift 6: `Synchronization.Mutex`, a reader-writer lock built on
/// `pthread_rwlock_t`, lock ordering, and `NSLock` for comparison.
///
/// ```swift
/// final class Hits: Sendable {
///     private let count = Mutex(0)               // the lock *owns* the value it protects
///     func record() { count.withLock { $0 += 1 } }
///     var total: Int { count.withLock { $0 } }
/// }
/// ```
///
/// ## Why interviewers ask this
/// Mutual exclusion is the first answer to a data race, and the follow-ups
/// separate people who have used locks from people who have read about them:
/// Mutex or actor? Can you hold a lock across an `await`? Is it re-entrant?
/// Where is the RWMutex? How do two locks deadlock, and how do you make that
/// impossible? Swift 6 also checks at compile time that a lock is *shared*
/// correctly, so you must know where a `Mutex` may live.
///
/// ## Common pitfalls
/// - Declaring a `Mutex` as a local `let` and capturing it in `addTask`: it is
///   `~Copyable`, so the closure would capture a *reference to a local*, and
///   Swift 6 rejects it ("closure captures reference to mutable let"). Store
///   it in a `final class …: Sendable` or a global `let` (``Counter``).
/// - Trying to `await` inside `withLock`. The closure is synchronous on
///   purpose: a lock held across a suspension would be held by a *task* that
///   may resume on another thread, while other tasks block cooperative threads
///   waiting for it. Do the async work outside, then lock, check, mutate.
/// - Calling a locking method from inside `withLock` on the same Mutex
///   (``Counter/incrementReentrantly(ifBelow:)``). `Mutex` is not recursive:
///   it traps with "Recursive call to lock Mutex" (on Darwin, where `Mutex`
///   is an `os_unfair_lock`, it aborts with "Trying to recursively lock an
///   os_unfair_lock"; either way, no deadlock to wait for).
/// - Taking two locks in a different order on two threads (``transferLockingInArgumentOrder(_:from:to:whileHoldingFirstLock:)``):
///   each holds one and waits for the other forever. Fix: one global order
///   (``transfer(_:from:to:)`` locks the lower account id first). On Linux
///   you are told, sort of: `Mutex` uses a priority-inheritance futex, the
///   kernel detects the cycle (`EDEADLK`) and Swift traps with the same
///   "Recursive call to lock Mutex" message as for re-entry. On Darwin the
///   threads just hang.
/// - Reaching for a reader-writer lock by default. It only pays when reads
///   are long and frequent; otherwise a plain `Mutex` is cheaper (an RW lock's
///   bookkeeping is itself contended) and cannot starve writers. glibc's
///   default `pthread_rwlock_t` (the one ``ReadWriteLock`` wraps) prefers
///   readers, so a steady stream of reads can keep a writer waiting forever.
///
/// ## Key takeaway
/// `Mutex<Value>` owns its value: the only way to touch the value is
/// `withLock { value in … }`, so "forgot to lock" cannot compile. Keep the
/// critical section short and synchronous, never re-enter it, order nested
/// locks globally, and prefer an actor when the protected work must `await`.
///
/// ## Go → Swift
/// Go's `mutex.go` pairs a `sync.Mutex` with the fields it protects by
/// convention (`mu.Lock(); defer mu.Unlock()`), has an `RWMutex`, and leaves
/// the deadlock commented out. Swift's `Mutex` (Synchronization, Swift 6)
/// wraps the data so the pairing is enforced; there is no stdlib RW lock
/// (``ReadWriteLock`` wraps `pthread_rwlock_t`); a zero-value mutex does not
/// exist (you construct it with its value). The deadlock runs here in a child
/// process (where Linux turns it into a trap, and a watchdog covers other platforms). Server code often uses NIO's
/// `NIOLockedValueBox`, the same "lock owns the value" idea on older toolchains.
public enum LocksAndMutex {
    /// A counter whose value lives inside a `Mutex`: Go's `Counter`, made
    /// impossible to touch without the lock.
    ///
    /// It is a `final class` because a `Mutex` is `~Copyable` and must be
    /// shared by reference; `Sendable` is checked by the compiler (the only
    /// stored property is a `Mutex`, which is `Sendable`).
    public final class Counter: Sendable {
        private let value: Mutex<Int>

        public init(_ initial: Int = 0) {
            value = Mutex(initial)
        }

        /// The current count.
        public var count: Int { value.withLock { $0 } }

        /// Adds one. Safe from any number of threads or tasks at once.
        public func increment() {
            value.withLock { $0 += 1 }
        }

        /// Adds one only if the lock is free right now; returns whether it did.
        ///
        /// `withLockIfAvailable` never waits: it is for "skip this round if
        /// someone else is busy" (a metrics flush, a cache refresh).
        public func tryIncrement() -> Bool {
            value.withLockIfAvailable { $0 += 1 } != nil
        }

        /// Runs `body` while holding the lock, so other threads can observe
        /// contention. `body` must not touch this counter: the lock is not recursive.
        public func holdingLock(_ body: () -> Void) {
            value.withLock { _ in body() }
        }

        /// Adds one if the count is below `limit`, as a single critical
        /// section (check and act under one lock); returns whether it did.
        public func increment(ifBelow limit: Int) -> Bool {
            value.withLock { value in
                guard value < limit else { return false }
                value += 1
                return true
            }
        }

        /// The pitfall: reads ``count`` (which takes the lock) while already
        /// holding it. `Mutex` is not recursive, so this traps with
        /// "Recursive call to lock Mutex".
        public func incrementReentrantly(ifBelow limit: Int) -> Bool {
            value.withLock { value in
                guard count < limit else { return false }
                value += 1
                return true
            }
        }
    }

    /// Go's `SafeMap`: a dictionary that many tasks update at once.
    public final class WordCounts: Sendable {
        private let counts = Mutex<[String: Int]>([:])

        public init() {}

        /// Adds `count` occurrences of `word`.
        public func add(_ word: String, count: Int = 1) {
            counts.withLock { $0[word, default: 0] += count }
        }

        /// Occurrences of `word` so far (0 if never added).
        public subscript(word: String) -> Int {
            counts.withLock { $0[word, default: 0] }
        }

        /// A copy of the whole map, taken under the lock.
        public var snapshot: [String: Int] { counts.withLock { $0 } }
    }

    /// A reader-writer lock around a value: many readers at once, or one writer.
    ///
    /// There is none in the standard library; this wraps POSIX
    /// `pthread_rwlock_t`. The lock must sit at a stable address (pthread
    /// objects must not move), so it is allocated once and owned by the class.
    ///
    /// `@unchecked Sendable` is honest here and only here: the compiler cannot
    /// see that `value` is only read under the read lock and only written
    /// under the write lock; this class is the place that guarantees it.
    /// `Value: Sendable` because readers on different threads see the same value.
    public final class ReadWriteLock<Value: Sendable>: @unchecked Sendable {
        private let lock: UnsafeMutablePointer<pthread_rwlock_t>
        private var value: Value

        public init(_ value: Value) {
            self.value = value
            lock = .allocate(capacity: 1)
            lock.initialize(to: pthread_rwlock_t())
            let status = pthread_rwlock_init(lock, nil)
            precondition(status == 0, "pthread_rwlock_init failed with \(status)")
        }

        deinit {
            pthread_rwlock_destroy(lock)
            lock.deinitialize(count: 1)
            lock.deallocate()
        }

        /// Runs `body` with shared access; other readers may run at the same time.
        public func read<Result>(_ body: (Value) throws -> Result) rethrows -> Result {
            pthread_rwlock_rdlock(lock)
            defer { pthread_rwlock_unlock(lock) }
            return try body(value)
        }

        /// Runs `body` with exclusive access: no reader or other writer runs meanwhile.
        public func write<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
            pthread_rwlock_wrlock(lock)
            defer { pthread_rwlock_unlock(lock) }
            return try body(&value)
        }

        /// ``read(_:)`` if no writer holds the lock right now, otherwise `nil` without waiting.
        public func tryRead<Result>(_ body: (Value) throws -> Result) rethrows -> Result? {
            guard pthread_rwlock_tryrdlock(lock) == 0 else { return nil }
            defer { pthread_rwlock_unlock(lock) }
            return try body(value)
        }

        /// ``write(_:)`` if nobody holds the lock right now, otherwise `nil` without waiting.
        public func tryWrite<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result? {
            guard pthread_rwlock_trywrlock(lock) == 0 else { return nil }
            defer { pthread_rwlock_unlock(lock) }
            return try body(&value)
        }
    }

    /// A bank account with its own lock, for the lock-ordering lesson.
    public final class Account: Sendable {
        /// The global lock order: lower ids are locked first.
        public let id: Int
        fileprivate let balance: Mutex<Int>

        public init(id: Int, balance: Int) {
            self.id = id
            self.balance = Mutex(balance)
        }

        /// The current balance.
        public var currentBalance: Int { balance.withLock { $0 } }
    }

    /// The pitfall: locks `from`, then `to`. Run `transfer(a → b)` and
    /// `transfer(b → a)` on two threads and each can hold its first lock while
    /// waiting for the other's: a deadlock that no timeout ends (on Linux the
    /// kernel notices the cycle and the `Mutex` traps instead).
    ///
    /// - Parameter whileHoldingFirstLock: called between the two locks, so a
    ///   test can make the fatal interleaving happen every time.
    public static func transferLockingInArgumentOrder(
        _ amount: Int, from: Account, to: Account, whileHoldingFirstLock: () -> Void = {}
    ) {
        from.balance.withLock { fromBalance in
            whileHoldingFirstLock()
            to.balance.withLock { toBalance in
                fromBalance -= amount
                toBalance += amount
            }
        }
    }

    /// The fix: both locks are always taken in the same global order (by
    /// account id), so no thread can hold the second lock while waiting for
    /// the first, and no cycle of waiters can form.
    ///
    /// - Precondition: `from` and `to` are different accounts (locking one
    ///   `Mutex` twice traps).
    public static func transfer(_ amount: Int, from: Account, to: Account) {
        precondition(from.id != to.id, "cannot transfer from account \(from.id) to itself")
        let (first, second) = from.id < to.id ? (from, to) : (to, from)
        let firstPays = first === from
        first.balance.withLock { firstBalance in
            second.balance.withLock { secondBalance in
                firstBalance += firstPays ? -amount : amount
                secondBalance += firstPays ? amount : -amount
            }
        }
    }

    /// Go's `Counter` written the pre-`Mutex` way, with Foundation's `NSLock`
    /// (a pthread mutex), for comparison.
    ///
    /// Nothing ties `value` to `lock`: every access must remember
    /// `lock()`/`unlock()` (or `withLock`), and the compiler cannot check it.
    /// That is why this class needs `@unchecked Sendable`, the promise
    /// ``Counter`` never has to make. `NSLock` still has its uses: it works on
    /// every deployment target, and `NSRecursiveLock` *is* re-entrant.
    public final class NSLockCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        public init() {}

        /// The current count.
        public var count: Int { lock.withLock { value } }

        /// Adds one.
        public func increment() {
            lock.lock()
            defer { lock.unlock() }
            value += 1
        }
    }
}
