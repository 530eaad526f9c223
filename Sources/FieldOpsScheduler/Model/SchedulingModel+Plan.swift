import FieldOpsModel

extension SchedulingModel {
    /// The assignments of `plan` in this model's terms, for orders and technicians both know.
    func plannedVisits(of plan: Plan) -> [PlannedVisit] {
        let orderIndex = Dictionary(uniqueKeysWithValues: plannable.enumerated().map { (problem.orders[$1].number, $0) })
        let technicianIndex = Dictionary(uniqueKeysWithValues: problem.technicians.enumerated().map { ($1.id, $0) })
        return plan.assignments.compactMap { assignment in
            guard let order = orderIndex[assignment.workOrder], let technician = technicianIndex[assignment.technicianId] else {
                return nil
            }
            return PlannedVisit(order: order, technician: technician, start: origin.minutes(until: assignment.start))
        }
    }
}
