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

    public init(
        formatVersion: Int = Problem.currentFormatVersion, name: String, horizon: Horizon, skills: [SkillName],
        policy: Policy = Policy(), travel: TravelModel = .cityDefault, parts: [Part] = [],
        technicians: [Technician], orders: [WorkOrder]
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
    }
}
