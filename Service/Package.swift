// swift-tools-version: 6.2
import PackageDescription

/// The Phase 3 capstone: the handbook's system-design lessons behind a real
/// HTTP API (Hummingbird 2), on SQLite by default and PostgreSQL across
/// instances, with graceful shutdown (swift-service-lifecycle); and Phase 5's
/// lessons (`HandbookServer`), which need the same packages.
///
/// A separate package so the root `swift build` / `swift test` never compile
/// SwiftNIO, Hummingbird or the database drivers. The lessons come from the
/// root package by path: the service composes them, it does not copy them.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "HandbookService",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "handbook-service", targets: ["HandbookServiceApp"])
    ],
    dependencies: [
        // The `name:` fixes the package identity (see Benchmarks/Package.swift).
        .package(name: "BackendInterviewHandbook", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Vendors SQLite's C sources: the default mode needs nothing installed.
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Phase 5 (HandbookServer): metrics and their Prometheus exposition.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        // Phase 5: an HTTP client with a connection pool and deadlines.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Phase 5: spec-first, server code generated from Sources/HandbookServer/openapi.yaml.
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
    ],
    targets: [
        .target(
            name: "HandbookService",
            dependencies: [
                .product(name: "HandbookSystemDesign", package: "BackendInterviewHandbook"),
                .product(name: "HandbookPatterns", package: "BackendInterviewHandbook"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                // GET /metrics: the Phase 5 lesson's RED metrics, in Prometheus's format.
                "HandbookServer",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "HandbookServiceApp",
            dependencies: [
                "HandbookService",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Phase 5, Swift on the server: lessons that need the ecosystem's
        // packages. Here, beside the service, SwiftNIO and friends are built
        // once for both; the root package stays toolchain-only.
        // mallinfo2 for the measuring lesson (Swift's Glibc module does not expose <malloc.h>).
        .target(name: "CHeapStatistics"),
        .target(
            name: "HandbookServer",
            dependencies: [
                "CHeapStatistics",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HandbookPatterns", package: "BackendInterviewHandbook"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["README.md"],
            // The service's contract: the generator reads it at build time, and the
            // service serves it (GET /openapi.yaml) from the bundle.
            resources: [.copy("openapi.yaml")],
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // Test helpers for Phase 5's tests: a latch to order events without sleeping, a
        // clock that does not wait, a local HTTP server that counts connections.
        .target(
            name: "HandbookServerTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/HandbookServerTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "HandbookServerTests",
            dependencies: [
                "HandbookServer",
                "HandbookServerTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HandbookPatterns", package: "BackendInterviewHandbook"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HandbookServiceTests",
            dependencies: [
                "HandbookService",
                .product(name: "HandbookSystemDesign", package: "BackendInterviewHandbook"),
                .product(name: "HandbookPatterns", package: "BackendInterviewHandbook"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                "HandbookServer",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
