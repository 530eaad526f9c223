/// Why an order went where it did: what it costs there, who came second and why they lost, and which
/// technicians could not take it at all.
public struct AssignmentExplanation: Hashable, Sendable, Codable {
    public var contributions: ScoreContributions
    /// The best other technician, if any could take it in this plan.
    public var runnerUp: RunnerUp?
    /// Every other technician who could not take it, grouped by the first hard rule that rules them out.
    public var ruledOut: [RuledOut]
    /// The per-technician rules this technician breaks, kept because the dispatcher locked the order here (absent
    /// when none is broken).
    public var lockBreaks: [HardRule]?

    public init(contributions: ScoreContributions, runnerUp: RunnerUp?, ruledOut: [RuledOut], lockBreaks: [HardRule]?) {
        self.contributions = contributions
        self.runnerUp = runnerUp
        self.ruledOut = ruledOut
        self.lockBreaks = lockBreaks
    }
}

/// The soft cost an assignment adds to the plan, part by part.
public struct ScoreContributions: Hashable, Sendable, Codable {
    /// Extra driving minutes this visit causes in its route (detour), and their cost.
    public var detourMinutes: Int
    public var travelCost: Int
    /// Minutes late against the first-response and resolution deadlines, and their cost.
    public var responseLateMinutes: Int
    public var resolutionLateMinutes: Int
    public var slaCost: Int
    public var preferredMissCost: Int
    public var overqualificationCost: Int
    public var territoryCost: Int
    public var planChangeCost: Int
    /// What removing the visit would save on the route as a whole (travel, lateness, overtime, balance).
    public var marginalCost: Int

    public init(
        detourMinutes: Int, travelCost: Int, responseLateMinutes: Int, resolutionLateMinutes: Int, slaCost: Int,
        preferredMissCost: Int, overqualificationCost: Int, territoryCost: Int, planChangeCost: Int, marginalCost: Int
    ) {
        self.detourMinutes = detourMinutes
        self.travelCost = travelCost
        self.responseLateMinutes = responseLateMinutes
        self.resolutionLateMinutes = resolutionLateMinutes
        self.slaCost = slaCost
        self.preferredMissCost = preferredMissCost
        self.overqualificationCost = overqualificationCost
        self.territoryCost = territoryCost
        self.planChangeCost = planChangeCost
        self.marginalCost = marginalCost
    }
}

public struct RunnerUp: Hashable, Sendable, Codable {
    public var technicianId: TechnicianID
    public var date: LocalDate
    /// How much more the plan would cost with the order there instead (the order's cheapest place in that
    /// technician's day, against its marginal cost where it is).
    public var extraCost: Int
    /// For people: "12 more minutes of driving; not in territory".
    public var why: String

    public init(technicianId: TechnicianID, date: LocalDate, extraCost: Int, why: String) {
        self.technicianId = technicianId
        self.date = date
        self.extraCost = extraCost
        self.why = why
    }
}

public struct RuledOut: Hashable, Sendable, Codable {
    public var rule: HardRule
    public var technicianIds: [TechnicianID]

    public init(rule: HardRule, technicianIds: [TechnicianID]) {
        self.rule = rule
        self.technicianIds = technicianIds
    }
}
