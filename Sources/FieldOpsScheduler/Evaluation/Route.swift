import FieldOpsModel

/// One technician-day's sequence of visits, with the summaries that make evaluating a change O(1):
/// `forward[k]` covers the start at home and visits `0..<k`, `backward[k]` visits `k..<n` and the return home.
struct Route: Sendable {
    let slot: Int
    private(set) var visits: [Visit]
    private(set) var forward: [TimeSegment] = []
    private(set) var backward: [TimeSegment] = []
    /// Earliest start of service of each visit, driving from the start of the shift.
    private(set) var starts: [Int] = []
    private(set) var cost = RouteCost()
    /// The day's totals, a lane per `model.rules.dayTotalRules` (jobs, van load).
    private(set) var totals = DayTotals.zero

    init(slot: Int, model: SchedulingModel) {
        self.slot = slot
        visits = model.slots[slot].breakWindow == nil ? [] : [.pause]
        refresh(model: model)
    }

    /// When the technician leaves home (the start of the shift for an empty route).
    private(set) var departure = 0

    mutating func insert(_ visit: Visit, at position: Int, model: SchedulingModel) {
        visits.insert(visit, at: position)
        refresh(model: model)
    }

    mutating func remove(order: Int, model: SchedulingModel) {
        visits.removeAll { $0.order == order }
        refresh(model: model)
    }

    /// - Parameter placingBreak: false keeps the break where `newVisits` has it (a published plan's).
    mutating func replaceVisits(_ newVisits: [Visit], model: SchedulingModel, placingBreak: Bool = true) {
        visits = newVisits
        refresh(model: model, placingBreak: placingBreak)
    }

    // MARK: Segments

    func nodeSegment(_ visit: Visit, relaxedBreak: Bool, model: SchedulingModel) -> TimeSegment {
        if visit.isBreak {
            let pause = model.slots[slot].breakWindow!
            // A break after the last job may be taken as soon as the work is done.
            return TimeSegment(
                duration: pause.minutes, timeWarp: 0, earliest: relaxedBreak ? Int.min / 4 : pause.earliest,
                latest: pause.latestStart, first: -1, last: -1)
        }
        let window = model.orders[visit.order].windows[visit.window]
        return .node(location: model.orders[visit.order].location, service: model.orders[visit.order].duration,
                     earliest: window.start, latest: window.end)
    }

    func startSegment(model: SchedulingModel) -> TimeSegment {
        let slot = model.slots[slot]
        return .node(location: slot.home, service: 0, earliest: slot.start, latest: slot.end)
    }

    func endSegment(model: SchedulingModel) -> TimeSegment {
        let slot = model.slots[slot]
        return .node(location: slot.home, service: 0, earliest: slot.start, latest: slot.end + slot.overtime)
    }

    @inline(__always)
    static func join(_ left: TimeSegment, _ right: TimeSegment, model: SchedulingModel) -> TimeSegment {
        let travel = left.last >= 0 && right.first >= 0 ? model.travel.minutes(left.last, right.first) : 0
        return left.then(right, travel: travel)
    }

    /// `left` followed by visits `from..<n` and the return home. A break at `from` is taken where `left` ends.
    func joined(_ left: TimeSegment, suffixFrom from: Int, model: SchedulingModel) -> TimeSegment {
        if from < visits.count, visits[from].isBreak {
            let relaxed = from == visits.count - 1
            let withBreak = left.then(nodeSegment(visits[from], relaxedBreak: relaxed, model: model), travel: 0)
            return Route.join(withBreak, backward[from + 1], model: model)
        }
        return Route.join(left, backward[from], model: model)
    }

    // MARK: Exact evaluation

    mutating func refresh(model: SchedulingModel, placingBreak: Bool = true) {
        if placingBreak, visits.count > 1, let breakIndex = visits.firstIndex(where: \.isBreak) {
            placeBreak(from: breakIndex, model: model)
        }
        let n = visits.count
        var forward = [startSegment(model: model)]
        forward.reserveCapacity(n + 1)
        for (k, visit) in visits.enumerated() {
            let segment = nodeSegment(visit, relaxedBreak: visit.isBreak && k == n - 1, model: model)
            forward.append(visit.isBreak ? forward[k].then(segment, travel: 0) : Route.join(forward[k], segment, model: model))
        }
        var backward = [TimeSegment](repeating: endSegment(model: model), count: n + 1)
        var k = n - 1
        while k >= 0 {
            if visits[k].isBreak {
                // Only used through `joined`, which puts the break after a real predecessor.
                backward[k] = nodeSegment(visits[k], relaxedBreak: k == n - 1, model: model).then(backward[k + 1], travel: 0)
            } else if k + 1 < n, visits[k + 1].isBreak {
                let segment = nodeSegment(visits[k], relaxedBreak: false, model: model)
                    .then(nodeSegment(visits[k + 1], relaxedBreak: k + 1 == n - 1, model: model), travel: 0)
                backward[k] = Route.join(segment, backward[k + 2], model: model)
            } else {
                backward[k] = Route.join(nodeSegment(visits[k], relaxedBreak: false, model: model), backward[k + 1], model: model)
            }
            k -= 1
        }
        self.forward = forward
        self.backward = backward
        let schedule = Route.drive(visits, slot: slot, model: model)
        starts = schedule.starts
        cost = schedule.cost
        totals = schedule.totals
        departure = schedule.departure
    }

    /// Moves the break to the position that breaks the fewest rules at the lowest cost.
    private mutating func placeBreak(from current: Int, model: SchedulingModel) {
        var withoutBreak = visits
        withoutBreak.remove(at: current)
        var best = visits
        var bestKey = Route.key(Route.drive(visits, slot: slot, model: model).cost)
        for position in 0...withoutBreak.count where position != current {
            var candidate = withoutBreak
            candidate.insert(.pause, at: position)
            let key = Route.key(Route.drive(candidate, slot: slot, model: model).cost)
            if key < bestKey {
                bestKey = key
                best = candidate
            }
        }
        visits = best
    }

    private static func key(_ cost: RouteCost) -> (Int, Int) { (cost.hard, cost.soft) }

    struct Schedule {
        var starts: [Int]
        var cost: RouteCost
        var departure: Int
        var returnHome: Int
        /// The day's totals, a lane per `model.rules.dayTotalRules`.
        var totals: DayTotals
    }

    /// Drives `visits` from the start of the shift, each service as early as its window allows: the reference
    /// evaluation that the O(1) summaries must agree with. Each hard rule is asked in its own file.
    static func drive(_ visits: [Visit], slot slotIndex: Int, model: SchedulingModel) -> Schedule {
        let slot = model.slots[slotIndex]
        var cost = RouteCost()
        var starts: [Int] = []
        starts.reserveCapacity(visits.count)
        let jobs = visits.reduce(0) { $0 + ($1.isBreak ? 0 : 1) }
        let hasDayTotals = model.rules.hasDayTotals
        guard jobs > 0 else {
            return Schedule(starts: visits.map { _ in slot.start }, cost: cost, departure: slot.start, returnHome: slot.start, totals: .zero)
        }
        var totals = DayTotals.zero
        var time = slot.start
        var here = slot.home
        var departure: Int?
        var breakMinutes = 0
        for (k, visit) in visits.enumerated() {
            if visit.isBreak {
                let pause = slot.breakWindow!
                let start = BreakRule.start(arriving: time, window: pause, isLast: k == visits.count - 1)
                if BreakRule.breaks(start: start, window: pause) { cost.violations.append(.breakTime) }
                starts.append(start)
                if departure == nil { departure = start }
                time = start + pause.minutes
                breakMinutes = pause.minutes
                continue
            }
            let window = model.orders[visit.order].windows[visit.window]
            let location = model.orders[visit.order].location
            let (drive, meters) = model.travel.leg(here, location)
            cost.travelMinutes += drive
            cost.travelMeters += meters
            let start = max(time + drive, window.start)
            if start > window.end { cost.violations.append(TimeWindowRule.rule(for: model.orders[visit.order])) }
            if departure == nil { departure = start - drive }
            starts.append(start)
            time = start + model.orders[visit.order].duration
            here = location
            cost.latenessCost += model.latenessCost(order: visit.order, start: start)
            if hasDayTotals { totals &+= model.rules.dayTotalAmounts[visit.order] }
            cost.assignmentCost += model.assignmentCost(order: visit.order, technician: slot.technician)
            if !model.orders[visit.order].lockBreaks.isEmpty { cost.violations += model.orders[visit.order].lockBreaks }
        }
        let (driveHome, metersHome) = model.travel.leg(here, slot.home)
        cost.travelMinutes += driveHome
        cost.travelMeters += metersHome
        let returnHome = time + driveHome
        if ShiftRule.breaks(returnHome: returnHome, slot: slot) { cost.violations.append(.shift) }
        cost.jobs = jobs
        if hasDayTotals {
            let over = totals .> model.rules.dayTotalLimits[slotIndex]
            for lane in model.rules.dayTotalRules.indices where over[lane] { cost.violations.append(model.rules.dayTotalRules[lane]) }
        }
        cost.workingMinutes = returnHome - (departure ?? slot.start) - breakMinutes
        if MaxWorkingMinutesRule.breaks(workingMinutes: cost.workingMinutes, slot: slot) { cost.violations.append(.maxWorkingMinutes) }
        cost.overtimeMinutes = max(0, returnHome - slot.end)
        cost.soft = model.costs.daySoft(
            travelMinutes: cost.travelMinutes, lateness: cost.latenessCost, assignment: cost.assignmentCost,
            overtimeMinutes: cost.overtimeMinutes, workingMinutes: cost.workingMinutes)
        return Schedule(starts: starts, cost: cost, departure: departure ?? slot.start, returnHome: returnHome, totals: totals)
    }

    /// The day total (jobs, van load) that `order` would push past its limit, if any: one vector comparison.
    @inline(__always)
    func exceedsDayTotal(adding order: Int, model: SchedulingModel) -> HardRule? {
        guard model.rules.hasDayTotals else { return nil }
        let over = (totals &+ model.rules.dayTotalAmounts[order]) .> model.rules.dayTotalLimits[slot]
        guard any(over) else { return nil }
        return model.rules.dayTotalRules.indices.first { over[$0] }.map { model.rules.dayTotalRules[$0] }
    }
}
