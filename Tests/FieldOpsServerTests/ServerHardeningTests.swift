import FieldOpsModel
import FieldOpsServer
import FieldOpsStore
import FieldOpsSync
import FieldOpsTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// The server under a careless or hostile client: cut-off bodies, idle connections, wrong methods, expired and
/// revoked tokens, and a long optimization beside device traffic.
@Suite struct ServerHardeningTests {
    let t1 = TechnicianID(rawValue: "T001")

    static func live<Value: Sendable>(
        _ database: AppDatabase, idleTimeoutSeconds: Int = 30, clock: @escaping @Sendable () -> Instant = { SyncFixture.now },
        _ test: @escaping @Sendable (LiveClient, Int) async throws -> Value
    ) async throws -> Value {
        let configuration = ServerConfiguration(port: 0, maxBodyBytes: 64 * 1024, idleTimeoutSeconds: idleTimeoutSeconds, clock: clock)
        return try await buildApplication(database: database, configuration: configuration, logger: LiveServer.logger).test(.live) { client in
            try await test(LiveClient(client: client), try #require(client.port))
        }
    }

    @Test func aBodyCutShortIsA400AndAnIdleConnectionIsClosed() async throws {
        let database = try SyncFixture.database()
        let token = try await database.issueToken(technician: t1, at: SyncFixture.now).token
        // The cut-off body on a server with the usual idle timeout: with a 1 s one, a loaded machine that takes a
        // second to look up the token sees the connection closed before the 400 is written.
        try await Self.live(database) { _, port in
            let cut = try RawSocket(port: port)
            cut.send("POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"deviceId\":")
            cut.finishSending()
            let answer = try #require(cut.readUntilClosed(seconds: 20))
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer)")
            #expect(answer.contains("truncated_body"))
            cut.close()
        }
        try await Self.live(database, idleTimeoutSeconds: 1) { _, port in
            // Half a request head, then nothing: the server closes the connection by itself.
            let idle = try RawSocket(port: port)
            idle.send("POST /v1/sync/pull HTTP/1.1\r\nHost: x\r\n")
            #expect(idle.readUntilClosed(seconds: 20) != nil, "closed by the idle timeout")
            idle.close()
        }
        #expect(try database.lastMutation("d1") == 0)
    }

    @Test func anUnsupportedMethodIsA405WithAllow() async throws {
        let database = try SyncFixture.database()
        try await Self.live(database) { client, _ in
            let reply = try await client.send(.get, "/v1/sync/push", token: nil)
            #expect(reply.status == .methodNotAllowed)
            #expect(reply.errorCode == "method_not_allowed")
            let put = try await client.send(.put, "/v1/dispatch/tokens/abc", token: nil)
            #expect(put.status == .methodNotAllowed)
            #expect(try await client.send(.get, "/v1/nothing-here", token: nil).status == .notFound)
        }
    }

    @Test func tokensExpireAndRevokedTokensStopAtOnce() async throws {
        let database = try SyncFixture.database()
        let dispatcher = try await database.issueToken(technician: nil, at: SyncFixture.now).token
        let now = Mutex(SyncFixture.now)
        try await Self.live(database, clock: { now.withLock { $0 } }) { client, _ in
            struct Issue: Encodable { var technicianId: String; var validDays: Int }
            let issued = try await client.post("/v1/dispatch/tokens", token: dispatcher, Issue(technicianId: "T001", validDays: 2))
            #expect(issued.status == .created)
            let body = try #require(try JSONSerialization.jsonObject(with: issued.body) as? [String: Any])
            let token = try #require(body["token"] as? String)
            let id = try #require(body["id"] as? String)
            let pull = PullRequest(deviceId: "d1", limit: 5)
            #expect(try await client.post("/v1/sync/pull", token: token, pull).status == .ok)
            // Listed without its secret.
            let list = try await client.send(.get, "/v1/dispatch/tokens", token: dispatcher)
            let text = String(decoding: list.body, as: UTF8.self)
            #expect(text.contains(id) && !text.contains(token))
            // Three days later it has expired.
            now.withLock { $0 = Instant(secondsSinceEpoch: SyncFixture.now.secondsSinceEpoch + 3 * 86_400) }
            let expired = try await client.post("/v1/sync/pull", token: token, pull)
            #expect(expired.status == .unauthorized)
            // A fresh one works until the dispatcher revokes it.
            now.withLock { $0 = SyncFixture.now }
            let second = try await client.post("/v1/dispatch/tokens", token: dispatcher, Issue(technicianId: "T001", validDays: 90))
            let secondBody = try #require(try JSONSerialization.jsonObject(with: second.body) as? [String: Any])
            let secondToken = try #require(secondBody["token"] as? String)
            #expect(try await client.post("/v1/sync/pull", token: secondToken, pull).status == .ok)
            let revoke = try await client.send(.delete, "/v1/dispatch/tokens/\(try #require(secondBody["id"] as? String))", token: dispatcher)
            #expect(revoke.status == .ok)
            #expect(try await client.post("/v1/sync/pull", token: secondToken, pull).status == .unauthorized)
            #expect(try await client.send(.delete, "/v1/dispatch/tokens/ffffffffffffffff", token: dispatcher).status == .notFound)
            #expect(try await client.post("/v1/dispatch/tokens", token: dispatcher, Issue(technicianId: "T001", validDays: 0)).status == .badRequest)
        }
    }

    /// A long optimization runs off the threads that serve devices: while it searches, a second one is refused
    /// with 409 and every push and pull is answered; the first then publishes.
    @Test func devicesKeepSyncingWhileALongOptimizeRuns() async throws {
        let database = try SyncFixture.database()
        let dispatcher = try await database.issueToken(technician: nil, at: SyncFixture.now).token
        let token = try await database.issueToken(technician: t1, at: SyncFixture.now).token
        let order = SyncFixture.problem.orders[0].number
        _ = try await database.assign(order, to: t1, actor: "anna", at: SyncFixture.now)
        try await Self.live(database) { client, port in
            struct Optimize: Encodable { var timeLimitSeconds: Double }
            let finished = Mutex(false)
            // On a connection of its own: one HTTP/1.1 connection answers in order.
            let first = Task {
                try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120))) { other in
                    var headers = HTTPFields()
                    headers[.authorization] = "Bearer \(dispatcher)"
                    headers[.contentType] = "application/json"
                    let response = try await other.execute(.init(
                        "/v1/dispatch/optimize", method: .post, headers: headers, body: ByteBuffer(string: #"{"timeLimitSeconds": 8}"#)))
                    finished.withLock { $0 = true }
                    return response.head.status
                }
            }
            // Wait until it holds the slot (a loaded machine may take a while to get there).
            var waited = 0
            while !(try await Self.optimizing(client)), waited < 300 {
                try await Task.sleep(for: .milliseconds(100))
                waited += 1
            }
            let second = try await client.post("/v1/dispatch/optimize", token: dispatcher, Optimize(timeLimitSeconds: 0)).status
            #expect(second == .conflict, "the first optimization is running")
            for index in 1...20 {
                let push = PushRequest(deviceId: "d1", mutations: [SyncFixture.note(Int64(index), noteId: "n\(index)", order, "note \(index)")])
                #expect(try await client.post("/v1/sync/push", token: token, push).status == .ok)
                #expect(try await client.post("/v1/sync/pull", token: token, PullRequest(deviceId: "d1", limit: 50)).status == .ok)
                #expect(try await client.send(.get, "/v1/health", token: nil).status == .ok)
            }
            let searchStillRunning = !finished.withLock { $0 }
            #expect(searchStillRunning, "every device request was answered during the search")
            #expect(try await first.value == .ok)
            #expect(!(try await Self.optimizing(client)), "the slot is free again once the plan is published")
        }
    }

    static func optimizing(_ client: LiveClient) async throws -> Bool {
        let health = try await client.send(.get, "/v1/health", token: nil)
        let body = try JSONSerialization.jsonObject(with: health.body) as? [String: Any]
        return body?["optimizing"] as? Bool ?? false
    }
}
