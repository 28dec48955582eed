import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook break <experiment-id>` and `handbook break --all [--module M]`:
/// apply catalogued experiments in a scratch copy and check that their tests
/// catch them.
struct Break: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply a break-it experiment in a scratch copy and watch its test catch it.",
        discussion: """
            Your working tree is never modified: the package is mirrored into a cache folder \
            (reused between runs, so only the first build is slow), the edit is applied there, and the \
            experiment's tests run with a timeout. Exit status: 0 when every experiment behaved as \
            catalogued, 1 when one was not caught, 2 on bad input.
            """
    )

    @Argument(help: "An experiment id (see `handbook experiments`).")
    var experimentID: String?

    @Flag(help: "Run every experiment (or every experiment of --module).")
    var all = false

    @Option(help: "With --all: only this module (HandbookBasics or basics).")
    var module: String?

    @Option(help: "With --all: only lessons of this phase (repeat it for several: --phase 1 --phase 2).")
    var phase: [Int] = []

    @Option(help: "Seconds the tests may run before the experiment counts as a hang.")
    var timeout: Int = 150

    @Option(help: "The same, for experiments catalogued to hang (capped by --timeout).")
    var hangTimeout: Int = 10

    @Flag(help: "With --all: print the summary as JSON.")
    var json = false

    @Option(
        name: .customLong("reuse-build"),
        help: """
            PACKAGE=FOLDER: build PACKAGE's experiments (e.g. Service) in this existing build folder \
            (e.g. Service/.build) instead of a new one, so its dependencies are not compiled again; \
            its own targets are rebuilt for the scratch copy. CI uses it once the checkout's build is done with.
            """)
    var reuseBuild: [String] = []

    /// `--reuse-build` as package → folder.
    func reusedBuilds() throws -> [String: URL] {
        var folders: [String: URL] = [:]
        for entry in reuseBuild {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--reuse-build takes PACKAGE=FOLDER, got \(entry)")
            }
            guard Catalogue.lessons.contains(where: { $0.package == parts[0] }) else {
                throw ValidationError("--reuse-build: no lesson lives in a package named \(parts[0])")
            }
            folders[parts[0]] = URL(fileURLWithPath: parts[1]).standardizedFileURL
        }
        return folders
    }

    func validate() throws {
        if all == (experimentID != nil) { throw ValidationError("give one experiment id, or --all") }
        if module != nil || !phase.isEmpty, !all { throw ValidationError("--module and --phase go with --all") }
        if let unknown = phase.first(where: { Catalogue.phases[$0] == nil }) {
            throw ValidationError("no phase \(unknown): phases are \(Catalogue.phaseRange)")
        }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        if hangTimeout < 1 { throw ValidationError("--hang-timeout must be at least 1 second") }
        _ = try reusedBuilds()
    }

    func run() throws {
        try reporting {
            let targets = try selectedExperiments()
            let workspace = try Workspace.locate()
            let mirror = WorkspaceMirror(workspace: workspace)
            let claim = try mirror.claim()
            defer { withExtendedLifetime(claim) {} }
            // Notes go to stderr: with --json, stdout carries only the JSON.
            if claim.leftoversKilled > 0 {
                note("Stopped \(claim.leftoversKilled) process(es) an earlier run left in \(mirror.scratch.path).")
            }
            let runners = Runners(
                mirror: mirror, toolchain: try Toolchain.locate(),
                hangTimeout: .seconds(timeout), expectedHangTimeout: .seconds(hangTimeout),
                reusedBuilds: try reusedBuilds(), note: note)
            let progress = ProgressStore(file: ProgressStore.defaultFile())
            if all {
                try runAll(targets, runners: runners, progress: progress)
            } else if let (lesson, experiment) = targets.first {
                try runOne(experiment, of: lesson, runner: runners.runner(for: lesson), progress: progress)
            }
        }
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    func selectedExperiments() throws -> [(Lesson, Experiment)] {
        if let experimentID {
            let found = try requireExperiment(experimentID)
            return [(found.lesson, found.experiment)]
        }
        let lessons = try module.map { try Catalogue.lessons(in: requireModule($0)) } ?? Catalogue.lessons
        return lessons.filter { phase.isEmpty || phase.contains($0.phase) }
            .flatMap { lesson in lesson.experiments.map { (lesson, $0) } }
    }

    /// One runner per package, each built (``ExperimentRunner/prepare()``)
    /// just before its first experiment: `--phase 1` never builds SwiftNIO.
    final class Runners {
        private let mirror: WorkspaceMirror
        private let toolchain: Toolchain
        private let hangTimeout: Duration
        private let expectedHangTimeout: Duration
        private let note: (String) -> Void
        private let reusedBuilds: [String: URL]
        private var prepared: [String: ExperimentRunner] = [:]

        init(
            mirror: WorkspaceMirror, toolchain: Toolchain, hangTimeout: Duration, expectedHangTimeout: Duration,
            reusedBuilds: [String: URL] = [:], note: @escaping (String) -> Void
        ) {
            self.mirror = mirror
            self.toolchain = toolchain
            self.hangTimeout = hangTimeout
            self.expectedHangTimeout = expectedHangTimeout
            self.reusedBuilds = reusedBuilds
            self.note = note
        }

        func runner(for lesson: Lesson) throws -> ExperimentRunner {
            let key = lesson.package ?? "."
            if let runner = prepared[key] { return runner }
            let runner = ExperimentRunner(
                mirror: mirror, toolchain: toolchain, package: lesson.package, hangTimeout: hangTimeout,
                expectedHangTimeout: expectedHangTimeout, reusedBuild: lesson.package.flatMap { reusedBuilds[$0] })
            let what = lesson.package.map { "the \($0) package of the scratch copy" } ?? "the scratch copy"
            note("Building \(what) in \(runner.scratch.path) (the first time, this compiles everything)…")
            try runner.prepare()
            prepared[key] = runner
            return runner
        }
    }

    private func runOne(
        _ experiment: Experiment, of lesson: Lesson, runner: ExperimentRunner, progress: ProgressStore
    ) throws {
        let style = Style.standardOutput
        print(style.bold("Breaking \(experiment.id)") + style.dim("  (lesson \(lesson.id))"))
        print("In \(experiment.file), replacing:")
        print(experiment.original.indented(by: 4))
        print("with:")
        print(experiment.replacement.isEmpty ? "    (nothing)" : experiment.replacement.indented(by: 4))
        print(style.dim("Building and running `swift test --filter '\(experiment.caughtBy)'` in a scratch copy…"))
        let report = try runner.run(experiment, of: lesson)
        print("")
        for line in report.details { print("  " + line) }
        print("")
        print(style.accent("What this teaches"))
        print(experiment.teaches.wrapped(width: 96).indented(by: 2))
        print("")
        let verdict =
            "expected \(report.expected.rawValue), observed \(report.observed.rawValue) "
            + "(\(String(format: "%.0f", report.seconds)) s)"
        if report.behavedAsCatalogued {
            print(style.good("✔ Caught: \(verdict)"))
            ProgressStore.saving { try progress.recordBreak(lesson: lesson.id, experiment: experiment.id) }
        } else {
            print(style.bold("✘ Not as catalogued: \(verdict)"))
            throw HandbookError.experimentsNotCaught([experiment.id])
        }
    }

    private func runAll(_ targets: [(Lesson, Experiment)], runners: Runners, progress: ProgressStore) throws {
        let style = Style.standardOutput
        let bar = ProgressBar(total: targets.count, enabled: !json && isatty(STDERR_FILENO) == 1)
        var reports: [ExperimentRunner.Report] = []
        for (index, (lesson, experiment)) in targets.enumerated() {
            bar.show(index, label: experiment.id)
            let report = try runners.runner(for: lesson).run(experiment, of: lesson)
            reports.append(report)
            if report.behavedAsCatalogued {
                ProgressStore.saving { try progress.recordBreak(lesson: lesson.id, experiment: experiment.id) }
            }
            if !json, !bar.enabled {
                let mark = report.behavedAsCatalogued ? "ok  " : "FAIL"
                // Unbuffered, so CI logs show each experiment as it finishes.
                let line =
                    "\(mark) \(experiment.id): expected \(report.expected.rawValue), "
                    + "observed \(report.observed.rawValue) (\(String(format: "%.0f", report.seconds)) s)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        }
        bar.finish()
        let missed = reports.filter { !$0.behavedAsCatalogued }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(["experiments": reports]), as: UTF8.self))
        } else {
            print(SummaryTable.render(reports, style: style))
            let total = reports.map(\.seconds).reduce(0, +)
            print(
                "\(reports.count - missed.count) passed, \(missed.count) failed in \(String(format: "%.0f", total)) s")
            for report in reports.sorted(by: { $0.seconds > $1.seconds }).prefix(3) {
                print(style.dim("  slowest: \(report.experiment) \(String(format: "%.0f", report.seconds)) s"))
            }
            for report in missed {
                print(style.bold("\(report.experiment):"))
                report.details.forEach { print("    " + $0) }
            }
        }
        if !missed.isEmpty { throw HandbookError.experimentsNotCaught(missed.map(\.experiment)) }
    }
}

/// A one-line progress bar on stderr, only on a terminal.
struct ProgressBar {
    var total: Int
    var enabled: Bool

    func show(_ done: Int, label: String) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(bar) \(done)/\(total) \(label)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// The `break --all` summary: experiment, expected, observed, time.
enum SummaryTable {
    static func render(_ reports: [ExperimentRunner.Report], style: Style) -> String {
        let width = max(10, reports.map(\.experiment.count).max() ?? 0)
        var lines = [
            "experiment".padding(toLength: width, withPad: " ", startingAt: 0)
                + "  expected        observed        time"
        ]
        for report in reports {
            let row =
                report.experiment.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + report.expected.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                + report.observed.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: "%4.0f s", report.seconds)
            lines.append(report.behavedAsCatalogued ? row : style.bold(row + "  ✘"))
        }
        return lines.joined(separator: "\n")
    }
}
