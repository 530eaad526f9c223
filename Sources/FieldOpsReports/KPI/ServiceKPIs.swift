import Foundation
import FieldOpsModel

/// The service KPIs of a set of work orders, as defined in the README ("KPIs"):
/// - first response: created → first on site; time to resolve: created → first resolved (mean and p90, minutes;
///   p90 by nearest rank);
/// - first-time fix: resolved orders with one on-site visit and never reopened, over resolved orders;
/// - SLA compliance: on site by the first-response deadline (over orders on site), resolved by the resolution
///   deadline (over resolved orders); reopen rate: reopened over resolved;
/// - CSAT: mean of the scores recorded at closing;
/// - utilization (work on site over shift time less breaks) and travel share (driving over working time) from the
///   published plan, for the technicians in the group.
public struct ServiceKPIs: Hashable, Sendable, Codable {
    public var group: String
    public var orders: Int
    public var firstResponseMeanMinutes: Double?
    public var firstResponseP90Minutes: Int?
    public var resolveMeanMinutes: Double?
    public var resolveP90Minutes: Int?
    public var firstTimeFixRate: Double?
    public var responseCompliance: Double?
    public var resolutionCompliance: Double?
    public var reopenRate: Double?
    public var csat: Double?
    public var csatResponses: Int
    public var utilization: Double?
    public var travelShare: Double?

    public enum Grouping: String, CaseIterable, Sendable, Codable {
        case technician, priority, category
    }

    /// KPIs over all `histories` (group "all"), or one row per group.
    public static func compute(_ histories: [OrderHistory], plan: Plan?, by grouping: Grouping? = nil) -> [ServiceKPIs] {
        guard let grouping else { return [compute(group: "all", histories, plan: plan, technicians: nil)] }
        let groups = Dictionary(grouping: histories) { history -> String in
            switch grouping {
            case .technician: history.technicianId?.rawValue ?? "unassigned"
            case .priority: history.order.priority.description
            case .category: history.order.category.isEmpty ? "uncategorized" : history.order.category
            }
        }
        return groups.keys.sorted().map { key in
            compute(group: key, groups[key]!, plan: plan, technicians: grouping == .technician ? [TechnicianID(rawValue: key)] : nil)
        }
    }

    static func compute(group: String, _ histories: [OrderHistory], plan: Plan?, technicians: Set<TechnicianID>?) -> ServiceKPIs {
        var responses: [Int] = []
        var resolutions: [Int] = []
        var responseMet = 0
        var resolutionMet = 0
        var firstTimeFixes = 0
        var reopened = 0
        var scores: [Int] = []
        for history in histories {
            let created = history.order.createdAt
            if let onSite = history.first(.onSite) {
                responses.append(created.minutes(until: onSite))
                if onSite <= history.order.sla.firstResponse { responseMet += 1 }
            }
            if let resolved = history.first(.resolved) {
                resolutions.append(created.minutes(until: resolved))
                if resolved <= history.order.sla.resolution { resolutionMet += 1 }
                let wasReopened = history.count(.reopened) > 0
                if wasReopened { reopened += 1 }
                if history.count(.onSite) == 1 && !wasReopened { firstTimeFixes += 1 }
            }
            if let csat = history.csat { scores.append(csat) }
        }
        func mean(_ values: [Int]) -> Double? { values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count) }
        func p90(_ values: [Int]) -> Int? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            let rank = Int((Double(sorted.count) * 0.9).rounded(.up))
            return sorted[max(0, rank - 1)]
        }
        func rate(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
        var utilization: Double?
        var travelShare: Double?
        if let plan {
            let routes = plan.routes.filter { technicians?.contains($0.technicianId) ?? true }
            let shift = routes.reduce(0) { $0 + $1.shift.minutes - ($1.breakTime?.minutes ?? 0) }
            let working = routes.reduce(0) { $0 + $1.workingMinutes }
            let travel = routes.reduce(0) { $0 + $1.travelMinutes }
            let onSite = plan.assignments.filter { technicians?.contains($0.technicianId) ?? true }.reduce(0) { $0 + $1.start.minutes(until: $1.end) }
            utilization = rate(onSite, shift)
            travelShare = rate(travel, working)
        }
        return ServiceKPIs(
            group: group, orders: histories.count, firstResponseMeanMinutes: mean(responses), firstResponseP90Minutes: p90(responses),
            resolveMeanMinutes: mean(resolutions), resolveP90Minutes: p90(resolutions),
            firstTimeFixRate: rate(firstTimeFixes, resolutions.count), responseCompliance: rate(responseMet, responses.count),
            resolutionCompliance: rate(resolutionMet, resolutions.count), reopenRate: rate(reopened, resolutions.count),
            csat: mean(scores), csatResponses: scores.count, utilization: utilization,
            travelShare: travelShare)
    }
}

/// KPIs as a table for the terminal.
public struct KPIReport: Sendable {
    public var rows: [ServiceKPIs]

    public init(rows: [ServiceKPIs]) {
        self.rows = rows
    }

    public func render(style: TerminalStyle = .plain) -> [String] {
        func minutes(_ value: Double?) -> String { value.map { DurationText.hoursAndMinutes(Int($0.rounded())) } ?? "–" }
        func minutes(_ value: Int?) -> String { value.map(DurationText.hoursAndMinutes) ?? "–" }
        func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
        var table = TextTable(columns: [
            .init("Group"), .init("Orders", alignRight: true), .init("Response mean", alignRight: true), .init("p90", alignRight: true),
            .init("Resolve mean", alignRight: true), .init("p90", alignRight: true), .init("FTF", alignRight: true),
            .init("SLA resp", alignRight: true), .init("SLA res", alignRight: true), .init("Reopen", alignRight: true),
            .init("CSAT", alignRight: true), .init("Util", alignRight: true), .init("Travel", alignRight: true),
        ])
        for row in rows {
            table.append([
                row.group, "\(row.orders)", minutes(row.firstResponseMeanMinutes), minutes(row.firstResponseP90Minutes),
                minutes(row.resolveMeanMinutes), minutes(row.resolveP90Minutes), percent(row.firstTimeFixRate),
                percent(row.responseCompliance), percent(row.resolutionCompliance), percent(row.reopenRate),
                row.csat.map { String(format: "%.1f (%d)", $0, row.csatResponses) } ?? "–", percent(row.utilization), percent(row.travelShare),
            ])
        }
        return table.render(style: style)
    }
}
