import FieldOpsModel

/// Each skill level a technician has above what the order needs costs `weights.overqualificationLevel`: experts
/// stay free for the work only they can do.
enum OverqualificationObjective {
    @inline(__always)
    static func cost(order: Int, technician: Int, model: SchedulingModel) -> Int {
        let weight = model.costs.weights.overqualificationLevel
        guard weight != 0 else { return 0 }
        // The model's tables, not the order and technician values: copying those would retain and release their
        // arrays for every visit of every route driven.
        var levels = 0
        for need in model.orders[order].needs {
            levels += max(0, model.traits.level(of: technician, in: need.skill) - need.minLevel)
        }
        return levels * weight
    }

    static let why = "more qualified than the job needs"
}
