import Foundation

/// A checkout of this repository on disk: where the `handbook` command finds
/// lesson sources (for their teaching text) and tests (to count them).
public struct Workspace: Sendable {
    /// The repository root.
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    public enum LocateError: Error, CustomStringConvertible {
        case notFound(searchedFrom: String)

        public var description: String {
            switch self {
            case .notFound(let start):
                "could not find the handbook checkout from \(start): run this inside the repository, "
                    + "or set HANDBOOK_ROOT to its path"
            }
        }
    }

    /// Finds the checkout: `$HANDBOOK_ROOT`, else the nearest directory at or
    /// above `start` whose `Package.swift` declares this package.
    public static func locate(
        from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Workspace {
        if let explicit = environment["HANDBOOK_ROOT"], !explicit.isEmpty {
            return Workspace(root: URL(fileURLWithPath: explicit))
        }
        var directory = start.standardizedFileURL
        while true {
            let manifest = directory.appendingPathComponent("Package.swift")
            if let text = try? String(contentsOf: manifest, encoding: .utf8),
                text.contains("name: \"BackendInterviewHandbook\"")
            {
                return Workspace(root: directory)
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { throw LocateError.notFound(searchedFrom: start.path) }
            directory = parent
        }
    }

    public func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    public func fileExists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relativePath).path)
    }

    public func read(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    /// The teaching text of a lesson, from its first source file.
    public func text(of lesson: Lesson) throws -> LessonText {
        LessonText(source: try read(lesson.sources[0]))
    }

    /// How many `@Test` functions the lesson's test files declare.
    public func testCount(of lesson: Lesson) -> Int {
        lesson.tests.reduce(0) { count, path in
            count + ((try? read(path)).map(Self.countTests(in:)) ?? 0)
        }
    }

    /// Counts `@Test` attributes at the start of a line (ignoring comments).
    public static func countTests(in source: String) -> Int {
        source.split(separator: "\n").count { line in
            let trimmed = line.drop { $0 == " " }
            return trimmed.hasPrefix("@Test")
                && (trimmed.count == 5 || trimmed.dropFirst(5).first.map { "( ".contains($0) } == true)
        }
    }
}
