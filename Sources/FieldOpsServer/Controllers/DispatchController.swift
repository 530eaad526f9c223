import FieldOpsModel
import FieldOpsScheduler
import FieldOpsStore
import Foundation
import Hummingbird

/// The dispatcher's side over HTTP (a dispatcher token): import a problem, optimize and publish, reassign an
/// order, issue, list and revoke tokens, list exceptions. Every database call awaits the database; the search
/// runs in the `SolveSlot`, one at a time.
struct DispatchController {
    let database: AppDatabase
    let configuration: ServerConfiguration
    let solveSlot: SolveSlot

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
        var validDays: Int?
    }

    struct TokenResult: Encodable {
        var technicianId: String
        var token: String
        var id: String
        var expiresAt: Instant?
    }

    struct OptimizeBody: Decodable {
        var timeLimitSeconds: Double?
        var seed: UInt64?
    }

    struct OptimizeResult: Encodable {
        var score: Score
        var assigned: Int
        var reassigned: Int
        var unassigned: Int
        var unchanged: Int
        var unassignedOrders: [String]
    }

    struct ImportResult: Encodable {
        var technicians: Int
        var ordersAdded: Int
        var ordersUpdated: Int
        var parts: Int
    }

    func addRoutes(to group: RouterGroup<FieldOpsRequestContext>) {
        group.post("import", use: importProblem)
        group.post("optimize", use: optimize)
        group.post("assign", use: assign)
        group.post("tokens", use: token)
        group.get("tokens", use: tokens)
        group.delete("tokens/:id", use: revokeToken)
        group.get("exceptions", use: exceptions)
    }

    func requireDispatcher(_ context: FieldOpsRequestContext) throws {
        guard context.principal == .dispatcher else {
            throw APIError(.forbidden, "not_a_dispatcher", "dispatcher endpoints take a dispatcher's token")
        }
    }

    /// The body is a problem file; every problem in it is reported (422) and nothing is imported.
    @Sendable func importProblem(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        try requireDispatcher(context)
        let bytes = try await JSONBody.bytes(of: request, limit: max(configuration.maxBodyBytes, 16 * 1_048_576))
        let problem: Problem
        switch Self.load(bytes) {
        case .success(let loaded): problem = loaded.problem
        case .failure(let error):
            throw APIError(.unprocessableContent, "invalid_problem", error.errors.prefix(50).map(\.description).joined(separator: "\n"))
        }
        let summary = try await database.importProblem(problem, at: configuration.clock())
        return try JSONBody.response(ImportResult(
            technicians: summary.technicians, ordersAdded: summary.ordersAdded, ordersUpdated: summary.ordersUpdated, parts: summary.parts))
    }

    static func load(_ bytes: [UInt8]) -> Result<LoadedProblem, ProblemFileError> {
        do {
            return .success(try ProblemFileReader.load(bytes: bytes))
        } catch {
            return .failure(error)
        }
    }

    /// Plans the open orders (at most a minute of search) and publishes the assignments.
    @Sendable func optimize(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        try requireDispatcher(context)
        let body = try await JSONBody.decode(OptimizeBody.self, from: request, limit: configuration.maxBodyBytes)
        guard let requested = body.timeLimitSeconds ?? 10 as Double?, requested.isFinite, (0...60).contains(requested) else {
            throw APIError(.badRequest, "invalid_body", "timeLimitSeconds must be between 0 and 60")
        }
        let options = SolverOptions(timeLimit: requested, seed: body.seed ?? 1, threads: configuration.searchThreads)
        let published = try await solveSlot.exclusively {
            guard let problem = try await database.planningProblem() else {
                throw APIError(.unprocessableContent, "nothing_imported", "import a problem first")
            }
            let plan = await SolveSlot.onSearchThread { Planner(options: options).plan(problem).plan }
            return (plan, try await database.publish(plan, actor: "dispatcher-api", at: configuration.clock()))
        }
        guard let (plan, summary) = published else {
            throw APIError(.conflict, "optimize_running", "another optimization is running; try again when it has published")
        }
        context.logger.info("optimize", metadata: ["score": "\(plan.score)", "assigned": "\(plan.assignments.count)"])
        return try JSONBody.response(OptimizeResult(
            score: plan.score, assigned: summary.assigned, reassigned: summary.reassigned, unassigned: summary.unassigned,
            unchanged: summary.unchanged, unassignedOrders: plan.unassigned.map(\.workOrder.rawValue)))
    }

    @Sendable func assign(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        try requireDispatcher(context)
        let body = try await JSONBody.decode(AssignBody.self, from: request, limit: configuration.maxBodyBytes)
        let result = try await database.assign(WorkOrderNumber(rawValue: body.workOrderId), to: TechnicianID(rawValue: body.technicianId),
                                         actor: "dispatcher-api", at: configuration.clock())
        context.logger.info("assign", metadata: ["order": "\(body.workOrderId)", "technician": "\(body.technicianId)"])
        return try JSONBody.response(AssignResult(
            workOrderId: body.workOrderId, technicianId: body.technicianId, previousTechnicianId: result.from?.rawValue,
            assignmentVersion: result.version))
    }

    @Sendable func token(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        try requireDispatcher(context)
        let body = try await JSONBody.decode(TokenBody.self, from: request, limit: configuration.maxBodyBytes)
        let issued = try await database.issueToken(
            technician: TechnicianID(rawValue: body.technicianId), validDays: body.validDays ?? AppDatabase.defaultTokenValidDays,
            at: configuration.clock())
        return try JSONBody.response(
            TokenResult(technicianId: body.technicianId, token: issued.token, id: issued.info.id, expiresAt: issued.info.expiresAt),
            status: .created)
    }

    @Sendable func tokens(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        try requireDispatcher(context)
        return try JSONBody.response(try await database.tokens())
    }

    @Sendable func revokeToken(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        try requireDispatcher(context)
        let id = context.parameters.get("id") ?? ""
        let revoked = try await database.revokeTokens(id: id, at: configuration.clock())
        context.logger.info("token revoked", metadata: ["token": "\(id)"])
        return try JSONBody.response(revoked[0])
    }

    @Sendable func exceptions(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        try requireDispatcher(context)
        return try JSONBody.response(try await database.exceptions())
    }
}
