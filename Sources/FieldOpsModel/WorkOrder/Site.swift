/// Where the work is done.
public struct Site: Hashable, Sendable, Codable {
    public var location: GeoPoint
    public var address: String
    /// The territory the site lies in, matched against technicians' territories.
    public var territory: String?

    public init(location: GeoPoint, address: String, territory: String? = nil) {
        self.location = location
        self.address = address
        self.territory = territory
    }
}
