import FieldOpsModel

/// The visit and the drive home end within the shift and the overtime allowance (`shift`).
struct ShiftRule: DayRule {
    @inline(__always)
    func breach(of data: OrderData, in slot: RouteSlot, reach: DayReach) -> HardRule? {
        reach.latestStart < reach.earliestStart ? .shift : nil
    }

    /// Whether a route that is home at `returnHome` breaks the rule.
    @inline(__always)
    static func breaks(returnHome: Int, slot: RouteSlot) -> Bool {
        returnHome > slot.end + slot.overtime
    }
}
