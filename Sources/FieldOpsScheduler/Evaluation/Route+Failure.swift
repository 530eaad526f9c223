extension Route {
    /// The hard rule that keeps `order` out of this route as it stands (nil if it fits somewhere).
    func insertionFailure(of order: Int, model: SchedulingModel) -> HardRule? {
        let slot = model.slots[slot]
        if let rule = Eligibility.slotRuleOut(data: model.orders[order], slot: slot, travel: model.travel) { return rule }
        if cost.jobs + 1 > slot.maxJobs { return .maxJobsPerDay }
        if bestInsertion(of: order, model: model) != nil { return nil }
        // Is there a place that keeps every window and only breaks the working-minutes limit?
        for position in 0...visits.count {
            var candidate = visits
            for w in model.orders[order].windows.indices {
                candidate.insert(Visit(order: order, window: w), at: position)
                let cost = Route.drive(candidate, slot: self.slot, model: model).cost
                if cost.violations == [.maxWorkingMinutes] { return .maxWorkingMinutes }
                candidate.remove(at: position)
            }
        }
        let horizonWide = model.orders[order].windows.count == 1 && model.orders[order].windows[0].start == 0
        return horizonWide ? .shift : .window
    }
}
