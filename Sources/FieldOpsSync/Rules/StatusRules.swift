import FieldOpsModel

/// What to do with a status a device reports, given the order as the server has it. Pure: the store applies it.
public enum StatusDecision: Hashable, Sendable {
    /// Move through `path` (each step an audit event). With `exception`, the fact is kept and the dispatcher is
    /// told; `reassignBack` gives the order back to the reporting technician.
    case apply(path: [WorkOrderStatus], exception: Rejection?, reassignBack: Bool)
    /// Never applies. `recordInHistory`: the report is still written to the order's history.
    case reject(Rejection, recordInHistory: Bool)
}

public enum StatusRules {
    public struct OrderState: Hashable, Sendable {
        public var status: WorkOrderStatus
        public var technicianId: TechnicianID?
        public var assignmentVersion: Int64

        public init(status: WorkOrderStatus, technicianId: TechnicianID?, assignmentVersion: Int64) {
            self.status = status
            self.technicianId = technicianId
            self.assignmentVersion = assignmentVersion
        }
    }

    /// `holderAtBasis` is who held the order at the device's `basisAssignment` (from the order's assignment
    /// history): the reassignment rule protects only a technician who really held the order then, so an old or
    /// made-up basis never lets a device act on someone else's order.
    public static func decide(
        requested: WorkOrderStatus, basis: Int64, reporter: TechnicianID, holderAtBasis: TechnicianID?, order: OrderState
    ) -> StatusDecision {
        if basis > order.assignmentVersion || basis < 0 {
            return .reject(Rejection(code: "invalid_basis", message: "basisAssignment \(basis) is not an assignment this order had"), recordInHistory: false)
        }
        // Reassigned away and back again: the device's basis is old, but the order is its own.
        let current = order.technicianId == reporter
        guard holderAtBasis == reporter || (current && basis == order.assignmentVersion) else {
            return .reject(.notAssigned, recordInHistory: false)
        }
        if current {
            guard let path = forwardPath(from: order.status, to: requested) else {
                return .reject(Rejection(code: "illegal_transition", message: "work order cannot go from \(order.status) to \(requested)"), recordInHistory: false)
            }
            return .apply(path: path, exception: nil, reassignBack: false)
        }
        // The dispatcher reassigned the order while the device was offline. The device is not told who has it now.
        switch requested {
        case .onSite, .resolved:
            // Physical facts: kept, and the dispatcher is told. The order comes back to the reporter unless the new
            // assignee has already started it.
            let newAssigneeStarted = order.status.isStarted || order.status.isFinished
            let exception = Rejection(
                code: "reassignment_conflict",
                message: "the order was reassigned after assignment \(basis) while \(requested) was reported"
                    + (newAssigneeStarted ? "; the new assignee had started it" : "; it goes back to \(reporter)"))
            let path = forwardPath(from: order.status, to: requested) ?? []
            return .apply(path: path, exception: exception, reassignBack: !newAssigneeStarted)
        default:
            return .reject(Rejection(code: "reassigned", message: "the order was reassigned after assignment \(basis); \(requested) not applied"), recordInHistory: true)
        }
    }

    /// The shortest way forward from `from` to `to` through en route and on site (devices may skip reporting a
    /// step while offline), or nil when `to` cannot be reached without going backwards.
    public static func forwardPath(from: WorkOrderStatus, to: WorkOrderStatus) -> [WorkOrderStatus]? {
        let through: Set<WorkOrderStatus> = [.enRoute, .onSite]
        var frontier: [(WorkOrderStatus, [WorkOrderStatus])] = [(from, [])]
        var seen: Set<WorkOrderStatus> = [from]
        while !frontier.isEmpty {
            var next: [(WorkOrderStatus, [WorkOrderStatus])] = []
            for (status, path) in frontier {
                for successor in status.successors.sorted(by: { $0.rawValue < $1.rawValue }) where !seen.contains(successor) {
                    if successor == to { return path + [successor] }
                    if through.contains(successor) {
                        seen.insert(successor)
                        next.append((successor, path + [successor]))
                    }
                }
            }
            frontier = next
        }
        return nil
    }
}
