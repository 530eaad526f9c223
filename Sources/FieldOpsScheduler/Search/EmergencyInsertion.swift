import FieldOpsModel

/// Puts one new order into a published plan at its best feasible place, disturbing the rest as little as
/// possible: no other order changes technician, and among equally good places the one that delays the fewest
/// later visits wins. No re-solve.
public enum EmergencyInsertion {
    public enum Outcome: Sendable, Equatable {
        /// Placed; `bumped` names the less urgent order it displaced when there was no free place.
        case placed(Assignment, bumped: WorkOrderNumber?)
        case notPlaced(UnassignedOrder)
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// One insertion into a plan read from a file; a plan kept in memory for several emergencies is `Prepared`
    /// once instead.
    public static func insert(_ order: WorkOrder, into plan: Plan) throws(Failure) -> (plan: Plan, outcome: Outcome) {
        var prepared = Prepared(plan)
        let outcome = try prepared.insert(order)
        return (prepared.plan, outcome)
    }

    /// The free place that costs least, ties to the one that moves the fewest later visits.
    static func bestPlace(for order: Int, in solution: Solution, model: SchedulingModel) -> (slot: Int, point: InsertionPoint)? {
        var best: (key: (Int, Int), slot: Int, point: InsertionPoint)?
        for slot in model.candidates[order] {
            let route = solution.routes[slot]
            guard let point = route.bestInsertion(of: order, model: model) else { continue }
            // Disruption: later visits of that route whose start moves.
            var trial = route
            trial.insert(Visit(order: order, window: point.window), at: point.position, model: model)
            var moved = 0
            for k in point.position..<route.visits.count where !route.visits[k].isBreak {
                if let after = trial.visits.firstIndex(of: route.visits[k]), trial.starts[after] != route.starts[k] { moved += 1 }
            }
            let key = (trial.cost.soft - route.cost.soft, moved)
            if best == nil || key < best!.key { best = (key, slot, point) }
        }
        return best.map { ($0.slot, $0.point) }
    }

    struct Bump {
        var victim: Int
        var slot: Int
        var point: InsertionPoint
        var cost: Int
    }

    /// The cheapest way to make room: over the new order's candidate days, take out one unpinned visit of lower
    /// priority and insert the new order; cost is the victim's unassigned weight plus the insertion's.
    static func bestBump(for order: Int, in solution: Solution, model: SchedulingModel) -> Bump? {
        let priority = model.orders[order].priority
        var best: Bump?
        for slot in model.candidates[order] {
            let route = solution.routes[slot]
            for visit in route.visits where !visit.isBreak {
                let victim = model.orders[visit.order]
                guard !victim.pinned, victim.priority > priority else { continue }
                var trial = route
                trial.replaceVisits(route.visits.filter { $0.order != visit.order }, model: model)
                guard let point = trial.bestInsertion(of: order, model: model) else { continue }
                let cost = UnassignedObjective.cost(order: visit.order, model: model) + (trial.cost.soft - route.cost.soft) + point.delta
                if best == nil || cost < best!.cost { best = Bump(victim: visit.order, slot: slot, point: point, cost: cost) }
            }
        }
        return best
    }
}
