import FieldOpsInventory
import FieldOpsModel

/// Where the sync protocol's state lives. `SyncEngine` (push, pull, saving an order) holds every rule and runs
/// unchanged on any backend, as `StockLedger` does on a `StockRepository`: in memory for the protocol's property
/// tests, SQLite for the server (`SQLiteSyncRepository`, one engine call per transaction), PostgreSQL later. A
/// backend stores and finds; it decides nothing.
public protocol SyncRepository {
    associatedtype Stock: StockRepository

    // MARK: Devices

    func device(_ id: String) throws -> SyncDevice?
    mutating func addDevice(_ device: SyncDevice, at time: Instant) throws
    mutating func setLastMutation(device: String, to id: Int64) throws
    /// The outcome stored for a device's mutation, if any.
    func outcome(device: String, mutation: Int64) throws -> MutationOutcome?
    mutating func saveOutcome(_ outcome: MutationOutcome, device: String) throws

    // MARK: Work orders

    func order(_ number: WorkOrderNumber) throws -> SyncOrder?
    /// Whether the order exists and who holds it, without reading the order (the hot path of device mutations).
    func holder(of number: WorkOrderNumber) throws -> (exists: Bool, technician: TechnicianID?)
    /// Who held the order at assignment `version` (nil: nobody, or a version never given).
    func holder(of number: WorkOrderNumber, atVersion version: Int64) throws -> TechnicianID?
    /// Whether `technician` held the order at a version whose successor was given at or after `since`.
    func held(_ number: WorkOrderNumber, by technician: TechnicianID, untilAfter since: Instant) throws -> Bool
    /// Stores the order's dispatch fields (not its own data) and `scope`, the technician whose devices hold it.
    mutating func saveState(_ order: SyncOrder, scope: TechnicianID?) throws
    /// Keeps who holds the order at `version`; a version once recorded is never rewritten.
    mutating func recordAssignment(_ number: WorkOrderNumber, version: Int64, technician: TechnicianID?, at time: Instant) throws
    mutating func recordEvent(_ event: OrderEvent) throws
    mutating func raiseException(_ exception: SyncException) throws
    /// Closed orders that are not aged out yet and were closed before `time`.
    func ordersClosed(before time: Instant) throws -> [SyncOrder]

    // MARK: Notes

    func note(_ id: String) throws -> NoteView?
    func noteIds(of number: WorkOrderNumber) throws -> [String]
    mutating func addNote(_ note: NoteView) throws

    // MARK: The change sequence

    /// Appends a change and returns its sequence number (greater than every earlier one).
    @discardableResult mutating func log(_ change: LoggedChange) throws -> Int64
    func latestChange() throws -> Int64
    /// The sequence number of the entity's latest change (0: none).
    func version(of entity: SyncEntity, _ id: String) throws -> Int64
    /// Changes after `seq` that concern `technician`, in sequence order, at most `limit`.
    func changes(after seq: Int64, concerning technician: TechnicianID, limit: Int) throws -> [LoggedChange]
    /// Whether a change to the entity after `seq` concerns `technician`.
    func hasChange(to entity: SyncEntity, _ id: String, after seq: Int64, concerning technician: TechnicianID) throws -> Bool
    /// A name for this database, different for every database (a cursor from another one is reset).
    func instance() throws -> String

    // MARK: What a device's scope is made of, in key order after `after`

    func partIds(after: String, limit: Int) throws -> [String]
    /// Orders whose scope (as saved by `saveState`) is `technician`.
    func orderNumbers(inScopeOf technician: TechnicianID, after: String, limit: Int) throws -> [String]
    /// Notes on those orders.
    func noteIds(inScopeOf technician: TechnicianID, after: String, limit: Int) throws -> [String]
    /// `location/part` keys of the balances at `location`.
    func balanceKeys(at location: LocationID, after: String, limit: Int) throws -> [String]

    // MARK: Stock

    func van(of technician: TechnicianID) throws -> LocationID?
    /// Runs `body` on the stock book in the same transaction.
    mutating func withStock<T>(_ body: (inout Stock) throws -> T) throws -> T
    func part(_ id: PartID) throws -> Part?
    /// The balance as stored, nil when the van never held the part.
    func storedBalance(part: PartID, location: LocationID) throws -> StockBalance?
}
