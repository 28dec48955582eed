import Foundation

/// A count-min sketch: approximate counts of every key in a stream, in a
/// fixed d × w grid of counters, never below the true count and above it by
/// at most ε·N with probability 1 − δ.
///
/// ```swift
/// var requests = try CountMinSketch<UInt32>(errorRate: 0.001, failureProbability: 0.01)  // 5 × 2 719 counters
/// try requests.add("client-17")
/// requests.estimate("client-17")      // ≥ the true count, ≤ true + 0.001·N with probability 99 %
///
/// // Who is above 1 000 requests this window, in bounded memory?
/// var hot = try HeavyHitters(threshold: 1_000, capacity: 64, sketch: requests)
/// hot.record("client-17")
/// hot.hitters()                       // every key whose count reached 1 000, while hot.isComplete
/// ```
///
/// ## Why interviewers ask this
/// "Find the top talkers", "rate-limit the heaviest API keys", "which search
/// terms are trending": each counts keys in a stream with more distinct keys
/// than memory. A dictionary of counters grows with the number of keys, and
/// the attacker picks that number: spraying random client IDs (or IPv6
/// addresses) makes one entry per request. A count-min sketch uses
/// d × w counters whatever the number of keys, and its error is bounded in
/// terms of the stream length N. The interviewer wants the update and query,
/// why the minimum, where `e/ε` and `ln(1/δ)` come from, and how to turn
/// counts into a bounded heavy-hitter list.
///
/// ## Common pitfalls
/// - Taking the average or the maximum of the rows. Every row can only
///   overcount (other keys add to the same cell), so each row is an upper
///   bound and the *minimum* is the tightest (experiment
///   `count-min-sketch.estimate-with-max`).
/// - Deriving the d row hashes as `h1 + i·h2`. That is fine for a Bloom
///   filter, but here two keys that agree on `h1` and `h2` modulo w collide
///   in *every* row, with probability about 1/w² instead of 1/w^d.
///   ``doubleHashedColumns(for:width:depth:seed:)`` keeps that pitfall for the
///   tests; the sketch re-mixes one stable 64-bit hash per row instead.
/// - Conservative update done wrong. Raising every cell only up to
///   `estimate + count` (`max(cell, target)`) is never worse than adding to
///   all cells; *setting* the cells to the target lowers cells that other
///   keys had already raised, and their estimates fall below their true
///   counts (experiment `count-min-sketch.conservative-sets-cells`).
/// - Letting a counter wrap. `UInt32` counters overflow after 4.3 billion
///   events, and `&+` turns a heavy hitter into a light one. ``add(_:count:)``
///   throws ``CounterOverflow`` and changes nothing; ``addSaturating(_:count:)``
///   clamps at `Counter.max`. A saturated key's estimate is then only "at
///   least the cap", so size the counters for a window's traffic.
/// - Negative counts. The min estimate's guarantees need every key's true
///   count to stay non-negative (removing what was added is fine in
///   theory; arbitrary signs need the median estimator), and conservative
///   update needs increments only. This type supports increments only, so
///   the count is unsigned: a negative literal does not compile, and
///   converting a negative `Int` traps instead of corrupting the sketch.
/// - One sketch for ever. Rate limiting needs a window: ``HeavyHitters/reset()``
///   (or rotate two sketches) every window, or εN grows without bound.
/// - Forgetting that εN grows with the attacker's traffic too: a flood of
///   distinct keys grows N, and with it the overcount ε·N that any client's
///   estimate may carry. Keep the threshold well above ε·N, or innocent
///   clients are flagged.
///
/// ## Key takeaway
/// d rows of w counters, one hash per row. `add` increments one cell per
/// row; `estimate` is the minimum of those cells. Each row overcounts by the
/// keys sharing its cell, on average at most N/w; with w = ⌈e/ε⌉ Markov's
/// inequality puts the chance of more than εN at 1/e per row, and d =
/// ⌈ln(1/δ)⌉ independent rows push it below δ. Pair the sketch with a small
/// candidate list to report heavy hitters in O(d·w + capacity) memory.
///
/// ## Go → Swift
/// The Go seed has no sketch; it answers the rate-limiting follow-up "what if
/// there are millions of clients?". The code is the same in both languages;
/// Swift's contribution is the generic counter width
/// (`CountMinSketch<UInt8>` saturates at 255, which the tests use) and typed
/// `throws(CounterOverflow)`, where Go's `uint32` would silently wrap.
public struct CountMinSketch<Counter: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable, Hashable {
    /// Parameters that cannot make a working sketch.
    public enum ParameterError: Error, Equatable, CustomStringConvertible {
        case nonPositiveWidth(Int)
        case nonPositiveDepth(Int)
        /// ε must lie strictly between 0 and 1 (NaN included here).
        case errorRateOutOfRange(Double)
        /// δ must lie strictly between 0 and 1 (NaN included here).
        case failureProbabilityOutOfRange(Double)
        /// More than ``CountMinSketch/maximumCounterCount`` counters.
        case sketchTooLarge(counters: Double)

        public var description: String {
            switch self {
            case .nonPositiveWidth(let width): "the width must be positive, got \(width)"
            case .nonPositiveDepth(let depth): "the depth must be positive, got \(depth)"
            case .errorRateOutOfRange(let rate): "the error rate ε must be strictly between 0 and 1, got \(rate)"
            case .failureProbabilityOutOfRange(let probability):
                "the failure probability δ must be strictly between 0 and 1, got \(probability)"
            case .sketchTooLarge(let counters):
                "the sketch would need \(counters) counters, more than \(CountMinSketch.maximumCounterCount)"
            }
        }
    }

    /// An ``add(_:count:)`` that would have pushed a counter past `Counter.max`.
    /// The sketch is unchanged.
    public struct CounterOverflow: Error, Equatable, CustomStringConvertible {
        public let key: String
        public let count: Counter

        public init(key: String, count: Counter) {
            self.key = key
            self.count = count
        }

        public var description: String {
            "adding \(count) to \"\(key)\" would overflow a \(Counter.self) counter (max \(Counter.max))"
        }
    }

    /// How ``add(_:count:)`` updates the d cells of a key.
    public enum UpdateRule: Sendable, Hashable {
        /// Add `count` to every cell.
        case plain
        /// Raise each cell only to `estimate + count`: the smallest change
        /// that keeps every cell an upper bound. Never a worse estimate than
        /// `.plain` for any key.
        case conservative
    }

    /// A sanity cap on d × w: 2³² counters.
    public static var maximumCounterCount: Int { 1 << 32 }

    /// w: counters per row.
    public let width: Int
    /// d: rows, one hash function each.
    public let depth: Int
    public let seed: UInt64
    public let updateRule: UpdateRule
    /// N: the sum of all counts added (saturating at `UInt64.max`).
    public private(set) var totalCount: UInt64 = 0
    /// Row-major: row r, column c is `counters[r * width + c]`.
    private var counters: [Counter]

    /// An empty sketch of `depth` rows of `width` counters.
    ///
    /// - Throws: ``ParameterError`` for a width or depth below 1 or more than
    ///   ``maximumCounterCount`` counters.
    /// - Complexity: O(d·w) to allocate the counters.
    public init(width: Int, depth: Int, seed: UInt64 = 0, updateRule: UpdateRule = .plain) throws(ParameterError) {
        guard width >= 1 else { throw .nonPositiveWidth(width) }
        guard depth >= 1 else { throw .nonPositiveDepth(depth) }
        let (cells, overflow) = width.multipliedReportingOverflow(by: depth)
        guard !overflow, cells <= Self.maximumCounterCount else {
            throw .sketchTooLarge(counters: Double(width) * Double(depth))
        }
        self.width = width
        self.depth = depth
        self.seed = seed
        self.updateRule = updateRule
        counters = Array(repeating: 0, count: cells)
    }

    /// An empty sketch whose estimates exceed the true count by more than
    /// `errorRate`·N with probability at most `failureProbability`.
    ///
    /// - Throws: ``ParameterError`` (see ``dimensions(errorRate:failureProbability:)``).
    public init(
        errorRate: Double, failureProbability: Double, seed: UInt64 = 0, updateRule: UpdateRule = .plain
    ) throws(ParameterError) {
        let (width, depth) = try Self.dimensions(errorRate: errorRate, failureProbability: failureProbability)
        try self.init(width: width, depth: depth, seed: seed, updateRule: updateRule)
    }

    /// w = ⌈e/ε⌉ and d = ⌈ln(1/δ)⌉.
    ///
    /// - Throws: ``ParameterError`` for ε or δ outside the open interval
    ///   (0, 1), or a sketch above ``maximumCounterCount``.
    public static func dimensions(
        errorRate: Double, failureProbability: Double
    ) throws(ParameterError) -> (width: Int, depth: Int) {
        // Written so that NaN fails the checks too.
        guard errorRate > 0, errorRate < 1 else { throw .errorRateOutOfRange(errorRate) }
        guard failureProbability > 0, failureProbability < 1 else {
            throw .failureProbabilityOutOfRange(failureProbability)
        }
        let width = (exp(1.0) / errorRate).rounded(.up)
        let depth = max(1, log(1 / failureProbability).rounded(.up))
        // Compared as Doubles: converting a huge value to Int first would trap.
        guard width * depth <= Double(maximumCounterCount) else { throw .sketchTooLarge(counters: width * depth) }
        return (Int(width), Int(depth))
    }

    /// The overestimate that holds with probability 1 − e^(−d) per key: e/w · N.
    public var errorBound: Double { exp(1.0) / Double(width) * Double(totalCount) }

    /// d × w: the memory, whatever the number of distinct keys.
    public var counterCount: Int { counters.count }

    /// Adds `count` occurrences of `key`.
    ///
    /// - Throws: ``CounterOverflow`` if a counter would pass `Counter.max`;
    ///   nothing is changed then.
    /// - Complexity: O(d + length of `key`).
    public mutating func add(_ key: String, count: Counter = 1) throws(CounterOverflow) {
        let cells = cells(for: key)
        switch updateRule {
        case .plain:
            for cell in cells where counters[cell] > Counter.max - count {
                throw CounterOverflow(key: key, count: count)
            }
            for cell in cells { counters[cell] += count }
        case .conservative:
            let (target, overflow) = estimate(cells: cells).addingReportingOverflow(count)
            if overflow { throw CounterOverflow(key: key, count: count) }
            raise(cells, to: target)
        }
        totalCount = Self.saturatingSum(totalCount, UInt64(count))
    }

    /// Adds `count` occurrences of `key`, clamping counters at `Counter.max`.
    ///
    /// A key whose every cell has saturated has an estimate of `Counter.max`,
    /// which then means "at least this much", not an upper bound.
    ///
    /// - Complexity: O(d + length of `key`).
    public mutating func addSaturating(_ key: String, count: Counter = 1) {
        addSaturating(cells: cells(for: key), count: count)
    }

    /// The estimated count of `key`: the minimum of its d cells. Never below
    /// the true count (unless counters saturated).
    ///
    /// - Complexity: O(d + length of `key`).
    public func estimate(_ key: String) -> Counter {
        estimate(cells: cells(for: key))
    }

    /// The column of `key` in each of the d rows.
    ///
    /// Each row re-mixes the key's one stable hash with its own constant, so
    /// rows behave like independent hash functions at the cost of one pass
    /// over the key's bytes.
    public func columns(for key: String) -> [Int] {
        let hash = BloomFilter.stableHash(key, seed: seed)
        return (0..<depth).map { row in column(of: hash, row: row) }
    }

    private func column(of hash: UInt64, row: Int) -> Int {
        Int(BloomFilter.fmix64(hash &+ UInt64(row + 1) &* 0x9E37_79B9_7F4A_7C15) % UInt64(width))
    }

    /// The pitfall: the d columns as `(h1 + i·h2) mod w` from one hash. Two
    /// keys that agree on `h1 mod w` and `h2 mod w` (probability about 1/w²)
    /// collide in every row.
    public static func doubleHashedColumns(for key: String, width: Int, depth: Int, seed: UInt64 = 0) -> [Int] {
        let hash = BloomFilter.stableHash(key, seed: seed)
        let w = UInt64(width)
        let (first, step) = (hash % w, BloomFilter.fmix64(hash ^ 0x9E37_79B9_7F4A_7C15) % w)
        return (0..<UInt64(depth)).map { row in Int((first + row * step) % w) }
    }

    /// Clears every counter: the start of a new window.
    public mutating func reset() {
        for index in counters.indices { counters[index] = 0 }
        totalCount = 0
    }

    // MARK: - Cell arithmetic, shared with HeavyHitters

    /// The key's cell in each row, as indices into `counters`.
    func cells(for key: String) -> [Int] {
        let hash = BloomFilter.stableHash(key, seed: seed)
        var cells: [Int] = []
        cells.reserveCapacity(depth)
        for row in 0..<depth { cells.append(row * width + column(of: hash, row: row)) }
        return cells
    }

    func estimate(cells: [Int]) -> Counter {
        // Every row can only overcount, so the smallest cell is the tightest bound.
        cells.lazy.map { counters[$0] }.min() ?? 0
    }

    mutating func addSaturating(cells: [Int], count: Counter) {
        switch updateRule {
        case .plain:
            for cell in cells {
                let (sum, overflow) = counters[cell].addingReportingOverflow(count)
                counters[cell] = overflow ? Counter.max : sum
            }
        case .conservative:
            let (target, overflow) = estimate(cells: cells).addingReportingOverflow(count)
            raise(cells, to: overflow ? Counter.max : target)
        }
        totalCount = Self.saturatingSum(totalCount, UInt64(count))
    }

    /// Conservative update: a cell already above `target` holds other keys'
    /// counts too, so it must keep them.
    private mutating func raise(_ cells: [Int], to target: Counter) {
        for cell in cells { counters[cell] = max(counters[cell], target) }
    }

    private static func saturatingSum(_ lhs: UInt64, _ rhs: UInt64) -> UInt64 {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? .max : sum
    }
}

/// The keys of a stream whose count reached a threshold, found with a
/// ``CountMinSketch`` and at most `capacity` candidates: bounded memory
/// however many distinct keys an attacker sprays.
///
/// A key becomes a candidate when its estimate reaches `threshold`. Because
/// estimates never undercount, every key whose true count reaches the
/// threshold becomes a candidate at that moment; it can then only be lost by
/// eviction, when more than `capacity` keys are candidates at once, which
/// ``isComplete`` reports. While `isComplete` is true there are no false
/// negatives; false positives are keys whose estimate, not true count,
/// reached the threshold.
public struct HeavyHitters<Counter: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    /// Why a heavy-hitter tracker could not be built.
    public enum ParameterError: Error, Equatable, CustomStringConvertible {
        case nonPositiveThreshold
        case nonPositiveCapacity(Int)

        public var description: String {
            switch self {
            case .nonPositiveThreshold: "the threshold must be positive"
            case .nonPositiveCapacity(let capacity): "the capacity must be positive, got \(capacity)"
            }
        }
    }

    public let threshold: Counter
    public let capacity: Int
    public private(set) var sketch: CountMinSketch<Counter>
    /// Each candidate's estimate when it was last seen: used only to pick
    /// the eviction victim, so a stale (lower) value is harmless.
    private var candidates: [String: Counter] = [:]
    /// Keys evicted while at or above the threshold since the last reset.
    public private(set) var evictedCandidates = 0

    /// - Parameter sketch: the sketch to count with (usually empty).
    /// - Throws: ``ParameterError`` for a zero threshold or a capacity below 1.
    public init(threshold: Counter, capacity: Int, sketch: CountMinSketch<Counter>) throws(ParameterError) {
        guard threshold > 0 else { throw .nonPositiveThreshold }
        guard capacity >= 1 else { throw .nonPositiveCapacity(capacity) }
        self.threshold = threshold
        self.capacity = capacity
        self.sketch = sketch
    }

    /// Counts one event of `key` (saturating) and updates the candidates.
    ///
    /// - Complexity: O(d + length of `key`), plus O(capacity) for the rare
    ///   eviction.
    public mutating func record(_ key: String, count: Counter = 1) {
        let cells = sketch.cells(for: key)
        sketch.addSaturating(cells: cells, count: count)
        let estimate = sketch.estimate(cells: cells)
        guard estimate >= threshold else { return }
        candidates[key] = estimate
        if candidates.count > capacity {
            // Linear scan: capacity is small, and this runs only when a new
            // key crosses the threshold with the list full. Ties break by key
            // so the result does not depend on dictionary order.
            let victim = candidates.min { ($0.value, $0.key) < ($1.value, $1.key) }!.key
            candidates[victim] = nil
            evictedCandidates += 1
        }
    }

    /// `true` while no candidate has been evicted: every key whose true count
    /// reached the threshold is then in ``hitters()``.
    public var isComplete: Bool { evictedCandidates == 0 }

    /// How many candidates are kept: never more than `capacity`.
    public var candidateCount: Int { candidates.count }

    /// The candidates with their current estimates, highest first.
    ///
    /// - Complexity: O(capacity · (d + log capacity)).
    public func hitters() -> [(key: String, estimate: Counter)] {
        candidates.keys.map { ($0, sketch.estimate($0)) }
            .sorted { ($0.estimate, $1.key) > ($1.estimate, $0.key) }
    }

    /// Starts a new window: clears the sketch and the candidates.
    public mutating func reset() {
        sketch.reset()
        candidates.removeAll()
        evictedCandidates = 0
    }
}
