import FieldOpsInventory
import FieldOpsModel
import FieldOpsSync
import Foundation
import GRDB

/// The sync protocol's state in SQLite, for `SyncEngine`: made for one transaction's `Database` (a push is one
/// write transaction, a pull page one read). Storage only: every rule is the engine's.
struct SQLiteSyncRepository: SyncRepository {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }

    // MARK: Devices

    func device(_ id: String) throws -> SyncDevice? {
        let statement = try db.cachedStatement(sql: "SELECT technician_id, last_mutation_id FROM devices WHERE id = ?")
        return try Row.fetchOne(statement, arguments: [id]).map {
            SyncDevice(id: id, technician: TechnicianID(rawValue: $0[0]), lastMutationId: $0[1])
        }
    }

    func addDevice(_ device: SyncDevice, at time: Instant) throws {
        try db.execute(sql: "INSERT INTO devices (id, technician_id, last_mutation_id, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [device.id, device.technician.rawValue, device.lastMutationId, time.secondsSinceEpoch])
    }

    func setLastMutation(device: String, to id: Int64) throws {
        try db.execute(sql: "UPDATE devices SET last_mutation_id = ? WHERE id = ?", arguments: [id, device])
    }

    func outcome(device: String, mutation: Int64) throws -> MutationOutcome? {
        let statement = try db.cachedStatement(sql: "SELECT status, code, message FROM mutation_outcomes WHERE device_id = ? AND mutation_id = ?")
        return try Row.fetchOne(statement, arguments: [device, mutation]).map {
            MutationOutcome(id: mutation, status: MutationOutcome.Status(rawValue: $0[0]) ?? .applied, code: $0[1], message: $0[2])
        }
    }

    func saveOutcome(_ outcome: MutationOutcome, device: String) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO mutation_outcomes (device_id, mutation_id, status, code, message) VALUES (?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [device, outcome.id, outcome.status.rawValue, outcome.code, outcome.message])
    }

    // MARK: Work orders

    func order(_ number: WorkOrderNumber) throws -> SyncOrder? {
        try WorkOrderRow.fetch(db, number)?.syncOrder
    }

    func holder(of number: WorkOrderNumber) throws -> (exists: Bool, technician: TechnicianID?) {
        let statement = try db.cachedStatement(sql: "SELECT technician_id FROM work_orders WHERE number = ?")
        guard let row = try Row.fetchOne(statement, arguments: [number.rawValue]) else { return (false, nil) }
        return (true, (row[0] as String?).map(TechnicianID.init(rawValue:)))
    }

    func holder(of number: WorkOrderNumber, atVersion version: Int64) throws -> TechnicianID? {
        let statement = try db.cachedStatement(sql: "SELECT technician_id FROM assignments WHERE work_order = ? AND version = ?")
        return try String.fetchOne(statement, arguments: [number.rawValue, version]).map(TechnicianID.init(rawValue:))
    }

    func held(_ number: WorkOrderNumber, by technician: TechnicianID, untilAfter since: Instant) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            SELECT 1 FROM assignments held JOIN assignments next
                ON next.work_order = held.work_order AND next.version = held.version + 1
            WHERE held.work_order = ? AND held.technician_id = ? AND next.assigned_at >= ? LIMIT 1
            """)
        return try Bool.fetchOne(statement, arguments: [number.rawValue, technician.rawValue, since.secondsSinceEpoch]) != nil
    }

    func saveState(_ order: SyncOrder, scope: TechnicianID?) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE work_orders SET status = ?, technician_id = ?, assignment_version = ?, planned_start = ?, planned_end = ?,
                closed_at = ?, aged_out = ?, sync_scope = ? WHERE number = ?
            """)
        try statement.execute(arguments: [
            order.order.status.rawValue, order.technicianId?.rawValue, order.assignmentVersion, order.plannedStart?.secondsSinceEpoch,
            order.plannedEnd?.secondsSinceEpoch, order.closedAt?.secondsSinceEpoch, order.agedOut, scope?.rawValue, order.number.rawValue,
        ])
    }

    func recordAssignment(_ number: WorkOrderNumber, version: Int64, technician: TechnicianID?, at time: Instant) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO assignments (work_order, version, technician_id, assigned_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (work_order, version) DO NOTHING
            """)
        try statement.execute(arguments: [number.rawValue, version, technician?.rawValue, time.secondsSinceEpoch])
    }

    func recordEvent(_ event: OrderEvent) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO work_order_events (work_order, actor, source, time, from_status, to_status, technician_id, applied, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let audit = event.audit
        try statement.execute(arguments: [
            audit.workOrder.rawValue, audit.actor, audit.source.rawValue, audit.time.secondsSinceEpoch, audit.from.rawValue,
            audit.to.rawValue, event.technician?.rawValue, event.applied, audit.note,
        ])
    }

    func raiseException(_ exception: SyncException) throws {
        try db.execute(sql: "INSERT INTO exceptions (kind, work_order, technician_id, message, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [exception.kind, exception.workOrder?.rawValue, exception.technician?.rawValue, exception.message,
                                   exception.time.secondsSinceEpoch])
    }

    func ordersClosed(before time: Instant) throws -> [SyncOrder] {
        try Row.fetchAll(db, sql: """
            SELECT \(WorkOrderRow.columns) FROM work_orders
            WHERE status = 'closed' AND aged_out = 0 AND closed_at IS NOT NULL AND closed_at < ? ORDER BY number
            """, arguments: [time.secondsSinceEpoch]).map { try WorkOrderRow.decode($0).syncOrder }
    }

    // MARK: Notes

    func note(_ id: String) throws -> NoteView? {
        try Row.fetchOne(db, sql: "SELECT work_order, technician_id, text, created_at FROM notes WHERE id = ?", arguments: [id]).map {
            NoteView(noteId: id, workOrderId: WorkOrderNumber(rawValue: $0[0]), technicianId: ($0[1] as String?).map(TechnicianID.init(rawValue:)),
                     text: $0[2], createdAt: Instant(secondsSinceEpoch: $0[3]))
        }
    }

    func noteIds(of number: WorkOrderNumber) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT id FROM notes WHERE work_order = ? ORDER BY id", arguments: [number.rawValue])
    }

    func addNote(_ note: NoteView) throws {
        try db.execute(sql: "INSERT INTO notes (id, work_order, technician_id, text, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [note.noteId, note.workOrderId.rawValue, note.technicianId?.rawValue, note.text, note.createdAt.secondsSinceEpoch])
    }

    // MARK: The change sequence

    @discardableResult
    func log(_ change: LoggedChange) throws -> Int64 {
        try ChangeLog.record(db, change.entity, change.id, oldOwner: change.oldOwner?.rawValue, newOwner: change.newOwner?.rawValue,
                             everyone: change.everyone)
    }

    func latestChange() throws -> Int64 {
        try ChangeLog.latest(db)
    }

    func version(of entity: SyncEntity, _ id: String) throws -> Int64 {
        let statement = try db.cachedStatement(sql: "SELECT MAX(seq) FROM change_log WHERE entity = ? AND entity_id = ?")
        return try Int64.fetchOne(statement, arguments: [entity.rawValue, id]) ?? 0
    }

    func changes(after seq: Int64, concerning technician: TechnicianID, limit: Int) throws -> [LoggedChange] {
        try Row.fetchAll(db, sql: """
            SELECT seq, entity, entity_id, old_owner, new_owner, everyone FROM change_log
            WHERE seq > ? AND (old_owner = ? OR new_owner = ? OR everyone = 1) ORDER BY seq LIMIT ?
            """, arguments: [seq, technician.rawValue, technician.rawValue, limit]).compactMap { row in
            guard let entity = SyncEntity(rawValue: row[1]) else { return nil }
            return LoggedChange(
                seq: row[0], entity: entity, id: row[2], oldOwner: (row[3] as String?).map(TechnicianID.init(rawValue:)),
                newOwner: (row[4] as String?).map(TechnicianID.init(rawValue:)), everyone: row[5])
        }
    }

    func hasChange(to entity: SyncEntity, _ id: String, after seq: Int64, concerning technician: TechnicianID) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            SELECT 1 FROM change_log WHERE entity = ? AND entity_id = ? AND seq > ? AND (old_owner = ? OR new_owner = ? OR everyone = 1) LIMIT 1
            """)
        return try Bool.fetchOne(statement, arguments: [entity.rawValue, id, seq, technician.rawValue, technician.rawValue]) != nil
    }

    func instance() throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'instance'") ?? "empty"
    }

    // MARK: Scope

    func partIds(after: String, limit: Int) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT id FROM parts WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, limit])
    }

    func orderNumbers(inScopeOf technician: TechnicianID, after: String, limit: Int) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT number FROM work_orders WHERE sync_scope = ? AND number > ? ORDER BY number LIMIT ?",
                            arguments: [technician.rawValue, after, limit])
    }

    func noteIds(inScopeOf technician: TechnicianID, after: String, limit: Int) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT n.id FROM notes n JOIN work_orders w ON w.number = n.work_order WHERE w.sync_scope = ? AND n.id > ? ORDER BY n.id LIMIT ?
            """, arguments: [technician.rawValue, after, limit])
    }

    func balanceKeys(at location: LocationID, after: String, limit: Int) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT location || '/' || part_id FROM stock_balances WHERE location = ? AND location || '/' || part_id > ?
            ORDER BY location || '/' || part_id LIMIT ?
            """, arguments: [location.rawValue, after, limit])
    }

    // MARK: Stock

    func van(of technician: TechnicianID) throws -> LocationID? {
        try String.fetchOne(db, sql: "SELECT van FROM technicians WHERE id = ?", arguments: [technician.rawValue]).map(LocationID.init(rawValue:))
    }

    func withStock<T>(_ body: (inout SQLiteStockRepository) throws -> T) throws -> T {
        var stock = SQLiteStockRepository(db)
        return try body(&stock)
    }

    func part(_ id: PartID) throws -> Part? {
        try SQLiteStockRepository(db).part(id)
    }

    func storedBalance(part: PartID, location: LocationID) throws -> StockBalance? {
        try Row.fetchOne(db, sql: "SELECT on_hand, reserved FROM stock_balances WHERE location = ? AND part_id = ?",
                         arguments: [location.rawValue, part.rawValue]).map {
            StockBalance(partId: part, location: location, onHand: $0[0], reserved: $0[1])
        }
    }
}
