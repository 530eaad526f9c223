import FieldOpsModel

/// A problem compiled for the solver: integer minutes from the horizon start, location indices, one route slot
/// per technician shift, and per order the candidate slots (eligible technicians, nearest first).
public struct SchedulingModel: Sendable {
    // What grows by one order when an emergency is added (`adding(_:)`) is `private(set) var`; the rest is fixed.
    public private(set) var problem: Problem
    /// Minute 0.
    let origin: Instant
    private(set) var travel: TravelTable
    let slots: [RouteSlot]
    /// Orders the scheduler plans (index into `problem.orders`); finished or on-hold orders are not planned.
    private(set) var plannable: [Int]
    private(set) var orders: [OrderData]
    let slotsOfTechnician: [[Int]]
    /// Per order: slots it may go to, technicians nearest to the site first, at most `maxCandidateTechnicians`.
    private(set) var candidates: [[Int]]
    /// Per order: the nearest other orders, for ruin moves that take out work in the same area.
    private(set) var neighbors: [[Int]]
    /// The weights and the soft-cost formula.
    let costs: CostEvaluator
    /// The hard rules the problem uses.
    private(set) var rules: RuleSet
    let technicianCount: Int
    /// Per order, the technician it had in the published plan being re-optimized (a change costs `planChange`).
    private(set) var previousTechnician: [Int?]
    let maxCandidateTechnicians: Int
    let technicianIndex: [TechnicianID: Int]
    let traits: TechnicianTraits

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
        self.technicianIndex = technicianIndex
        let traits = TechnicianTraits(problem: problem)
        self.traits = traits

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

        var plannable: [Int] = []
        var orders: [OrderData] = []
        for (o, order) in problem.orders.enumerated() where order.status.isPlannable || order.status.isStarted {
            plannable.append(o)
            orders.append(Self.compile(order, at: o, problem: problem, origin: origin, technicianIndex: technicianIndex, traits: traits))
        }
        self.plannable = plannable
        self.orders = orders
        rules = RuleSet(problem: problem, orders: orders, slots: slots)
        previousTechnician = plannable.map { o in
            previousAssignments[problem.orders[o].number].flatMap { technicianIndex[$0] }
        }

        self.maxCandidateTechnicians = maxCandidateTechnicians
        var candidates: [[Int]] = []
        candidates.reserveCapacity(orders.count)
        for (i, data) in orders.enumerated() {
            let order = problem.orders[plannable[i]]
            if let only = candidatesOnlyFor, !only.contains(order.number) {
                candidates.append([])
                continue
            }
            candidates.append(Self.candidateSlots(
                order: order, data: data, problem: problem, travel: travel, slots: slots, slotsOfTechnician: slotsOfTechnician,
                maxCandidateTechnicians: maxCandidateTechnicians))
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

    /// An order in the solver's terms: minutes, location index, windows (a dispatcher's locked start is its only
    /// window), the rules a lock breaks.
    static func compile(
        _ order: WorkOrder, at o: Int, problem: Problem, origin: Instant, technicianIndex: [TechnicianID: Int], traits: TechnicianTraits
    ) -> OrderData {
        let minute: (Instant) -> Int = { origin.minutes(until: $0) }
        let horizonMinutes = origin.minutes(until: problem.horizon.window.end)
        let lockTechnician = order.lock?.technicianId.flatMap { technicianIndex[$0] }
        let lockStart = order.lock?.start.map(minute)
        var windows = order.windows.map { MinuteWindow(start: minute($0.start), end: minute($0.end)) }
        if let lockStart { windows = [MinuteWindow(start: lockStart, end: lockStart)] }
        if windows.isEmpty { windows = [MinuteWindow(start: 0, end: horizonMinutes)] }
        func data(lockBreaks: [HardRule]) -> OrderData {
            OrderData(
                location: problem.technicians.count + o, duration: order.durationMinutes, windows: windows,
                priority: order.effectivePriority(vipBump: problem.policy.sla.vipBump), responseDue: minute(order.sla.firstResponse),
                resolutionDue: minute(order.sla.resolution), started: order.status.isStarted,
                lockTechnician: lockTechnician, lockStart: lockStart,
                preferred: order.preferredTechnicians.compactMap { technicianIndex[$0] }, territory: traits.territory(of: order),
                needs: traits.needs(of: order), demand: order.load, lockBreaks: lockBreaks)
        }
        let compiled = data(lockBreaks: [])
        guard let lockTechnician else { return compiled }
        // The rules a dispatcher's lock overrides: each counts on the hard level where the order is placed.
        let breaks = RuleSet.lockBreaks(order: order, data: compiled, technician: problem.technicians[lockTechnician], technicianIndex: lockTechnician)
        return breaks.isEmpty ? compiled : data(lockBreaks: breaks)
    }

    /// The working days an order may go to: eligible technicians nearest to the site first, at most
    /// `maxCandidateTechnicians` of them, and of their days those the order can fit in alone.
    static func candidateSlots(
        order: WorkOrder, data: OrderData, problem: Problem, travel: TravelTable, slots: [RouteSlot], slotsOfTechnician: [[Int]],
        maxCandidateTechnicians: Int
    ) -> [Int] {
        // Distances worked out once per technician, not once per comparison of the sort.
        var eligible: [(Int, Int)] = []  // (metres, technician)
        for t in problem.technicians.indices
        where RuleSet.ruleOut(order: order, data: data, technician: problem.technicians[t], technicianIndex: t) == nil {
            eligible.append((travel.meters(t, data.location), t))
        }
        if eligible.count > maxCandidateTechnicians { eligible.select(maxCandidateTechnicians) }
        let nearest = eligible.prefix(maxCandidateTechnicians).sorted { $0 < $1 }.map(\.1)
        var slotList: [Int] = []
        for t in nearest {
            for s in slotsOfTechnician[t] where RuleSet.dayRuleOut(data: data, slot: slots[s], travel: travel) == nil {
                slotList.append(s)
            }
        }
        return slotList
    }

    /// Appends `order` to the problem's orders: the order compiled and its candidate days worked out, nothing else
    /// built again (emergency insertion into a plan held in memory). False, and nothing changed, when the travel
    /// is a matrix, which has no figures for a site it was not built with.
    mutating func add(_ order: WorkOrder) -> Bool {
        guard travel.append(order.site.location) else { return false }
        let index = problem.orders.count
        problem.orders.append(order)
        guard order.status.isPlannable || order.status.isStarted else { return true }
        let data = Self.compile(order, at: index, problem: problem, origin: origin, technicianIndex: technicianIndex, traits: traits)
        plannable.append(index)
        orders.append(data)
        candidates.append(Self.candidateSlots(
            order: order, data: data, problem: problem, travel: travel, slots: slots, slotsOfTechnician: slotsOfTechnician,
            maxCandidateTechnicians: maxCandidateTechnicians))
        neighbors.append([])
        rules.append(data, problem: problem, slots: slots)
        previousTechnician.append(nil)
        return true
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
