import Foundation
import HandbookCatalog
import Testing

@testable import HandbookCommands

/// `prepare()` with a stand-in for `swift` (a shell script), so the recovery
/// logic runs in milliseconds instead of a real build.
@Suite("Preparing the scratch copy", .timeLimit(.minutes(1)))
struct ExperimentRunnerTests {
    /// A fake `swift` that fails while `<scratch-path>/broken` exists (a
    /// build folder an earlier run left broken), or always when `ALWAYS_FAIL`
    /// is in its folder, and logs each call.
    private func makeRunner(in base: URL, alwaysFail: Bool = false) throws -> ExperimentRunner {
        let manager = FileManager.default
        let tree = base.appendingPathComponent("tree")
        try manager.createDirectory(at: tree, withIntermediateDirectories: true)
        try "// package\n".write(to: tree.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let bin = base.appendingPathComponent("bin")
        try manager.createDirectory(at: bin, withIntermediateDirectories: true)
        let swift = bin.appendingPathComponent("swift")
        try """
        #!/bin/sh
        echo "$*" >> '\(bin.path)/calls'
        for last; do :; done
        if [ -e '\(bin.path)/ALWAYS_FAIL' ]; then echo "error: nothing builds here"; exit 1; fi
        if [ -e "$last/broken" ]; then echo "error: stale build folder"; exit 1; fi
        mkdir -p "$last"
        exit 0
        """.write(to: swift, atomically: true, encoding: .utf8)
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: swift.path)
        if alwaysFail { _ = manager.createFile(atPath: bin.appendingPathComponent("ALWAYS_FAIL").path, contents: nil) }
        let mirror = WorkspaceMirror(workspace: Workspace(root: tree), cache: base.appendingPathComponent("cache"))
        return ExperimentRunner(mirror: mirror, toolchain: Toolchain(swift: swift))
    }

    private func calls(in base: URL) -> [String] {
        let text = (try? String(contentsOf: base.appendingPathComponent("bin/calls"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    @Test("a copy that builds is built once and kept")
    func healthyCopyIsKept() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-prepare-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let runner = try makeRunner(in: base)
        try runner.prepare()
        #expect(calls(in: base).count == 1)
        #expect(calls(in: base).first?.hasPrefix("build --product \(ExperimentRunner.testProduct)") == true)
        #expect(
            FileManager.default.fileExists(atPath: runner.mirror.source.appendingPathComponent("Package.swift").path))
    }

    @Test("a build folder left broken is deleted and the copy built again, once")
    func brokenBuildFolderIsRebuilt() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-prepare-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let runner = try makeRunner(in: base)
        let marker = runner.mirror.scratch.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: runner.mirror.scratch, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: marker.path, contents: nil))
        try runner.prepare()
        #expect(calls(in: base).count == 2)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test("a nested package (Phase 5's Service/) builds in its own folder with its own test product")
    func nestedPackageBuildsApart() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-prepare-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        var runner = try makeRunner(in: base)
        let service = runner.mirror.workspace.url("Service")
        try FileManager.default.createDirectory(at: service, withIntermediateDirectories: true)
        try "let package = Package(\n    name: \"HandbookService\",\n)\n".write(
            to: service.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        runner.package = "Service"
        #expect(runner.testProduct == "HandbookServicePackageTests")
        #expect(runner.scratch.lastPathComponent == "scratch-Service")
        #expect(runner.packageSource == runner.mirror.source.appendingPathComponent("Service"))
        try runner.prepare()
        #expect(
            calls(in: base) == [
                "build --product HandbookServicePackageTests --scratch-path \(runner.scratch.path)"
            ])
        #expect(
            FileManager.default.fileExists(atPath: runner.packageSource.appendingPathComponent("Package.swift").path))
        // The root package's build folder is untouched.
        #expect(!FileManager.default.fileExists(atPath: runner.mirror.scratch.path))
    }

    @Test("a package that does not build at all is an error naming the compiler's lines, not a run of failures")
    func unbuildablePackageThrows() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-prepare-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        let runner = try makeRunner(in: base, alwaysFail: true)
        #expect(throws: HandbookError.scratchCopyDoesNotBuild(["error: nothing builds here"])) {
            try runner.prepare()
        }
        #expect(calls(in: base).count == 2)
    }
}
