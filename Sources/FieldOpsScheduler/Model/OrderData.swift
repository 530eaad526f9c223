import FieldOpsModel

/// A work order in the solver's terms: integer minutes from the horizon start, location index, windows.
struct OrderData: Sendable {
    var location: Int
    var duration: Int
    /// Start-of-service windows; one visit starts inside one of them. Never empty: an order without windows gets
    /// the whole horizon.
    var windows: [MinuteWindow]
    var priority: Priority
    var responseDue: Int
    var resolutionDue: Int
    /// Started (en route, on site): pinned to its technician and time; it never moves.
    var started: Bool
    var lockTechnician: Int?
    var lockStart: Int?
    var preferred: [Int]
    var territory: String?
    /// Load the visit takes up (vehicle routing benchmarks); 0 in field service.
    var demand: Int = 0
    /// The per-technician rules the locked technician breaks (a dispatcher's lock overrides them; each counts
    /// on the hard level wherever the order is placed with that technician). Empty for nearly every order.
    var lockBreaks: [HardRule] = []

    /// Locked or started orders are placed first and never moved by the search.
    var pinned: Bool { started || lockTechnician != nil || lockStart != nil }
}

struct MinuteWindow: Sendable, Equatable {
    var start: Int
    var end: Int
}
