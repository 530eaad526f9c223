import FieldOpsModel
import Foundation
import GRDB

extension AppDatabase {
    /// Closes a resolved order at the customer callback, with its CSAT (1–5).
    public func close(_ number: WorkOrderNumber, csat: Int?, actor: String, at time: Instant) throws {
        if let csat, !(1...5).contains(csat) {
            throw StoreError(.invalidCSAT, "CSAT is 1 to 5, not \(csat)")
        }
        try transition(number, to: .closed, actor: actor, at: time) { row, db in
            row.closedAt = time
            try db.execute(sql: "UPDATE work_orders SET csat = ? WHERE number = ?", arguments: [csat, number.rawValue])
        }
    }

    /// Reopens a resolved or closed order (the fault came back).
    public func reopen(_ number: WorkOrderNumber, actor: String, at time: Instant) throws {
        try transition(number, to: .reopened, actor: actor, at: time) { row, _ in
            row.closedAt = nil
            row.agedOut = false
        }
    }

    func transition(_ number: WorkOrderNumber, to status: WorkOrderStatus, actor: String, at time: Instant, also: (inout WorkOrderRow, Database) throws -> Void) throws {
        try writer.write { db in
            guard var row = try WorkOrderRow.fetch(db, number) else {
                throw StoreError(.unknownWorkOrder, "no work order \(number)")
            }
            do {
                let event = try row.order.transition(to: status, actor: actor, source: .dispatcher, at: time)
                try WorkOrderRow.recordEvent(db, number, actor: actor, source: .dispatcher, time: time, from: event.from, to: event.to, technician: row.technicianId)
            } catch let error as IllegalTransition {
                throw StoreError(.illegalTransition, error.description)
            }
            try also(&row, db)
            try row.saveState(db, previousOwner: row.technicianId, at: time)
        }
    }

    /// Orders created in `[from, to)` with their applied history, for the KPIs.
    public func histories(from: Instant? = nil, to: Instant? = nil) throws -> [OrderHistory] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(WorkOrderRow.columns), csat FROM work_orders WHERE created_at >= ? AND created_at < ? ORDER BY number
                """, arguments: [from?.secondsSinceEpoch ?? Int64.min, to?.secondsSinceEpoch ?? Int64.max])
            var events: [String: [AuditEvent]] = [:]
            for event in try Row.fetchAll(db, sql: """
                SELECT work_order, actor, source, time, from_status, to_status, note FROM work_order_events WHERE applied = 1 ORDER BY id
                """) {
                let number = WorkOrderNumber(rawValue: event[0])
                events[number.rawValue, default: []].append(AuditEvent(
                    workOrder: number, actor: event[1], source: ChangeSource(rawValue: event[2]) ?? .system,
                    time: Instant(secondsSinceEpoch: event[3]), from: WorkOrderStatus(rawValue: event[4]) ?? .new,
                    to: WorkOrderStatus(rawValue: event[5]) ?? .new, note: event[6]))
            }
            return try rows.map { row in
                let stored = try WorkOrderRow.decode(row)
                return OrderHistory(order: stored.order, technicianId: stored.technicianId,
                                    events: events[stored.order.number.rawValue] ?? [], csat: row[8])
            }
        }
    }

    /// The plan last published by `optimize`, for utilization and travel share.
    public func publishedPlan() throws -> Plan? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'published_plan'").map {
                try JSONDecoder().decode(Plan.self, from: Data($0.utf8))
            }
        }
    }
}
