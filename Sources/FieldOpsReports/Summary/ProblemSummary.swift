import FieldOpsModel

/// The one-screen overview `fieldops validate` prints: what the problem holds and whether the work fits the
/// people on duty.
public struct ProblemSummary: Sendable {
    public var problem: Problem

    public init(_ problem: Problem) {
        self.problem = problem
    }

    public func render(style: TerminalStyle = .plain) -> [String] {
        let horizon = problem.horizon
        let orders = problem.orders
        let vipBump = problem.policy.sla.vipBump
        var lines: [String] = []
        lines.append(style.bold(problem.name.isEmpty ? "Problem" : problem.name))
        let last = horizon.start.adding(days: horizon.days - 1)
        let span = horizon.days == 1
            ? "\(horizon.start) (\(horizon.start.weekday.name))"
            : "\(horizon.start) (\(horizon.start.weekday.name)) to \(last) (\(last.weekday.name))"
        let shiftMinutes = problem.technicians.reduce(0) { total, technician in
            total + technician.shifts.filter { $0.window.overlaps(horizon.window) }.reduce(0) { $0 + $1.window.minutes - ($1.breakTime?.minutes ?? 0) }
        }
        let workMinutes = orders.filter { !$0.status.isFinished }.reduce(0) { $0 + $1.durationMinutes }
        let facts = TextTable(columns: [TextTable.Column(""), TextTable.Column("")])
        var table = facts
        table.separator = "  "
        table.append(["Horizon", "\(span), \(horizon.days) day\(horizon.days == 1 ? "" : "s"), \(horizon.timeZone)"])
        table.append(["Technicians", "\(problem.technicians.count), \(problem.technicians.reduce(0) { $0 + $1.shifts.count }) shifts, \(hours(shiftMinutes)) working time"])
        table.append(["Work orders", "\(orders.count), \(hours(workMinutes)) of work on site (\(percent(workMinutes, of: shiftMinutes)) of working time)"])
        table.append(["", "VIP \(orders.filter(\.customer.vip).count), locked \(orders.filter { $0.lock != nil }.count), started \(orders.filter(\.status.isStarted).count), with windows \(orders.filter { !$0.windows.isEmpty }.count), needing parts \(orders.filter { !$0.requiredParts.isEmpty }.count)"])
        table.append(["Parts", "\(problem.parts.count) in the catalog"])
        table.append(["Travel", travelDescription])
        lines += table.render().dropFirst()

        lines.append("")
        var byPriority = TextTable(columns: [
            .init("Priority"), .init("Orders", alignRight: true), .init("VIP-bumped", alignRight: true),
            .init("Windowed", alignRight: true), .init("Locked", alignRight: true), .init("Work", alignRight: true),
            .init("Response target"), .init("Resolution target"),
        ])
        for priority in Priority.allCases {
            let matching = orders.filter { $0.effectivePriority(vipBump: vipBump) == priority }
            let target = problem.policy.sla.target(for: priority)
            byPriority.append([
                "\(priority) \(priority.label)", "\(matching.count)",
                "\(matching.filter { $0.priority != priority }.count)",
                "\(matching.filter { !$0.windows.isEmpty }.count)", "\(matching.filter { $0.lock != nil }.count)",
                hours(matching.reduce(0) { $0 + $1.durationMinutes }),
                "\(target.firstResponse) (\(target.clock.rawValue))", "\(target.resolution)",
            ])
        }
        lines += byPriority.render(style: style)

        lines.append("")
        var bySkill = TextTable(columns: [
            .init("Skill"), .init("Technicians", alignRight: true), .init("Levels 1·2·3·4·5"),
            .init("Orders", alignRight: true), .init("Work", alignRight: true),
        ])
        for skill in problem.skills {
            let holders = problem.technicians.filter { $0.level(in: skill) > 0 }
            let levels = (1...5).map { level in String(holders.filter { $0.level(in: skill) == level }.count) }
            let needing = orders.filter { $0.requiredSkills.contains { $0.skill == skill } }
            bySkill.append([
                skill.rawValue, "\(holders.count)", levels.joined(separator: "·"), "\(needing.count)",
                hours(needing.reduce(0) { $0 + $1.durationMinutes }),
            ])
        }
        lines += bySkill.render(style: style)
        return lines
    }

    var travelDescription: String {
        switch problem.travel {
        case .haversine(let roadFactor, let speed):
            "straight line × \(trimmed(roadFactor)) at \(trimmed(speed)) km/h"
        case .matrix(let matrix):
            "matrix of \(matrix.size) locations\(matrix.distances == nil ? " (durations only)" : "")\(matrix.files == nil ? "" : " from side files")"
        }
    }

    func trimmed(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }

    func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }
}
