import FieldOpsModel

/// The week view: one row per technician, one block per day of the horizon (the same hours each day), and the
/// same per-row figures as the daily board, over the week.
public struct GanttWeek: Sendable {
    public var plan: Plan
    public var width: Int

    public init(plan: Plan, width: Int = 120) {
        self.plan = plan
        self.width = width
    }

    public func render(style: TerminalStyle = .plain) -> [String] {
        let zone = plan.problem.horizon.timeZone
        let dates = plan.problem.horizon.dates
        let names = Dictionary(uniqueKeysWithValues: plan.problem.technicians.map { ($0.id, $0.name) })
        var lines = [style.bold(DisplayWidth.truncate("\(plan.problem.name.isEmpty ? "Plan" : plan.problem.name) — week of \(plan.problem.horizon.start)", to: width))]
        guard !plan.routes.isEmpty, !dates.isEmpty else { return lines + ["no shifts in the horizon"] }
        let startMinute = plan.routes.map { zone.local($0.shift.start).minuteOfDay }.min()! / 60 * 60
        let endMinute = min(24 * 60, (plan.routes.map { zone.local($0.shift.end).minuteOfDay }.max()! + 59) / 60 * 60)
        let span = max(60, endMinute - startMinute)
        let technicians = plan.problem.technicians.map(\.id)
        let labels = technicians.map { "\($0) \(names[$0] ?? "")" }
        let labelWidth = min(max(10, labels.map(DisplayWidth.of).max() ?? 10), max(10, width / 5))
        let figuresHeader = " jobs util trvl   ot"
        let blockWidth = max(3, (width - labelWidth - DisplayWidth.of(figuresHeader)) / dates.count - 1)
        let cell = (span + blockWidth - 1) / blockWidth
        var header = DisplayWidth.pad("", to: labelWidth)
        for date in dates { header += " " + DisplayWidth.pad("\(date.weekday.name) \(date.components.day)", to: blockWidth) }
        lines.append(header + figuresHeader)
        let assignments = Dictionary(grouping: plan.assignments, by: \.technicianId)
        for (technician, label) in zip(technicians, labels) {
            var row = DisplayWidth.pad(label, to: labelWidth)
            var work = 0
            for date in dates {
                var cells = [Character](repeating: " ", count: blockWidth)
                let dayStart = zone.instant(on: date, at: TimeOfDay(minuteOfDay: startMinute)!)
                func column(_ instant: Instant) -> Int { max(0, min(blockWidth, dayStart.minutes(until: instant) / cell)) }
                for route in plan.routes where route.technicianId == technician && zone.local(route.shift.start).date == date {
                    for index in column(route.shift.start)..<max(column(route.shift.start), column(route.shift.end)) { cells[index] = "·" }
                }
                for assignment in assignments[technician, default: []] where zone.local(assignment.start).date == date {
                    let from = column(assignment.start)
                    for index in from..<max(from + 1, min(blockWidth, column(assignment.end))) where index < blockWidth { cells[index] = "#" }
                    work += assignment.start.minutes(until: assignment.end)
                }
                row += " " + String(cells)
            }
            let routes = plan.routes.filter { $0.technicianId == technician }
            let shiftMinutes = routes.reduce(0) { $0 + $1.shift.minutes - ($1.breakTime?.minutes ?? 0) }
            let working = routes.reduce(0) { $0 + $1.workingMinutes }
            let travel = routes.reduce(0) { $0 + $1.travelMinutes }
            let overtime = routes.reduce(0) { $0 + $1.overtimeMinutes }
            let jobs = routes.reduce(0) { $0 + $1.workOrders.count }
            row += " " + DisplayWidth.pad("\(jobs)", to: 4, alignRight: true)
                + DisplayWidth.pad("\(shiftMinutes > 0 ? work * 100 / shiftMinutes : 0)%", to: 5, alignRight: true)
                + DisplayWidth.pad("\(working > 0 ? travel * 100 / working : 0)%", to: 5, alignRight: true)
                + DisplayWidth.pad(overtime > 0 ? "\(overtime)m" : "-", to: 5, alignRight: true)
            lines.append(DisplayWidth.truncate(row, to: width))
        }
        lines.append("")
        lines.append(DisplayWidth.truncate("Each day: \(TimeOfDay(minuteOfDay: startMinute)!)–\(TimeOfDay(minuteOfDay: endMinute)!), \(cell) min per cell.  # work  · shift", to: width))
        return lines
    }
}
