import FieldOpsModel
import Foundation
import Testing

@Suite struct RoundTripTests {
    @Test(arguments: [(UInt64(1), 1), (2, 3), (3, 7)])
    func jsonWrittenIsReadBackEqual(seed: UInt64, days: Int) throws {
        let problem = ProblemGenerator(.init(technicians: 12, orders: 80, days: days, seed: seed)).generate()
        let data = try ProblemFileWriter.data(problem)
        let loaded = try ProblemFileReader.load(bytes: Array(data))
        #expect(loaded.problem == problem)
        // The synthesized Codable conformance reads the same format.
        #expect(try JSONDecoder().decode(Problem.self, from: data) == problem)
    }

    @Test func nonDefaultPolicyAndMatrixRoundTrip() throws {
        var problem = try ProblemFileReader.load(bytes: Array(Fixtures.validProblemJSON.utf8)).problem
        var calendar = BusinessCalendar.weekdays(in: Fixtures.berlin)
        calendar.holidays = [LocalDate("2026-12-25")!]
        calendar.workingHours[.sat] = DailyHours(start: TimeOfDay("09:00")!, end: TimeOfDay("13:00")!)
        problem.policy.sla.calendar = calendar
        problem.policy.sla.targets.p2 = SLATarget(firstResponse: .minutes(90), resolution: .days(1), atRiskMarginMinutes: 20, clock: .allHours)
        problem.policy.weights.travelMinute = 3
        problem.policy.weights.unassigned.p4 = 1
        problem.policy.currency = "CHF"
        problem.travel = .matrix(TravelMatrix(
            durations: [[0, 1.5, 2, 3], [1.5, 0, 2, 3], [2, 2, 0, 3], [3, 3, 3, 0]],
            locations: ["T1", "T2", "202611000015", "202611000016"]))
        problem.orders[0].lock = WorkOrderLock(start: Instant(rfc3339: "2026-11-23T09:30:00+01:00"))
        problem.technicians[0].shifts[0].breakTime = ShiftBreak(
            earliestStart: Instant(rfc3339: "2026-11-23T12:00:00+01:00")!, latestEnd: Instant(rfc3339: "2026-11-23T14:00:00+01:00")!, minutes: 30)
        let loaded = try ProblemFileReader.load(bytes: Array(try ProblemFileWriter.data(problem)))
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.problem == problem)
    }

    @Test(arguments: [(UInt64(4), 1), (5, 5)])
    func csvExportedIsImportedBackEqual(seed: UInt64, days: Int) throws {
        let problem = ProblemGenerator(.init(technicians: 15, orders: 120, days: days, seed: seed)).generate()
        let technicians = TechnicianCSV.table(problem.technicians, horizon: problem.horizon).text
        let orders = WorkOrderCSV.table(problem.orders, horizon: problem.horizon).text
        let parts = PartCSV.table(problem.parts).text
        let imported = try CSVImport.problem(
            from: .init(technicians: ("technicians.csv", technicians), orders: ("orders.csv", orders), parts: ("parts.csv", parts)),
            horizon: problem.horizon, base: problem, name: problem.name).problem
        #expect(imported.technicians == problem.technicians)
        #expect(imported.orders == problem.orders)
        #expect(imported.parts == problem.parts)
        #expect(imported == problem)
        // And the text itself is stable: export → import → export gives the same CSV.
        #expect(WorkOrderCSV.table(imported.orders, horizon: imported.horizon).text == orders)
        #expect(TechnicianCSV.table(imported.technicians, horizon: imported.horizon).text == technicians)
    }

    @Test func aHandWrittenSpreadsheetImports() throws {
        let technicians = """
        id,name,skills,home_lat,home_lon,shift_start,shift_end,break_earliest,break_latest,break_minutes,workdays,max_jobs_per_day
        T1,李娜,hvac:4 electrical:2,52.5,13.4,08:00,17:00,12:00,14:00,30,mon-fri,8
        T2,"Müller, Jörg",plumbing,52.45,13.35,07:00,15:30,,,,sat sun,
        """
        let orders = #"""
        number,customer_id,customer_name,vip,lat,lon,address,category,skills,duration_minutes,priority,created_at,windows,lock_technician,parts
        202611000001,C1,"Hotel ""Am Park""",yes,52.51,13.39,"Parkweg 1, Berlin",Heating repair,hvac:3,60,P2,2026-11-20T09:00:00Z,2026-11-23 09:00-12:00; 2026-11-24 13:00-17:00,,
        202611000002,C2,,no,52.49,13.41,,Leak repair,plumbing,30,p4,2026-11-21T09:00:00Z,,T2,GSK-050:2
        """#
        let zone = Fixtures.berlin
        let horizon = Horizon(start: LocalDate("2026-11-23")!, days: 7, timeZone: zone)
        let base = Problem(name: "base", horizon: horizon, skills: [], parts: [Part(id: "GSK-050", name: "Gasket", standardCost: 320)], technicians: [], orders: [])
        let problem = try CSVImport.problem(
            from: .init(technicians: ("t.csv", technicians), orders: ("o.csv", orders)), horizon: horizon, base: base).problem
        #expect(problem.skills == ["hvac", "electrical", "plumbing"])
        let li = problem.technicians[0]
        #expect(li.name == "李娜")
        #expect(li.skills == [SkillLevel(skill: "hvac", level: 4), SkillLevel(skill: "electrical", level: 2)])
        #expect(li.shifts.count == 5, "Monday to Friday of the week")
        #expect(li.shifts[0].start == Instant(rfc3339: "2026-11-23T08:00:00+01:00"))
        #expect(li.shifts[0].breakTime?.minutes == 30)
        #expect(li.limits.maxJobsPerDay == 8)
        let jorg = problem.technicians[1]
        #expect(jorg.name == "Müller, Jörg")
        #expect(jorg.shifts.map { zone.local($0.start).date.weekday } == [.sat, .sun])
        #expect(jorg.skills == [SkillLevel(skill: "plumbing", level: 1)])
        let hotel = problem.orders[0]
        #expect(hotel.customer.name == "Hotel \"Am Park\"")
        #expect(hotel.customer.vip)
        #expect(hotel.site.address == "Parkweg 1, Berlin")
        #expect(hotel.windows.count == 2)
        #expect(hotel.windows[1].start == Instant(rfc3339: "2026-11-24T13:00:00+01:00"))
        #expect(problem.orders[1].priority == .p4)
        #expect(problem.orders[1].lock?.technicianId == "T2")
        #expect(problem.orders[1].requiredParts == [PartQuantity(partId: "GSK-050", quantity: 2)])
    }

    @Test func csvProblemsNameFileLineAndColumn() {
        let technicians = """
        id,name,skills,home_lat,home_lon,shift_start,shift_end
        T1,Anna,hvac:3,52.5,13.4,08:00,17:00
        T2,Ben,hvac:x,north,13.4,8am,17:00
        """
        let orders = """
        number,customer_id,lat,lon,duration_minutes,priority,created_at,windows,lock_technician
        202611000001,C1,52.5,13.4,60,P2,2026-11-20T09:00:00Z,2026-11-23 12:00-09:00,T1
        202611000002,C2,52.5,13.4,0,P9,yesterday,,T7
        """
        let horizon = Horizon(start: LocalDate("2026-11-23")!, days: 1, timeZone: Fixtures.berlin)
        do {
            _ = try CSVImport.problem(from: .init(technicians: ("t.csv", technicians), orders: ("o.csv", orders)), horizon: horizon)
            Issue.record("expected the import to fail")
        } catch {
            let lines = error.issues.map { $0.formatted(file: "?") }
            #expect(lines.contains("t.csv:3: column skills: \"hvac:x\" is not of the form name:number"), "\(lines)")
            #expect(lines.contains("t.csv:3: column home_lat: \"north\" is not a number"))
            #expect(lines.contains("t.csv:3: column shift_start: \"8am\" is not a time of the form HH:MM"))
            #expect(lines.contains("o.csv:2: windows[0].end: before start (2026-11-23T08:00:00Z is not after 2026-11-23T11:00:00Z)"))
            #expect(lines.contains("o.csv:3: column priority: \"P9\" is not a priority; use P1, P2, P3 or P4"))
            #expect(lines.contains { $0.hasPrefix("o.csv:3: column created_at:") })
        }
    }

    @Test func missingColumnsAreNamed() {
        let horizon = Horizon(start: LocalDate("2026-11-23")!, days: 1, timeZone: .utc)
        do {
            _ = try CSVImport.problem(from: .init(technicians: ("t.csv", "id,name\nT1,A\n"), orders: ("o.csv", "number\n")), horizon: horizon)
            Issue.record("expected the import to fail")
        } catch {
            let messages = error.issues.map { $0.formatted(file: "?") }
            #expect(messages.contains("t.csv:1: missing required column \"home_lat\""), "\(messages)")
            #expect(messages.contains("o.csv:1: missing required column \"priority\""))
        }
    }
}
