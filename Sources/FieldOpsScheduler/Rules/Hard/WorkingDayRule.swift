import FieldOpsModel

/// The technician works on a day the order can be done: one of its windows (or its locked start) overlaps the
/// shift and its overtime (`noShift`, or `lockStart` for a locked start outside the day).
struct WorkingDayRule: DayRule {
    @inline(__always)
    func breach(of data: OrderData, in slot: RouteSlot, reach: DayReach) -> HardRule? {
        guard !data.windows.contains(where: { $0.end >= slot.start && $0.start <= reach.latestEnd }) else { return nil }
        return data.lockStart != nil ? .lockStart : .noShift
    }
}
