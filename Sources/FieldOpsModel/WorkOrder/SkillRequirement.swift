/// A skill a work order needs, at a minimum level from 1 (trainee) to 5 (expert).
public struct SkillRequirement: Hashable, Sendable, Codable {
    public var skill: SkillName
    public var minLevel: Int

    public init(skill: SkillName, minLevel: Int) {
        self.skill = skill
        self.minLevel = minLevel
    }

    public static let levels = 1...5
}
