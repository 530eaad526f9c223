import FieldOpsModel
import FieldOpsScheduler
import Foundation

/// Solves a VRPTW instance with the field-service engine: each vehicle is a technician with one long shift at the
/// depot, each customer a work order with its window, its service time and its demand. Times are scaled to
/// integers (`scale` units per instance unit) and every arc is rounded up, so a route feasible here is feasible
/// in double precision; the objective is driving only, every customer must be served (a left-out customer costs
/// far more than any distance).
public enum VRPTWSolver {
    public struct Result: Sendable {
        public var solution: VRPTWSolution
        public var check: VRPTWSolution.Check
        public var iterations: Int
        public var elapsed: Double
    }

    public static func problem(_ instance: VRPTWInstance, scale: Int) -> Problem {
        let start = LocalDate(year: 2026, month: 1, day: 1)!
        let origin = TimeZoneID.utc.instant(on: start, at: TimeOfDay(minuteOfDay: 0)!)
        let end = Int((instance.nodes[0].due * Double(scale)).rounded(.down))
        let days = min(366, end / 1440 + 2)
        let shift = Shift(start: origin, end: origin.adding(minutes: end))
        let technicians = (1...instance.vehicles).map { vehicle in
            Technician(id: TechnicianID(rawValue: "V\(vehicle)"), name: "Vehicle \(vehicle)", skills: [], homeBase: GeoPoint(lat: 0, lon: 0),
                       shifts: [shift], van: LocationID(rawValue: "VAN-\(vehicle)"), limits: TechnicianLimits(vanCapacity: instance.capacity))
        }
        let far = SLADeadlines(firstResponse: origin.adding(minutes: 1440 * 366), resolution: origin.adding(minutes: 1440 * 366))
        let orders = (1...instance.customers).map { customer -> WorkOrder in
            let node = instance.nodes[customer]
            let window = TimeWindow(start: origin.adding(minutes: Int((node.ready * Double(scale)).rounded(.up))),
                                    end: origin.adding(minutes: Int((node.due * Double(scale)).rounded(.down))))
            return WorkOrder(
                number: WorkOrderNumber(year: 2026, month: 1, serial: customer)!, customer: Customer(id: CustomerID(rawValue: "C\(customer)"), name: "\(customer)"),
                site: Site(location: GeoPoint(lat: 0, lon: 0), address: ""), category: "", requiredSkills: [],
                durationMinutes: max(1, Int((node.service * Double(scale)).rounded(.up))), windows: [window], priority: .p3,
                createdAt: origin, sla: far, load: instance.nodes[customer].demand)
        }
        // Rows: the vehicles (all at the depot), then the customers; seconds so that minutes come out exact.
        let locations = [0] + Array(repeating: 0, count: instance.vehicles - 1) + Array(1...instance.customers)
        let durations = locations.map { a in locations.map { b in (instance.distance(a, b) * Double(scale)).rounded(.up) * 60 } }
        let distances = locations.map { a in locations.map { b in instance.distance(a, b) * 1000 } }
        let weights = ScoreWeights(
            unassigned: PerPriority(p1: 100_000_000, p2: 100_000_000, p3: 100_000_000, p4: 100_000_000), travelMinute: 1,
            slaLateMinute: PerPriority(p1: 0, p2: 0, p3: 0, p4: 0), overtimeMinute: 0, imbalanceMinute: 0, preferredMiss: 0,
            overqualificationLevel: 0, outOfTerritory: 0, planChange: 0)
        return Problem(
            name: instance.name, horizon: Horizon(start: start, days: days, timeZone: .utc), skills: [],
            policy: Policy(weights: weights), travel: .matrix(TravelMatrix(durations: durations, distances: distances)),
            technicians: technicians, orders: orders)
    }

    public static func solve(
        _ instance: VRPTWInstance, options: SolverOptions, scale: Int = 100, clock: @escaping () -> Double,
        progress: (SolverProgress) -> Void = { _ in }
    ) -> Result {
        let model = SchedulingModel(problem: problem(instance, scale: scale), maxCandidateTechnicians: instance.vehicles)
        let result = Solver(model: model, options: options).solve(clock: clock, progress: progress)
        let routes = result.orderSequences.map { route in route.map { $0 + 1 } }
        let solution = VRPTWSolution(routes: routes)
        return Result(solution: solution, check: solution.check(instance), iterations: result.iterations, elapsed: result.elapsed)
    }
}
