import FieldOpsModel

/// The hard rules a problem is planned under, built once with the model: per-technician rules and per-day rules
/// in the order the first breach is reported, and the day totals the problem limits. A day total no technician
/// limits is not in the list, so it costs nothing on the search's hot path. The time rules (windows, locked
/// starts, shift end, break) are the route's time model itself (`TimeSegment`): their files hold their day checks
/// and words, and `Route.drive` asks them about each visit.
///
/// Adding a rule: a file under Rules/ with its checks, one line here, its name and label in `HardRule`.
struct RuleSet: Sendable {
    static let technicianRules = TechnicianRules(SkillRule(), ExcludedTechnicianRule(), RequiredTechnicianRule(), LockedTechnicianRule())

    static let dayRules = DayRules(WorkingDayRule(), ShiftRule(), TimeWindowRule(), MaxWorkingMinutesRule())

    static func dayTotals(problem: Problem, orders: [OrderData], slots: [RouteSlot]) -> [DayTotalLimit] {
        [
            MaxJobsRule.limit(problem: problem, orders: orders, slots: slots),
            CapacityRule.limit(problem: problem, orders: orders, slots: slots),
        ].compactMap { $0 }
    }

    /// The day totals' rules, in lane order.
    let dayTotalRules: [HardRule]
    /// Per order, what it adds to each day total (a lane per total; 0 in unused lanes).
    let dayTotalAmounts: [DayTotals]
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

    /// The first per-technician rule that rules `technician` out for `order`, or nil.
    @inline(__always)
    static func ruleOut(order: WorkOrder, data: OrderData, technician: Technician, technicianIndex: Int) -> HardRule? {
        technicianRules.firstBreach(of: order, data: data, by: technician, index: technicianIndex)
    }

    /// Every rule a dispatcher's lock of `order` to `technician` overrides and breaks.
    static func lockBreaks(order: WorkOrder, data: OrderData, technician: Technician, technicianIndex: Int) -> [HardRule] {
        technicianRules.lockBreaks(of: order, data: data, by: technician, index: technicianIndex)
    }

    /// The first rule that rules out the working day `slot` for the order on its own (an empty route), or nil.
    @inline(__always)
    static func dayRuleOut(data: OrderData, slot: RouteSlot, travel: TravelTable) -> HardRule? {
        dayRules.firstBreach(of: data, in: slot, reach: DayReach(data: data, slot: slot, travel: travel))
    }
}

/// A day's running totals, one lane per `RuleSet.dayTotalRules`: a value, so that routes carry them without an
/// allocation per evaluation.
typealias DayTotals = SIMD4<Int>

/// Per-technician rules checked one after another: the list's types are known when it is compiled, so every
/// call is direct (no existential on the model's build, which checks every order against every technician).
struct TechnicianRules<each Rule: TechnicianRule>: Sendable {
    let rules: (repeat each Rule)

    init(_ rules: repeat each Rule) {
        self.rules = (repeat each rules)
    }

    func firstBreach(of order: WorkOrder, data: OrderData, by technician: Technician, index: Int) -> HardRule? {
        for rule in repeat each rules {
            if let breach = rule.breach(of: order, data: data, by: technician, index: index) { return breach }
        }
        return nil
    }

    func lockBreaks(of order: WorkOrder, data: OrderData, by technician: Technician, index: Int) -> [HardRule] {
        var broken: [HardRule] = []
        for rule in repeat each rules {
            guard rule.lockOverrides else { continue }
            for breach in rule.breaches(of: order, data: data, by: technician, index: index) where !broken.contains(breach) {
                broken.append(breach)
            }
        }
        return broken
    }
}

/// Per-day rules checked one after another, each call direct (see `TechnicianRules`).
struct DayRules<each Rule: DayRule>: Sendable {
    let rules: (repeat each Rule)

    init(_ rules: repeat each Rule) {
        self.rules = (repeat each rules)
    }

    func firstBreach(of data: OrderData, in slot: RouteSlot, reach: DayReach) -> HardRule? {
        for rule in repeat each rules {
            if let breach = rule.breach(of: data, in: slot, reach: reach) { return breach }
        }
        return nil
    }
}
