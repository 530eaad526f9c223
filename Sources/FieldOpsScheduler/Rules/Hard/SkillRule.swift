import FieldOpsModel

/// The technician has every skill the order requires, at the level it requires (`skill`, `skillLevel`).
struct SkillRule: TechnicianRule {
    func breach(of order: WorkOrder, data: OrderData, by technician: Technician, index: Int) -> HardRule? {
        for requirement in order.requiredSkills {
            let level = technician.level(in: requirement.skill)
            if level == 0 { return .skill }
            if level < requirement.minLevel { return .skillLevel }
        }
        return nil
    }

    func breaches(of order: WorkOrder, data: OrderData, by technician: Technician, index: Int) -> [HardRule] {
        var broken: [HardRule] = []
        for requirement in order.requiredSkills {
            let level = technician.level(in: requirement.skill)
            let rule: HardRule? = level == 0 ? .skill : (level < requirement.minLevel ? .skillLevel : nil)
            if let rule, !broken.contains(rule) { broken.append(rule) }
        }
        return broken
    }
}
