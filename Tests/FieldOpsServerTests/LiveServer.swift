import FieldOpsModel
import FieldOpsServer
import FieldOpsStore
import FieldOpsSync
import FieldOpsTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// Drives the application over a real socket on loopback.
struct LiveClient {
    let client: any TestClientProtocol

    struct Reply {
        var status: HTTPResponse.Status
        var body: Data

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(T.self, from: body) }
        var errorCode: String? { (try? JSONDecoder().decode(SyncErrorBody.self, from: body))?.error.code }
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, token: String?, body: Data? = nil) async throws -> Reply {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        headers[.contentType] = "application/json"
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(data: $0) })
        return Reply(status: response.status, body: Data(buffer: response.body))
    }

    func post<T: Encodable>(_ uri: String, token: String?, _ value: T) async throws -> Reply {
        try await send(.post, uri, token: token, body: try JSONEncoder().encode(value))
    }
}

enum LiveServer {
    /// The server's logger at warning: a request line per push and pull buries a failure in CI's output.
    static var logger: Logger {
        var logger = Logger(label: "fieldops.server")
        logger.logLevel = .warning
        return logger
    }

    /// Runs `test` against the application on a real loopback socket.
    static func run<Value: Sendable>(
        _ database: AppDatabase, clock: @escaping @Sendable () -> Instant = { SyncFixture.now },
        _ test: @escaping @Sendable (LiveClient) async throws -> Value
    ) async throws -> Value {
        let app = buildApplication(database: database, configuration: ServerConfiguration(port: 0, maxBodyBytes: 64 * 1024, clock: clock), logger: logger)
        return try await app.test(.live) { client in try await test(LiveClient(client: client)) }
    }
}
