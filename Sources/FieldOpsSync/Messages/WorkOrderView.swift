import FieldOpsModel

/// What a device sees of a work order (`data` of a `workOrder` change): the order, who has it under which
/// assignment version, and when it is planned. Its notes come as `note` entities.
public struct WorkOrderView: Hashable, Sendable, Codable {
    public var number: WorkOrderNumber
    public var status: WorkOrderStatus
    public var priority: Priority
    public var customer: Customer
    public var site: Site
    public var category: String
    public var requiredSkills: [SkillRequirement]
    public var durationMinutes: Int
    public var windows: [TimeWindow]
    public var sla: SLADeadlines
    public var requiredParts: [PartQuantity]
    public var technicianId: TechnicianID?
    /// Grows at every (re)assignment; the device sends it back as `basisAssignment`.
    public var assignmentVersion: Int64
    public var plannedStart: Instant?
    public var plannedEnd: Instant?

    public init(order: WorkOrder, technicianId: TechnicianID?, assignmentVersion: Int64, plannedStart: Instant?, plannedEnd: Instant?) {
        number = order.number
        status = order.status
        priority = order.priority
        customer = order.customer
        site = order.site
        category = order.category
        requiredSkills = order.requiredSkills
        durationMinutes = order.durationMinutes
        windows = order.windows
        sla = order.sla
        requiredParts = order.requiredParts
        self.technicianId = technicianId
        self.assignmentVersion = assignmentVersion
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
    }
}

public struct NoteView: Hashable, Sendable, Codable {
    public var noteId: String
    public var workOrderId: WorkOrderNumber
    public var technicianId: TechnicianID?
    public var text: String
    public var createdAt: Instant

    public init(noteId: String, workOrderId: WorkOrderNumber, technicianId: TechnicianID?, text: String, createdAt: Instant) {
        self.noteId = noteId
        self.workOrderId = workOrderId
        self.technicianId = technicianId
        self.text = text
        self.createdAt = createdAt
    }
}

public struct StockBalanceView: Hashable, Sendable, Codable {
    public var location: LocationID
    public var partId: PartID
    public var onHand: Int
    public var reserved: Int

    public init(location: LocationID, partId: PartID, onHand: Int, reserved: Int) {
        self.location = location
        self.partId = partId
        self.onHand = onHand
        self.reserved = reserved
    }
}
