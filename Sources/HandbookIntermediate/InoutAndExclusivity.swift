/// `inout` and the law of exclusivity: while one access writes a variable, no
/// other access to it may overlap, and Swift checks this at compile time where
/// it can and at run time (a trap) where it cannot.
///
/// ```swift
/// var numbers = [1, 2, 3]
/// // swap(&numbers[0], &numbers[1])   // error: overlapping accesses to 'numbers'
/// numbers.swapAt(0, 1)                // [2, 1, 3]
/// ```
///
/// ## Why interviewers ask this
/// Exclusivity is what lets Swift keep value semantics and still mutate in
/// place without copies, and it is why some innocent-looking code does not
/// compile or crashes in production with "Simultaneous accesses". The
/// interviewer wants you to explain what an *access* is (an `inout` argument,
/// a `mutating` call, an assignment), why `inout` is copy-in/copy-out rather
/// than a pointer, and why the check moves to run time for class properties,
/// globals and escaping closures.
///
/// ## Common pitfalls
/// - Reading or writing a variable inside a closure while that same variable
///   is passed `inout` to the call that runs the closure (`modify(&x) { x += 1 }`).
/// - `swap(&a[i], &a[j])`: each subscript access writes the *whole* array, so
///   the two overlap. Use `a.swapAt(i, j)`.
/// - Passing two class properties that may be the same object, e.g.
///   `move(amount, from: &source.balance, to: &destination.balance)`. It
///   compiles, and traps only when `source === destination`, typically on the
///   one request that transfers to itself.
/// - Treating `inout` as a pointer: observers and setters run once, at the
///   end of the call, and code that reads the original during the call (where
///   that is allowed, as with a computed property) sees the *old* value.
/// - Believing -O removes the run-time check: it stays on in release builds
///   (`-enforce-exclusivity=checked` is the default).
///
/// ## Key takeaway
/// An `inout` argument, a `mutating` method and an assignment are *write
/// accesses* that last for their whole duration; another access to the same
/// variable during that time is a conflict. Local variables (also when a
/// non-escaping closure captures them) are checked by the compiler; class
/// properties, globals, static properties and variables captured by escaping
/// closures are checked at run time, and a conflict kills the process. Fix conflicts
/// by finishing one access before starting the next (copy to a local,
/// `swapAt`, a guard on identity).
///
/// ## Go → Swift
/// Go has no such rule: `swap(&a[0], &a[1])` with pointers is fine, and two
/// pointers to one value silently alias (the race detector only complains
/// across goroutines). Swift's `inout` is not Go's `*T`: it is a scoped,
/// exclusive write access with copy-in/copy-out semantics, which is what
/// makes in-place mutation of values and copy-on-write safe.
public enum InoutAndExclusivity {
    /// Adds one to `value`, then runs `body` while the `inout` access to
    /// `value` is still open.
    public static func modify(_ value: inout Int, _ body: () -> Void) {
        value += 1
        body()
    }

    /// Adds one to `value` three times: three writes to the callee's copy,
    /// one write-back to the caller.
    public static func incrementThreeTimes(_ value: inout Int) {
        value += 1
        value += 1
        value += 1
    }

    /// Moves `amount` between two integers passed `inout`.
    public static func move(_ amount: Int, from source: inout Int, to destination: inout Int) {
        source -= amount
        destination += amount
    }

    /// A bank account: a class, so the compiler cannot tell whether two
    /// references are one object and exclusivity is checked at run time.
    public final class Account {
        public var balance: Int

        public init(balance: Int) {
            self.balance = balance
        }
    }

    /// The pitfall: the closure writes `account.balance` while `modify`
    /// holds an `inout` access to it.
    /// - Important: Always traps with "Simultaneous accesses".
    public static func depositDuringModify(_ account: Account) {
        modify(&account.balance) { account.balance += 1 }
    }

    /// The pitfall at scale: correct for two accounts, a trap when `source`
    /// and `destination` are the same object, because both `inout` accesses
    /// hit one stored property at once.
    public static func transferOverlapping(_ amount: Int, from source: Account, to destination: Account) {
        move(amount, from: &source.balance, to: &destination.balance)
    }

    /// The fix: two sequential accesses, each finished before the next one
    /// starts, so a self-transfer is a harmless no-op.
    public static func transfer(_ amount: Int, from source: Account, to destination: Account) {
        source.balance -= amount
        destination.balance += amount
    }

    /// Swaps two elements the only legal way: one `mutating` call on the array.
    /// - Complexity: O(1), after copy-on-write has made the buffer unique.
    public static func swappingFirstTwo(_ numbers: [Int]) -> [Int] {
        var numbers = numbers
        numbers.swapAt(0, 1)
        return numbers
    }

    /// A value with two stored properties.
    public struct Point: Equatable, Sendable {
        public var x: Int
        public var y: Int

        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    /// The stored properties of a *local* struct are separate variables for
    /// the compiler, so these two accesses do not overlap. The same `swap` on
    /// a class property holding the struct traps: both accesses would then
    /// write the one stored property `point`.
    public static func swappingCoordinates(of point: Point) -> Point {
        var point = point
        swap(&point.x, &point.y)
        return point
    }

    /// Makes copy-in/copy-out observable: `stored` counts its `didSet`
    /// calls, `computed` logs every get and set.
    public final class Observed {
        public private(set) var storedWrites = 0
        public var stored = 0 {
            didSet { storedWrites += 1 }
        }

        public private(set) var log: [String] = []
        private var backing = 0
        public var computed: Int {
            get {
                log.append("get")
                return backing
            }
            set {
                log.append("set")
                backing = newValue
            }
        }

        public init() {}
    }

    /// Passes `observed.computed` `inout` and reads it from inside the call.
    /// Computed properties have no access enforcement, so this is legal, and
    /// it shows the copy: the read inside sees the old value.
    /// - Returns: the value read during the call and the value after it.
    public static func readDuringInout(_ observed: Observed) -> (during: Int, after: Int) {
        var during = -1
        modify(&observed.computed) { during = observed.computed }
        return (during, observed.computed)
    }
}
