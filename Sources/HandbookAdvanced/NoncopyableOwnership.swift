import Synchronization

/// Noncopyable types: a `~Copyable` value has exactly one owner, so a
/// resource it wraps is released exactly once, and the compiler proves it.
///
/// ```swift
/// let handle = FileHandleLike()      // owns a descriptor
/// inspect(handle)                    // borrowing: the caller keeps it
/// let descriptor = handle.close()    // consuming: `handle` is gone now
/// // handle.close()                  // error: 'handle' consumed more than once
/// ```
///
/// ## Why interviewers ask this
/// Unique ownership is how Swift models file descriptors, locks, leases and
/// buffers without a class, a reference count or a runtime check. The
/// standard library relies on it too: `Mutex` and `Atomic` are noncopyable,
/// and `Optional` and `InlineArray` accept noncopyable elements. An
/// interviewer wants to hear what `borrowing`, `consuming`, `consume` and
/// `discard self` each do, and why a double close becomes a compile error
/// instead of an incident.
///
/// ## Common pitfalls
/// - Modelling a handle as a class (``SharedFileHandle``): every copy of the
///   reference can call `close()`, so a double close compiles. With POSIX
///   descriptors that can close a descriptor number the kernel has already
///   handed to someone else.
/// - Forgetting `discard self` in a `consuming` close: the value dies at the
///   end of `close()`, so `deinit` runs as well and the descriptor is
///   closed twice.
/// - Expecting `discard self` to work on any type: today it requires every
///   stored property to be trivially destroyed (no class references), which
///   is why the handle stores only a descriptor number.
/// - Reading `consume x` as a runtime move instruction. It ends the
///   binding's lifetime at compile time: any later use of `x` is an error,
///   and the value's ownership passes on, which can save a copy-on-write.
/// - Writing `func f<T>(_: T)` and wondering why a noncopyable type is
///   rejected: generics assume `Copyable` unless you write `T: ~Copyable`.
///
/// ## Key takeaway
/// `~Copyable` gives a value one owner. `borrowing` lends it, `consuming`
/// takes it, and the compiler rejects every use after it is gone. `deinit`
/// runs exactly once, unless a consuming method ends with `discard self`
/// so that an explicit `close()` replaces it.
///
/// ## Go → Swift
/// The Go seed has no counterpart: Go copies values and pointers freely, so
/// every copy of an `*os.File` can still be used after `Close()`, and a
/// second `Close()` returns an error you must remember to check.
/// `defer f.Close()` is the convention. Swift's ownership model turns that
/// convention into a compile-time guarantee: moves and borrows are checked
/// as in Rust, but only for the types that opt out of `Copyable`; everything
/// else stays copyable and reference-counted.
public enum NoncopyableOwnership {
    /// How many times a descriptor was closed, and by which path. Correct
    /// code closes each descriptor exactly once.
    public struct CloseCount: Equatable, Sendable, CustomStringConvertible {
        /// Closes by an explicit `close()`.
        public var explicit: Int
        /// Closes by `deinit`, when the owner went out of scope.
        public var byDeinit: Int

        public init(explicit: Int = 0, byDeinit: Int = 0) {
            self.explicit = explicit
            self.byDeinit = byDeinit
        }

        public var total: Int { explicit + byDeinit }

        public var description: String { "explicit \(explicit), deinit \(byDeinit)" }
    }

    /// A simulated, process-wide descriptor table that counts every close.
    ///
    /// Descriptors are never reused (unlike a real kernel's), so each test
    /// owns its own numbers and parallel tests never see each other's counts.
    ///
    /// The counters are atomics rather than a `Mutex`-protected dictionary:
    /// on Linux, ThreadSanitizer cannot see `Mutex`'s futex-based lock
    /// (Swift 6.3) and reports false races on the state it protects.
    public final class DescriptorTable: Sendable {
        /// The table ``FileHandleLike`` opens from and closes into.
        public static let shared = DescriptorTable()

        /// How many descriptors the table can hand out; opening more traps.
        public static let capacity = 1_024

        private let lastDescriptor = Atomic<Int>(2)
        private let explicitCloses: InlineArray<1_024, Atomic<Int>> = InlineArray { _ in Atomic(0) }
        private let deinitCloses: InlineArray<1_024, Atomic<Int>> = InlineArray { _ in Atomic(0) }

        init() {}

        func open() -> Int32 {
            let descriptor = lastDescriptor.wrappingAdd(1, ordering: .relaxed).newValue
            precondition(descriptor < Self.capacity, "descriptor table full at \(descriptor)")
            return Int32(descriptor)
        }

        func recordExplicitClose(of descriptor: Int32) {
            explicitCloses[Int(descriptor)].add(1, ordering: .releasing)
        }

        func recordDeinitClose(of descriptor: Int32) {
            deinitCloses[Int(descriptor)].add(1, ordering: .releasing)
        }

        /// How often, and how, `descriptor` has been closed so far.
        /// - Precondition: `descriptor` came from this table.
        public func closes(of descriptor: Int32) -> CloseCount {
            precondition((0..<Self.capacity).contains(Int(descriptor)), "unknown descriptor \(descriptor)")
            return CloseCount(
                explicit: explicitCloses[Int(descriptor)].load(ordering: .acquiring),
                byDeinit: deinitCloses[Int(descriptor)].load(ordering: .acquiring))
        }
    }

    /// A unique owner of a descriptor: it cannot be copied, so it is closed
    /// exactly once, either by ``close()`` or by `deinit`.
    public struct FileHandleLike: ~Copyable {
        /// The descriptor number. Stored alone so the type stays trivially
        /// destroyed, which `discard self` requires.
        public let descriptor: Int32

        /// Opens a fresh descriptor in ``DescriptorTable/shared``.
        public init() {
            descriptor = DescriptorTable.shared.open()
        }

        deinit {
            DescriptorTable.shared.recordDeinitClose(of: descriptor)
        }

        /// Closes the descriptor now and ends the handle's life.
        ///
        /// `consuming` means the caller gives the handle up; `discard self`
        /// means its `deinit` must not run, since the close already happened.
        /// - Returns: the closed descriptor number.
        public consuming func close() -> Int32 {
            let descriptor = descriptor
            DescriptorTable.shared.recordExplicitClose(of: descriptor)
            discard self
            return descriptor
        }
    }

    /// **Pitfall.** A handle as a class: copies of the reference share it,
    /// and nothing stops two of them from closing it.
    public final class SharedFileHandle: Sendable {
        public let descriptor: Int32

        public init() {
            descriptor = DescriptorTable.shared.open()
        }

        /// Records a close every time it is called: a double close compiles.
        public func close() {
            DescriptorTable.shared.recordExplicitClose(of: descriptor)
        }
    }

    /// Reads the handle without taking it: the caller still owns it.
    public static func inspect(_ handle: borrowing FileHandleLike) -> Int32 {
        handle.descriptor
    }

    /// Takes ownership of the handle. The caller cannot use it afterwards,
    /// and since this function neither stores nor closes it, its `deinit`
    /// runs before the function returns.
    public static func adopt(_ handle: consuming FileHandleLike) -> Int32 {
        handle.descriptor
    }

    /// Takes ownership of any value, copyable or not. Without `~Copyable`,
    /// `T` would mean "some Copyable type" and reject ``FileHandleLike``.
    public static func dispose<T: ~Copyable>(_ value: consuming T) {
        _ = consume value
    }

    /// Appends to an array the caller hands over, reporting whether the
    /// append reused the caller's storage or had to copy it.
    ///
    /// Pass `consume numbers` and the caller's binding ends, so the array
    /// arrives uniquely referenced and the append happens in place (given
    /// spare capacity). Pass `numbers` while the caller still uses it and
    /// copy-on-write must copy.
    public static func append(
        _ element: Int, to numbers: consuming [Int]
    ) -> (numbers: [Int], reusedStorage: Bool) {
        let before = storageAddress(of: numbers)
        numbers.append(element)
        return (numbers, storageAddress(of: numbers) == before)
    }

    /// The address of the array's buffer, as a number for comparison only.
    private static func storageAddress(of numbers: [Int]) -> UInt {
        unsafe numbers.withUnsafeBufferPointer { buffer in UInt(bitPattern: buffer.baseAddress) }
    }

    /// Holds at most one value, copyable or not; ``take()`` moves it out.
    ///
    /// The slot is noncopyable only when its value is: the conditional
    /// `Copyable` conformance below lets `Slot<Int>` copy freely.
    public struct Slot<Value: ~Copyable>: ~Copyable {
        private var value: Value?

        public init(_ value: consuming Value) {
            self.value = .some(value)
        }

        /// Whether the value has been taken.
        public var isEmpty: Bool { value == nil }

        /// Moves the value out, leaving the slot empty; `nil` the second time.
        public mutating func take() -> Value? {
            value.take()
        }
    }
}

extension NoncopyableOwnership.Slot: Copyable where Value: Copyable {}
