import FieldOpsModel

/// Technicians' skill levels and territories as flat tables, skills and territories numbered by the model. The
/// soft costs read them for every visit of every route driven; reading `Technician` values there copied them
/// (retaining and releasing their arrays), a fifth of `Route.drive` in the profile of an emergency insertion.
struct TechnicianTraits: Sendable {
    private let skillNumber: [SkillName: Int]
    private let territoryNumber: [String: Int]
    /// Row per technician, column per skill number.
    private let levels: [Int]
    /// Row per technician, column per territory number.
    private let covered: [Bool]
    private let skillCount: Int
    private let territoryCount: Int
    /// Per technician: whether they have territories at all (without, every site is theirs).
    let hasTerritories: [Bool]

    init(problem: Problem) {
        var skills: [SkillName: Int] = [:]
        for skill in problem.skills + problem.technicians.flatMap({ $0.skills.map(\.skill) }) where skills[skill] == nil {
            skills[skill] = skills.count
        }
        var territories: [String: Int] = [:]
        for territory in problem.technicians.flatMap(\.territories) where territories[territory] == nil {
            territories[territory] = territories.count
        }
        skillNumber = skills
        territoryNumber = territories
        skillCount = skills.count
        territoryCount = territories.count
        var levels = [Int](repeating: 0, count: problem.technicians.count * skills.count)
        var covered = [Bool](repeating: false, count: problem.technicians.count * territories.count)
        for (t, technician) in problem.technicians.enumerated() {
            // Reversed: with a skill listed twice, the first entry counts, as in `Technician.level(in:)`.
            for skill in technician.skills.reversed() { levels[t * skills.count + skills[skill.skill]!] = skill.level }
            for territory in technician.territories { covered[t * territories.count + territories[territory]!] = true }
        }
        self.levels = levels
        self.covered = covered
        hasTerritories = problem.technicians.map { !$0.territories.isEmpty }
    }

    /// An order's skill requirements by skill number (-1 for a skill no technician has).
    func needs(of order: WorkOrder) -> [SkillNeed] {
        order.requiredSkills.map { SkillNeed(skill: skillNumber[$0.skill] ?? -1, minLevel: $0.minLevel) }
    }

    /// The number of the order's territory: nil when it has none, -1 when no technician covers it.
    func territory(of order: WorkOrder) -> Int? {
        order.site.territory.map { territoryNumber[$0] ?? -1 }
    }

    @inline(__always)
    func level(of technician: Int, in skill: Int) -> Int {
        skill < 0 ? 0 : levels[technician * skillCount + skill]
    }

    @inline(__always)
    func covers(_ technician: Int, _ territory: Int) -> Bool {
        territory >= 0 && covered[technician * territoryCount + territory]
    }
}

/// A skill an order needs, by the model's skill number.
struct SkillNeed: Sendable {
    let skill: Int
    let minLevel: Int
}
