/// A dispatcher's pin: the order must go to this technician, or start at this time, or both.
public struct WorkOrderLock: Hashable, Sendable, Codable {
    public var technicianId: TechnicianID?
    public var start: Instant?

    public init(technicianId: TechnicianID? = nil, start: Instant? = nil) {
        self.technicianId = technicianId
        self.start = start
    }
}
