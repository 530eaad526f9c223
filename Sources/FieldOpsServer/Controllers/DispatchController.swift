import FieldOpsModel
import FieldOpsStore
import Hummingbird

/// The dispatcher's side over HTTP (a dispatcher token): reassign an order, issue a technician's token, list
/// exceptions.
struct DispatchController {
    let database: AppDatabase
    let configuration: ServerConfiguration

    struct AssignBody: Decodable {
        var workOrderId: String
        var technicianId: String
    }

    struct AssignResult: Encodable {
        var workOrderId: String
        var technicianId: String
        var previousTechnicianId: String?
        var assignmentVersion: Int64
    }

    struct TokenBody: Decodable {
        var technicianId: String
    }

    struct TokenResult: Encodable {
        var technicianId: String
        var token: String
    }

    func addRoutes(to group: RouterGroup<FieldOpsRequestContext>) {
        group.post("assign", use: assign)
        group.post("tokens", use: token)
        group.get("exceptions", use: exceptions)
    }

    func requireDispatcher(_ context: FieldOpsRequestContext) throws {
        guard context.principal == .dispatcher else {
            throw APIError(.forbidden, "not_a_dispatcher", "dispatcher endpoints take a dispatcher's token")
        }
    }

    @Sendable func assign(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        try requireDispatcher(context)
        let body = try await JSONBody.decode(AssignBody.self, from: request, limit: configuration.maxBodyBytes)
        let result = try database.assign(WorkOrderNumber(rawValue: body.workOrderId), to: TechnicianID(rawValue: body.technicianId),
                                         actor: "dispatcher-api", at: configuration.clock())
        context.logger.info("assign", metadata: ["order": "\(body.workOrderId)", "technician": "\(body.technicianId)"])
        return try JSONBody.response(AssignResult(
            workOrderId: body.workOrderId, technicianId: body.technicianId, previousTechnicianId: result.from?.rawValue,
            assignmentVersion: result.version))
    }

    @Sendable func token(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        try requireDispatcher(context)
        let body = try await JSONBody.decode(TokenBody.self, from: request, limit: configuration.maxBodyBytes)
        let token = try database.issueToken(technician: TechnicianID(rawValue: body.technicianId), at: configuration.clock())
        return try JSONBody.response(TokenResult(technicianId: body.technicianId, token: token), status: .created)
    }

    @Sendable func exceptions(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        try requireDispatcher(context)
        return try JSONBody.response(try database.exceptions())
    }
}
