/// The Go handbook this project re-creates, as data: its packages, topics,
/// checklist and interview questions, written exactly as in its README.
///
/// Lessons cite these strings; a test checks every citation is verbatim and
/// every topic of a module that exists is covered.
public enum Seed {
    /// One package of the seed's learning path.
    public struct Package: Hashable, Sendable {
        /// The seed's directory name (`system_design`).
        public var name: String
        public var phase: Int
        /// The seed's one-line description of the package.
        public var description: String
        /// "Topics Covered", in the seed's order and spelling.
        public var topics: [String]
        /// The Swift module that answers this package.
        public var module: String

        /// `"<package>: <topic>"`, the form lessons cite in `seedTopics`.
        public var citations: [String] { topics.map { "\(name): \($0)" } }
    }

    /// The seed's four phases, by number.
    public static let phases: [Int: String] = [
        1: "The Foundations",
        2: "Concurrency & Runtime",
        3: "Real-World Engineering",
        4: "CS Fundamentals",
    ]

    public static let packages: [Package] = [
        Package(
            name: "basics", phase: 1, description: "The \"Must-Knows\"",
            topics: ["Arrays/Slices", "Maps", "Structs", "Interfaces", "Value vs Reference", "Errors"],
            module: "HandbookBasics"),
        Package(
            name: "intermediate", phase: 1, description: "Idiomatic Go",
            topics: ["Defer", "Panic/Recover", "Error Wrapping", "Interface Composition"],
            module: "HandbookIntermediate"),
        Package(
            name: "advanced", phase: 1, description: "Power User Features",
            topics: ["Context", "Generics", "Reflection", "Unsafe", "Memory Alignment", "Functional Options"],
            module: "HandbookAdvanced"),
        Package(
            name: "concurrency", phase: 2, description: "🔥 Most Critical",
            topics: ["Channels", "Goroutines", "Mutex", "Worker Pools", "Select"],
            module: "HandbookConcurrency"),
        Package(
            name: "memory", phase: 2, description: "Performance Optimization",
            topics: ["Escape Analysis", "Slice Growth", "GC Patterns", "Object Pooling", "Goroutine Leaks"],
            module: "HandbookMemory"),
        Package(
            name: "internals", phase: 2, description: "Under the Hood",
            topics: ["GMP Scheduler", "Garbage Collector Internals"],
            module: "HandbookInternals"),
        Package(
            name: "patterns", phase: 3, description: "Design Patterns",
            topics: [
                "Repository", "Middleware", "Functional Options", "DI", "Circuit Breaker", "Retry", "Service Layer",
            ],
            module: "HandbookPatterns"),
        Package(
            name: "system_design", phase: 3, description: "System Primitives",
            topics: ["Rate Limiter", "Cache", "Pub-Sub", "Idempotency", "Pagination", "Orchestrator"],
            module: "HandbookSystemDesign"),
        Package(
            name: "ds", phase: 4, description: "Data Structures",
            topics: ["LRU Cache", "Heap", "BST", "Binary Tree", "Linked List", "Stack", "Queue", "HashMap"],
            module: "HandbookDataStructures"),
        Package(
            name: "algo", phase: 4, description: "Algorithms",
            topics: ["Binary Search", "Sliding Window", "Two Pointers", "Sorting", "Dynamic Programming"],
            module: "HandbookAlgorithms"),
        Package(
            name: "leetcode", phase: 4, description: "Practice Sandbox",
            topics: ["Two Sum", "Valid Parentheses", "Stock Best Time", "Merge Lists"],
            module: "HandbookLeetCode"),
    ]

    /// "Interview Preparation Checklist → Must-Master Topics", verbatim
    /// (the seed's bold markers dropped).
    public static let checklist: [String] = [
        "Goroutines & Channels - Can you implement a worker pool from scratch?",
        "Race Conditions - Can you identify and fix data races?",
        "Context - Do you know when to use context.WithTimeout vs context.WithCancel?",
        "Interfaces - Can you explain empty interface vs type assertions?",
        "Slice Internals - Do you understand capacity vs length?",
        "Error Handling - Can you implement custom errors with wrapping?",
        "LRU Cache - Can you build a thread-safe LRU cache?",
        "Rate Limiter - Can you implement token bucket algorithm?",
    ]

    /// "Common Interview Questions", verbatim (without the quotes).
    public static let questions: [String] = [
        "Implement a worker pool that processes jobs concurrently",
        "How do you prevent goroutine leaks?",
        "Explain the difference between buffered and unbuffered channels",
        "When does a variable escape to the heap?",
        "How does Go's garbage collector work?",
        "What's the difference between make() and new()?",
        "Implement a rate limiter",
        "Design a cache with TTL support",
        "Implement graceful shutdown for a web server",
    ]

    /// Every citable topic string, `"<package>: <topic>"`.
    public static var allCitations: [String] { packages.flatMap(\.citations) }
}
