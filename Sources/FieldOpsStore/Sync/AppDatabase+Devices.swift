import FieldOpsModel
import GRDB

extension AppDatabase {
    /// The last mutation id a device's pushes reached (0 for a device never seen).
    public func lastMutation(_ deviceId: String) throws -> Int64 {
        try writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT last_mutation_id FROM devices WHERE id = ?", arguments: [deviceId]) ?? 0
        }
    }

    /// The technician a device is bound to, if any.
    public func deviceOwner(_ deviceId: String) throws -> TechnicianID? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT technician_id FROM devices WHERE id = ?", arguments: [deviceId]).map(TechnicianID.init(rawValue:))
        }
    }
}
