import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook`: the learning path, the catalogue, the lesson runner, break-it
/// experiments and the learner's progress. Every subcommand reads `Catalogue`.
///
/// Exit codes: 0 success; 1 a test failed or an experiment was not caught;
/// 2 bad input (an unknown id, a missing toolchain).
public struct Handbook: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Executable Swift answers to backend interview topics: read, run, break it, modify.",
        discussion: "Run with no arguments for the learning path.",
        subcommands: [
            LearningPath.self, List.self, Show.self, TestLesson.self, Break.self, Experiments.self,
            Progress.self, Practice.self, Hunt.self, Mock.self, Review.self, Plan.self, Readme.self,
        ],
        defaultSubcommand: LearningPath.self
    )

    public init() {}
}

/// Errors every subcommand reports the same way: a message on stderr and a
/// documented exit code.
enum HandbookError: Error, CustomStringConvertible, Equatable {
    /// Bad input (an unknown id): exit code 2.
    case unknownLesson(String, suggestions: [String])
    case unknownExperiment(String, suggestions: [String])
    case unknownModule(String, suggestions: [String])
    case unknownExercise(String, suggestions: [String])
    case badArguments(String)
    case noToolchain
    /// The lesson's tests failed: exit code 1.
    case testsFailed(String)
    /// At least one experiment did not behave as catalogued: exit code 1.
    case experimentsNotCaught([String])
    case staleReadme([String])
    case missingReadme(String)
    /// Another `handbook break` is using the same scratch copy: exit code 1.
    case mirrorInUse(String)
    /// The scratch copy does not build even without an experiment: exit code 1.
    case scratchCopyDoesNotBuild([String])
    /// A practice workspace is missing, already started, or a solution is
    /// asked for before a pass: exit code 1.
    case practice(String)
    /// Ctrl-C or SIGTERM stopped a long-running command: exit code 130, as a
    /// shell reports a process killed by SIGINT.
    case interrupted

    var description: String {
        switch self {
        case .unknownLesson(let id, let suggestions):
            "no lesson with id '\(id)'."
                + (suggestions.isEmpty ? "" : " Closest: \(suggestions.joined(separator: ", ")).")
                + "\nRun `swift run handbook list` for every id."
        case .unknownExperiment(let id, let suggestions):
            "no experiment with id '\(id)'."
                + (suggestions.isEmpty ? "" : " Closest: \(suggestions.joined(separator: ", ")).")
                + "\nRun `swift run handbook experiments` for every id."
        case .unknownModule(let name, let suggestions):
            "no module named '\(name)'."
                + (suggestions.isEmpty ? "" : " Closest: \(suggestions.joined(separator: ", ")).")
        case .unknownExercise(let id, let suggestions):
            "no exercise with id '\(id)'."
                + (suggestions.isEmpty ? "" : " Closest: \(suggestions.joined(separator: ", ")).")
                + "\nRun `swift run handbook practice` for every id."
        case .badArguments(let message):
            message
        case .practice(let message):
            message
        case .interrupted:
            "stopped (Ctrl-C); the build or test it was running was stopped too. Your files are as you left them."
        case .noToolchain:
            "no Swift toolchain found: `swift` is not on PATH. Install Swift 6.2 or later, or set SWIFT_EXEC "
                + "to the swift binary."
        case .testsFailed(let lesson):
            "\(lesson): some tests failed (see above)."
        case .experimentsNotCaught(let ids):
            "not caught as catalogued: \(ids.joined(separator: ", ")). Fix the test, not the experiment."
        case .staleReadme(let files):
            "generated maps are stale in: \(files.joined(separator: ", ")). Run `swift run handbook readme --write`."
        case .missingReadme(let path):
            "\(path) is missing: every module needs a learning page with the generated-map markers."
        case .mirrorInUse(let path):
            "another `handbook break` is running in \(path); wait for it, or stop it, and try again."
        case .scratchCopyDoesNotBuild(let lines):
            (["the package does not build in the scratch copy, before any experiment:"] + lines)
                .joined(separator: "\n")
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .unknownLesson, .unknownExperiment, .unknownModule, .unknownExercise, .badArguments, .noToolchain:
            ExitCode(2)
        case .staleReadme, .missingReadme, .testsFailed, .experimentsNotCaught, .mirrorInUse,
            .scratchCopyDoesNotBuild, .practice:
            ExitCode(1)
        case .interrupted:
            ExitCode(130)
        }
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a ``HandbookError`` into its message and exit code.
    func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as HandbookError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw error.exitCode
        }
    }
}

/// Looks up a lesson or fails with the closest ids.
func requireLesson(_ id: String) throws -> Lesson {
    if let lesson = Catalogue.lesson(id: id) { return lesson }
    throw HandbookError.unknownLesson(id, suggestions: Suggestions.closest(to: id, in: Catalogue.lessons.map(\.id)))
}

/// Looks up an experiment or fails with the closest ids.
func requireExperiment(_ id: String) throws -> (lesson: Lesson, experiment: Experiment) {
    if let found = Catalogue.experiment(id: id) { return found }
    let ids = Catalogue.lessons.flatMap(\.experiments).map(\.id)
    throw HandbookError.unknownExperiment(id, suggestions: Suggestions.closest(to: id, in: ids))
}

/// Looks up a module by its name (`HandbookBasics`) or its seed word (`basics`).
func requireModule(_ name: String) throws -> Catalogue.Module {
    if let module = Catalogue.modules.first(where: { $0.name == name || $0.idPrefix == name }) { return module }
    let names = Catalogue.modules.map(\.name)
    throw HandbookError.unknownModule(name, suggestions: Suggestions.closest(to: name, in: names))
}
