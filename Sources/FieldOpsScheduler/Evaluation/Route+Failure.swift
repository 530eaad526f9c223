import FieldOpsModel

extension Route {
    /// The hard rule that keeps `order` out of this route as it stands (nil if it fits somewhere): of all the
    /// places it could go, the one that breaks the fewest rules names the first of them.
    func insertionFailure(of order: Int, model: SchedulingModel) -> HardRule? {
        let slot = model.slots[slot]
        if let rule = RuleSet.dayRuleOut(data: model.orders[order], slot: slot, travel: model.travel) { return rule }
        if let rule = exceedsDayTotal(adding: order, model: model) { return rule }
        if bestInsertion(of: order, model: model) != nil { return nil }
        return placeFailure(of: order, model: model)
    }

    /// The rule that keeps `order` out when it fits nowhere (`bestInsertion` found no place).
    func placeFailure(of order: Int, model: SchedulingModel) -> HardRule {
        // Prefer places where the order itself keeps its window: "it fits at its time, but then the break (or
        // the shift end) is broken" says more than "its window is missed". The break stays where it is; when the
        // place works only without it, the break is what stands in the way.
        var best: (key: (Int, Int), rule: HardRule)?
        // One broken rule with the order's own window kept is the least any place can break: the first such place
        // names the rule, and no later one can replace it.
        // One buffer for every place: the new visit moves one step to the right each time.
        var candidate = visits
        candidate.insert(Visit(order: order, window: 0), at: 0)
        search: for position in 0...visits.count {
            if position > 0 { candidate.swapAt(position - 1, position) }
            for (w, window) in model.orders[order].windows.enumerated() {
                if let best, best.key == (1, 0) { break search }
                candidate[position] = Visit(order: order, window: w)
                let schedule = Route.drive(candidate, slot: self.slot, model: model)
                guard let first = schedule.cost.violations.first else { continue }
                let ownWindowMissed = schedule.starts[position] > window.end ? 1 : 0
                var key = (schedule.cost.violations.count, ownWindowMissed)
                var rule = schedule.cost.violations.first { ownWindowMissed == 1 || ($0 != .window && $0 != .lockStart) } ?? first
                if candidate.contains(where: \.isBreak) {
                    let withoutBreak = Route.drive(candidate.filter { !$0.isBreak }, slot: self.slot, model: model)
                    if withoutBreak.cost.violations.isEmpty {
                        key = (1, 0)
                        rule = .breakTime
                    }
                }
                if best == nil || key < best!.key { best = (key, rule) }
            }
        }
        return best?.rule ?? .shift
    }
}
