import FieldOpsModel

/// SLA lateness: minutes a visit starts after its first-response deadline plus minutes its work ends after the
/// resolution deadline, weighted by the order's priority (`weights.slaLateMinute`).
extension SchedulingModel {
    @inline(__always)
    func latenessCost(order: Int, start: Int) -> Int {
        // Fields read one by one: copying the whole order would retain and release its arrays on the hot path.
        let late = max(0, start - orders[order].responseDue) + max(0, start + orders[order].duration - orders[order].resolutionDue)
        return late == 0 ? 0 : late * costs.weights.slaLateMinute[orders[order].priority]
    }
}
