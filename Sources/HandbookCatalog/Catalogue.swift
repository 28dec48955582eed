import Foundation

/// Every lesson of the handbook, in learning-path order.
///
/// Lessons are declared per module (`Catalogue+Basics.swift`, …); this type
/// puts them in order and answers lookups. Add a module here only when it has
/// lessons: the README map and the learning path are generated from this list.
public enum Catalogue {
    /// A lesson module: one seed package answered in Swift.
    public struct Module: Hashable, Sendable {
        /// The library target (`HandbookBasics`).
        public var name: String
        /// The seed package it answers; for Phase 5, which the seed does not
        /// have, ``Catalogue/serverPackage`` (``fromSeed`` is then false).
        public var seedPackage: Seed.Package
        /// A one-line summary of what the Swift module teaches.
        public var summary: String
        /// The folder of the SwiftPM package that builds it, relative to the
        /// repository root: `nil` for the root package (Phases 1-4, toolchain
        /// only); `"Service"` for Phase 5, which shares the service's
        /// dependencies so SwiftNIO and friends are built once.
        public var package: String?

        public init(name: String, seedPackage: Seed.Package, summary: String, package: String? = nil) {
            self.name = name
            self.seedPackage = seedPackage
            self.summary = summary
            self.package = package
        }

        public var phase: Int { seedPackage.phase }
        /// Whether the module answers one of the seed's packages.
        public var fromSeed: Bool { Seed.packages.contains(seedPackage) }
        /// Where its sources live, relative to the repository root.
        public var sourcesDirectory: String { (package.map { "\($0)/" } ?? "") + "Sources/\(name)" }
        /// Where its tests live, relative to the repository root.
        public var testsDirectory: String { (package.map { "\($0)/" } ?? "") + "Tests/\(name)Tests" }
        /// The module's learning page, relative to the repository root.
        public var readme: String { "\(sourcesDirectory)/README.md" }
        /// The module word used as the lesson-id prefix (`basics`).
        public var idPrefix: String { seedPackage.name.replacingOccurrences(of: "_", with: "-") }
        /// `swift test --filter` expression for the whole module.
        public var testFilter: String { "\(name)Tests" }
    }

    /// Modules that exist, in learning-path order.
    public static let modules: [Module] = [
        Module(
            name: "HandbookBasics", seedPackage: seedPackage("basics"),
            summary: "Values, collections, protocols, optionals, enums, strings and errors"),
        Module(
            name: "HandbookIntermediate", seedPackage: seedPackage("intermediate"),
            summary: "Idiomatic Swift: defer, traps vs throws, error chains, dispatch, Codable, exclusivity"),
        Module(
            name: "HandbookAdvanced", seedPackage: seedPackage("advanced"),
            summary: "Cancellation and deadlines, generics, Mirror, unsafe pointers, layout, ownership"),
        Module(
            name: "HandbookConcurrency", seedPackage: seedPackage("concurrency"),
            summary: "Tasks, channels, select, worker pools, locks and atomics, Sendable, actors, continuations"),
        Module(
            name: "HandbookMemory", seedPackage: seedPackage("memory"),
            summary: "Capacity growth and copy-on-write, escaping closures, ARC and cycles, pooling, task leaks"),
        Module(
            name: "HandbookInternals", seedPackage: seedPackage("internals"),
            summary: "The cooperative pool, executors, priority, ARC internals, existentials, runtime layouts"),
        Module(
            name: "HandbookPatterns", seedPackage: seedPackage("patterns"),
            summary: "Repository, service layer, DI, middleware, options, circuit breaker and retry, clock-injected"),
        Module(
            name: "HandbookSystemDesign", seedPackage: seedPackage("system_design"),
            summary: "Rate limiting, TTL cache and single-flight, pub-sub, idempotency, pagination, sagas"),
        Module(
            name: "HandbookDataStructures", seedPackage: seedPackage("ds"),
            summary: "Generic, invariant-checked structures: stack, queue, lists, trees, heap, hash map, LRU"),
        Module(
            name: "HandbookAlgorithms", seedPackage: seedPackage("algo"),
            summary: "Searching, windows, two pointers, sorting, dynamic programming, recursion, graphs"),
        Module(
            name: "HandbookLeetCode", seedPackage: seedPackage("leetcode"),
            summary: "Classic backend-interview problems, each with statement, complexity and examples"),
        Module(
            name: "HandbookServer", seedPackage: serverPackage,
            summary: "SwiftNIO event loops and ByteBuffer, swift-log, Prometheus metrics, tracing, graceful shutdown",
            package: "Service"),
    ]

    /// Phase titles: the seed's four, then Phase 5, which the seed does not have.
    public static let phases: [Int: String] = Seed.phases.merging([5: "Swift on the Server"]) { seed, _ in seed }

    /// "1 to 5": for messages that reject a phase number.
    public static var phaseRange: String { "\(phases.keys.min() ?? 1) to \(phases.keys.max() ?? 1)" }

    /// Phase 5's topics. Not the seed's (the Go handbook has no such package):
    /// what a Swift server engineer is asked and the seed cannot ask. Lessons
    /// cite them like seed topics, as `"server: <topic>"`.
    public static let serverPackage = Seed.Package(
        name: "server", phase: 5, description: "Swift on the server (beyond the seed)",
        topics: [
            "Event loops and blocking", "EventLoopFuture and async", "ByteBuffer", "Backpressure", "Structured logging",
            "Metrics and RED", "Distributed tracing", "Measuring a server", "Service lifecycle and graceful shutdown",
            "HTTP clients and connection pools", "Spec-first APIs",
        ],
        module: "HandbookServer")

    /// The module that holds `lesson`.
    public static func module(of lesson: Lesson) -> Module? {
        modules.first { $0.name == lesson.module }
    }

    /// Every citable topic: the seed's and Phase 5's.
    public static var allCitations: [String] { Seed.allCitations + serverPackage.citations }

    /// Every lesson, in learning-path order (module order, then lesson order).
    public static let lessons: [Lesson] =
        basicsValueLessons + basicsCollectionLessons + basicsLanguageLessons
        + intermediateErrorLessons + intermediateLanguageLessons
        + advancedContextLessons + advancedClockLessons + advancedTypeLessons + advancedMemoryLessons
        + concurrencyTaskLessons + concurrencyStructureLessons + concurrencyChannelLessons + concurrencyLockLessons
        + concurrencySafetyLessons + concurrencyIsolationLessons + concurrencyNonsendingLessons
        + concurrencyGlobalActorLessons
        + memoryGrowthLessons + memoryLifetimeLessons
        + internalsPoolLessons + internalsExecutorLessons + internalsSchedulerLessons + internalsARCLessons
        + internalsRuntimeLessons
        + patternsLayeringLessons + patternsPipelineLessons + patternsResilienceLessons
        + systemDesignRateLessons + systemDesignCacheLessons + systemDesignMessagingLessons
        + systemDesignPagingLessons + systemDesignWorkflowLessons + systemDesignConsistencyLessons
        + systemDesignCoordinationLessons + systemDesignProbabilisticLessons
        + dataStructureLinearLessons + dataStructureTreeLessons + dataStructureHeapAndHashLessons
        + dataStructureLRULessons
        + algorithmArrayLessons + algorithmRecursionAndGraphLessons
        + leetCodeFirstLessons + leetCodeSecondLessons
        + serverLessons

    /// The lesson with this id, if any.
    public static func lesson(id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }

    /// The experiment with this id, and the lesson it belongs to.
    public static func experiment(id: String) -> (lesson: Lesson, experiment: Experiment)? {
        for lesson in lessons {
            if let experiment = lesson.experiments.first(where: { $0.id == id }) { return (lesson, experiment) }
        }
        return nil
    }

    /// Lessons of one module, in order.
    public static func lessons(in module: Module) -> [Lesson] {
        lessons.filter { $0.module == module.name }
    }

    private static func seedPackage(_ name: String) -> Seed.Package {
        guard let package = Seed.packages.first(where: { $0.name == name }) else {
            preconditionFailure("no seed package named \(name)")
        }
        return package
    }
}
