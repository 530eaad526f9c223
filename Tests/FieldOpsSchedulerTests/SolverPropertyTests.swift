import FieldOpsModel
@testable import FieldOpsScheduler
import Testing

@Suite struct SolverPropertyTests {
    static let seeds: [UInt64] = Array(1...12)

    func solve(_ problem: Problem, iterations: Int, seed: UInt64) -> (Solver.Result, SchedulingModel, Plan) {
        let model = SchedulingModel(problem: problem)
        let options = SolverOptions(timeLimit: .infinity, iterationLimit: iterations, seed: seed)
        var tick = 0.0
        let result = Solver(model: model, options: options).solve(clock: { tick += 0.001; return tick })
        return (result, model, result.plan(model: model, options: options))
    }

    @Test(arguments: seeds)
    func everyPlanOnARandomProblemIsFeasible(seed: UInt64) {
        let days = 1 + Int(seed % 3)
        let problem = ProblemGenerator(.init(technicians: 8, orders: 70 * days, days: days, seed: seed)).generate()
        let (result, model, plan) = solve(problem, iterations: 150, seed: seed)
        let breaches = FeasibilityChecker.breaches(of: plan)
        #expect(breaches.isEmpty, "seed \(seed): \(breaches.prefix(5))")
        #expect(result.score.hard == 0)
        #expect(result.recomputedScore(model: model) == result.score, "the maintained score equals one computed from nothing")
        #expect(plan.assignments.count > 0)
        for order in plan.unassigned { #expect(!order.reason.isEmpty) }
    }

    @Test(arguments: [UInt64(3), 8])
    func theSameSeedAndIterationLimitGiveTheSamePlan(seed: UInt64) {
        let problem = ProblemGenerator(.init(technicians: 10, orders: 120, days: 2, seed: seed)).generate()
        let (_, _, first) = solve(problem, iterations: 200, seed: seed)
        let (_, _, second) = solve(problem, iterations: 200, seed: seed)
        let describe = { (plan: Plan) in plan.assignments.map { "\($0.workOrder) \($0.technicianId) \($0.start)" } }
        #expect(describe(first) == describe(second))
        #expect(first.score == second.score)
        let (_, _, other) = solve(problem, iterations: 200, seed: seed + 100)
        #expect(other.score.hard == 0)
    }

    @Test(arguments: [UInt64(2), 5, 9])
    func pinnedOrdersNeverMove(seed: UInt64) {
        let problem = ProblemGenerator(.init(technicians: 12, orders: 150, days: 1, seed: seed)).generate()
        let pinned = problem.orders.filter { $0.lock != nil }
        #expect(!pinned.isEmpty)
        let (_, _, plan) = solve(problem, iterations: 300, seed: seed)
        for order in pinned {
            let assignment = plan.assignments.first { $0.workOrder == order.number }
            #expect(assignment != nil, "\(order.number) is pinned and must stay planned")
            if let technician = order.lock?.technicianId { #expect(assignment?.technicianId == technician) }
            if let start = order.lock?.start { #expect(assignment?.start == start) }
            #expect(assignment?.pinned == true)
        }
    }

    @Test func searchNeverMakesTheConstructionWorse() {
        let problem = ProblemGenerator(.init(technicians: 10, orders: 140, days: 1, seed: 4)).generate()
        let (constructed, _, _) = solve(problem, iterations: 0, seed: 1)
        let (searched, _, _) = solve(problem, iterations: 400, seed: 1)
        #expect(searched.score >= constructed.score)
    }

    /// The O(1) summaries agree with driving the route: for random visit orders, joining the forward summary up to
    /// a position with the backward summary after it reports time warp exactly when driving breaks a window,
    /// the break or the shift end.
    @Test(arguments: [UInt64(11), 12, 13])
    func segmentsAgreeWithDriving(seed: UInt64) {
        let problem = ProblemGenerator(.init(technicians: 4, orders: 40, days: 1, seed: seed)).generate()
        let model = SchedulingModel(problem: problem)
        var random = SeededGenerator(seed: Solver.scrambled(seed))
        for slot in model.slots.indices {
            for _ in 0..<40 {
                var visits: [Visit] = []
                for _ in 0..<(1 + random.next(below: 6)) {
                    let order = random.next(below: model.orders.count)
                    if !visits.contains(where: { $0.order == order }) {
                        visits.append(Visit(order: order, window: random.next(below: model.orders[order].windows.count)))
                    }
                }
                if model.slots[slot].breakWindow != nil { visits.insert(.pause, at: random.next(below: visits.count + 1)) }
                var route = Route(slot: slot, model: model)
                route.replaceVisits(visits, model: model)
                let timeRules: Set<HardRule> = [.window, .lockStart, .shift, .breakTime]
                let driven = Route.drive(route.visits, slot: slot, model: model).cost.violations.contains { timeRules.contains($0) }
                for position in 0...route.visits.count where position == route.visits.count || !route.visits[position].isBreak {
                    let total = route.joined(route.forward[position], suffixFrom: position, model: model)
                    #expect((total.timeWarp > 0) == driven, "slot \(slot) position \(position)")
                }
            }
        }
    }

    @Test func insertionDeltasMatchTheRouteCostAfterInsertion() {
        let problem = ProblemGenerator(.init(technicians: 6, orders: 60, days: 1, seed: 21)).generate()
        let model = SchedulingModel(problem: problem)
        var construction = Construction(model: model)
        var solution = construction.build()
        var checked = 0
        for order in model.orders.indices where solution.slotOf[order] >= 0 && !model.orders[order].pinned {
            let slot = solution.slotOf[order]
            solution.remove([order], model: model)
            let before = solution.routes[slot].cost.soft
            guard let point = solution.routes[slot].bestInsertion(of: order, model: model) else { continue }
            var route = solution.routes[slot]
            route.insert(Visit(order: order, window: point.window), at: point.position, model: model)
            // The break may move after an insertion, which can only make the route cheaper than estimated.
            #expect(route.cost.soft - before <= point.delta, "order \(order)")
            let breakBefore: Int? = solution.routes[slot].visits.firstIndex(where: \.isBreak)
            let expectedBreak: Int? = breakBefore.map { $0 >= point.position ? $0 + 1 : $0 }
            let breakAfter: Int? = route.visits.firstIndex(where: \.isBreak)
            if breakAfter == expectedBreak {
                #expect(route.cost.soft - before == point.delta, "order \(order): exact when the break stays put")
            }
            solution.insert(order, into: slot, at: point, model: model)
            checked += 1
        }
        #expect(checked > 10)
    }
}
