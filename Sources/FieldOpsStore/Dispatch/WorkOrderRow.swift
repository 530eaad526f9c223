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
    /// technician it had and the one it has now.
    func saveState(_ db: Database, previousOwner: TechnicianID?) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE work_orders SET status = ?, technician_id = ?, assignment_version = ?, planned_start = ?, planned_end = ?,
                closed_at = ?, aged_out = ? WHERE number = ?
            """)
        try statement.execute(arguments: [
            order.status.rawValue, technicianId?.rawValue, assignmentVersion, plannedStart?.secondsSinceEpoch,
            plannedEnd?.secondsSinceEpoch, closedAt?.secondsSinceEpoch, agedOut, order.number.rawValue,
        ])
        try ChangeLog.record(db, .workOrder, order.number.rawValue, oldOwner: previousOwner?.rawValue, newOwner: technicianId?.rawValue)
        // The order's notes move with it: the new owner's devices get them, the old owner's drop them.
        if previousOwner != technicianId {
            for note in try String.fetchAll(db, sql: "SELECT id FROM notes WHERE work_order = ?", arguments: [order.number.rawValue]) {
                try ChangeLog.record(db, .note, note, oldOwner: previousOwner?.rawValue, newOwner: technicianId?.rawValue)
            }
        }
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
