import FieldOpsInventory
import FieldOpsModel

/// The sync protocol's state in memory: the reference the SQLite backend must agree with in the protocol's
/// property tests, and a second backend that shows what one has to store (nothing it decides).
public struct InMemorySyncRepository: SyncRepository, Sendable {
    public private(set) var devices: [String: SyncDevice] = [:]
    private var outcomes: [String: [Int64: MutationOutcome]] = [:]
    public private(set) var orders: [WorkOrderNumber: SyncOrder] = [:]
    private var scopes: [WorkOrderNumber: TechnicianID] = [:]
    /// Per order, who held it at each version and when that version was given.
    private var assignments: [WorkOrderNumber: [Int64: (technician: TechnicianID?, at: Instant)]] = [:]
    public private(set) var events: [OrderEvent] = []
    public private(set) var exceptions: [SyncException] = []
    public private(set) var notes: [String: NoteView] = [:]
    public private(set) var changeLog: [LoggedChange] = []
    private var vans: [TechnicianID: LocationID] = [:]
    public private(set) var stock: InMemoryStockRepository
    private let name: String

    /// An empty book for `technicians` (their vans) and the stock book `stock`; `name` tells cursors apart.
    public init(name: String, technicians: [Technician], stock: InMemoryStockRepository) {
        self.name = name
        self.stock = stock
        for technician in technicians { vans[technician.id] = technician.van }
    }

    // MARK: Devices

    public func device(_ id: String) -> SyncDevice? { devices[id] }

    public mutating func addDevice(_ device: SyncDevice, at time: Instant) { devices[device.id] = device }

    public mutating func setLastMutation(device: String, to id: Int64) { devices[device]?.lastMutationId = id }

    public func outcome(device: String, mutation: Int64) -> MutationOutcome? { outcomes[device]?[mutation] }

    public mutating func saveOutcome(_ outcome: MutationOutcome, device: String) { outcomes[device, default: [:]][outcome.id] = outcome }

    // MARK: Work orders

    /// Adds a new order as an import does (its own data and dispatch state; `SyncEngine.save` then logs it).
    public mutating func insert(_ order: SyncOrder) { orders[order.number] = order }

    public func order(_ number: WorkOrderNumber) -> SyncOrder? { orders[number] }

    public func holder(of number: WorkOrderNumber) -> (exists: Bool, technician: TechnicianID?) {
        guard let order = orders[number] else { return (false, nil) }
        return (true, order.technicianId)
    }

    public func holder(of number: WorkOrderNumber, atVersion version: Int64) -> TechnicianID? {
        assignments[number]?[version]?.technician
    }

    public func held(_ number: WorkOrderNumber, by technician: TechnicianID, untilAfter since: Instant) -> Bool {
        guard let history = assignments[number] else { return false }
        return history.contains { version, held in
            guard held.technician == technician, let next = history[version + 1] else { return false }
            return next.at >= since
        }
    }

    public mutating func saveState(_ order: SyncOrder, scope: TechnicianID?) {
        guard var stored = orders[order.number] else { return }
        // The dispatch fields only, as the SQLite backend does.
        stored.order.status = order.order.status
        stored.technicianId = order.technicianId
        stored.assignmentVersion = order.assignmentVersion
        stored.plannedStart = order.plannedStart
        stored.plannedEnd = order.plannedEnd
        stored.closedAt = order.closedAt
        stored.agedOut = order.agedOut
        orders[order.number] = stored
        scopes[order.number] = scope
    }

    public mutating func recordAssignment(_ number: WorkOrderNumber, version: Int64, technician: TechnicianID?, at time: Instant) {
        if assignments[number]?[version] == nil { assignments[number, default: [:]][version] = (technician, time) }
    }

    public mutating func recordEvent(_ event: OrderEvent) { events.append(event) }

    public mutating func raiseException(_ exception: SyncException) { exceptions.append(exception) }

    public func ordersClosed(before time: Instant) -> [SyncOrder] {
        orders.values.filter { $0.order.status == .closed && !$0.agedOut && ($0.closedAt.map { $0 < time } ?? false) }
            .sorted { $0.number.rawValue < $1.number.rawValue }
    }

    // MARK: Notes

    public func note(_ id: String) -> NoteView? { notes[id] }

    public func noteIds(of number: WorkOrderNumber) -> [String] {
        notes.values.filter { $0.workOrderId == number }.map(\.noteId).sorted()
    }

    public mutating func addNote(_ note: NoteView) { notes[note.noteId] = note }

    // MARK: The change sequence

    @discardableResult
    public mutating func log(_ change: LoggedChange) -> Int64 {
        var logged = change
        logged.seq = Int64(changeLog.count + 1)
        changeLog.append(logged)
        return logged.seq
    }

    public func latestChange() -> Int64 { Int64(changeLog.count) }

    public func version(of entity: SyncEntity, _ id: String) -> Int64 {
        changeLog.last { $0.entity == entity && $0.id == id }?.seq ?? 0
    }

    public func changes(after seq: Int64, concerning technician: TechnicianID, limit: Int) -> [LoggedChange] {
        Array(changeLog.dropFirst(Int(max(0, seq))).lazy.filter { $0.concerns(technician) }.prefix(limit))
    }

    public func hasChange(to entity: SyncEntity, _ id: String, after seq: Int64, concerning technician: TechnicianID) -> Bool {
        changeLog.dropFirst(Int(max(0, seq))).contains { $0.entity == entity && $0.id == id && $0.concerns(technician) }
    }

    public func instance() -> String { name }

    // MARK: Scope

    public func partIds(after: String, limit: Int) -> [String] {
        Array(stock.parts.keys.map(\.rawValue).filter { $0 > after }.sorted().prefix(limit))
    }

    public func orderNumbers(inScopeOf technician: TechnicianID, after: String, limit: Int) -> [String] {
        Array(scopes.filter { $0.value == technician && $0.key.rawValue > after }.map(\.key.rawValue).sorted().prefix(limit))
    }

    public func noteIds(inScopeOf technician: TechnicianID, after: String, limit: Int) -> [String] {
        Array(notes.values.filter { scopes[$0.workOrderId] == technician && $0.noteId > after }.map(\.noteId).sorted().prefix(limit))
    }

    public func balanceKeys(at location: LocationID, after: String, limit: Int) -> [String] {
        Array(stock.balances.keys.filter { $0.location == location }.map { "\($0.location)/\($0.part)" }.filter { $0 > after }
            .sorted().prefix(limit))
    }

    // MARK: Stock

    public func van(of technician: TechnicianID) -> LocationID? { vans[technician] }

    public mutating func withStock<T>(_ body: (inout VanLoggedStock) throws -> T) throws -> T {
        var logged = VanLoggedStock(book: stock)
        // A refused posting changes nothing, as a rolled-back statement would not.
        let result = try body(&logged)
        stock = logged.book
        for change in logged.changes { log(change) }
        return result
    }

    public func part(_ id: PartID) -> Part? { stock.part(id) }

    public func storedBalance(part: PartID, location: LocationID) -> StockBalance? {
        stock.balances[InMemoryStockRepository.BalanceKey(part: part, location: location)]
    }
}
