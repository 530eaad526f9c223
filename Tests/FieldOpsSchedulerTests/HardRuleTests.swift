import FieldOpsModel
import FieldOpsScheduler
import Testing

/// One small case per hard rule: the rule keeps an order away from a technician, and the plan says so.
@Suite struct HardRuleTests {
    func unassignedRule(_ plan: Plan, _ number: WorkOrderNumber) -> HardRule? {
        plan.unassigned.first { $0.workOrder == number }?.rule
    }

    @Test func skill() {
        var tiny = TinyProblem()
        tiny.technician("T1", skills: ["hvac": 5])
        let order = tiny.order(skill: "plumbing")
        let plan = tiny.plan()
        #expect(unassignedRule(plan, order) == .skill)
        #expect(plan.unassigned.first?.reason.contains("no technician is allowed to do it (needs plumbing ≥ 1)") == true)
    }

    @Test func skillLevel() {
        var tiny = TinyProblem()
        tiny.technician("T1", skills: ["hvac": 2])
        tiny.technician("T2", skills: ["hvac": 4], at: (52.6, 13.5))
        let order = tiny.order(level: 3)
        let plan = tiny.plan()
        #expect(plan.assignments.first?.technicianId == "T2", "the nearer technician is not qualified enough")
        #expect(plan.assignments.first?.explanation.ruledOut == [RuledOut(rule: .skillLevel, technicianIds: ["T1"])])
        #expect(plan.assignments.first?.workOrder == order)
    }

    @Test func excludedAndRequiredTechnicians() {
        var tiny = TinyProblem()
        tiny.technician("T1")
        tiny.technician("T2", at: (52.55, 13.45))
        tiny.technician("T3", at: (52.6, 13.5))
        tiny.order(required: ["T2", "T3"], excluded: ["T2"])
        let plan = tiny.plan()
        #expect(plan.assignments.first?.technicianId == "T3")
        let ruled = plan.assignments.first?.explanation.ruledOut ?? []
        #expect(ruled.contains(RuledOut(rule: .excludedTechnician, technicianIds: ["T2"])))
        #expect(ruled.contains(RuledOut(rule: .requiredTechnician, technicianIds: ["T1"])))
    }

    @Test func windowOutsideTheShift() {
        var tiny = TinyProblem()
        tiny.technician("T1", shift: ("08:00", "12:00"))
        let order = tiny.order(windows: [("14:00", "16:00")])
        #expect(unassignedRule(tiny.plan(), order) == .noShift)
    }

    @Test func appointmentWindowCannotBeReachedInTime() {
        var tiny = TinyProblem()
        // About 30 km away at 30 km/h × 1.3: over an hour's drive; the window closes 20 minutes into the shift.
        tiny.technician("T1", at: (52.25, 13.4))
        let order = tiny.order(windows: [("08:00", "08:20")])
        #expect(unassignedRule(tiny.plan(), order) == .window)
    }

    @Test func shiftEndIncludesTheDriveHome() {
        var tiny = TinyProblem()
        tiny.technician("T1", at: (52.25, 13.4), shift: ("08:00", "11:00"))
        let order = tiny.order(duration: 90)
        #expect(unassignedRule(tiny.plan(), order) == .shift)
    }

    @Test func overtimeAllowanceLetsItFitAtACost() {
        var tiny = TinyProblem()
        tiny.technician("T1", shift: ("08:00", "09:00"), overtime: 60)
        tiny.order(duration: 60)
        let plan = tiny.plan()
        #expect(plan.assignments.count == 1)
        #expect(plan.routes[0].overtimeMinutes > 0)
        #expect(plan.score.hard == 0)
    }

    @Test func maxJobsPerDay() {
        var tiny = TinyProblem()
        tiny.technician("T1", maxJobs: 2)
        for _ in 0..<3 { tiny.order(duration: 30) }
        let plan = tiny.plan()
        #expect(plan.assignments.count == 2)
        #expect(plan.unassigned.first?.rule == .maxJobsPerDay)
    }

    /// The van's capacity is a problem field: orders whose loads together exceed it do not share a day.
    @Test func vanCapacity() {
        var tiny = TinyProblem()
        tiny.technician("T1", vanCapacity: 10)
        let first = tiny.order(duration: 30, load: 6)
        let second = tiny.order(duration: 30, load: 6)
        let unloaded = tiny.order(duration: 30)
        let plan = tiny.plan()
        #expect(plan.score.hard == 0)
        let planned = Set(plan.assignments.map(\.workOrder))
        #expect(planned.contains(unloaded) && planned.count == 2, "12 load units do not fit a van of 10")
        #expect(planned.contains(first) != planned.contains(second))
        #expect(plan.unassigned.first?.rule == .capacity)
    }

    @Test func maxWorkingMinutes() {
        var tiny = TinyProblem()
        tiny.technician("T1", maxMinutes: 120)
        tiny.order(duration: 60)
        tiny.order(duration: 60, priority: .p4)
        let plan = tiny.plan()
        #expect(plan.assignments.count == 1)
        #expect(plan.unassigned.first?.rule == .maxWorkingMinutes)
        #expect(plan.routes[0].workingMinutes <= 120)
    }

    @Test func theBreakIsTakenInsideItsWindow() {
        var tiny = TinyProblem()
        tiny.technician("T1", breakWindow: ("12:00", "12:45", 30))
        // Work that would run straight through lunch: the plan must make room for the break.
        for index in 0..<6 { tiny.order(at: (52.5 + Double(index) * 0.002, 13.4), duration: 75) }
        let plan = tiny.plan(iterations: 100)
        #expect(plan.score.hard == 0)
        let pause = plan.routes[0].breakTime
        #expect(pause != nil)
        if let pause {
            #expect(pause.start >= TinyProblem.at("12:00") && pause.end <= TinyProblem.at("12:45"))
        }
        #expect(FeasibilityChecker.breaches(of: plan).isEmpty)
    }

    @Test func aBreakThatCannotBeTakenKeepsTheOrderOut() {
        var tiny = TinyProblem()
        tiny.technician("T1", breakWindow: ("12:00", "12:30", 30))
        let blocking = tiny.order(duration: 120, windows: [("11:30", "11:45")])
        #expect(unassignedRule(tiny.plan(), blocking) == .breakTime)
    }

    @Test func locksWinOverDistance() {
        var tiny = TinyProblem()
        tiny.technician("T1")
        tiny.technician("T2", at: (52.6, 13.6))
        let order = tiny.order(lock: ("T2", "10:00"))
        let plan = tiny.plan()
        let assignment = plan.assignments.first { $0.workOrder == order }
        #expect(assignment?.technicianId == "T2")
        #expect(assignment?.start == TinyProblem.at("10:00"))
        #expect(assignment?.pinned == true)
        #expect(assignment?.explanation.ruledOut == [RuledOut(rule: .lockedToOtherTechnician, technicianIds: ["T1"])])
    }

    @Test func aLockThatCannotBeKeptIsAHardBreachNotADrop() {
        var tiny = TinyProblem()
        tiny.technician("T1", shift: ("08:00", "12:00"))
        let order = tiny.order(duration: 120, lock: ("T1", "11:00"))
        let plan = tiny.plan()
        #expect(plan.assignments.first?.workOrder == order)
        #expect(plan.score.hard < 0)
        #expect(plan.routes[0].violations.contains(.shift))
    }

    @Test func preferredTechnicianIsChosenWhenItCostsLittle() {
        var tiny = TinyProblem()
        tiny.technician("T1")
        tiny.technician("T2", at: (52.52, 13.42))
        tiny.order(preferred: ["T2"])
        let plan = tiny.plan()
        #expect(plan.assignments.first?.technicianId == "T2")
        #expect(plan.assignments.first?.explanation.runnerUp?.technicianId == "T1")
        #expect(plan.assignments.first?.explanation.runnerUp?.why.contains("not a preferred technician") == true)
    }
}
