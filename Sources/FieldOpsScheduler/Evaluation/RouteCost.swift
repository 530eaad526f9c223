import FieldOpsModel

/// What one technician-day costs, computed exactly by driving the route from the start of the shift.
struct RouteCost: Sendable, Equatable {
    /// Broken hard rules, one entry per breach.
    var violations: [HardRule] = []
    var travelMinutes = 0
    var travelMeters = 0
    var jobs = 0
    /// Minutes from leaving home to being back, break excluded.
    var workingMinutes = 0
    var overtimeMinutes = 0
    /// SLA lateness cost (weighted by priority).
    var latenessCost = 0
    /// Preferred-technician misses, over-qualification, territory and plan-change costs of the visits.
    var assignmentCost = 0
    /// Total soft cost of the route, all weights applied.
    var soft = 0

    var hard: Int { violations.count }
}
