import Foundation
import HandbookService
import Hummingbird
import Logging

// `swift run` serves on 127.0.0.1:8080 with SQLite; see the README for the
// environment variables. SIGTERM or SIGINT drains in-flight requests and exits 0.
let configuration: ServiceConfiguration
do {
    configuration = try ServiceConfiguration(environment: ProcessInfo.processInfo.environment)
} catch {
    FileHandle.standardError.write(Data("handbook-service: invalid configuration: \(error)\n".utf8))
    exit(2)
}
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardOutput(label: label)
    handler.logLevel = configuration.logLevel
    return handler
}
let logger = Logger(label: "handbook-service")
let service = try await ServiceApplication.make(configuration: configuration, logger: logger)
let app = try service.application { port in
    // A line scripts can wait for (PORT=0 picks a free port).
    logger.notice("listening", metadata: ["host": "\(configuration.host)", "port": "\(port)"])
}
try await app.runService()
