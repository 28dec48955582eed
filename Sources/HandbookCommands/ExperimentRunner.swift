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
    /// How long the tests may run before the experiment counts as a hang.
    var hangTimeout: Duration = .seconds(150)
    /// The same limit for experiments catalogued as `.hangs`: their tests
    /// would only fail at Swift Testing's one-minute time limit, and a
    /// filtered test run that has not finished by then has hung.
    var expectedHangTimeout: Duration = .seconds(20)

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
        let scratch = ["--scratch-path", mirror.scratch.path]
        let build = try toolchain.run(["build", "--build-tests"] + scratch, in: mirror.source)
        if build.exitCode != 0 {
            return report(.doesNotCompile, TestOutput.failureLines(in: build.output))
        }
        let limit = timeout(for: experiment)
        let test = try toolchain.run(
            ["test", "--skip-build", "--filter", experiment.caughtBy] + scratch, in: mirror.source,
            timeout: limit, reaping: mirror.scratch)
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
}
