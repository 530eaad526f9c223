import FieldOpsInventory
import FieldOpsModel
import FieldOpsStore
import Foundation

/// Everything a stock book holds, in a form that compares across backends.
struct BookSnapshot: Equatable {
    var entries: [LedgerEntry]
    var balances: [StockBalance]
    var valuations: [PartValuation]
    var discrepancies: [Discrepancy]
    var reservations: [Reservation]
    var serials: [String: LocationID]
}

/// The same operations on any backend, so one property test runs on all of them.
protocol StockBook {
    mutating func post(_ movement: StockMovement, _ context: PostingContext) throws -> PostingResult
    mutating func reserve(_ order: WorkOrderNumber, _ part: PartID, _ location: LocationID, _ quantity: Int) throws
    mutating func release(_ order: WorkOrderNumber) throws
    func snapshot() throws -> BookSnapshot
}

enum World {
    static let parts = [
        Part(id: "P1", name: "Filter", standardCost: 1_000),
        Part(id: "P2", name: "Gasket", standardCost: 250),
        Part(id: "P3", name: "Pump", standardCost: 5_000),
        Part(id: "S1", name: "Controller", serialized: true, standardCost: 20_000),
    ]
    static let warehouses: [LocationID] = ["WH1", "WH2"]
    static let vans: [LocationID] = ["V1", "V2", "V3"]
    static let locations = warehouses.map { StockLocation(id: $0, kind: .warehouse, name: "Warehouse \($0)") }
        + vans.enumerated().map { StockLocation(id: $1, kind: .van, name: "Van \($1)", technicianId: TechnicianID(rawValue: "T\($0 + 1)")) }
    static let orders = (1...5).map { WorkOrderNumber(year: 2026, month: 11, serial: $0)! }
}

struct MemoryBook: StockBook {
    var repository = InMemoryStockRepository(parts: World.parts, locations: World.locations)

    mutating func post(_ movement: StockMovement, _ context: PostingContext) throws -> PostingResult {
        // Like a transaction: a refused movement leaves nothing behind.
        var copy = repository
        let result = try StockLedger.post(movement, context: context, in: &copy)
        repository = copy
        return result
    }

    mutating func reserve(_ order: WorkOrderNumber, _ part: PartID, _ location: LocationID, _ quantity: Int) throws {
        var copy = repository
        _ = try StockLedger.reserve(workOrder: order, part: part, location: location, quantity: quantity, in: &copy)
        repository = copy
    }

    mutating func release(_ order: WorkOrderNumber) throws {
        _ = try StockLedger.release(workOrder: order, in: &repository)
    }

    func snapshot() -> BookSnapshot {
        var serials: [String: LocationID] = [:]
        for entry in repository.entries {
            if let serial = entry.serial { serials["\(entry.partId)/\(serial)"] = entry.to }
        }
        return BookSnapshot(
            entries: repository.entries,
            balances: repository.balances.values.filter { $0.onHand != 0 || $0.reserved != 0 }
                .sorted { ($0.location, $0.partId) < ($1.location, $1.partId) },
            valuations: repository.valuations.values.sorted { $0.partId < $1.partId },
            discrepancies: repository.discrepancies,
            reservations: repository.allReservations.sorted { ($0.workOrder, $0.partId, $0.location) < ($1.workOrder, $1.partId, $1.location) },
            serials: serials)
    }
}

struct SQLiteBook: StockBook {
    let database: AppDatabase

    init(_ database: AppDatabase) throws {
        self.database = database
        try database.setUpStock(parts: World.parts, locations: World.locations)
    }

    func post(_ movement: StockMovement, _ context: PostingContext) throws -> PostingResult {
        try database.post(movement, context: context)
    }

    func reserve(_ order: WorkOrderNumber, _ part: PartID, _ location: LocationID, _ quantity: Int) throws {
        _ = try database.reserve(workOrder: order, part: part, location: location, quantity: quantity)
    }

    func release(_ order: WorkOrderNumber) throws {
        _ = try database.release(workOrder: order)
    }

    func snapshot() throws -> BookSnapshot {
        BookSnapshot(
            entries: try database.ledger(), balances: try database.balances(), valuations: try database.valuations(),
            discrepancies: try database.discrepancies(openOnly: false), reservations: try database.reservations(),
            serials: try database.serials())
    }
}
