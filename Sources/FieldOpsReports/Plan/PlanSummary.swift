import FieldOpsModel

/// What `fieldops plan` prints: the score, the totals, the busiest and idlest technicians, and the unassigned
/// orders with their reasons.
public struct PlanSummary: Sendable {
    public var plan: Plan

    public init(_ plan: Plan) {
        self.plan = plan
    }

    public func render(style: TerminalStyle = .plain, maxUnassigned: Int = 15) -> [String] {
        let plan = self.plan
        var lines: [String] = []
        let score = plan.score
        let scoreText = "\(score.hard) hard / \(score.medium) medium / \(score.soft) soft"
        lines.append(style.bold(plan.problem.name.isEmpty ? "Plan" : plan.problem.name) + "  " + (score.isFeasible ? style.green(scoreText) : style.red(scoreText)))
        let planned = plan.assignments.count + plan.unassigned.count
        let travel = plan.routes.reduce(0) { $0 + $1.travelMinutes }
        let work = plan.routes.reduce(0) { $0 + $1.workingMinutes }
        let overtime = plan.routes.reduce(0) { $0 + $1.overtimeMinutes }
        let used = plan.routes.filter { !$0.workOrders.isEmpty }
        var facts = TextTable(columns: [.init(""), .init("")])
        facts.append(["Assigned", "\(plan.assignments.count) of \(planned) orders (\(plan.assignments.filter(\.pinned).count) pinned), \(plan.skipped.count) not plannable by status"])
        facts.append(["Routes", "\(used.count) of \(plan.routes.count) technician-days in use, \(Int((Double(plan.assignments.count) / Double(max(1, used.count))).rounded())) jobs per route on average"])
        facts.append(["Travel", "\(hours(travel)) driving, \(plan.routes.reduce(0) { $0 + $1.travelMeters } / 1000) km, \(percent(travel, work)) of working time"])
        facts.append(["Overtime", overtime == 0 ? "none" : "\(hours(overtime)) over \(plan.routes.filter { $0.overtimeMinutes > 0 }.count) routes"])
        let late = plan.assignments.filter { $0.explanation.contributions.responseLateMinutes > 0 || $0.explanation.contributions.resolutionLateMinutes > 0 }
        facts.append(["SLA", late.isEmpty ? "every assigned order within its deadlines" : "\(late.count) assigned orders late against an SLA deadline"])
        facts.append(["Search", String(format: "%d iterations, %.1f s, seed %llu", plan.solver.iterations, plan.solver.elapsedSeconds, plan.solver.seed)])
        lines += facts.render().dropFirst()
        // A lock's broken rules are named with its order; the route's other breaches (a pinned order that cannot
        // fit) with the route.
        var broken = plan.assignments.compactMap { assignment in
            assignment.explanation.lockBreaks.map { "  \(assignment.workOrder) locked to \(assignment.technicianId): " + $0.map(\.label).joined(separator: "; ") }
        }
        for route in plan.routes {
            for rule in route.violations where !rule.isPerTechnician {
                broken.append("  \(route.technicianId) \(route.date): \(rule.label)")
            }
        }
        if !broken.isEmpty {
            lines.append("")
            lines.append(style.red("Broken hard rules (pinned orders that cannot fit, locks that override a rule):"))
            lines += broken.prefix(10)
            if broken.count > 10 { lines.append("  … and \(broken.count - 10) more") }
        }
        if !plan.unassigned.isEmpty {
            lines.append("")
            var table = TextTable(columns: [.init("Unassigned"), .init("Priority"), .init("Reason", maxWidth: 90)])
            for order in plan.unassigned.prefix(maxUnassigned) {
                table.append([order.workOrder.rawValue, order.priority.description, order.reason])
            }
            lines += table.render(style: style)
            if plan.unassigned.count > maxUnassigned {
                lines.append("… and \(plan.unassigned.count - maxUnassigned) more (all are in the plan file)")
            }
        }
        return lines
    }

    func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }

    func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }
}
