/// Large neighbourhood search: take out a handful of orders that lie close together (and some that are
/// unassigned nearby), put them back one by one at their cheapest places, and keep the result when it is good
/// enough. Pinned orders are never taken out.
struct RuinAndRecreate {
    let model: SchedulingModel
    var random: SeededRandom
    var movesEvaluated = 0

    init(model: SchedulingModel, seed: UInt64) {
        self.model = model
        random = SeededRandom(seed: seed)
    }

    /// One iteration on `solution`; returns the routes as they were before it, for undo.
    mutating func step(_ solution: inout Solution) -> [Route] {
        guard !model.orders.isEmpty else { return [] }
        var seed = random.next(below: model.orders.count)
        // Prefer a seed that is assigned: ruin has to take something out.
        for _ in 0..<8 where solution.slotOf[seed] < 0 || model.orders[seed].pinned {
            seed = random.next(below: model.orders.count)
        }
        let size = 2 + random.next(below: min(28, max(1, model.orders.count / 4)))
        var removed: [Int] = []
        var retry: [Int] = []
        for order in [seed] + model.neighbors[seed] {
            if model.orders[order].pinned { continue }
            if solution.slotOf[order] >= 0 {
                if removed.count < size { removed.append(order) }
            } else if retry.count < 8 {
                retry.append(order)
            }
            if removed.count >= size && retry.count >= 8 { break }
        }
        // Sometimes also an order from the unassigned pool anywhere, so no order is forgotten.
        if random.next(below: 4) == 0 {
            let pool = solution.unassigned.filter { !model.orders[$0].pinned }
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
        let keys = Dictionary(uniqueKeysWithValues: reinsert.map { ($0, random.next(below: 1_000)) })
        reinsert.sort {
            let (a, b) = (model.orders[$0].priority.rawValue * 1_000 + keys[$0]!, model.orders[$1].priority.rawValue * 1_000 + keys[$1]!)
            return a != b ? a < b : $0 < $1
        }
        for order in reinsert {
            if let (slot, point) = solution.cheapestPlace(for: order, model: model, evaluated: &movesEvaluated) {
                if touched[slot] == nil { touched[slot] = solution.routes[slot] }
                solution.insert(order, into: slot, at: point, model: model)
            }
        }
        return Array(touched.values)
    }
}
