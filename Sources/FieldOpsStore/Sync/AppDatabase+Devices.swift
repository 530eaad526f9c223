import FieldOpsModel
import GRDB

extension AppDatabase {
    /// The device's technician binding: the first request binds it; a device bound to someone else is refused
    /// before anything changes. Returns the device's last processed mutation id.
    static func bindDevice(_ db: Database, _ deviceId: String, to technician: TechnicianID, at time: Instant) throws -> Int64 {
        guard !deviceId.isEmpty, deviceId.count <= 200 else {
            throw StoreError(.invalidDevice, "deviceId must be a non-empty string of at most 200 characters")
        }
        if let row = try Row.fetchOne(db, sql: "SELECT technician_id, last_mutation_id FROM devices WHERE id = ?", arguments: [deviceId]) {
            guard (row[0] as String) == technician.rawValue else {
                throw StoreError(.deviceBoundElsewhere, "device \(deviceId) belongs to another technician")
            }
            return row[1]
        }
        try db.execute(sql: "INSERT INTO devices (id, technician_id, last_mutation_id, created_at) VALUES (?, ?, 0, ?)",
                       arguments: [deviceId, technician.rawValue, time.secondsSinceEpoch])
        return 0
    }

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
