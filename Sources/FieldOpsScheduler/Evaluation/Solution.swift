import FieldOpsModel

/// A plan under construction: one route per technician-day and the orders left out, with the score kept up to
/// date as routes change (each change re-drives only the routes it touches).
struct Solution: Sendable {
    var routes: [Route]
    /// Per order: the slot it is in, or -1.
    var slotOf: [Int]
    private(set) var hardPenalty = 0
    private(set) var mediumPenalty = 0
    private(set) var softPenalty = 0

    init(model: SchedulingModel) {
        routes = model.slots.indices.map { Route(slot: $0, model: model) }
        slotOf = Array(repeating: -1, count: model.orders.count)
        mediumPenalty = model.orders.indices.reduce(0) { $0 + UnassignedObjective.cost(order: $1, model: model) }
        hardPenalty = routes.reduce(0) { $0 + $1.cost.hard }
        softPenalty = routes.reduce(0) { $0 + $1.cost.soft } + model.orders.indices.reduce(0) { $0 + PlanChangeObjective.droppedCost(order: $1, model: model) }
    }

    /// Takes in the order the model gained last (`SchedulingModel.adding`), unassigned.
    mutating func addOrder(model: SchedulingModel) {
        let order = slotOf.count
        slotOf.append(-1)
        countOut(order, 1, model: model)
    }

    var score: Score { Score(hard: -hardPenalty, medium: -mediumPenalty, soft: -softPenalty) }

    var unassigned: [Int] { slotOf.indices.filter { slotOf[$0] < 0 } }

    mutating func insert(_ order: Int, into slot: Int, at point: InsertionPoint, model: SchedulingModel) {
        let before = routes[slot].cost
        routes[slot].insert(Visit(order: order, window: point.window), at: point.position, model: model)
        account(before, routes[slot].cost)
        slotOf[order] = slot
        countOut(order, -1, model: model)
    }

    mutating func remove(_ orders: [Int], model: SchedulingModel) {
        var bySlot: [Int: [Int]] = [:]
        for order in orders where slotOf[order] >= 0 { bySlot[slotOf[order], default: []].append(order) }
        for (slot, removed) in bySlot {
            let before = routes[slot].cost
            let set = Set(removed)
            routes[slot].replaceVisits(routes[slot].visits.filter { !set.contains($0.order) }, model: model)
            account(before, routes[slot].cost)
            for order in removed {
                slotOf[order] = -1
                countOut(order, 1, model: model)
            }
        }
    }

    /// Puts a route back as it was (undoing a rejected move), keeping the totals right.
    mutating func restore(_ route: Route, model: SchedulingModel) {
        let before = routes[route.slot].cost
        for visit in routes[route.slot].visits where !visit.isBreak && slotOf[visit.order] == route.slot {
            slotOf[visit.order] = -1
            countOut(visit.order, 1, model: model)
        }
        routes[route.slot] = route
        for visit in route.visits where !visit.isBreak {
            if slotOf[visit.order] < 0 { countOut(visit.order, -1, model: model) }
            slotOf[visit.order] = route.slot
        }
        account(before, route.cost)
    }

    /// Adds (`sign` 1) or takes back (-1) what leaving `order` out costs: its priority's weight, and a plan change
    /// when the published plan had it.
    private mutating func countOut(_ order: Int, _ sign: Int, model: SchedulingModel) {
        mediumPenalty += sign * UnassignedObjective.cost(order: order, model: model)
        softPenalty += sign * PlanChangeObjective.droppedCost(order: order, model: model)
    }

    private mutating func account(_ before: RouteCost, _ after: RouteCost) {
        hardPenalty += after.hard - before.hard
        softPenalty += after.soft - before.soft
    }

    /// The cheapest feasible place for `order` among `slots` (its candidate days unless given), counting the
    /// places looked at in `evaluated`. Construction, local search, ruin-and-recreate and explanations share it.
    func cheapestPlace(for order: Int, among slots: [Int]? = nil, model: SchedulingModel, evaluated: inout Int) -> (slot: Int, point: InsertionPoint)? {
        var best: (slot: Int, point: InsertionPoint)?
        for slot in slots ?? model.candidates[order] {
            evaluated += routes[slot].visits.count + 1
            if let point = routes[slot].bestInsertion(of: order, model: model), best == nil || point.delta < best!.point.delta {
                best = (slot, point)
            }
        }
        return best
    }

    /// The score computed from nothing: every route driven again, every unassigned order counted.
    func recomputedScore(model: SchedulingModel) -> Score {
        var hard = 0
        var soft = 0
        var assigned = Set<Int>()
        for route in routes {
            let cost = Route.drive(route.visits, slot: route.slot, model: model).cost
            hard += cost.hard
            soft += cost.soft
            for visit in route.visits where !visit.isBreak { assigned.insert(visit.order) }
        }
        let left = model.orders.indices.filter { !assigned.contains($0) }
        let medium = left.reduce(0) { $0 + UnassignedObjective.cost(order: $1, model: model) }
        soft += left.reduce(0) { $0 + PlanChangeObjective.droppedCost(order: $1, model: model) }
        return Score(hard: -hard, medium: -medium, soft: -soft)
    }
}
