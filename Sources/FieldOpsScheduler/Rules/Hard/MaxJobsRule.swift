import FieldOpsModel

/// At most `limits.maxJobsPerDay` orders in a technician-day (`maxJobsPerDay`): a day total where each order
/// counts one.
enum MaxJobsRule {
    /// Nil when no technician has the limit.
    static func limit(problem: Problem, orders: [OrderData], slots: [RouteSlot]) -> DayTotalLimit? {
        guard problem.technicians.contains(where: { $0.limits.maxJobsPerDay != nil }) else { return nil }
        return DayTotalLimit(
            rule: .maxJobsPerDay, amount: Array(repeating: 1, count: orders.count),
            limit: slots.map { problem.technicians[$0.technician].limits.maxJobsPerDay ?? Int.max })
    }
}
