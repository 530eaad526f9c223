/// A quantity of one part, in the part's unit of measure (integer: pieces, or the smallest unit sold).
public struct PartQuantity: Hashable, Sendable, Codable {
    public var partId: PartID
    public var quantity: Int

    public init(partId: PartID, quantity: Int) {
        self.partId = partId
        self.quantity = quantity
    }
}
