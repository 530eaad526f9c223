import FieldOpsModel

/// An earlier decision to start from: this order, this technician, this start.
struct PlannedVisit: Sendable {
    var order: Int
    var technician: Int
    var start: Int
}

extension Solution {
    /// Rebuilds routes from earlier decisions (a published plan), in their start order. A visit that no longer fits
    /// where it was (the problem changed) is left out for the search to place again; pinned orders are kept
    /// whatever they break, as in construction.
    init(model: SchedulingModel, warmStart visits: [PlannedVisit]) {
        self.init(model: model)
        var bySlot: [Int: [(visit: Visit, start: Int)]] = [:]
        for visit in visits {
            guard let slot = model.slotsOfTechnician[visit.technician].first(where: {
                model.slots[$0].start <= visit.start && visit.start <= model.slots[$0].end + model.slots[$0].overtime
            }) else { continue }
            if visit.order == Visit.breakMarker {
                if model.slots[slot].breakWindow != nil { bySlot[slot, default: []].append((.pause, visit.start)) }
                continue
            }
            let data = model.orders[visit.order]
            let order = model.problem.orders[model.plannable[visit.order]]
            let technician = model.problem.technicians[visit.technician]
            guard data.pinned
                || (RuleSet.ruleOut(order: order, data: data, technician: technician, technicianIndex: visit.technician) == nil
                    && RuleSet.dayRuleOut(data: data, slot: model.slots[slot], travel: model.travel) == nil)
            else { continue }
            let window = data.windows.firstIndex { $0.start <= visit.start && visit.start <= $0.end } ?? 0
            bySlot[slot, default: []].append((Visit(order: visit.order, window: window), visit.start))
        }
        for slot in bySlot.keys.sorted() {
            let entries = bySlot[slot]!.sorted { ($0.start, $0.visit.order) < ($1.start, $1.visit.order) }
            var ordered = entries.map(\.visit)
            if model.slots[slot].breakWindow != nil, !ordered.contains(where: \.isBreak) { ordered.insert(.pause, at: 0) }
            // The whole day at once; if it no longer fits as it was, keep what fits, one visit at a time.
            var whole = routes[slot]
            whole.replaceVisits(ordered, model: model, placingBreak: false)
            if whole.cost.hard == 0 {
                restore(whole, model: model)
                continue
            }
            for visit in ordered where !visit.isBreak {
                let route = routes[slot]
                var trial = route
                trial.insert(visit, at: route.visits.count, model: model)
                if trial.cost.hard > route.cost.hard && !model.orders[visit.order].pinned { continue }
                restore(trial, model: model)
            }
        }
    }
}
