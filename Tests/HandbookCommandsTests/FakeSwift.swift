import Foundation

/// A stand-in for `swift` in practice and hunt tests: a shell script that
/// answers `build`, `test list` and `test` from the content of one file (the
/// learner's), in milliseconds instead of a real build.
///
/// - The file contains `COMPILE_ERROR`: `build` prints one error in it and
///   one elsewhere, and fails.
/// - It contains the stub marker (or `passWhen` is set and absent): `test`
///   traps, except for a filter naming `second()`, which passes.
/// - It contains `WRONG`: `first()` fails with an expectation, `second()` passes.
/// - Otherwise every test passes.
struct FakeSwift {
    let folder: URL
    var executable: URL { folder.appendingPathComponent("swift") }
    var calls: [String] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("calls"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// - Parameters:
    ///   - learner: the file whose content decides the answers.
    ///   - suite: the test ids `test list` prints are `<suite>/first()` and
    ///     `<suite>/second()`, plus one of another suite.
    ///   - passWhen: when set, tests pass only while the file contains it
    ///     (a hunt: fixed means the original text is back).
    init(in folder: URL, learner: URL, suite: String, passWhen: String? = nil) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let needle = folder.appendingPathComponent("needle")
        if let passWhen { try Data(passWhen.utf8).write(to: needle) }
        let trapCondition =
            passWhen == nil
            ? "grep -q 'not implemented yet' '\(learner.path)'"
            : "! grep -qF -f '\(needle.path)' '\(learner.path)'"
        let script = """
            #!/bin/sh
            echo "$*" >> '\(folder.path)/calls'
            for last; do :; done
            case "$1" in
            build)
              if grep -q COMPILE_ERROR '\(learner.path)'; then
                echo '\(learner.path):3:5: error: cannot find 'x' in scope'
                echo '/elsewhere/Other.swift:1:1: error: something else'
                exit 1
              fi
              exit 0;;
            test)
              if [ "$2" = list ]; then
                printf 'Building for debugging...\\n\(suite)/first()\\n\(suite)/second()\\nOtherModuleTests.OtherTests/third()\\n'
                exit 0
              fi
              if \(trapCondition); then
                case "$last" in *second*) echo '✔ Test "second()" passed after 0.001 seconds.'; echo 'Test run with 1 test passed'; exit 0;; esac
                echo 'Fatal error: not implemented yet (handbook practice)'
                exit 133
              fi
              if grep -q WRONG '\(learner.path)'; then
                echo '✘ Test "first()" recorded an issue at FakeTests.swift:1:1: Expectation failed: 1 == 2'
                echo '✘ Test "first()" failed after 0.001 seconds with 1 issue.'
                echo '✔ Test "second()" passed after 0.001 seconds.'
                echo '✘ Test run with 2 tests failed after 0.002 seconds with 1 issue.'
                exit 1
              fi
              echo '✔ Test "first()" passed after 0.001 seconds.'
              echo '✔ Test "second()" passed after 0.001 seconds.'
              echo '✔ Test run with 2 tests passed after 0.002 seconds.'
              exit 0;;
            esac
            exit 2
            """
        try Data(script.utf8).write(to: executable)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: executable.path)
    }
}
