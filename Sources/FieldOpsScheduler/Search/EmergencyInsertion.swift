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
        var touched: Set<Int> = []
        var bumped: WorkOrderNumber?
        if let best {
            solution.insert(newOrder, into: best.slot, at: best.point, model: model)
            touched = [best.slot]
        } else if let bump = bestBump(for: newOrder, in: solution, model: model) {
            // No free place: take out the least urgent order whose place lets the new one in (never a pinned one,
            // never one as urgent as the new order).
            solution.remove([bump.victim], model: model)
            solution.insert(newOrder, into: bump.slot, at: bump.point, model: model)
            touched = [bump.slot]
            bumped = model.problem.orders[model.plannable[bump.victim]].number
        }
        var builder = PlanBuilder(model: model, earlier: plan, explainOnly: Set([order.number] + (bumped.map { [$0] } ?? [])))
        builder.onlyRoutes = touched
        if let bumped {
            builder.reasons[bumped] = "bumped by emergency order \(order.number) (\(order.priority)), which had no other place"
        }
        let rebuilt = builder.plan(from: solution, summary: plan.solver)
        let outcome: Outcome
        if let assignment = rebuilt.assignments.first(where: { $0.workOrder == order.number }) {
            outcome = .placed(assignment, bumped: bumped)
        } else {
            outcome = .notPlaced(rebuilt.unassigned.first { $0.workOrder == order.number }!)
        }
        return (rebuilt, outcome)
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
