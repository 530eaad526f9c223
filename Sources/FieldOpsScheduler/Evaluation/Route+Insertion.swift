import FieldOpsModel

/// Where an order would go in a route, and what that would cost.
struct InsertionPoint: Sendable {
    var position: Int
    var window: Int
    /// Change of the route's soft cost.
    var delta: Int
}

extension Route {
    /// The cheapest feasible place for `order` in this route, or nil when it fits nowhere. Feasibility of each
    /// place is decided in O(1) from the forward and backward summaries; the soft cost change is exact except
    /// that the break stays where it is (the route moves it after the insertion if that is better).
    func bestInsertion(of order: Int, model: SchedulingModel) -> InsertionPoint? {
        let slot = model.slots[slot]
        if exceedsDayTotal(adding: order, model: model) != nil { return nil }
        let data = model.orders[order]
        let costs = model.costs
        let n = visits.count
        let hasBreak = slot.breakWindow != nil
        let breakMinutes = slot.breakWindow?.minutes ?? 0
        let assignment = model.assignmentCost(order: order, technician: slot.technician)
        var best: InsertionPoint?
        for position in 0...n {
            // Inserting after a break that was last makes it an ordinary break inside its window again.
            let breakBecomesInner = position == n && n > 0 && visits[n - 1].isBreak
            var left = forward[position]
            if breakBecomesInner {
                left = forward[n - 1].then(nodeSegment(visits[n - 1], relaxedBreak: false, model: model), travel: 0)
            }
            let previous = left.last
            let next = position < n && visits[position].isBreak ? backward[position + 1].first : backward[position].first
            let travelDelta = model.travel.minutes(previous, data.location) + model.travel.minutes(data.location, next)
                - model.travel.minutes(previous, next)
            for (w, window) in data.windows.enumerated() {
                let node = TimeSegment.node(location: data.location, service: data.duration, earliest: window.start, latest: window.end)
                let total = joined(Route.join(left, node, model: model), suffixFrom: position, model: model)
                guard total.timeWarp == 0 else { continue }
                let end = total.earliestEnd
                let latenessDelta = pushLateness(order: order, window: window, at: position, model: model)
                let departure: Int
                if cost.jobs == 0 || position == 0 {
                    departure = firstDeparture(order: order, window: window, at: position, model: model)
                } else {
                    departure = self.departure
                }
                let working = end - departure - (hasBreak ? breakMinutes : 0)
                if MaxWorkingMinutesRule.breaks(workingMinutes: working, slot: slot) { continue }
                // The day after minus the day before, by the one formula.
                let delta = costs.daySoft(
                    travelMinutes: cost.travelMinutes + travelDelta, lateness: cost.latenessCost + latenessDelta,
                    assignment: cost.assignmentCost + assignment, overtimeMinutes: max(0, end - slot.end), workingMinutes: working)
                    - cost.soft
                if best == nil || delta < best!.delta {
                    best = InsertionPoint(position: position, window: w, delta: delta)
                }
            }
        }
        return best
    }

    /// When the technician would leave home if the order went in at `position` 0 or into an empty route.
    private func firstDeparture(order: Int, window: MinuteWindow, at position: Int, model: SchedulingModel) -> Int {
        let slot = model.slots[slot]
        if position > 0 && visits[0].isBreak && cost.jobs > 0 { return departure }
        if position > 0, visits[0].isBreak {
            // [break, order]: the break is taken at home before leaving.
            return max(slot.start, slot.breakWindow!.earliest)
        }
        let drive = model.travel.minutes(slot.home, model.orders[order].location)
        return max(slot.start + drive, window.start) - drive
    }

    /// Change in SLA lateness cost when `order` starts in `window` at `position`: the visit's own lateness plus the
    /// later visits pushed back, walking forward only until the push is absorbed by waiting.
    private func pushLateness(order: Int, window: MinuteWindow, at position: Int, model: SchedulingModel) -> Int {
        // Without lateness weights (the routing benchmarks) nothing to walk.
        guard model.costs.latenessMatters else { return 0 }
        let slot = model.slots[slot]
        let n = visits.count
        var time: Int
        var here = slot.home
        if position == 0 {
            time = slot.start
        } else {
            let k = position - 1
            if visits[k].isBreak {
                let pause = slot.breakWindow!
                let start = k == n - 1 && position == n
                    ? max(k == 0 ? slot.start : end(of: k - 1, model: model), pause.earliest)
                    : starts[k]
                time = start + pause.minutes
            } else {
                time = end(of: k, model: model)
            }
            here = lastLocation(before: position, model: model)
        }
        let data = model.orders[order]
        let start = max(time + model.travel.minutes(here, data.location), window.start)
        var delta = model.latenessCost(order: order, start: start)
        time = start + data.duration
        here = data.location
        for k in position..<n {
            let visit = visits[k]
            if visit.isBreak {
                let pause = slot.breakWindow!
                let newStart = k == n - 1 ? time : max(time, pause.earliest)
                if newStart == starts[k] { break }
                time = newStart + pause.minutes
                continue
            }
            let location = model.orders[visit.order].location
            let newStart = max(time + model.travel.minutes(here, location), model.orders[visit.order].windows[visit.window].start)
            if newStart == starts[k] { break }
            delta += model.latenessCost(order: visit.order, start: newStart) - model.latenessCost(order: visit.order, start: starts[k])
            time = newStart + model.orders[visit.order].duration
            here = location
        }
        return delta
    }

    private func end(of k: Int, model: SchedulingModel) -> Int {
        visits[k].isBreak ? starts[k] + model.slots[slot].breakWindow!.minutes : starts[k] + model.orders[visits[k].order].duration
    }

    private func lastLocation(before position: Int, model: SchedulingModel) -> Int {
        var k = position - 1
        while k >= 0 {
            if !visits[k].isBreak { return model.orders[visits[k].order].location }
            k -= 1
        }
        return model.slots[slot].home
    }
}
