import FieldOpsModel

/// One technician's working day: the route the scheduler fills. Times are minutes from the horizon start.
struct RouteSlot: Sendable {
    let technician: Int
    /// Index of the shift in the technician's shifts.
    let shift: Int
    /// Day of the horizon (0-based) the shift starts on.
    let day: Int
    let start: Int
    let end: Int
    /// Minutes past `end` the technician may work, at an overtime cost.
    let overtime: Int
    let breakWindow: BreakWindow?
    /// Location index of the home base.
    let home: Int
    /// Working span (departure to return, break excluded) allowed; nil for no limit beyond the shift.
    let maxWorkingMinutes: Int?
}

/// A break of `minutes` that must start between `earliest` and `latestStart`.
struct BreakWindow: Sendable {
    let earliest: Int
    let latestStart: Int
    let minutes: Int
}
