import FieldOpsModel
import FieldOpsServer
import FieldOpsStore
import FieldOpsSync
import FieldOpsTestSupport
import Foundation
import Hummingbird
import Testing

@Suite struct ServerTests {
    let t1 = TechnicianID(rawValue: "T001")
    let t2 = TechnicianID(rawValue: "T002")

    @Test func healthAndTheOpenAPIDocumentMatchTheRoutes() async throws {
        let database = try SyncFixture.database()
        let token = try await database.issueToken(technician: t1, at: SyncFixture.now).token
        let dispatcher = try await database.issueToken(technician: nil, at: SyncFixture.now).token
        try await LiveServer.run(database) { client in
            let health = try await client.send(.get, "/v1/health", token: nil)
            #expect(health.status == .ok)
            let fields = try JSONSerialization.jsonObject(with: health.body) as? [String: Any]
            #expect(fields?["status"] as? String == "ok")
            #expect(fields?["optimizing"] as? Bool == false, "no optimization is running")
            let document = try await client.send(.get, "/openapi.json", token: nil)
            let json = try #require(try JSONSerialization.jsonObject(with: document.body) as? [String: Any])
            #expect(json["openapi"] as? String == "3.0.3")
            let paths = try #require(json["paths"] as? [String: [String: Any]])
            #expect(paths.count == 10)
            // Every documented operation is served (not 404 or 405), with the documented kind of token.
            for (path, methods) in paths {
                for (method, operation) in methods {
                    let entry = operation as? [String: Any]
                    let role = entry?["x-role"] as? String
                    let verb = HTTPRequest.Method(rawValue: method.uppercased())!
                    let uri = path.replacingOccurrences(of: "{id}", with: "0000000000000000")
                    let reply = try await client.send(verb, uri, token: role == "dispatcher" ? dispatcher : token, body: Data("{}".utf8))
                    #expect(reply.errorCode != "not_found" && reply.status != .methodNotAllowed, "\(method) \(path): \(reply.status)")
                    if role != nil {
                        let anonymous = try await client.send(verb, uri, token: nil, body: Data("{}".utf8))
                        #expect(anonymous.status == .unauthorized, "\(path) without a token")
                    }
                    // Documented schemas exist.
                    if let body = entry?["requestBody"] as? [String: Any], let content = body["content"] as? [String: [String: [String: String]]],
                       let ref = content["application/json"]?["schema"]?["$ref"] {
                        let name = String(ref.split(separator: "/").last!)
                        let schemas = (json["components"] as? [String: Any])?["schemas"] as? [String: Any]
                        #expect(schemas?[name] != nil, "schema \(name)")
                    }
                }
            }
            // And nothing undocumented answers.
            #expect(try await client.send(.post, "/v1/sync/unknown", token: token).status == .notFound)
        }
    }

    @Test func theDispatcherImportsOptimizesAndAssignsOverHTTP() async throws {
        let database = try AppDatabase.inMemory()
        let dispatcher = try await database.issueToken(technician: nil, at: SyncFixture.now).token
        let problem = try ProblemFileWriter.data(SyncFixture.problem)
        try await LiveServer.run(database) { client in
            let broken = try await client.send(.post, "/v1/dispatch/import", token: dispatcher, body: Data(#"{"horizon": 3}"#.utf8))
            #expect(broken.status == .unprocessableContent)
            #expect(String(decoding: broken.body, as: UTF8.self).contains("horizon: expected an object"))
            let imported = try await client.send(.post, "/v1/dispatch/import", token: dispatcher, body: problem)
            #expect(imported.status == .ok, "\(String(decoding: imported.body, as: UTF8.self))")
            let optimized = try await client.post("/v1/dispatch/optimize", token: dispatcher, ["timeLimitSeconds": 0.2])
            #expect(optimized.status == .ok)
            let result = try #require(try JSONSerialization.jsonObject(with: optimized.body) as? [String: Any])
            #expect((result["assigned"] as? Int ?? 0) > 0)
            let order = SyncFixture.problem.orders[0].number.rawValue
            let assigned = try await client.post("/v1/dispatch/assign", token: dispatcher, ["workOrderId": order, "technicianId": "T003"])
            #expect(assigned.status == .ok)
            #expect(try database.workOrder(WorkOrderNumber(rawValue: order))?.technicianId == "T003")
            let unknown = try await client.post("/v1/dispatch/assign", token: dispatcher, ["workOrderId": "209912999999", "technicianId": "T003"])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errorCode == "unknown_work_order")
        }
    }

    @Test func tokensAndDeviceBinding() async throws {
        let database = try SyncFixture.database()
        let order = SyncFixture.problem.orders[0].number
        _ = try await database.assign(order, to: t1, actor: "anna", at: SyncFixture.now)
        let token1 = try await database.issueToken(technician: t1, at: SyncFixture.now).token
        let token2 = try await database.issueToken(technician: t2, at: SyncFixture.now).token
        try await LiveServer.run(database) { client in
            let wrong = try await client.post("/v1/sync/pull", token: "fo_nope", PullRequest(deviceId: "d1"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.errorCode == "unknown_token")
            #expect(try await client.post("/v1/sync/pull", token: token1, PullRequest(deviceId: "d1")).status == .ok)
            // The device now belongs to T001: T002's token is refused and nothing changes.
            let push = PushRequest(deviceId: "d1", mutations: [SyncFixture.setStatus(1, order, "enRoute", basis: 1)])
            let stolen = try await client.post("/v1/sync/push", token: token2, push)
            #expect(stolen.status == .forbidden)
            #expect(stolen.errorCode == "device_bound_elsewhere")
            #expect(try database.workOrder(order)?.order.status == .dispatched)
            // A technician's token cannot use the dispatcher's endpoints.
            #expect(try await client.send(.get, "/v1/dispatch/exceptions", token: token1).status == .forbidden)
        }
    }

    @Test func noDeviceCanReadAnotherTechniciansOrders() async throws {
        let database = try SyncFixture.database()
        let orders = SyncFixture.problem.orders.map(\.number)
        for (index, order) in orders.enumerated() { _ = try await database.assign(order, to: index % 2 == 0 ? t1 : t2, actor: "anna", at: SyncFixture.now) }
        let token1 = try await database.issueToken(technician: t1, at: SyncFixture.now).token
        try await LiveServer.run(database) { client in
            var cursor: String?
            var seen: [String] = []
            repeat {
                let reply = try await client.post("/v1/sync/pull", token: token1, PullRequest(deviceId: "d1", cursor: cursor, limit: 4))
                let page = try reply.decode(PullResponse.self)
                seen += page.changes.filter { $0.entity == "workOrder" }.map(\.id)
                for change in page.changes where change.entity == "workOrder" {
                    #expect(change.data?["technicianId"] == .string("T001"))
                }
                for change in page.changes where change.entity == "stockBalance" { #expect(change.id.hasPrefix("V001/")) }
                cursor = page.hasMore ? page.cursor : nil
            } while cursor != nil
            #expect(Set(seen) == Set(orders.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.rawValue)))
        }
    }

    @Test func malformedBodiesGet4xxJSONErrorsNever5xx() async throws {
        let database = try SyncFixture.database()
        let token = try await database.issueToken(technician: t1, at: SyncFixture.now).token
        try await LiveServer.run(database) { client in
            let cases: [(String, Data, Int)] = [
                ("not JSON", Data("hello".utf8), 400),
                ("empty", Data(), 400),
                ("wrong types", Data(#"{"deviceId": 7, "protocolVersion": "one", "mutations": {}}"#.utf8), 400),
                ("missing fields", Data(#"{"deviceId": "d1"}"#.utf8), 400),
                ("unknown version", Data(#"{"deviceId": "d1", "protocolVersion": 2, "mutations": []}"#.utf8), 400),
                ("mutation id zero", Data(#"{"deviceId": "d1", "protocolVersion": 1, "mutations": [{"id": 0, "name": "x", "args": {}}]}"#.utf8), 400),
                ("huge", Data(("{\"deviceId\": \"" + String(repeating: "x", count: 200_000) + "\"}").utf8), 413),
                ("array", Data("[1,2,3]".utf8), 400),
                ("truncated", Data(#"{"deviceId": "d1", "protocolVersion": 1, "mutations": [{"id": 1"#.utf8), 400),
            ]
            for (name, body, status) in cases {
                let reply = try await client.send(.post, "/v1/sync/push", token: token, body: body)
                #expect(Int(reply.status.code) == status, "\(name): \(reply.status)")
                #expect(reply.errorCode != nil, "\(name): JSON error body")
            }
            // Unknown mutation names and bad args are per-mutation rejections, not request errors.
            let odd = PushRequest(deviceId: "d1", mutations: [
                Mutation(id: 1, name: "teleport", args: .object([:])),
                Mutation(id: 2, name: "stock.consume", args: .string("x")),
                Mutation(id: 3, name: "workOrder.setStatus", args: .object(["workOrderId": .number(5)])),
            ])
            let reply = try await client.post("/v1/sync/push", token: token, odd)
            #expect(reply.status == .ok)
            let response = try reply.decode(PushResponse.self)
            #expect(response.outcomes.map(\.code) == ["unknown_mutation", "invalid_args", "invalid_args"])
            #expect(response.lastMutationId == 3)
        }
    }

    @Test func aPermanentlyInvalidMutationInTheMiddleIsRejectedAndTheRestApply() async throws {
        let database = try SyncFixture.database()
        let orders = SyncFixture.problem.orders.map(\.number)
        _ = try await database.assign(orders[0], to: t1, actor: "anna", at: SyncFixture.now)
        let token = try await database.issueToken(technician: t1, at: SyncFixture.now).token
        try await LiveServer.run(database) { client in
            let push = PushRequest(deviceId: "d1", mutations: [
                SyncFixture.setStatus(1, orders[0], "enRoute", basis: 1),
                SyncFixture.note(2, noteId: "n1", orders[0], "customer not home, waiting"),
                SyncFixture.setStatus(3, WorkOrderNumber(rawValue: "209912999999"), "onSite", basis: 1),
                SyncFixture.setStatus(4, orders[0], "onSite", basis: 1),
                SyncFixture.consume(5, entry: "e1", orders[0], part: "FUS-016", quantity: 1),
                SyncFixture.setStatus(6, orders[0], "resolved", basis: 1),
            ])
            let response = try await client.post("/v1/sync/push", token: token, push).decode(PushResponse.self)
            #expect(response.lastMutationId == 6)
            #expect(response.outcomes.map(\.status) == [.applied, .applied, .rejected, .applied, response.outcomes[4].status, .applied])
            #expect(response.outcomes[2].code == "not_assigned", "an unknown number gets the same answer as someone else's order")
            #expect(try database.workOrder(orders[0])?.order.status == .resolved)
        }
    }
}
