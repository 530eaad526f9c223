import FieldOpsModel

/// An order with preferred technicians given to another costs `weights.preferredMiss`.
enum PreferredTechnicianObjective {
    @inline(__always)
    static func cost(order: Int, technician: Int, model: SchedulingModel) -> Int {
        !model.orders[order].preferred.isEmpty && !model.orders[order].preferred.contains(technician) ? model.costs.weights.preferredMiss : 0
    }

    static let why = "not a preferred technician"
}
