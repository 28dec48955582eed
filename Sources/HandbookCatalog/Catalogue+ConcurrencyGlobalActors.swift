extension Catalogue {
    static let concurrencyGlobalActorLessons: [Lesson] = [
        Lesson(
            id: "concurrency.global-actors-on-a-server",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Global actors on a server: who drains @MainActor, and why a global actor is a global lock",
            sources: ["Sources/HandbookConcurrency/GlobalActorsOnAServer.swift"],
            tests: ["Tests/HandbookConcurrencyTests/GlobalActorsOnAServerTests.swift"],
            experiments: [
                Experiment(
                    id: "global-actors-on-a-server.detach-the-task",
                    file: "Sources/HandbookConcurrency/GlobalActorsOnAServer.swift",
                    original: "await Task { #isolation }.value",
                    replacement: "await Task.detached { #isolation }.value",
                    caughtBy: "HandbookConcurrencyTests.GlobalActorsOnAServerTests/taskStartedOnTheMainActorInheritsIt",
                    teaches: """
                        Task.detached drops the main actor that Task {} inherits from @MainActor code: the task \
                        reports #isolation nil instead of MainActor.shared. That is one way to get CPU work off the \
                        main actor (a @concurrent function is the precise one): the synchronous parts of a plain \
                        Task {} there are serialised with every other main-actor job.
                        """),
                Experiment(
                    id: "global-actors-on-a-server.shard-on-the-global-actor",
                    file: "Sources/HandbookConcurrency/GlobalActorsOnAServer.swift",
                    original: "public actor Shard {\n        public init(name: String)",
                    replacement:
                        "@StorageActor public final class Shard {\n        public nonisolated init(name: String)",
                    caughtBy: "HandbookConcurrencyTests.GlobalActorsOnAServerTests/separateActorsRunInParallel",
                    teaches: """
                        Moving Shard onto the StorageActor global actor makes the east and west shards share one \
                        executor: while one shard waits inside its job for the other, the other's job cannot \
                        start, so the first rendezvous times out after 2 s and reports false. A global actor is one \
                        lock for every type it annotates.
                        """),
            ]),
        Lesson(
            id: "concurrency.isolated-conformances",
            phase: 2,
            module: "HandbookConcurrency",
            title:
                "Isolated conformances: a @MainActor type conforms to a nonisolated protocol, on the main actor only",
            sources: ["Sources/HandbookConcurrency/IsolatedConformances.swift"],
            tests: ["Tests/HandbookConcurrencyTests/IsolatedConformancesTests.swift"],
            experiments: [
                Experiment(
                    id: "isolated-conformances.cast-on-the-callers-actor",
                    file: "Sources/HandbookConcurrency/IsolatedConformances.swift",
                    original: "@concurrent public static func renderIfRendererOffTheMainActor",
                    replacement: "nonisolated(nonsending) public static func renderIfRendererOffTheMainActor",
                    caughtBy:
                        "HandbookConcurrencyTests.IsolatedConformancesTests/(dynamicCastFailsOffTheMainActor|inferredConformanceIsIsolated)",
                    teaches: """
                        A nonisolated(nonsending) function called from the main actor runs on the main actor, so \
                        the dynamic cast to Renderer now succeeds and the tests get markup instead of nil. Whether \
                        an isolated conformance applies is decided at run time by where the cast executes.
                        """),
                Experiment(
                    id: "isolated-conformances.nonisolated-conformance",
                    file: "Sources/HandbookConcurrency/IsolatedConformances.swift",
                    original: "extension IsolatedConformances.Dashboard: @MainActor IsolatedConformances.Renderer {",
                    replacement:
                        "extension IsolatedConformances.Dashboard: nonisolated IsolatedConformances.Renderer {",
                    caughtBy: "HandbookConcurrencyTests.IsolatedConformancesTests",
                    expect: .doesNotCompile,
                    teaches: """
                        A nonisolated conformance needs nonisolated witnesses, and Dashboard's render() reads and \
                        mutates main-actor state, so the package stops compiling: "conformance of 'Dashboard' to \
                        protocol 'Renderer' crosses into main actor-isolated code" [#ConformanceIsolation]. Only an \
                        isolated conformance lets it conform.
                        """),
            ]),
        Lesson(
            id: "concurrency.isolated-deinit",
            phase: 2,
            module: "HandbookConcurrency",
            title: "Isolated deinit: cleanup on the actor, and when it really runs",
            sources: ["Sources/HandbookConcurrency/IsolatedDeinit.swift"],
            tests: ["Tests/HandbookConcurrencyTests/IsolatedDeinitTests.swift"],
            experiments: [
                Experiment(
                    id: "isolated-deinit.spawn-a-task-instead",
                    file: "Sources/HandbookConcurrency/IsolatedDeinit.swift",
                    original: "isolated deinit {\n            registry.remove(id)\n        }",
                    replacement:
                        "deinit {\n            Task { @RegistryActor [registry, id] in registry.remove(id) }\n        }",
                    caughtBy: "HandbookConcurrencyTests.IsolatedDeinitTests/releaseOnTheActorCleansUpInline",
                    teaches: """
                        The pre-6.2 workaround, a plain deinit that starts a Task on the registry's actor, still \
                        unsubscribes, but always later: dropped on the actor, the subscription is still registered \
                        on the next line, because the new task waits for the actor the test is running on. An \
                        isolated deinit runs inline there.
                        """),
                Experiment(
                    id: "isolated-deinit.plain-deinit",
                    file: "Sources/HandbookConcurrency/IsolatedDeinit.swift",
                    original: "isolated deinit {\n            registry.remove(id)",
                    replacement: "deinit {\n            registry.remove(id)",
                    caughtBy: "HandbookConcurrencyTests.IsolatedDeinitTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Without `isolated`, the deinit of a @RegistryActor class is nonisolated, and the compiler \
                        rejects the synchronous call to the registry's actor-isolated remove(_:) \
                        [#ActorIsolatedCall]. Swift 6 allows no unchecked shortcut here.
                        """),
            ]),
    ]
}
