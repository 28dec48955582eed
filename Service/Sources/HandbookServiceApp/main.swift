import Foundation
import HandbookService
import Hummingbird
import Logging

// `swift run` serves on 127.0.0.1:8080 with SQLite; see the README for the
// environment variables. SIGTERM or SIGINT turns /ready to 503, drains in-flight
// requests (for at most SHUTDOWN_TIMEOUT_SECONDS) and exits 0.
let configuration: ServiceConfiguration
do {
    configuration = try ServiceConfiguration(environment: ProcessInfo.processInfo.environment)
} catch {
    FileHandle.standardError.write(Data("handbook-service: invalid configuration: \(error)\n".utf8))
    exit(2)
}
// One logfmt line per event, written in batches off the request path; the
// sink is flushed on the way out, so a graceful exit loses no line.
let logSink = LogSink.standardOutput()
LoggingSystem.bootstrap { label in
    BatchedLogHandler(label: label, sink: logSink, logLevel: configuration.logLevel)
}
let logger = Logger(label: "handbook-service")
let announce: @Sendable (Int) async -> Void = { port in
    // A line scripts wait for (PORT=0 picks a free port).
    logger.notice("listening", metadata: ["host": "\(configuration.host)", "port": "\(port)"])
}

do {
    if CommandLine.arguments.dropFirst().first == "--bare" {
        // The load test's baseline: one route, no middleware, no database.
        let router = Router()
        router.get("/health") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { await announce($0.localAddress?.port ?? 0) }, logger: logger)
        try await app.runService()
    } else {
        var service = try await ServiceApplication.make(configuration: configuration, logger: logger)
        service.accessLog = AccessLog(sink: logSink, label: logger.label)
        try await service.runService(onServerRunning: announce)
    }
} catch {
    logger.critical("stopped", metadata: ["error": "\(error)"])
    logSink.flush()
    exit(1)
}
logSink.flush()
