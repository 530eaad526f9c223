import FieldOpsModel

/// The part of a plan one thread of a decomposed search may change: some routes, the orders in them and the
/// unassigned orders nearest to them. Regions of one split are disjoint, so the threads' changes add up.
struct SearchRegion: Sendable {
    let ownsSlot: [Bool]
    let ownsOrder: [Bool]
    /// The orders it owns, assigned or not.
    let orders: [Int]
    /// Per owned order, its candidate days inside the region (empty for orders it does not own).
    let candidates: [[Int]]

    /// Splits `solution` into `count` (one or more) regions of about as many routes each: the routes nearest to a pivot site
    /// (by the mean distance to their visits, or to the technician's home for an empty day) form the first
    /// region, and so on outwards. The pivot moves with `round`, so that what one split cuts apart the next
    /// keeps together. An unassigned order goes with its nearest candidate day.
    static func split(_ solution: Solution, model: SchedulingModel, count: Int, round: Int) -> [SearchRegion] {
        let slotCount = model.slots.count
        // Without orders any place will do: every route is empty and every key the same.
        let pivot = model.orders.isEmpty ? 0 : model.orders[(round &* 7_919) % model.orders.count].location
        let keys = solution.routes.map { route -> Int in
            let sites = route.visits.filter { !$0.isBreak }.map { model.orders[$0.order].location }
            guard !sites.isEmpty else { return model.travel.meters(pivot, model.slots[route.slot].home) }
            return sites.reduce(0) { $0 + model.travel.meters(pivot, $1) } / sites.count
        }
        let ranked = solution.routes.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        var regionOfSlot = [Int](repeating: 0, count: slotCount)
        for (rank, slot) in ranked.enumerated() { regionOfSlot[slot] = rank * count / slotCount }
        var regionOfOrder = [Int](repeating: -1, count: model.orders.count)
        for order in model.orders.indices {
            let slot = solution.slotOf[order] >= 0 ? solution.slotOf[order] : model.candidates[order].first ?? -1
            if slot >= 0 { regionOfOrder[order] = regionOfSlot[slot] }
        }
        return (0..<count).map { region in
            let ownsSlot = regionOfSlot.map { $0 == region }
            let ownsOrder = regionOfOrder.map { $0 == region }
            let candidates = model.orders.indices.map { order in
                ownsOrder[order] ? model.candidates[order].filter { ownsSlot[$0] } : []
            }
            return SearchRegion(
                ownsSlot: ownsSlot, ownsOrder: ownsOrder, orders: model.orders.indices.filter { ownsOrder[$0] },
                candidates: candidates)
        }
    }
}
