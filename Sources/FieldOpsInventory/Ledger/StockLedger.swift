import FieldOpsModel

/// The rules of the stock book: every movement becomes one append-only ledger entry that moves a quantity from one
/// location to another, with balances, serials, reservations, valuation and discrepancies updated with it.
///
/// Run inside one transaction of the repository: either everything a posting changes is kept, or nothing. Every
/// refusal (`InventoryError`) is thrown before the first write, so a batch can skip a refused movement and go on.
public enum StockLedger {
    public static func post<R: StockRepository>(
        _ movement: StockMovement, context: PostingContext, in repository: inout R
    ) throws -> PostingResult {
        if let existing = try repository.entry(idempotencyKey: context.idempotencyKey) {
            guard matches(existing, movement) else {
                throw InventoryError(
                    code: "idempotency_conflict",
                    message: "idempotency key \(context.idempotencyKey) was already used for entry \(existing.id), a different movement")
            }
            return PostingResult(entry: existing, duplicate: true, raisedDiscrepancy: nil)
        }
        guard !context.idempotencyKey.isEmpty else {
            throw InventoryError(code: "missing_idempotency_key", message: "every movement needs an idempotency key")
        }
        var plan = try plan(movement, in: repository)
        return try apply(&plan, context: context, in: &repository)
    }

    /// What a movement will do, worked out and checked before anything is written.
    struct Plan {
        var kind: EntryKind
        var part: Part
        var quantity: Int
        var from: StockLocation
        var to: StockLocation
        var unitCost: Int?
        var workOrder: WorkOrderNumber?
        var serial: String?
        var reverses: Int64?
        var carrier: LocationID?
        /// Refuse when the source location's available stock would go below zero.
        var checkAvailable: Bool
    }

    static func plan<R: StockRepository>(_ movement: StockMovement, in repository: R) throws -> Plan {
        func part(_ id: PartID) throws -> Part {
            guard let part = try repository.part(id) else { throw InventoryError.unknownPart(id) }
            return part
        }
        func location(_ id: LocationID) throws -> StockLocation {
            guard let location = try repository.location(id) else { throw InventoryError.unknownLocation(id) }
            return location
        }
        func real(_ id: LocationID) throws -> StockLocation {
            let found = try location(id)
            guard found.kind.isReal else { throw InventoryError.wrongKind(found, expected: "a warehouse or a van") }
            return found
        }
        func positive(_ quantity: Int) throws {
            guard (1...InputLimits.quantity).contains(quantity) else { throw InventoryError.quantity(quantity) }
        }
        switch movement {
        case .receive(let partId, let to, let quantity, let unitCost, let serial):
            try positive(quantity)
            guard (0...InputLimits.money).contains(unitCost) else {
                throw InventoryError(code: "invalid_cost", message: "unit cost " + InputLimits.outOfRange(unitCost, 0...InputLimits.money))
            }
            return Plan(kind: .receive, part: try part(partId), quantity: quantity, from: .supplier, to: try real(to),
                        unitCost: unitCost, serial: serial, checkAvailable: false)
        case .transfer(let partId, let from, let to, let quantity, let serial):
            try positive(quantity)
            guard from != to else {
                throw InventoryError(code: "same_location", message: "a transfer goes from one location to another; both are \(from)")
            }
            return Plan(kind: .transfer, part: try part(partId), quantity: quantity, from: try real(from), to: try real(to),
                        serial: serial, checkAvailable: true)
        case .consume(let partId, let van, let quantity, let workOrder, let serial):
            try positive(quantity)
            let source = try location(van)
            guard source.kind == .van else { throw InventoryError.wrongKind(source, expected: "a van") }
            return Plan(kind: .consume, part: try part(partId), quantity: quantity, from: source, to: .consumed,
                        workOrder: workOrder, serial: serial, checkAvailable: false)
        case .returnDefective(let partId, let van, let quantity, let workOrder, let serial):
            try positive(quantity)
            let carrier = try location(van)
            guard carrier.kind == .van else { throw InventoryError.wrongKind(carrier, expected: "a van") }
            return Plan(kind: .returnDefective, part: try part(partId), quantity: quantity, from: .consumed, to: .defective,
                        workOrder: workOrder, serial: serial, carrier: van, checkAvailable: false)
        case .scrap(let partId, let from, let quantity, let serial):
            try positive(quantity)
            let source = try location(from)
            guard source.kind.isReal || source.kind == .defective else {
                throw InventoryError.wrongKind(source, expected: "a warehouse, a van or defective returns")
            }
            return Plan(kind: .scrap, part: try part(partId), quantity: quantity, from: source, to: .scrap,
                        serial: serial, checkAvailable: source.kind.isReal)
        case .adjust(let partId, let locationId, let counted):
            guard (0...InputLimits.quantity).contains(counted) else {
                throw InventoryError(code: "invalid_count", message: "a counted quantity " + InputLimits.outOfRange(counted, 0...InputLimits.quantity))
            }
            let part = try part(partId)
            let place = try real(locationId)
            let balance = try repository.balance(part: partId, location: locationId)
            if place.kind == .warehouse && counted < balance.reserved {
                throw InventoryError(
                    code: "count_below_reserved",
                    message: "counted \(counted) of \(partId) at \(locationId), but \(balance.reserved) are reserved for work orders; release reservations first")
            }
            let onHand = balance.onHand
            let delta = counted - onHand
            // A count that confirms the book is still recorded: it closes an open discrepancy.
            return Plan(kind: .adjust, part: part, quantity: abs(delta), from: delta < 0 ? place : .adjustment,
                        to: delta < 0 ? .adjustment : place, checkAvailable: false)
        case .reverse(let id):
            guard let original = try repository.entry(id: id) else {
                throw InventoryError(code: "unknown_entry", message: "no ledger entry \(id)")
            }
            guard original.kind != .reversal else {
                throw InventoryError(code: "reversal_of_reversal", message: "entry \(id) is itself a reversal; post the movement again instead")
            }
            if let reversal = try repository.reversal(of: id) {
                throw InventoryError(code: "already_reversed", message: "entry \(id) was already reversed by entry \(reversal.id)")
            }
            guard original.quantity > 0 else {
                throw InventoryError(code: "nothing_to_reverse", message: "entry \(id) moved nothing")
            }
            let source = try location(original.to)
            return Plan(kind: .reversal, part: try part(original.partId), quantity: original.quantity, from: source,
                        to: try location(original.from), unitCost: original.unitCost, workOrder: original.workOrder,
                        serial: original.serial, reverses: id, carrier: original.carrier,
                        checkAvailable: source.kind.isReal && original.kind != .consume)
        }
    }

    static func apply<R: StockRepository>(_ plan: inout Plan, context: PostingContext, in repository: inout R) throws -> PostingResult {
        let partId = plan.part.id
        let serialUnknown = try checkSerial(&plan, acceptUnknown: context.acceptsUnknownSerial, in: repository)
        if plan.checkAvailable {
            let available = try repository.balance(part: partId, location: plan.from.id).available
            if available < plan.quantity {
                throw InventoryError.insufficient(part: partId, location: plan.from.id, available: available, asked: plan.quantity)
            }
        }

        // Valuation: only stock entering or leaving the company's real locations changes quantity and value.
        var valuation = try repository.valuation(part: partId)
            ?? PartValuation(partId: partId, averageCost: plan.part.standardCost)
        let unitCost = plan.unitCost ?? valuation.averageCost
        // Two user values meet here (quantity × cost), so every step is checked: a result outside 64 bits is a
        // refusal, never a crash, and it comes before the first write.
        let sign = !plan.from.kind.isReal && plan.to.kind.isReal ? 1 : (plan.from.kind.isReal && !plan.to.kind.isReal ? -1 : 0)
        if sign != 0 {
            guard let value = plan.quantity.multipliedChecked(by: unitCost),
                  let quantity = valuation.quantity.addingChecked(sign * plan.quantity),
                  let total = valuation.value.addingChecked(sign * value)
            else { throw InventoryError.valueOutOfRange(partId) }
            valuation.quantity = quantity
            valuation.value = total
        }
        if valuation.quantity > 0 {
            valuation.averageCost = Int((Double(valuation.value) / Double(valuation.quantity)).rounded())
        } else {
            guard let value = valuation.quantity.multipliedChecked(by: valuation.averageCost) else { throw InventoryError.valueOutOfRange(partId) }
            valuation.value = value
        }
        for (location, delta) in [(plan.from.id, -plan.quantity), (plan.to.id, plan.quantity)] {
            guard try repository.balance(part: partId, location: location).onHand.addingChecked(delta) != nil else {
                throw InventoryError.balanceOutOfRange(partId, location)
            }
        }

        // From here on nothing is refused: every write belongs to this posting.
        let entry = try repository.append(LedgerEntry(
            id: 0, idempotencyKey: context.idempotencyKey, kind: plan.kind, partId: partId, quantity: plan.quantity,
            from: plan.from.id, to: plan.to.id, unitCost: unitCost, averageCostAfter: valuation.averageCost,
            actor: context.actor, source: context.source, time: context.time, workOrder: plan.workOrder,
            serial: plan.serial, reverses: plan.reverses, carrier: plan.carrier))

        // Consumption uses up the order's reservation in that van first.
        var reservationUsed = 0
        if plan.kind == .consume, let workOrder = plan.workOrder {
            for var reservation in try repository.reservations(workOrder: workOrder)
            where reservation.partId == partId && reservation.location == plan.from.id {
                let used = min(reservation.quantity, plan.quantity)
                reservation.quantity -= used
                reservationUsed += used
                try repository.save(reservation)
            }
        }
        let fromBalance = try repository.add(part: partId, location: plan.from.id, onHand: -plan.quantity, reserved: -reservationUsed)
        let toBalance = try repository.add(part: partId, location: plan.to.id, onHand: plan.quantity, reserved: 0)
        try repository.save(valuation)
        if let serial = plan.serial, !serialUnknown {
            try repository.setSerialLocation(part: partId, serial: serial, location: plan.to.id)
        }

        var raised: Discrepancy?
        if plan.from.kind == .van && fromBalance.onHand < 0,
           try repository.openDiscrepancy(location: plan.from.id, part: partId) == nil {
            raised = try repository.raiseDiscrepancy(
                location: plan.from.id, part: partId, balance: fromBalance.onHand, raisedBy: entry.id, at: context.time)
        }
        if plan.kind == .adjust {
            let counted = plan.to.kind.isReal ? toBalance : fromBalance
            if counted.onHand >= 0, let open = try repository.openDiscrepancy(location: counted.location, part: partId) {
                try repository.close(open, by: entry.id)
            }
        }
        return PostingResult(entry: entry, duplicate: false, raisedDiscrepancy: raised, serialUnknown: serialUnknown)
    }

    /// Serialized parts move one at a time with their serial, and a serial is in exactly one location. With
    /// `acceptUnknown` (a fact from the field), a missing serial or one the books place elsewhere is no refusal:
    /// returns true, and the serial's location is left for the stock controller to resolve.
    static func checkSerial<R: StockRepository>(_ plan: inout Plan, acceptUnknown: Bool, in repository: R) throws -> Bool {
        guard plan.part.serialized else {
            if plan.serial != nil {
                throw InventoryError(code: "not_serialized", message: "part \(plan.part.id) is not tracked by serial number")
            }
            return false
        }
        if plan.kind == .adjust {
            throw InventoryError(code: "serialized_adjustment", message: "part \(plan.part.id) is serialized: count it by receiving, scrapping or transferring serials")
        }
        let physicalFact = acceptUnknown && (plan.kind == .consume || plan.kind == .returnDefective)
        guard let serial = plan.serial, !serial.isEmpty else {
            if physicalFact { return true }
            throw InventoryError(code: "serial_required", message: "part \(plan.part.id) is serialized: give the serial number")
        }
        guard plan.quantity == 1 else {
            if physicalFact { return true }
            throw InventoryError(code: "serial_quantity", message: "a serialized part moves one at a time; quantity is \(plan.quantity)")
        }
        let current = try repository.serialLocation(part: plan.part.id, serial: serial)
        if plan.kind == .receive {
            if let current, current != StockLocation.supplier.id {
                throw InventoryError(code: "serial_exists", message: "serial \(serial) of \(plan.part.id) is already at \(current)")
            }
        } else if current != plan.from.id {
            if physicalFact { return true }
            throw InventoryError(
                code: "serial_elsewhere",
                message: "serial \(serial) of \(plan.part.id) is \(current.map { "at \($0)" } ?? "not in stock"), not at \(plan.from.id)")
        }
        return false
    }

    static func matches(_ entry: LedgerEntry, _ movement: StockMovement) -> Bool {
        switch movement {
        case .receive(let part, let to, let quantity, _, _): entry.kind == .receive && entry.partId == part && entry.to == to && entry.quantity == quantity
        case .transfer(let part, let from, let to, let quantity, _): entry.kind == .transfer && entry.partId == part && entry.from == from && entry.to == to && entry.quantity == quantity
        case .consume(let part, let van, let quantity, let order, _): entry.kind == .consume && entry.partId == part && entry.from == van && entry.quantity == quantity && entry.workOrder == order
        case .returnDefective(let part, let van, let quantity, let order, _): entry.kind == .returnDefective && entry.partId == part && entry.carrier == van && entry.quantity == quantity && entry.workOrder == order
        case .scrap(let part, let from, let quantity, _): entry.kind == .scrap && entry.partId == part && entry.from == from && entry.quantity == quantity
        case .adjust(let part, let location, _): entry.kind == .adjust && entry.partId == part && (entry.from == location || entry.to == location)
        case .reverse(let id): entry.kind == .reversal && entry.reverses == id
        }
    }

    // MARK: Reservations

    /// Holds `quantity` of a part at a location for a work order; refused when not that much is available.
    public static func reserve<R: StockRepository>(
        workOrder: WorkOrderNumber, part partId: PartID, location locationId: LocationID, quantity: Int, in repository: inout R
    ) throws -> Reservation {
        guard (1...InputLimits.quantity).contains(quantity) else { throw InventoryError.quantity(quantity) }
        guard try repository.part(partId) != nil else { throw InventoryError.unknownPart(partId) }
        guard let location = try repository.location(locationId) else { throw InventoryError.unknownLocation(locationId) }
        guard location.kind.isReal else { throw InventoryError.wrongKind(location, expected: "a warehouse or a van") }
        let balance = try repository.balance(part: partId, location: locationId)
        guard balance.available >= quantity else {
            throw InventoryError.insufficient(part: partId, location: locationId, available: balance.available, asked: quantity)
        }
        var reservation = try repository.reservations(workOrder: workOrder).first { $0.partId == partId && $0.location == locationId }
            ?? Reservation(workOrder: workOrder, partId: partId, location: locationId, quantity: 0)
        reservation.quantity += quantity
        try repository.save(reservation)
        _ = try repository.add(part: partId, location: locationId, onHand: 0, reserved: quantity)
        return reservation
    }

    /// Releases a work order's reservations (of one part, or all); returns what was released.
    public static func release<R: StockRepository>(
        workOrder: WorkOrderNumber, part: PartID? = nil, in repository: inout R
    ) throws -> [Reservation] {
        var released: [Reservation] = []
        for var reservation in try repository.reservations(workOrder: workOrder) where part == nil || reservation.partId == part {
            _ = try repository.add(part: reservation.partId, location: reservation.location, onHand: 0, reserved: -reservation.quantity)
            released.append(reservation)
            reservation.quantity = 0
            try repository.save(reservation)
        }
        return released
    }
}
