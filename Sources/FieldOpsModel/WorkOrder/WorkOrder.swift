/// A job to be done at a customer's site.
public struct WorkOrder: Hashable, Sendable, Codable, Identifiable {
    public var number: WorkOrderNumber
    public var customer: Customer
    public var site: Site
    public var category: String
    public var requiredSkills: [SkillRequirement]
    /// Estimated time on site, in minutes.
    public var durationMinutes: Int
    /// Appointment windows agreed with the customer: the visit must start inside one of them.
    /// Empty means any time within the technician's shift.
    public var windows: [TimeWindow]
    /// The priority the order was classified with; see `effectivePriority` for the one that counts.
    public var priority: Priority
    public var createdAt: Instant
    public var sla: SLADeadlines
    public var status: WorkOrderStatus
    public var lock: WorkOrderLock?
    public var preferredTechnicians: [TechnicianID]
    /// When not empty, only these technicians may do the work.
    public var requiredTechnicians: [TechnicianID]
    public var excludedTechnicians: [TechnicianID]
    public var requiredParts: [PartQuantity]

    public init(
        number: WorkOrderNumber, customer: Customer, site: Site, category: String,
        requiredSkills: [SkillRequirement], durationMinutes: Int, windows: [TimeWindow], priority: Priority,
        createdAt: Instant, sla: SLADeadlines, status: WorkOrderStatus = .new, lock: WorkOrderLock? = nil,
        preferredTechnicians: [TechnicianID] = [], requiredTechnicians: [TechnicianID] = [],
        excludedTechnicians: [TechnicianID] = [], requiredParts: [PartQuantity] = []
    ) {
        self.number = number
        self.customer = customer
        self.site = site
        self.category = category
        self.requiredSkills = requiredSkills
        self.durationMinutes = durationMinutes
        self.windows = windows
        self.priority = priority
        self.createdAt = createdAt
        self.sla = sla
        self.status = status
        self.lock = lock
        self.preferredTechnicians = preferredTechnicians
        self.requiredTechnicians = requiredTechnicians
        self.excludedTechnicians = excludedTechnicians
        self.requiredParts = requiredParts
    }

    public var id: WorkOrderNumber { number }

    /// The priority used for SLAs and scheduling: VIP customers are bumped one level when the policy says so.
    public func effectivePriority(vipBump: Bool) -> Priority {
        vipBump && customer.vip ? priority.bumped : priority
    }
}
