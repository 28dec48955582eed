import Foundation
import HandbookMemory
import HandbookTestSupport
import Testing

@Suite("Escaping closures and stack promotion", .timeLimit(.minutes(1)))
struct EscapingClosuresAndStackPromotionTests {
    typealias Lesson = EscapingClosuresAndStackPromotion

    @Test("an escaping closure runs after its function returned and sees the captured var's later write")
    func escapingClosureSeesLaterWrites() {
        let queue = Lesson.CallbackQueue()
        Lesson.scheduleLatestStatus(on: queue)
        #expect(queue.count == 1)  // the function has returned; its variable lives on in a box
        #expect(queue.runAll() == ["status: published"])
        #expect(queue.count == 0)
    }

    @Test("a capture list copies the value at creation: the closure reports the old value")
    func captureListSnapshotsTheValue() {
        let queue = Lesson.CallbackQueue()
        Lesson.scheduleStatusAtSchedulingTime(on: queue)
        Lesson.scheduleLatestStatus(on: queue)
        #expect(queue.runAll() == ["status: draft", "status: published"])
    }

    @Test("two closures share one boxed variable that outlives its declaring function")
    func closuresShareTheBox() {
        let counter = Lesson.makeCounter()
        #expect(counter.current() == 0)
        #expect(counter.increment() == 1)
        #expect(counter.increment() == 2)
        #expect(counter.current() == 2)
        let other = Lesson.makeCounter()  // a new call, a new box
        #expect(other.increment() == 1 && counter.current() == 2)
    }

    @Test("a non-escaping closure is called, not stored; withoutActuallyEscaping lends it to lazy.map")
    func withoutActuallyEscapingEnablesLaziness() {
        #expect(Lesson.applyTwice({ $0 * 3 }, to: 2) == 18)
        var calls = 0  // mutated by a non-escaping closure: no box needed
        let found = Lesson.firstTransformed(
            Array(1...1_000),
            {
                calls += 1
                return $0 * $0
            }, where: { $0 > 50 })
        #expect(found == 64)
        #expect(calls == 8, "lazy: transform ran only until the first match")
        #expect(Lesson.firstTransformed([1, 2], { $0 }, where: { $0 > 5 }) == nil)
    }

    @Test("letting the closure escape from withoutActuallyEscaping traps at run time")
    func smugglingTheClosureOutTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let sink = EscapingClosuresAndStackPromotion.ClosureSink()
            var hits = 0
            EscapingClosuresAndStackPromotion.smuggleOut({ hits += 1 }, into: sink)
            sink.stored?()
            print(hits)
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("closure argument was escaped in withoutActuallyEscaping block"))
    }

    @Test("the compiler rejects storing a non-escaping parameter, and an escaping closure capturing inout")
    func compilerRejectsEscapes() throws {
        try CompileFailFixture.expect(
            "HandbookMemory/StoreNonEscapingClosure.swift",
            diagnostics: ["converting non-escaping parameter 'g' to generic parameter 'Element' may allow it to escape"]
        )
        try CompileFailFixture.expect(
            "HandbookMemory/EscapingClosureCapturesInout.swift",
            diagnostics: ["escaping closure captures 'inout' parameter 'value'"])
    }

    @Test("the escaping and local point functions compute the same; only the archived points are kept")
    func pointFunctions() {
        let archive = Lesson.PointArchive()
        #expect(Lesson.sumOfLocalPoint(21) == 42)
        #expect(Lesson.sumOfArchivedPoint(21, into: archive) == 42)
        #expect(Lesson.sumOfArchivedPoint(5, into: archive) == 10)
        #expect(archive.points.map(\.x) == [21, 5])
    }

    /// `swiftc -O -emit-sil` on the fixture, split into function bodies keyed
    /// by their demangled names.
    static func optimizedSIL(of fixture: String) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            ProcessInfo.processInfo.environment["SWIFTC"] ?? "swiftc",
            "-O", "-parse-as-library", "-emit-sil", "-o", "-", PackagePaths.url(fixture).path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // Each function is "// name(_:)" after a blank line, more comments, "sil … {", the body, "} // end sil function".
        var bodies: [String: String] = [:]
        var previous = ""
        var name: String?
        var current: String?
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if previous.isEmpty && line.hasPrefix("// ") { name = String(line.dropFirst(3)) }
            if line.hasPrefix("sil ") && line.hasSuffix("{") { current = "" }
            current?.append(contentsOf: line + "\n")
            if line.hasPrefix("} // end sil function"), let body = current, let name {
                bodies[name] = body
                current = nil
            }
            previous = String(line)
        }
        return bodies
    }

    // Ungated: one `swiftc -O` run of a 60-line file takes about 0.2 s of CPU (0.7–0.9 s wall on a loaded 2-core box).
    @Test("-O -emit-sil: stack for what does not escape (alloc_ref [stack], alloc_stack), heap for what does")
    func optimizerPromotesNonEscapingAllocationsToTheStack() throws {
        let sil = try Self.optimizedSIL(of: "Fixtures/SIL/HandbookMemory/StackPromotion.swift")
        let local = try #require(sil["local(_:)"])
        let escaping = try #require(sil["escaping(_:)"])
        #expect(local.contains("alloc_ref [stack] $Point"))
        #expect(escaping.contains("alloc_ref $Point"))
        #expect(!escaping.contains("[stack]"))
        let nonEscapingCapture = try #require(sil["countNonEscaping(_:)"])
        let escapingCapture = try #require(sil["countEscaping(_:)"])
        #expect(nonEscapingCapture.contains("alloc_stack") && !nonEscapingCapture.contains("alloc_box"))
        #expect(escapingCapture.contains("alloc_box ${ var Int }"))
    }
}
