import FieldOpsModel

/// A work order in the solver's terms: integer minutes from the horizon start, location index, windows.
struct OrderData: Sendable {
    let location: Int
    let duration: Int
    /// Start-of-service windows; one visit starts inside one of them. Never empty: an order without windows gets
    /// the whole horizon.
    let windows: [MinuteWindow]
    let priority: Priority
    let responseDue: Int
    let resolutionDue: Int
    /// Started (en route, on site): pinned to its technician and time; it never moves.
    let started: Bool
    let lockTechnician: Int?
    let lockStart: Int?
    let preferred: [Int]
    /// The site's territory by the model's number (`TechnicianTraits.territory(of:)`).
    let territory: Int?
    /// The skills it needs, by the model's numbers.
    let needs: [SkillNeed]
    /// Load units the visit takes in the van (the order's `load`).
    let demand: Int
    /// The per-technician rules the locked technician breaks (a dispatcher's lock overrides them; each counts
    /// on the hard level wherever the order is placed with that technician). Empty for nearly every order.
    let lockBreaks: [HardRule]

    /// Locked or started orders are placed first and never moved by the search.
    var pinned: Bool { started || lockTechnician != nil || lockStart != nil }
}

struct MinuteWindow: Sendable, Equatable {
    let start: Int
    let end: Int
}
