import FieldOpsModel
import FieldOpsReports
import FieldOpsScheduler
import Foundation
import Testing

@Suite struct GanttTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func plan() throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("small-plan.json")))
    }

    func golden(_ name: String) throws -> [String] {
        try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func theBoardMatchesItsGoldenFileWithAChineseName() throws {
        let lines = GanttBoard(plan: try plan(), day: LocalDate("2026-11-23")!, width: 100, cellMinutes: 15).render()
        #expect(lines == (try golden("board-100.txt")))
        // The Chinese name takes four columns and the timeline still starts in the same column on every row.
        let rows = lines.filter { $0.hasPrefix("T1 ") || $0.hasPrefix("T2 ") }
        #expect(Set(rows.map { DisplayWidth.of(String($0.prefix { $0 != "·" && $0 != "~" && $0 != "0" })) }).count <= 2)
        #expect(lines.contains { $0.hasPrefix("T1 王伟        ") })
    }

    @Test func aNarrowBoardMatchesItsGoldenFile() throws {
        let lines = GanttBoard(plan: try plan(), day: LocalDate("2026-11-23")!, width: 50).render()
        #expect(lines == (try golden("board-50.txt")))
    }

    @Test(arguments: [40, 50, 72, 100, 160])
    func everyLineFitsTheWidth(width: Int) throws {
        let plan = try plan()
        for lines in [GanttBoard(plan: plan, day: LocalDate("2026-11-23")!, width: width).render(),
                      GanttWeek(plan: plan, width: width).render()] {
            for line in lines { #expect(DisplayWidth.of(line) <= width, "\(width): \(line)") }
        }
        let demo = try ProblemFileReader.load(contentsOf: Self.fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/demo/problem.json").path).problem
        let model = SchedulingModel(problem: demo)
        let options = SolverOptions(timeLimit: .infinity, iterationLimit: 0, seed: 1)
        var tick = 0.0
        let demoPlan = Solver(model: model, options: options).solve(clock: { tick += 0.01; return tick }).plan(model: model, options: options)
        for line in GanttBoard(plan: demoPlan, day: demo.horizon.start, width: width, now: Instant(rfc3339: "2026-11-23T10:00:00Z")).render() {
            #expect(DisplayWidth.of(line) <= width, "demo at \(width): \(line)")
        }
    }

    @Test func colorsOnlyWhenAskedFor() throws {
        let plain = GanttBoard(plan: try plan(), day: LocalDate("2026-11-23")!, width: 100).render()
        #expect(!plain.joined().contains("\u{1B}"))
        let colored = GanttBoard(plan: try plan(), day: LocalDate("2026-11-23")!, width: 100).render(style: TerminalStyle(colors: true))
        #expect(colored.joined().contains("\u{1B}["))
    }

    @Test func theNowMarkerAppearsOnTheDay() throws {
        let board = GanttBoard(plan: try plan(), day: LocalDate("2026-11-23")!, width: 100, cellMinutes: 15,
                               now: Instant(rfc3339: "2026-11-23T12:40:00+01:00")).render()
        #expect(board.filter { $0.hasPrefix("T2") }.first?.contains("|") == true)
        let otherDay = GanttBoard(plan: try plan(), day: LocalDate("2026-11-23")!, width: 100, cellMinutes: 15,
                                  now: Instant(rfc3339: "2026-11-24T12:40:00+01:00")).render()
        #expect(!otherDay.filter { $0.hasPrefix("T") }.joined().contains("|"))
    }

    /// The subset of Mermaid's gantt grammar FieldOps writes, checked line by line.
    @Test func mermaidExportFollowsTheGanttGrammar() throws {
        let text = MermaidGantt(plan: try plan()).render()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "gantt")
        let task = try Regex(#"^    [^:#;\n]+ :(?:(?:crit|active|done|milestone), )*[A-Za-z][A-Za-z0-9_-]*, \d{4}-\d{2}-\d{2} \d{2}:\d{2}, \d+m$"#)
        let statement = try Regex(#"^    (?:title [^\n]+|dateFormat YYYY-MM-DD HH:mm|axisFormat [^\n]+|section [^:#;\n]+)$"#)
        var sections = 0
        var tasks = 0
        for line in lines.dropFirst() {
            let isTask = (try? task.wholeMatch(in: line)) != nil
            let isStatement = (try? statement.wholeMatch(in: line)) != nil
            #expect(isTask || isStatement, "not Mermaid gantt: \(line)")
            if line.hasPrefix("    section ") { sections += 1 }
            if isTask { tasks += 1 }
        }
        #expect(sections == 2)
        #expect(tasks == (try plan()).assignments.count)
        #expect(text.contains("section T1 王伟"))
        #expect(text.contains(":crit, o202611000103"), "an order late for its SLA is critical")
    }
}
