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

    /// The result of one child process.
    struct Outcome: Sendable {
        var exitCode: Int32
        var output: String
        var timedOut: Bool
    }

    /// Runs `swift <arguments>` in `directory`, capturing stdout and stderr
    /// together. With a `timeout`, the whole process group is killed when it
    /// expires (coreutils `timeout`). SwiftPM starts the test binary in a
    /// process group of its own, so after a timeout any process still running
    /// from `reaping` (the experiment's scratch directory) is killed as well.
    ///
    /// Output goes to a temporary file rather than a pipe: an orphaned test
    /// binary would hold a pipe's write end open and block the read forever.
    func run(_ arguments: [String], in directory: URL, timeout: Duration? = nil, reaping: URL? = nil) throws
        -> Outcome
    {
        let process = Process()
        if let timeout, let wrapper = Self.timeoutCommand {
            process.executableURL = wrapper
            let seconds = max(1, Int(timeout.components.seconds))
            process.arguments = ["--kill-after=10", "\(seconds)", swift.path] + arguments
        } else {
            process.executableURL = swift
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        let log = FileManager.default.temporaryDirectory
            .appendingPathComponent("handbook-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: log.path])
        }
        defer { try? FileManager.default.removeItem(at: log) }
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The orphaned test binary also keeps `waitUntilExit()` from returning
        // (it inherits a descriptor Foundation watches), so the reaping cannot
        // wait for the exit: it runs on its own a second after the deadline.
        var reaper: DispatchWorkItem?
        if let timeout, let reaping {
            let work = DispatchWorkItem { Self.killProcesses(runningFrom: reaping) }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout.dispatchInterval + .seconds(1), execute: work)
            reaper = work
        }
        process.waitUntilExit()
        reaper?.cancel()
        try? output.close()
        let status = process.terminationStatus
        // coreutils `timeout` exits 124 when the time ran out (137 after SIGKILL).
        let timedOut = timeout != nil && Self.timeoutCommand != nil && (status == 124 || status == 137)
        if timedOut, let reaping { Self.killProcesses(runningFrom: reaping) }
        let data = (try? Data(contentsOf: log)) ?? Data()
        return Outcome(exitCode: status, output: String(decoding: data, as: UTF8.self), timedOut: timedOut)
    }

    /// Kills every process whose executable lies under `directory` (Linux:
    /// `/proc/<pid>/exe`; elsewhere nothing is found and nothing is killed).
    static func killProcesses(runningFrom directory: URL) {
        let prefix = directory.resolvingSymlinksInPath().path + "/"
        let fileManager = FileManager.default
        guard let entries = try? fileManager.contentsOfDirectory(atPath: "/proc") else { return }
        for entry in entries {
            guard let pid = Int32(entry), pid != ProcessInfo.processInfo.processIdentifier,
                let executable = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/\(entry)/exe"),
                executable.hasPrefix(prefix)
            else { continue }
            kill(pid, SIGKILL)
        }
    }

    private static let timeoutCommand: URL? = ["/usr/bin/timeout", "/bin/timeout"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
        .map { URL(fileURLWithPath: $0) }
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

extension Duration {
    /// The same time as a Dispatch interval (whole milliseconds).
    fileprivate var dispatchInterval: DispatchTimeInterval {
        .milliseconds(Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000))
    }
}
