import FieldOpsModel

/// The day's orders take no more room than the van has: the sum of their `load` stays within the technician's
/// `limits.vanCapacity` (`capacity`; the routing benchmarks' vehicle capacity).
enum CapacityRule {
    /// Nil when no van has a capacity.
    static func limit(problem: Problem, orders: [OrderData], slots: [RouteSlot]) -> DayTotalLimit? {
        guard problem.technicians.contains(where: { $0.limits.vanCapacity != nil }) else { return nil }
        return DayTotalLimit(
            rule: .capacity, amount: orders.map(\.demand),
            limit: slots.map { problem.technicians[$0.technician].limits.vanCapacity ?? Int.max })
    }
}
