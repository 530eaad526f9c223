import FieldOpsModel
import FieldOpsScheduler

/// Checks a plan against its problem from first principles, sharing no code with the scheduler: it recomputes
/// travel with `GeoPoint.haversineMeters` and walks each technician's day by the plan's own times.
/// Returns every breach found, as text.
enum FeasibilityChecker {
    static func breaches(of plan: Plan) -> [String] {
        let problem = plan.problem
        var found: [String] = []
        let technicians = Dictionary(uniqueKeysWithValues: problem.technicians.map { ($0.id, $0) })
        let orders = Dictionary(uniqueKeysWithValues: problem.orders.map { ($0.number, $0) })
        guard case .haversine(let roadFactor, let speed) = problem.travel else { return ["checker only knows haversine travel"] }
        func drive(_ a: GeoPoint, _ b: GeoPoint) -> Int {
            a == b ? 0 : Int((a.haversineMeters(to: b) * roadFactor / (speed * 1000 / 60)).rounded(.up))
        }
        // Every order that can be planned is assigned once or listed as unassigned, never both.
        let assigned = plan.assignments.map(\.workOrder)
        if Set(assigned).count != assigned.count { found.append("an order is assigned twice") }
        let unassigned = Set(plan.unassigned.map(\.workOrder))
        for order in problem.orders where order.status.isPlannable || order.status.isStarted {
            let count = (assigned.contains(order.number) ? 1 : 0) + (unassigned.contains(order.number) ? 1 : 0)
            if count != 1 { found.append("\(order.number) appears \(count) times among assigned and unassigned") }
        }
        for assignment in plan.assignments {
            guard let order = orders[assignment.workOrder], let technician = technicians[assignment.technicianId] else {
                found.append("\(assignment.workOrder): unknown order or technician")
                continue
            }
            let name = "\(order.number) → \(technician.id)"
            for requirement in order.requiredSkills where technician.level(in: requirement.skill) < requirement.minLevel {
                found.append("\(name): lacks \(requirement.skill) \(requirement.minLevel)")
            }
            if order.excludedTechnicians.contains(technician.id) { found.append("\(name): excluded") }
            if !order.requiredTechnicians.isEmpty && !order.requiredTechnicians.contains(technician.id) { found.append("\(name): not required") }
            if let lockTechnician = order.lock?.technicianId, lockTechnician != technician.id { found.append("\(name): locked to \(lockTechnician)") }
            if let lockStart = order.lock?.start, lockStart != assignment.start { found.append("\(name): locked start \(lockStart) moved to \(assignment.start)") }
            if order.lock?.start == nil, !order.windows.isEmpty, !order.windows.contains(where: { $0.contains(assignment.start) }) {
                found.append("\(name): starts \(assignment.start) outside its windows")
            }
            if assignment.start.minutes(until: assignment.end) != order.durationMinutes { found.append("\(name): wrong duration") }
        }
        for route in plan.routes where !route.workOrders.isEmpty {
            guard let technician = technicians[route.technicianId],
                  let shift = technician.shifts.first(where: { $0.window == route.shift }) else {
                found.append("route of \(route.technicianId) on an unknown shift")
                continue
            }
            let visits = route.workOrders.compactMap { number in plan.assignments.first { $0.workOrder == number } }
            let name = "\(technician.id) \(route.date)"
            if visits.count != route.workOrders.count { found.append("\(name): route lists unplanned orders") }
            if zip(visits, visits.dropFirst()).contains(where: { $0.start >= $1.start }) { found.append("\(name): visits out of order") }
            if route.departure < shift.start { found.append("\(name): leaves before the shift starts") }
            var here = technician.homeBase
            var time = route.departure
            if let pause = route.breakTime, let first = visits.first, pause.end <= first.start { time = max(time, pause.end) }
            for visit in visits {
                let site = orders[visit.workOrder]!.site.location
                let arrival = time.adding(minutes: drive(here, site))
                if arrival > visit.start {
                    // A break taken between the previous visit and this one delays nothing it does not account for.
                    found.append("\(name): cannot reach \(visit.workOrder) by \(visit.start) (arrives \(arrival))")
                }
                time = visit.end
                here = site
                if let pause = route.breakTime, pause.start >= visit.end, pause.start < (visits.first { $0.start > visit.start }?.start ?? .init(secondsSinceEpoch: .max)) {
                    time = max(time, pause.end)
                }
            }
            let home = time.adding(minutes: drive(here, technician.homeBase))
            if home > route.returnHome { found.append("\(name): cannot be home by \(route.returnHome) (arrives \(home))") }
            if route.returnHome > shift.end.adding(minutes: technician.limits.overtimeMinutes) {
                found.append("\(name): home at \(route.returnHome), after the shift end and overtime allowance")
            }
            if let max = technician.limits.maxJobsPerDay, visits.count > max { found.append("\(name): \(visits.count) jobs, max \(max)") }
            let breakMinutes = route.breakTime?.minutes ?? 0
            let working = route.departure.minutes(until: route.returnHome) - breakMinutes
            if let max = technician.limits.maxWorkingMinutes, working > max { found.append("\(name): works \(working) minutes, max \(max)") }
            if let pause = shift.breakTime {
                guard let taken = route.breakTime else {
                    found.append("\(name): no break")
                    continue
                }
                if taken.minutes != pause.minutes { found.append("\(name): break of \(taken.minutes) minutes") }
                let afterLastVisit = visits.last.map { taken.start >= $0.end } ?? true
                if taken.end > pause.latestEnd || (taken.start < pause.earliestStart && !afterLastVisit) {
                    found.append("\(name): break \(taken.start)–\(taken.end) outside \(pause.earliestStart)–\(pause.latestEnd)")
                }
                if visits.contains(where: { $0.start < taken.end && taken.start < $0.end }) { found.append("\(name): break overlaps a visit") }
            }
        }
        return found
    }
}
