import Foundation
import HandbookConcurrency
import HandbookTestSupport
import Testing

@Suite("Isolated conformances", .timeLimit(.minutes(1)))
struct IsolatedConformancesTests {
    typealias Lesson = IsolatedConformances

    @Test("on the main actor an isolated conformance works with generics and dynamic casts")
    @MainActor func isolatedConformanceWorksOnTheMainActor() {
        let dashboard = Lesson.Dashboard(title: "Orders")
        #expect(Lesson.renderAll([dashboard]) == ["<h1>Orders</h1>"])
        #expect(Lesson.renderIfRenderer(dashboard) == "<h1>Orders</h1>")
        #expect(dashboard.renderCount == 2, "the witness mutated main-actor state twice")
    }

    @Test("off the main actor a dynamic cast to the protocol fails: the conformance does not hold there")
    @MainActor func dynamicCastFailsOffTheMainActor() async {
        let dashboard = Lesson.Dashboard(title: "Orders")
        #expect(await Lesson.renderIfRendererOffTheMainActor(dashboard) == nil)
        #expect(dashboard.renderCount == 0)
        // Not a broken cast: a nonisolated conformance succeeds in the same place.
        let banner = Lesson.Banner(text: "sale")
        #expect(await Lesson.renderIfRendererOffTheMainActor(banner) == "<marquee>sale</marquee>")
    }

    @Test("with InferIsolatedConformances a bare `: Renderer` on a @MainActor class is an isolated conformance")
    @MainActor func inferredConformanceIsIsolated() async {
        let page = Lesson.StatusPage(status: "green")
        #expect(Lesson.renderIfRenderer(page) == "<p>green</p>")
        #expect(await Lesson.renderIfRendererOffTheMainActor(page) == nil)
    }

    @Test("fixture: in plain Swift 6 mode the same bare conformance is an error")
    func bareConformanceNeedsInferenceOrAnAnnotation() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/MainActorConformanceWithoutInference.swift",
            group: "ConformanceIsolation",
            diagnostics: ["conformance of 'StatusPage' to protocol 'Renderer' crosses into main actor-isolated code"])
    }

    @Test("fixture: the compiler rejects the conformance in nonisolated and @concurrent code and for Sendable generics")
    func isolatedConformanceIsRejectedOffTheMainActor() throws {
        let fixture = "HandbookConcurrency/IsolatedConformanceOffTheMainActor.swift"
        try CompileFailFixture.expect(
            fixture, group: "IsolatedConformances",
            diagnostics: [
                "main actor-isolated conformance of 'Dashboard' to 'Renderer' cannot be used in nonisolated context",
                "cannot satisfy conformance requirement for a 'Sendable' type parameter",
            ])
        let outcome = try CompileFailFixture.compile(fixture)
        #expect(try Self.errorLines(in: outcome) == Self.linesMarkedAsErrors(in: fixture))
    }

    @Test("fixture: an existential built from an isolated conformance cannot be sent to another task")
    func isolatedExistentialCannotBeSent() throws {
        let fixture = "HandbookConcurrency/IsolatedConformanceSentAway.swift"
        try CompileFailFixture.expect(
            fixture, group: "SendingClosureRisksDataRace",
            diagnostics: ["risks causing data races between main actor-isolated code and concurrent execution"])
        let outcome = try CompileFailFixture.compile(fixture)
        #expect(try Self.errorLines(in: outcome) == Self.linesMarkedAsErrors(in: fixture))
    }

    @Test("pitfall: under InferIsolatedConformances a synthesized Equatable on a @MainActor struct is main-actor only")
    @MainActor func synthesizedEquatableIsIsolatedToo() async {
        let version = Lesson.Version(major: 6, minor: 2)
        #expect(version == Lesson.Version(major: 6, minor: 2))
        #expect((version as Any) is any Equatable)
        #expect(await Lesson.isEquatableOffTheMainActor(version) == false)
        // The fix: `nonisolated Equatable` is Equatable everywhere.
        let shared = Lesson.SharedVersion(major: 6, minor: 2)
        #expect(await Lesson.isEquatableOffTheMainActor(shared))
    }

    @Test("pitfall: the pre-6.2 workarounds compile everywhere, work on the main actor and trap off it")
    func legacyWorkaroundsTrapOffTheMainActor() async {
        let rendered = await MainActor.run {
            [
                Lesson.renderIfRenderer(Lesson.LegacyDashboard(title: "Orders")),
                Lesson.renderIfRenderer(Lesson.PreconcurrencyDashboard(title: "Orders")),
            ]
        }
        #expect(rendered == ["<h1>Orders</h1>", "<h1>Orders</h1>"])
        // Neither conformance is isolated, so the cast succeeds off the main
        // actor, and the witness's run-time check then kills the process.
        await #expect(processExitsWith: .failure) {
            let legacy = await MainActor.run { Lesson.LegacyDashboard(title: "Orders") }
            _ = await Lesson.renderIfRendererOffTheMainActor(legacy)
        }
        await #expect(processExitsWith: .failure) {
            let preconcurrency = await MainActor.run { Lesson.PreconcurrencyDashboard(title: "Orders") }
            _ = await Lesson.renderIfRendererOffTheMainActor(preconcurrency)
        }
    }

    // MARK: - Matching diagnostics to the fixture's marked lines

    /// Line numbers of the `error:` diagnostics in `outcome`.
    static func errorLines(in outcome: CompileFailFixture.Outcome) throws -> Set<Int> {
        let pattern = try Regex(#"\.swift:(\d+):\d+: error:"#)
        return Set(
            outcome.diagnostics.split(separator: "\n").compactMap { line in
                (try? pattern.firstMatch(in: String(line)))
                    .flatMap { $0.output[1].substring }.flatMap { Int($0) }
            })
    }

    /// Line numbers of the fixture's lines commented `// error`.
    static func linesMarkedAsErrors(in fixture: String) throws -> Set<Int> {
        let text = try String(
            contentsOf: PackagePaths.url("Fixtures/CompileFail/\(fixture)"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return Set(lines.indices.filter { lines[$0].contains("// error") }.map { $0 + 1 })
    }
}
