import FieldOpsInventory
import FieldOpsModel

/// The in-memory stock book as the sync backend sees it: a van's balances are what its technician's devices see,
/// so every change to one is noted for the change sequence, at the moment it is made, as the SQLite stock
/// backend logs it in the same transaction.
public struct VanLoggedStock: StockRepository, Sendable {
    public var book: InMemoryStockRepository
    /// Van balance changes in the order they happened, for the change sequence.
    var changes: [LoggedChange] = []

    init(book: InMemoryStockRepository) {
        self.book = book
    }

    public mutating func add(part: PartID, location: LocationID, onHand: Int, reserved: Int) -> StockBalance {
        let balance = book.add(part: part, location: location, onHand: onHand, reserved: reserved)
        if let place = book.location(location), place.kind == .van, let owner = place.technicianId {
            changes.append(LoggedChange(entity: .stockBalance, id: "\(location)/\(part)", oldOwner: owner, newOwner: owner))
        }
        return balance
    }

    public func part(_ id: PartID) -> Part? { book.part(id) }
    public func location(_ id: LocationID) -> StockLocation? { book.location(id) }
    public func balance(part: PartID, location: LocationID) -> StockBalance { book.balance(part: part, location: location) }
    public func valuation(part: PartID) -> PartValuation? { book.valuation(part: part) }
    public mutating func save(_ valuation: PartValuation) { book.save(valuation) }
    public func entry(idempotencyKey: String) -> LedgerEntry? { book.entry(idempotencyKey: idempotencyKey) }
    public func entry(id: Int64) -> LedgerEntry? { book.entry(id: id) }
    public func reversal(of id: Int64) -> LedgerEntry? { book.reversal(of: id) }
    public mutating func append(_ entry: LedgerEntry) -> LedgerEntry { book.append(entry) }
    public func serialLocation(part: PartID, serial: String) -> LocationID? { book.serialLocation(part: part, serial: serial) }
    public mutating func setSerialLocation(part: PartID, serial: String, location: LocationID) {
        book.setSerialLocation(part: part, serial: serial, location: location)
    }
    public func reservations(workOrder: WorkOrderNumber) -> [Reservation] { book.reservations(workOrder: workOrder) }
    public mutating func save(_ reservation: Reservation) { book.save(reservation) }
    public func openDiscrepancy(location: LocationID, part: PartID) -> Discrepancy? { book.openDiscrepancy(location: location, part: part) }
    public mutating func raiseDiscrepancy(location: LocationID, part: PartID, balance: Int, raisedBy: Int64, at time: Instant) -> Discrepancy {
        book.raiseDiscrepancy(location: location, part: part, balance: balance, raisedBy: raisedBy, at: time)
    }
    public mutating func close(_ discrepancy: Discrepancy, by entry: Int64) { book.close(discrepancy, by: entry) }
}
