/// The hard rules of a plan. A plan with any of them broken is not feasible; the scheduler breaks one only when
/// the input forces it (a locked or started order that cannot fit where it is pinned).
public enum HardRule: String, CaseIterable, Sendable, Codable {
    case skill
    case skillLevel
    case excludedTechnician
    case requiredTechnician
    case lockedToOtherTechnician
    /// The technician has no shift on a day the order can be done (its windows or its lock).
    case noShift
    /// No appointment window can be reached inside the shift.
    case window
    /// The visit and the drive home do not fit before the shift end plus the overtime allowance.
    case shift
    case lockStart
    case maxJobsPerDay
    case maxWorkingMinutes
    /// The break cannot be taken inside its window.
    case breakTime
    /// The day's orders would take more room than the van has (`limits.vanCapacity`, orders' `load`).
    case capacity

    /// Rules about who may do an order at all (skill, level, excluded, required elsewhere), as opposed to rules
    /// about the day or the route: what a dispatcher's lock overrides.
    public var isPerTechnician: Bool {
        switch self {
        case .skill, .skillLevel, .excludedTechnician, .requiredTechnician: true
        default: false
        }
    }

    /// Rules that keep a technician out whatever their days hold: the per-technician rules and a lock elsewhere.
    public var isStatic: Bool { isPerTechnician || self == .lockedToOtherTechnician }

    /// For people: "needs skill level 3 in hvac".
    public var label: String {
        switch self {
        case .skill: "lacks a required skill"
        case .skillLevel: "skill level too low"
        case .excludedTechnician: "excluded for this order"
        case .requiredTechnician: "not one of the order's required technicians"
        case .lockedToOtherTechnician: "order is locked to another technician"
        case .noShift: "no shift on a day the order can be done"
        case .window: "no appointment window reachable inside the shift"
        case .shift: "visit and drive home do not fit in the shift and overtime allowance"
        case .lockStart: "locked start time not reachable"
        case .maxJobsPerDay: "already at the maximum jobs per day"
        case .maxWorkingMinutes: "would exceed the maximum working minutes per day"
        case .breakTime: "the break could no longer be taken in its window"
        case .capacity: "the van would be loaded beyond its capacity"
        }
    }
}
