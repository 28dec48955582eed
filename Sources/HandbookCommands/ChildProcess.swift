import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs one program to completion with an optional deadline.
///
/// Why not Foundation's `Process`: on Linux its `waitUntilExit()` learns of
/// the exit through a descriptor the child inherits, so a grandchild that
/// outlives the child (a hung test binary that SwiftPM started in a process
/// group of its own) keeps it waiting forever, whatever timeout was set.
/// Here the child is spawned into a new process group and waited for with
/// `waitpid` on its pid, so the deadline holds: when it passes, the whole
/// group is killed, and so is anything still running from `reaping`.
enum ChildProcess {
    struct Outcome: Sendable {
        /// The exit status, or 128 + the signal number when a signal ended it.
        var exitCode: Int32
        /// Standard output and standard error, interleaved as written.
        var output: String
        var timedOut: Bool
    }

    struct SpawnError: Error, CustomStringConvertible {
        var executable: String
        var code: Int32
        var description: String { "could not start \(executable): \(String(cString: strerror(code)))" }
    }

    /// Runs `executable` with `arguments` in `directory`, stdin from
    /// `/dev/null`, stdout and stderr captured through a temporary file (a
    /// pipe would need reading while the child runs, and an orphan holding
    /// its write end would block the read).
    ///
    /// - Parameters:
    ///   - environment: added to (and overriding) this process's environment.
    ///   - timeout: after this, the child's process group gets SIGKILL.
    ///   - reaping: after a timeout, every process whose executable lies
    ///     under this folder is killed too (Linux only), since a process
    ///     that made a group of its own escapes the group kill.
    static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        timeout: Duration? = nil, reaping: URL? = nil
    ) throws -> Outcome {
        let log = FileManager.default.temporaryDirectory
            .appendingPathComponent("handbook-\(getpid())-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        guard let addChdir = addChdirAction else {
            throw SpawnError(executable: executable.path, code: ENOSYS)
        }
        _ = addChdir(&actions, directory.path)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own (pgid = the child's pid), so one kill reaches
        // the compiler, linker or test processes it starts.
        posix_spawnattr_setpgroup(&attributes, 0)
        // Signals start at their defaults and unblocked, whatever this
        // process had set.
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid = pid_t()
        var spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        // ETXTBSY ("Text file busy"): the program is open for writing
        // somewhere. For a program this process just wrote (the tests' fake
        // `swift`), that is a child another thread forked while the write was
        // open; its copy of the descriptor goes when it execs. So it is
        // transient: retry for up to about 100 ms before calling it an error.
        var busyRetries = 0
        while spawned == ETXTBSY, busyRetries < 100 {
            usleep(1_000)
            busyRetries += 1
            spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        }
        guard spawned == 0 else { throw SpawnError(executable: executable.path, code: spawned) }

        let deadline = timeout.map { ContinuousClock.now + $0 }
        var status: Int32 = 0
        var timedOut = false
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited == -1, errno != EINTR {
                throw SpawnError(executable: executable.path, code: errno)
            }
            if Interrupts.requested {
                // Ctrl-C reaches only the terminal's foreground group, and
                // the child has a group of its own: stop it here, or the
                // build or test binary would outlive the command.
                kill(-pid, SIGKILL)
                if let reaping { killProcesses(runningFrom: reaping) }
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                throw HandbookError.interrupted
            }
            if let deadline, ContinuousClock.now >= deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                if let reaping { killProcesses(runningFrom: reaping) }
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                break
            }
            // Polling keeps the wait free of threads and signal handlers; a
            // few milliseconds of latency is nothing next to a build.
            usleep(5_000)
        }
        // The child is gone, but a process it left in the group may still be
        // writing to the log; nothing of the group should outlive the run.
        kill(-pid, SIGKILL)

        let data = (try? Data(contentsOf: log)) ?? Data()
        return Outcome(
            exitCode: exitCode(fromWaitStatus: status), output: String(decoding: data, as: UTF8.self),
            timedOut: timedOut)
    }

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+, macOS 10.15+) is
    /// not visible to Swift without `_GNU_SOURCE`, so it is looked up by name.
    private typealias AddChdir =
        @convention(c) (
            UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
        ) -> Int32
    private static let addChdirAction: AddChdir? = {
        #if canImport(Darwin)
            let everyLoadedImage = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #else
            let everyLoadedImage = UnsafeMutableRawPointer(bitPattern: 0)  // RTLD_DEFAULT
        #endif
        guard let symbol = dlsym(everyLoadedImage, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// `WEXITSTATUS`, or 128 + `WTERMSIG` like a shell (the C macros are not
    /// imported into Swift).
    static func exitCode(fromWaitStatus status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Kills every process whose executable lies under `directory` (Linux:
    /// `/proc/<pid>/exe`; elsewhere nothing is found and nothing is killed).
    /// - Returns: how many processes were sent SIGKILL.
    @discardableResult
    static func killProcesses(runningFrom directory: URL) -> Int {
        let prefix = directory.resolvingSymlinksInPath().path + "/"
        let fileManager = FileManager.default
        guard let entries = try? fileManager.contentsOfDirectory(atPath: "/proc") else { return 0 }
        var killed = 0
        for entry in entries {
            guard let pid = Int32(entry), pid != getpid(),
                let executable = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/\(entry)/exe"),
                executable.hasPrefix(prefix)
            else { continue }
            if kill(pid, SIGKILL) == 0 { killed += 1 }
        }
        return killed
    }
}

/// Ctrl-C for long-running commands (`practice watch`, `check`, `hunt`):
/// the signal only sets a flag; the wait loop of ``ChildProcess`` and the
/// watch loop read it, stop what runs, and end with exit code 130.
enum Interrupts {
    /// Set from the signal handler. An atomic store is async-signal-safe;
    /// almost nothing else is.
    private static let flag = Atomic<Bool>(false)

    static var requested: Bool { flag.load(ordering: .relaxed) }

    /// Installs the handler for SIGINT and SIGTERM (idempotent), and
    /// unblocks both on the calling thread: a parent (a test runner, a CI
    /// shell) may have left them blocked, and a blocked Ctrl-C stays pending.
    static func install() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { _ in Interrupts.flag.store(true, ordering: .relaxed) }
            sigaddset(&signals, signalNumber)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Sleeps up to `seconds`, returning early (and throwing) on an interrupt.
    static func sleep(seconds: Double) throws(HandbookError) {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if requested { throw .interrupted }
            usleep(20_000)
        }
        if requested { throw .interrupted }
    }
}
