/// One work order with everything that happened to it: the facts the service KPIs are computed from.
public struct OrderHistory: Hashable, Sendable, Codable {
    public var order: WorkOrder
    public var technicianId: TechnicianID?
    /// Applied transitions, oldest first.
    public var events: [AuditEvent]
    /// Customer satisfaction (1–5), recorded at the callback that closed the order.
    public var csat: Int?

    public init(order: WorkOrder, technicianId: TechnicianID?, events: [AuditEvent], csat: Int?) {
        self.order = order
        self.technicianId = technicianId
        self.events = events
        self.csat = csat
    }

    /// When the order first reached `status`.
    public func first(_ status: WorkOrderStatus) -> Instant? {
        events.first { $0.to == status }?.time
    }

    public func count(_ status: WorkOrderStatus) -> Int {
        events.filter { $0.to == status }.count
    }
}
