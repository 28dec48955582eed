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
        public var seedPackage: Seed.Package
        /// A one-line summary of what the Swift module teaches.
        public var summary: String

        public var phase: Int { seedPackage.phase }
        /// The module's learning page, relative to the repository root.
        public var readme: String { "Sources/\(name)/README.md" }
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
    ]

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
