import FieldOpsModel

/// The hard rules a problem is planned under, built once with the model: per-technician rules and per-day rules
/// in the order the first breach is reported, and the day totals the problem limits. A day total no technician
/// limits is not in the list, so it costs nothing on the search's hot path. The time rules (windows, locked
/// starts, shift end, break) are the route's time model itself (`TimeSegment`): their files hold their day checks
/// and words, and `Route.drive` asks them about each visit.
///
/// Adding a rule: a file under Rules/ with its checks, one line here, its name and label in `HardRule`.
struct RuleSet: Sendable {
    let technicianRules: [any TechnicianRule]
    let dayRules: [any DayRule]
    let dayTotals: [DayTotalLimit]

    static let technicianRules: [any TechnicianRule] = [
        SkillRule(), ExcludedTechnicianRule(), RequiredTechnicianRule(), LockedTechnicianRule(),
    ]

    static let dayRules: [any DayRule] = [WorkingDayRule(), ShiftRule(), TimeWindowRule(), MaxWorkingMinutesRule()]

    static func dayTotals(problem: Problem, orders: [OrderData], slots: [RouteSlot]) -> [DayTotalLimit] {
        [
            MaxJobsRule.limit(problem: problem, orders: orders, slots: slots),
            CapacityRule.limit(problem: problem, orders: orders, slots: slots),
        ].compactMap { $0 }
    }

    init(problem: Problem, orders: [OrderData], slots: [RouteSlot]) {
        technicianRules = Self.technicianRules
        dayRules = Self.dayRules
        dayTotals = Self.dayTotals(problem: problem, orders: orders, slots: slots)
    }

    /// The first per-technician rule that rules `technician` out for `order`, or nil.
    static func ruleOut(order: WorkOrder, data: OrderData, technician: Technician, technicianIndex: Int) -> HardRule? {
        for rule in technicianRules {
            if let breach = rule.breach(of: order, data: data, by: technician, index: technicianIndex) { return breach }
        }
        return nil
    }

    /// Every rule a dispatcher's lock of `order` to `technician` overrides and breaks.
    static func lockBreaks(order: WorkOrder, data: OrderData, technician: Technician, technicianIndex: Int) -> [HardRule] {
        var broken: [HardRule] = []
        for rule in technicianRules where rule.lockOverrides {
            for breach in rule.breaches(of: order, data: data, by: technician, index: technicianIndex) where !broken.contains(breach) {
                broken.append(breach)
            }
        }
        return broken
    }

    /// The first rule that rules out the working day `slot` for the order on its own (an empty route), or nil.
    static func dayRuleOut(data: OrderData, slot: RouteSlot, travel: TravelTable) -> HardRule? {
        let reach = DayReach(data: data, slot: slot, travel: travel)
        for rule in dayRules {
            if let breach = rule.breach(of: data, in: slot, reach: reach) { return breach }
        }
        return nil
    }
}
