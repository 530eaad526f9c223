import FieldOpsInventory
import FieldOpsModel
import GRDB

/// Something the dispatcher or the stock controller must look at.
public struct DispatchException: Hashable, Sendable, Codable {
    public var id: Int64
    /// `reassignment_conflict`, `late_fact`, `negative_van_stock`.
    public var kind: String
    public var workOrder: WorkOrderNumber?
    public var technicianId: TechnicianID?
    public var message: String
    public var createdAt: Instant
}

extension AppDatabase {
    /// Open exceptions, and open stock discrepancies (as `negative_van_stock`), oldest first.
    public func exceptions() throws -> [DispatchException] {
        try writer.read { db in try Self.exceptions(db) }
    }

    /// The same, awaiting the database (for the server).
    public func exceptions() async throws -> [DispatchException] {
        try await writer.read { db in try Self.exceptions(db) }
    }

    static func exceptions(_ db: Database) throws -> [DispatchException] {
        do {
            var list = try Row.fetchAll(db, sql: """
                SELECT id, kind, work_order, technician_id, message, created_at FROM exceptions WHERE resolved_at IS NULL ORDER BY id
                """).map {
                DispatchException(
                    id: $0[0], kind: $0[1], workOrder: ($0[2] as String?).map(WorkOrderNumber.init(rawValue:)),
                    technicianId: ($0[3] as String?).map(TechnicianID.init(rawValue:)), message: $0[4],
                    createdAt: Instant(secondsSinceEpoch: $0[5]))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT d.id, d.location, d.part_id, d.balance, d.raised_at, l.technician_id FROM discrepancies d
                LEFT JOIN stock_locations l ON l.id = d.location WHERE d.closed_by IS NULL ORDER BY d.id
                """) {
                list.append(DispatchException(
                    id: row[0], kind: "negative_van_stock", workOrder: nil,
                    technicianId: (row[5] as String?).map(TechnicianID.init(rawValue:)),
                    message: "van \(row[1] as String) went to \(row[3] as Int) of \(row[2] as String); count it",
                    createdAt: Instant(secondsSinceEpoch: row[4])))
            }
            return list
        }
    }
}
