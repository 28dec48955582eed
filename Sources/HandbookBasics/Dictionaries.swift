/// Dictionaries: a hashed key-value *value type* whose subscript returns an
/// `Optional`, so a missing key can never pass for a zero.
///
/// ```swift
/// var counts: [Character: Int] = [:]
/// for c in "abracadabra" { counts[c, default: 0] += 1 }
/// counts["a"]   // Optional(5)
/// counts["z"]   // nil, not 0
/// ```
///
/// ## Why interviewers ask this
/// Maps are in every backend service (caches, indexes, counters), and Go's
/// `v := m[k]` silently returns the zero value. Interviewers check that you
/// can tell "absent" from "zero", count idiomatically, build a dictionary
/// from data that may contain duplicate keys without crashing, and know that
/// iteration order is not something to rely on.
///
/// ## Common pitfalls
/// - Reading with `?? 0` everywhere (``quantityGoStyle(of:in:)``): it brings
///   back Go's silent zero and erases the difference between "not stocked"
///   and "sold out". Keep the `Optional`, or model the states (``Stock``).
/// - `Dictionary(uniqueKeysWithValues:)` on data with duplicate keys: it
///   **traps**. Use `Dictionary(_:uniquingKeysWith:)` and say which value wins.
/// - Relying on iteration order. It is unspecified and, because hashing is
///   seeded per process, differs between runs. Sort the keys when order
///   matters (output, tests, cache keys).
/// - Expecting a copy to be an alias, as a Go map is. `var b = a` gives `b`
///   its own (copy-on-write) dictionary.
/// - Sharing one `var` dictionary across tasks: Swift 6 rejects it at compile
///   time; guard it with an actor or a `Mutex` (Concurrency lessons).
///
/// ## Key takeaway
/// `dict[key]` answers "is it there?" with `nil`, `dict[key, default: v]`
/// gives a read-modify-write slot for counters, and the initializers make you
/// choose what happens to duplicate keys. A dictionary is a value; its order
/// is not part of its meaning.
///
/// ## Go → Swift
/// Go's `m[k]` returns the zero value and `v, ok := m[k]` tells you whether
/// the key was there; Swift's subscript does both in one `Optional`. Go's
/// `delete(m, k)` is `removeValue(forKey:)`, which also returns what it
/// removed (or `nil`). Go's `TestMap_ReferenceSemantics` expects a copy to see
/// writes; Swift's dictionary is a value, so the test flips. Go randomises
/// iteration order on purpose; Swift's order is unspecified and seeded.
public enum Dictionaries {
    /// What a warehouse knows about an item: three states that Go's
    /// zero-value read collapses into two.
    public enum Stock: Equatable, Sendable {
        /// The item is not in the inventory at all.
        case notStocked
        /// The item is stocked, and none are left.
        case soldOut
        /// The item is stocked with this many units.
        case available(Int)
    }

    /// The pitfall: reads like Go's `m[k]`, so a missing key looks like a
    /// sold-out one.
    public static func quantityGoStyle(of item: String, in inventory: [String: Int]) -> Int {
        inventory[item] ?? 0
    }

    /// The fix: the `Optional` from the subscript keeps "absent" distinct.
    /// - Complexity: O(1) on average.
    public static func stock(of item: String, in inventory: [String: Int]) -> Stock {
        switch inventory[item] {
        case nil: .notStocked
        case 0?: .soldOut
        case let quantity?: .available(quantity)
        }
    }

    /// Counts each character with the `default:` subscript: one hash lookup
    /// per character, no "if missing then insert 0" branch.
    /// - Complexity: O(n) on average for n characters.
    public static func characterCounts(of text: String) -> [Character: Int] {
        var counts: [Character: Int] = [:]
        for character in text {
            counts[character, default: 0] += 1
        }
        return counts
    }

    /// Builds an index from pairs whose keys the caller promises are unique.
    /// - Precondition: no key appears twice; a duplicate **traps**
    ///   ("Duplicate values for key").
    public static func index(_ pairs: [(String, Int)]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: pairs)
    }

    /// Builds totals from pairs that may repeat a key: the values of a
    /// repeated key are added.
    /// - Complexity: O(n) on average.
    public static func totals(_ pairs: [(String, Int)]) -> [String: Int] {
        Dictionary(pairs, uniquingKeysWith: +)
    }

    /// Groups words by their first character (empty words are skipped).
    /// Each group keeps the words' original order.
    public static func groupedByInitial(_ words: [String]) -> [Character: [String]] {
        Dictionary(grouping: words.filter { !$0.isEmpty }) { $0.first! }
    }

    /// Sets `value` for `key` and reports what was there before: `nil` means
    /// the key was inserted, a value means it was replaced.
    public static func upsert(_ value: Int, for key: String, in dictionary: inout [String: Int]) -> Int? {
        dictionary.updateValue(value, forKey: key)
    }

    /// The keys in a stable order: the only order a caller may rely on.
    /// - Complexity: O(n log n).
    public static func sortedKeys(of dictionary: [String: Int]) -> [String] {
        dictionary.keys.sorted()
    }
}
