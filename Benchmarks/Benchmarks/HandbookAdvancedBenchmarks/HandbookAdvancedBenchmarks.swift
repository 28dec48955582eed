// The advanced lessons' cost claim: existential boxes and witness-table calls
// (OpaqueAndExistentialTypes.swift). Object allocations, retains and releases
// are reported next to malloc. Escaping closures and pooling moved to
// HandbookMemoryBenchmarks with their lessons.
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

}
