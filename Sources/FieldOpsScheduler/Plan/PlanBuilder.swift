import FieldOpsModel

/// Turns the solver's solution into a `Plan`: times as instants, routes per technician-day, and the explanation
/// of every decision.
struct PlanBuilder {
    let model: SchedulingModel

    func plan(from solution: Solution, summary: SolverSummary) -> Plan {
        var routes: [PlannedRoute] = []
        var assignments: [Assignment] = []
        for route in solution.routes {
            let (planned, visits) = plannedRoute(route) { explain(order: $0, in: route, solution: solution) }
            routes.append(planned)
            assignments += visits
        }
        assignments.sort(by: Self.inPlanOrder)
        let unassigned = solution.unassigned.map { unassignedOrder($0, solution: solution) }.sorted(by: Self.inPlanOrder)
        let problem = model.problem
        let planned = Set(model.plannable)
        let skipped = problem.orders.indices.filter { !planned.contains($0) }.map {
            SkippedOrder(workOrder: problem.orders[$0].number, status: problem.orders[$0].status)
        }
        return Plan(
            problem: problem, score: solution.score, solver: summary, routes: routes, assignments: assignments,
            unassigned: unassigned, skipped: skipped)
    }

    /// One technician-day as planned: times as instants, and its assignments with the explanation `explanation`
    /// gives for each order (a model index).
    func plannedRoute(_ route: Route, explanation: (Int) -> AssignmentExplanation) -> (PlannedRoute, [Assignment]) {
        let problem = model.problem
        let slot = model.slots[route.slot]
        let technician = problem.technicians[slot.technician]
        let schedule = Route.drive(route.visits, slot: route.slot, model: model)
        var here = slot.home
        var numbers: [WorkOrderNumber] = []
        var assignments: [Assignment] = []
        var breakTime: TimeWindow?
        for (k, visit) in route.visits.enumerated() {
            if visit.isBreak {
                if schedule.cost.jobs > 0, let pause = slot.breakWindow {
                    breakTime = TimeWindow(start: model.instant(schedule.starts[k]), end: model.instant(schedule.starts[k] + pause.minutes))
                }
                continue
            }
            let data = model.orders[visit.order]
            let order = problem.orders[model.plannable[visit.order]]
            numbers.append(order.number)
            assignments.append(Assignment(
                workOrder: order.number, technicianId: technician.id, start: model.instant(schedule.starts[k]),
                end: model.instant(schedule.starts[k] + data.duration),
                travelMinutesBefore: model.travel.minutes(here, data.location),
                travelMetersBefore: model.travel.meters(here, data.location), pinned: data.pinned,
                explanation: explanation(visit.order)))
            here = data.location
        }
        let shift = technician.shifts[slot.shift]
        let planned = PlannedRoute(
            technicianId: technician.id, date: problem.horizon.timeZone.local(shift.start).date, shift: shift.window,
            departure: model.instant(schedule.departure), returnHome: model.instant(schedule.returnHome),
            breakTime: breakTime, workOrders: numbers, travelMinutes: schedule.cost.travelMinutes,
            travelMeters: schedule.cost.travelMeters, workingMinutes: schedule.cost.workingMinutes,
            overtimeMinutes: schedule.cost.overtimeMinutes, violations: schedule.cost.violations)
        return (planned, assignments)
    }

    /// A plan's assignments are in start order (then technician, then order number).
    static func inPlanOrder(_ a: Assignment, _ b: Assignment) -> Bool {
        (a.start, a.technicianId, a.workOrder) < (b.start, b.technicianId, b.workOrder)
    }

    /// A plan's unassigned orders are most urgent first (then by number).
    static func inPlanOrder(_ a: UnassignedOrder, _ b: UnassignedOrder) -> Bool {
        (a.priority, a.workOrder) < (b.priority, b.workOrder)
    }

    // MARK: Explanations

    func explain(order: Int, in route: Route, solution: Solution) -> AssignmentExplanation {
        let slot = model.slots[route.slot]
        let weights = model.costs.weights
        let data = model.orders[order]
        let workOrder = model.problem.orders[model.plannable[order]]
        let k = route.visits.firstIndex { $0.order == order }!
        var without = route.visits
        without.remove(at: k)
        let detour = model.detourMinutes(order: order, in: without[...], at: k, home: slot.home)
        let start = route.starts[k]
        let responseLate = max(0, start - data.responseDue)
        let resolutionLate = max(0, start + data.duration - data.resolutionDue)
        let marginal = route.cost.soft - Route.drive(without, slot: route.slot, model: model).cost.soft
        let parts = model.assignmentParts(order: order, technician: slot.technician)
        let contributions = ScoreContributions(
            detourMinutes: detour, travelCost: detour * weights.travelMinute, responseLateMinutes: responseLate,
            resolutionLateMinutes: resolutionLate, slaCost: model.latenessCost(order: order, start: start),
            preferredMissCost: parts.preferredMiss, overqualificationCost: parts.overqualification, territoryCost: parts.territory,
            planChangeCost: parts.planChange, marginalCost: marginal)
        var ruled: [HardRule: [TechnicianID]] = [:]
        var runnerUp: RunnerUp?
        let candidateSlots = Set(model.candidates[order])
        for (t, other) in model.problem.technicians.enumerated() where t != slot.technician {
            if let rule = RuleSet.ruleOut(order: workOrder, data: data, technician: other, technicianIndex: t) {
                ruled[rule, default: []].append(other.id)
                continue
            }
            let slots = model.slotsOfTechnician[t].filter { candidateSlots.contains($0) }
            if slots.isEmpty {
                // Eligible but no working day fits (or too far to be among the candidates considered).
                if let rule = model.slotsOfTechnician[t].lazy.compactMap({
                    RuleSet.dayRuleOut(data: data, slot: self.model.slots[$0], travel: self.model.travel)
                }).first ?? (model.slotsOfTechnician[t].isEmpty ? .noShift : nil) {
                    ruled[rule, default: []].append(other.id)
                }
                continue
            }
            var evaluated = 0
            guard let (s, point) = solution.cheapestPlace(for: order, among: slots, model: model, evaluated: &evaluated) else {
                // Candidate days fit the order alone and none had a place: the day total or the place names the rule.
                let route = solution.routes[slots[0]]
                let rule = route.exceedsDayTotal(adding: order, model: model) ?? route.placeFailure(of: order, model: model)
                ruled[rule, default: []].append(other.id)
                continue
            }
            let extra = point.delta - marginal
            if runnerUp == nil || extra < runnerUp!.extraCost {
                runnerUp = RunnerUp(
                    technicianId: other.id, date: model.problem.horizon.timeZone.local(model.instant(model.slots[s].start)).date,
                    extraCost: extra, why: why(order: order, at: point, in: solution.routes[s], against: contributions))
            }
        }
        let ruledOut = HardRule.allCases.compactMap { rule in ruled[rule].map { RuledOut(rule: rule, technicianIds: $0) } }
        return AssignmentExplanation(
            contributions: contributions, runnerUp: runnerUp, ruledOut: ruledOut, lockBreaks: data.lockBreaks.isEmpty ? nil : data.lockBreaks)
    }

    /// What makes the runner-up's place worse, in words.
    func why(order: Int, at point: InsertionPoint, in route: Route, against chosen: ScoreContributions) -> String {
        let slot = model.slots[route.slot]
        let detour = model.detourMinutes(order: order, in: route.visits[...], at: point.position, home: slot.home)
        let parts = model.assignmentParts(order: order, technician: slot.technician)
        var reasons: [String] = []
        if detour > chosen.detourMinutes { reasons.append(TravelObjective.why(extraMinutes: detour - chosen.detourMinutes)) }
        if parts.preferredMiss > 0 && chosen.preferredMissCost == 0 { reasons.append(PreferredTechnicianObjective.why) }
        if parts.overqualification > chosen.overqualificationCost { reasons.append(OverqualificationObjective.why) }
        if parts.territory > 0 && chosen.territoryCost == 0 { reasons.append(TerritoryObjective.why) }
        if reasons.isEmpty { reasons.append("a later visit or a longer, less balanced day") }
        return reasons.joined(separator: "; ")
    }

    func unassignedOrder(_ order: Int, solution: Solution) -> UnassignedOrder {
        let data = model.orders[order]
        let workOrder = model.problem.orders[model.plannable[order]]
        var ruled: [HardRule: [TechnicianID]] = [:]
        let candidateSlots = Set(model.candidates[order])
        for (t, technician) in model.problem.technicians.enumerated() {
            if let rule = RuleSet.ruleOut(order: workOrder, data: data, technician: technician, technicianIndex: t) {
                ruled[rule, default: []].append(technician.id)
                continue
            }
            let slots = model.slotsOfTechnician[t]
            let considered = slots.filter { candidateSlots.contains($0) }
            let rule: HardRule?
            if considered.isEmpty {
                rule = slots.lazy.compactMap { RuleSet.dayRuleOut(data: data, slot: self.model.slots[$0], travel: self.model.travel) }.first
                    ?? (slots.isEmpty ? .noShift : nil)
            } else {
                rule = considered.lazy.compactMap { solution.routes[$0].insertionFailure(of: order, model: self.model) }.first
            }
            if let rule { ruled[rule, default: []].append(technician.id) }
        }
        let ruledOut = HardRule.allCases.compactMap { rule in ruled[rule].map { RuledOut(rule: rule, technicianIds: $0) } }
        let main = ruledOut.max { $0.technicianIds.count < $1.technicianIds.count }
        let reason: String
        let eligibleCount = model.problem.technicians.count - ruledOut.filter { $0.rule.isStatic }.reduce(0) { $0 + $1.technicianIds.count }
        if eligibleCount == 0 {
            let needs = workOrder.requiredSkills.map { "\($0.skill) ≥ \($0.minLevel)" }.joined(separator: ", ")
            reason = "no technician is allowed to do it" + (needs.isEmpty ? "" : " (needs \(needs))") + ": "
                + ruledOut.map { "\($0.technicianIds.count) \($0.rule.label)" }.joined(separator: ", ")
        } else if candidateSlots.isEmpty {
            reason = "none of the \(eligibleCount) qualified technicians has a working day it fits in: "
                + ruledOut.filter { !$0.rule.isStatic }.map { "\($0.technicianIds.count) \($0.rule.label)" }.joined(separator: ", ")
        } else {
            let full = ruledOut.filter { !$0.rule.isStatic }
            reason = "no room in the days of the \(eligibleCount) qualified technicians: "
                + (full.isEmpty ? "every place costs more than leaving it out" : full.map { "\($0.technicianIds.count) \($0.rule.label)" }.joined(separator: ", "))
        }
        return UnassignedOrder(workOrder: workOrder.number, priority: data.priority, reason: reason, rule: main?.rule, ruledOut: ruledOut)
    }
}

extension Solver.Result {
    /// The plan for this result, with every assignment explained.
    public func plan(model: SchedulingModel, options: SolverOptions) -> Plan {
        PlanBuilder(model: model).plan(from: solution, summary: SolverSummary(
            seed: options.seed, timeLimitSeconds: options.timeLimit, iterationLimit: options.iterationLimit,
            threads: options.threads, iterations: iterations, movesEvaluated: movesEvaluated, elapsedSeconds: elapsed))
    }

    /// Per technician-day, the model's order indices (into `model.orders`, which follow the problem's plannable
    /// orders) in visiting order, days without orders left out: for benchmarks that read routes, not plans.
    public var orderSequences: [[Int]] {
        solution.routes.map { route in route.visits.filter { !$0.isBreak }.map(\.order) }.filter { !$0.isEmpty }
    }

    /// The score computed again from nothing (for checks: it must equal `score`).
    public func recomputedScore(model: SchedulingModel) -> Score {
        solution.recomputedScore(model: model)
    }
}
