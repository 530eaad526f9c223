import FieldOpsModel

/// One movement of a quantity of one part from one location to another. Entries are never changed or deleted;
/// a correction is a reversal entry. Over all locations, virtual ones included, every part sums to zero.
public struct LedgerEntry: Hashable, Sendable, Codable, Identifiable {
    /// Sequence number, from 1, in the order entries were posted.
    public var id: Int64
    /// The caller's key: posting the same key again returns this entry instead of a second one.
    public var idempotencyKey: String
    public var kind: EntryKind
    public var partId: PartID
    /// Always above zero; the direction is `from` → `to`.
    public var quantity: Int
    public var from: LocationID
    public var to: LocationID
    /// Cost of one unit moved, in minor units: the purchase price for a receipt, the moving average otherwise.
    public var unitCost: Int
    /// The part's moving-average cost after this entry.
    public var averageCostAfter: Int
    public var actor: String
    public var source: ChangeSource
    public var time: Instant
    public var workOrder: WorkOrderNumber?
    public var serial: String?
    /// For a reversal: the entry it reverses.
    public var reverses: Int64?
    /// For a defective return: the van that carries the part back.
    public var carrier: LocationID?

    public init(
        id: Int64, idempotencyKey: String, kind: EntryKind, partId: PartID, quantity: Int, from: LocationID,
        to: LocationID, unitCost: Int, averageCostAfter: Int, actor: String, source: ChangeSource, time: Instant,
        workOrder: WorkOrderNumber? = nil, serial: String? = nil, reverses: Int64? = nil, carrier: LocationID? = nil
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.kind = kind
        self.partId = partId
        self.quantity = quantity
        self.from = from
        self.to = to
        self.unitCost = unitCost
        self.averageCostAfter = averageCostAfter
        self.actor = actor
        self.source = source
        self.time = time
        self.workOrder = workOrder
        self.serial = serial
        self.reverses = reverses
        self.carrier = carrier
    }

    /// The value this entry moves (quantity × unit cost), in minor units.
    public var value: Int { quantity * unitCost }
}
