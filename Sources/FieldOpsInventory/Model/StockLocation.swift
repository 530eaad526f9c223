import FieldOpsModel

/// Where stock can be: a warehouse, a technician's van, or one of the virtual locations that stand for the world
/// outside (the supplier, customers' sites, defective returns, scrap, count differences).
public struct StockLocation: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case warehouse, van, supplier, consumed, defective, scrap, adjustment

        /// Physical stock the company holds and values; virtual locations balance the books.
        public var isReal: Bool { self == .warehouse || self == .van }
    }

    public var id: LocationID
    public var kind: Kind
    public var name: String
    /// The technician whose van this is.
    public var technicianId: TechnicianID?

    public init(id: LocationID, kind: Kind, name: String, technicianId: TechnicianID? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.technicianId = technicianId
    }

    /// The five virtual locations every stock book has.
    public static let supplier = StockLocation(id: "SUPPLIER", kind: .supplier, name: "Suppliers")
    public static let consumed = StockLocation(id: "CONSUMED", kind: .consumed, name: "Consumed at customer sites")
    public static let defective = StockLocation(id: "DEFECTIVE", kind: .defective, name: "Defective returns")
    public static let scrap = StockLocation(id: "SCRAP", kind: .scrap, name: "Scrap")
    public static let adjustment = StockLocation(id: "ADJUSTMENT", kind: .adjustment, name: "Count adjustments")
    public static let virtual: [StockLocation] = [supplier, consumed, defective, scrap, adjustment]
}
