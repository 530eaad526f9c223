import FieldOpsModel

/// When a location's available stock of a part falls to `point` or below, order `quantity` more.
public struct ReorderPoint: Hashable, Sendable, Codable {
    public var partId: PartID
    public var location: LocationID
    public var point: Int
    public var quantity: Int

    public init(partId: PartID, location: LocationID, point: Int, quantity: Int) {
        self.partId = partId
        self.location = location
        self.point = point
        self.quantity = quantity
    }
}
