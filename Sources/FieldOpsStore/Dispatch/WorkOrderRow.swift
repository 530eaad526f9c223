import FieldOpsModel
import Foundation
import GRDB

/// A work order as stored: the order itself (JSON) and what the dispatcher and devices have done with it.
struct WorkOrderRow {
    var order: WorkOrder
    var technicianId: TechnicianID?
    var assignmentVersion: Int64
    var plannedStart: Instant?
    var plannedEnd: Instant?
    var closedAt: Instant?
    var agedOut: Bool

    static let columns = "data, status, technician_id, assignment_version, planned_start, planned_end, closed_at, aged_out"

    static func fetch(_ db: Database, _ number: WorkOrderNumber) throws -> WorkOrderRow? {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM work_orders WHERE number = ?")
        return try Row.fetchOne(statement, arguments: [number.rawValue]).map(decode)
    }

    static func decode(_ row: Row) throws -> WorkOrderRow {
        var order = try JSONDecoder().decode(WorkOrder.self, from: Data((row[0] as String).utf8))
        order.status = WorkOrderStatus(rawValue: row[1]) ?? order.status
        return WorkOrderRow(
            order: order, technicianId: (row[2] as String?).map(TechnicianID.init(rawValue:)), assignmentVersion: row[3],
            plannedStart: (row[4] as Int64?).map(Instant.init(secondsSinceEpoch:)),
            plannedEnd: (row[5] as Int64?).map(Instant.init(secondsSinceEpoch:)),
            closedAt: (row[6] as Int64?).map(Instant.init(secondsSinceEpoch:)), agedOut: row[7])
    }

    /// Writes the row's dispatch fields (not the order's own data) and logs the change for the devices of the
    /// technician it had and the one it has now. A new assignment version goes into the order's assignment history.
    func saveState(_ db: Database, previousOwner: TechnicianID?, at time: Instant) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE work_orders SET status = ?, technician_id = ?, assignment_version = ?, planned_start = ?, planned_end = ?,
                closed_at = ?, aged_out = ? WHERE number = ?
            """)
        try statement.execute(arguments: [
            order.status.rawValue, technicianId?.rawValue, assignmentVersion, plannedStart?.secondsSinceEpoch,
            plannedEnd?.secondsSinceEpoch, closedAt?.secondsSinceEpoch, agedOut, order.number.rawValue,
        ])
        if assignmentVersion > 0 {
            try Self.recordAssignment(db, order.number, version: assignmentVersion, technician: technicianId, at: time)
        }
        try ChangeLog.record(db, .workOrder, order.number.rawValue, oldOwner: previousOwner?.rawValue, newOwner: technicianId?.rawValue)
        // The order's notes move with it: the new owner's devices get them, the old owner's drop them.
        if previousOwner != technicianId {
            for note in try String.fetchAll(db, sql: "SELECT id FROM notes WHERE work_order = ?", arguments: [order.number.rawValue]) {
                try ChangeLog.record(db, .note, note, oldOwner: previousOwner?.rawValue, newOwner: technicianId?.rawValue)
            }
        }
    }

    /// Keeps who holds the order at `version`; a version once recorded is never rewritten.
    static func recordAssignment(_ db: Database, _ number: WorkOrderNumber, version: Int64, technician: TechnicianID?, at time: Instant) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO assignments (work_order, version, technician_id, assigned_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (work_order, version) DO NOTHING
            """)
        try statement.execute(arguments: [number.rawValue, version, technician?.rawValue, time.secondsSinceEpoch])
    }

    /// The technician who held the order at assignment `version` (nil: nobody, or a version never given).
    static func holder(_ db: Database, _ number: WorkOrderNumber, version: Int64) throws -> TechnicianID? {
        let statement = try db.cachedStatement(sql: "SELECT technician_id FROM assignments WHERE work_order = ? AND version = ?")
        return try String.fetchOne(statement, arguments: [number.rawValue, version]).map(TechnicianID.init(rawValue:))
    }

    /// Whether `technician` held the order at some earlier assignment version that ended at or after `since`
    /// (late facts from a device that lost the order while offline).
    static func heldRecently(_ db: Database, _ number: WorkOrderNumber, by technician: TechnicianID, since: Instant) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            SELECT 1 FROM assignments held JOIN assignments next
                ON next.work_order = held.work_order AND next.version = held.version + 1
            WHERE held.work_order = ? AND held.technician_id = ? AND next.assigned_at >= ? LIMIT 1
            """)
        return try Bool.fetchOne(statement, arguments: [number.rawValue, technician.rawValue, since.secondsSinceEpoch]) != nil
    }

    /// The technician an order is with, without reading the order itself (the hot path of device mutations).
    static func owner(_ db: Database, _ number: WorkOrderNumber) throws -> (exists: Bool, technician: TechnicianID?) {
        let statement = try db.cachedStatement(sql: "SELECT technician_id FROM work_orders WHERE number = ?")
        guard let row = try Row.fetchOne(statement, arguments: [number.rawValue]) else { return (false, nil) }
        return (true, (row[0] as String?).map(TechnicianID.init(rawValue:)))
    }

    /// Records a status transition (applied or only reported) in the order's history.
    static func recordEvent(
        _ db: Database, _ number: WorkOrderNumber, actor: String, source: ChangeSource, time: Instant, from: WorkOrderStatus,
        to: WorkOrderStatus, technician: TechnicianID?, applied: Bool = true, note: String? = nil
    ) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO work_order_events (work_order, actor, source, time, from_status, to_status, technician_id, applied, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            number.rawValue, actor, source.rawValue, time.secondsSinceEpoch, from.rawValue, to.rawValue, technician?.rawValue, applied, note,
        ])
    }
}
