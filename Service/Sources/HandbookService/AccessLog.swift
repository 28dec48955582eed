/// The access log: one line per request, written straight into a ``LogSink``.
///
/// It produces the same logfmt line ``BatchedLogHandler`` would for
/// `logger.info("request", metadata: …)`, but skips swift-log's generic path
/// (a metadata dictionary, a merge, a sort and an enum per value), which the
/// load test showed to be most of the log's per-request cost. Servers keep
/// access logs apart from application logs for the same reason.
public struct AccessLog: Sendable {
    private let sink: LogSink
    private let prefix: String

    /// - Parameter label: The `logger=` field, as a logger of that label would write it.
    public init(sink: LogSink, label: String) {
        self.sink = sink
        var prefix = " level=info logger="
        BatchedLogHandler.appendValue(label, to: &prefix)
        prefix += " msg=request duration_us="
        self.prefix = prefix
    }

    /// Appends `… msg=request duration_us=… hb.request.id=… method=… path=… status=…`.
    func record(requestID: String, traceID: String?, method: String, path: String, status: Int, duration: Duration) {
        var line = prefix
        line.reserveCapacity(prefix.utf8.count + 96 + path.utf8.count)
        line += String(duration.microseconds)
        line += " hb.request.id="
        BatchedLogHandler.appendValue(requestID, to: &line)
        line += " method="
        BatchedLogHandler.appendValue(method, to: &line)
        line += " path="
        BatchedLogHandler.appendValue(path, to: &line)
        line += " status="
        line += String(status)
        if let traceID {
            line += " trace.id="
            BatchedLogHandler.appendValue(traceID, to: &line)
        }
        line += "\n"
        sink.append(line)
    }
}
