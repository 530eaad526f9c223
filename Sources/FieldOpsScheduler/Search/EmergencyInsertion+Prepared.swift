import FieldOpsModel

extension EmergencyInsertion {
    /// A published plan compiled once for emergencies: its model, its routes and the checks an order needs. Each
    /// insertion then compiles only the new order, re-plans only the day it goes to and updates the plan in place,
    /// so that emergencies through the day each cost a fraction of a millisecond (the server or a desk keeps one
    /// per published plan). A copy of `plan` taken by the caller is not changed, but makes the next insertion copy
    /// the plan once.
    public struct Prepared: Sendable {
        public private(set) var plan: Plan
        private var model: SchedulingModel
        private var solution: Solution
        private var numbers: Set<WorkOrderNumber>
        private let context: ProblemValidator.OrderContext
        /// Slot → index of its day in `plan.routes`.
        private let routeIndex: [Int: Int]

        /// A technician-day as plans and models both name it.
        private struct DayKey: Hashable {
            var technician: TechnicianID
            var start: Instant
        }

        public init(_ plan: Plan) {
            self.plan = plan
            let model = SchedulingModel(problem: plan.problem, neighbors: false, candidatesOnlyFor: [])
            self.model = model
            solution = Solution(model: model, warmStart: model.plannedVisits(of: plan))
            numbers = Set(plan.problem.orders.map(\.number))
            context = ProblemValidator.OrderContext(problem: plan.problem)
            let days = Dictionary(
                plan.routes.enumerated().map { (DayKey(technician: $1.technicianId, start: $1.shift.start), $0) },
                uniquingKeysWith: { first, _ in first })
            routeIndex = Dictionary(uniqueKeysWithValues: model.slots.indices.compactMap { slot in
                let technician = plan.problem.technicians[model.slots[slot].technician]
                let key = DayKey(technician: technician.id, start: technician.shifts[model.slots[slot].shift].start)
                return days[key].map { (slot, $0) }
            })
        }

        /// Puts `order` into the plan; on a thrown failure nothing has changed.
        public mutating func insert(_ order: WorkOrder) throws(Failure) -> Outcome {
            if numbers.contains(order.number) {
                throw Failure(description: "work order \(order.number) is already in the plan's problem")
            }
            // The new order against the problem's catalogs and technicians only; the rest was checked before.
            let issues = ProblemValidator.issues(in: order, path: "order", context: context).filter { $0.severity == .error }
            if !issues.isEmpty {
                throw Failure(description: issues.map { "\($0.path): \($0.message)" }.joined(separator: "\n"))
            }
            guard order.status.isPlannable else {
                throw Failure(description: "order.status: work order \(order.number) is \(order.status); only an order still to be planned can be inserted")
            }
            try grow(by: order)
            numbers.insert(order.number)
            // The plan's problem and the model's each take the order: shared, each append would copy the orders.
            plan.problem.orders.append(order)
            let newOrder = model.orders.count - 1
            let place = EmergencyInsertion.bestPlace(for: newOrder, in: solution, model: model)
            // No free place: take out the least urgent order whose place lets the new one in (never a pinned one,
            // never one as urgent as the new order).
            let bump = place == nil ? EmergencyInsertion.bestBump(for: newOrder, in: solution, model: model) : nil
            let bumped = bump?.victim
            var earlierVisits: [Int: [(order: Int, start: Int)]] = [:]
            if let touched = place?.slot ?? bump?.slot {
                let route = solution.routes[touched]
                earlierVisits[touched] = route.visits.indices.filter { !route.visits[$0].isBreak }.map { (route.visits[$0].order, route.starts[$0]) }
            }
            if let place {
                solution.insert(newOrder, into: place.slot, at: place.point, model: model)
            } else if let bump {
                solution.remove([bump.victim], model: model)
                solution.insert(newOrder, into: bump.slot, at: bump.point, model: model)
            }
            let reasons = bumped.map { [$0: "bumped by emergency order \(order.number) (\(order.priority)), which had no other place"] } ?? [:]
            PlanBuilder(model: model).patch(
                &plan, routeIndex: routeIndex, earlierVisits: earlierVisits, after: solution,
                explain: Set([newOrder] + (bumped.map { [$0] } ?? [])), reasons: reasons)
            if let assignment = plan.assignments.first(where: { $0.workOrder == order.number }) {
                return .placed(assignment, bumped: bumped.map { model.problem.orders[model.plannable[$0]].number })
            }
            if let unassigned = plan.unassigned.first(where: { $0.workOrder == order.number }) { return .notPlaced(unassigned) }
            throw Failure(description: "work order \(order.number) is neither planned nor left out (a defect: please report it)")
        }

        /// The model and routes with the new order in them, unassigned. A matrix has no figures for a new site, so
        /// there the model is built again with the order, whose row the matrix must have.
        private mutating func grow(by order: WorkOrder) throws(Failure) {
            if model.add(order) {
                solution.addOrder(model: model)
                return
            }
            guard case .matrix(let matrix) = plan.problem.travel, let locations = matrix.locations,
                  locations.contains(order.number.rawValue)
            else {
                throw Failure(description: "order.number: the plan's travel matrix has no row for \(order.number); add its site to travel.locations and the matrix")
            }
            var problem = plan.problem
            problem.orders.append(order)
            model = SchedulingModel(problem: problem, neighbors: false, candidatesOnlyFor: [order.number])
            solution = Solution(model: model, warmStart: model.plannedVisits(of: plan))
        }
    }
}
