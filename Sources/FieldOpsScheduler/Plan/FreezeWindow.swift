import FieldOpsModel

/// Turns a published plan's first hours into locks, so that re-optimizing never moves what starts soon.
public enum FreezeWindow {
    /// `problem` with every order the published plan starts before `now + minutes` locked to its technician
    /// and start. Returns the problem and the numbers of the frozen orders.
    public static func apply(to problem: Problem, published: Plan, now: Instant, minutes: Int) -> (Problem, Set<WorkOrderNumber>) {
        let limit = now.adding(minutes: minutes)
        let frozen = Dictionary(
            published.assignments.filter { $0.start < limit }.map { ($0.workOrder, $0) }, uniquingKeysWith: { first, _ in first })
        var result = problem
        var numbers = Set<WorkOrderNumber>()
        for index in result.orders.indices {
            guard let assignment = frozen[result.orders[index].number], result.orders[index].status.isPlannable
                    || result.orders[index].status.isStarted else { continue }
            result.orders[index].lock = WorkOrderLock(technicianId: assignment.technicianId, start: assignment.start)
            numbers.insert(assignment.workOrder)
        }
        return (result, numbers)
    }
}
