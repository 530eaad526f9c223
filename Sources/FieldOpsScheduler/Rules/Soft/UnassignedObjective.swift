import FieldOpsModel

/// The medium level: an order left out costs `weights.unassigned` of its (effective) priority.
enum UnassignedObjective {
    static func cost(order: Int, model: SchedulingModel) -> Int {
        model.costs.weights.unassigned[model.orders[order].priority]
    }
}
