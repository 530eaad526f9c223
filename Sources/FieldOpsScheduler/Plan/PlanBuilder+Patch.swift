import FieldOpsModel

extension PlanBuilder {
    /// Brings `plan` up to date with `solution`, in place, when only the days in `earlierVisits` changed (it gives
    /// the orders each held before, model indices, with their starts): only those days are planned again, everything else is kept as it is,
    /// so that the time grows with the days changed, not with the plan (an emergency insertion). `explain` lists
    /// the orders (model indices) whose explanation or reason is worked out again; the others keep theirs.
    /// `reasons` replace worked-out reasons of orders left out (a bumped order's).
    func patch(
        _ plan: inout Plan, routeIndex: [Int: Int], earlierVisits: [Int: [(order: Int, start: Int)]], after solution: Solution,
        explain: Set<Int>,
        reasons: [Int: String]
    ) {
        plan.score = solution.score
        var changed = explain
        var kept: [WorkOrderNumber: AssignmentExplanation] = [:]
        for (slot, visits) in earlierVisits {
            changed.formUnion(visits.map(\.order))
            guard let index = routeIndex[slot] else { continue }
            let technician = plan.routes[index].technicianId
            for visit in visits {
                // Found by its sort key in O(log n), not by a walk through the plan.
                let number = model.problem.orders[model.plannable[visit.order]].number
                let key = (model.instant(visit.start), technician, number)
                let position = plan.assignments.partitioningIndex { ($0.start, $0.technicianId, $0.workOrder) >= key }
                guard position < plan.assignments.count, plan.assignments[position].workOrder == number else { continue }
                kept[number] = plan.assignments[position].explanation
                plan.assignments.remove(at: position)
            }
        }
        for slot in earlierVisits.keys.sorted() {
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
