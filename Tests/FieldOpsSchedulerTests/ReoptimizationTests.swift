import FieldOpsModel
@testable import FieldOpsScheduler
import Testing

@Suite struct ReoptimizationTests {
    func solve(_ problem: Problem, published: Plan? = nil, iterations: Int = 150, seed: UInt64 = 1) -> Plan {
        replan(problem, published: published, iterations: iterations, seed: seed).plan
    }

    func replan(
        _ problem: Problem, published: Plan?, freeze: Planner.Freeze? = nil, iterations: Int = 150, seed: UInt64 = 1
    ) -> Planner.Outcome {
        let options = SolverOptions(timeLimit: .infinity, iterationLimit: iterations, seed: seed)
        var tick = 0.0
        return Planner(options: options, published: published, freeze: freeze).plan(problem, clock: { tick += 0.001; return tick })
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func nothingInsideTheFreezeWindowMoves(seed: UInt64) {
        let problem = ProblemGenerator(.init(technicians: 10, orders: 110, days: 1, seed: seed)).generate()
        let published = solve(problem, seed: seed)
        let now = problem.horizon.window.start.adding(minutes: 9 * 60)
        let outcome = replan(problem, published: published, freeze: .init(now: now, minutes: 90), seed: seed + 10)
        let frozen = outcome.frozen
        let replanned = outcome.plan
        #expect(replanned.problem == problem, "the plan records the problem as given, without the freeze's locks")
        #expect(!frozen.isEmpty)
        let before = Dictionary(uniqueKeysWithValues: published.assignments.map { ($0.workOrder, $0) })
        for assignment in replanned.assignments where frozen.contains(assignment.workOrder) {
            #expect(assignment.technicianId == before[assignment.workOrder]?.technicianId)
            #expect(assignment.start == before[assignment.workOrder]?.start)
        }
        for number in frozen { #expect(replanned.assignments.contains { $0.workOrder == number }, "\(number) stays planned") }
        #expect(FeasibilityChecker.breaches(of: replanned).isEmpty)
    }

    @Test func aChangePenaltyKeepsThePlanWhenNothingChanged() {
        var problem = ProblemGenerator(.init(technicians: 8, orders: 80, days: 1, seed: 6)).generate()
        let published = solve(problem, iterations: 300)
        problem.policy.weights.planChange = 1_000_000
        let replanned = solve(problem, published: published, iterations: 100, seed: 99)
        let diff = PlanDiff(from: published, to: replanned)
        #expect(diff.reassigned.isEmpty)
        // Leaving out fewer orders (by priority weight) ranks above any plan change, so a promised order may only
        // be dropped for a more important one: then the medium level must have improved.
        #expect(replanned.score.medium >= published.score.medium)
        if !diff.dropped.isEmpty {
            #expect(replanned.score.medium > published.score.medium, "dropped \(diff.dropped) without serving more")
        }
    }

    @Test func droppingAPublishedOrderCostsAPlanChange() throws {
        var tiny = TinyProblem()
        tiny.technician("T1")
        tiny.order()
        tiny.order()
        var problem = tiny.problem
        problem.policy.weights.planChange = 7_000
        let published = Dictionary(uniqueKeysWithValues: [(problem.orders[0].number, TechnicianID(rawValue: "T1"))])
        let model = SchedulingModel(problem: problem, previousAssignments: published)
        var solution = Solution(model: model)
        // Both orders out: only the one the published plan had costs a change.
        #expect(solution.score.soft == -7_000)
        var evaluated = 0
        let place = try #require(solution.cheapestPlace(for: 0, model: model, evaluated: &evaluated))
        solution.insert(0, into: place.slot, at: place.point, model: model)
        #expect(solution.score.soft == -solution.routes[place.slot].cost.soft)
        solution.remove([0], model: model)
        #expect(solution.score.soft == -7_000)
        #expect(solution.recomputedScore(model: model) == solution.score)
    }

    @Test func theDiffSortsChanges() {
        var tiny = TinyProblem()
        tiny.technician("T1")
        tiny.technician("T2", at: (52.6, 13.5))
        tiny.order()
        let published = tiny.plan()
        var moved = published
        moved.assignments[0].technicianId = "T2"
        let diff = PlanDiff(from: published, to: moved)
        #expect(diff.reassigned.map(\.toTechnician) == ["T2"])
        #expect(PlanDiff(from: published, to: published).unchanged.count == 1)
    }

    @Test func emergencyInsertionPlacesTheOrderAndMovesNobodyElse() throws {
        let problem = ProblemGenerator(.init(technicians: 20, orders: 120, days: 1, seed: 12)).generate()
        var base = problem
        let emergency = base.orders.removeLast()
        let published = solve(base, iterations: 100)
        let (plan, outcome) = try EmergencyInsertion.insert(emergency, into: published)
        guard case .placed(let assignment, let bumped) = outcome else {
            Issue.record("expected the order to be placed: \(outcome)")
            return
        }
        #expect(assignment.workOrder == emergency.number)
        #expect(bumped == nil, "there is room without bumping")
        let before = Dictionary(uniqueKeysWithValues: published.assignments.map { ($0.workOrder, $0.technicianId) })
        for other in plan.assignments where other.workOrder != emergency.number {
            #expect(before[other.workOrder] == other.technicianId, "\(other.workOrder) keeps its technician")
        }
        #expect(plan.assignments.count == published.assignments.count + 1)
        #expect(FeasibilityChecker.breaches(of: plan).isEmpty)
        #expect(throws: EmergencyInsertion.Failure.self) { try EmergencyInsertion.insert(published.problem.orders[0], into: published) }
    }

    @Test func anUrgentOrderBumpsALessUrgentOneWhenTheDayIsFull() throws {
        var tiny = TinyProblem()
        tiny.technician("T1", shift: ("08:00", "10:00"))
        let routine = tiny.order(duration: 90, priority: .p4)
        let published = tiny.plan()
        #expect(published.assignments.map(\.workOrder) == [routine])
        var extra = tiny
        let urgent = extra.order(duration: 60, priority: .p1)
        let (plan, outcome) = try EmergencyInsertion.insert(extra.orders.last!, into: published)
        guard case .placed(let assignment, let bumped) = outcome else {
            Issue.record("expected the urgent order to be placed")
            return
        }
        #expect(assignment.workOrder == urgent)
        #expect(bumped == routine)
        #expect(plan.unassigned.first?.workOrder == routine)
        #expect(plan.unassigned.first?.reason.contains("bumped by emergency order \(urgent)") == true)
    }

    @Test func anEmergencyThatFitsNowhereIsReportedWithItsReason() throws {
        var tiny = TinyProblem()
        tiny.technician("T1", shift: ("08:00", "10:00"))
        tiny.order(duration: 60)
        let published = tiny.plan()
        var extra = TinyProblem()
        extra.orders = tiny.orders
        let number = extra.order(duration: 90)
        let (plan, outcome) = try EmergencyInsertion.insert(extra.orders.last!, into: published)
        guard case .notPlaced(let unassigned) = outcome else {
            Issue.record("expected no room")
            return
        }
        #expect(unassigned.workOrder == number)
        #expect(!unassigned.reason.isEmpty)
        #expect(plan.unassigned.contains { $0.workOrder == number })
    }
}
