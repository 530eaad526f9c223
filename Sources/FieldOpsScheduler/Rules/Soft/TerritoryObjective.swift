import FieldOpsModel

/// A site outside the technician's territories (when they have any) costs `weights.outOfTerritory`.
enum TerritoryObjective {
    @inline(__always)
    static func cost(order: Int, technician: Int, model: SchedulingModel) -> Int {
        guard let territory = model.orders[order].territory, model.traits.hasTerritories[technician] else { return 0 }
        return model.traits.covers(technician, territory) ? 0 : model.costs.weights.outOfTerritory
    }

    static let why = "outside their territories"
}
