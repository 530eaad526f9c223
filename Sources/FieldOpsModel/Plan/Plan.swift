/// A published plan: which technician does which order when, with the score and the reasons. Written as JSON by
/// `fieldops plan` and read by `explain`, `insert`, `gantt` and re-optimization; it carries the problem it came
/// from so that it can be read on its own.
public struct Plan: Hashable, Sendable, Codable {
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var problem: Problem
    public var score: Score
    public var solver: SolverSummary
    public var routes: [PlannedRoute]
    public var assignments: [Assignment]
    public var unassigned: [UnassignedOrder]
    /// Orders that were not planned because of their status (resolved, closed, cancelled, on hold, pending callback).
    public var skipped: [SkippedOrder]

    public init(
        problem: Problem, score: Score, solver: SolverSummary, routes: [PlannedRoute], assignments: [Assignment],
        unassigned: [UnassignedOrder], skipped: [SkippedOrder]
    ) {
        formatVersion = Plan.currentFormatVersion
        self.problem = problem
        self.score = score
        self.solver = solver
        self.routes = routes
        self.assignments = assignments
        self.unassigned = unassigned
        self.skipped = skipped
    }
}

public struct SolverSummary: Hashable, Sendable, Codable {
    public var seed: UInt64
    public var timeLimitSeconds: Double
    public var iterationLimit: Int?
    /// Searches run side by side (absent in plans written before there were several).
    public var threads: Int?
    /// All threads' iterations together.
    public var iterations: Int
    public var movesEvaluated: Int
    public var elapsedSeconds: Double

    public init(
        seed: UInt64, timeLimitSeconds: Double, iterationLimit: Int?, threads: Int? = nil, iterations: Int,
        movesEvaluated: Int, elapsedSeconds: Double
    ) {
        self.seed = seed
        self.timeLimitSeconds = timeLimitSeconds
        self.iterationLimit = iterationLimit
        self.threads = threads
        self.iterations = iterations
        self.movesEvaluated = movesEvaluated
        self.elapsedSeconds = elapsedSeconds
    }
}

/// One technician's day in the plan.
public struct PlannedRoute: Hashable, Sendable, Codable {
    public var technicianId: TechnicianID
    public var date: LocalDate
    public var shift: TimeWindow
    public var departure: Instant
    public var returnHome: Instant
    public var breakTime: TimeWindow?
    public var workOrders: [WorkOrderNumber]
    public var travelMinutes: Int
    public var travelMeters: Int
    public var workingMinutes: Int
    public var overtimeMinutes: Int
    /// Hard rules this route breaks (empty in a feasible plan).
    public var violations: [HardRule]

    enum CodingKeys: String, CodingKey {
        case technicianId, date, shift, departure, returnHome, workOrders, travelMinutes, travelMeters
        case workingMinutes, overtimeMinutes, violations
        case breakTime = "break"
    }

    public init(
        technicianId: TechnicianID, date: LocalDate, shift: TimeWindow, departure: Instant, returnHome: Instant,
        breakTime: TimeWindow?, workOrders: [WorkOrderNumber], travelMinutes: Int, travelMeters: Int,
        workingMinutes: Int, overtimeMinutes: Int, violations: [HardRule]
    ) {
        self.technicianId = technicianId
        self.date = date
        self.shift = shift
        self.departure = departure
        self.returnHome = returnHome
        self.breakTime = breakTime
        self.workOrders = workOrders
        self.travelMinutes = travelMinutes
        self.travelMeters = travelMeters
        self.workingMinutes = workingMinutes
        self.overtimeMinutes = overtimeMinutes
        self.violations = violations
    }
}

/// One order given to one technician at one time.
public struct Assignment: Hashable, Sendable, Codable {
    public var workOrder: WorkOrderNumber
    public var technicianId: TechnicianID
    public var start: Instant
    public var end: Instant
    /// Driving before this visit, from home or the previous site.
    public var travelMinutesBefore: Int
    public var travelMetersBefore: Int
    /// Locked by the dispatcher or already started: the optimizer did not choose it.
    public var pinned: Bool
    public var explanation: AssignmentExplanation

    public init(
        workOrder: WorkOrderNumber, technicianId: TechnicianID, start: Instant, end: Instant, travelMinutesBefore: Int,
        travelMetersBefore: Int, pinned: Bool, explanation: AssignmentExplanation
    ) {
        self.workOrder = workOrder
        self.technicianId = technicianId
        self.start = start
        self.end = end
        self.travelMinutesBefore = travelMinutesBefore
        self.travelMetersBefore = travelMetersBefore
        self.pinned = pinned
        self.explanation = explanation
    }
}

/// An order the plan leaves out, and why.
public struct UnassignedOrder: Hashable, Sendable, Codable {
    public var workOrder: WorkOrderNumber
    public var priority: Priority
    public var reason: String
    /// The hard rule that keeps the order out of most technicians' days, when there is one.
    public var rule: HardRule?
    /// Technicians ruled out per rule.
    public var ruledOut: [RuledOut]

    public init(workOrder: WorkOrderNumber, priority: Priority, reason: String, rule: HardRule?, ruledOut: [RuledOut]) {
        self.workOrder = workOrder
        self.priority = priority
        self.reason = reason
        self.rule = rule
        self.ruledOut = ruledOut
    }
}

public struct SkippedOrder: Hashable, Sendable, Codable {
    public var workOrder: WorkOrderNumber
    public var status: WorkOrderStatus

    public init(workOrder: WorkOrderNumber, status: WorkOrderStatus) {
        self.workOrder = workOrder
        self.status = status
    }
}
