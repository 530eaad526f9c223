import FieldOpsModel
import FieldOpsSync
import Foundation
import GRDB

extension AppDatabase {
    /// Applies a device's pushed mutations by the protocol's rules (`SyncEngine.push`), in one transaction.
    public func push(_ request: PushRequest, technician: TechnicianID, at time: Instant) throws -> PushResponse {
        try writer.write { db in try Self.push(db, request, technician: technician, at: time) }
    }

    /// The same, awaiting the database's writer instead of blocking the caller's thread (for the server).
    public func push(_ request: PushRequest, technician: TechnicianID, at time: Instant) async throws -> PushResponse {
        try await writer.write { db in try Self.push(db, request, technician: technician, at: time) }
    }

    static func push(_ db: Database, _ request: PushRequest, technician: TechnicianID, at time: Instant) throws -> PushResponse {
        var repository = SQLiteSyncRepository(db)
        return try refusing { try SyncEngine.push(request, technician: technician, at: time, in: &repository) }
    }

    /// The protocol's refusals as the store's, which the server and the CLI already answer.
    static func refusing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SyncError {
            switch error.code {
            case .invalidDevice: throw StoreError(.invalidDevice, error.message)
            case .deviceBoundElsewhere: throw StoreError(.deviceBoundElsewhere, error.message)
            }
        }
    }
}
