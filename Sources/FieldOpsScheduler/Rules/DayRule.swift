import FieldOpsModel

/// A rule that can rule out one working day for an order on its own, before any other visit is in it (no shift
/// that day, no window reachable, the drive home too long): checked when the model picks each order's candidate
/// days, and for explanations.
protocol DayRule: Sendable {
    /// The broken rule when the order cannot go into `slot` even alone, or nil.
    func breach(of data: OrderData, in slot: RouteSlot, reach: DayReach) -> HardRule?
}

/// What the day allows an order on its own: the earliest it can start (leaving at the shift start) and the
/// latest so that the drive home still ends within the shift and overtime.
struct DayReach: Sendable {
    let driveOut: Int
    let driveBack: Int
    let earliestStart: Int
    let latestStart: Int
    let latestEnd: Int

    @inline(__always)
    init(data: OrderData, slot: RouteSlot, travel: TravelTable) {
        driveOut = travel.minutes(slot.home, data.location)
        driveBack = travel.minutes(data.location, slot.home)
        latestEnd = slot.end + slot.overtime
        earliestStart = slot.start + driveOut
        latestStart = latestEnd - data.duration - driveBack
    }
}
