// The token-bucket rate limiter's hot path, `allow()`: one decision for one
// key. Each iteration makes 10 000 decisions, so per-decision cost is the
// iteration's time / 10 000 (`./compare` divides it out).
import Benchmark
import Dispatch
import HandbookBenchmarkSupport
import HandbookSystemDesign

let decisions = 10_000
/// A bucket that never runs dry during a run, so every decision takes the
/// same (allowing) path on both sides of a comparison.
func roomyBucket() -> TokenBucket {
    try! TokenBucket(capacity: 1_000_000_000, refill: 1_000_000_000, per: .seconds(1))
}
func roomyNanosecondBucket() -> NanosecondTokenBucket {
    try! NanosecondTokenBucket(capacity: 1_000_000_000, refill: 1_000_000_000, per: .seconds(1))
}
/// On the monotonic clock read directly (the limiter's default).
func nanosecondLimiter() -> NanosecondKeyedRateLimiter {
    try! NanosecondKeyedRateLimiter(template: roomyNanosecondBucket())
}
func lockedLimiter() -> LockedKeyedRateLimiter<TokenBucket, ContinuousClock> {
    try! LockedKeyedRateLimiter(template: roomyBucket(), clock: ContinuousClock())
}

let benchmarks: @Sendable () -> Void = {
    BenchmarkRun.configureDefaults(maxDuration: .seconds(1))

    // MARK: Uncontended: one caller

    Benchmark("TokenBucket allow() ×10k uncontended · ours TokenBucket value (no lock, no key)") { _ in
        var bucket = roomyBucket()
        var now = Duration.zero
        for _ in 0..<decisions {
            now += .microseconds(1)
            blackHole(bucket.tryAcquire(cost: 1, at: now).isAllowed)
        }
    }

    Benchmark("TokenBucket allow() ×10k uncontended · ours NanosecondTokenBucket value (no lock, no key)") { _ in
        var bucket = roomyNanosecondBucket()
        var now = 0
        for _ in 0..<decisions {
            now += 1_000
            blackHole(bucket.tryAcquire(cost: 1, atNanoseconds: now))
        }
    }

    Benchmark("TokenBucket allow() ×10k uncontended · ours NanosecondKeyedRateLimiter") { _ in
        let limiter = nanosecondLimiter()
        for _ in 0..<decisions {
            blackHole(try! limiter.allow(key: "client-42"))
        }
    }

    Benchmark("TokenBucket allow() ×10k uncontended · ours NanosecondKeyedRateLimiter on ContinuousClock") { _ in
        let limiter = try! NanosecondKeyedRateLimiter(template: roomyNanosecondBucket(), clock: ContinuousClock())
        for _ in 0..<decisions {
            blackHole(try! limiter.allow(key: "client-42"))
        }
    }

    Benchmark("TokenBucket allow() ×10k uncontended · ours LockedKeyedRateLimiter") { _ in
        let limiter = lockedLimiter()
        for _ in 0..<decisions {
            blackHole(try! limiter.tryAcquire(key: "client-42").isAllowed)
        }
    }

    Benchmark("TokenBucket allow() ×10k uncontended · ours KeyedRateLimiter actor") { _ in
        let limiter = try! KeyedRateLimiter(template: roomyBucket(), clock: ContinuousClock())
        for _ in 0..<decisions {
            blackHole(try! await limiter.acquire(key: "client-42", cost: 1).isAllowed)
        }
    }

    // MARK: Contended: two callers, one key (the machine has 2 cores)

    Benchmark("TokenBucket allow() ×10k contended (2 threads) · ours LockedKeyedRateLimiter") { _ in
        let limiter = lockedLimiter()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            for _ in 0..<(decisions / 2) {
                blackHole(try! limiter.tryAcquire(key: "client-42").isAllowed)
            }
        }
    }

    Benchmark("TokenBucket allow() ×10k contended (2 threads) · ours NanosecondKeyedRateLimiter") { _ in
        let limiter = nanosecondLimiter()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            for _ in 0..<(decisions / 2) {
                blackHole(try! limiter.allow(key: "client-42"))
            }
        }
    }

    Benchmark("TokenBucket allow() ×10k contended (2 tasks) · ours KeyedRateLimiter actor") { _ in
        let limiter = try! KeyedRateLimiter(template: roomyBucket(), clock: ContinuousClock())
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    for _ in 0..<(decisions / 2) {
                        blackHole(try! await limiter.acquire(key: "client-42", cost: 1).isAllowed)
                    }
                }
            }
        }
    }
}
