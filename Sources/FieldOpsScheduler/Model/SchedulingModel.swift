import FieldOpsModel

/// A problem compiled for the solver: integer minutes from the horizon start, location indices, one route slot
/// per technician shift, and per order the candidate slots (eligible technicians, nearest first).
public struct SchedulingModel: Sendable {
    public let problem: Problem
    /// Minute 0.
    let origin: Instant
    let travel: TravelTable
    let slots: [RouteSlot]
    /// Orders the scheduler plans (index into `problem.orders`); finished or on-hold orders are not planned.
    let plannable: [Int]
    let orders: [OrderData]
    let slotsOfTechnician: [[Int]]
    /// Per order: slots it may go to, technicians nearest to the site first, at most `maxCandidateTechnicians`.
    let candidates: [[Int]]
    /// Per order: the nearest other orders, for ruin moves that take out work in the same area.
    let neighbors: [[Int]]
    /// The weights and the soft-cost formula.
    let costs: CostEvaluator
    /// The hard rules the problem uses.
    let rules: RuleSet
    let technicianCount: Int
    /// Per order, the technician it had in the published plan being re-optimized (a change costs `planChange`).
    let previousTechnician: [Int?]

    public static let defaultCandidateTechnicians = 40

    public init(
        problem: Problem, previousAssignments: [WorkOrderNumber: TechnicianID] = [:],
        maxCandidateTechnicians: Int = SchedulingModel.defaultCandidateTechnicians, neighbors computeNeighbors: Bool = true,
        candidatesOnlyFor: Set<WorkOrderNumber>? = nil
    ) {
        self.problem = problem
        origin = problem.horizon.window.start
        let travel = TravelTable(problem: problem)
        self.travel = travel
        costs = CostEvaluator(weights: problem.policy.weights)
        technicianCount = problem.technicians.count
        let origin = self.origin
        let minute: (Instant) -> Int = { origin.minutes(until: $0) }
        let technicianIndex = Dictionary(uniqueKeysWithValues: problem.technicians.enumerated().map { ($1.id, $0) })

        var slots: [RouteSlot] = []
        var slotsOfTechnician: [[Int]] = Array(repeating: [], count: problem.technicians.count)
        let horizon = problem.horizon.window
        for (t, technician) in problem.technicians.enumerated() {
            for (s, shift) in technician.shifts.enumerated() where shift.window.overlaps(horizon) && shift.end > shift.start {
                let day = max(0, origin.minutes(until: shift.start) / 1440)
                let breakWindow = shift.breakTime.map {
                    BreakWindow(earliest: minute($0.earliestStart), latestStart: minute($0.latestEnd) - $0.minutes, minutes: $0.minutes)
                }
                slotsOfTechnician[t].append(slots.count)
                slots.append(RouteSlot(
                    technician: t, shift: s, day: day, start: minute(shift.start), end: minute(shift.end),
                    overtime: technician.limits.overtimeMinutes, breakWindow: breakWindow, home: t,
                    maxWorkingMinutes: technician.limits.maxWorkingMinutes))
            }
        }
        self.slots = slots
        self.slotsOfTechnician = slotsOfTechnician

        let vipBump = problem.policy.sla.vipBump
        let horizonMinutes = origin.minutes(until: horizon.end)
        var plannable: [Int] = []
        var orders: [OrderData] = []
        for (o, order) in problem.orders.enumerated() where order.status.isPlannable || order.status.isStarted {
            plannable.append(o)
            let lockTechnician = order.lock?.technicianId.flatMap { technicianIndex[$0] }
            let lockStart = order.lock?.start.map(minute)
            var windows = order.windows.map { MinuteWindow(start: minute($0.start), end: minute($0.end)) }
            if let lockStart { windows = [MinuteWindow(start: lockStart, end: lockStart)] }
            if windows.isEmpty { windows = [MinuteWindow(start: 0, end: horizonMinutes)] }
            func data(lockBreaks: [HardRule]) -> OrderData {
                OrderData(
                    location: problem.technicians.count + o, duration: order.durationMinutes, windows: windows,
                    priority: order.effectivePriority(vipBump: vipBump), responseDue: minute(order.sla.firstResponse),
                    resolutionDue: minute(order.sla.resolution), started: order.status.isStarted,
                    lockTechnician: lockTechnician, lockStart: lockStart,
                    preferred: order.preferredTechnicians.compactMap { technicianIndex[$0] }, territory: order.site.territory,
                    demand: order.load, lockBreaks: lockBreaks)
            }
            var compiled = data(lockBreaks: [])
            if let lockTechnician {
                // The rules a dispatcher's lock overrides: each counts on the hard level where the order is placed.
                let breaks = RuleSet.lockBreaks(
                    order: order, data: compiled, technician: problem.technicians[lockTechnician], technicianIndex: lockTechnician)
                if !breaks.isEmpty { compiled = data(lockBreaks: breaks) }
            }
            orders.append(compiled)
        }
        self.plannable = plannable
        self.orders = orders
        rules = RuleSet(problem: problem, orders: orders, slots: slots)
        previousTechnician = plannable.map { o in
            previousAssignments[problem.orders[o].number].flatMap { technicianIndex[$0] }
        }

        var candidates: [[Int]] = []
        candidates.reserveCapacity(orders.count)
        for (i, data) in orders.enumerated() {
            let order = problem.orders[plannable[i]]
            if let only = candidatesOnlyFor, !only.contains(order.number) {
                candidates.append([])
                continue
            }
            let eligible = (0..<problem.technicians.count).filter {
                RuleSet.ruleOut(order: order, data: data, technician: problem.technicians[$0], technicianIndex: $0) == nil
            }
            let nearest = eligible.sorted {
                let a = travel.meters($0, data.location)
                let b = travel.meters($1, data.location)
                return a != b ? a < b : $0 < $1
            }.prefix(maxCandidateTechnicians)
            var slotList: [Int] = []
            for t in nearest {
                for s in slotsOfTechnician[t] where RuleSet.dayRuleOut(data: data, slot: slots[s], travel: travel) == nil {
                    slotList.append(s)
                }
            }
            candidates.append(slotList)
        }
        self.candidates = candidates

        // Nearest orders by travel time, for ruin; 30 is plenty to take out a neighbourhood.
        let neighborCount = computeNeighbors ? min(30, max(0, orders.count - 1)) : 0
        var neighbors: [[Int]] = []
        neighbors.reserveCapacity(orders.count)
        for i in orders.indices {
            guard neighborCount > 0 else {
                neighbors.append([])
                continue
            }
            var scored: [(Int, Int)] = []
            scored.reserveCapacity(orders.count)
            for j in orders.indices where j != i {
                scored.append((travel.meters(orders[i].location, orders[j].location), j))
            }
            if scored.count > neighborCount {
                scored.select(neighborCount)
            }
            neighbors.append(scored.prefix(neighborCount).sorted { $0 < $1 }.map(\.1))
        }
        self.neighbors = neighbors
    }

    /// The instant of a solver minute.
    func instant(_ minute: Int) -> Instant { origin.adding(minutes: minute) }
}

extension Array where Element == (Int, Int) {
    /// Moves the `k` smallest elements to the front (in no particular order), in linear expected time.
    mutating func select(_ k: Int) {
        guard k > 0, k < count else { return }
        var low = 0
        var high = count - 1
        var generator = SeededGenerator(seed: UInt64(count))
        while low < high {
            let pivot = self[low + Int(generator.next() % UInt64(high - low + 1))]
            var i = low
            var j = high
            while i <= j {
                while self[i] < pivot { i += 1 }
                while pivot < self[j] { j -= 1 }
                if i <= j {
                    swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k - 1 <= j { high = j } else if k - 1 >= i { low = i } else { return }
        }
    }
}
