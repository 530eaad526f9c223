import FieldOpsModel
import FieldOpsSync
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

    var syncOrder: SyncOrder {
        SyncOrder(
            order: order, technicianId: technicianId, assignmentVersion: assignmentVersion, plannedStart: plannedStart,
            plannedEnd: plannedEnd, closedAt: closedAt, agedOut: agedOut)
    }

    /// Writes the row's dispatch fields (not the order's own data) by the sync rules: its scope, its assignment
    /// history, the change for the devices of the technician it had and the one it has now, its notes moved along.
    func saveState(_ db: Database, previousOwner: TechnicianID?, at time: Instant) throws {
        var repository = SQLiteSyncRepository(db)
        try SyncEngine.save(syncOrder, previousOwner: previousOwner, at: time, in: &repository)
    }

    /// Records a status transition (applied or only reported) in the order's history.
    static func recordEvent(
        _ db: Database, _ number: WorkOrderNumber, actor: String, source: ChangeSource, time: Instant, from: WorkOrderStatus,
        to: WorkOrderStatus, technician: TechnicianID?, applied: Bool = true, note: String? = nil
    ) throws {
        try SQLiteSyncRepository(db).recordEvent(OrderEvent(
            workOrder: number, actor: actor, source: source, time: time, from: from, to: to, technician: technician, applied: applied, note: note))
    }
}
