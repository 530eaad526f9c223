import FieldOpsModel

/// A site outside the technician's territories (when they have any) costs `weights.outOfTerritory`.
enum TerritoryObjective {
    @inline(__always)
    static func cost(order: Int, technician: Int, model: SchedulingModel) -> Int {
        guard let territory = model.orders[order].territory, !model.problem.technicians[technician].territories.isEmpty else { return 0 }
        return model.problem.technicians[technician].territories.contains(territory) ? 0 : model.costs.weights.outOfTerritory
    }

    static let why = "outside their territories"
}
