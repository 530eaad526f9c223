/// Everything a dispatcher plans at once: who, what, under which rules, over which days.
public struct Problem: Hashable, Sendable, Codable {
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var name: String
    public var horizon: Horizon
    /// The skill catalog; technicians and orders may name only these.
    public var skills: [SkillName]
    public var policy: Policy
    public var travel: TravelModel
    public var parts: [Part]
    public var technicians: [Technician]
    public var orders: [WorkOrder]
    /// Stock locations other than vans, and the stock to start from (read by `fieldops import`).
    public var warehouses: [Warehouse]
    public var initialStock: [StockLine]

    public init(
        formatVersion: Int = Problem.currentFormatVersion, name: String, horizon: Horizon, skills: [SkillName],
        policy: Policy = Policy(), travel: TravelModel = .cityDefault, parts: [Part] = [],
        technicians: [Technician], orders: [WorkOrder], warehouses: [Warehouse] = [], initialStock: [StockLine] = []
    ) {
        self.formatVersion = formatVersion
        self.name = name
        self.horizon = horizon
        self.skills = skills
        self.policy = policy
        self.travel = travel
        self.parts = parts
        self.technicians = technicians
        self.orders = orders
        self.warehouses = warehouses
        self.initialStock = initialStock
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion, name, horizon, skills, policy, travel, parts, technicians, orders, warehouses, initialStock
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            formatVersion: try c.decode(Int.self, forKey: .formatVersion), name: try c.decode(String.self, forKey: .name),
            horizon: try c.decode(Horizon.self, forKey: .horizon), skills: try c.decode([SkillName].self, forKey: .skills),
            policy: try c.decode(Policy.self, forKey: .policy), travel: try c.decode(TravelModel.self, forKey: .travel),
            parts: try c.decodeIfPresent([Part].self, forKey: .parts) ?? [],
            technicians: try c.decode([Technician].self, forKey: .technicians), orders: try c.decode([WorkOrder].self, forKey: .orders),
            warehouses: try c.decodeIfPresent([Warehouse].self, forKey: .warehouses) ?? [],
            initialStock: try c.decodeIfPresent([StockLine].self, forKey: .initialStock) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(name, forKey: .name)
        try c.encode(horizon, forKey: .horizon)
        try c.encode(skills, forKey: .skills)
        try c.encode(policy, forKey: .policy)
        try c.encode(travel, forKey: .travel)
        try c.encode(parts, forKey: .parts)
        try c.encode(technicians, forKey: .technicians)
        try c.encode(orders, forKey: .orders)
        if !warehouses.isEmpty { try c.encode(warehouses, forKey: .warehouses) }
        if !initialStock.isEmpty { try c.encode(initialStock, forKey: .initialStock) }
    }
}
