import FieldOpsModel

/// Re-optimizing a published plan: an order given to another technician than the plan had, or left out when the
/// plan had it, costs `weights.planChange`.
enum PlanChangeObjective {
    @inline(__always)
    static func cost(order: Int, technician: Int, model: SchedulingModel) -> Int {
        model.previousTechnician[order].map { $0 != technician } == true ? model.costs.weights.planChange : 0
    }

    /// Without it, re-optimization could drop a promised visit for an equal one and call that no change.
    static func droppedCost(order: Int, model: SchedulingModel) -> Int {
        model.previousTechnician[order] == nil ? 0 : model.costs.weights.planChange
    }
}
