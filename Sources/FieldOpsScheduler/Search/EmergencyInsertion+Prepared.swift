import FieldOpsModel

extension EmergencyInsertion {
    /// A published plan compiled once for emergencies: its model, its routes and the checks an order needs. Each
    /// insertion then compiles only the new order and re-plans only the day it goes to (the server or a desk keeps
    /// one per published plan; the value is not changed by an insertion, which returns the new plan).
    public struct Prepared: Sendable {
        public let plan: Plan
        let model: SchedulingModel
        let solution: Solution
        let numbers: Set<WorkOrderNumber>
        let context: ProblemValidator.OrderContext
        /// Slot → index of its day in `plan.routes`.
        let routeIndex: [Int: Int]

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

        /// A technician-day as plans and models both name it.
        struct DayKey: Hashable {
            var technician: TechnicianID
            var start: Instant
        }

        public func insert(_ order: WorkOrder) throws(Failure) -> (plan: Plan, outcome: Outcome) {
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
            let (model, before) = try grown(by: order)
            let newOrder = model.orders.count - 1
            var solution = before
            var touched: [Int] = []
            var bumped: Int?
            if let (slot, point) = EmergencyInsertion.bestPlace(for: newOrder, in: solution, model: model) {
                solution.insert(newOrder, into: slot, at: point, model: model)
                touched = [slot]
            } else if let bump = EmergencyInsertion.bestBump(for: newOrder, in: solution, model: model) {
                // No free place: take out the least urgent order whose place lets the new one in (never a pinned
                // one, never one as urgent as the new order).
                solution.remove([bump.victim], model: model)
                solution.insert(newOrder, into: bump.slot, at: bump.point, model: model)
                touched = [bump.slot]
                bumped = bump.victim
            }
            let builder = PlanBuilder(model: model)
            let reasons = bumped.map { [$0: "bumped by emergency order \(order.number) (\(order.priority)), which had no other place"] } ?? [:]
            let rebuilt = builder.patch(
                plan, routeIndex: routeIndex, before: before, after: solution, touched: touched,
                explain: Set([newOrder] + (bumped.map { [$0] } ?? [])), reasons: reasons)
            let outcome: Outcome
            if let assignment = rebuilt.assignments.first(where: { $0.workOrder == order.number }) {
                let bumpedNumber = bumped.map { model.problem.orders[model.plannable[$0]].number }
                outcome = .placed(assignment, bumped: bumpedNumber)
            } else if let unassigned = rebuilt.unassigned.first(where: { $0.workOrder == order.number }) {
                outcome = .notPlaced(unassigned)
            } else {
                throw Failure(description: "work order \(order.number) is neither planned nor left out (a defect: please report it)")
            }
            return (rebuilt, outcome)
        }

        /// The model and routes with the new order in them, unassigned. A matrix has no figures for a new site, so
        /// there the model is built again with the order, whose row the matrix must have.
        private func grown(by order: WorkOrder) throws(Failure) -> (SchedulingModel, Solution) {
            if let model = model.adding(order) {
                var solution = solution
                solution.addOrder(model: model)
                return (model, solution)
            }
            guard case .matrix(let matrix) = plan.problem.travel, let locations = matrix.locations,
                  locations.contains(order.number.rawValue)
            else {
                throw Failure(description: "order.number: the plan's travel matrix has no row for \(order.number); add its site to travel.locations and the matrix")
            }
            var problem = plan.problem
            problem.orders.append(order)
            let model = SchedulingModel(problem: problem, neighbors: false, candidatesOnlyFor: [order.number])
            return (model, Solution(model: model, warmStart: model.plannedVisits(of: plan)))
        }
    }
}
