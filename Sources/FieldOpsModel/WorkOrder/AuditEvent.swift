/// Who or what changed a work order.
public enum ChangeSource: String, CaseIterable, Sendable, Codable {
    case dispatcher
    case optimizerRun
    case technicianDevice
    case system
}

/// One status transition, kept forever in the order's history.
public struct AuditEvent: Hashable, Sendable, Codable {
    public var workOrder: WorkOrderNumber
    /// The person or process: a dispatcher's user name, an optimizer run id, a technician id.
    public var actor: String
    public var source: ChangeSource
    public var time: Instant
    public var from: WorkOrderStatus
    public var to: WorkOrderStatus
    public var note: String?

    public init(
        workOrder: WorkOrderNumber, actor: String, source: ChangeSource, time: Instant,
        from: WorkOrderStatus, to: WorkOrderStatus, note: String? = nil
    ) {
        self.workOrder = workOrder
        self.actor = actor
        self.source = source
        self.time = time
        self.from = from
        self.to = to
        self.note = note
    }
}
