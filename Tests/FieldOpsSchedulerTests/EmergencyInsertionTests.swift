import FieldOpsModel
@testable import FieldOpsScheduler
import Testing

/// A plan prepared once takes emergencies by re-planning only the day each goes to; what it returns must be the
/// plan a rebuild from nothing gives for the same decisions.
@Suite struct EmergencyInsertionTests {
    func published(_ problem: Problem, iterations: Int = 100) -> Plan {
        var tick = 0.0
        let options = SolverOptions(timeLimit: .infinity, iterationLimit: iterations, seed: 1)
        return Planner(options: options).plan(problem, clock: { tick += 0.001; return tick }).plan
    }

    /// The plan built from scratch for the decisions of `plan`: every route driven again, every order explained.
    func rebuilt(_ plan: Plan) -> Plan {
        let model = SchedulingModel(problem: plan.problem)
        let solution = Solution(model: model, warmStart: model.plannedVisits(of: plan))
        return PlanBuilder(model: model).plan(from: solution, summary: plan.solver)
    }

    @Test(arguments: [UInt64(4), 5, 6])
    func aPreparedPlanGivesWhatARebuildGives(seed: UInt64) throws {
        var problem = ProblemGenerator(.init(technicians: 12, orders: 130, days: 2, seed: seed)).generate()
        let extras = Array(problem.orders.suffix(10))
        problem.orders.removeLast(10)
        let base = published(problem)
        var prepared = EmergencyInsertion.Prepared(base)
        var previous = base
        for order in extras {
            let outcome = try prepared.insert(order)
            let plan = prepared.plan
            let reference = rebuilt(plan)
            #expect(plan.problem == reference.problem)
            #expect(plan.score == reference.score, "the score is kept right, not re-added")
            #expect(plan.routes == reference.routes, "\(order.number): the changed day is planned as a rebuild plans it")
            func stripped(_ assignments: [Assignment]) -> [Assignment] {
                assignments.map { var copy = $0; copy.explanation = reference.assignments[0].explanation; return copy }
            }
            #expect(stripped(plan.assignments) == stripped(reference.assignments), "\(order.number): same assignments in the same order")
            #expect(plan.unassigned.map(\.workOrder) == reference.unassigned.map(\.workOrder))
            if case .placed(let assignment, _) = outcome {
                #expect(assignment.explanation == reference.assignments.first { $0.workOrder == order.number }?.explanation)
            }
            #expect(FeasibilityChecker.breaches(of: plan).isEmpty)
            let oneShot = try EmergencyInsertion.insert(order, into: previous)
            #expect(oneShot.plan == plan, "preparing is only a saving: the one-shot insertion gives the same plan")
            #expect(oneShot.outcome == outcome)
            previous = plan
        }
        #expect(prepared.plan.assignments.count + prepared.plan.unassigned.count == base.assignments.count + base.unassigned.count + extras.count)
    }

    @Test func anOrderWithAnUnknownSkillOrAFinishedStatusIsRefusedByName() {
        let problem = ProblemGenerator(.init(technicians: 4, orders: 20, days: 1, seed: 2)).generate()
        var base = problem
        var order = base.orders.removeLast()
        var prepared = EmergencyInsertion.Prepared(published(base, iterations: 20))
        let before = prepared.plan
        var unknown = order
        unknown.requiredSkills = [SkillRequirement(skill: "teleportation", minLevel: 1)]
        #expect(throws: EmergencyInsertion.Failure.self) { try prepared.insert(unknown) }
        do {
            _ = try prepared.insert(unknown)
        } catch {
            #expect(error.description.contains("order.requiredSkills[0].skill"))
        }
        order.status = .closed
        do {
            _ = try prepared.insert(order)
            Issue.record("a closed order was inserted")
        } catch {
            #expect(error.description.contains("is closed"))
        }
        #expect(prepared.plan == before, "a refused order changes nothing")
    }

    @Test func aMatrixPlanTakesAnOrderItHasARowForAndRefusesOneItHasNot() throws {
        var tiny = TinyProblem()
        tiny.technician("T1", shift: ("08:00", "16:00"))
        tiny.order(duration: 60)
        var problem = tiny.problem
        var extra = tiny
        extra.order(duration: 30)
        let newOrder = extra.orders.last!
        let names = ["T1", problem.orders[0].number.rawValue, newOrder.number.rawValue]
        problem.travel = .matrix(TravelMatrix(
            durations: [[0, 600, 900], [600, 0, 300], [900, 300, 0]], locations: names))
        let base = published(problem, iterations: 10)
        let (plan, outcome) = try EmergencyInsertion.insert(newOrder, into: base)
        guard case .placed(let assignment, _) = outcome else {
            Issue.record("expected the order to be placed: \(outcome)")
            return
        }
        #expect(assignment.workOrder == newOrder.number)
        #expect(plan.assignments.count == 2)

        var unknownSite = newOrder
        unknownSite.number = WorkOrderNumber(year: 2026, month: 11, serial: 999)!
        do {
            _ = try EmergencyInsertion.insert(unknownSite, into: base)
            Issue.record("an order without a matrix row was inserted")
        } catch {
            #expect(error.description.contains("no row for \(unknownSite.number)"))
        }
    }
}

/// Routes made elsewhere are judged by FieldOps' own rules: FieldOps' own routes, given back, score at least as
/// well as in its plan (the break may find a better place), and wrong routes are refused by name.
@Suite struct RouteScoringTests {
    @Test func fieldOpsOwnRoutesScoreAsTheyDidAndWrongRoutesAreRefused() throws {
        let problem = ProblemGenerator(.init(technicians: 8, orders: 70, days: 2, seed: 9)).generate()
        var tick = 0.0
        let plan = Planner(options: SolverOptions(timeLimit: .infinity, iterationLimit: 100, seed: 1)).plan(problem, clock: { tick += 0.001; return tick }).plan
        let routes = plan.routes.filter { !$0.workOrders.isEmpty }.map {
            RouteScoring.Route(technicianId: $0.technicianId, date: $0.date, workOrders: $0.workOrders)
        }
        let judged = try RouteScoring.plan(problem, routes: routes)
        #expect(judged.score.hard == plan.score.hard && judged.score.medium == plan.score.medium)
        #expect(judged.score >= plan.score)
        #expect(Set(judged.assignments.map(\.workOrder)) == Set(plan.assignments.map(\.workOrder)))
        #expect(judged.routes.filter { !$0.workOrders.isEmpty }.map(\.workOrders) == routes.map(\.workOrders))

        var twice = routes
        twice[0].workOrders.append(routes[1].workOrders[0])
        #expect(throws: RouteScoring.Failure.self) { try RouteScoring.plan(problem, routes: twice) }
        var stranger = routes
        stranger[0].technicianId = "NOBODY"
        do {
            _ = try RouteScoring.plan(problem, routes: stranger)
            Issue.record("an unknown technician was accepted")
        } catch {
            #expect(error.description.contains("unknown technician NOBODY"))
        }
    }
}
