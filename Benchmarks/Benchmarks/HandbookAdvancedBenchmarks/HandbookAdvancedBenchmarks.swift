// Phase 1 memory claims from the advanced lessons: existential boxes
// (OpaqueAndExistentialTypes.swift), escaping closures and their heap
// contexts, and reusing a buffer instead of allocating one per request.
// Object allocations, retains and releases are reported next to malloc.
import Benchmark
import HandbookAdvanced
import HandbookBenchmarkSupport

typealias Shape = OpaqueAndExistentialTypes.Shape
typealias Circle = OpaqueAndExistentialTypes.Circle
typealias Rectangle = OpaqueAndExistentialTypes.Rectangle

let shapeCount = 10_000
let circles = (0..<shapeCount).map { Circle(radius: Double($0 % 100)) }
let rectangles = (0..<shapeCount).map { Rectangle(x: 0, y: 0, width: Double($0 % 100), height: 2) }
/// `nonisolated(unsafe)`: `Shape` is not `Sendable`, and this array is only ever read.
nonisolated(unsafe) let anyCircles: [any Shape] = circles

/// The generic twin of `OpaqueAndExistentialTypes.totalArea(_:)`: one
/// concrete type, so `area` is a direct (and inlinable) call.
@inline(never)
func totalAreaGeneric<S: Shape>(_ shapes: [S]) -> Double {
    shapes.reduce(0) { $0 + $1.area }
}

@inline(never)
func callNonEscaping(_ body: () -> Int) -> Int { body() }

nonisolated(unsafe) var storedClosure: (() -> Int)?

@inline(never)
func callEscaping(_ body: @escaping () -> Int) -> Int {
    storedClosure = body  // stored: the closure and what it captures outlive this call
    return body()
}

let requests = 1_000
let requestBytes = 1_024

let benchmarks: @Sendable () -> Void = {
    BenchmarkRun.configureDefaults(metrics: BenchmarkRun.memoryMetrics)

    // MARK: existential vs generic calls (OpaqueAndExistentialTypes.swift)

    Benchmark("Sum 10k areas · generic [Circle] (static dispatch)") { _ in
        blackHole(totalAreaGeneric(circles))
    }
    Benchmark("Sum 10k areas · existential [any Shape] (witness table)") { _ in
        blackHole(OpaqueAndExistentialTypes.totalArea(anyCircles))
    }

    // MARK: boxing: 3 words fit the existential's inline buffer, 4 do not

    Benchmark("Box 10k values as any Shape · Circle (1 word, inline)") { _ in
        var boxes: [any Shape] = []
        boxes.reserveCapacity(shapeCount)
        for circle in circles { boxes.append(circle) }
        blackHole(boxes)
    }
    Benchmark("Box 10k values as any Shape · Rectangle (4 words, heap box each)") { _ in
        var boxes: [any Shape] = []
        boxes.reserveCapacity(shapeCount)
        for rectangle in rectangles { boxes.append(rectangle) }
        blackHole(boxes)
    }

    // MARK: escaping vs non-escaping closures capturing a var

    Benchmark("Closure capturing a var ×10k · non-escaping (context on the stack)") { _ in
        var total = 0
        for value in 0..<shapeCount {
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
        for value in 0..<shapeCount {
            var captured = value
            total &+= callEscaping {
                captured += 1
                return captured
            }
        }
        storedClosure = nil
        blackHole(total)
    }

    // MARK: pooled vs fresh buffers (1k requests, 1 KiB each)

    Benchmark("Buffer per request ×1k · pooled (one buffer, removeAll(keepingCapacity:))") { _ in
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
    Benchmark("Buffer per request ×1k · fresh (a new [UInt8] each time)") { _ in
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
