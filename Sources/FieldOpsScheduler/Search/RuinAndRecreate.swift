import FieldOpsModel

/// Large neighbourhood search: take out a handful of orders that lie close together (and some that are
/// unassigned nearby), put them back one by one at their cheapest places, and keep the result when it is good
/// enough. Pinned orders are never taken out. Within a region (a decomposed search) only the region's orders move,
/// and only into its routes.
struct RuinAndRecreate: Sendable {
    let model: SchedulingModel
    var random: SeededGenerator
    var movesEvaluated = 0
    var region: SearchRegion?

    init(model: SchedulingModel, seed: UInt64) {
        self.model = model
        random = SeededGenerator(seed: Solver.scrambled(seed))
    }

    /// One iteration on `solution`; returns the routes as they were before it, for undo.
    mutating func step(_ solution: inout Solution) -> [Route] {
        let owned = region?.orders
        let count = owned?.count ?? model.orders.count
        guard count > 0 else { return [] }
        let pick = { (random: inout SeededGenerator) in
            let index = random.next(below: count)
            return owned?[index] ?? index
        }
        var seed = pick(&random)
        // Prefer a seed that is assigned: ruin has to take something out.
        for _ in 0..<8 where solution.slotOf[seed] < 0 || model.orders[seed].pinned {
            seed = pick(&random)
        }
        let size = 2 + random.next(below: min(28, max(1, model.orders.count / 4)))
        var removed: [Int] = []
        var retry: [Int] = []
        let strings = random.next(below: 2) == 0 && solution.slotOf[seed] >= 0
        var routesCut = Set<Int>()
        for order in [seed] + model.neighbors[seed] {
            if model.orders[order].pinned || region?.ownsOrder[order] == false { continue }
            if solution.slotOf[order] >= 0 {
                guard removed.count < size else { continue }
                if strings {
                    // String removal (Christiaens & Vanden Berghe's SISR): a run of consecutive visits around each
                    // neighbour, one run per route, so that routes near the seed open up whole stretches.
                    let slot = solution.slotOf[order]
                    guard routesCut.count < 6, routesCut.insert(slot).inserted else { continue }
                    removed += string(around: order, in: solution.routes[slot], length: 1 + random.next(below: max(1, min(10, size / 2))))
                } else {
                    removed.append(order)
                }
            } else if retry.count < 8 {
                retry.append(order)
            }
            if removed.count >= size && retry.count >= 8 { break }
        }
        // Sometimes also an order from the unassigned pool anywhere, so no order is forgotten.
        if random.next(below: 4) == 0 {
            let pool = solution.unassigned.filter { !model.orders[$0].pinned && region?.ownsOrder[$0] != false }
            if !pool.isEmpty { retry.append(pool[random.next(below: pool.count)]) }
        }
        var touched: [Int: Route] = [:]
        for order in removed where touched[solution.slotOf[order]] == nil {
            touched[solution.slotOf[order]] = solution.routes[solution.slotOf[order]]
        }
        solution.remove(removed, model: model)
        // Reinsert the most urgent first; a little noise in the order lets the search explore.
        var seen = Set<Int>()
        var reinsert = (removed + retry).filter { seen.insert($0).inserted }
        // Within a priority: a random order most of the time, sometimes the tightest windows or the largest loads
        // first (they have the fewest places left).
        let criterion = random.next(below: 8)
        let keys = Dictionary(uniqueKeysWithValues: reinsert.map { order -> (Int, Int) in
            let data = model.orders[order]
            let key: Int
            switch criterion {
            case 0: key = data.windows.reduce(0) { $0 + $1.end - $1.start }
            case 1: key = -data.demand
            default: key = random.next(below: 1_000_000)
            }
            return (order, key)
        })
        reinsert.sort {
            let (a, b) = (model.orders[$0].priority.rawValue, model.orders[$1].priority.rawValue)
            if a != b { return a < b }
            return keys[$0]! != keys[$1]! ? keys[$0]! < keys[$1]! : $0 < $1
        }
        for order in reinsert {
            if let (slot, point) = solution.cheapestPlace(
                for: order, among: region?.candidates[order], model: model, evaluated: &movesEvaluated)
            {
                if touched[slot] == nil { touched[slot] = solution.routes[slot] }
                solution.insert(order, into: slot, at: point, model: model)
            }
        }
        return Array(touched.values)
    }

    /// Up to `length` consecutive unpinned orders of `route` that include `order`, at a random offset.
    private mutating func string(around order: Int, in route: Route, length: Int) -> [Int] {
        let orders = route.visits.filter { !$0.isBreak && !model.orders[$0.order].pinned }.map(\.order)
        guard let position = orders.firstIndex(of: order) else { return [order] }
        let count = min(length, orders.count)
        let first = max(0, min(position - random.next(below: count), orders.count - count))
        return Array(orders[first..<(first + count)])
    }
}
