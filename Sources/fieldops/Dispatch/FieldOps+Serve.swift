import ArgumentParser
import Foundation
import FieldOpsServer
import FieldOpsStore
import Hummingbird
import Logging

extension FieldOps {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the sync server for technicians' devices (and the dispatcher's API) on the database.",
            discussion: "Stops gracefully on SIGTERM or SIGINT: requests in flight finish; each request is one transaction. Logs go to standard error; LOG_LEVEL=debug for more.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
        @Option(help: "Port to listen on.") var port: Int = 8080
        @Option(help: "Largest request body in bytes.") var maxBodyBytes: Int = 1_048_576
        @OptionGroup var search: ThreadsOption

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be 1 to 65535") }
            guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024") }
        }

        func run() async throws {
            try await reportingFailures {
                let db = try database.open()
                var logger = Logger(label: "fieldops.server")
                logger.logLevel = Logger.Level(rawValue: ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info") ?? .info
                let app = buildApplication(
                    database: db, configuration: ServerConfiguration(host: host, port: port, maxBodyBytes: maxBodyBytes, searchThreads: search.threads), logger: logger)
                logger.info("serving \(database.db) on http://\(host):\(port)")
                do {
                    try await app.runService()
                } catch {
                    throw CommandFailure("cannot serve on \(host):\(port): \(error)")
                }
            }
        }
    }
}
