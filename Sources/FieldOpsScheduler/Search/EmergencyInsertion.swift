import FieldOpsModel

/// Puts one new order into a published plan at its best feasible place, disturbing the rest as little as
/// possible: no other order changes technician, and among equally good places the one that delays the fewest
/// later visits wins. No re-solve.
public enum EmergencyInsertion {
    public enum Outcome: Sendable, Equatable {
        case placed(Assignment)
        case notPlaced(UnassignedOrder)
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func insert(_ order: WorkOrder, into plan: Plan) throws(Failure) -> (plan: Plan, outcome: Outcome) {
        var problem = plan.problem
        if problem.orders.contains(where: { $0.number == order.number }) {
            throw Failure(description: "work order \(order.number) is already in the plan's problem")
        }
        // Check the new order against the problem's catalogs and technicians only; the rest was checked before.
        var alone = problem
        alone.orders = [order]
        alone.travel = .cityDefault
        let issues = ProblemValidator.issues(in: alone).filter { $0.severity == .error && $0.path.hasPrefix("orders[0]") }
        if !issues.isEmpty {
            throw Failure(description: issues.map { "order" + $0.path.dropFirst("orders[0]".count) + ": " + $0.message }.joined(separator: "\n"))
        }
        problem.orders.append(order)
        let model = SchedulingModel(problem: problem, neighbors: false, candidatesOnlyFor: [order.number])
        var solution = Solution(model: model, warmStart: model.plannedVisits(of: plan))
        let newOrder = model.orders.count - 1
        var best: (key: (Int, Int), slot: Int, point: InsertionPoint)?
        for slot in model.candidates[newOrder] {
            guard let point = solution.routes[slot].bestInsertion(of: newOrder, model: model) else { continue }
            // Disruption: later visits of that route whose start moves.
            let route = solution.routes[slot]
            var trial = route
            trial.insert(Visit(order: newOrder, window: point.window), at: point.position, model: model)
            var moved = 0
            for (k, visit) in route.visits.enumerated() where !visit.isBreak {
                if let after = trial.visits.firstIndex(of: visit), trial.starts[after] != route.starts[k] { moved += 1 }
            }
            let key = (trial.cost.soft - route.cost.soft, moved)
            if best == nil || key < best!.key { best = (key, slot, point) }
        }
        if let best {
            solution.insert(newOrder, into: best.slot, at: best.point, model: model)
        }
        var builder = PlanBuilder(model: model, earlier: plan, explainOnly: [order.number])
        builder.onlyRoutes = best.map { [$0.slot] }
        let rebuilt = builder.plan(from: solution, summary: plan.solver)
        let outcome: Outcome
        if let assignment = rebuilt.assignments.first(where: { $0.workOrder == order.number }) {
            outcome = .placed(assignment)
        } else {
            outcome = .notPlaced(rebuilt.unassigned.first { $0.workOrder == order.number }!)
        }
        return (rebuilt, outcome)
    }
}
