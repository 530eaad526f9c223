import FieldOpsModel

extension SchedulingModel {
    /// The assignments of `plan` in this model's terms, for orders and technicians both know.
    func plannedVisits(of plan: Plan) -> [PlannedVisit] {
        let orderIndex = Dictionary(uniqueKeysWithValues: plannable.enumerated().map { (problem.orders[$1].number, $0) })
        let technicianIndex = Dictionary(uniqueKeysWithValues: problem.technicians.enumerated().map { ($1.id, $0) })
        let visits = plan.assignments.compactMap { assignment -> PlannedVisit? in
            guard let order = orderIndex[assignment.workOrder], let technician = technicianIndex[assignment.technicianId] else {
                return nil
            }
            return PlannedVisit(order: order, technician: technician, start: origin.minutes(until: assignment.start))
        }
        // Breaks stay where they were, so that nothing is retimed only because a break moved.
        let breaks = plan.routes.compactMap { route -> PlannedVisit? in
            guard let pause = route.breakTime, let technician = technicianIndex[route.technicianId] else { return nil }
            return PlannedVisit(order: Visit.breakMarker, technician: technician, start: origin.minutes(until: pause.start))
        }
        return visits + breaks
    }
}
