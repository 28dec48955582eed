import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook test <lesson-id>`: runs that lesson's tests and summarises them.
struct TestLesson: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run one lesson's tests (swift test --filter …) and summarise them."
    )

    @Argument(help: "A lesson id, e.g. basics.value-vs-reference (see `handbook list`).")
    var lessonID: String

    @Flag(help: "Print the full test output, not only the summary and failures.")
    var verbose = false

    func run() throws {
        try reporting {
            let lesson = try requireLesson(lessonID)
            let workspace = try Workspace.locate()
            let toolchain = try Toolchain.locate()
            let style = Style.standardOutput
            let inPackage = lesson.package.map { "cd \($0) && " } ?? ""
            print(style.dim("$ \(inPackage)swift test --filter '\(lesson.testFilter)'"))
            let directory = lesson.package.map { workspace.url($0) } ?? workspace.root
            let outcome = try toolchain.run(["test", "--filter", lesson.testFilter], in: directory)
            if verbose { print(outcome.output) }
            let (passed, failed) = TestOutput.counts(in: outcome.output)
            let succeeded = outcome.exitCode == 0 && passed > 0
            if !verbose, !succeeded { TestOutput.failureLines(in: outcome.output, limit: 30).forEach { print($0) } }
            let summary = "\(lesson.id): \(passed) passed, \(failed) failed"
            print(succeeded ? style.good(summary) : style.bold(summary))
            ProgressStore.saving {
                try ProgressStore(file: ProgressStore.defaultFile()).recordTest(lesson: lesson.id, passed: succeeded)
            }
            if succeeded, let experiment = lesson.experiments.first {
                print("Next: break it — swift run handbook break \(experiment.id)")
            }
            if !succeeded { throw HandbookError.testsFailed(lesson.id) }
        }
    }
}
