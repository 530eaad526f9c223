/// A stock location that is not a van: where vans are filled from.
public struct Warehouse: Hashable, Sendable, Codable {
    public var id: LocationID
    public var name: String

    public init(id: LocationID, name: String) {
        self.id = id
        self.name = name
    }
}

/// Stock on hand when the problem is imported: `quantity` of a part at a warehouse or a technician's van.
public struct StockLine: Hashable, Sendable, Codable {
    public var location: LocationID
    public var partId: PartID
    public var quantity: Int

    public init(location: LocationID, partId: PartID, quantity: Int) {
        self.location = location
        self.partId = partId
        self.quantity = quantity
    }
}
