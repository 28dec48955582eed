import Foundation
import HandbookCatalog
import Synchronization

/// A scratch copy of the package where experiments are applied, so the
/// learner's working tree is never touched.
///
/// The copy lives at a fixed place per checkout (under the temporary
/// directory) together with its own build folder. Files are copied only when
/// their contents differ, so after the first run a build there is
/// incremental and an experiment takes seconds.
struct WorkspaceMirror: Sendable {
    var workspace: Workspace
    /// `<cache>/src`: the copy; `<cache>/scratch`: its build folder.
    var cache: URL

    var source: URL { cache.appendingPathComponent("src") }
    var scratch: URL { cache.appendingPathComponent("scratch") }

    /// The default cache for a checkout: stable across runs, distinct per
    /// checkout path.
    init(workspace: Workspace, cache: URL? = nil) {
        self.workspace = workspace
        self.cache =
            cache
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("handbook-break-\(Self.stableHash(workspace.root.standardizedFileURL.path))")
    }

    /// Files that belong to the package: what git tracks plus untracked,
    /// unignored files; without git, every file outside build folders.
    func packageFiles() throws -> [String] {
        if let listed = try? gitFiles() { return listed }
        let root = workspace.root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            // At any depth: Service/.build is a build folder too.
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name.hasPrefix(".build") || name == ".git" || name == ".swiftpm" {
                enumerator.skipDescendants()
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// Makes the copy identical to the working tree, rewriting only files
    /// whose contents differ and deleting files the tree no longer has.
    /// - Returns: how many files were written or removed.
    @discardableResult
    func sync() throws -> Int {
        let manager = FileManager.default
        let wanted = try packageFiles()
        var changes = 0
        for path in wanted {
            let from = workspace.url(path)
            let to = source.appendingPathComponent(path)
            guard let data = manager.contents(atPath: from.path) else { continue }
            if manager.contents(atPath: to.path) == data { continue }
            try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: to)
            changes += 1
        }
        // Remove what the tree no longer has (but keep the copy's own
        // resolution state, which is not part of the package).
        let keep = Set(wanted)
        if let enumerator = manager.enumerator(atPath: source.path) {
            while let path = enumerator.nextObject() as? String {
                if path == ".swiftpm" || path.hasPrefix(".build") {
                    enumerator.skipDescendants()
                    continue
                }
                var isDirectory: ObjCBool = false
                let full = source.appendingPathComponent(path).path
                guard manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
                    continue
                }
                // (Any package's resolution: Service/Package.resolved too.)
                if !keep.contains(path), !path.hasSuffix("Package.resolved") {
                    try manager.removeItem(atPath: full)
                    changes += 1
                }
            }
        }
        return changes
    }

    /// Claims the copy for this process until the returned value is released,
    /// then kills whatever an earlier run left running from its build folder
    /// (a test binary that outlived a killed run would hold SwiftPM's build
    /// lock, and every later build would wait for it).
    /// - Throws: ``HandbookError/mirrorInUse(_:)`` when another process holds it.
    func claim() throws -> Claim {
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let path = cache.appendingPathComponent("lock").path
        // Within this process: a set of claimed copies. Across processes: a
        // POSIX record lock. Not `flock`: a flock belongs to the open file,
        // which a child forked by another thread shares until it execs, so a
        // released claim could still look held; a record lock belongs to this
        // process alone and is never inherited.
        guard Self.claimedInThisProcess.withLock({ $0.insert(path).inserted }) else {
            throw HandbookError.mirrorInUse(cache.path)
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            Self.release(path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: cache.path])
        }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)  // l_start = l_len = 0: the whole file
        guard fcntl(descriptor, F_SETLK, &lock) == 0 else {
            close(descriptor)
            Self.release(path)
            throw HandbookError.mirrorInUse(cache.path)
        }
        let claim = Claim(descriptor: descriptor, path: path)
        // The whole cache: every package's build folder (scratch, scratch-Service).
        claim.leftoversKilled = ChildProcess.killProcesses(runningFrom: cache)
        return claim
    }

    /// The lock files this process holds a claim on.
    private static let claimedInThisProcess = Mutex<Set<String>>([])

    fileprivate static func release(_ path: String) {
        _ = claimedInThisProcess.withLock { $0.remove(path) }
    }

    /// Holds the copy's lock; the kernel drops it when the process exits,
    /// however it exits.
    final class Claim {
        private let descriptor: Int32
        private let path: String
        /// Processes from an earlier run that ``WorkspaceMirror/claim()`` killed.
        fileprivate(set) var leftoversKilled = 0

        fileprivate init(descriptor: Int32, path: String) {
            self.descriptor = descriptor
            self.path = path
        }

        deinit {
            close(descriptor)  // releases the record lock
            WorkspaceMirror.release(path)
        }
    }

    /// Applies `experiment` to the copy (call ``sync()`` first).
    /// - Throws: ``ApplyError`` when the original text does not occur exactly once.
    func apply(_ experiment: Experiment) throws {
        let file = source.appendingPathComponent(experiment.file)
        let text = try String(contentsOf: file, encoding: .utf8)
        let occurrences = text.components(separatedBy: experiment.original).count - 1
        guard occurrences == 1 else { throw ApplyError(experiment: experiment.id, occurrences: occurrences) }
        try text.replacingOccurrences(of: experiment.original, with: experiment.replacement)
            .write(to: file, atomically: true, encoding: .utf8)
    }

    struct ApplyError: Error, CustomStringConvertible {
        var experiment: String
        var occurrences: Int
        var description: String {
            "\(experiment): its original text occurs \(occurrences) times in the file, not exactly once"
        }
    }

    private func gitFiles() throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "git", "-C", workspace.root.path, "ls-files", "-z", "--cached", "--others", "--exclude-standard",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init)
            .filter { FileManager.default.fileExists(atPath: workspace.url($0).path) }
    }

    /// FNV-1a: `Hasher` is seeded per process, so it cannot name a folder
    /// that must be found again by the next run.
    static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
