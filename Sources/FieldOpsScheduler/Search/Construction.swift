import FieldOpsModel

/// Builds the first plan: pinned orders (started, locked) where they are pinned, then every other order by
/// regret insertion: the order that would lose most by waiting (its second-best place against its best, or the
/// cost of leaving it out when it has only one place) goes first.
struct Construction {
    let model: SchedulingModel
    var movesEvaluated = 0

    init(model: SchedulingModel) {
        self.model = model
    }

    mutating func build(warmStart: [PlannedVisit] = []) -> Solution {
        var solution = warmStart.isEmpty ? Solution(model: model) : Solution(model: model, warmStart: warmStart)
        placePinned(&solution)
        let free = model.orders.indices.filter { !model.orders[$0].pinned && solution.slotOf[$0] < 0 }
        regretInsert(free, into: &solution)
        return solution
    }

    /// Started orders first, then those locked to a time, then those locked to a technician. A pinned order that
    /// fits nowhere is still put with its technician (the hard score shows the breach): it is a fact or a promise.
    mutating func placePinned(_ solution: inout Solution) {
        let pinned = model.orders.indices.filter { model.orders[$0].pinned }.sorted { a, b in
            let (x, y) = (model.orders[a], model.orders[b])
            return (x.started ? 0 : 1, x.lockStart == nil ? 1 : 0, a) < (y.started ? 0 : 1, y.lockStart == nil ? 1 : 0, b)
        }
        for order in pinned where solution.slotOf[order] < 0 {
            if let (slot, point) = bestPlace(for: order, in: solution) {
                solution.insert(order, into: slot, at: point, model: model)
                continue
            }
            guard let technician = model.orders[order].lockTechnician else { continue }
            let start = model.orders[order].windows[0].start
            let slots = model.slotsOfTechnician[technician]
            guard let slot = slots.first(where: { model.slots[$0].start <= start && start <= model.slots[$0].end }) ?? slots.first else {
                continue
            }
            let route = solution.routes[slot]
            let position = route.visits.firstIndex { visit in
                !visit.isBreak && model.orders[visit.order].windows[visit.window].start > start
            } ?? route.visits.count
            solution.insert(order, into: slot, at: InsertionPoint(position: position, window: 0, delta: 0), model: model)
        }
    }

    /// The cheapest feasible place for `order` over all its candidate slots.
    mutating func bestPlace(for order: Int, in solution: Solution) -> (slot: Int, point: InsertionPoint)? {
        solution.cheapestPlace(for: order, model: model, evaluated: &movesEvaluated)
    }

    mutating func regretInsert(_ orders: [Int], into solution: inout Solution) {
        guard !orders.isEmpty else { return }
        let infinity = Int.max / 4
        // costs[i][c]: insertion cost of orders[i] into its c-th candidate slot.
        var costs: [[Int]] = []
        costs.reserveCapacity(orders.count)
        var watchers: [[(order: Int, candidate: Int)]] = Array(repeating: [], count: model.slots.count)
        for (i, order) in orders.enumerated() {
            var row: [Int] = []
            row.reserveCapacity(model.candidates[order].count)
            for (c, slot) in model.candidates[order].enumerated() {
                movesEvaluated += solution.routes[slot].visits.count + 1
                row.append(solution.routes[slot].bestInsertion(of: order, model: model)?.delta ?? infinity)
                watchers[slot].append((i, c))
            }
            costs.append(row)
        }
        var best = [Int](repeating: -1, count: orders.count)
        var secondCost = [Int](repeating: infinity, count: orders.count)
        func rank(_ i: Int) {
            var first = -1
            var firstCost = infinity
            var second = infinity
            for (c, cost) in costs[i].enumerated() {
                if cost < firstCost {
                    second = firstCost
                    firstCost = cost
                    first = c
                } else if cost < second {
                    second = cost
                }
            }
            best[i] = firstCost < infinity ? first : -1
            secondCost[i] = second
        }
        for i in orders.indices { rank(i) }
        var open = Array(orders.indices)
        while !open.isEmpty {
            var pick = -1
            var pickRegret = Int.min
            var keep: [Int] = []
            keep.reserveCapacity(open.count)
            for i in open {
                guard best[i] >= 0 else { continue }
                keep.append(i)
                let bestCost = costs[i][best[i]]
                let regret = secondCost[i] >= infinity ? UnassignedObjective.cost(order: orders[i], model: model) : secondCost[i] - bestCost
                if regret > pickRegret { pickRegret = regret; pick = i }
            }
            open = keep
            guard pick >= 0 else { break }
            let order = orders[pick]
            let slot = model.candidates[order][best[pick]]
            guard let point = solution.routes[slot].bestInsertion(of: order, model: model) else {
                costs[pick][best[pick]] = infinity
                rank(pick)
                continue
            }
            solution.insert(order, into: slot, at: point, model: model)
            open.removeAll { $0 == pick }
            best[pick] = -1
            for (i, c) in watchers[slot] where best[i] >= 0 || costs[i][c] < infinity {
                guard solution.slotOf[orders[i]] < 0 else { continue }
                movesEvaluated += solution.routes[slot].visits.count + 1
                let old = costs[i][c]
                let new = solution.routes[slot].bestInsertion(of: orders[i], model: model)?.delta ?? infinity
                costs[i][c] = new
                if c == best[i] || old <= secondCost[i] || new < secondCost[i] { rank(i) }
            }
        }
    }
}
