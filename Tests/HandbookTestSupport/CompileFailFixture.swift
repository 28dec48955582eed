import Foundation
import Testing

/// Runs the compiler on a fixture that must *not* compile, and checks why.
///
/// Some lessons are about code the compiler rejects: a data race in Swift 6
/// mode, a value consumed twice, a mutating call on a `let`. The only honest
/// test of such a lesson is to compile the bad code and assert on the
/// diagnostic. Fixtures live in `Fixtures/CompileFail/<Module>/<Case>.swift`,
/// outside every target, so the package itself still builds.
///
/// The compiler runs with `-emit-sil` because Swift 6's data-race errors come
/// from SIL passes; `-typecheck` would miss them.
public enum CompileFailFixture {
    /// The result of compiling one fixture.
    public struct Outcome: Sendable {
        public var exitCode: Int32
        public var diagnostics: String
    }

    /// Compiles `Fixtures/CompileFail/<relativePath>` and returns the outcome.
    public static func compile(_ relativePath: String) throws -> Outcome {
        let fixture = PackagePaths.url("Fixtures/CompileFail/\(relativePath)")
        guard FileManager.default.fileExists(atPath: fixture.path) else {
            throw FixtureError.missingFixture(fixture.path)
        }
        let process = Process()
        process.executableURL = try swiftc()
        process.arguments = [
            "-parse-as-library", "-swift-version", "6", "-emit-sil", "-o", "/dev/null", fixture.path,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(exitCode: process.terminationStatus, diagnostics: String(decoding: data, as: UTF8.self))
    }

    /// Expects the fixture to fail to compile with an error in diagnostic
    /// `group` (for example `"SendingRisksDataRace"`, printed by the compiler
    /// as `[#SendingRisksDataRace]`) and containing every fragment in
    /// `diagnostics`.
    public static func expect(
        _ relativePath: String,
        group: String? = nil,
        diagnostics: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let outcome = try compile(relativePath)
        #expect(
            outcome.exitCode != 0, "\(relativePath) compiled, but the lesson says it must not",
            sourceLocation: sourceLocation)
        let expected = diagnostics + (group.map { ["[#\($0)]"] } ?? [])
        for diagnostic in expected {
            #expect(
                outcome.diagnostics.contains(diagnostic),
                "missing diagnostic \"\(diagnostic)\" in:\n\(outcome.diagnostics)",
                sourceLocation: sourceLocation
            )
        }
    }

    public enum FixtureError: Error, CustomStringConvertible {
        case missingFixture(String)
        case noCompiler

        public var description: String {
            switch self {
            case .missingFixture(let path): "no compile-fail fixture at \(path)"
            case .noCompiler: "could not find swiftc (set SWIFTC, or put the Swift toolchain on PATH)"
            }
        }
    }

    /// The `swiftc` of the running toolchain: `$SWIFTC`, else the first on `PATH`.
    static func swiftc() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["SWIFTC"] { return URL(fileURLWithPath: explicit) }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("swiftc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw FixtureError.noCompiler
    }
}
