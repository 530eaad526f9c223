/// A spare part in the catalog.
public struct Part: Hashable, Sendable, Codable, Identifiable {
    public var id: PartID
    public var name: String
    /// Unit of measure: `pcs`, `m`, `l`. Quantities are integers in this unit.
    public var unit: String
    /// Serialized parts are tracked one by one by serial number.
    public var serialized: Bool
    /// Standard cost of one unit, in minor units of the policy's currency (cents).
    public var standardCost: Int

    public init(id: PartID, name: String, unit: String = "pcs", serialized: Bool = false, standardCost: Int) {
        self.id = id
        self.name = name
        self.unit = unit
        self.serialized = serialized
        self.standardCost = standardCost
    }
}
