import Foundation

/// Runs the Swift toolchain (`swift build`, `swift test`) as a child process.
struct Toolchain: Sendable {
    /// The `swift` executable.
    var swift: URL

    /// Finds `swift`: `$SWIFT_EXEC`, else the first `swift` on `PATH`.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Toolchain {
        if let explicit = environment["SWIFT_EXEC"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else { throw HandbookError.noToolchain }
            return Toolchain(swift: URL(fileURLWithPath: explicit))
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("swift")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return Toolchain(swift: candidate) }
        }
        throw HandbookError.noToolchain
    }

    typealias Outcome = ChildProcess.Outcome

    /// Runs `swift <arguments>` in `directory`, capturing stdout and stderr
    /// together; see ``ChildProcess/run(_:_:in:environment:timeout:reaping:)``
    /// for what a timeout kills.
    func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], timeout: Duration? = nil,
        reaping: URL? = nil
    ) throws -> Outcome {
        try ChildProcess.run(
            swift, arguments, in: directory, environment: environment, timeout: timeout, reaping: reaping)
    }
}

/// Reading `swift test` output.
enum TestOutput {
    /// Passed and failed counts from Swift Testing's per-test lines.
    static func counts(in output: String) -> (passed: Int, failed: Int) {
        var passed = 0
        var failed = 0
        for line in output.split(separator: "\n") {
            // One result line per test: `✔ Test "name" passed after …` or
            // `✘ Test "name" failed after …` (issue lines and the run summary differ).
            // Parameterised tests add "with N test cases" before "passed".
            guard line.hasPrefix("✔ Test \"") || line.hasPrefix("✘ Test \""),
                !line.contains("recorded an issue")
            else { continue }
            if line.contains(" passed after ") { passed += 1 }
            if line.contains(" failed after ") { failed += 1 }
        }
        return (passed, failed)
    }

    /// The test ids of a `swift test list` listing that `filter` selects,
    /// read as `swift test --filter` reads it: a regular expression that
    /// matches anywhere in the id (`Suite`, `Suite/test()`, `A|B`).
    static func tests(in listing: String, matching filter: String) -> [String] {
        guard let pattern = try? NSRegularExpression(pattern: filter) else { return [] }
        return listing.split(separator: "\n").map(String.init).filter { line in
            // Ids are `Module.Suite/test(…)`; build chatter has spaces or brackets first.
            !line.hasPrefix("[") && line.contains("/")
                && pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
        }
    }

    /// The lines a learner needs to see when something broke: failed
    /// expectations, compiler errors, trap messages.
    static func failureLines(in output: String, limit: Int = 12) -> [String] {
        let markers = ["✘", "error:", "Fatal error", "Expectation failed", "recorded an issue", "Time limit"]
        var seen: Set<Substring> = []
        return output.split(separator: "\n")
            .filter { line in markers.contains { line.contains($0) } }
            .filter { seen.insert($0).inserted }
            .prefix(limit)
            .map(String.init)
    }
}
