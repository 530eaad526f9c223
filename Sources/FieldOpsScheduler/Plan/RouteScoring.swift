import FieldOpsModel

/// Routes made elsewhere (another solver's, a dispatcher's spreadsheet) judged by FieldOps' own rules and weights:
/// each day is driven from its start in the given order, its break placed where it breaks least, and the result
/// is a plan with its score, its breaches and its explanations, as if FieldOps had made it.
public enum RouteScoring {
    /// One technician-day and the orders it visits, in order.
    public struct Route: Sendable, Codable, Equatable {
        public var technicianId: TechnicianID
        /// The local date of the shift.
        public var date: LocalDate
        public var workOrders: [WorkOrderNumber]

        public init(technicianId: TechnicianID, date: LocalDate, workOrders: [WorkOrderNumber]) {
            self.technicianId = technicianId
            self.date = date
            self.workOrders = workOrders
        }
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func plan(_ problem: Problem, routes: [Route]) throws(Failure) -> Plan {
        let model = SchedulingModel(problem: problem, neighbors: false)
        let orderIndex = Dictionary(uniqueKeysWithValues: model.plannable.enumerated().map { (problem.orders[$1].number, $0) })
        var solution = Solution(model: model)
        var seen = Set<WorkOrderNumber>()
        var usedSlots = Set<Int>()
        for (r, route) in routes.enumerated() {
            guard let technician = model.technicianIndex[route.technicianId] else {
                throw Failure(description: "routes[\(r)].technicianId: unknown technician \(route.technicianId)")
            }
            guard let slot = model.slotsOfTechnician[technician].first(where: {
                let shift = problem.technicians[technician].shifts[model.slots[$0].shift]
                return problem.horizon.timeZone.local(shift.start).date == route.date
            }) else {
                throw Failure(description: "routes[\(r)].date: \(route.technicianId) has no shift on \(route.date)")
            }
            guard usedSlots.insert(slot).inserted else {
                throw Failure(description: "routes[\(r)]: a second route for \(route.technicianId) on \(route.date)")
            }
            var orders: [Int] = []
            for (k, number) in route.workOrders.enumerated() {
                guard let order = orderIndex[number] else {
                    throw Failure(description: "routes[\(r)].workOrders[\(k)]: \(number) is not an order of the problem that is still to be planned")
                }
                guard seen.insert(number).inserted else {
                    throw Failure(description: "routes[\(r)].workOrders[\(k)]: \(number) is in the routes twice")
                }
                orders.append(order)
            }
            var day = solution.routes[slot]
            let pause = model.slots[slot].breakWindow == nil ? [] : [Visit.pause]
            day.replaceVisits(pause + visits(orders, slot: slot, model: model), model: model, placingBreak: true)
            solution.restore(day, model: model)
        }
        return PlanBuilder(model: model).plan(from: solution, summary: SolverSummary(
            seed: 0, timeLimitSeconds: 0, iterationLimit: 0, iterations: 0, movesEvaluated: 0, elapsedSeconds: 0))
    }

    /// The orders as visits, each in the first of its windows the day can still reach when driven in this order.
    static func visits(_ orders: [Int], slot: Int, model: SchedulingModel) -> [Visit] {
        var time = model.slots[slot].start
        var here = model.slots[slot].home
        return orders.map { order in
            let data = model.orders[order]
            let arrival = time + model.travel.minutes(here, data.location)
            let window = data.windows.firstIndex { $0.end >= arrival } ?? 0
            time = max(arrival, data.windows[window].start) + data.duration
            here = data.location
            return Visit(order: order, window: window)
        }
    }
}
