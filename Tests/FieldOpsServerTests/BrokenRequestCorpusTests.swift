import FieldOpsModel
import FieldOpsServer
import FieldOpsStore
import FieldOpsSync
import FieldOpsTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// What a broken or hostile device sends. A body that cannot be read is a 4xx naming the field; a mutation whose
/// arguments cannot apply is a rejected outcome naming the argument (it never blocks the queue). Never a 5xx.
@Suite struct BrokenRequestCorpusTests {
    struct BodyCase: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var body: [UInt8]
        var status: HTTPResponse.Status
        /// What the error message must name.
        var names: String
        var testDescription: String { name }

        init(_ name: String, path: String = "/v1/sync/push", _ body: String, status: HTTPResponse.Status = .badRequest, names: String) {
            self.init(name, path: path, bytes: Array(body.utf8), status: status, names: names)
        }

        init(_ name: String, path: String, bytes body: [UInt8], status: HTTPResponse.Status, names: String) {
            self.name = name
            self.path = path
            self.body = body
            self.status = status
            self.names = names
        }
    }

    static let bodyCases: [BodyCase] = [
        .init("not JSON", "{deviceId: 1}", names: "not valid JSON"),
        .init("JSON null", "null", names: "the body must be an object"),
        .init("cut off", #"{"deviceId": "d1", "protocolVersion": 1, "mutations": [{"id": 1,"#, names: "unexpected end"),
        .init("mutations not a list", #"{"deviceId": "d1", "protocolVersion": 1, "mutations": {}}"#, names: "mutations"),
        .init("protocol version 2", #"{"deviceId": "d1", "protocolVersion": 2, "mutations": []}"#, names: "protocol version"),
        .init("mutation id 0", #"{"deviceId": "d1", "protocolVersion": 1, "mutations": [{"id": 0, "name": "x", "args": {}}]}"#, names: "mutation ids"),
        .init("mutation id 1.5", #"{"deviceId": "d1", "protocolVersion": 1, "mutations": [{"id": 1.5, "name": "x", "args": {}}]}"#, names: "mutations[0].id"),
        .init("mutation id 2^64", #"{"deviceId": "d1", "protocolVersion": 1, "mutations": [{"id": 18446744073709551616, "name": "x", "args": {}}]}"#, names: "mutations[0].id"),
        .init("mutation without args", #"{"deviceId": "d1", "protocolVersion": 1, "mutations": [{"id": 1, "name": "x"}]}"#, names: "mutations[0].args"),
        .init("empty device id", #"{"deviceId": "", "protocolVersion": 1, "mutations": []}"#, names: "deviceId"),
        .init("device id of 300 characters", #"{"deviceId": "\#(String(repeating: "d", count: 300))", "protocolVersion": 1, "mutations": []}"#, names: "deviceId"),
        .init("device id not UTF-8", path: "/v1/sync/push", bytes: Array(#"{"deviceId": "d"#.utf8) + [0xC3, 0x28] + Array(#"", "protocolVersion": 1, "mutations": []}"#.utf8), status: .badRequest, names: "deviceId"),
        .init("pull limit 0", path: "/v1/sync/pull", #"{"deviceId": "d1", "protocolVersion": 1, "limit": 0}"#, names: "limit"),
        .init("pull limit 10^30", path: "/v1/sync/pull", #"{"deviceId": "d1", "protocolVersion": 1, "limit": 1000000000000000000000000000000}"#, names: "limit"),
        .init("pull cursor a number", path: "/v1/sync/pull", #"{"deviceId": "d1", "protocolVersion": 1, "cursor": 7}"#, names: "cursor"),
        .init("empty body", "", names: "JSON body"),
        .init("deep nesting", String(repeating: "[", count: 400), names: "nesting"),
        .init("2,000 mutations", #"{"deviceId": "d1", "protocolVersion": 1, "mutations": [\#((1...2000).map { #"{"id": \#($0), "name": "x", "args": {}}"# }.joined(separator: ","))]}"#, status: .contentTooLarge, names: "1000"),
    ]

    static func app() async throws -> (some ApplicationProtocol, String) {
        let database = try SyncFixture.database()
        _ = try await database.assign(SyncFixture.problem.orders[0].number, to: "T001", actor: "anna", at: SyncFixture.now)
        let token = try await database.issueToken(technician: "T001", at: SyncFixture.now).token
        return (buildApplication(database: database, configuration: ServerConfiguration(port: 0, maxBodyBytes: 256 * 1024, clock: { SyncFixture.now }), logger: LiveServer.logger), token)
    }

    static func headers(_ token: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = "application/json"
        return headers
    }

    @Test(arguments: bodyCases)
    func aBrokenBodyIsA4xxThatNamesWhatIsWrong(_ broken: BodyCase) async throws {
        let (app, token) = try await Self.app()
        try await app.test(.router) { client in
            let headers = Self.headers(token)
            let response = try await client.execute(uri: broken.path, method: .post, headers: headers, body: ByteBuffer(bytes: broken.body))
            #expect(response.status == broken.status, "\(String(buffer: response.body))")
            let error = try JSONDecoder().decode(SyncErrorBody.self, from: Data(buffer: response.body))
            #expect(error.error.message.contains(broken.names), "\(error.error.message)")
        }
    }

    struct MutationCase: Sendable, CustomTestStringConvertible {
        var name: String
        var mutation: String
        var code: String
        /// What the outcome's message must name.
        var names: String
        var testDescription: String { name }
    }

    static let order = SyncFixture.problem.orders[0].number.rawValue

    static let mutationCases: [MutationCase] = [
        .init(name: "quantity 2^63-1", mutation: #"{"name": "stock.consume", "args": {"entryId": "e", "workOrderId": "\#(order)", "partId": "FUS-016", "quantity": 9223372036854775807}}"#, code: "invalid_args", names: "args.quantity"),
        .init(name: "quantity 1e300", mutation: #"{"name": "stock.consume", "args": {"entryId": "e", "workOrderId": "\#(order)", "partId": "FUS-016", "quantity": 1e300}}"#, code: "invalid_args", names: "args.quantity"),
        .init(name: "quantity as text", mutation: #"{"name": "stock.consume", "args": {"entryId": "e", "workOrderId": "\#(order)", "partId": "FUS-016", "quantity": "3"}}"#, code: "invalid_args", names: "args.quantity"),
        .init(name: "negative quantity", mutation: #"{"name": "stock.returnDefective", "args": {"entryId": "e", "workOrderId": "\#(order)", "partId": "FUS-016", "quantity": -4}}"#, code: "invalid_args", names: "args.quantity"),
        .init(name: "no entry id", mutation: #"{"name": "stock.consume", "args": {"workOrderId": "\#(order)", "partId": "FUS-016", "quantity": 1}}"#, code: "invalid_args", names: "args.entryId"),
        .init(name: "unknown part", mutation: #"{"name": "stock.consume", "args": {"entryId": "e", "workOrderId": "\#(order)", "partId": "NOPE", "quantity": 1}}"#, code: "unknown_part", names: "NOPE"),
        .init(name: "basis as text", mutation: #"{"name": "workOrder.setStatus", "args": {"workOrderId": "\#(order)", "status": "onSite", "basisAssignment": "x"}}"#, code: "invalid_args", names: "args.basisAssignment"),
        .init(name: "basis 10^20", mutation: #"{"name": "workOrder.setStatus", "args": {"workOrderId": "\#(order)", "status": "onSite", "basisAssignment": 100000000000000000000}}"#, code: "invalid_args", names: "args.basisAssignment"),
        .init(name: "status unknown", mutation: #"{"name": "workOrder.setStatus", "args": {"workOrderId": "\#(order)", "status": "done", "basisAssignment": 1}}"#, code: "invalid_args", names: "args.status"),
        .init(name: "status a dispatcher's", mutation: #"{"name": "workOrder.setStatus", "args": {"workOrderId": "\#(order)", "status": "closed", "basisAssignment": 1}}"#, code: "invalid_args", names: "args.status"),
        .init(name: "order number a path", mutation: #"{"name": "workOrder.addNote", "args": {"workOrderId": "../../etc", "noteId": "n", "text": "x"}}"#, code: "invalid_args", names: "args.workOrderId"),
        .init(name: "args a list", mutation: #"{"name": "workOrder.addNote", "args": ["n", "x"]}"#, code: "invalid_args", names: "args"),
        .init(name: "empty note id", mutation: #"{"name": "workOrder.addNote", "args": {"workOrderId": "\#(order)", "noteId": "", "text": "x"}}"#, code: "invalid_args", names: "args.noteId"),
        .init(name: "note of 20,000 characters", mutation: #"{"name": "workOrder.addNote", "args": {"workOrderId": "\#(order)", "noteId": "n", "text": "\#(String(repeating: "x", count: 20_000))"}}"#, code: "invalid_args", names: "args.text"),
        .init(name: "entry id of 1,000 characters", mutation: #"{"name": "stock.consume", "args": {"entryId": "\#(String(repeating: "e", count: 1_000))", "workOrderId": "\#(order)", "partId": "FUS-016", "quantity": 1}}"#, code: "invalid_args", names: "args.entryId"),
        .init(name: "unknown mutation", mutation: #"{"name": "workOrder.delete", "args": {"workOrderId": "\#(order)"}}"#, code: "unknown_mutation", names: "workOrder.delete"),
        .init(name: "someone else's order", mutation: #"{"name": "workOrder.addNote", "args": {"workOrderId": "\#(SyncFixture.problem.orders[1].number)", "noteId": "n", "text": "x"}}"#, code: "not_assigned", names: "not assigned"),
    ]

    @Test(arguments: mutationCases)
    func aBrokenMutationIsRejectedByNameAndTheQueueGoesOn(_ broken: MutationCase) async throws {
        let (app, token) = try await Self.app()
        try await app.test(.router) { client in
            let headers = Self.headers(token)
            let first = broken.mutation.replacingOccurrences(of: #"{"name""#, with: #"{"id": 1, "name""#)
            let body = #"{"deviceId": "d1", "protocolVersion": 1, "mutations": [\#(first), {"id": 2, "name": "workOrder.addNote", "args": {"workOrderId": "\#(Self.order)", "noteId": "after", "text": "still applied"}}]}"#
            let response = try await client.execute(uri: "/v1/sync/push", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let push = try JSONDecoder().decode(PushResponse.self, from: Data(buffer: response.body))
            #expect(push.lastMutationId == 2)
            #expect(push.outcomes.map(\.status) == [.rejected, .applied], "the next mutation still applies")
            #expect(push.outcomes.first?.code == broken.code)
            #expect(push.outcomes.first?.message?.contains(broken.names) == true, "\(push.outcomes.first?.message ?? "")")
        }
    }
}
