import Foundation

/// Paths inside this repository, for tests that read files (fixtures, the
/// catalogue's sources, READMEs).
public enum PackagePaths {
    /// The repository root, found from this file's compile-time path
    /// (`Tests/HandbookTestSupport/PackagePaths.swift`).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HandbookTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // root

    /// `root/relativePath`.
    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }
}
