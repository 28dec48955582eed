extension Catalogue {
    static let patternsLayeringLessons: [Lesson] = [
        Lesson(
            id: "patterns.repository-pattern",
            phase: 3,
            module: "HandbookPatterns",
            title: "Repository pattern and its executable contract",
            sources: [
                "Sources/HandbookPatterns/RepositoryPattern.swift",
                "Sources/HandbookPatterns/UserRepositoryContract.swift",
            ],
            tests: ["Tests/HandbookPatternsTests/RepositoryPatternTests.swift"],
            seedTopics: ["patterns: Repository"],
            experiments: [
                Experiment(
                    id: "repository-pattern.update-memory-before-disk",
                    file: "Sources/HandbookPatterns/RepositoryPattern.swift",
                    original: "try Self.save(next, to: fileURL)\n        table = next",
                    replacement: "table = next\n        try Self.save(next, to: fileURL)",
                    caughtBy: "HandbookPatternsTests.RepositoryPatternTests/failedWriteLeavesStoreUnchanged",
                    teaches: """
                        Committing the new table before the write means a failed write still leaves the user in memory: \
                        the store reports .storage, yet count() says 2 and the disk says 1. Write first, commit after.
                        """),
                Experiment(
                    id: "repository-pattern.ignore-cancellation",
                    file: "Sources/HandbookPatterns/RepositoryPattern.swift",
                    original: "if Task.isCancelled { throw .cancelled }",
                    replacement: "",
                    caughtBy: "HandbookPatternsTests.RepositoryPatternTests/cancelledCaller",
                    teaches: """
                        Without the entry check a cancelled caller's create still runs: the test expects .cancelled \
                        and an empty store, and gets a stored user. Cancellation in Swift is cooperative: nothing \
                        stops the work unless the code checks.
                        """),
                Experiment(
                    id: "repository-pattern.drop-unique-email",
                    file: "Sources/HandbookPatterns/RepositoryPattern.swift",
                    original: "guard idsByEmail[user.email] == nil else { throw .duplicateEmail(user.email) }",
                    replacement: "",
                    caughtBy: "HandbookPatternsTests.RepositoryPatternTests/contractHolds",
                    teaches: """
                        Both stores share UserTable, so dropping its email check breaks the contract's duplicate-email \
                        checks for both implementations at once: exactly the drift a contract suite exists to catch \
                        before a fake and the database disagree.
                        """),
                Experiment(
                    id: "repository-pattern.page-without-id-tie-breaker",
                    file: "Sources/HandbookPatterns/RepositoryPattern.swift",
                    original: "(lhs.createdAt, lhs.id) < (rhs.createdAt, rhs.id)",
                    replacement: "lhs.createdAt < rhs.createdAt",
                    caughtBy: "HandbookPatternsTests.RepositoryPatternTests/contractHolds",
                    teaches: """
                        Without the id, users created in the same microsecond have no defined order, and the \
                        cursor `> last` skips the ones tied with the last user of a page: the keyset contract \
                        check sees users missing from the walk.
                        """),
            ]),
        Lesson(
            id: "patterns.service-layer",
            phase: 3,
            module: "HandbookPatterns",
            title: "Service layer: validation, domain errors and a closure mock",
            sources: ["Sources/HandbookPatterns/ServiceLayer.swift"],
            tests: ["Tests/HandbookPatternsTests/ServiceLayerTests.swift"],
            seedTopics: ["patterns: Service Layer"],
            experiments: [
                Experiment(
                    id: "service-layer.skip-validation",
                    file: "Sources/HandbookPatterns/ServiceLayer.swift",
                    original: "        let (name, email) = try Self.validate(name: name, email: email)\n",
                    replacement: "",
                    caughtBy: "HandbookPatternsTests.ServiceLayerTests/invalidEmailNeverReachesTheRepository",
                    teaches: """
                        Without validation an invalid email is stored, and the mock's call log shows the create that \
                        should never have happened: interaction tests catch what a state-only test could miss.
                        """),
                Experiment(
                    id: "service-layer.duplicate-as-infrastructure",
                    file: "Sources/HandbookPatterns/ServiceLayer.swift",
                    original: "case .duplicateEmail(let email): .alreadyExists(email: email)",
                    replacement: "case .duplicateEmail: .repository(error)",
                    caughtBy: "HandbookPatternsTests.ServiceLayerTests/duplicateEmailIsAlreadyExists",
                    teaches: """
                        Wrapping the store's uniqueness violation as infrastructure turns a 409 into a 500: the test \
                        expects .alreadyExists and sees .repository(.duplicateEmail). Translate domain outcomes, wrap \
                        the rest.
                        """),
            ]),
        Lesson(
            id: "patterns.dependency-injection",
            phase: 3,
            module: "HandbookPatterns",
            title: "Dependency injection: composition root, witnesses and @TaskLocal",
            sources: ["Sources/HandbookPatterns/DependencyInjection.swift"],
            tests: ["Tests/HandbookPatternsTests/DependencyInjectionTests.swift"],
            seedTopics: ["patterns: DI"],
            experiments: [
                Experiment(
                    id: "dependency-injection.ignore-ambient-ids",
                    file: "Sources/HandbookPatterns/DependencyInjection.swift",
                    original: "makeID: @escaping @Sendable () -> User.ID = { Ambient.ids.next() }",
                    replacement: "makeID: @escaping @Sendable () -> User.ID = { IDGenerator.uuid.next() }",
                    caughtBy: "HandbookPatternsTests.DependencyInjectionTests/taskLocalOverrideIsScoped",
                    teaches: """
                        Hard-wiring the generator means the withValue override never reaches the application: \
                        the test expects t-1 and t-2 and gets random UUIDs. A dependency only scopes if the code \
                        reads it at call time.
                        """),
                Experiment(
                    id: "dependency-injection.add-mutable-singleton",
                    file: "Sources/HandbookPatterns/DependencyInjection.swift",
                    original: "public enum Ambient {",
                    replacement: "public enum Ambient {\n        public static var shared = Application.test()",
                    caughtBy: "HandbookPatternsTests.DependencyInjectionTests",
                    expect: .doesNotCompile,
                    teaches: """
                        A Go-style package singleton is nonisolated global shared mutable state: Swift 6 rejects \
                        it with [#MutableGlobalVariable]. Build the graph in a composition root and pass it along.
                        """),
            ]),
    ]
}
