/// "Did you mean…?" for mistyped lesson and experiment ids.
public enum Suggestions {
    /// Up to `limit` candidates closest to `input`: ids containing it first,
    /// then by edit distance.
    ///
    /// - Complexity: O(*c* · *n* · *m*) for *c* candidates of length *m*.
    public static func closest(to input: String, in candidates: [String], limit: Int = 3) -> [String] {
        let needle = input.lowercased()
        let scored = candidates.map { candidate -> (String, Int) in
            let lowered = candidate.lowercased()
            let distance = editDistance(needle, lowered)
            return (candidate, lowered.contains(needle) && !needle.isEmpty ? distance - 1000 : distance)
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// Levenshtein distance between two strings, by `Character`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
