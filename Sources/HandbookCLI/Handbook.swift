import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook`: the learning path, the catalogue and (in later releases) the
/// test and break-it runners. Every subcommand reads `Catalogue`.
@main
struct Handbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Executable Swift answers to backend interview topics: read, run, break it, modify.",
        discussion: "Run with no arguments for the learning path.",
        subcommands: [LearningPath.self, List.self, Show.self, Readme.self],
        defaultSubcommand: LearningPath.self
    )
}

/// Errors every subcommand reports the same way: a message on stderr and a
/// documented exit code.
enum HandbookError: Error, CustomStringConvertible {
    /// Bad input (an unknown id): exit code 2.
    case unknownLesson(String, suggestions: [String])
    case staleReadme([String])
    case missingReadme(String)

    var description: String {
        switch self {
        case .unknownLesson(let id, let suggestions):
            "no lesson with id '\(id)'."
                + (suggestions.isEmpty ? "" : " Closest: \(suggestions.joined(separator: ", ")).")
                + "\nRun `swift run handbook list` for every id."
        case .staleReadme(let files):
            "generated maps are stale in: \(files.joined(separator: ", ")). Run `swift run handbook readme --write`."
        case .missingReadme(let path):
            "\(path) is missing: every module needs a learning page with the generated-map markers."
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .unknownLesson: ExitCode(2)
        case .staleReadme, .missingReadme: ExitCode(1)
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
