import FieldOpsModel
import FieldOpsScheduler

/// Small hand-made problems on one day in UTC, on a grid where 0.01° of latitude is about 1.1 km.
struct TinyProblem {
    static let day = LocalDate("2026-11-23")!

    var technicians: [Technician] = []
    var orders: [WorkOrder] = []
    var weights = ScoreWeights()

    static func at(_ time: String) -> Instant { Instant(rfc3339: "2026-11-23T\(time):00Z")! }

    mutating func technician(
        _ id: String, skills: [String: Int] = ["hvac": 3], at point: (Double, Double) = (52.5, 13.4),
        shift: (String, String) = ("08:00", "17:00"), breakWindow: (String, String, Int)? = nil,
        maxJobs: Int? = nil, maxMinutes: Int? = nil, overtime: Int = 0, territories: [String] = [], vanCapacity: Int? = nil
    ) {
        let pause = breakWindow.map { ShiftBreak(earliestStart: Self.at($0.0), latestEnd: Self.at($0.1), minutes: $0.2) }
        technicians.append(Technician(
            id: TechnicianID(rawValue: id), name: id,
            skills: skills.sorted { $0.key < $1.key }.map { SkillLevel(skill: SkillName(rawValue: $0.key), level: $0.value) },
            homeBase: GeoPoint(lat: point.0, lon: point.1),
            shifts: [Shift(start: Self.at(shift.0), end: Self.at(shift.1), breakTime: pause)], van: LocationID(rawValue: "V-\(id)"),
            limits: TechnicianLimits(maxJobsPerDay: maxJobs, maxWorkingMinutes: maxMinutes, overtimeMinutes: overtime, vanCapacity: vanCapacity),
            territories: territories))
    }

    @discardableResult
    mutating func order(
        skill: String = "hvac", level: Int = 1, at point: (Double, Double) = (52.51, 13.41), duration: Int = 60,
        windows: [(String, String)] = [], priority: Priority = .p3, lock: (String?, String?)? = nil,
        status: WorkOrderStatus = .new, preferred: [String] = [], required: [String] = [], excluded: [String] = [],
        territory: String? = nil, load: Int = 0
    ) -> WorkOrderNumber {
        let number = WorkOrderNumber(year: 2026, month: 11, serial: orders.count + 1)!
        let created = Self.at("06:00")
        orders.append(WorkOrder(
            number: number, customer: Customer(id: CustomerID(rawValue: "C\(orders.count)"), name: "Customer"),
            site: Site(location: GeoPoint(lat: point.0, lon: point.1), address: "", territory: territory), category: "Repair",
            requiredSkills: [SkillRequirement(skill: SkillName(rawValue: skill), minLevel: level)], durationMinutes: duration,
            windows: windows.map { TimeWindow(start: Self.at($0.0), end: Self.at($0.1)) }, priority: priority, createdAt: created,
            sla: SLADeadlines(firstResponse: created.adding(minutes: 7 * 24 * 60), resolution: created.adding(minutes: 8 * 24 * 60)),
            status: status,
            lock: lock.map { WorkOrderLock(technicianId: $0.0.map(TechnicianID.init(rawValue:)), start: $0.1.map(Self.at)) },
            preferredTechnicians: preferred.map(TechnicianID.init(rawValue:)),
            requiredTechnicians: required.map(TechnicianID.init(rawValue:)),
            excludedTechnicians: excluded.map(TechnicianID.init(rawValue:)), load: load))
        return number
    }

    var problem: Problem {
        Problem(
            name: "tiny", horizon: Horizon(start: Self.day, days: 1, timeZone: .utc),
            skills: ["hvac", "plumbing", "electrical"], policy: Policy(weights: weights), technicians: technicians, orders: orders)
    }

    func plan(iterations: Int = 50, seed: UInt64 = 1) -> Plan {
        let model = SchedulingModel(problem: problem)
        let options = SolverOptions(timeLimit: .infinity, iterationLimit: iterations, seed: seed)
        var tick = 0.0
        let result = Solver(model: model, options: options).solve(clock: { tick += 0.001; return tick })
        return result.plan(model: model, options: options)
    }
}
