extension SchedulingModel {
    /// SLA lateness of a visit starting at `start`: minutes after the first-response deadline plus minutes the
    /// work ends after the resolution deadline, weighted by the order's priority.
    @inline(__always)
    func latenessCost(order: Int, start: Int) -> Int {
        let data = orders[order]
        let late = max(0, start - data.responseDue) + max(0, start + data.duration - data.resolutionDue)
        return late == 0 ? 0 : late * weights.slaLateMinute[data.priority]
    }

    /// The costs of giving `order` to `technician` that do not depend on when: a preferred technician missed,
    /// skill levels above what the order needs, a site outside the technician's territories, a change from the
    /// published plan.
    func assignmentCost(order: Int, technician: Int) -> Int {
        let data = orders[order]
        var cost = 0
        if !data.preferred.isEmpty && !data.preferred.contains(technician) { cost += weights.preferredMiss }
        let workOrder = problem.orders[plannable[order]]
        let person = problem.technicians[technician]
        for requirement in workOrder.requiredSkills {
            cost += max(0, person.level(in: requirement.skill) - requirement.minLevel) * weights.overqualificationLevel
        }
        if let territory = data.territory, !person.territories.isEmpty, !person.territories.contains(territory) {
            cost += weights.outOfTerritory
        }
        if let previous = previousTechnician[order], previous != technician { cost += weights.planChange }
        return cost
    }

    /// Load balance: the square of a day's working minutes, scaled so that the last minute of an 8-hour day costs
    /// about two points. For a fixed amount of work the sum is smallest when days are equally long.
    @inline(__always)
    func imbalanceCost(workingMinutes: Int) -> Int {
        workingMinutes * workingMinutes * weights.imbalanceMinute / 480
    }

    /// Medium-level cost of leaving `order` unassigned.
    func unassignedCost(order: Int) -> Int {
        weights.unassigned[orders[order].priority]
    }
}
