import FieldOpsModel

/// A technician-day from leaving home to being back, break excluded, stays within `limits.maxWorkingMinutes`
/// (`maxWorkingMinutes`).
struct MaxWorkingMinutesRule: DayRule {
    @inline(__always)
    func breach(of data: OrderData, in slot: RouteSlot, reach: DayReach) -> HardRule? {
        guard let limit = slot.maxWorkingMinutes else { return nil }
        return reach.driveOut + data.duration + reach.driveBack > limit ? .maxWorkingMinutes : nil
    }

    @inline(__always)
    static func breaks(workingMinutes: Int, slot: RouteSlot) -> Bool {
        if let limit = slot.maxWorkingMinutes { return workingMinutes > limit }
        return false
    }
}
