import FieldOpsModel

/// The hard rules a problem is planned under, built once with the model: per-technician rules and per-day rules
/// in the order the first breach is reported, and the day totals the problem limits. A day total no technician
/// limits is not in the list, so it costs nothing on the search's hot path. The time rules (windows, locked
/// starts, shift end, break) are the route's time model itself (`TimeSegment`): their files hold their day checks
/// and words, and `Route.drive` asks them about each visit.
///
/// Adding a rule: a file under Rules/ with its checks, a line here (in `ruleOut` and `lockBreaks` for a
/// per-technician rule, `dayRuleOut` for a per-day one, `dayTotals` for a day total), its name and label in
/// `HardRule`.
struct RuleSet: Sendable {
    static func dayTotals(problem: Problem, orders: [OrderData], slots: [RouteSlot]) -> [DayTotalLimit] {
        [
            MaxJobsRule.limit(problem: problem, orders: orders, slots: slots),
            CapacityRule.limit(problem: problem, orders: orders, slots: slots),
        ].compactMap { $0 }
    }

    /// The day totals' rules, in lane order.
    let dayTotalRules: [HardRule]
    /// Per order, what it adds to each day total (a lane per total; 0 in unused lanes).
    private(set) var dayTotalAmounts: [DayTotals]
    /// Per slot, each total's limit (`Int.max` in unused lanes).
    let dayTotalLimits: [DayTotals]

    init(problem: Problem, orders: [OrderData], slots: [RouteSlot]) {
        let totals = Self.dayTotals(problem: problem, orders: orders, slots: slots)
        precondition(totals.count <= DayTotals.scalarCount, "at most \(DayTotals.scalarCount) day totals")
        dayTotalRules = totals.map(\.rule)
        dayTotalAmounts = totals.isEmpty ? [] : orders.indices.map { order in
            var lanes = DayTotals.zero
            for (lane, total) in totals.enumerated() { lanes[lane] = total.amount[order] }
            return lanes
        }
        dayTotalLimits = slots.indices.map { slot in
            var lanes = DayTotals(repeating: Int.max)
            for (lane, total) in totals.enumerated() { lanes[lane] = total.limit[slot] }
            return lanes
        }
    }

    var hasDayTotals: Bool { !dayTotalRules.isEmpty }

    /// Counts one more order (appended to the model's orders) in the day totals.
    mutating func append(_ order: OrderData, problem: Problem, slots: [RouteSlot]) {
        guard hasDayTotals else { return }
        var lanes = DayTotals.zero
        for (lane, total) in Self.dayTotals(problem: problem, orders: [order], slots: slots).enumerated() { lanes[lane] = total.amount[0] }
        dayTotalAmounts.append(lanes)
    }

    /// The first per-technician rule that rules `technician` out for `order`, or nil: the rules in the order their
    /// breach is reported, one line each. Concrete calls, not a list of existentials: the model's build checks
    /// every order against every technician (a list through protocols cost 13% of the build, measured).
    @inline(__always)
    static func ruleOut(order: WorkOrder, data: OrderData, technician: Technician, technicianIndex: Int) -> HardRule? {
        SkillRule().breach(of: order, data: data, by: technician, index: technicianIndex)
            ?? ExcludedTechnicianRule().breach(of: order, data: data, by: technician, index: technicianIndex)
            ?? RequiredTechnicianRule().breach(of: order, data: data, by: technician, index: technicianIndex)
            ?? LockedTechnicianRule().breach(of: order, data: data, by: technician, index: technicianIndex)
    }

    /// Every rule a dispatcher's lock of `order` to `technician` overrides and breaks (locked orders only, so a
    /// list through the protocol is fine here).
    static func lockBreaks(order: WorkOrder, data: OrderData, technician: Technician, technicianIndex: Int) -> [HardRule] {
        let rules: [any TechnicianRule] = [SkillRule(), ExcludedTechnicianRule(), RequiredTechnicianRule(), LockedTechnicianRule()]
        var broken: [HardRule] = []
        for rule in rules where rule.lockOverrides {
            for breach in rule.breaches(of: order, data: data, by: technician, index: technicianIndex) where !broken.contains(breach) {
                broken.append(breach)
            }
        }
        return broken
    }

    /// The first rule that rules out the working day `slot` for the order on its own (an empty route), or nil.
    @inline(__always)
    static func dayRuleOut(data: OrderData, slot: RouteSlot, travel: TravelTable) -> HardRule? {
        let reach = DayReach(data: data, slot: slot, travel: travel)
        if let breach = WorkingDayRule().breach(of: data, in: slot, reach: reach) { return breach }
        if let breach = ShiftRule().breach(of: data, in: slot, reach: reach) { return breach }
        if let breach = TimeWindowRule().breach(of: data, in: slot, reach: reach) { return breach }
        return MaxWorkingMinutesRule().breach(of: data, in: slot, reach: reach)
    }
}

/// A day's running totals, one lane per `RuleSet.dayTotalRules`: a value, so that routes carry them without an
/// allocation per evaluation.
typealias DayTotals = SIMD4<Int>
