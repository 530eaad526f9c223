/// How an order stands against its SLA deadlines at one moment.
public struct Escalation: Hashable, Sendable {
    public enum State: String, Sendable, Codable, Comparable {
        case onTrack, atRisk, breached

        private var rank: Int {
            switch self {
            case .onTrack: 0
            case .atRisk: 1
            case .breached: 2
            }
        }

        public static func < (lhs: State, rhs: State) -> Bool { lhs.rank < rhs.rank }
    }

    public enum Clock: String, Sendable, Codable {
        case firstResponse, resolution
    }

    public var state: State
    /// 0 on track, 1 at risk, 2 breached, and one more for each escalation step passed after the breach.
    public var level: Int
    /// The deadline that drives the state (nil when no deadline is still running).
    public var clock: Clock?
    /// Minutes until that deadline; negative once it has passed.
    public var minutesToDeadline: Int?

    public static let onTrack = Escalation(state: .onTrack, level: 0, clock: nil, minutesToDeadline: nil)
}

extension SLAPolicy {
    /// The escalation of `order` at `now`. The first-response clock stops once the order is on site, the
    /// resolution clock once it is resolved; cancelled, closed and on-hold orders do not escalate.
    public func escalation(of order: WorkOrder, at now: Instant) -> Escalation {
        var running: [(Escalation.Clock, Instant)] = []
        switch order.status {
        case .new, .dispatched, .enRoute, .reopened:
            running = [(.firstResponse, order.sla.firstResponse), (.resolution, order.sla.resolution)]
        case .onSite:
            running = [(.resolution, order.sla.resolution)]
        case .resolved, .pendingCallback, .closed, .cancelled, .onHold:
            running = []
        }
        let margin = target(for: order.effectivePriority(vipBump: vipBump)).atRiskMarginMinutes
        var worst = Escalation.onTrack
        for (clock, deadline) in running {
            let left = now.minutes(until: deadline)
            let candidate: Escalation
            if now > deadline {
                let overdue = deadline.minutes(until: now)
                let steps = escalationStepsMinutes.filter { overdue >= $0 }.count
                candidate = Escalation(state: .breached, level: 2 + steps, clock: clock, minutesToDeadline: left)
            } else if left <= margin {
                candidate = Escalation(state: .atRisk, level: 1, clock: clock, minutesToDeadline: left)
            } else {
                candidate = Escalation(state: .onTrack, level: 0, clock: clock, minutesToDeadline: left)
            }
            let isWorse = candidate.level > worst.level
                || (candidate.level == worst.level && (candidate.minutesToDeadline ?? .max) < (worst.minutesToDeadline ?? .max))
            if isWorse { worst = candidate }
        }
        return worst
    }
}
