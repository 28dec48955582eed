import Foundation
import HandbookCatalog

/// Applies one catalogued experiment in the mirror, builds, runs its
/// `caughtBy` tests and classifies what happened.
struct ExperimentRunner: Sendable {
    /// What was observed; the first three match ``Experiment/Expectation``.
    enum Observed: String, Codable, Sendable {
        case fails, hangs, doesNotCompile
        /// Every `caughtBy` test still passed: the experiment was not caught.
        case passes
        /// The `caughtBy` filter matched no test at all.
        case noTests
        /// The experiment could not be applied.
        case notApplied
        /// The build itself did not finish within ``ExperimentRunner/buildTimeout``.
        case buildTimedOut
    }

    struct Report: Codable, Sendable {
        var experiment: String
        var lesson: String
        var expected: Experiment.Expectation
        var observed: Observed
        var seconds: Double
        var details: [String]

        var behavedAsCatalogued: Bool { observed.rawValue == expected.rawValue }
    }

    var mirror: WorkspaceMirror
    var toolchain: Toolchain
    /// The package the experiments build in, relative to the repository root
    /// (`nil`: the root package; `"Service"`: Phase 5). Each package builds
    /// in a folder of its own in the mirror's cache.
    var package: String? = nil
    /// How long the tests may run before the experiment counts as a hang.
    var hangTimeout: Duration = .seconds(150)
    /// The same limit for experiments catalogued as `.hangs`: their tests
    /// would only fail at Swift Testing's one-minute time limit, and a
    /// filtered test run that has not finished by then has hung (the test
    /// binary starts in a fraction of a second).
    var expectedHangTimeout: Duration = .seconds(10)
    /// How long one build may take. Incremental builds take seconds; the
    /// first one in a new mirror compiles everything.
    var buildTimeout: Duration = .seconds(1200)

    /// The root package's test product: building only it skips the
    /// `handbook` executable and its plugins, which no experiment's test needs.
    static let testProduct = "BackendInterviewHandbookPackageTests"

    /// SwiftPM names a package's test product `<package name>PackageTests`.
    static func testProduct(forPackageNamed name: String) -> String { "\(name)PackageTests" }

    /// The package's folder in the mirror.
    var packageSource: URL { package.map { mirror.source.appendingPathComponent($0) } ?? mirror.source }

    /// An existing build folder to build in instead (`--reuse-build`): the
    /// dependencies it holds are checked out and compiled at the same paths,
    /// so SwiftPM compiles only the scratch copy's own targets.
    var reusedBuild: URL? = nil

    /// The package's build folder: in the mirror's cache, or the reused one.
    var scratch: URL {
        reusedBuild ?? package.map { mirror.cache.appendingPathComponent("scratch-\($0)") } ?? mirror.scratch
    }

    /// The test product of the package the runner builds: read from its
    /// manifest's `name:`, so renaming the package cannot silently break it.
    var testProduct: String {
        guard let package,
            let manifest = try? mirror.workspace.read("\(package)/Package.swift"),
            let match = manifest.firstMatch(of: /Package\(\s*name:\s*"([^"]+)"/)
        else { return Self.testProduct }
        return Self.testProduct(forPackageNamed: String(match.1))
    }

    /// The time limit that applies to `experiment`'s test run.
    func timeout(for experiment: Experiment) -> Duration {
        experiment.expect == .hangs ? min(hangTimeout, expectedHangTimeout) : hangTimeout
    }

    func run(_ experiment: Experiment, of lesson: Lesson) throws -> Report {
        let started = ContinuousClock.now
        func report(_ observed: Observed, _ details: [String]) -> Report {
            let elapsed = started.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return Report(
                experiment: experiment.id, lesson: lesson.id, expected: experiment.expect, observed: observed,
                seconds: seconds, details: details)
        }
        try mirror.sync()
        defer { _ = try? mirror.sync() }  // leave the copy clean for the next run
        do {
            try mirror.apply(experiment)
        } catch {
            return report(.notApplied, ["\(error)"])
        }
        let build = try buildTestProduct()
        if build.timedOut { return report(.buildTimedOut, ["the build did not finish in \(buildTimeout)"]) }
        if build.exitCode != 0 {
            return report(.doesNotCompile, TestOutput.failureLines(in: build.output))
        }
        let limit = timeout(for: experiment)
        let test = try runTests(matching: experiment.caughtBy, timeout: limit)
        if test.timedOut { return report(.hangs, ["no result after \(limit)"]) }
        if test.output.contains("with 0 tests") && TestOutput.counts(in: test.output) == (0, 0) {
            return report(.noTests, ["the filter '\(experiment.caughtBy)' matched no test"])
        }
        if test.exitCode != 0 {
            let lines = TestOutput.failureLines(in: test.output)
            return report(.fails, lines.isEmpty ? ["the test process exited with status \(test.exitCode)"] : lines)
        }
        return report(.passes, ["every test matching '\(experiment.caughtBy)' still passed"])
    }

    /// Builds the unmodified copy before any experiment, so that a failed
    /// build later is the experiment's doing, not the copy's. A build folder
    /// left broken (an earlier run killed mid-build) is deleted and the copy
    /// built again from scratch, once.
    /// - Throws: ``HandbookError/scratchCopyDoesNotBuild(_:)`` when even the
    ///   fresh build fails.
    func prepare() throws {
        try mirror.sync()
        if let build = try? buildTestProduct(), build.exitCode == 0, !build.timedOut { return }
        // A reused folder is not ours to delete: report the failure instead.
        if reusedBuild == nil { try? FileManager.default.removeItem(at: scratch) }
        let build = try buildTestProduct()
        if build.timedOut { throw HandbookError.scratchCopyDoesNotBuild(["no result after \(buildTimeout)"]) }
        if build.exitCode != 0 {
            throw HandbookError.scratchCopyDoesNotBuild(TestOutput.failureLines(in: build.output))
        }
    }

    private func buildTestProduct() throws -> Toolchain.Outcome {
        try toolchain.run(
            ["build", "--product", testProduct, "--scratch-path", scratch.path], in: packageSource,
            timeout: buildTimeout, reaping: scratch)
    }

    /// Runs the tests matching `filter` from the freshly built test binary.
    ///
    /// On Linux the binary is started directly, as `swift test` would start
    /// it: that saves SwiftPM's second start-up per experiment, and the
    /// binary is then a child of ours, in a process group the timeout kills.
    private func runTests(matching filter: String, timeout: Duration) throws -> Toolchain.Outcome {
        #if os(Linux)
            let binary = scratch.appendingPathComponent("debug/\(testProduct).xctest")
            if FileManager.default.isExecutableFile(atPath: binary.path) {
                return try ChildProcess.run(
                    binary, ["--testing-library", "swift-testing", "--filter", filter], in: packageSource,
                    environment: ["NO_COLOR": "1"], timeout: timeout, reaping: scratch)
            }
        #endif
        return try toolchain.run(
            ["test", "--skip-build", "--filter", filter, "--scratch-path", scratch.path], in: packageSource,
            timeout: timeout, reaping: scratch)
    }
}
