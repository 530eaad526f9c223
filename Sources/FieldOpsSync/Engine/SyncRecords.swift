import FieldOpsModel

/// A work order as the sync protocol sees it: the order itself and what the dispatcher and devices have done
/// with it.
public struct SyncOrder: Hashable, Sendable {
    public var order: WorkOrder
    public var technicianId: TechnicianID?
    public var assignmentVersion: Int64
    public var plannedStart: Instant?
    public var plannedEnd: Instant?
    public var closedAt: Instant?
    public var agedOut: Bool

    public init(
        order: WorkOrder, technicianId: TechnicianID?, assignmentVersion: Int64, plannedStart: Instant? = nil,
        plannedEnd: Instant? = nil, closedAt: Instant? = nil, agedOut: Bool = false
    ) {
        self.order = order
        self.technicianId = technicianId
        self.assignmentVersion = assignmentVersion
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.closedAt = closedAt
        self.agedOut = agedOut
    }

    public var number: WorkOrderNumber { order.number }
}

/// A device and the technician it is bound to.
public struct SyncDevice: Hashable, Sendable {
    public var id: String
    public var technician: TechnicianID
    /// The last mutation id applied (0: none).
    public var lastMutationId: Int64

    public init(id: String, technician: TechnicianID, lastMutationId: Int64) {
        self.id = id
        self.technician = technician
        self.lastMutationId = lastMutationId
    }
}

/// One status transition in an order's history, applied or only reported, with the technician it concerns.
public struct OrderEvent: Hashable, Sendable {
    public var audit: AuditEvent
    public var technician: TechnicianID?
    public var applied: Bool

    public init(
        workOrder: WorkOrderNumber, actor: String, source: ChangeSource, time: Instant, from: WorkOrderStatus,
        to: WorkOrderStatus, technician: TechnicianID?, applied: Bool = true, note: String? = nil
    ) {
        audit = AuditEvent(workOrder: workOrder, actor: actor, source: source, time: time, from: from, to: to, note: note)
        self.technician = technician
        self.applied = applied
    }
}

/// Something the dispatcher must look at (a reassignment conflict, a serial the books do not place).
public struct SyncException: Hashable, Sendable {
    public var kind: String
    public var workOrder: WorkOrderNumber?
    public var technician: TechnicianID?
    public var message: String
    public var time: Instant

    public init(kind: String, workOrder: WorkOrderNumber?, technician: TechnicianID?, message: String, time: Instant) {
        self.kind = kind
        self.workOrder = workOrder
        self.technician = technician
        self.message = message
        self.time = time
    }
}

/// The kinds of entity devices pull.
public enum SyncEntity: String, Hashable, Sendable, CaseIterable {
    case workOrder, note, stockBalance, part
}

/// One row of the change sequence devices pull from: which entity changed and whose devices it concerns (the
/// technicians in whose scope it was before and after the change; `everyone` for the catalog).
public struct LoggedChange: Hashable, Sendable {
    /// Its place in the sequence (given by the repository when it is logged).
    public var seq: Int64
    public var entity: SyncEntity
    public var id: String
    public var oldOwner: TechnicianID?
    public var newOwner: TechnicianID?
    public var everyone: Bool

    public init(seq: Int64 = 0, entity: SyncEntity, id: String, oldOwner: TechnicianID?, newOwner: TechnicianID?, everyone: Bool = false) {
        self.seq = seq
        self.entity = entity
        self.id = id
        self.oldOwner = oldOwner
        self.newOwner = newOwner
        self.everyone = everyone
    }

    public func concerns(_ technician: TechnicianID) -> Bool {
        everyone || oldOwner == technician || newOwner == technician
    }
}
