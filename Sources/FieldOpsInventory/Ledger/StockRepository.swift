import FieldOpsModel

/// Where the stock book lives. The ledger's rules (`StockLedger`) run unchanged on any backend: in memory for
/// planning and tests, SQLite for the server (`SQLiteStockRepository`, one transaction per posting or batch).
public protocol StockRepository {
    func part(_ id: PartID) throws -> Part?
    func location(_ id: LocationID) throws -> StockLocation?
    func balance(part: PartID, location: LocationID) throws -> StockBalance
    /// Adds to a balance (creating it at zero) and returns it as it now is; one statement in SQL.
    mutating func add(part: PartID, location: LocationID, onHand: Int, reserved: Int) throws -> StockBalance
    func valuation(part: PartID) throws -> PartValuation?
    mutating func save(_ valuation: PartValuation) throws
    func entry(idempotencyKey: String) throws -> LedgerEntry?
    func entry(id: Int64) throws -> LedgerEntry?
    /// The reversal of entry `id`, if it has one.
    func reversal(of id: Int64) throws -> LedgerEntry?
    /// Stores a new entry and returns it with its sequence number.
    mutating func append(_ entry: LedgerEntry) throws -> LedgerEntry
    func serialLocation(part: PartID, serial: String) throws -> LocationID?
    mutating func setSerialLocation(part: PartID, serial: String, location: LocationID) throws
    func reservations(workOrder: WorkOrderNumber) throws -> [Reservation]
    /// Saves a reservation; quantity 0 removes it.
    mutating func save(_ reservation: Reservation) throws
    func openDiscrepancy(location: LocationID, part: PartID) throws -> Discrepancy?
    mutating func raiseDiscrepancy(location: LocationID, part: PartID, balance: Int, raisedBy: Int64, at: Instant) throws -> Discrepancy
    mutating func close(_ discrepancy: Discrepancy, by entry: Int64) throws
}
