import FieldOpsInventory
import FieldOpsModel
import FieldOpsSync
import Foundation
import GRDB

extension AppDatabase {
    /// Applies a device's pushed mutations, in one transaction: mutation `n` is applied only right after `n − 1`
    /// and its outcome is stored with its effects; earlier ids get their stored outcome; a gap stops the batch.
    public func push(_ request: PushRequest, technician: TechnicianID, at time: Instant) throws -> PushResponse {
        try writer.write { db in try Self.push(db, request, technician: technician, at: time) }
    }

    /// The same, awaiting the database's writer instead of blocking the caller's thread (for the server).
    public func push(_ request: PushRequest, technician: TechnicianID, at time: Instant) async throws -> PushResponse {
        try await writer.write { db in try Self.push(db, request, technician: technician, at: time) }
    }

    static func push(_ db: Database, _ request: PushRequest, technician: TechnicianID, at time: Instant) throws -> PushResponse {
        var last = try Self.bindDevice(db, request.deviceId, to: technician, at: time)
        var outcomes: [MutationOutcome] = []
        var gap = false
        for mutation in request.mutations {
            if mutation.id <= last {
                outcomes.append(try Self.storedOutcome(db, device: request.deviceId, mutation: mutation.id))
                continue
            }
            guard mutation.id == last + 1 else {
                gap = true
                break
            }
            let outcome = try Self.apply(db, mutation, technician: technician, at: time)
            try db.execute(sql: "INSERT INTO mutation_outcomes (device_id, mutation_id, status, code, message) VALUES (?, ?, ?, ?, ?)",
                           arguments: [request.deviceId, mutation.id, outcome.status.rawValue, outcome.code, outcome.message])
            last = mutation.id
            outcomes.append(outcome)
        }
        try db.execute(sql: "UPDATE devices SET last_mutation_id = ? WHERE id = ?", arguments: [last, request.deviceId])
        return PushResponse(lastMutationId: last, outcomes: outcomes, gap: gap ? true : nil)
    }

    static func storedOutcome(_ db: Database, device: String, mutation: Int64) throws -> MutationOutcome {
        let statement = try db.cachedStatement(sql: "SELECT status, code, message FROM mutation_outcomes WHERE device_id = ? AND mutation_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [device, mutation]) else {
            return MutationOutcome(id: mutation, status: .applied)
        }
        return MutationOutcome(id: mutation, status: MutationOutcome.Status(rawValue: row[0]) ?? .applied, code: row[1], message: row[2])
    }

    static func apply(_ db: Database, _ mutation: Mutation, technician: TechnicianID, at time: Instant) throws -> MutationOutcome {
        let parsed: DeviceMutation
        switch DeviceMutation.parse(mutation) {
        case .success(let value): parsed = value
        case .failure(let rejection): return MutationOutcome(id: mutation.id, status: .rejected, code: rejection.code, message: rejection.message)
        }
        do {
            switch parsed {
            case .setStatus(let number, let status, let basis, let note):
                return try setStatus(db, mutation.id, number, status, basis: basis, note: note, technician: technician, at: time)
            case .addNote(let number, let noteId, let text):
                return try addNote(db, mutation.id, number, noteId: noteId, text: text, technician: technician, at: time)
            case .consume(let entryId, let number, let part, let quantity, let serial):
                return try stock(db, mutation.id, entryId: entryId, number: number, technician: technician, at: time) { van in
                    .consume(part: part, van: van, quantity: quantity, workOrder: number, serial: serial)
                }
            case .returnDefective(let entryId, let number, let part, let quantity, let serial):
                return try stock(db, mutation.id, entryId: entryId, number: number, technician: technician, at: time) { van in
                    .returnDefective(part: part, van: van, quantity: quantity, workOrder: number, serial: serial)
                }
            }
        } catch let rejection as Rejection {
            return MutationOutcome(id: mutation.id, status: .rejected, code: rejection.code, message: rejection.message)
        }
    }

    /// A technician's late facts are accepted this long after the order was taken away from them.
    public static let lateFactSeconds: Int64 = 7 * 86_400

    /// Whether the device's technician may act on the order: it holds the order now, or held it at some assignment
    /// version that ended in the last week. Anything else, an existing number or not, is `not_assigned` with one
    /// message. Returns the order's current technician.
    static func checkOwnership(_ db: Database, _ number: WorkOrderNumber, technician: TechnicianID, at time: Instant) throws -> TechnicianID? {
        let owner = try WorkOrderRow.owner(db, number)
        guard owner.exists else { throw Rejection.notAssigned }
        if owner.technician == technician { return technician }
        let since = Instant(secondsSinceEpoch: time.secondsSinceEpoch - lateFactSeconds)
        guard try WorkOrderRow.heldRecently(db, number, by: technician, since: since) else { throw Rejection.notAssigned }
        return owner.technician
    }

    static func setStatus(
        _ db: Database, _ id: Int64, _ number: WorkOrderNumber, _ status: WorkOrderStatus, basis: Int64, note: String?,
        technician: TechnicianID, at time: Instant
    ) throws -> MutationOutcome {
        _ = try checkOwnership(db, number, technician: technician, at: time)
        guard var row = try WorkOrderRow.fetch(db, number) else { throw Rejection.notAssigned }
        let state = StatusRules.OrderState(status: row.order.status, technicianId: row.technicianId, assignmentVersion: row.assignmentVersion)
        let holder = basis == row.assignmentVersion ? row.technicianId : try WorkOrderRow.holder(db, number, version: basis)
        let actor = technician.rawValue
        switch StatusRules.decide(requested: status, basis: basis, reporter: technician, holderAtBasis: holder, order: state) {
        case .reject(let rejection, let record):
            if record {
                try WorkOrderRow.recordEvent(db, number, actor: actor, source: .technicianDevice, time: time, from: row.order.status,
                                             to: status, technician: technician, applied: false, note: "not applied: \(rejection.code)")
            }
            return MutationOutcome(id: id, status: .rejected, code: rejection.code, message: rejection.message)
        case .apply(let path, let exception, let reassignBack):
            let previous = row.technicianId
            for step in path {
                try WorkOrderRow.recordEvent(db, number, actor: actor, source: .technicianDevice, time: time, from: row.order.status,
                                             to: step, technician: technician, note: step == status ? note : nil)
                row.order.status = step
            }
            if path.isEmpty {
                // A late fact that cannot move the order forward is still kept in its history.
                try WorkOrderRow.recordEvent(db, number, actor: actor, source: .technicianDevice, time: time, from: row.order.status,
                                             to: status, technician: technician, applied: false, note: note)
            }
            if reassignBack {
                row.technicianId = technician
                row.assignmentVersion += 1
            }
            try row.saveState(db, previousOwner: previous, at: time)
            if let exception {
                // The dispatcher's copy names both technicians; the device's does not name the other one.
                let detail = "\(technician) reported \(status) on assignment \(basis) after the order went to "
                    + "\(previous?.rawValue ?? "nobody") (assignment \(state.assignmentVersion)); \(reassignBack ? "it went back to \(technician)" : "the new assignee had started it")"
                try raiseException(db, kind: exception.code, workOrder: number, technician: technician, message: detail, at: time)
                return MutationOutcome(id: id, status: .appliedWithException, code: exception.code, message: exception.message)
            }
            return MutationOutcome(id: id, status: .applied)
        }
    }

    static func addNote(_ db: Database, _ id: Int64, _ number: WorkOrderNumber, noteId: String, text: String, technician: TechnicianID, at time: Instant) throws -> MutationOutcome {
        let owner = try checkOwnership(db, number, technician: technician, at: time)
        if let existing = try Row.fetchOne(db, sql: "SELECT work_order, text FROM notes WHERE id = ?", arguments: [noteId]) {
            guard (existing[0] as String) == number.rawValue && (existing[1] as String) == text else {
                throw Rejection(code: "note_id_conflict", message: "note \(noteId) already exists with other content")
            }
            return MutationOutcome(id: id, status: .applied)
        }
        try db.execute(sql: "INSERT INTO notes (id, work_order, technician_id, text, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [noteId, number.rawValue, technician.rawValue, text, time.secondsSinceEpoch])
        // The order's owner sees the note (and the writer, if someone else, learns it is out of their scope).
        try ChangeLog.record(db, .note, noteId, oldOwner: technician.rawValue, newOwner: owner?.rawValue)
        return MutationOutcome(id: id, status: .applied)
    }

    static func stock(
        _ db: Database, _ id: Int64, entryId: String, number: WorkOrderNumber, technician: TechnicianID, at time: Instant,
        movement: (LocationID) -> StockMovement
    ) throws -> MutationOutcome {
        _ = try checkOwnership(db, number, technician: technician, at: time)
        guard let van = try String.fetchOne(db, sql: "SELECT van FROM technicians WHERE id = ?", arguments: [technician.rawValue]) else {
            throw Rejection(code: "unknown_technician", message: "technician \(technician) has no van")
        }
        var repository = SQLiteStockRepository(db)
        let context = PostingContext(idempotencyKey: entryId, actor: technician.rawValue, source: .technicianDevice, time: time, acceptsUnknownSerial: true)
        let result: PostingResult
        do {
            result = try StockLedger.post(movement(LocationID(rawValue: van)), context: context, in: &repository)
        } catch let error as InventoryError {
            throw Rejection(code: error.code, message: error.message)
        }
        let entry = result.entry
        var negative: String?
        if entry.kind == .consume {
            let balance = try repository.balance(part: entry.partId, location: entry.from)
            if balance.onHand < 0 {
                negative = "van \(entry.from) now holds \(balance.onHand) of \(entry.partId); "
                    + (result.raisedDiscrepancy != nil ? "a discrepancy was raised" : "its discrepancy is still open")
            }
        }
        if result.serialUnknown && !result.duplicate {
            let serial = entry.serial.map { "serial \($0)" } ?? "no serial"
            let message = "\(entry.kind == .consume ? "consumed" : "returned") \(entry.quantity) of serialized part \(entry.partId) with \(serial), "
                + "which the books do not place in van \(van); recorded, and the stock controller resolves the serial"
            try raiseException(db, kind: "serial_unknown", workOrder: number, technician: technician,
                               message: "\(technician) on work order \(number): " + message, at: time)
            return MutationOutcome(id: id, status: .appliedWithException, code: "serial_unknown", message: message + (negative.map { "; \($0)" } ?? ""))
        }
        if let negative {
            return MutationOutcome(id: id, status: .appliedWithException, code: "negative_van_stock", message: negative)
        }
        return MutationOutcome(id: id, status: .applied)
    }
}
