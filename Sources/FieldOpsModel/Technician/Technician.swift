/// A field engineer who can be sent to sites.
public struct Technician: Hashable, Sendable, Codable, Identifiable {
    public var id: TechnicianID
    public var name: String
    public var skills: [SkillLevel]
    /// Where the technician starts and ends each day.
    public var homeBase: GeoPoint
    /// Working time, one entry per working day of the horizon.
    public var shifts: [Shift]
    /// The stock location of the technician's van.
    public var van: LocationID
    public var limits: TechnicianLimits
    public var territories: [String]

    public init(
        id: TechnicianID, name: String, skills: [SkillLevel], homeBase: GeoPoint, shifts: [Shift], van: LocationID,
        limits: TechnicianLimits = TechnicianLimits(), territories: [String] = []
    ) {
        self.id = id
        self.name = name
        self.skills = skills
        self.homeBase = homeBase
        self.shifts = shifts
        self.van = van
        self.limits = limits
        self.territories = territories
    }

    /// The technician's level in `skill`, 0 when they do not have it.
    public func level(in skill: SkillName) -> Int {
        skills.first { $0.skill == skill }?.level ?? 0
    }

    public func meets(_ requirement: SkillRequirement) -> Bool {
        level(in: requirement.skill) >= requirement.minLevel
    }
}
