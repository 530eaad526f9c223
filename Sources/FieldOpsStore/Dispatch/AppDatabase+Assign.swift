import FieldOpsModel
import Foundation
import GRDB

public struct PublishSummary: Sendable {
    public var assigned: Int
    public var reassigned: Int
    public var unassigned: Int
    public var unchanged: Int
}

extension AppDatabase {
    /// Publishes a plan's assignments: each order gets its technician (a new assignment version when that
    /// changes), its planned times, and `dispatched` status; orders the plan leaves out that were dispatched but
    /// not started go back to `new`. Orders under way are only given their planned times. One transaction.
    public func publish(_ plan: Plan, actor: String, at time: Instant) throws -> PublishSummary {
        let planJSON = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        return try writer.write { db in try Self.publish(db, plan, planJSON: planJSON, actor: actor, at: time) }
    }

    /// The same, awaiting the database's writer (for the server).
    public func publish(_ plan: Plan, actor: String, at time: Instant) async throws -> PublishSummary {
        let planJSON = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        return try await writer.write { db in try Self.publish(db, plan, planJSON: planJSON, actor: actor, at: time) }
    }

    static func publish(_ db: Database, _ plan: Plan, planJSON: String, actor: String, at time: Instant) throws -> PublishSummary {
        do {
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('published_plan', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           arguments: [planJSON])
            var summary = PublishSummary(assigned: 0, reassigned: 0, unassigned: 0, unchanged: 0)
            for assignment in plan.assignments {
                guard var row = try WorkOrderRow.fetch(db, assignment.workOrder) else { continue }
                let previous = row.technicianId
                row.plannedStart = assignment.start
                row.plannedEnd = assignment.end
                if row.order.status.isPlannable && previous != assignment.technicianId {
                    row.technicianId = assignment.technicianId
                    row.assignmentVersion += 1
                    if previous == nil { summary.assigned += 1 } else { summary.reassigned += 1 }
                    if row.order.status != .dispatched {
                        try WorkOrderRow.recordEvent(db, row.order.number, actor: actor, source: .optimizerRun, time: time,
                                                     from: row.order.status, to: .dispatched, technician: assignment.technicianId)
                        row.order.status = .dispatched
                    }
                } else {
                    summary.unchanged += 1
                }
                try row.saveState(db, previousOwner: previous, at: time)
            }
            for order in plan.unassigned {
                guard var row = try WorkOrderRow.fetch(db, order.workOrder), row.order.status == .dispatched, let previous = row.technicianId else {
                    continue
                }
                try WorkOrderRow.recordEvent(db, row.order.number, actor: actor, source: .optimizerRun, time: time,
                                             from: .dispatched, to: .new, technician: nil, note: order.reason)
                row.order.status = .new
                row.technicianId = nil
                row.assignmentVersion += 1
                row.plannedStart = nil
                row.plannedEnd = nil
                try row.saveState(db, previousOwner: previous, at: time)
                summary.unassigned += 1
            }
            return summary
        }
    }

    /// Gives one order to a technician. Refused for an order that is on site or done: the work is with whoever is
    /// there.
    public func assign(_ number: WorkOrderNumber, to technician: TechnicianID, actor: String, at time: Instant) throws -> (from: TechnicianID?, version: Int64) {
        try writer.write { db in try Self.assign(db, number, to: technician, actor: actor, at: time) }
    }

    /// The same, awaiting the database's writer (for the server).
    public func assign(_ number: WorkOrderNumber, to technician: TechnicianID, actor: String, at time: Instant) async throws -> (from: TechnicianID?, version: Int64) {
        try await writer.write { db in try Self.assign(db, number, to: technician, actor: actor, at: time) }
    }

    static func assign(_ db: Database, _ number: WorkOrderNumber, to technician: TechnicianID, actor: String, at time: Instant) throws -> (from: TechnicianID?, version: Int64) {
        do {
            guard var row = try WorkOrderRow.fetch(db, number) else {
                throw StoreError(.unknownWorkOrder, "no work order \(number)")
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM technicians WHERE id = ?", arguments: [technician.rawValue]) != nil else {
                throw StoreError(.unknownTechnician, "no technician \(technician)")
            }
            switch row.order.status {
            case .onSite, .resolved, .pendingCallback, .closed, .cancelled:
                throw StoreError(
                    .cannotReassign, "work order \(number) is \(row.order.status)\(row.technicianId.map { " with \($0)" } ?? ""): it cannot be reassigned")
            default:
                break
            }
            let previous = row.technicianId
            if previous == technician { return (previous, row.assignmentVersion) }
            row.technicianId = technician
            row.assignmentVersion += 1
            row.plannedStart = nil
            row.plannedEnd = nil
            if row.order.status != .dispatched {
                try WorkOrderRow.recordEvent(db, number, actor: actor, source: .dispatcher, time: time, from: row.order.status,
                                             to: .dispatched, technician: technician, note: previous.map { "reassigned from \($0)" })
                row.order.status = .dispatched
            }
            try row.saveState(db, previousOwner: previous, at: time)
            return (previous, row.assignmentVersion)
        }
    }
}
