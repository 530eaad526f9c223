import FieldOpsInventory
import FieldOpsModel
import GRDB

/// The stock book in SQLite, used inside one write transaction (`AppDatabase` opens it). Statements are cached,
/// so that posting a million entries stays fast.
public struct SQLiteStockRepository: StockRepository {
    let db: Database
    /// Parts and locations read in this transaction; they do not change while it runs.
    private let catalog = CatalogCache()

    final class CatalogCache {
        var parts: [PartID: Part?] = [:]
        var locations: [LocationID: StockLocation?] = [:]
        /// Written through: this repository is the only writer while its transaction runs.
        var valuations: [PartID: PartValuation?] = [:]
    }

    init(_ db: Database) {
        self.db = db
    }

    public func part(_ id: PartID) throws -> Part? {
        if let cached = catalog.parts[id] { return cached }
        let statement = try db.cachedStatement(sql: "SELECT id, name, unit, serialized, standard_cost FROM parts WHERE id = ?")
        let part = try Row.fetchOne(statement, arguments: [id.rawValue]).map(Self.part)
        catalog.parts[id] = part
        return part
    }

    static func part(_ row: Row) -> Part {
        Part(id: PartID(rawValue: row[0]), name: row[1], unit: row[2], serialized: row[3], standardCost: row[4])
    }

    public func location(_ id: LocationID) throws -> StockLocation? {
        if let cached = catalog.locations[id] { return cached }
        let statement = try db.cachedStatement(sql: "SELECT id, kind, name, technician_id FROM stock_locations WHERE id = ?")
        let location = try Row.fetchOne(statement, arguments: [id.rawValue]).map(Self.location)
        catalog.locations[id] = location
        return location
    }

    static func location(_ row: Row) -> StockLocation {
        StockLocation(
            id: LocationID(rawValue: row[0]), kind: StockLocation.Kind(rawValue: row[1]) ?? .warehouse, name: row[2],
            technicianId: (row[3] as String?).map(TechnicianID.init(rawValue:)))
    }

    public func balance(part: PartID, location: LocationID) throws -> StockBalance {
        let statement = try db.cachedStatement(sql: "SELECT on_hand, reserved FROM stock_balances WHERE part_id = ? AND location = ?")
        guard let row = try Row.fetchOne(statement, arguments: [part.rawValue, location.rawValue]) else {
            return StockBalance(partId: part, location: location)
        }
        return StockBalance(partId: part, location: location, onHand: row[0], reserved: row[1])
    }

    public func add(part: PartID, location: LocationID, onHand: Int, reserved: Int) throws -> StockBalance {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO stock_balances (part_id, location, on_hand, reserved) VALUES (?, ?, ?, ?)
            ON CONFLICT (part_id, location) DO UPDATE SET on_hand = on_hand + excluded.on_hand,
                reserved = reserved + excluded.reserved
            RETURNING on_hand, reserved
            """)
        guard let row = try Row.fetchOne(statement, arguments: [part.rawValue, location.rawValue, onHand, reserved]) else {
            return StockBalance(partId: part, location: location)
        }
        // A van's balances are what its technician's devices see: every change to one goes into the change log in
        // the same transaction. Warehouse balances concern no device and are not logged (it halved the posting
        // rate for nothing; see the ledger results).
        if let place = try self.location(location), place.kind == .van, let owner = place.technicianId?.rawValue {
            try ChangeLog.record(db, .stockBalance, "\(location)/\(part)", oldOwner: owner, newOwner: owner)
        }
        return StockBalance(partId: part, location: location, onHand: row[0], reserved: row[1])
    }

    public func valuation(part: PartID) throws -> PartValuation? {
        if let cached = catalog.valuations[part] { return cached }
        let statement = try db.cachedStatement(sql: "SELECT quantity, value, average_cost FROM part_valuations WHERE part_id = ?")
        let valuation = try Row.fetchOne(statement, arguments: [part.rawValue]).map {
            PartValuation(partId: part, quantity: $0[0], value: $0[1], averageCost: $0[2])
        }
        catalog.valuations[part] = valuation
        return valuation
    }

    public func save(_ valuation: PartValuation) throws {
        if catalog.valuations[valuation.partId] == valuation { return }
        catalog.valuations[valuation.partId] = valuation
        let statement = try db.cachedStatement(sql: """
            INSERT INTO part_valuations (part_id, quantity, value, average_cost) VALUES (?, ?, ?, ?)
            ON CONFLICT (part_id) DO UPDATE SET quantity = excluded.quantity, value = excluded.value,
                average_cost = excluded.average_cost
            """)
        try statement.execute(arguments: [valuation.partId.rawValue, valuation.quantity, valuation.value, valuation.averageCost])
    }

    static let entryColumns = """
        id, idempotency_key, kind, part_id, quantity, from_location, to_location, unit_cost, average_cost_after,
        actor, source, time, work_order, serial, reverses, carrier
        """

    static func entry(_ row: Row) -> LedgerEntry {
        LedgerEntry(
            id: row[0], idempotencyKey: row[1], kind: EntryKind(rawValue: row[2]) ?? .transfer,
            partId: PartID(rawValue: row[3]), quantity: row[4], from: LocationID(rawValue: row[5]),
            to: LocationID(rawValue: row[6]), unitCost: row[7], averageCostAfter: row[8], actor: row[9],
            source: ChangeSource(rawValue: row[10]) ?? .system, time: Instant(secondsSinceEpoch: row[11]),
            workOrder: (row[12] as String?).map(WorkOrderNumber.init(rawValue:)), serial: row[13], reverses: row[14],
            carrier: (row[15] as String?).map(LocationID.init(rawValue:)))
    }

    public func entry(idempotencyKey: String) throws -> LedgerEntry? {
        // Almost always a miss: look the key up in its index alone, and read the row only when it is there.
        let probe = try db.cachedStatement(sql: "SELECT id FROM ledger_entries WHERE idempotency_key = ?")
        guard let id = try Int64.fetchOne(probe, arguments: [idempotencyKey]) else { return nil }
        return try entry(id: id)
    }

    public func entry(id: Int64) throws -> LedgerEntry? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.entryColumns) FROM ledger_entries WHERE id = ?")
        return try Row.fetchOne(statement, arguments: [id]).map(Self.entry)
    }

    public func reversal(of id: Int64) throws -> LedgerEntry? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.entryColumns) FROM ledger_entries WHERE reverses = ?")
        return try Row.fetchOne(statement, arguments: [id]).map(Self.entry)
    }

    public func append(_ entry: LedgerEntry) throws -> LedgerEntry {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO ledger_entries (idempotency_key, kind, part_id, quantity, from_location, to_location, unit_cost,
                average_cost_after, actor, source, time, work_order, serial, reverses, carrier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let arguments: StatementArguments = [
            entry.idempotencyKey, entry.kind.rawValue, entry.partId.rawValue, entry.quantity, entry.from.rawValue,
            entry.to.rawValue, entry.unitCost, entry.averageCostAfter, entry.actor, entry.source.rawValue,
            entry.time.secondsSinceEpoch, entry.workOrder?.rawValue, entry.serial, entry.reverses, entry.carrier?.rawValue,
        ]
        try statement.execute(arguments: arguments)
        var stored = entry
        stored.id = db.lastInsertedRowID
        return stored
    }

    public func serialLocation(part: PartID, serial: String) throws -> LocationID? {
        let statement = try db.cachedStatement(sql: "SELECT location FROM serials WHERE part_id = ? AND serial = ?")
        return try String.fetchOne(statement, arguments: [part.rawValue, serial]).map(LocationID.init(rawValue:))
    }

    public func setSerialLocation(part: PartID, serial: String, location: LocationID) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO serials (part_id, serial, location) VALUES (?, ?, ?)
            ON CONFLICT (part_id, serial) DO UPDATE SET location = excluded.location
            """)
        try statement.execute(arguments: [part.rawValue, serial, location.rawValue])
    }

    public func reservations(workOrder: WorkOrderNumber) throws -> [Reservation] {
        let statement = try db.cachedStatement(sql: "SELECT part_id, location, quantity FROM reservations WHERE work_order = ? ORDER BY part_id, location")
        return try Row.fetchAll(statement, arguments: [workOrder.rawValue]).map {
            Reservation(workOrder: workOrder, partId: PartID(rawValue: $0[0]), location: LocationID(rawValue: $0[1]), quantity: $0[2])
        }
    }

    public func save(_ reservation: Reservation) throws {
        if reservation.quantity <= 0 {
            let statement = try db.cachedStatement(sql: "DELETE FROM reservations WHERE work_order = ? AND part_id = ? AND location = ?")
            try statement.execute(arguments: [reservation.workOrder.rawValue, reservation.partId.rawValue, reservation.location.rawValue])
            return
        }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO reservations (work_order, part_id, location, quantity) VALUES (?, ?, ?, ?)
            ON CONFLICT (work_order, part_id, location) DO UPDATE SET quantity = excluded.quantity
            """)
        try statement.execute(arguments: [reservation.workOrder.rawValue, reservation.partId.rawValue, reservation.location.rawValue, reservation.quantity])
    }

    static func discrepancy(_ row: Row) -> Discrepancy {
        Discrepancy(
            id: row[0], location: LocationID(rawValue: row[1]), partId: PartID(rawValue: row[2]), balance: row[3],
            raisedBy: row[4], raisedAt: Instant(secondsSinceEpoch: row[5]), closedBy: row[6])
    }

    public func openDiscrepancy(location: LocationID, part: PartID) throws -> Discrepancy? {
        let statement = try db.cachedStatement(sql: """
            SELECT id, location, part_id, balance, raised_by, raised_at, closed_by FROM discrepancies
            WHERE location = ? AND part_id = ? AND closed_by IS NULL
            """)
        return try Row.fetchOne(statement, arguments: [location.rawValue, part.rawValue]).map(Self.discrepancy)
    }

    public func raiseDiscrepancy(location: LocationID, part: PartID, balance: Int, raisedBy: Int64, at time: Instant) throws -> Discrepancy {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO discrepancies (location, part_id, balance, raised_by, raised_at) VALUES (?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [location.rawValue, part.rawValue, balance, raisedBy, time.secondsSinceEpoch])
        return Discrepancy(id: db.lastInsertedRowID, location: location, partId: part, balance: balance, raisedBy: raisedBy, raisedAt: time)
    }

    public func close(_ discrepancy: Discrepancy, by entry: Int64) throws {
        let statement = try db.cachedStatement(sql: "UPDATE discrepancies SET closed_by = ? WHERE id = ?")
        try statement.execute(arguments: [entry, discrepancy.id])
    }
}
