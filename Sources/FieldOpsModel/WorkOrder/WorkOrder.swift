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
    /// Room the order's equipment takes in the van, in the problem's load units (0: none). The technician's
    /// `limits.vanCapacity` bounds a day's total; the routing benchmarks' customer demand is this.
    public var load: Int

    public init(
        number: WorkOrderNumber, customer: Customer, site: Site, category: String,
        requiredSkills: [SkillRequirement], durationMinutes: Int, windows: [TimeWindow], priority: Priority,
        createdAt: Instant, sla: SLADeadlines, status: WorkOrderStatus = .new, lock: WorkOrderLock? = nil,
        preferredTechnicians: [TechnicianID] = [], requiredTechnicians: [TechnicianID] = [],
        excludedTechnicians: [TechnicianID] = [], requiredParts: [PartQuantity] = [], load: Int = 0
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
        self.load = load
    }

    public var id: WorkOrderNumber { number }

    /// The priority used for SLAs and scheduling: VIP customers are bumped one level when the policy says so.
    public func effectivePriority(vipBump: Bool) -> Priority {
        vipBump && customer.vip ? priority.bumped : priority
    }

    enum CodingKeys: String, CodingKey {
        case number, status, priority, customer, site, category, requiredSkills, durationMinutes, windows, createdAt, sla
        case lock, preferredTechnicians, requiredTechnicians, excludedTechnicians, requiredParts, load
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try c.decode(WorkOrderNumber.self, forKey: .number), customer: try c.decode(Customer.self, forKey: .customer),
            site: try c.decode(Site.self, forKey: .site), category: try c.decodeIfPresent(String.self, forKey: .category) ?? "",
            requiredSkills: try c.decodeIfPresent([SkillRequirement].self, forKey: .requiredSkills) ?? [],
            durationMinutes: try c.decode(Int.self, forKey: .durationMinutes),
            windows: try c.decodeIfPresent([TimeWindow].self, forKey: .windows) ?? [],
            priority: try c.decode(Priority.self, forKey: .priority), createdAt: try c.decode(Instant.self, forKey: .createdAt),
            sla: try c.decode(SLADeadlines.self, forKey: .sla),
            status: try c.decodeIfPresent(WorkOrderStatus.self, forKey: .status) ?? .new,
            lock: try c.decodeIfPresent(WorkOrderLock.self, forKey: .lock),
            preferredTechnicians: try c.decodeIfPresent([TechnicianID].self, forKey: .preferredTechnicians) ?? [],
            requiredTechnicians: try c.decodeIfPresent([TechnicianID].self, forKey: .requiredTechnicians) ?? [],
            excludedTechnicians: try c.decodeIfPresent([TechnicianID].self, forKey: .excludedTechnicians) ?? [],
            requiredParts: try c.decodeIfPresent([PartQuantity].self, forKey: .requiredParts) ?? [],
            load: try c.decodeIfPresent(Int.self, forKey: .load) ?? 0)
    }

    /// Identity first, empty lists left out: files stay readable and small.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(status, forKey: .status)
        try c.encode(priority, forKey: .priority)
        try c.encode(customer, forKey: .customer)
        try c.encode(site, forKey: .site)
        try c.encode(category, forKey: .category)
        if !requiredSkills.isEmpty { try c.encode(requiredSkills, forKey: .requiredSkills) }
        try c.encode(durationMinutes, forKey: .durationMinutes)
        if !windows.isEmpty { try c.encode(windows, forKey: .windows) }
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(sla, forKey: .sla)
        try c.encodeIfPresent(lock, forKey: .lock)
        if !preferredTechnicians.isEmpty { try c.encode(preferredTechnicians, forKey: .preferredTechnicians) }
        if !requiredTechnicians.isEmpty { try c.encode(requiredTechnicians, forKey: .requiredTechnicians) }
        if !excludedTechnicians.isEmpty { try c.encode(excludedTechnicians, forKey: .excludedTechnicians) }
        if !requiredParts.isEmpty { try c.encode(requiredParts, forKey: .requiredParts) }
        if load != 0 { try c.encode(load, forKey: .load) }
    }
}
