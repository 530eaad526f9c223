import FieldOpsModel
import FieldOpsReports
import Testing

@Suite struct ProblemSummaryTests {
    @Test func summarisesCountsByPriorityAndSkill() {
        let problem = ProblemGenerator(.init(technicians: 6, orders: 40, days: 2, seed: 3, name: "Tiny")).generate()
        let lines = ProblemSummary(problem).render()
        #expect(lines[0] == "Tiny")
        #expect(lines[1] == "Horizon      2026-11-23 (Mon) to 2026-11-24 (Tue), 2 days, Europe/Berlin")
        let vipBump = problem.policy.sla.vipBump
        for priority in Priority.allCases {
            let count = problem.orders.filter { $0.effectivePriority(vipBump: vipBump) == priority }.count
            let row = lines.first { $0.hasPrefix("\(priority) \(priority.label)") }
            #expect(row != nil)
            let cells = row?.split(separator: " ", omittingEmptySubsequences: true).map(String.init) ?? []
            #expect(cells.count > 2 && cells[2] == String(count), "\(row ?? "")")
        }
        for skill in problem.skills {
            let holders = problem.technicians.filter { $0.level(in: skill) > 0 }.count
            let row = lines.first { $0.hasPrefix(skill.rawValue + " ") }
            #expect(row?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init) == String(holders))
        }
        #expect(lines.count <= 40, "fits one screen")
        #expect(!lines.joined().contains("\u{1B}"), "plain by default")
    }
}
