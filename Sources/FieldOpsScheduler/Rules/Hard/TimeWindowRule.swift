import FieldOpsModel

/// Service starts inside one of the order's appointment windows (`window`), or exactly at its locked start
/// (`lockStart`). In a route it is the time summaries' time warp; alone in a day, some window must be reachable
/// between leaving at the shift start and the latest start that still gets the technician home in time.
struct TimeWindowRule: DayRule {
    @inline(__always)
    func breach(of data: OrderData, in slot: RouteSlot, reach: DayReach) -> HardRule? {
        guard !data.windows.contains(where: { max($0.start, reach.earliestStart) <= min($0.end, reach.latestStart) }) else {
            return nil
        }
        return Self.rule(for: data)
    }

    /// The rule a late start breaks: a locked start, or a window.
    @inline(__always)
    static func rule(for data: OrderData) -> HardRule {
        data.lockStart != nil ? .lockStart : .window
    }
}
