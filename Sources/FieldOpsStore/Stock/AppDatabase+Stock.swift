import FieldOpsInventory
import FieldOpsModel
import GRDB

/// The stock book's intentions, each one transaction.
extension AppDatabase {
    /// Adds or updates parts and locations (and makes sure the virtual locations exist).
    public func setUpStock(parts: [Part], locations: [StockLocation]) throws {
        try writer.write { db in try Self.setUpStock(db, parts: parts, locations: locations) }
    }

    static func setUpStock(_ db: Database, parts: [Part], locations: [StockLocation]) throws {
        for part in parts {
            try db.execute(sql: """
                INSERT INTO parts (id, name, unit, serialized, standard_cost) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = excluded.unit,
                    serialized = excluded.serialized, standard_cost = excluded.standard_cost
                """, arguments: [part.id.rawValue, part.name, part.unit, part.serialized, part.standardCost])
            try ChangeLog.record(db, .part, part.id.rawValue, oldOwner: nil, newOwner: nil, everyone: true)
        }
        for location in StockLocation.virtual + locations {
            try db.execute(sql: """
                INSERT INTO stock_locations (id, kind, name, technician_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, technician_id = excluded.technician_id
                """, arguments: [location.id.rawValue, location.kind.rawValue, location.name, location.technicianId?.rawValue])
        }
    }

    /// Records one movement (or returns the entry already recorded under its idempotency key).
    public func post(_ movement: StockMovement, context: PostingContext) throws -> PostingResult {
        try writer.write { db in
            var repository = SQLiteStockRepository(db)
            return try StockLedger.post(movement, context: context, in: &repository)
        }
    }

    /// Records many movements in one transaction; each is kept or refused on its own. The rules refuse a movement
    /// before writing anything for it, so a refusal needs no savepoint and leaves the others as they are.
    public func post(batch: [(StockMovement, PostingContext)]) throws -> [Result<PostingResult, InventoryError>] {
        try writer.write { db in
            var repository = SQLiteStockRepository(db)
            var results: [Result<PostingResult, InventoryError>] = []
            results.reserveCapacity(batch.count)
            for (movement, context) in batch {
                do {
                    results.append(.success(try StockLedger.post(movement, context: context, in: &repository)))
                } catch let error as InventoryError {
                    results.append(.failure(error))
                }
            }
            return results
        }
    }

    public func reserve(workOrder: WorkOrderNumber, part: PartID, location: LocationID, quantity: Int) throws -> Reservation {
        try writer.write { db in
            var repository = SQLiteStockRepository(db)
            return try StockLedger.reserve(workOrder: workOrder, part: part, location: location, quantity: quantity, in: &repository)
        }
    }

    public func release(workOrder: WorkOrderNumber, part: PartID? = nil) throws -> [Reservation] {
        try writer.write { db in
            var repository = SQLiteStockRepository(db)
            return try StockLedger.release(workOrder: workOrder, part: part, in: &repository)
        }
    }

    // MARK: Reading

    public func parts() throws -> [Part] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, unit, serialized, standard_cost FROM parts ORDER BY id").map(SQLiteStockRepository.part)
        }
    }

    public func locations() throws -> [StockLocation] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, kind, name, technician_id FROM stock_locations ORDER BY id").map(SQLiteStockRepository.location)
        }
    }

    /// Balances, of one location or all, without the all-zero ones.
    public func balances(location: LocationID? = nil) throws -> [StockBalance] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT part_id, location, on_hand, reserved FROM stock_balances
                WHERE (? IS NULL OR location = ?) AND (on_hand != 0 OR reserved != 0)
                ORDER BY location, part_id
                """, arguments: [location?.rawValue, location?.rawValue])
            return rows.map { StockBalance(partId: PartID(rawValue: $0[0]), location: LocationID(rawValue: $0[1]), onHand: $0[2], reserved: $0[3]) }
        }
    }

    /// One balance, straight from its row (the look-up the benchmark times).
    public func balance(part: PartID, location: LocationID) throws -> StockBalance {
        try writer.read { db in try SQLiteStockRepository(db).balance(part: part, location: location) }
    }

    /// Ledger entries in posting order, of one part or all, optionally after an entry id.
    public func ledger(part: PartID? = nil, after: Int64 = 0, limit: Int = Int.max) throws -> [LedgerEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(SQLiteStockRepository.entryColumns) FROM ledger_entries
                WHERE (? IS NULL OR part_id = ?) AND id > ? ORDER BY id LIMIT ?
                """, arguments: [part?.rawValue, part?.rawValue, after, limit]).map(SQLiteStockRepository.entry)
        }
    }

    public func valuations() throws -> [PartValuation] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT part_id, quantity, value, average_cost FROM part_valuations ORDER BY part_id").map {
                PartValuation(partId: PartID(rawValue: $0[0]), quantity: $0[1], value: $0[2], averageCost: $0[3])
            }
        }
    }

    public func discrepancies(openOnly: Bool = true) throws -> [Discrepancy] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, location, part_id, balance, raised_by, raised_at, closed_by FROM discrepancies
                WHERE (? = 0 OR closed_by IS NULL) ORDER BY id
                """, arguments: [openOnly]).map(SQLiteStockRepository.discrepancy)
        }
    }

    public func reservations() throws -> [Reservation] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT work_order, part_id, location, quantity FROM reservations ORDER BY work_order, part_id, location").map {
                Reservation(workOrder: WorkOrderNumber(rawValue: $0[0]), partId: PartID(rawValue: $0[1]), location: LocationID(rawValue: $0[2]), quantity: $0[3])
            }
        }
    }

    public func serials() throws -> [String: LocationID] {
        try writer.read { db in
            var result: [String: LocationID] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT part_id, serial, location FROM serials") {
                result["\(row[0] as String)/\(row[1] as String)"] = LocationID(rawValue: row[2])
            }
            return result
        }
    }

    public func setReorderPoint(part: PartID, location: LocationID, point: Int, quantity: Int) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO reorder_points (part_id, location, reorder_point, reorder_quantity) VALUES (?, ?, ?, ?)
                ON CONFLICT (part_id, location) DO UPDATE SET reorder_point = excluded.reorder_point,
                    reorder_quantity = excluded.reorder_quantity
                """, arguments: [part.rawValue, location.rawValue, point, quantity])
        }
    }

    public func reorderPoints() throws -> [ReorderPoint] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT part_id, location, reorder_point, reorder_quantity FROM reorder_points ORDER BY location, part_id").map {
                ReorderPoint(partId: PartID(rawValue: $0[0]), location: LocationID(rawValue: $0[1]), point: $0[2], quantity: $0[3])
            }
        }
    }

    /// Size of the database file(s) in bytes (0 in memory).
    public func fileSize() throws -> Int {
        try writer.read { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return pages * size
        }
    }
}

/// Stock value and parts cost.
extension AppDatabase {
    /// Value of the stock at each real location (on hand × the part's moving-average cost), in minor units.
    public func stockValue() throws -> [(location: LocationID, value: Int)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT b.location, SUM(b.on_hand * v.average_cost) FROM stock_balances b
                JOIN stock_locations l ON l.id = b.location AND l.kind IN ('warehouse', 'van')
                JOIN part_valuations v ON v.part_id = b.part_id
                GROUP BY b.location ORDER BY b.location
                """).map { (LocationID(rawValue: $0[0]), $0[1]) }
        }
    }

    /// The parts a work order used and what they cost: consumption at its moving-average cost, less reversed
    /// consumption.
    public func partsCost(workOrder: WorkOrderNumber) throws -> [(part: PartID, quantity: Int, cost: Int)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT part_id,
                       SUM(CASE WHEN kind = 'consume' THEN quantity ELSE -quantity END),
                       SUM(CASE WHEN kind = 'consume' THEN quantity * unit_cost ELSE -quantity * unit_cost END)
                FROM ledger_entries
                WHERE work_order = ? AND (kind = 'consume' OR (kind = 'reversal' AND to_location != 'CONSUMED' AND from_location = 'CONSUMED'))
                GROUP BY part_id ORDER BY part_id
                """, arguments: [workOrder.rawValue]).map { (PartID(rawValue: $0[0]), $0[1], $0[2]) }
        }
    }
}
