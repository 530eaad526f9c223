/// The customer a work order is for. VIP customers have their orders bumped one priority level.
public struct Customer: Hashable, Sendable, Codable {
    public var id: CustomerID
    public var name: String
    public var vip: Bool

    public init(id: CustomerID, name: String, vip: Bool = false) {
        self.id = id
        self.name = name
        self.vip = vip
    }
}
