import FieldOpsModel

/// A movement someone asks the ledger to record.
public enum StockMovement: Hashable, Sendable {
    case receive(part: PartID, to: LocationID, quantity: Int, unitCost: Int, serial: String?)
    case transfer(part: PartID, from: LocationID, to: LocationID, quantity: Int, serial: String?)
    case consume(part: PartID, van: LocationID, quantity: Int, workOrder: WorkOrderNumber, serial: String?)
    case returnDefective(part: PartID, van: LocationID, quantity: Int, workOrder: WorkOrderNumber, serial: String?)
    case scrap(part: PartID, from: LocationID, quantity: Int, serial: String?)
    /// Brings `location`'s book quantity to `counted`.
    case adjust(part: PartID, location: LocationID, counted: Int)
    case reverse(entry: Int64)
}

/// Who records a movement, when, and under which idempotency key.
public struct PostingContext: Hashable, Sendable {
    public var idempotencyKey: String
    public var actor: String
    public var source: ChangeSource
    public var time: Instant
    /// A consumption or defective return reported from the field is a physical fact: a serialized part without a
    /// serial, or with one the books place elsewhere, is still recorded (`PostingResult.serialUnknown`) for the
    /// stock controller to resolve, instead of being refused.
    public var acceptsUnknownSerial: Bool

    public init(idempotencyKey: String, actor: String, source: ChangeSource, time: Instant, acceptsUnknownSerial: Bool = false) {
        self.idempotencyKey = idempotencyKey
        self.actor = actor
        self.source = source
        self.time = time
        self.acceptsUnknownSerial = acceptsUnknownSerial
    }
}

/// What posting did: the entry, whether it was already there (same key), and a discrepancy raised by it.
public struct PostingResult: Hashable, Sendable {
    public var entry: LedgerEntry
    public var duplicate: Bool
    public var raisedDiscrepancy: Discrepancy?
    /// The movement was recorded although its serial was missing or not where the books had it; the serial's
    /// location was left alone.
    public var serialUnknown: Bool = false
}
