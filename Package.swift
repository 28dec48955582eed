// swift-tools-version: 6.2
import PackageDescription

/// Lesson modules in learning-path order. Each one is a library whose sources
/// live in `Sources/<name>/`, whose tests live in `Tests/<name>Tests/`, and whose
/// learning page is `Sources/<name>/README.md`.
///
/// Lesson modules depend on the Swift toolchain alone (stdlib, Foundation,
/// Dispatch, Synchronization): interview answers must be writable from scratch.
let lessonModules = [
    "HandbookBasics",
    "HandbookIntermediate",
    "HandbookAdvanced",
    "HandbookConcurrency",
    "HandbookMemory",
    "HandbookInternals",
    "HandbookPatterns",
    "HandbookSystemDesign",
    "HandbookDataStructures",
    "HandbookAlgorithms",
    "HandbookLeetCode",
]

/// Phase 4 modules check their data-structure invariants after every mutation
/// in debug builds (`_checkInvariants()`); release builds and benchmarks pay
/// nothing.
let invariantChecked: Set<String> = ["HandbookDataStructures", "HandbookAlgorithms", "HandbookLeetCode"]

/// Test targets that check behaviour against a simple oracle with random inputs.
let propertyTested: Set<String> = invariantChecked.union([
    "HandbookAdvanced", "HandbookConcurrency", "HandbookMemory", "HandbookPatterns", "HandbookSystemDesign",
])

/// Test targets that use swift-async-algorithms as a reference: the hand-built
/// channels are checked against `AsyncChannel` in the same test. The lesson
/// sources never import it.
let asyncAlgorithmsOracle: Set<String> = ["HandbookConcurrency", "HandbookInternals"]

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    .enableUpcomingFeature("InferIsolatedConformances"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The unsafe-pointer lesson teaches Swift 6.2's strict memory safety: every
/// unsafe construct in that module must be acknowledged with `unsafe`.
///
/// Release builds add `-cross-module-optimization`: the lesson generics
/// (`BinaryHeap<Element>`, `Sorting.quickSort`, ...) are not `@inlinable`, so
/// without it a client module (the benchmarks, a service) can only call their
/// one unspecialized copy, 20-80x slower than swift-collections (see
/// Benchmarks/README.md). Debug builds and `swift test` are unaffected.
/// Not HandbookAdvanced: Swift 6.3.1's CrossModuleOptimization pass crashes
/// on its parameter-pack lesson (and it has no generic hot path to measure).
func settings(for module: String) -> [SwiftSetting] {
    var settings = upcomingFeatures
    if module != "HandbookAdvanced" {
        settings.append(.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)))
    }
    if module == "HandbookAdvanced" { settings.append(.strictMemorySafety()) }
    if invariantChecked.contains(module) {
        settings.append(.define("HANDBOOK_INTERNAL_CHECKS", .when(configuration: .debug)))
    }
    return settings
}

let package = Package(
    name: "BackendInterviewHandbook",
    products: lessonModules.map { .library(name: $0, targets: [$0]) } + [
        .library(name: "HandbookCatalog", targets: ["HandbookCatalog"]),
        .library(name: "HandbookCommands", targets: ["HandbookCommands"]),
        .executable(name: "handbook", targets: ["HandbookCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Tests only: property-based checks of data structures and algorithms against simple oracles.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Tests only: `AsyncChannel` is the oracle for the hand-built bounded channel.
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
    ],
    targets: lessonModules.map { module in
        .target(name: module, exclude: ["README.md"], swiftSettings: settings(for: module))
    }
        + lessonModules.map { module in
            .testTarget(
                name: "\(module)Tests",
                dependencies: [.target(name: module), "HandbookTestSupport"]
                    + (propertyTested.contains(module)
                        ? [.product(name: "PropertyBased", package: "swift-property-based")] : [])
                    + (asyncAlgorithmsOracle.contains(module)
                        ? [.product(name: "AsyncAlgorithms", package: "swift-async-algorithms")] : []),
                swiftSettings: upcomingFeatures
            )
        } + [
            // The catalogue: every lesson, its files, seed topics and break-it experiments.
            .target(name: "HandbookCatalog", swiftSettings: upcomingFeatures),
            // The `handbook` command: learning path, lesson runner, break-it experiments, progress.
            .target(
                name: "HandbookCommands",
                dependencies: [
                    "HandbookCatalog",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                ],
                swiftSettings: upcomingFeatures
            ),
            .executableTarget(
                name: "HandbookCLI",
                dependencies: [
                    "HandbookCommands", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                ],
                swiftSettings: upcomingFeatures
            ),
            // Test helpers shared by every test target; not a lesson, not a product.
            .target(name: "HandbookTestSupport", path: "Tests/HandbookTestSupport", swiftSettings: upcomingFeatures),
            .testTarget(
                name: "HandbookTestSupportTests",
                dependencies: ["HandbookTestSupport"],
                swiftSettings: upcomingFeatures
            ),
            .testTarget(
                name: "HandbookCommandsTests",
                dependencies: [
                    "HandbookCommands", "HandbookCatalog", "HandbookTestSupport",
                    // The review scheduler's properties are checked on random grade sequences.
                    .product(name: "PropertyBased", package: "swift-property-based"),
                ],
                swiftSettings: upcomingFeatures
            ),
            .testTarget(
                name: "HandbookCatalogTests",
                dependencies: ["HandbookCatalog", "HandbookTestSupport"],
                swiftSettings: upcomingFeatures
            ),
        ]
)
