import FieldOpsModel

/// `fieldops explain`: one order's decision in words, from the explanation stored in the plan.
public struct AssignmentReport: Sendable {
    public var plan: Plan
    public var number: WorkOrderNumber

    public init(plan: Plan, number: WorkOrderNumber) {
        self.plan = plan
        self.number = number
    }

    /// Nil when the plan has no such order.
    public func render(style: TerminalStyle = .plain) -> [String]? {
        let zone = plan.problem.horizon.timeZone
        let names = Dictionary(uniqueKeysWithValues: plan.problem.technicians.map { ($0.id, $0.name) })
        guard let order = plan.problem.orders.first(where: { $0.number == number }) else { return nil }
        func who(_ id: TechnicianID) -> String { names[id].map { "\(id) \($0)" } ?? id.rawValue }
        func time(_ instant: Instant) -> String {
            let local = zone.local(instant)
            return "\(local.date) \(TimeOfDay(minuteOfDay: local.minuteOfDay)!)"
        }
        var lines = [style.bold("\(order.number)  \(order.priority) \(order.category)  \(order.customer.name)\(order.customer.vip ? " (VIP)" : "")")]
        lines.append("Site: \(order.site.address.isEmpty ? "\(order.site.location.lat), \(order.site.location.lon)" : order.site.address)")
        if let skipped = plan.skipped.first(where: { $0.workOrder == number }) {
            lines.append("Not planned: the order is \(skipped.status).")
            return lines
        }
        if let unassigned = plan.unassigned.first(where: { $0.workOrder == number }) {
            lines.append(style.yellow("Unassigned: \(unassigned.reason)"))
            lines += ruledOutLines(unassigned.ruledOut, who: who)
            return lines
        }
        guard let assignment = plan.assignments.first(where: { $0.workOrder == number }) else { return lines }
        let explanation = assignment.explanation
        let c = explanation.contributions
        lines.append("Assigned to \(who(assignment.technicianId)), \(time(assignment.start))–\(TimeOfDay(minuteOfDay: zone.local(assignment.end).minuteOfDay)!), after \(assignment.travelMinutesBefore) min driving\(assignment.pinned ? " (pinned: locked or started)" : "")")
        if let broken = explanation.lockBreaks, !broken.isEmpty {
            lines.append(style.red("The dispatcher's lock breaks a hard rule here: " + broken.map(\.label).joined(separator: "; ")))
        }
        lines.append("")
        var table = TextTable(columns: [.init("Score contribution"), .init("Cost", alignRight: true), .init("")])
        table.append(["detour driving", "\(c.travelCost)", "\(c.detourMinutes) min"])
        table.append(["SLA lateness", "\(c.slaCost)", c.responseLateMinutes + c.resolutionLateMinutes == 0 ? "on time" : "response +\(c.responseLateMinutes) min, resolution +\(c.resolutionLateMinutes) min"])
        table.append(["preferred technician missed", "\(c.preferredMissCost)", ""])
        table.append(["over-qualification", "\(c.overqualificationCost)", ""])
        table.append(["outside territory", "\(c.territoryCost)", ""])
        table.append(["change from published plan", "\(c.planChangeCost)", ""])
        table.append(["whole route (marginal)", "\(c.marginalCost)", "what removing the visit would save"])
        lines += table.render(style: style)
        lines.append("")
        if let runnerUp = explanation.runnerUp {
            lines.append("Runner-up: \(who(runnerUp.technicianId)) on \(runnerUp.date), \(runnerUp.extraCost) more: \(runnerUp.why)")
        } else {
            lines.append("Runner-up: none; no other technician could take it in this plan")
        }
        lines += ruledOutLines(explanation.ruledOut, who: who)
        return lines
    }

    func ruledOutLines(_ ruledOut: [RuledOut], who: (TechnicianID) -> String) -> [String] {
        guard !ruledOut.isEmpty else { return [] }
        var lines = ["Ruled out:"]
        for group in ruledOut {
            let shown = group.technicianIds.prefix(8).map(who).joined(separator: ", ")
            let more = group.technicianIds.count > 8 ? " and \(group.technicianIds.count - 8) more" : ""
            lines.append("  \(group.rule.label) (\(group.technicianIds.count)): \(shown)\(more)")
        }
        return lines
    }
}
