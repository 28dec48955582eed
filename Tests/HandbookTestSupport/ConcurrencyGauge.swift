import Synchronization

/// Counts how many pieces of work are in flight and remembers the peak.
///
/// Use it to *assert* a concurrency bound ("never more than 4 at once") instead
/// of claiming it in prose.
public final class ConcurrencyGauge: Sendable {
    private let current = Atomic(0)
    private let peakValue = Atomic(0)

    public init() {}

    /// Marks one piece of work as started.
    public func enter() {
        let now = current.add(1, ordering: .sequentiallyConsistent).newValue
        var peak = peakValue.load(ordering: .relaxed)
        while now > peak {
            let (exchanged, original) = peakValue.compareExchange(
                expected: peak, desired: now, ordering: .sequentiallyConsistent)
            if exchanged { break }
            peak = original
        }
    }

    /// Marks one piece of work as finished.
    public func leave() {
        current.subtract(1, ordering: .sequentiallyConsistent)
    }

    /// Work in flight right now.
    public var inFlight: Int { current.load(ordering: .sequentiallyConsistent) }

    /// The highest number of pieces of work ever in flight at once.
    public var peak: Int { peakValue.load(ordering: .sequentiallyConsistent) }
}
