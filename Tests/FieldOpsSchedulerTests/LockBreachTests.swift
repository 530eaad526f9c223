import FieldOpsModel
import FieldOpsReports
import FieldOpsScheduler
import Testing

/// A dispatcher's lock to a technician who may not do the order is kept, and `hard = 0` still means every rule
/// holds: the plan counts the broken rule on the hard level, the summary lists it and `explain` names it.
@Suite struct LockBreachTests {
    enum LockKind: String, CaseIterable, Sendable {
        case technician, technicianAndStart, started
    }

    /// Each per-technician rule, set up so that T1 breaks it and T2 does not.
    static let rules: [HardRule] = [.skill, .skillLevel, .excludedTechnician, .requiredTechnician]

    static func problem(breaking rule: HardRule, lock kind: LockKind) -> (TinyProblem, WorkOrderNumber) {
        var tiny = TinyProblem()
        tiny.technician("T1", skills: rule == .skill ? ["network": 4, "electrical": 4] : ["hvac": 2])
        tiny.technician("T2", skills: ["hvac": 5], at: (52.6, 13.5))
        let lock: (String?, String?) = kind == .technician ? ("T1", nil) : ("T1", "09:00")
        let order = tiny.order(
            skill: "hvac", level: rule == .skillLevel ? 3 : 1, lock: lock, status: kind == .started ? .onSite : .new,
            required: rule == .requiredTechnician ? ["T2"] : [], excluded: rule == .excludedTechnician ? ["T1"] : [])
        return (tiny, order)
    }

    @Test(arguments: rules, LockKind.allCases)
    func aLockThatBreaksARuleIsKeptAndCounted(rule: HardRule, kind: LockKind) throws {
        let (tiny, order) = Self.problem(breaking: rule, lock: kind)
        let plan = tiny.plan()
        let assignment = try #require(plan.assignments.first { $0.workOrder == order })
        #expect(assignment.technicianId == "T1", "the dispatcher's lock is kept")
        #expect(assignment.pinned)
        #expect(plan.score.hard == -1, "one broken rule, on the hard level")
        #expect(assignment.explanation.lockBreaks == [rule])
        #expect(plan.routes.first { $0.technicianId == "T1" }?.violations == [rule])
        let summary = PlanSummary(plan).render(style: .plain, maxUnassigned: 10).joined(separator: "\n")
        #expect(summary.contains("\(order) locked to T1: \(rule.label)"))
        let explained = try #require(AssignmentReport(plan: plan, number: order).render(style: .plain)).joined(separator: "\n")
        #expect(explained.contains("The dispatcher's lock breaks a hard rule here: \(rule.label)"))
        // The validator warns before anything is planned.
        let warnings = ProblemValidator.issues(in: tiny.problem).filter { $0.severity == .warning && $0.path.hasSuffix("lock.technicianId") }
        #expect(warnings.count == 1, "\(warnings)")
    }

    @Test func aLockToAnEligibleTechnicianBreaksNothing() {
        var tiny = TinyProblem()
        tiny.technician("T1", skills: ["hvac": 4])
        tiny.order(lock: ("T1", nil))
        let plan = tiny.plan()
        #expect(plan.score.hard == 0)
        #expect(plan.assignments.first?.explanation.lockBreaks == nil)
        #expect(ProblemValidator.issues(in: tiny.problem).allSatisfy { !$0.path.hasSuffix("lock.technicianId") })
    }
}
