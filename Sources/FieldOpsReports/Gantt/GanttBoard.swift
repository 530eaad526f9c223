import FieldOpsModel

/// The daily board: one row per technician over the day's shift span, work blocks labelled with order number and
/// priority, travel, breaks, and per-row figures; then the unassigned orders, the orders at SLA risk, totals and a
/// legend. Every line fits `width` display columns.
public struct GanttBoard: Sendable {
    public var plan: Plan
    public var day: LocalDate
    public var width: Int
    /// Minutes per cell; nil picks the finest that fits.
    public var cellMinutes: Int?
    /// Draws a "now" marker when it falls inside the day.
    public var now: Instant?

    public init(plan: Plan, day: LocalDate, width: Int = 120, cellMinutes: Int? = nil, now: Instant? = nil) {
        self.plan = plan
        self.day = day
        self.width = width
        self.cellMinutes = cellMinutes
        self.now = now
    }

    enum Glyph {
        static let outside: Character = " "
        static let shift: Character = "·"
        static let travel: Character = "~"
        static let work: Character = "#"
        static let late: Character = "!"
        static let pause: Character = "b"
        static let now: Character = "|"
        static let pinned: Character = "*"
    }

    struct Row {
        var label: String
        var cells: [Character]
        var kinds: [CellKind]
        var figures: String
    }

    enum CellKind { case outside, shift, travel, work(Priority, late: Bool), pause, now }

    public func render(style: TerminalStyle = .plain) -> [String] {
        let zone = plan.problem.horizon.timeZone
        let routes = plan.routes.filter { zone.local($0.shift.start).date == day }
        let names = Dictionary(uniqueKeysWithValues: plan.problem.technicians.map { ($0.id, $0.name) })
        var lines: [String] = []
        let title = "\(plan.problem.name.isEmpty ? "Plan" : plan.problem.name) — \(day) (\(day.weekday.name))"
        lines.append(style.bold(DisplayWidth.truncate(title, to: width)))
        guard !routes.isEmpty else {
            lines.append("no technician works on \(day)")
            return lines
        }
        // Span: whole hours around every shift (with overtime) of the day.
        let first = routes.map { min($0.shift.start, $0.departure) }.min()!
        let last = routes.map { max($0.shift.end, $0.returnHome) }.max()!
        let startMinute = zone.local(first).minuteOfDay / 60 * 60
        let spanStart = zone.instant(on: day, at: TimeOfDay(minuteOfDay: startMinute)!)
        let endLocal = zone.local(last)
        let endMinute = min(24 * 60, (endLocal.date > day ? 24 * 60 : (endLocal.minuteOfDay + 59) / 60 * 60))
        let spanMinutes = max(60, endMinute - startMinute)

        let labels = routes.map { route in "\(route.technicianId) \(names[route.technicianId] ?? "")" }
        let labelWidth = min(max(10, labels.map(DisplayWidth.of).max() ?? 10), max(10, width / 4))
        let figuresHeader = " jobs util trvl  ot"
        let figuresWidth = DisplayWidth.of(figuresHeader)
        let available = max(8, width - labelWidth - 1 - figuresWidth)
        let cell = cellMinutes ?? [5, 10, 15, 20, 30, 60, 120].first { (spanMinutes + $0 - 1) / $0 <= available } ?? 120
        let cellCount = min(available, (spanMinutes + cell - 1) / cell)

        // Axis: hour ticks.
        var axis = [Character](repeating: " ", count: cellCount)
        for hour in stride(from: 0, through: spanMinutes, by: 60) {
            let column = hour / cell
            guard column < cellCount else { break }
            let hourOfDay = (startMinute + hour) / 60 % 24
            let text = hourOfDay < 10 ? "0\(hourOfDay)" : "\(hourOfDay)"
            if column + 2 <= cellCount, axis[column] == " ", column == 0 || axis[column - 1] == " " {
                axis[column] = text.first!
                axis[column + 1] = text.last!
            } else if axis[column] == " " {
                axis[column] = "'"
            }
        }
        lines.append(DisplayWidth.pad("", to: labelWidth) + " " + String(axis) + figuresHeader)

        let nowColumn: Int? = now.flatMap { instant in
            let minutes = spanStart.minutes(until: instant)
            return zone.local(instant).date == day && minutes >= 0 && minutes < cellCount * cell ? minutes / cell : nil
        }
        let assignments = Dictionary(plan.assignments.map { ($0.workOrder, $0) }, uniquingKeysWith: { first, _ in first })
        let orders = Dictionary(uniqueKeysWithValues: plan.problem.orders.map { ($0.number, $0) })
        func column(_ instant: Instant) -> Int { max(0, min(cellCount, spanStart.minutes(until: instant) / cell)) }
        func columnEnd(_ instant: Instant) -> Int { max(0, min(cellCount, (spanStart.minutes(until: instant) + cell - 1) / cell)) }

        for (route, label) in zip(routes, labels) {
            var cells = [Character](repeating: Glyph.outside, count: cellCount)
            var kinds = [CellKind](repeating: .outside, count: cellCount)
            func fill(_ from: Int, _ to: Int, _ glyph: Character, _ kind: CellKind) {
                guard from < to else { return }
                for index in from..<to where index < cellCount {
                    cells[index] = glyph
                    kinds[index] = kind
                }
            }
            fill(column(route.shift.start), columnEnd(route.shift.end), Glyph.shift, .shift)
            var workMinutes = 0
            for number in route.workOrders {
                guard let assignment = assignments[number] else { continue }
                let travelStart = assignment.start.adding(minutes: -assignment.travelMinutesBefore)
                fill(column(travelStart), column(assignment.start), Glyph.travel, .travel)
                let late = assignment.explanation.contributions.responseLateMinutes + assignment.explanation.contributions.resolutionLateMinutes > 0
                let priority = orders[number].map { $0.effectivePriority(vipBump: plan.problem.policy.sla.vipBump) } ?? .p3
                let from = column(assignment.start)
                let to = max(from + 1, columnEnd(assignment.end))
                fill(from, to, late ? Glyph.late : Glyph.work, .work(priority, late: late))
                // Label: the order's serial and priority, as much as fits.
                let text = (assignment.pinned ? String(Glyph.pinned) : "") + "\(number.rawValue.suffix(4))\(priority)"
                for (offset, character) in text.prefix(max(0, to - from)).enumerated() { cells[from + offset] = character }
                workMinutes += assignment.start.minutes(until: assignment.end)
            }
            if let pause = route.breakTime { fill(column(pause.start), max(column(pause.start) + 1, columnEnd(pause.end)), Glyph.pause, .pause) }
            if let last = route.workOrders.last.flatMap({ assignments[$0] }) {
                fill(columnEnd(last.end), column(route.returnHome), Glyph.travel, .travel)
            }
            if let nowColumn, nowColumn < cellCount, case .shift = kinds[nowColumn] {
                cells[nowColumn] = Glyph.now
                kinds[nowColumn] = .now
            }
            let shiftMinutes = route.shift.minutes - (route.breakTime?.minutes ?? 0)
            let utilization = shiftMinutes > 0 ? workMinutes * 100 / shiftMinutes : 0
            let travelShare = route.workingMinutes > 0 ? route.travelMinutes * 100 / route.workingMinutes : 0
            let figures = " " + pad("\(route.workOrders.count)", 4) + pad("\(utilization)%", 5) + pad("\(travelShare)%", 5)
                + pad(route.overtimeMinutes > 0 ? "\(route.overtimeMinutes)m" : "-", 4)
            lines.append(DisplayWidth.pad(label, to: labelWidth) + " " + paint(cells, kinds, style) + figures)
        }
        lines += footer(routes: routes, style: style)
        return lines.map { DisplayWidth.of(strip($0)) > width ? DisplayWidth.truncate(strip($0), to: width) : $0 }
    }

    func pad(_ text: String, _ width: Int) -> String { DisplayWidth.pad(text, to: width, alignRight: true) }

    func paint(_ cells: [Character], _ kinds: [CellKind], _ style: TerminalStyle) -> String {
        guard style.colors else { return String(cells) }
        var text = ""
        for (character, kind) in zip(cells, kinds) {
            let plain = String(character)
            switch kind {
            case .outside: text += plain
            case .shift, .travel: text += style.dim(plain)
            case .pause: text += style.dim(plain)
            case .now: text += style.bold(plain)
            case .work(let priority, let late):
                if late { text += style.red(plain) } else if priority == .p1 { text += style.red(plain) } else if priority == .p2 { text += style.yellow(plain) } else { text += style.green(plain) }
            }
        }
        return text
    }

    /// Without ANSI escapes, to measure.
    func strip(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true; continue }
            if inEscape { if character == "m" { inEscape = false }; continue }
            result.append(character)
        }
        return result
    }

    func footer(routes: [PlannedRoute], style: TerminalStyle) -> [String] {
        var lines: [String] = [""]
        let zone = plan.problem.horizon.timeZone
        let orders = Dictionary(uniqueKeysWithValues: plan.problem.orders.map { ($0.number, $0) })
        if !plan.unassigned.isEmpty {
            lines.append(style.bold("Unassigned (\(plan.unassigned.count))"))
            for item in plan.unassigned.prefix(10) {
                lines.append(DisplayWidth.truncate("  \(item.workOrder) \(item.priority)  \(item.reason)", to: width))
            }
            if plan.unassigned.count > 10 { lines.append("  … and \(plan.unassigned.count - 10) more") }
        }
        // At risk: planned visits that start within the margin before their first-response deadline, or after it.
        let policy = plan.problem.policy.sla
        var risky: [(Int, String)] = []
        for assignment in plan.assignments where zone.local(assignment.start).date == day {
            guard let order = orders[assignment.workOrder] else { continue }
            let margin = policy.target(for: order.effectivePriority(vipBump: policy.vipBump)).atRiskMarginMinutes
            let left = assignment.start.minutes(until: order.sla.firstResponse)
            if left <= margin { risky.append((left, "  \(assignment.workOrder) \(order.priority) \(assignment.technicianId)  \(left >= 0 ? "\(left) min to" : "\(-left) min past") its response deadline")) }
        }
        if !risky.isEmpty {
            lines.append(style.bold("At SLA risk (\(risky.count))"))
            for (_, text) in risky.sorted(by: { $0.0 < $1.0 }).prefix(10) { lines.append(DisplayWidth.truncate(text, to: width)) }
            if risky.count > 10 { lines.append("  … and \(risky.count - 10) more") }
        }
        let jobs = routes.reduce(0) { $0 + $1.workOrders.count }
        let travel = routes.reduce(0) { $0 + $1.travelMinutes }
        let working = routes.reduce(0) { $0 + $1.workingMinutes }
        let overtime = routes.reduce(0) { $0 + $1.overtimeMinutes }
        lines.append(DisplayWidth.truncate("Totals: \(routes.count) technicians, \(jobs) jobs, \(travel / 60) h \(travel % 60) min driving (\(working > 0 ? travel * 100 / working : 0)% of working time), \(overtime) min overtime", to: width))
        lines.append(DisplayWidth.truncate("Legend: \(Glyph.work) work (order serial + priority)  \(Glyph.late) late for its SLA  \(Glyph.pinned) pinned  \(Glyph.travel) travel  \(Glyph.pause) break  \(Glyph.shift) shift  \(Glyph.now) now", to: width))
        return lines
    }
}
