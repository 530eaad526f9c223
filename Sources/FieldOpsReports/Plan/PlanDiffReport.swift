import FieldOpsModel

/// The difference between a published plan and its re-optimization, for the dispatcher.
public struct PlanDiffReport: Sendable {
    public var diff: PlanDiff
    public var frozen: Int
    public var zone: TimeZoneID

    public init(diff: PlanDiff, frozen: Int, zone: TimeZoneID) {
        self.diff = diff
        self.frozen = frozen
        self.zone = zone
    }

    public func render(style: TerminalStyle = .plain, maxRows: Int = 20) -> [String] {
        var lines = [style.bold("Changes against the published plan") + "  reassigned \(diff.reassigned.count), retimed \(diff.retimed.count), unchanged \(diff.unchanged.count), added \(diff.added.count), dropped \(diff.dropped.count), frozen \(frozen)"]
        func time(_ instant: Instant?) -> String {
            guard let instant else { return "–" }
            return TimeOfDay(minuteOfDay: zone.local(instant).minuteOfDay)!.description
        }
        let rows: [(String, PlanDiff.Move)] = diff.reassigned.map { ("reassigned", $0) } + diff.added.map { ("added", $0) }
            + diff.dropped.map { ("dropped", $0) } + diff.retimed.map { ("retimed", $0) }
        guard !rows.isEmpty else { return lines }
        var table = TextTable(columns: [.init("Change"), .init("Order"), .init("From"), .init("To")])
        for (kind, move) in rows.prefix(maxRows) {
            table.append([
                kind, move.workOrder.rawValue,
                move.fromTechnician.map { "\($0) \(time(move.fromStart))" } ?? "–",
                move.toTechnician.map { "\($0) \(time(move.toStart))" } ?? "–",
            ])
        }
        lines += table.render(style: style)
        if rows.count > maxRows { lines.append("… and \(rows.count - maxRows) more") }
        return lines
    }
}
