import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `fieldops serve` as a process: killed with SIGKILL in the middle of a stream of pushes and restarted on the
/// same file, stopped with SIGTERM, and used by the dispatcher's CLI while it runs.
@Suite(.serialized) struct ServerProcessTests {
    let cli = CommandLineTests()

    final class ServerProcess {
        let process = Process()
        let port: Int

        init(binary: URL, database: String, port: Int) throws {
            self.port = port
            process.executableURL = binary
            process.arguments = ["serve", "--db", database, "--port", "\(port)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func waitUntilHealthy() async throws {
            for _ in 0..<200 {
                if let (_, response) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/v1/health")!),
                   (response as? HTTPURLResponse)?.statusCode == 200 { return }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            throw CancellationError()
        }
    }

    static func freePort() -> Int { 20_000 + Int.random(in: 0..<20_000) }

    func post(_ port: Int, _ path: String, token: String, json: [String: Any]) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: json)
        request.timeoutInterval = 5
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:])
    }

    @Test func killedMidStreamAndRestartedNothingLostNothingDoubled() async throws {
        let directory = try cli.temporaryDirectory()
        let problem = directory.appendingPathComponent("problem.json").path
        let db = directory.appendingPathComponent("fieldops.sqlite").path
        #expect(try cli.run(["generate", "--technicians", "3", "--orders", "20", "--seed", "5", "--out", problem]).status == 0)
        #expect(try cli.run(["import", "--db", db, problem]).status == 0)
        let order = "202611000015"
        #expect(try cli.run(["assign", "--db", db, order, "T001"]).status == 0)
        let token = try cli.run(["token", "issue", "--db", db, "--technician", "T001"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("fo_"))

        let port = Self.freePort()
        var server = try ServerProcess(binary: CommandLineTests.binary, database: db, port: port)
        try await server.waitUntilHealthy()

        // 150 consumption records queued on the device, pushed 5 at a time; the server dies after a while.
        let mutations: [[String: Any]] = (1...150).map { id in
            ["id": id, "name": "stock.consume", "args": ["entryId": "kill-\(id)", "workOrderId": order, "partId": "FUS-016", "quantity": 1]]
        }
        var acknowledged = 0
        var killed = false
        var attempts = 0
        // The kill comes from outside, at a moment the device does not choose: most likely while a push is in flight.
        let victim = server.process.processIdentifier
        let killer = Task {
            try await Task.sleep(nanoseconds: 150_000_000)
            kill(victim, SIGKILL)
        }
        while acknowledged < mutations.count && attempts < 2_000 {
            attempts += 1
            if !server.process.isRunning {
                killed = true
                #expect(server.process.terminationReason == .uncaughtSignal)
                server = try ServerProcess(binary: CommandLineTests.binary, database: db, port: port)
                try await server.waitUntilHealthy()
            }
            let batch = Array(mutations[acknowledged..<min(mutations.count, acknowledged + 5)])
            guard let (status, body) = try? await post(port, "/v1/sync/push", token: token, json: ["deviceId": "dev-k", "protocolVersion": 1, "mutations": batch]),
                  status == 200, let last = body["lastMutationId"] as? Int
            else { continue }
            acknowledged = last
        }
        _ = try await killer.value
        #expect(killed)
        #expect(acknowledged == 150)

        // While the server runs, the dispatcher's CLI works on the same file.
        let assigned = try cli.run(["assign", "--db", db, "202611000016", "T002"])
        #expect(assigned.status == 0, "\(assigned.stderr)")

        server.process.terminate()  // SIGTERM: a graceful stop
        server.process.waitUntilExit()
        #expect(server.process.terminationReason == .exit)

        let ledger = try cli.run(["stock", "ledger", "--db", db, "--part", "FUS-016", "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(ledger.stdout.utf8)) as? [[String: Any]] ?? []
        let keys = entries.compactMap { $0["idempotencyKey"] as? String }.filter { $0.hasPrefix("kill-") }
        #expect(keys.count == 150, "every consumption recorded once")
        #expect(Set(keys).count == 150)
    }
}
