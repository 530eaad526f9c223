extension Route {
    /// The hard rule that keeps `order` out of this route as it stands (nil if it fits somewhere): of all the
    /// places it could go, the one that breaks the fewest rules names the first of them.
    func insertionFailure(of order: Int, model: SchedulingModel) -> HardRule? {
        let slot = model.slots[slot]
        if let rule = Eligibility.slotRuleOut(data: model.orders[order], slot: slot, travel: model.travel) { return rule }
        if cost.jobs + 1 > slot.maxJobs { return .maxJobsPerDay }
        if bestInsertion(of: order, model: model) != nil { return nil }
        let jobs = visits.filter { !$0.isBreak }
        let hasBreak = slot.breakWindow != nil
        // Prefer places where the order itself keeps its window: "it fits at its time, but then the break (or
        // the shift end) is broken" says more than "its window is missed".
        var best: (key: (Int, Int), rule: HardRule)?
        for position in 0...jobs.count {
            for (w, window) in model.orders[order].windows.enumerated() {
                var candidate = jobs
                candidate.insert(Visit(order: order, window: w), at: position)
                for breakPosition in hasBreak ? Array(0...candidate.count) : [-1] {
                    var withBreak = candidate
                    if breakPosition >= 0 { withBreak.insert(.pause, at: breakPosition) }
                    let schedule = Route.drive(withBreak, slot: self.slot, model: model)
                    guard let rule = schedule.cost.violations.first else { continue }
                    let index = withBreak.firstIndex { $0.order == order }!
                    let ownWindowMissed = schedule.starts[index] > window.end ? 1 : 0
                    let key = (schedule.cost.violations.count, ownWindowMissed)
                    let rules = schedule.cost.violations.filter { ownWindowMissed == 1 || ($0 != .window && $0 != .lockStart) }
                    if best == nil || key < best!.key { best = (key, rules.first ?? rule) }
                }
            }
        }
        return best?.rule ?? .shift
    }
}
