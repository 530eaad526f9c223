/// A refused status change. Names both states so the person who tried it knows what the order was in.
public struct IllegalTransition: Error, Hashable, Sendable, CustomStringConvertible {
    public var workOrder: WorkOrderNumber
    public var from: WorkOrderStatus
    public var to: WorkOrderStatus

    public var code: String { "illegal_transition" }

    public var description: String {
        let allowed = from.successors.map(\.rawValue).sorted()
        let hint = allowed.isEmpty ? "\(from) is final" : "from \(from) it can go to \(allowed.joined(separator: ", "))"
        return "work order \(workOrder) cannot go from \(from) to \(to): \(hint)"
    }
}

extension WorkOrder {
    /// Moves the order to `next` and returns the audit event that records it; refuses an illegal move and leaves
    /// the order as it was.
    @discardableResult
    public mutating func transition(
        to next: WorkOrderStatus, actor: String, source: ChangeSource, at time: Instant, note: String? = nil
    ) throws(IllegalTransition) -> AuditEvent {
        guard status.canMove(to: next) else {
            throw IllegalTransition(workOrder: number, from: status, to: next)
        }
        let event = AuditEvent(
            workOrder: number, actor: actor, source: source, time: time, from: status, to: next, note: note)
        status = next
        return event
    }
}
