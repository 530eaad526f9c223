import FieldOpsModel
import FieldOpsStore
import FieldOpsSync
import Hummingbird
import Logging

/// `POST /v1/sync/push` and `POST /v1/sync/pull` for technicians' devices.
struct SyncController {
    let database: AppDatabase
    let configuration: ServerConfiguration

    func addRoutes(to group: RouterGroup<FieldOpsRequestContext>) {
        group.post("push", use: push)
        group.post("pull", use: pull)
    }

    func technician(_ context: FieldOpsRequestContext) throws -> TechnicianID {
        guard case .technician(let id)? = context.principal else {
            throw APIError(.forbidden, "not_a_technician", "sync endpoints take a technician's token")
        }
        return id
    }

    @Sendable func push(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        let technician = try technician(context)
        let body: PushRequest
        do {
            body = try SyncBodyDecoder.push(try await JSONBody.bytes(of: request, limit: configuration.maxBodyBytes))
        } catch let error as SyncBodyDecoder.BodyError {
            throw APIError(.badRequest, error.code, error.message)
        }
        try check(version: body.protocolVersion, device: body.deviceId)
        guard body.mutations.allSatisfy({ $0.id >= 1 }) else {
            throw APIError(.badRequest, "invalid_body", "mutation ids count from 1")
        }
        guard body.mutations.count <= 1_000 else {
            throw APIError(.contentTooLarge, "too_many_mutations", "push at most 1000 mutations at a time")
        }
        let response = try await database.push(body, technician: technician, at: configuration.clock())
        context.logger.info("push", metadata: [
            "technician": "\(technician)", "device": "\(body.deviceId)", "mutations": "\(body.mutations.count)",
            "processed": "\(response.outcomes.count)", "last": "\(response.lastMutationId)",
            "rejected": "\(response.outcomes.filter { $0.status == .rejected }.count)",
        ])
        return try JSONBody.response(response)
    }

    @Sendable func pull(_ request: Request, context: FieldOpsRequestContext) async throws -> Response {
        let technician = try technician(context)
        let body: PullRequest
        do {
            body = try SyncBodyDecoder.pull(try await JSONBody.bytes(of: request, limit: configuration.maxBodyBytes))
        } catch let error as SyncBodyDecoder.BodyError {
            throw APIError(.badRequest, error.code, error.message)
        }
        try check(version: body.protocolVersion, device: body.deviceId)
        if let limit = body.limit, limit < 1 { throw APIError(.badRequest, "invalid_body", "limit must be at least 1") }
        let response = try await database.pull(body, technician: technician, at: configuration.clock())
        context.logger.info("pull", metadata: [
            "technician": "\(technician)", "device": "\(body.deviceId)", "changes": "\(response.changes.count)",
            "hasMore": "\(response.hasMore)", "reset": "\(response.reset ?? false)",
        ])
        return try JSONBody.response(response)
    }

    func check(version: Int, device: String) throws {
        guard version == SyncProtocol.version else {
            throw APIError(.badRequest, "unsupported_protocol_version", "this server speaks protocol version \(SyncProtocol.version), not \(version)")
        }
        guard !device.isEmpty, device.count <= 200 else {
            throw APIError(.badRequest, "invalid_body", "deviceId must be a non-empty string of at most 200 characters")
        }
    }
}
