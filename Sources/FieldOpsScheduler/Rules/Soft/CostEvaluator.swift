import FieldOpsModel

/// The weights and the one formula for a technician-day's soft cost. `Route.drive` prices a whole day with it and
/// insertion prices a change as the day after minus the day before, so the two cannot disagree.
struct CostEvaluator: Sendable {
    let weights: ScoreWeights
    /// Whether any SLA lateness costs anything (not in the routing benchmarks): when not, insertion skips walking
    /// the visits it pushes back.
    let latenessMatters: Bool

    init(weights: ScoreWeights) {
        self.weights = weights
        let late = weights.slaLateMinute
        latenessMatters = [late.p1, late.p2, late.p3, late.p4].contains { $0 != 0 }
    }

    /// A day's soft cost from its parts: driving, SLA lateness and assignment costs of its visits (already
    /// weighted), overtime, and its length for the balance between technicians.
    @inline(__always)
    func daySoft(travelMinutes: Int, lateness: Int, assignment: Int, overtimeMinutes: Int, workingMinutes: Int) -> Int {
        TravelObjective.cost(minutes: travelMinutes, weights) + lateness + assignment
            + OvertimeObjective.cost(minutes: overtimeMinutes, weights) + BalanceObjective.cost(workingMinutes: workingMinutes, weights)
    }
}

extension SchedulingModel {
    /// The costs of giving `order` to `technician` that do not depend on when, added together.
    @inline(__always)
    func assignmentCost(order: Int, technician: Int) -> Int {
        PreferredTechnicianObjective.cost(order: order, technician: technician, model: self)
            + OverqualificationObjective.cost(order: order, technician: technician, model: self)
            + TerritoryObjective.cost(order: order, technician: technician, model: self)
            + PlanChangeObjective.cost(order: order, technician: technician, model: self)
    }

    /// The same costs one by one, for explanations.
    func assignmentParts(order: Int, technician: Int) -> AssignmentParts {
        AssignmentParts(
            preferredMiss: PreferredTechnicianObjective.cost(order: order, technician: technician, model: self),
            overqualification: OverqualificationObjective.cost(order: order, technician: technician, model: self),
            territory: TerritoryObjective.cost(order: order, technician: technician, model: self),
            planChange: PlanChangeObjective.cost(order: order, technician: technician, model: self))
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
