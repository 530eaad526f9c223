/// What re-optimizing changed against the published plan.
public struct PlanDiff: Hashable, Sendable, Codable {
    public struct Move: Hashable, Sendable, Codable {
        public var workOrder: WorkOrderNumber
        public var fromTechnician: TechnicianID?
        public var toTechnician: TechnicianID?
        public var fromStart: Instant?
        public var toStart: Instant?
    }

    /// Now with another technician.
    public var reassigned: [Move] = []
    /// Same technician, another start time.
    public var retimed: [Move] = []
    public var unchanged: [WorkOrderNumber] = []
    /// Assigned now, not before (new orders, or left out before).
    public var added: [Move] = []
    /// Assigned before, left out now.
    public var dropped: [Move] = []

    public init(from published: Plan, to plan: Plan) {
        let before = Dictionary(published.assignments.map { ($0.workOrder, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(plan.assignments.map { ($0.workOrder, $0) }, uniquingKeysWith: { first, _ in first })
        for assignment in plan.assignments {
            guard let old = before[assignment.workOrder] else {
                added.append(Move(workOrder: assignment.workOrder, toTechnician: assignment.technicianId, toStart: assignment.start))
                continue
            }
            let move = Move(
                workOrder: assignment.workOrder, fromTechnician: old.technicianId, toTechnician: assignment.technicianId,
                fromStart: old.start, toStart: assignment.start)
            if old.technicianId != assignment.technicianId {
                reassigned.append(move)
            } else if old.start != assignment.start {
                retimed.append(move)
            } else {
                unchanged.append(assignment.workOrder)
            }
        }
        for old in published.assignments where after[old.workOrder] == nil {
            dropped.append(Move(workOrder: old.workOrder, fromTechnician: old.technicianId, fromStart: old.start))
        }
    }
}
