// The memory lessons' claims, measured with malloc, object-allocation and
// retain/release counts next to wall clock:
// - ArrayCapacityAndCopyOnWrite.swift: the hand-built `CoWBuffer` writes in
//   place while its storage is unique and copies all of it when it is shared.
// - StringPerformance.swift: `+=` on a unique string is amortized O(1) per
//   append; `s = s + piece` copies the whole string every time.
// - DictionaryCapacity.swift: presizing saves the rehashes; a constant hash
//   turns every lookup into a linear scan.
// - EscapingClosuresAndStackPromotion.swift: an object or closure context that
//   does not escape is allocated on the stack; one that escapes costs a malloc.
// - ObjectPooling.swift: a pool trades allocations for a lock round trip.
// (The standard `Array`'s capacity and copy-on-write are measured in
// HandbookBasicsBenchmarks.)
import Benchmark
import HandbookBenchmarkSupport
import HandbookMemory

let appends = 2_000
let piece = "0123456789"
let dictionaryKeys = 100_000
let collidingKeys = 1_000
let objects = 10_000
let requests = 1_000
let requestBytes = 1_024
let bufferCount = 10_000
let writes = 100
typealias CoWBuffer = ArrayCapacityAndCopyOnWrite.CoWBuffer<Int>

@inline(never)
func callNonEscaping(_ body: () -> Int) -> Int { body() }

/// Stored, so the closure (and the `var` it captures) outlives the call.
/// `nonisolated(unsafe)`: a benchmark runs one closure at a time, on one task.
nonisolated(unsafe) var storedClosure: (() -> Int)?

@inline(never)
func callEscaping(_ body: @escaping () -> Int) -> Int {
    storedClosure = body
    return body()
}

let benchmarks: @Sendable () -> Void = {
    BenchmarkRun.configureDefaults(metrics: BenchmarkRun.memoryMetrics)

    // MARK: copy-on-write (ArrayCapacityAndCopyOnWrite.swift)

    Benchmark("CoWBuffer 10k, 100 writes · ours, unique storage (written in place)") { benchmark in
        var buffer = CoWBuffer(0..<bufferCount)
        benchmark.startMeasurement()  // the writes, not building the buffer
        for index in 0..<writes { buffer[index] = -index }
        blackHole(buffer.storageCopies)
    }
    Benchmark("CoWBuffer 10k, 100 writes · ours, each after a retained copy (copies 10k each)") { benchmark in
        var buffer = CoWBuffer(0..<bufferCount)
        var snapshots: [CoWBuffer] = []
        snapshots.reserveCapacity(writes)
        benchmark.startMeasurement()
        for index in 0..<writes {
            snapshots.append(buffer)
            buffer[index] = -index
        }
        blackHole(snapshots)
        blackHole(buffer.storageCopies)
    }

    // MARK: building a string (StringPerformance.swift)

    Benchmark("String 2k appends of 10 bytes · += (unique buffer, grows in place)") { _ in
        blackHole(StringPerformance.appendingInPlace(piece, times: appends))
    }
    Benchmark("String 2k appends of 10 bytes · s = s + piece (a new string each time)") { _ in
        blackHole(StringPerformance.concatenatingCopies(piece, times: appends))
    }

    // MARK: dictionary capacity and hashing (DictionaryCapacity.swift)

    Benchmark("Dictionary 100k inserts · presized (minimumCapacity)") { _ in
        blackHole(DictionaryCapacity.presized(count: dictionaryKeys))
    }
    Benchmark("Dictionary 100k inserts · grown from empty (rehashes as it doubles)") { _ in
        var squares: [Int: Int] = [:]
        for key in 0..<dictionaryKeys { squares[key] = key * key }
        blackHole(squares)
    }
    Benchmark("Dictionary 1k keys insert+lookup · well-hashed keys") { _ in
        let counter = DictionaryCapacity.EqualityCounter()
        blackHole(
            DictionaryCapacity.insertAndLookUp(count: collidingKeys, counter: counter) {
                DictionaryCapacity.WellHashedKey($0, counter: counter)
            })
    }
    Benchmark("Dictionary 1k keys insert+lookup · constant hash (every key collides)") { _ in
        let counter = DictionaryCapacity.EqualityCounter()
        blackHole(
            DictionaryCapacity.insertAndLookUp(count: collidingKeys, counter: counter) {
                DictionaryCapacity.ConstantHashKey($0, counter: counter)
            })
    }

    // MARK: escape analysis (EscapingClosuresAndStackPromotion.swift)

    Benchmark("Object per call ×10k · local Point (stack-promoted)") { _ in
        var total = 0
        for value in 0..<objects { total &+= EscapingClosuresAndStackPromotion.sumOfLocalPoint(value) }
        blackHole(total)
    }
    Benchmark("Object per call ×10k · archived Point (escapes to the heap)") { _ in
        let archive = EscapingClosuresAndStackPromotion.PointArchive()
        var total = 0
        for value in 0..<objects {
            total &+= EscapingClosuresAndStackPromotion.sumOfArchivedPoint(value, into: archive)
        }
        blackHole(total)
    }
    Benchmark("Closure capturing a var ×10k · non-escaping (context on the stack)") { _ in
        var total = 0
        for value in 0..<objects {
            var captured = value
            total &+= callNonEscaping {
                captured += 1
                return captured
            }
        }
        blackHole(total)
    }
    Benchmark("Closure capturing a var ×10k · escaping (context boxed on the heap)") { _ in
        var total = 0
        for value in 0..<objects {
            var captured = value
            total &+= callEscaping {
                captured += 1
                return captured
            }
        }
        storedClosure = nil
        blackHole(total)
    }

    // MARK: pooling (ObjectPooling.swift): 1k requests, 1 KiB each

    let payload = [UInt8](repeating: 7, count: requestBytes)
    Benchmark("Buffer per request ×1k · ours ObjectPool lease (one ScratchBuffer reused)") { _ in
        let pool = try ObjectPool(
            maxIdle: 4, factory: { ScratchBuffer(reserving: requestBytes) }, reset: { $0.reset() })
        var total = 0
        for _ in 0..<requests {
            let lease = pool.lease()
            lease.object.append(payload)
            total &+= lease.object.count
        }
        blackHole(total)
    }
    Benchmark("Buffer per request ×1k · a fresh ScratchBuffer each time") { _ in
        var total = 0
        for _ in 0..<requests {
            let buffer = ScratchBuffer(reserving: requestBytes)
            buffer.append(payload)
            total &+= buffer.count
        }
        blackHole(total)
    }
    Benchmark("Buffer per request ×1k · pooled [UInt8] (removeAll(keepingCapacity:))") { _ in
        var buffer: [UInt8] = []
        buffer.reserveCapacity(requestBytes)
        var checksum = 0
        for request in 0..<requests {
            buffer.removeAll(keepingCapacity: true)
            for byte in 0..<requestBytes { buffer.append(UInt8(truncatingIfNeeded: byte &+ request)) }
            checksum &+= Int(buffer[request % requestBytes])
        }
        blackHole(checksum)
    }
    Benchmark("Buffer per request ×1k · fresh [UInt8] (a new array each time)") { _ in
        var checksum = 0
        for request in 0..<requests {
            var buffer: [UInt8] = []
            buffer.reserveCapacity(requestBytes)
            for byte in 0..<requestBytes { buffer.append(UInt8(truncatingIfNeeded: byte &+ request)) }
            checksum &+= Int(buffer[request % requestBytes])
            blackHole(buffer)
        }
        blackHole(checksum)
    }
}
