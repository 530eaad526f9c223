import FieldOpsModel

extension Route {
    /// The hard rule that keeps `order` out of this route as it stands (nil if it fits somewhere): of all the
    /// places it could go, the one that breaks the fewest rules names the first of them.
    func insertionFailure(of order: Int, model: SchedulingModel) -> HardRule? {
        let slot = model.slots[slot]
        if let rule = RuleSet.dayRuleOut(data: model.orders[order], slot: slot, travel: model.travel) { return rule }
        if let rule = exceedsDayTotal(adding: order, model: model) { return rule }
        if bestInsertion(of: order, model: model) != nil { return nil }
        // Prefer places where the order itself keeps its window: "it fits at its time, but then the break (or
        // the shift end) is broken" says more than "its window is missed". The break stays where it is; when the
        // place works only without it, the break is what stands in the way.
        var best: (key: (Int, Int), rule: HardRule)?
        for position in 0...visits.count {
            for (w, window) in model.orders[order].windows.enumerated() {
                var candidate = visits
                candidate.insert(Visit(order: order, window: w), at: position)
                let schedule = Route.drive(candidate, slot: self.slot, model: model)
                guard let first = schedule.cost.violations.first else { continue }
                let index = candidate.firstIndex { $0.order == order }!
                let ownWindowMissed = schedule.starts[index] > window.end ? 1 : 0
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
