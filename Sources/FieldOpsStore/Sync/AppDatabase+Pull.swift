import FieldOpsModel
import FieldOpsSync
import Foundation
import GRDB

extension AppDatabase {
    /// The changes in a device's scope after its cursor, one page (`SyncEngine.page`). The page and
    /// `lastMutationId` are read in one snapshot, so the page includes the effects of every mutation up to that id.
    public func pull(_ request: PullRequest, technician: TechnicianID, at time: Instant) throws -> PullResponse {
        if try writer.read({ db in try Self.needsWrite(db, request.deviceId, technician: technician, at: time) }) {
            try writer.write { db in try Self.prepare(db, request.deviceId, technician: technician, at: time) }
        }
        return try writer.read { db in try Self.page(db, request, technician: technician) }
    }

    /// The same, awaiting the database instead of blocking the caller's thread (for the server).
    public func pull(_ request: PullRequest, technician: TechnicianID, at time: Instant) async throws -> PullResponse {
        if try await writer.read({ db in try Self.needsWrite(db, request.deviceId, technician: technician, at: time) }) {
            try await writer.write { db in try Self.prepare(db, request.deviceId, technician: technician, at: time) }
        }
        return try await writer.read { db in try Self.page(db, request, technician: technician) }
    }

    static func needsWrite(_ db: Database, _ deviceId: String, technician: TechnicianID, at time: Instant) throws -> Bool {
        try refusing { try SyncEngine.pullNeedsWrite(device: deviceId, technician: technician, at: time, in: SQLiteSyncRepository(db)) }
    }

    static func prepare(_ db: Database, _ deviceId: String, technician: TechnicianID, at time: Instant) throws {
        var repository = SQLiteSyncRepository(db)
        try refusing { try SyncEngine.preparePull(device: deviceId, technician: technician, at: time, in: &repository) }
    }

    static func page(_ db: Database, _ request: PullRequest, technician: TechnicianID) throws -> PullResponse {
        try SyncEngine.page(request, technician: technician, in: SQLiteSyncRepository(db))
    }
}
