import Foundation
import HandbookCatalog

/// Where a learner writes an exercise: a small package of its own that holds
/// the lesson's module (with the exercise's bodies blanked), the module's
/// tests and the test helpers.
///
/// It lives in `.practice/<exercise id>/` in the checkout (ignored by git) or
/// wherever `--dir` says. It is an ordinary package: open it in any editor,
/// and `swift test` works there too. Only the lesson's module is built, so a
/// first check compiles one module, not the whole handbook.
struct PracticeWorkspace: Sendable {
    enum WorkspaceError: Error, CustomStringConvertible, Equatable {
        case alreadyStarted(String)
        case notStarted(exercise: String, path: String)
        case learnerFileMissing(String)

        var description: String {
            switch self {
            case .alreadyStarted(let path):
                "this exercise is already started in \(path); your work is kept. "
                    + "Use `--reset` to start over (it deletes what you wrote)."
            case .notStarted(let exercise, let path):
                "no workspace in \(path). Start it with: swift run handbook practice start \(exercise)"
            case .learnerFileMissing(let path):
                "\(path) is missing. Restore it, or start over with `practice start --reset`."
            }
        }
    }

    var exercise: Exercise
    var lesson: Lesson
    var root: URL

    /// `<checkout>/.practice/<id>`, unless `directory` says otherwise.
    static func location(of exercise: Exercise, in workspace: Workspace, directory: String?) -> URL {
        if let directory { return URL(fileURLWithPath: directory).appendingPathComponent(exercise.id) }
        return workspace.root.appendingPathComponent(".practice").appendingPathComponent(exercise.id)
    }

    /// The workspace's build folder: processes running from it are reaped
    /// after a timeout (a test binary escapes its parent's process group).
    var buildFolder: URL { root.appendingPathComponent(".build") }

    /// The file the learner edits, relative to the workspace (as in the checkout).
    var file: String { exercise.file }
    /// The file the learner edits.
    var learnerFile: URL { root.appendingPathComponent(exercise.file) }
    /// When the learner last saved, if the file exists.
    var learnerFileModified: Date? {
        (try? FileManager.default.attributesOfItem(atPath: learnerFile.path))?[.modificationDate] as? Date
    }
    /// The tests that judge the exercise.
    var testFilter: String { exercise.judgedBy ?? lesson.testFilter }
    var isStarted: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) }

    /// Makes sure the coming build sees the learner's latest save.
    ///
    /// The incremental build compares modification times at one-second
    /// resolution: a file saved within the second in which the previous
    /// build started is taken as unchanged, and the old binary is tested
    /// (a stale pass would be recorded as a pass). So each build records when
    /// it started and a digest of the file; when the file has changed since
    /// but its time falls in that second, it is touched in a later second.
    func prepareBuild(now: () -> Date = Date.init) throws {
        let stamp = buildFolder.appendingPathComponent("handbook-last-build")
        let digest = WorkspaceMirror.stableHash(try String(contentsOf: learnerFile, encoding: .utf8))
        if let record = try? String(contentsOf: stamp, encoding: .utf8) {
            let fields = record.split(separator: " ")
            if fields.count == 2, let lastStart = Double(fields[0]), String(fields[1]) != digest,
                let modified = learnerFileModified,
                modified.timeIntervalSince1970.rounded(.down) <= lastStart.rounded(.down)
            {
                let wait = lastStart.rounded(.down) + 1.05 - now().timeIntervalSince1970
                if wait > 0 { Thread.sleep(forTimeInterval: wait) }
                try FileManager.default.setAttributes([.modificationDate: now()], ofItemAtPath: learnerFile.path)
            }
        }
        try FileManager.default.createDirectory(at: buildFolder, withIntermediateDirectories: true)
        try Data("\(now().timeIntervalSince1970) \(digest)".utf8).write(to: stamp)
    }

    /// Creates the workspace from `workspace`'s current sources, with the
    /// exercise's bodies blanked (or `learnerSource` in the learner's file,
    /// and `notes` instead of the exercise's prompt: a bug hunt).
    ///
    /// - Throws: ``WorkspaceError/alreadyStarted(_:)`` when it exists and
    ///   `reset` is false: nothing the learner wrote is ever replaced silently.
    func create(
        from workspace: Workspace, reset: Bool, learnerSource: String? = nil,
        notes: (file: String, text: String)? = nil
    ) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: root.path) {
            guard reset else { throw WorkspaceError.alreadyStarted(root.path) }
            try manager.removeItem(at: root)
        }
        // The stub first: a blank that no longer matches must fail before a
        // half-built workspace (holding the full answer) exists.
        let source =
            try learnerSource
            ?? Stub.blanking(exercise.blanks, in: try workspace.read(exercise.file), exercise: exercise.id)
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try copySources(from: workspace)
        try Data(source.utf8).write(to: learnerFile)
        let (name, text) = notes ?? ("EXERCISE.md", readme)
        try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }

    /// Writes the module, its tests, the helpers and the manifest again from
    /// `workspace` (the reference, nothing blanked), keeping the build folder:
    /// for `practice verify`, which must never test a stale copy.
    func refresh(from workspace: Workspace) throws {
        let manager = FileManager.default
        for directory in ["Sources", "Tests", "Fixtures"] {
            let target = root.appendingPathComponent(directory)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
        }
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try copySources(from: workspace)
    }

    private func copySources(from workspace: Workspace) throws {
        let module = lesson.module
        for directory in ["Sources/\(module)", "Tests/\(module)Tests", "Tests/HandbookTestSupport", "Fixtures"] {
            try copyTree(directory, from: workspace)
        }
        let manifest = Self.manifest(for: module, testImports: Self.testImports(of: module, in: workspace))
        try Data(manifest.utf8).write(to: root.appendingPathComponent("Package.swift"))
    }

    /// Copies `directory` (relative to the checkout) into the workspace,
    /// Swift sources and fixtures only; build folders and READMEs stay behind.
    /// Files are written, not copied, so each gets a new modification time
    /// and an incremental build never mistakes it for what it built before.
    private func copyTree(_ directory: String, from workspace: Workspace) throws {
        let manager = FileManager.default
        let source = workspace.url(directory)
        guard let enumerator = manager.enumerator(atPath: source.path) else { return }
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let target = root.appendingPathComponent(directory).appendingPathComponent(path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: source.appendingPathComponent(path)).write(to: target)
        }
    }

    /// The exercise's prompt and commands, next to the code.
    var readme: String {
        """
        # \(exercise.id) (\(exercise.difficulty.rawValue), \(exercise.minutes) min)

        \(exercise.prompt)

        Edit `\(exercise.file)`: write the bodies that say "\(Stub.marker)".

        Run these from the checkout (or add `--package-path <checkout>` to `swift run`):

        - Check: `swift run handbook practice check \(exercise.id)` (or `swift test --filter '\(testFilter)'` here)
        - Re-check on every save: `swift run handbook practice watch \(exercise.id)`
        - A hint: `swift run handbook practice hint \(exercise.id)`
        - The reference, after a pass: `swift run handbook practice solution \(exercise.id)`

        """
    }

    /// The test-only packages a workspace can need, by the module they provide.
    static let testPackages: [String: (package: String, product: String)] = [
        "PropertyBased": (
            #".package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1")"#,
            #".product(name: "PropertyBased", package: "swift-property-based")"#
        ),
        "AsyncAlgorithms": (
            #".package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4")"#,
            #".product(name: "AsyncAlgorithms", package: "swift-async-algorithms")"#
        ),
    ]

    /// Which of ``testPackages`` the module's tests import, read from their
    /// sources: a hand-kept list drifted once (a lesson's new property test
    /// made every exercise of its module fail to build).
    static func testImports(of module: String, in workspace: Workspace) -> Set<String> {
        let folder = workspace.url("Tests/\(module)Tests")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        var found: Set<String> = []
        for file in files where file.hasSuffix(".swift") {
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { continue }
                let name = String(words[index + 1])
                if testPackages[name] != nil { found.insert(name) }
            }
        }
        return found
    }

    /// Lesson modules built with `HANDBOOK_INTERNAL_CHECKS` in debug, as in the root `Package.swift`.
    static let invariantChecked: Set<String> = ["HandbookDataStructures", "HandbookAlgorithms", "HandbookLeetCode"]

    /// A package with the lesson module, the test helpers and the module's
    /// tests, compiled with the root package's settings.
    static func manifest(for module: String, testImports: Set<String>) -> String {
        let used = testImports.sorted().compactMap { testPackages[$0] }
        let dependencies = used.map(\.package)
        let testProducts = used.map(\.product)
        var moduleSettings = "upcoming"
        if module == "HandbookAdvanced" { moduleSettings += " + [.strictMemorySafety()]" }
        if invariantChecked.contains(module) {
            moduleSettings += #" + [.define("HANDBOOK_INTERNAL_CHECKS", .when(configuration: .debug))]"#
        }
        let testDependencies = ([#""\#(module)""#, #""HandbookTestSupport""#] + testProducts)
            .joined(separator: ", ")
        return """
            // swift-tools-version: 6.2
            // Generated by `handbook practice start`: one lesson module, its tests and the test helpers.
            import PackageDescription

            let upcoming: [SwiftSetting] = [
                .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
                .enableUpcomingFeature("InferIsolatedConformances"),
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ]

            let package = Package(
                name: "Practice",
                dependencies: [\(dependencies.joined(separator: ", "))],
                targets: [
                    .target(name: "\(module)", swiftSettings: \(moduleSettings)),
                    .target(name: "HandbookTestSupport", path: "Tests/HandbookTestSupport", swiftSettings: upcoming),
                    .testTarget(name: "\(module)Tests", dependencies: [\(testDependencies)], swiftSettings: upcoming),
                ]
            )

            """
    }
}
