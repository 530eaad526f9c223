import FieldOpsModel
import FieldOpsSync
import Foundation
import GRDB

extension AppDatabase {
    public static let defaultPullLimit = 500
    public static let maxPullLimit = 2_000
    /// Closed orders stay on devices this long.
    public static let closedOrdersKeptSeconds: Int64 = 7 * 86_400

    /// The changes in a device's scope after its cursor, one page. The page and `lastMutationId` are read in one
    /// snapshot, so the page includes the effects of every mutation up to that id.
    public func pull(_ request: PullRequest, technician: TechnicianID, at time: Instant) throws -> PullResponse {
        if try writer.read({ db in try Self.needsWrite(db, request.deviceId, technician: technician, at: time) }) {
            try writer.write { db in try Self.prepare(db, request.deviceId, technician: technician, at: time) }
        }
        return try writer.read { db in try Self.page(db, request, technician: technician) }
    }

    /// The same, awaiting the database instead of blocking the caller's thread (for the server).
    public func pull(_ request: PullRequest, technician: TechnicianID, at time: Instant) async throws -> PullResponse {
        if try await writer.read({ db in try Self.needsWrite(db, request.deviceId, technician: technician, at: time) }) {
            try await writer.write { db in try Self.prepare(db, request.deviceId, technician: technician, at: time) }
        }
        return try await writer.read { db in try Self.page(db, request, technician: technician) }
    }

    /// A pull writes only to bind a new device or to age out closed orders; most pulls only read.
    static func needsWrite(_ db: Database, _ deviceId: String, technician: TechnicianID, at time: Instant) throws -> Bool {
        let owner = try String.fetchOne(db, sql: "SELECT technician_id FROM devices WHERE id = ?", arguments: [deviceId])
        if owner == nil { return true }
        if owner != technician.rawValue {
            throw StoreError(.deviceBoundElsewhere, "device \(deviceId) belongs to another technician")
        }
        return try Bool.fetchOne(db, sql: """
            SELECT 1 FROM work_orders WHERE status = 'closed' AND aged_out = 0 AND closed_at IS NOT NULL AND closed_at < ? LIMIT 1
            """, arguments: [time.secondsSinceEpoch - closedOrdersKeptSeconds]) != nil
    }

    static func prepare(_ db: Database, _ deviceId: String, technician: TechnicianID, at time: Instant) throws {
        _ = try bindDevice(db, deviceId, to: technician, at: time)
        try ageOut(db, at: time)
    }

    static func page(_ db: Database, _ request: PullRequest, technician: TechnicianID) throws -> PullResponse {
        let last = try Int64.fetchOne(db, sql: "SELECT last_mutation_id FROM devices WHERE id = ?", arguments: [request.deviceId]) ?? 0
        let instance = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'instance'") ?? "empty"
        let limit = min(max(1, request.limit ?? Self.defaultPullLimit), Self.maxPullLimit)
        let latest = try ChangeLog.latest(db)
        var cursor: SyncCursor
        if let text = request.cursor {
            guard let decoded = SyncCursor(decoding: text), decoded.instance == instance, Self.isValid(decoded, latest: latest) else {
                return PullResponse(cursor: "", hasMore: false, lastMutationId: last, changes: [], reset: true)
            }
            cursor = decoded
        } else {
            cursor = SyncCursor(instance: instance, position: .prime(upTo: latest, kind: 0, after: ""))
        }
        var page = PullPage(db: db, technician: technician, limit: limit)
        if case .prime(let upTo, let kind, let after) = cursor.position {
            cursor.position = try page.prime(upTo: upTo, kind: kind, after: after)
        }
        if case .changes(let after) = cursor.position, page.changes.count < limit {
            cursor.position = .changes(after: try page.changes(after: after))
        }
        let hasMore: Bool
        switch cursor.position {
        case .prime: hasMore = true
        case .changes(let after): hasMore = try page.hasRelevantChanges(after: after)
        }
        return PullResponse(cursor: cursor.encoded, hasMore: hasMore, lastMutationId: last, changes: page.changes)
    }

    static func isValid(_ cursor: SyncCursor, latest: Int64) -> Bool {
        switch cursor.position {
        case .prime(let upTo, let kind, _): upTo <= latest && (0..<PullPage.kinds.count).contains(kind)
        case .changes(let after): after >= 0 && after <= latest
        }
    }

    /// Closed orders leave devices a week after closing: one change each, so devices hear `remove`.
    static func ageOut(_ db: Database, at time: Instant) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT number, technician_id FROM work_orders WHERE status = 'closed' AND aged_out = 0 AND closed_at IS NOT NULL AND closed_at < ?
            """, arguments: [time.secondsSinceEpoch - closedOrdersKeptSeconds])
        for row in rows {
            try db.execute(sql: "UPDATE work_orders SET aged_out = 1 WHERE number = ?", arguments: [row[0] as String])
            try ChangeLog.record(db, .workOrder, row[0], oldOwner: row[1], newOwner: nil)
        }
    }
}

/// Builds one page of changes for one technician's device.
struct PullPage {
    let db: Database
    let technician: TechnicianID
    let limit: Int
    var changes: [Change] = []
    private var van: String?

    /// Priming order: catalog first, then the device's orders, notes and van balances.
    static let kinds: [ChangeLog.Entity] = [.part, .workOrder, .note, .stockBalance]

    init(db: Database, technician: TechnicianID, limit: Int) {
        self.db = db
        self.technician = technician
        self.limit = limit
        van = try? String.fetchOne(db, sql: "SELECT van FROM technicians WHERE id = ?", arguments: [technician.rawValue])
    }

    /// The version of an entity: the sequence number of its latest change.
    func version(_ entity: ChangeLog.Entity, _ id: String) throws -> Int64 {
        let statement = try db.cachedStatement(sql: "SELECT MAX(seq) FROM change_log WHERE entity = ? AND entity_id = ?")
        return try Int64.fetchOne(statement, arguments: [entity.rawValue, id]) ?? 0
    }

    /// The snapshot as of change `upTo`: every entity in scope whose latest change is at or before it. Entities
    /// changed later come with the changes that follow, so none is sent twice.
    mutating func prime(upTo: Int64, kind start: Int, after: String) throws -> SyncCursor.Position {
        var kind = start
        var key = after
        while kind < Self.kinds.count {
            let remaining = limit - changes.count
            if remaining <= 0 { return .prime(upTo: upTo, kind: kind, after: key) }
            let entity = Self.kinds[kind]
            let ids = try scopeIds(entity, after: key, limit: remaining)
            for id in ids {
                key = id
                let version = try version(entity, id)
                guard version <= upTo, version > 0 else { continue }
                if let change = try put(entity, id, version: version) { changes.append(change) }
            }
            if ids.count < remaining {
                kind += 1
                key = ""
            }
        }
        return .changes(after: upTo)
    }

    /// Ids of entities of one kind in this device's scope, after `after`, in key order.
    func scopeIds(_ entity: ChangeLog.Entity, after: String, limit: Int) throws -> [String] {
        guard limit > 0 else { return [] }
        switch entity {
        case .part:
            return try String.fetchAll(db, sql: "SELECT id FROM parts WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, limit])
        case .workOrder:
            return try String.fetchAll(db, sql: """
                SELECT number FROM work_orders WHERE technician_id = ? AND status != 'cancelled' AND aged_out = 0 AND number > ?
                ORDER BY number LIMIT ?
                """, arguments: [technician.rawValue, after, limit])
        case .note:
            return try String.fetchAll(db, sql: """
                SELECT n.id FROM notes n JOIN work_orders w ON w.number = n.work_order
                WHERE w.technician_id = ? AND w.status != 'cancelled' AND w.aged_out = 0 AND n.id > ? ORDER BY n.id LIMIT ?
                """, arguments: [technician.rawValue, after, limit])
        case .stockBalance:
            guard let van else { return [] }
            return try String.fetchAll(db, sql: """
                SELECT location || '/' || part_id FROM stock_balances WHERE location = ? AND location || '/' || part_id > ?
                ORDER BY location || '/' || part_id LIMIT ?
                """, arguments: [van, after, limit])
        }
    }

    /// Changes after `after` that concern this device, each entity at its latest relevant change; returns the
    /// sequence number reached.
    mutating func changes(after: Int64) throws -> Int64 {
        var reached = after
        let rows = try Row.fetchAll(db, sql: """
            SELECT seq, entity, entity_id FROM change_log
            WHERE seq > ? AND (old_owner = ? OR new_owner = ? OR everyone = 1) ORDER BY seq LIMIT ?
            """, arguments: [after, technician.rawValue, technician.rawValue, (limit - changes.count) * 4 + 16])
        let later = try db.cachedStatement(sql: """
            SELECT 1 FROM change_log WHERE entity = ? AND entity_id = ? AND seq > ? AND (old_owner = ? OR new_owner = ? OR everyone = 1) LIMIT 1
            """)
        for row in rows {
            if changes.count >= limit { break }
            let seq: Int64 = row[0]
            reached = seq
            guard let entity = ChangeLog.Entity(rawValue: row[1]) else { continue }
            let id: String = row[2]
            // A later change to the same entity that concerns this device will carry it.
            if try Bool.fetchOne(later, arguments: [entity.rawValue, id, seq, technician.rawValue, technician.rawValue]) != nil { continue }
            if let change = try put(entity, id, version: seq) {
                changes.append(change)
            } else {
                changes.append(Change(entity: entity.rawValue, op: .remove, id: id, version: seq))
            }
        }
        return reached
    }

    func hasRelevantChanges(after: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT 1 FROM change_log WHERE seq > ? AND (old_owner = ? OR new_owner = ? OR everyone = 1) LIMIT 1
            """, arguments: [after, technician.rawValue, technician.rawValue]) != nil
    }

    /// The entity as a `put` if it is in this device's scope now, nil if not.
    func put(_ entity: ChangeLog.Entity, _ id: String, version: Int64) throws -> Change? {
        switch entity {
        case .part:
            guard let row = try Row.fetchOne(db, sql: "SELECT id, name, unit, serialized, standard_cost FROM parts WHERE id = ?", arguments: [id]) else { return nil }
            let part = SQLiteStockRepository.part(row)
            return Change(entity: entity.rawValue, op: .put, id: id, version: version, data: try JSONValue(encoding: part))
        case .workOrder:
            guard let row = try WorkOrderRow.fetch(db, WorkOrderNumber(rawValue: id)), row.technicianId == technician,
                  row.order.status != .cancelled, !row.agedOut
            else { return nil }
            let view = WorkOrderView(order: row.order, technicianId: row.technicianId, assignmentVersion: row.assignmentVersion,
                                     plannedStart: row.plannedStart, plannedEnd: row.plannedEnd)
            return Change(entity: entity.rawValue, op: .put, id: id, version: version, data: try JSONValue(encoding: view))
        case .note:
            guard let row = try Row.fetchOne(db, sql: """
                SELECT n.work_order, n.technician_id, n.text, n.created_at, w.technician_id, w.status, w.aged_out
                FROM notes n JOIN work_orders w ON w.number = n.work_order WHERE n.id = ?
                """, arguments: [id]),
                (row[4] as String?) == technician.rawValue, (row[5] as String) != "cancelled", !(row[6] as Bool)
            else { return nil }
            let note = NoteView(noteId: id, workOrderId: WorkOrderNumber(rawValue: row[0]), technicianId: (row[1] as String?).map(TechnicianID.init(rawValue:)),
                                text: row[2], createdAt: Instant(secondsSinceEpoch: row[3]))
            return Change(entity: entity.rawValue, op: .put, id: id, version: version, data: try JSONValue(encoding: note))
        case .stockBalance:
            let parts = id.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == van,
                  let row = try Row.fetchOne(db, sql: "SELECT on_hand, reserved FROM stock_balances WHERE location = ? AND part_id = ?", arguments: [parts[0], parts[1]])
            else { return nil }
            let view = StockBalanceView(location: LocationID(rawValue: parts[0]), partId: PartID(rawValue: parts[1]), onHand: row[0], reserved: row[1])
            return Change(entity: entity.rawValue, op: .put, id: id, version: version, data: try JSONValue(encoding: view))
        }
    }
}
