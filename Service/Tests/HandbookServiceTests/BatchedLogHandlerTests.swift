import Dispatch
import Foundation
import HandbookService
import Logging
import Synchronization
import Testing

/// The access log's handler: one escaped logfmt line per event, written in
/// batches by the sink's queue, flushed on exit, and shed (with a count)
/// rather than blocking when the reader is stuck.
@Suite("Batched log handler")
struct BatchedLogHandlerTests {
    /// Collects what the sink writes, batch by batch.
    final class Output: Sendable {
        let batches = Mutex<[[UInt8]]>([])
        var text: String { batches.withLock { String(decoding: $0.joined(), as: UTF8.self) } }
        var lines: [Substring] { text.split(separator: "\n") }
        var batchCount: Int { batches.withLock { $0.count } }
        func write(_ bytes: [UInt8]) { batches.withLock { $0.append(bytes) } }
    }

    /// 2026-11-21T04:31:21.123Z
    static let fixedTime: @Sendable () -> timespec = { timespec(tv_sec: 1_795_235_481, tv_nsec: 123_456_789) }

    static func logger(_ sink: LogSink, level: Logger.Level = .info) -> Logger {
        Logger(label: "test") { label in BatchedLogHandler(label: label, sink: sink, logLevel: level) }
    }

    /// An interval no test waits for: lines reach the output only by flush()
    /// or by filling a batch.
    static let never: Duration = .seconds(3600)

    @Test("a line carries a UTC timestamp, level, logger, message and sorted metadata; the event's value wins")
    func format() {
        let output = Output()
        let sink = LogSink(flushInterval: Self.never, now: Self.fixedTime, write: output.write)
        var logger = Self.logger(sink)
        logger[metadataKey: "request"] = "r1"
        logger[metadataKey: "zone"] = "from-logger"
        logger.info("request", metadata: ["status": "200", "zone": "from-event", "method": "GET"])
        sink.flush()
        #expect(
            output.lines == [
                "ts=2026-11-21T04:31:21.123Z level=info logger=test msg=request method=GET request=r1 status=200 zone=from-event"
            ])
    }

    @Test("values with spaces, quotes, '=' or control characters are quoted and escaped: a path cannot forge a line")
    func escaping() {
        let output = Output()
        let sink = LogSink(flushInterval: Self.never, now: Self.fixedTime, write: output.write)
        let logger = Self.logger(sink)
        let forged = "/x\nts=2026-01-01T00:00:00.000Z level=critical msg=\"owned\""
        logger.info("request", metadata: ["path": .string(forged), "empty": "", "bad key": "v"])
        sink.flush()
        #expect(output.lines.count == 1)
        #expect(output.text.contains(#"path="/x\nts=2026-01-01T00:00:00.000Z level=critical msg=\"owned\"""#))
        #expect(output.text.contains(#"empty="""#) && output.text.contains("bad_key=v"))
    }

    @Test("below a batch, nothing is written until flush(); the write is one batch")
    func batchesUntilFlush() {
        let output = Output()
        let sink = LogSink(flushInterval: Self.never, write: output.write)
        let logger = Self.logger(sink)
        for index in 0..<10 { logger.info("line", metadata: ["n": "\(index)"]) }
        sink.waitForQueuedWrites()
        #expect(output.batchCount == 0)
        sink.flush()
        #expect(output.batchCount == 1 && output.lines.count == 10)
    }

    @Test("a full batch is written without waiting for the interval or a flush")
    func fullBatchWrites() {
        let output = Output()
        let sink = LogSink(flushInterval: Self.never, batchBytes: 1, write: output.write)
        let logger = Self.logger(sink)
        for index in 0..<4 { logger.info("line", metadata: ["n": "\(index)"]) }
        sink.waitForQueuedWrites()
        #expect(output.lines.count == 4)
    }

    @Test("lines below the level are never formatted or written")
    func levelFilters() {
        let output = Output()
        let sink = LogSink(flushInterval: Self.never, write: output.write)
        let logger = Self.logger(sink, level: .notice)
        logger.info("hidden")
        logger.notice("shown")
        sink.flush()
        #expect(output.lines.count == 1 && output.text.contains("msg=shown"))
    }

    @Test("concurrent loggers never interleave within a line, and flush() loses none")
    func concurrentLinesStayWhole() async {
        let output = Output()
        let sink = LogSink(flushInterval: .milliseconds(1), batchBytes: 4096, write: output.write)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    let logger = Self.logger(sink)
                    for index in 0..<250 { logger.info("line", metadata: ["task": "\(task)", "n": "\(index)"]) }
                }
            }
        }
        sink.flush()
        let lines = output.lines
        #expect(lines.count == 2000)
        #expect(lines.allSatisfy { $0.hasPrefix("ts=") && $0.contains(" msg=line n=") })
        #expect(Set(lines).count == 2000)
    }

    @Test("a stuck reader sheds lines past the cap and reports how many, instead of blocking or growing")
    func stuckReaderSheds() {
        let output = Output()
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let first = Mutex(true)
        let sink = LogSink(
            flushInterval: Self.never, batchBytes: 100, maxBufferedBytes: 400, now: Self.fixedTime
        ) { bytes in
            let isFirst = first.withLock { isFirst in
                defer { isFirst = false }
                return isFirst
            }
            if isFirst {
                entered.signal()
                release.wait()
            }
            output.write(bytes)
        }
        let logger = Self.logger(sink)
        logger.info("fills the first batch", metadata: ["pad": .string(String(repeating: "x", count: 100))])
        entered.wait()  // the writer holds the first batch and is stuck
        for index in 0..<40 { logger.info("line", metadata: ["n": "\(index)"]) }
        release.signal()
        sink.flush()
        let lines = output.lines
        let kept = lines.filter { $0.contains("msg=line") }.count
        let report = lines.first { $0.contains(#"msg="log lines dropped""#) }
        #expect(kept > 0 && kept < 40)
        #expect(report?.hasSuffix("count=\(40 - kept)") == true)
    }
}
