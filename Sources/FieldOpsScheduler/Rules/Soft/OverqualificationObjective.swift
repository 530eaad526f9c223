import FieldOpsModel

/// Each skill level a technician has above what the order needs costs `weights.overqualificationLevel`: experts
/// stay free for the work only they can do.
enum OverqualificationObjective {
    @inline(__always)
    static func cost(order: Int, technician: Int, model: SchedulingModel) -> Int {
        let weight = model.costs.weights.overqualificationLevel
        guard weight != 0 else { return 0 }
        // Fields read in place: copying the order or the technician would retain and release their arrays for
        // every visit of every route driven.
        var levels = 0
        for requirement in model.problem.orders[model.plannable[order]].requiredSkills {
            levels += max(0, model.problem.technicians[technician].level(in: requirement.skill) - requirement.minLevel)
        }
        return levels * weight
    }

    static let why = "more qualified than the job needs"
}
