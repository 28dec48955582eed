// swift-tools-version: 6.2
import PackageDescription

/// The handbook's benchmarks: every performance lesson measured side by side
/// with the standard library or the package a team would use instead.
///
/// A separate package so the root `swift build` / `swift test` never compile
/// package-benchmark, swift-collections or swift-algorithms. Run it with
/// `swift package --disable-sandbox benchmark` from this folder, or
/// `./compare` for the ours-vs-reference table (see README.md).
///
/// Each target lives in `Benchmarks/<Target>/` (the layout the benchmark
/// plugin expects) and is named after the lesson module it measures.
let benchmarkPlugin: [Target.PluginUsage] = [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
let benchmark: Target.Dependency = .product(name: "Benchmark", package: "benchmark")
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "HandbookBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The `name:` fixes the package identity: without it, it is the parent
        // folder's name, which differs between clones and worktrees.
        .package(name: "BackendInterviewHandbook", path: ".."),
        // The default traits need swift-runtime-interposer, which this
        // machine's package mirror does not have; MallocInterposer alone still
        // reports malloc, object-alloc and retain/release counts on Linux.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
    ],
    targets: [
        // Shared settings (smoke mode, metrics) and seeded inputs.
        .target(
            name: "HandbookBenchmarkSupport",
            dependencies: [benchmark],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "HandbookDataStructuresBenchmarks",
            dependencies: [
                benchmark, "HandbookBenchmarkSupport",
                .product(name: "HandbookDataStructures", package: "BackendInterviewHandbook"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            path: "Benchmarks/HandbookDataStructuresBenchmarks",
            swiftSettings: swiftSettings,
            plugins: benchmarkPlugin
        ),
        .executableTarget(
            name: "HandbookAlgorithmsBenchmarks",
            dependencies: [
                benchmark, "HandbookBenchmarkSupport",
                .product(name: "HandbookAlgorithms", package: "BackendInterviewHandbook"),
                .product(name: "Algorithms", package: "swift-algorithms"),
            ],
            path: "Benchmarks/HandbookAlgorithmsBenchmarks",
            swiftSettings: swiftSettings,
            plugins: benchmarkPlugin
        ),
        .executableTarget(
            name: "HandbookSystemDesignBenchmarks",
            dependencies: [
                benchmark, "HandbookBenchmarkSupport",
                .product(name: "HandbookSystemDesign", package: "BackendInterviewHandbook"),
            ],
            path: "Benchmarks/HandbookSystemDesignBenchmarks",
            swiftSettings: swiftSettings,
            plugins: benchmarkPlugin
        ),
        .executableTarget(
            name: "HandbookBasicsBenchmarks",
            dependencies: [
                benchmark, "HandbookBenchmarkSupport",
                .product(name: "HandbookBasics", package: "BackendInterviewHandbook"),
            ],
            path: "Benchmarks/HandbookBasicsBenchmarks",
            swiftSettings: swiftSettings,
            plugins: benchmarkPlugin
        ),
        .executableTarget(
            name: "HandbookAdvancedBenchmarks",
            dependencies: [
                benchmark, "HandbookBenchmarkSupport",
                .product(name: "HandbookAdvanced", package: "BackendInterviewHandbook"),
            ],
            path: "Benchmarks/HandbookAdvancedBenchmarks",
            swiftSettings: swiftSettings,
            plugins: benchmarkPlugin
        ),
        .executableTarget(
            name: "HandbookConcurrencyBenchmarks",
            dependencies: [
                benchmark, "HandbookBenchmarkSupport",
                .product(name: "HandbookConcurrency", package: "BackendInterviewHandbook"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ],
            path: "Benchmarks/HandbookConcurrencyBenchmarks",
            swiftSettings: swiftSettings,
            plugins: benchmarkPlugin
        ),
        .executableTarget(
            name: "HandbookMemoryBenchmarks",
            dependencies: [
                benchmark, "HandbookBenchmarkSupport",
                .product(name: "HandbookMemory", package: "BackendInterviewHandbook"),
            ],
            path: "Benchmarks/HandbookMemoryBenchmarks",
            swiftSettings: swiftSettings,
            plugins: benchmarkPlugin
        ),
        .executableTarget(
            name: "HandbookInternalsBenchmarks",
            dependencies: [
                benchmark, "HandbookBenchmarkSupport",
                .product(name: "HandbookInternals", package: "BackendInterviewHandbook"),
            ],
            path: "Benchmarks/HandbookInternalsBenchmarks",
            swiftSettings: swiftSettings,
            plugins: benchmarkPlugin
        ),
    ],
    swiftLanguageModes: [.v6]
)
