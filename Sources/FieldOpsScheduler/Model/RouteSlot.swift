import FieldOpsModel

/// One technician's working day: the route the scheduler fills. Times are minutes from the horizon start.
struct RouteSlot: Sendable {
    var technician: Int
    /// Index of the shift in the technician's shifts.
    var shift: Int
    /// Day of the horizon (0-based) the shift starts on.
    var day: Int
    var start: Int
    var end: Int
    /// Minutes past `end` the technician may work, at an overtime cost.
    var overtime: Int
    var breakWindow: BreakWindow?
    /// Location index of the home base.
    var home: Int
    var maxJobs: Int
    /// Load the vehicle can carry (vehicle routing benchmarks); nil for no limit.
    var capacity: Int? = nil
    /// Working span (departure to return, break excluded) allowed; nil for no limit beyond the shift.
    var maxWorkingMinutes: Int?
}

/// A break of `minutes` that must start between `earliest` and `latestStart`.
struct BreakWindow: Sendable {
    var earliest: Int
    var latestStart: Int
    var minutes: Int
}
