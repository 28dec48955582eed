/// Array growth and copy-on-write: capacity grows geometrically, copies share
/// one buffer until somebody writes, and you can build the same machinery
/// yourself with a `final class` and `isKnownUniquelyReferenced`.
///
/// ```swift
/// var a = CoWBuffer([1, 2, 3])
/// var b = a                   // one storage object, two owners
/// b.append(4)                 // b copies first: a is still [1, 2, 3]
/// b.storageCopies             // 1 — and 100 more appends keep it at 1
/// ```
///
/// ## Why interviewers ask this
/// "What does `append` cost?" and "what does `let b = a` cost?" have
/// surprising answers in every language. In Go the slice header is copied and
/// the backing array is shared, so writes through one slice show up in the
/// other. In Swift the buffer is shared too, but only until a write: the
/// writer copies first. Interviewers want amortized O(1) append explained
/// (geometric growth), the copy made exactly once (not on every write), and
/// ideally a hand-written COW type, because that is how you give your own
/// structs value semantics over a heap buffer.
///
/// ## Common pitfalls
/// - Asserting an exact capacity (`reserveCapacity(5)` gives *at least* 5; the
///   growth sequence is an implementation detail). Rely on the properties:
///   `count <= capacity`, geometric growth, no reallocation within capacity.
/// - A COW type without the uniqueness check (``CoWBuffer/Storage`` written
///   through directly): copies alias, which is Go's slice bug in Swift clothes.
/// - A COW type that copies on *every* write instead of only when shared:
///   correct but O(n) per append.
/// - Keeping a copy alive inside a loop (`history.append(buffer)`) makes every
///   mutation a full copy: the loop turns quadratic without any visible clue.
/// - Returning a small `ArraySlice` of a huge array from a long-lived cache:
///   the slice keeps the *whole* base buffer (and every element in it) alive.
///   Store `Array(slice)` instead.
/// - Passing an `[Int]` to `isKnownUniquelyReferenced`: it takes a class
///   reference, so the check lives inside the type that owns the storage.
///
/// ## Key takeaway
/// `count` is what you have, `capacity` is what you paid for; growth
/// multiplies capacity, so n appends cost O(n) in total. A Swift collection
/// copy is a retain until the first write to a shared buffer, which copies
/// once; `isKnownUniquelyReferenced(&storage)` is the whole trick.
///
/// ## Go → Swift
/// Go's `make([]int, len, cap)` is `Array(repeating:count:)` plus
/// `reserveCapacity(_:)`, and `new(T)` has no counterpart because every Swift
/// value is initialised before use (see `basics.arrays-and-slices` for the
/// basics and `advanced.unsafe-pointers` for raw allocation). Go's
/// `slice_capacity.go` checks that capacities increase; here the tests assert
/// the growth *property* (at least doubling) and that reserving prevents any
/// reallocation. Go's sharing tests (`append` through a sub-slice overwriting
/// the parent, the 3-index `s[1:3:3]` that prevents it) have no Swift
/// counterpart: a Swift copy or slice never sees another's writes.
public enum ArrayCapacityAndCopyOnWrite {
    // MARK: Capacity versus count

    /// The capacities an array passes through while `count` elements are
    /// appended one by one, starting from an empty array.
    /// - Complexity: O(count): O(log count) reallocations, each copying the
    ///   current elements, so the total copying work is O(count).
    public static func capacityHistory(appending count: Int) -> [Int] {
        var numbers: [Int] = []
        var history: [Int] = []
        for value in 0..<count {
            numbers.append(value)
            if history.last != numbers.capacity { history.append(numbers.capacity) }
        }
        return history
    }

    /// Whether `capacities` grows geometrically: strictly increasing, each at
    /// least `factor` times the previous one.
    public static func growsGeometrically(_ capacities: [Int], factor: Int = 2) -> Bool {
        zip(capacities, capacities.dropFirst()).allSatisfy { previous, next in next >= previous * factor }
    }

    /// What reserving up front buys: the capacity and buffer address before
    /// and after appending `count` elements to an array that reserved `count`.
    public struct ReservedAppend: Equatable, Sendable {
        public var capacityBefore: Int
        public var capacityAfter: Int
        /// The buffer never moved: no reallocation, no copying.
        public var bufferMoved: Bool
    }

    /// Reserves `count` slots, then appends `count` elements.
    /// - Complexity: one allocation, O(count) writes.
    public static func appendAfterReserving(_ count: Int) -> ReservedAppend {
        var numbers: [Int] = []
        numbers.reserveCapacity(count)
        let capacityBefore = numbers.capacity
        let addressBefore = bufferAddress(of: numbers)
        for value in 0..<count { numbers.append(value) }
        return ReservedAppend(
            capacityBefore: capacityBefore, capacityAfter: numbers.capacity,
            bufferMoved: bufferAddress(of: numbers) != addressBefore)
    }

    /// `values.filter(isIncluded)` with one allocation sized for the worst
    /// case and no zero-fill: `Array(unsafeUninitializedCapacity:)` hands you
    /// raw slots and you report how many you initialised.
    /// - Precondition: the closure must initialise exactly the first
    ///   `initializedCount` slots; the rest stay uninitialised and are never read.
    /// - Complexity: O(n), one allocation of `values.count` slots.
    public static func filteredInPlace(_ values: [Int], _ isIncluded: (Int) -> Bool) -> [Int] {
        Array(unsafeUninitializedCapacity: values.count) { buffer, initializedCount in
            for value in values where isIncluded(value) {
                buffer.initializeElement(at: initializedCount, to: value)
                initializedCount += 1
            }
        }
    }

    /// The address of an array's element buffer, as a number: educational,
    /// for comparing identities only (never dereference it).
    public static func bufferAddress(of array: [Int]) -> UInt {
        array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    /// Whether two arrays currently share one element buffer.
    public static func shareBuffer(_ a: [Int], _ b: [Int]) -> Bool {
        bufferAddress(of: a) == bufferAddress(of: b)
    }

    // MARK: Slices keep their base alive

    /// A one-element slice of a `count`-element array, plus the address range
    /// of that array's buffer. The array itself is gone when this returns, but
    /// its buffer is not: the slice still points into it.
    public static func lastElementSlice(ofArrayWithCount count: Int) -> (
        slice: ArraySlice<Int>, baseBuffer: Range<UInt>
    ) {
        let numbers = Array(0..<count)
        let start = bufferAddress(of: numbers)
        let end = start + UInt(count * MemoryLayout<Int>.stride)
        return (numbers[(count - 1)...], start..<end)
    }

    /// The address of a slice's first element: inside its base's buffer for a
    /// slice, in a fresh small buffer for `Array(slice)`.
    public static func elementAddress(of slice: ArraySlice<Int>) -> UInt {
        slice.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    // MARK: A hand-built copy-on-write buffer

    /// A growable buffer with value semantics built the way `Array` is: a
    /// struct holding one reference to a `final class` storage, copied only
    /// when that storage is shared at the moment of a write.
    ///
    /// `storageCopies` counts copy-on-write copies made by this value and the
    /// values it was copied from (growth of a uniquely owned buffer is a
    /// reallocation, not a copy, and is not counted).
    ///
    /// Not `Sendable`: the storage is a mutable class. (`Array` is `Sendable`
    /// because the standard library vouches for its uniqueness checks.)
    public struct CoWBuffer<Element>: RandomAccessCollection, ExpressibleByArrayLiteral {
        /// The heap object all copies share: count, capacity and the elements.
        public final class Storage {
            public private(set) var count: Int
            public let capacity: Int
            let elements: UnsafeMutablePointer<Element>

            init(capacity: Int) {
                self.count = 0
                self.capacity = capacity
                self.elements = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
            }

            /// A copy with room for at least `minimumCapacity` elements.
            func copy(minimumCapacity: Int) -> Storage {
                let copy = Storage(capacity: Swift.max(minimumCapacity, capacity))
                copy.elements.initialize(from: elements, count: count)
                copy.count = count
                return copy
            }

            /// Moves the elements into a larger storage; `self` is left empty.
            func moveToLarger(minimumCapacity: Int) -> Storage {
                let larger = Storage(capacity: Swift.max(minimumCapacity, capacity * 2, 1))
                larger.elements.moveInitialize(from: elements, count: count)
                larger.count = count
                count = 0
                return larger
            }

            func append(_ element: Element) {
                precondition(count < capacity, "Storage.append beyond capacity \(capacity)")
                (elements + count).initialize(to: element)
                count += 1
            }

            func removeLast() -> Element {
                count -= 1
                return (elements + count).move()
            }

            subscript(position: Int) -> Element {
                get { elements[position] }
                set { elements[position] = newValue }
            }

            deinit {
                elements.deinitialize(count: count)
                elements.deallocate()
            }
        }

        private var storage: Storage
        /// Copy-on-write copies this value's history has made.
        public private(set) var storageCopies = 0

        public init() {
            storage = Storage(capacity: 0)
        }

        public init(_ elements: some Sequence<Element>) {
            self.init()
            for element in elements { append(element) }
        }

        public init(arrayLiteral elements: Element...) {
            self.init(elements)
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { storage.count }
        public var capacity: Int { storage.capacity }

        /// - Precondition: `position` is in `indices`.
        public subscript(position: Int) -> Element {
            get {
                precondition(indices.contains(position), "CoWBuffer index \(position) out of range 0..<\(count)")
                return storage[position]
            }
            set {
                precondition(indices.contains(position), "CoWBuffer index \(position) out of range 0..<\(count)")
                makeUniqueAndReserve(count)
                storage[position] = newValue
            }
        }

        /// - Complexity: amortized O(1); O(n) once after a copy was taken.
        public mutating func append(_ element: Element) {
            makeUniqueAndReserve(count + 1)
            storage.append(element)
        }

        /// - Precondition: the buffer is not empty.
        @discardableResult
        public mutating func removeLast() -> Element {
            precondition(!isEmpty, "removeLast on an empty CoWBuffer")
            makeUniqueAndReserve(count)
            return storage.removeLast()
        }

        public mutating func reserveCapacity(_ minimumCapacity: Int) {
            makeUniqueAndReserve(minimumCapacity)
        }

        /// Whether this value is the only owner of its storage. `mutating`
        /// because `isKnownUniquelyReferenced` needs `inout` access.
        public mutating func hasUniqueStorage() -> Bool {
            isKnownUniquelyReferenced(&storage)
        }

        /// The one place that decides between writing in place, copying and
        /// growing. Every mutation goes through it.
        private mutating func makeUniqueAndReserve(_ minimumCapacity: Int) {
            if !isKnownUniquelyReferenced(&storage) {
                storage = storage.copy(minimumCapacity: Swift.max(minimumCapacity, storage.capacity))
                storageCopies += 1
            } else if storage.capacity < minimumCapacity {
                storage = storage.moveToLarger(minimumCapacity: minimumCapacity)
            }
        }
    }
}

extension ArrayCapacityAndCopyOnWrite.CoWBuffer: Equatable where Element: Equatable {
    /// Element-wise equality; identical storage short-circuits.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || lhs.elementsEqual(rhs)
    }
}
