import FieldOpsModel

/// The stock book in memory: for planning, for tests, and as the reference the SQLite backend must agree with.
public struct InMemoryStockRepository: StockRepository, Sendable {
    public private(set) var parts: [PartID: Part] = [:]
    public private(set) var locations: [LocationID: StockLocation] = [:]
    public private(set) var entries: [LedgerEntry] = []
    private var entryByKey: [String: Int] = [:]
    private var reversalOf: [Int64: Int64] = [:]
    public private(set) var balances: [BalanceKey: StockBalance] = [:]
    public private(set) var valuations: [PartID: PartValuation] = [:]
    private var serials: [String: LocationID] = [:]
    private var reservationsByOrder: [WorkOrderNumber: [Reservation]] = [:]
    public private(set) var discrepancies: [Discrepancy] = []

    public struct BalanceKey: Hashable, Sendable {
        public var part: PartID
        public var location: LocationID

        public init(part: PartID, location: LocationID) {
            self.part = part
            self.location = location
        }
    }

    public init(parts: [Part], locations: [StockLocation]) {
        for part in parts { self.parts[part.id] = part }
        for location in StockLocation.virtual + locations { self.locations[location.id] = location }
    }

    public func part(_ id: PartID) -> Part? { parts[id] }
    public func location(_ id: LocationID) -> StockLocation? { locations[id] }

    public func balance(part: PartID, location: LocationID) -> StockBalance {
        balances[BalanceKey(part: part, location: location)] ?? StockBalance(partId: part, location: location)
    }

    public mutating func add(part: PartID, location: LocationID, onHand: Int, reserved: Int) -> StockBalance {
        var balance = self.balance(part: part, location: location)
        balance.onHand += onHand
        balance.reserved += reserved
        balances[BalanceKey(part: part, location: location)] = balance
        return balance
    }

    public func valuation(part: PartID) -> PartValuation? { valuations[part] }
    public mutating func save(_ valuation: PartValuation) { valuations[valuation.partId] = valuation }

    public func entry(idempotencyKey: String) -> LedgerEntry? { entryByKey[idempotencyKey].map { entries[$0] } }

    public func entry(id: Int64) -> LedgerEntry? {
        id >= 1 && id <= Int64(entries.count) ? entries[Int(id) - 1] : nil
    }

    public func reversal(of id: Int64) -> LedgerEntry? { reversalOf[id].flatMap { entry(id: $0) } }

    public mutating func append(_ entry: LedgerEntry) -> LedgerEntry {
        var stored = entry
        stored.id = Int64(entries.count + 1)
        entryByKey[stored.idempotencyKey] = entries.count
        if let reversed = stored.reverses { reversalOf[reversed] = stored.id }
        entries.append(stored)
        return stored
    }

    public func serialLocation(part: PartID, serial: String) -> LocationID? { serials["\(part)\u{1F}\(serial)"] }

    public mutating func setSerialLocation(part: PartID, serial: String, location: LocationID) {
        serials["\(part)\u{1F}\(serial)"] = location
    }

    public func reservations(workOrder: WorkOrderNumber) -> [Reservation] { reservationsByOrder[workOrder] ?? [] }

    public mutating func save(_ reservation: Reservation) {
        var list = reservationsByOrder[reservation.workOrder] ?? []
        list.removeAll { $0.partId == reservation.partId && $0.location == reservation.location }
        if reservation.quantity > 0 { list.append(reservation) }
        reservationsByOrder[reservation.workOrder] = list.isEmpty ? nil : list
    }

    public var allReservations: [Reservation] { reservationsByOrder.values.flatMap { $0 } }

    public func openDiscrepancy(location: LocationID, part: PartID) -> Discrepancy? {
        discrepancies.last { $0.location == location && $0.partId == part && $0.isOpen }
    }

    public mutating func raiseDiscrepancy(location: LocationID, part: PartID, balance: Int, raisedBy: Int64, at time: Instant) -> Discrepancy {
        let discrepancy = Discrepancy(
            id: Int64(discrepancies.count + 1), location: location, partId: part, balance: balance, raisedBy: raisedBy, raisedAt: time)
        discrepancies.append(discrepancy)
        return discrepancy
    }

    public mutating func close(_ discrepancy: Discrepancy, by entry: Int64) {
        if let index = discrepancies.firstIndex(where: { $0.id == discrepancy.id }) { discrepancies[index].closedBy = entry }
    }
}
