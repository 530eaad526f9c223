/// A skill a technician has, at a level from 1 (trainee) to 5 (expert).
public struct SkillLevel: Hashable, Sendable, Codable {
    public var skill: SkillName
    public var level: Int

    public init(skill: SkillName, level: Int) {
        self.skill = skill
        self.level = level
    }
}
