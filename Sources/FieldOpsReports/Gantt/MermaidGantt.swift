import FieldOpsModel

/// A plan as a Mermaid `gantt` document: one section per technician, one task per visit, for wikis and tickets.
public struct MermaidGantt: Sendable {
    public var plan: Plan
    /// Only this day, or the whole horizon when nil.
    public var day: LocalDate?

    public init(plan: Plan, day: LocalDate? = nil) {
        self.plan = plan
        self.day = day
    }

    /// Mermaid reads `:` and `#` as syntax and `;` as a line break in task and section names.
    static func clean(_ text: String) -> String {
        String(text.map { ":#;".contains($0) ? " " : $0 }).trimmingCharacters(in: .whitespaces)
    }

    public func render() -> String {
        let zone = plan.problem.horizon.timeZone
        let names = Dictionary(uniqueKeysWithValues: plan.problem.technicians.map { ($0.id, $0.name) })
        let orders = Dictionary(uniqueKeysWithValues: plan.problem.orders.map { ($0.number, $0) })
        func local(_ instant: Instant) -> String {
            let (date, minute) = zone.local(instant)
            return "\(date) \(TimeOfDay(minuteOfDay: minute)!)"
        }
        var lines = ["gantt", "    title \(Self.clean(plan.problem.name.isEmpty ? "Plan" : plan.problem.name))\(day.map { " \($0)" } ?? "")",
                     "    dateFormat YYYY-MM-DD HH:mm", "    axisFormat %H:%M"]
        let byTechnician = Dictionary(grouping: plan.assignments.filter { day == nil || zone.local($0.start).date == day }, by: \.technicianId)
        for technician in byTechnician.keys.sorted() {
            lines.append("    section \(Self.clean("\(technician) \(names[technician] ?? "")"))")
            for assignment in byTechnician[technician]!.sorted(by: { $0.start < $1.start }) {
                let order = orders[assignment.workOrder]
                let late = assignment.explanation.contributions.responseLateMinutes + assignment.explanation.contributions.resolutionLateMinutes > 0
                let tags = (late ? "crit, " : "") + (assignment.pinned ? "active, " : "")
                let label = Self.clean("\(assignment.workOrder) \(order?.priority.description ?? "") \(order?.category ?? "")")
                lines.append("    \(label) :\(tags)o\(assignment.workOrder), \(local(assignment.start)), \(assignment.start.minutes(until: assignment.end))m")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
