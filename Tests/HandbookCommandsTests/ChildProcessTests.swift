import Foundation
import HandbookCatalog
import Testing

@testable import HandbookCommands

#if canImport(Glibc)
    import Glibc
#endif

/// The break-it runner depends on these: a test run that hangs must end at
/// its deadline with everything it started gone, or `handbook break --all`
/// (and CI) waits forever.
@Suite("Child processes with a deadline", .timeLimit(.minutes(1)))
struct ChildProcessTests {
    private let shell = URL(fileURLWithPath: "/bin/sh")
    private let here = URL(fileURLWithPath: FileManager.default.temporaryDirectory.path)

    @Test("exit status, stdout and stderr are captured; the child runs in the given directory")
    func capturesStatusAndOutput() throws {
        let outcome = try ChildProcess.run(shell, ["-c", "pwd; echo out; echo err >&2; exit 3"], in: here)
        #expect(outcome.exitCode == 3)
        #expect(!outcome.timedOut)
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines == [here.resolvingSymlinksInPath().path, "out", "err"])
    }

    @Test("extra environment variables reach the child and override inherited ones")
    func environmentIsMerged() throws {
        let outcome = try ChildProcess.run(
            shell, ["-c", "echo \"$HANDBOOK_CHILD_TEST:$PATH\""], in: here,
            environment: ["HANDBOOK_CHILD_TEST": "set", "PATH": "/nowhere"])
        #expect(outcome.output == "set:/nowhere\n")
    }

    @Test(
        "a wait status decodes like a shell: the exit code, or 128 + the signal",
        arguments: [(Int32(0), Int32(0)), (0x0300, 3), (0xff00, 255), (9, 137), (15, 143)])
    func waitStatusDecoding(status: Int32, expected: Int32) {
        #expect(ChildProcess.exitCode(fromWaitStatus: status) == expected)
    }

    @Test("the run ends when the child exits, even while a process it left behind holds its output open")
    func anOrphanHoldingTheOutputDoesNotBlock() throws {
        // `setsid` puts the sleeper in a session of its own, like SwiftPM's
        // test binary: Foundation's Process waited for exactly this process.
        // The shell waits until the sleeper leads its own session (field 6 of
        // /proc/PID/stat is the session id): until then it is still in the
        // run's process group, which the run kills when the shell exits, and
        // the test failed about 1 run in 20 by exiting first.
        let script = """
            setsid sleep 30 & orphan=$!
            until [ "$(cut -d' ' -f6 /proc/$orphan/stat 2>/dev/null)" = "$orphan" ]; do :; done
            echo $orphan
            """
        let outcome = try ChildProcess.run(shell, ["-c", script], in: here)
        let orphan = try #require(pid_t(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(orphan, SIGKILL) }
        #expect(outcome.exitCode == 0)
        #expect(!outcome.timedOut)
        #expect(isRunning(orphan))  // it really was still there
    }

    @Test("Ctrl-C stops the child's whole process group, and the command ends with exit code 130")
    func interruptStopsTheChildGroup() async throws {
        // In a process of its own: the handler and its flag are process-wide.
        let result = try await #require(processExitsWith: .exitCode(130), observing: [\.standardOutputContent]) {
            Interrupts.install()
            let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-sigint-\(getpid())")
            defer { try? FileManager.default.removeItem(at: pidFile) }
            // The user presses Ctrl-C once the grandchild runs (its pid file exists).
            Thread.detachNewThread {
                while !FileManager.default.fileExists(atPath: pidFile.path) { usleep(1_000) }
                kill(getpid(), SIGINT)
            }
            let script =
                "sleep 30 & echo $! > '\(pidFile.path).tmp' && mv '\(pidFile.path).tmp' '\(pidFile.path)'; wait"
            do {
                _ = try ChildProcess.run(
                    URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: URL(fileURLWithPath: "/"))
            } catch HandbookError.interrupted {
                print((try? String(contentsOf: pidFile, encoding: .utf8)) ?? "", terminator: "")
                exit(130)
            } catch {}
            exit(1)
        }
        let output = String(decoding: result.standardOutputContent, as: UTF8.self)
        let sleeper = try #require(pid_t(output.trimmingCharacters(in: .whitespacesAndNewlines)))
        // SIGKILL was sent before the exit; wait for the kernel to finish it.
        let deadline = ContinuousClock.now + .seconds(10)
        while isRunning(sleeper), ContinuousClock.now < deadline { usleep(1_000) }
        #expect(!isRunning(sleeper), "the grandchild outlived Ctrl-C")
    }

    @Test("an interrupted wait between checks ends at once with the interrupt error")
    func interruptEndsTheWatchSleep() async {
        await #expect(processExitsWith: .exitCode(130)) {
            Interrupts.install()
            kill(getpid(), SIGINT)
            do { try Interrupts.sleep(seconds: 30) } catch HandbookError.interrupted { exit(130) } catch {}
            exit(1)
        }
    }

    @Test("at the deadline the whole process group is killed")
    func timeoutKillsTheGroup() throws {
        let fifo = try FIFO()
        defer { fifo.remove() }
        let outcome = try ChildProcess.run(
            shell, ["-c", "(echo started; exec sleep 30) > '\(fifo.path)' & wait"], in: here,
            timeout: .seconds(2))
        #expect(outcome.timedOut)
        #expect(outcome.exitCode == 128 + SIGKILL)
        // End of file comes only once every writer is gone: the grandchild
        // `sleep` died with its parent's group.
        #expect(fifo.readToEnd() == "started\n")
    }

    @Test("at the deadline a process that left the group is killed when it runs from the reaped folder")
    func timeoutReapsEscapedProcesses() throws {
        let manager = FileManager.default
        let folder = here.appendingPathComponent("handbook-reap-\(UUID())")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: folder) }
        let sleeper = folder.appendingPathComponent("sleep")
        try manager.copyItem(atPath: "/bin/sleep", toPath: sleeper.path)
        let fifo = try FIFO()
        defer { fifo.remove() }
        // `setsid` leaves the process group, as SwiftPM's test binary does:
        // only the reaping by executable path can find it.
        let outcome = try ChildProcess.run(
            shell, ["-c", "(echo started; exec setsid '\(sleeper.path)' 30) > '\(fifo.path)' & wait"], in: here,
            timeout: .seconds(2), reaping: folder)
        #expect(outcome.timedOut)
        #expect(fifo.readToEnd() == "started\n")
    }

    @Test("a missing executable is a thrown error, not a silent exit code")
    func missingExecutableThrows() {
        #expect(throws: ChildProcess.SpawnError.self) {
            try ChildProcess.run(URL(fileURLWithPath: "/nonexistent/tool"), [], in: here)
        }
    }

    @Test("one scratch copy serves one `handbook break` at a time")
    func mirrorClaimIsExclusive() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("handbook-claim-\(UUID())")
        defer { try? manager.removeItem(at: base) }
        let mirror = WorkspaceMirror(workspace: Workspace(root: base), cache: base.appendingPathComponent("cache"))
        var first: WorkspaceMirror.Claim? = try mirror.claim()
        #expect(first?.leftoversKilled == 0)
        #expect(throws: HandbookError.mirrorInUse(mirror.cache.path)) { _ = try mirror.claim() }
        first = nil
        #expect(try mirror.claim().leftoversKilled == 0)
    }

    // MARK: Helpers

    /// A named pipe whose read end is open before any writer exists, so a
    /// test can wait, without sleeping, until every process holding its
    /// write end has exited (that is when a read returns end of file).
    private final class FIFO {
        let path: String
        private let descriptor: Int32

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-fifo-\(UUID())").path
            guard mkfifo(path, 0o600) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
            // Non-blocking, or opening would wait for a writer.
            descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        }

        /// Everything written, once the last writer has gone.
        func readToEnd() -> String {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 256)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count > 0 {
                    bytes += buffer[..<count]
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        func remove() {
            close(descriptor)
            unlink(path)
        }
    }

    /// Alive and not a zombie: a killed process whose parent is gone stays a
    /// zombie until init reaps it, and `kill(pid, 0)` still finds those.
    private func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }
}
