import FieldOpsModel

/// Local search after construction: move single orders to a cheaper place (in their route or another one)
/// while that improves the plan, first improvement, until no order moves or time runs out.
struct RelocateDescent {
    let model: SchedulingModel
    var movesEvaluated = 0

    init(model: SchedulingModel) {
        self.model = model
    }

    /// Returns the number of moves applied.
    @discardableResult
    mutating func run(_ solution: inout Solution, until deadline: () -> Bool) -> Int {
        var applied = 0
        var improved = true
        while improved && !deadline() {
            improved = false
            for order in model.orders.indices where solution.slotOf[order] >= 0 && !model.orders[order].pinned {
                if deadline() { break }
                let from = solution.slotOf[order]
                let original = solution.routes[from]
                let before = solution.score
                solution.remove([order], model: model)
                let saving = original.cost.soft - solution.routes[from].cost.soft
                if let (slot, point) = solution.cheapestPlace(for: order, model: model, evaluated: &movesEvaluated), point.delta < saving {
                    let target = solution.routes[slot]
                    solution.insert(order, into: slot, at: point, model: model)
                    // The estimate may miss a break move; keep the move only if the plan really got better.
                    if solution.score > before {
                        applied += 1
                        improved = true
                        continue
                    }
                    solution.restore(target, model: model)
                }
                solution.restore(original, model: model)
            }
        }
        return applied
    }
}
