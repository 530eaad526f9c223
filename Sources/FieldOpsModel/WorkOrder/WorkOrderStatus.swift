/// Where a work order stands in its lifecycle.
///
/// ```
/// new ─▶ dispatched ─▶ enRoute ─▶ onSite ─▶ resolved ─▶ pendingCallback ─▶ closed
///  │         │            │          │          │               │              │
///  └─────────┴──▶ onHold ◀┘◀─────────┘          └──▶ reopened ◀─┴──────────────┘
///  new, dispatched, enRoute, onHold, reopened ─▶ cancelled
/// ```
public enum WorkOrderStatus: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case new
    case dispatched
    case enRoute
    case onSite
    case resolved
    case pendingCallback
    case closed
    case onHold
    case cancelled
    case reopened

    public var description: String { rawValue }

    /// The statuses this one may move to.
    public var successors: Set<WorkOrderStatus> {
        switch self {
        case .new: [.dispatched, .onHold, .cancelled]
        // Back to new is the dispatcher taking the order off a technician before anyone left.
        case .dispatched: [.new, .enRoute, .onSite, .onHold, .cancelled]
        // Back to dispatched is the dispatcher giving the order to someone else before anyone arrived.
        case .enRoute: [.dispatched, .onSite, .onHold, .cancelled]
        case .onSite: [.resolved, .onHold]
        case .resolved: [.pendingCallback, .closed, .reopened]
        case .pendingCallback: [.closed, .reopened]
        case .closed: [.reopened]
        // Work paused (waiting for parts, customer absent) resumes through dispatch or straight on site.
        case .onHold: [.new, .dispatched, .enRoute, .onSite, .cancelled]
        case .reopened: [.dispatched, .onHold, .cancelled]
        case .cancelled: []
        }
    }

    public func canMove(to next: WorkOrderStatus) -> Bool { successors.contains(next) }

    /// A technician has started the visit: the order is pinned to them and to its time.
    public var isStarted: Bool { self == .enRoute || self == .onSite }

    /// The scheduler may place (or re-place) orders in these statuses.
    public var isPlannable: Bool { self == .new || self == .dispatched || self == .reopened }

    /// Needs no more field work.
    public var isFinished: Bool {
        switch self {
        case .resolved, .pendingCallback, .closed, .cancelled: true
        default: false
        }
    }
}
