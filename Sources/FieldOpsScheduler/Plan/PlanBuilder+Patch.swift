import FieldOpsModel

extension PlanBuilder {
    /// `earlier` with the days in `touched` planned again from `solution` and everything else kept as it is: the
    /// plan an emergency insertion makes, in time that grows with the days it changes, not with the plan.
    /// `before` is the solution `earlier` was built from; `explain` lists the orders (model indices) whose
    /// explanation or reason is worked out again; the others keep theirs. `reasons` replace worked-out reasons of
    /// orders left out (a bumped order's).
    func patch(
        _ earlier: Plan, routeIndex: [Int: Int], before: Solution, after solution: Solution, touched: [Int], explain: Set<Int>,
        reasons: [Int: String]
    ) -> Plan {
        var plan = earlier
        plan.problem = model.problem
        plan.score = solution.score
        var changed = explain
        var kept: [WorkOrderNumber: AssignmentExplanation] = [:]
        var dropped = Set<WorkOrderNumber>()
        for slot in touched {
            for visit in before.routes[slot].visits where !visit.isBreak { changed.insert(visit.order) }
            guard let index = routeIndex[slot] else { continue }
            dropped.formUnion(plan.routes[index].workOrders)
        }
        for assignment in plan.assignments where dropped.contains(assignment.workOrder) {
            kept[assignment.workOrder] = assignment.explanation
        }
        plan.assignments.removeAll { dropped.contains($0.workOrder) }
        for slot in touched {
            let route = solution.routes[slot]
            let (planned, assignments) = plannedRoute(route) { order in
                let number = model.problem.orders[model.plannable[order]].number
                if !explain.contains(order), let explanation = kept[number] { return explanation }
                return self.explain(order: order, in: route, solution: solution)
            }
            if let index = routeIndex[slot] { plan.routes[index] = planned }
            for assignment in assignments {
                plan.assignments.insert(assignment, at: plan.assignments.partitioningIndex { Self.inPlanOrder(assignment, $0) })
            }
        }
        // Only orders that were on a changed day, or are explained again, can have come in or gone out.
        let numbers = Set(changed.map { model.problem.orders[model.plannable[$0]].number })
        plan.unassigned.removeAll { numbers.contains($0.workOrder) }
        for order in changed.sorted() where solution.slotOf[order] < 0 {
            var unassigned = unassignedOrder(order, solution: solution)
            if let reason = reasons[order] { unassigned.reason = reason }
            plan.unassigned.insert(unassigned, at: plan.unassigned.partitioningIndex { Self.inPlanOrder(unassigned, $0) })
        }
        return plan
    }
}

extension Array {
    /// The first index whose element satisfies `belongsAfter`, for a predicate that is false and then true along
    /// the array (the place to insert into a sorted array): binary search.
    func partitioningIndex(where belongsAfter: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
