import FieldOpsModel

/// What one location holds of one part, kept in the same transaction as the entries that change it.
public struct StockBalance: Hashable, Sendable, Codable {
    public var partId: PartID
    public var location: LocationID
    public var onHand: Int
    /// Held for work orders; `available = onHand − reserved`.
    public var reserved: Int

    public init(partId: PartID, location: LocationID, onHand: Int = 0, reserved: Int = 0) {
        self.partId = partId
        self.location = location
        self.onHand = onHand
        self.reserved = reserved
    }

    public var available: Int { onHand - reserved }
}

/// Stock held at a location for one work order.
public struct Reservation: Hashable, Sendable, Codable {
    public var workOrder: WorkOrderNumber
    public var partId: PartID
    public var location: LocationID
    public var quantity: Int

    public init(workOrder: WorkOrderNumber, partId: PartID, location: LocationID, quantity: Int) {
        self.workOrder = workOrder
        self.partId = partId
        self.location = location
        self.quantity = quantity
    }
}

/// A van that went below zero of a part because of consumption reported from the field: the stock controller
/// must count it. One open discrepancy per (van, part) at most; a count adjustment closes it.
public struct Discrepancy: Hashable, Sendable, Codable {
    public var id: Int64
    public var location: LocationID
    public var partId: PartID
    /// The balance when it was raised.
    public var balance: Int
    public var raisedBy: Int64
    public var raisedAt: Instant
    public var closedBy: Int64?

    public init(id: Int64, location: LocationID, partId: PartID, balance: Int, raisedBy: Int64, raisedAt: Instant, closedBy: Int64? = nil) {
        self.id = id
        self.location = location
        self.partId = partId
        self.balance = balance
        self.raisedBy = raisedBy
        self.raisedAt = raisedAt
        self.closedBy = closedBy
    }

    public var isOpen: Bool { closedBy == nil }
}

/// The moving-average valuation of a part over all real locations: `value` in minor units for `quantity` units.
public struct PartValuation: Hashable, Sendable, Codable {
    public var partId: PartID
    public var quantity: Int
    public var value: Int
    /// Minor units per unit; kept when the quantity is zero or below, so later issues have a cost.
    public var averageCost: Int

    public init(partId: PartID, quantity: Int = 0, value: Int = 0, averageCost: Int) {
        self.partId = partId
        self.quantity = quantity
        self.value = value
        self.averageCost = averageCost
    }
}
