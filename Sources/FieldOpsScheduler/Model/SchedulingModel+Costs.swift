import FieldOpsModel

extension SchedulingModel {
    /// SLA lateness of a visit starting at `start`: minutes after the first-response deadline plus minutes the
    /// work ends after the resolution deadline, weighted by the order's priority.
    @inline(__always)
    func latenessCost(order: Int, start: Int) -> Int {
        // Fields read one by one: copying the whole order would retain and release its arrays on the hot path.
        let late = max(0, start - orders[order].responseDue) + max(0, start + orders[order].duration - orders[order].resolutionDue)
        return late == 0 ? 0 : late * weights.slaLateMinute[orders[order].priority]
    }

    /// What leaving `order` out costs on the soft level: a change from the published plan when that plan had it
    /// (without it, re-optimization could drop a promised visit for an equal one and call that no change).
    func droppedCost(order: Int) -> Int {
        previousTechnician[order] == nil ? 0 : weights.planChange
    }

    /// The costs of giving `order` to `technician` that do not depend on when: a preferred technician missed,
    /// skill levels above what the order needs, a site outside the technician's territories, a change from the
    /// published plan.
    func assignmentCost(order: Int, technician: Int) -> Int {
        assignmentParts(order: order, technician: technician).total
    }

    /// The same costs one by one, for explanations.
    func assignmentParts(order: Int, technician: Int) -> AssignmentParts {
        // Fields read in place: copying the order or the technician would retain and release their arrays for
        // every visit of every route driven.
        var overqualification = 0
        if weights.overqualificationLevel != 0 {
            for requirement in problem.orders[plannable[order]].requiredSkills {
                overqualification += max(0, problem.technicians[technician].level(in: requirement.skill) - requirement.minLevel)
                    * weights.overqualificationLevel
            }
        }
        var outside = false
        if let territory = orders[order].territory, !problem.technicians[technician].territories.isEmpty {
            outside = !problem.technicians[technician].territories.contains(territory)
        }
        let preferred = orders[order].preferred
        return AssignmentParts(
            preferredMiss: !preferred.isEmpty && !preferred.contains(technician) ? weights.preferredMiss : 0,
            overqualification: overqualification, territory: outside ? weights.outOfTerritory : 0,
            planChange: previousTechnician[order].map { $0 != technician } == true ? weights.planChange : 0)
    }

    /// Extra driving minutes for `order` between the visits before `position` and those from `position` on
    /// (breaks have no place of their own).
    func detourMinutes(order: Int, in visits: ArraySlice<Visit>, at position: Int, home: Int) -> Int {
        let previous = visits[..<position].last { !$0.isBreak }.map { orders[$0.order].location } ?? home
        let next = visits[position...].first { !$0.isBreak }.map { orders[$0.order].location } ?? home
        let here = orders[order].location
        return travel.minutes(previous, here) + travel.minutes(here, next) - travel.minutes(previous, next)
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

/// The time-independent costs of one assignment, one by one, so explanations can name them.
struct AssignmentParts {
    var preferredMiss: Int
    var overqualification: Int
    var territory: Int
    var planChange: Int

    var total: Int { preferredMiss + overqualification + territory + planChange }
}
