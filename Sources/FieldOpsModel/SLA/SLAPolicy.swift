/// Service-level targets per priority, the VIP rule, the clock they run on and the escalation steps.
public struct SLAPolicy: Hashable, Sendable, Codable {
    public var targets: PerPriority<SLATarget>
    /// VIP customers' orders count one priority level higher.
    public var vipBump: Bool
    public var calendar: BusinessCalendar?
    /// After a breach, the escalation level rises by one at each of these many minutes past the deadline.
    public var escalationStepsMinutes: [Int]

    public init(
        targets: PerPriority<SLATarget> = SLAPolicy.defaultTargets, vipBump: Bool = true,
        calendar: BusinessCalendar? = nil, escalationStepsMinutes: [Int] = [60, 240]
    ) {
        self.targets = targets
        self.vipBump = vipBump
        self.calendar = calendar
        self.escalationStepsMinutes = escalationStepsMinutes
    }

    /// P1 15 min / 4 h, P2 2 h / 8 h, P3 8 h / 3 days, P4 3 days / 10 days. P1 runs around the clock, the others on
    /// the business calendar when there is one.
    public static let defaultTargets = PerPriority(
        p1: SLATarget(firstResponse: .minutes(15), resolution: .minutes(240), atRiskMarginMinutes: 5, clock: .allHours),
        p2: SLATarget(firstResponse: .minutes(120), resolution: .minutes(480), atRiskMarginMinutes: 30, clock: .businessHours),
        p3: SLATarget(firstResponse: .minutes(480), resolution: .days(3), atRiskMarginMinutes: 120, clock: .businessHours),
        p4: SLATarget(firstResponse: .days(3), resolution: .days(10), atRiskMarginMinutes: 480, clock: .businessHours))

    public func target(for priority: Priority) -> SLATarget { targets[priority] }

    /// The deadlines of an order created at `createdAt` for a customer, from its classified priority.
    public func deadlines(priority: Priority, vip: Bool, createdAt: Instant) -> SLADeadlines {
        let effective = vipBump && vip ? priority.bumped : priority
        let target = target(for: effective)
        return SLADeadlines(
            firstResponse: deadline(after: target.firstResponse, from: createdAt, clock: target.clock),
            resolution: deadline(after: target.resolution, from: createdAt, clock: target.clock))
    }

    public func deadline(after duration: SLADuration, from start: Instant, clock: SLAClock) -> Instant {
        guard clock == .businessHours, let calendar, calendar.hasWorkingTime else {
            return start.adding(minutes: duration.wallClockMinutes)
        }
        switch duration {
        case .minutes(let minutes): return calendar.adding(workingMinutes: minutes, to: start)
        case .days(let days): return calendar.adding(workingDays: days, to: start)
        }
    }
}
