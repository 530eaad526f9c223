/// How much one technician may be given per day.
public struct TechnicianLimits: Hashable, Sendable, Codable {
    public var maxJobsPerDay: Int?
    /// Travel plus work plus waiting inside the shift, per day. Nil: the shift length.
    public var maxWorkingMinutes: Int?
    /// How long past the shift end the technician may work, at an overtime cost.
    public var overtimeMinutes: Int
    /// The most load units the van carries in a day (the sum of its orders' `load`); nil: no limit.
    public var vanCapacity: Int?

    public init(maxJobsPerDay: Int? = nil, maxWorkingMinutes: Int? = nil, overtimeMinutes: Int = 0, vanCapacity: Int? = nil) {
        self.maxJobsPerDay = maxJobsPerDay
        self.maxWorkingMinutes = maxWorkingMinutes
        self.overtimeMinutes = overtimeMinutes
        self.vanCapacity = vanCapacity
    }
}
