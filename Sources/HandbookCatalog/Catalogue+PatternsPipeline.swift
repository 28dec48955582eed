extension Catalogue {
    static let patternsPipelineLessons: [Lesson] = [
        Lesson(
            id: "patterns.middleware",
            phase: 3,
            module: "HandbookPatterns",
            title: "Middleware: a handler chain with typed request context",
            sources: ["Sources/HandbookPatterns/Middleware.swift"],
            tests: ["Tests/HandbookPatternsTests/MiddlewareTests.swift"],
            seedTopics: ["patterns: Middleware"],
            experiments: [
                Experiment(
                    id: "middleware.last-layer-outermost",
                    file: "Sources/HandbookPatterns/Middleware.swift",
                    original: "layers.reversed().reduce(handler) { next, layer in layer(next) }",
                    replacement: "layers.reduce(handler) { next, layer in layer(next) }",
                    caughtBy:
                        "HandbookPatternsTests.MiddlewareTests/(firstLayerIsOutermost|orderOfLogAndAuthChangesTheLog)",
                    teaches: """
                        Folding from the front wraps the first layer first, so it ends up innermost: the trace reads \
                        c>b>a> instead of a>b>c>, and a chain written [log, auth] stops logging rejected requests. \
                        Only the direction of the fold decides which layer is outermost.
                        """),
                Experiment(
                    id: "middleware.logger-swallows-errors",
                    file: "Sources/HandbookPatterns/Middleware.swift",
                    original: """
                        await sink("ERROR \\(route): \\(error)")
                                            throw error
                        """,
                    replacement: """
                        await sink("ERROR \\(route): \\(error)")
                                            return PlainResponse(status: 500)
                        """,
                    caughtBy: "HandbookPatternsTests.MiddlewareTests/handlerErrorReachesOuterMiddleware",
                    teaches: """
                        A logging layer that answers instead of rethrowing hides the error from every layer outside \
                        it: the error mapper never sees the handler's 404 and the client gets a bare 500. Layers \
                        that observe errors must rethrow them.
                        """),
                Experiment(
                    id: "middleware.auth-falls-through",
                    file: "Sources/HandbookPatterns/Middleware.swift",
                    original: "return PlainResponse(status: 401, body: \"unauthorized\")",
                    replacement: "return try await next(request, context)",
                    caughtBy: "HandbookPatternsTests.MiddlewareTests/missingRoleIsUnauthorized",
                    teaches: """
                        An auth layer that calls next on failure is Go's classic missing `return` after \
                        http.Error: the handler runs for anonymous callers. Short-circuiting means not calling next.
                        """),
                Experiment(
                    id: "middleware.context-as-class",
                    file: "Sources/HandbookPatterns/Middleware.swift",
                    original: "public struct Context: Sendable {",
                    replacement: "public final class Context: @unchecked Sendable {",
                    caughtBy: "HandbookPatternsTests.MiddlewareTests/contextIsAValueFlowingInward",
                    teaches: """
                        With a class, `var context = context` copies a reference, so what inner layers store leaks \
                        back out to the outer ones (and to anyone else holding the object). A struct context keeps \
                        data flowing inward only, with no locking.
                        """),
            ]),
        Lesson(
            id: "patterns.functional-options",
            phase: 3,
            module: "HandbookPatterns",
            title: "Functional options, validated, and a result-builder DSL",
            sources: ["Sources/HandbookPatterns/FunctionalOptions.swift"],
            tests: ["Tests/HandbookPatternsTests/FunctionalOptionsTests.swift"],
            seedTopics: ["patterns: Functional Options"],
            experiments: [
                Experiment(
                    id: "functional-options.apply-in-reverse",
                    file: "Sources/HandbookPatterns/FunctionalOptions.swift",
                    original: """
                        var config = ServerConfig()
                                    for option in options {
                                        option(&config)
                                    }
                                    try config.validate()
                        """,
                    replacement: """
                        var config = ServerConfig()
                                    for option in options.reversed() {
                                        option(&config)
                                    }
                                    try config.validate()
                        """,
                    caughtBy: "HandbookPatternsTests.FunctionalOptionsTests/lastOptionWins",
                    teaches: """
                        Options are last-write-wins only because they run in order: reversed, the first option wins, \
                        so a preset applied before an override silently beats it (port 443 instead of 8443).
                        """),
                Experiment(
                    id: "functional-options.skip-validation",
                    file: "Sources/HandbookPatterns/FunctionalOptions.swift",
                    original: """
                                    try config.validate()
                                    self.config = config
                        """,
                    replacement: """
                                    self.config = config
                        """,
                    caughtBy: "HandbookPatternsTests.FunctionalOptionsTests/invalidOptionThrows",
                    teaches: """
                        Without the final validate() the server is Go's NewServer again: port 0 and a zero timeout \
                        are accepted without a word, and the error surfaces later as a server that cannot listen.
                        """),
                Experiment(
                    id: "functional-options.port-zero-allowed",
                    file: "Sources/HandbookPatterns/FunctionalOptions.swift",
                    original: "guard (1...65_535).contains(port) else { throw .invalidPort(port) }",
                    replacement: "guard (0...65_535).contains(port) else { throw .invalidPort(port) }",
                    caughtBy: "HandbookPatternsTests.FunctionalOptionsTests/invalidOptionThrows",
                    teaches: """
                        Port 0 asks the OS for any free port: useful in tests, wrong for a server clients must find. \
                        The boundary table catches the off-by-one that a happy-path test never would.
                        """),
                Experiment(
                    id: "functional-options.option-not-sendable",
                    file: "Sources/HandbookPatterns/FunctionalOptions.swift",
                    original: "public typealias ServerOption = @Sendable (inout ServerConfig) -> Void",
                    replacement: "public typealias ServerOption = (inout ServerConfig) -> Void",
                    caughtBy: "HandbookPatternsTests.FunctionalOptionsTests",
                    expect: .doesNotCompile,
                    teaches: """
                        A plain closure type is not Sendable, so `static let productionOptions: [ServerOption]` is \
                        shared mutable-looking state Swift 6 refuses: global presets of options need @Sendable.
                        """),
            ]),
    ]
}
