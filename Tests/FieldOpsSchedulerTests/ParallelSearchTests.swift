import FieldOpsModel
@testable import FieldOpsScheduler
import Testing

/// Several walkers searching regions of one plan side by side (`SolverOptions.threads`).
@Suite struct ParallelSearchTests {
    func solve(_ problem: Problem, iterations: Int, seed: UInt64, threads: Int, exchangeInterval: Int = 40)
        -> (Solver.Result, SchedulingModel, Plan)
    {
        let model = SchedulingModel(problem: problem)
        var options = SolverOptions(timeLimit: .infinity, iterationLimit: iterations, seed: seed, threads: threads)
        options.exchangeInterval = exchangeInterval
        var tick = 0.0
        let result = Solver(model: model, options: options).solve(clock: { tick += 0.001; return tick })
        return (result, model, result.plan(model: model, options: options))
    }

    static func describe(_ plan: Plan) -> [String] {
        plan.assignments.map { "\($0.workOrder) \($0.technicianId) \($0.start)" }
    }

    @Test(arguments: [(UInt64(3), 2), (8, 3)])
    func theSameSeedAndThreadCountGiveTheSamePlan(seed: UInt64, threads: Int) {
        let problem = ProblemGenerator(.init(technicians: 10, orders: 120, days: 2, seed: seed)).generate()
        // Several exchanges: the regions are put together and split again on the way.
        let (first, model, firstPlan) = solve(problem, iterations: 200, seed: seed, threads: threads)
        let (second, _, secondPlan) = solve(problem, iterations: 200, seed: seed, threads: threads)
        #expect(Self.describe(firstPlan) == Self.describe(secondPlan))
        #expect(first.score == second.score)
        #expect(first.iterations == 200 * threads, "every walker makes the iteration limit")
        #expect(first.recomputedScore(model: model) == first.score, "the exchanged plan's score is its own")
        #expect(FeasibilityChecker.breaches(of: firstPlan).isEmpty)
    }

    @Test func theRegionsTogetherNeverMakeTheFirstPlanWorse() {
        let problem = ProblemGenerator(.init(technicians: 10, orders: 140, days: 1, seed: 4)).generate()
        let (constructed, _, _) = solve(problem, iterations: 0, seed: 1, threads: 2)
        let (searched, model, _) = solve(problem, iterations: 300, seed: 1, threads: 2, exchangeInterval: 50)
        #expect(searched.score > constructed.score)
        #expect(searched.recomputedScore(model: model) == searched.score)
    }

    @Test func moreThreadsThanRoutesOrNoRouteAtAllArePlannedWithoutHarm() {
        // Two technicians, one day: two routes for eight threads; then no technician at all.
        let problem = ProblemGenerator(.init(technicians: 2, orders: 30, days: 1, seed: 7)).generate()
        let (result, model, plan) = solve(problem, iterations: 100, seed: 7, threads: 8, exchangeInterval: 30)
        #expect(result.iterations == 200, "one walker per route")
        #expect(result.recomputedScore(model: model) == result.score)
        #expect(FeasibilityChecker.breaches(of: plan).isEmpty)
        var alone = problem
        alone.technicians = []
        let (nobody, _, empty) = solve(alone, iterations: 50, seed: 7, threads: 4)
        #expect(empty.assignments.isEmpty)
        #expect(nobody.score.medium < 0, "every order is left out, and said so")
    }

    @Test func pinnedOrdersStayPinnedAcrossExchanges() {
        let problem = ProblemGenerator(.init(technicians: 12, orders: 150, days: 1, seed: 5)).generate()
        let pinned = problem.orders.filter { $0.lock != nil }
        #expect(!pinned.isEmpty)
        let (_, _, plan) = solve(problem, iterations: 160, seed: 5, threads: 2, exchangeInterval: 20)
        for order in pinned {
            let assignment = plan.assignments.first { $0.workOrder == order.number }
            if let technician = order.lock?.technicianId { #expect(assignment?.technicianId == technician) }
            if let start = order.lock?.start { #expect(assignment?.start == start) }
        }
        #expect(plan.solver.threads == 2)
    }

    @Test(arguments: [(UInt64(4), 2, 1), (9, 3, 2)])
    func regionsSplitThePlanIntoDisjointParts(seed: UInt64, count: Int, days: Int) {
        let problem = ProblemGenerator(.init(technicians: 9, orders: 90 * days, days: days, seed: seed)).generate()
        let model = SchedulingModel(problem: problem)
        var construction = Construction(model: model)
        let solution = construction.build(warmStart: [])
        #expect(!solution.unassigned.isEmpty, "the test needs unassigned orders to place")
        for round in 0..<4 {
            let regions = SearchRegion.split(solution, model: model, count: count, round: round)
            #expect(regions.count == count)
            for slot in model.slots.indices {
                #expect(regions.filter { $0.ownsSlot[slot] }.count == 1, "every route is in exactly one region")
            }
            for order in model.orders.indices where !model.candidates[order].isEmpty {
                let owners = regions.indices.filter { regions[$0].ownsOrder[order] }
                #expect(owners.count == 1, "every order that has a place is in exactly one region")
                guard let owner = owners.first else { continue }
                if solution.slotOf[order] >= 0 { #expect(regions[owner].ownsSlot[solution.slotOf[order]]) }
                #expect(regions[owner].candidates[order].allSatisfy { regions[owner].ownsSlot[$0] })
                #expect(regions[owner].orders.contains(order))
            }
            let sizes = regions.map { region in model.slots.indices.filter { region.ownsSlot[$0] }.count }
            #expect(sizes.max()! - sizes.min()! <= 1, "regions have about as many routes each: \(sizes)")
        }
        let first = SearchRegion.split(solution, model: model, count: count, round: 0)
        let second = SearchRegion.split(solution, model: model, count: count, round: 1)
        #expect(first.map(\.ownsSlot) != second.map(\.ownsSlot), "the next round cuts along other lines")
    }
}
