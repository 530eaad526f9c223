import FieldOpsInventory
import FieldOpsModel

extension SyncEngine {
    /// A technician's late facts are accepted this long after the order was taken away from them.
    public static let lateFactSeconds: Int64 = 7 * 86_400

    /// Applies a device's pushed mutations: mutation `n` is applied only right after `n − 1` and its outcome is
    /// stored with its effects; earlier ids get their stored outcome; a gap stops the batch and says so.
    public static func push<R: SyncRepository>(
        _ request: PushRequest, technician: TechnicianID, at time: Instant, in repository: inout R
    ) throws -> PushResponse {
        var last = try bind(device: request.deviceId, to: technician, at: time, in: &repository)
        var outcomes: [MutationOutcome] = []
        var gap = false
        for mutation in request.mutations {
            if mutation.id <= last {
                outcomes.append(try repository.outcome(device: request.deviceId, mutation: mutation.id)
                    ?? MutationOutcome(id: mutation.id, status: .applied))
                continue
            }
            guard mutation.id == last + 1 else {
                gap = true
                break
            }
            let outcome = try apply(mutation, technician: technician, at: time, in: &repository)
            try repository.saveOutcome(outcome, device: request.deviceId)
            last = mutation.id
            outcomes.append(outcome)
        }
        try repository.setLastMutation(device: request.deviceId, to: last)
        return PushResponse(lastMutationId: last, outcomes: outcomes, gap: gap ? true : nil)
    }

    static func apply<R: SyncRepository>(_ mutation: Mutation, technician: TechnicianID, at time: Instant, in repository: inout R) throws -> MutationOutcome {
        let parsed: DeviceMutation
        switch DeviceMutation.parse(mutation) {
        case .success(let value): parsed = value
        case .failure(let rejection): return MutationOutcome(id: mutation.id, status: .rejected, code: rejection.code, message: rejection.message)
        }
        do {
            switch parsed {
            case .setStatus(let number, let status, let basis, let note):
                return try setStatus(mutation.id, number, status, basis: basis, note: note, technician: technician, at: time, in: &repository)
            case .addNote(let number, let noteId, let text):
                return try addNote(mutation.id, number, noteId: noteId, text: text, technician: technician, at: time, in: &repository)
            case .consume(let entryId, let number, let part, let quantity, let serial):
                return try stock(mutation.id, entryId: entryId, number: number, technician: technician, at: time, in: &repository) { van in
                    .consume(part: part, van: van, quantity: quantity, workOrder: number, serial: serial)
                }
            case .returnDefective(let entryId, let number, let part, let quantity, let serial):
                return try stock(mutation.id, entryId: entryId, number: number, technician: technician, at: time, in: &repository) { van in
                    .returnDefective(part: part, van: van, quantity: quantity, workOrder: number, serial: serial)
                }
            }
        } catch let rejection as Rejection {
            return MutationOutcome(id: mutation.id, status: .rejected, code: rejection.code, message: rejection.message)
        }
    }

    /// Whether the device's technician may act on the order: it holds the order now, or held it at some assignment
    /// version that ended in the last week. Anything else, an existing number or not, is `not_assigned` with one
    /// message. Returns the order's current technician.
    static func checkOwnership<R: SyncRepository>(_ number: WorkOrderNumber, technician: TechnicianID, at time: Instant, in repository: R) throws -> TechnicianID? {
        let owner = try repository.holder(of: number)
        guard owner.exists else { throw Rejection.notAssigned }
        if owner.technician == technician { return technician }
        let since = Instant(secondsSinceEpoch: time.secondsSinceEpoch - lateFactSeconds)
        guard try repository.held(number, by: technician, untilAfter: since) else { throw Rejection.notAssigned }
        return owner.technician
    }

    static func setStatus<R: SyncRepository>(
        _ id: Int64, _ number: WorkOrderNumber, _ status: WorkOrderStatus, basis: Int64, note: String?,
        technician: TechnicianID, at time: Instant, in repository: inout R
    ) throws -> MutationOutcome {
        _ = try checkOwnership(number, technician: technician, at: time, in: repository)
        guard var row = try repository.order(number) else { throw Rejection.notAssigned }
        let state = StatusRules.OrderState(status: row.order.status, technicianId: row.technicianId, assignmentVersion: row.assignmentVersion)
        let holder = basis == row.assignmentVersion ? row.technicianId : try repository.holder(of: number, atVersion: basis)
        let actor = technician.rawValue
        func event(from: WorkOrderStatus, to: WorkOrderStatus, applied: Bool = true, note: String? = nil) -> OrderEvent {
            OrderEvent(workOrder: number, actor: actor, source: .technicianDevice, time: time, from: from, to: to, technician: technician,
                       applied: applied, note: note)
        }
        switch StatusRules.decide(requested: status, basis: basis, reporter: technician, holderAtBasis: holder, order: state) {
        case .reject(let rejection, let record):
            if record {
                try repository.recordEvent(event(from: row.order.status, to: status, applied: false, note: "not applied: \(rejection.code)"))
            }
            return MutationOutcome(id: id, status: .rejected, code: rejection.code, message: rejection.message)
        case .apply(let path, let exception, let reassignBack):
            let previous = row.technicianId
            for step in path {
                try repository.recordEvent(event(from: row.order.status, to: step, note: step == status ? note : nil))
                row.order.status = step
            }
            if path.isEmpty {
                // A late fact that cannot move the order forward is still kept in its history.
                try repository.recordEvent(event(from: row.order.status, to: status, applied: false, note: note))
            }
            if reassignBack {
                row.technicianId = technician
                row.assignmentVersion += 1
            }
            try save(row, previousOwner: previous, at: time, in: &repository)
            if let exception {
                // The dispatcher's copy names both technicians; the device's does not name the other one.
                let detail = "\(technician) reported \(status) on assignment \(basis) after the order went to "
                    + "\(previous?.rawValue ?? "nobody") (assignment \(state.assignmentVersion)); "
                    + (reassignBack ? "it went back to \(technician)" : "the new assignee had started it")
                try repository.raiseException(SyncException(kind: exception.code, workOrder: number, technician: technician, message: detail, time: time))
                return MutationOutcome(id: id, status: .appliedWithException, code: exception.code, message: exception.message)
            }
            return MutationOutcome(id: id, status: .applied)
        }
    }

    static func addNote<R: SyncRepository>(
        _ id: Int64, _ number: WorkOrderNumber, noteId: String, text: String, technician: TechnicianID, at time: Instant, in repository: inout R
    ) throws -> MutationOutcome {
        let owner = try checkOwnership(number, technician: technician, at: time, in: repository)
        if let existing = try repository.note(noteId) {
            guard existing.workOrderId == number && existing.text == text else {
                throw Rejection(code: "note_id_conflict", message: "note \(noteId) already exists with other content")
            }
            return MutationOutcome(id: id, status: .applied)
        }
        try repository.addNote(NoteView(noteId: noteId, workOrderId: number, technicianId: technician, text: text, createdAt: time))
        // The order's owner sees the note (and the writer, if someone else, learns it is out of their scope).
        try repository.log(LoggedChange(entity: .note, id: noteId, oldOwner: technician, newOwner: owner))
        return MutationOutcome(id: id, status: .applied)
    }

    static func stock<R: SyncRepository>(
        _ id: Int64, entryId: String, number: WorkOrderNumber, technician: TechnicianID, at time: Instant, in repository: inout R,
        movement: (LocationID) -> StockMovement
    ) throws -> MutationOutcome {
        _ = try checkOwnership(number, technician: technician, at: time, in: repository)
        guard let van = try repository.van(of: technician) else {
            throw Rejection(code: "unknown_technician", message: "technician \(technician) has no van")
        }
        let context = PostingContext(idempotencyKey: entryId, actor: technician.rawValue, source: .technicianDevice, time: time, acceptsUnknownSerial: true)
        let posted: (result: PostingResult, balance: StockBalance?)
        do {
            posted = try repository.withStock { stock in
                let result = try StockLedger.post(movement(van), context: context, in: &stock)
                // The van's balance matters only after a consume (a negative van is reported).
                let balance = result.entry.kind == .consume ? try stock.balance(part: result.entry.partId, location: result.entry.from) : nil
                return (result, balance)
            }
        } catch let error as InventoryError {
            throw Rejection(code: error.code, message: error.message)
        }
        let (result, balance) = posted
        let entry = result.entry
        var negative: String?
        if let balance, balance.onHand < 0 {
            negative = "van \(entry.from) now holds \(balance.onHand) of \(entry.partId); "
                + (result.raisedDiscrepancy != nil ? "a discrepancy was raised" : "its discrepancy is still open")
        }
        if result.serialUnknown && !result.duplicate {
            let serial = entry.serial.map { "serial \($0)" } ?? "no serial"
            let message = "\(entry.kind == .consume ? "consumed" : "returned") \(entry.quantity) of serialized part \(entry.partId) with \(serial), "
                + "which the books do not place in van \(van); recorded, and the stock controller resolves the serial"
            try repository.raiseException(SyncException(
                kind: "serial_unknown", workOrder: number, technician: technician, message: "\(technician) on work order \(number): " + message, time: time))
            return MutationOutcome(id: id, status: .appliedWithException, code: "serial_unknown", message: message + (negative.map { "; \($0)" } ?? ""))
        }
        if let negative {
            return MutationOutcome(id: id, status: .appliedWithException, code: "negative_van_stock", message: negative)
        }
        return MutationOutcome(id: id, status: .applied)
    }
}
