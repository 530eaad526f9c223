import FieldOpsModel
import FieldOpsReports
import FieldOpsStore
import FieldOpsSync
import FieldOpsTestSupport
import Foundation
import Testing

/// KPIs on a hand-made history whose figures are worked out by hand below.
@Suite struct KPITests {
    func at(_ time: String) -> Instant { Instant(rfc3339: "2026-11-23T\(time):00Z")! }

    @Test func figuresOfAHandMadeHistory() throws {
        var problem = SyncFixture.problem
        problem.orders = Array(problem.orders.prefix(3))
        for index in problem.orders.indices {
            problem.orders[index].createdAt = at("06:00")
            // Response due 2 h after creation, resolution 200 minutes after.
            problem.orders[index].sla = SLADeadlines(firstResponse: at("08:00"), resolution: at("09:20"))
            problem.orders[index].category = index == 2 ? "Leak" : "Heating"
        }
        let database = try AppDatabase.inMemory()
        _ = try database.importProblem(problem, at: at("06:00"))
        let (a, b, c) = (problem.orders[0].number, problem.orders[1].number, problem.orders[2].number)
        for order in [a, b, c] { _ = try database.assign(order, to: "T001", actor: "anna", at: at("06:00")) }
        var next: Int64 = 1
        func report(_ order: WorkOrderNumber, _ status: String, _ time: String) throws {
            let version = try #require(try database.workOrder(order)?.assignmentVersion)
            _ = try database.push(PushRequest(deviceId: "d1", mutations: [SyncFixture.setStatus(next, order, status, basis: version)]), technician: "T001", at: at(time))
            next += 1
        }
        // A: on site after 60 min, resolved after 120, closed with CSAT 5.
        try report(a, "onSite", "07:00")
        try report(a, "resolved", "08:00")
        try database.close(a, csat: 5, actor: "anna", at: at("08:30"))
        // B: on site after 180 (late), resolved after 240 (late), reopened, second visit.
        try report(b, "onSite", "09:00")
        try report(b, "resolved", "10:00")
        try database.reopen(b, actor: "anna", at: at("10:30"))
        _ = try database.assign(b, to: "T001", actor: "anna", at: at("10:31"))
        try report(b, "onSite", "11:00")
        try report(b, "resolved", "12:00")
        // C: on site after 30, resolved after 90, closed with CSAT 4.
        try report(c, "onSite", "06:30")
        try report(c, "resolved", "07:30")
        try database.close(c, csat: 4, actor: "anna", at: at("08:00"))

        let all = try #require(ServiceKPIs.compute(try database.histories(), plan: nil).first)
        #expect(all.orders == 3)
        #expect(all.firstResponseMeanMinutes == 90)       // (60 + 180 + 30) / 3
        #expect(all.firstResponseP90Minutes == 180)       // nearest rank: ⌈0.9 × 3⌉ = 3rd of 30, 60, 180
        #expect(all.resolveMeanMinutes == 150)            // (120 + 240 + 90) / 3, first resolution of each
        #expect(all.resolveP90Minutes == 240)
        #expect(all.firstTimeFixRate == 2.0 / 3)          // B needed a second visit and was reopened
        #expect(all.responseCompliance == 2.0 / 3)        // B was on site after 08:00
        #expect(all.resolutionCompliance == 2.0 / 3)      // B was resolved after 09:20
        #expect(all.reopenRate == 1.0 / 3)
        #expect(all.csat == 4.5)
        #expect(all.csatResponses == 2)

        let byCategory = ServiceKPIs.compute(try database.histories(), plan: nil, by: .category)
        #expect(byCategory.map(\.group) == ["Heating", "Leak"])
        #expect(byCategory[1].firstResponseMeanMinutes == 30)
        #expect(byCategory[0].firstTimeFixRate == 0.5)
        #expect(try database.histories(from: at("07:00")).isEmpty, "orders are counted by creation time")
        #expect(throws: StoreError.self) { try database.close(a, csat: 5, actor: "anna", at: at("09:00")) }
        #expect(throws: StoreError.self) { try database.close(c, csat: 9, actor: "anna", at: at("09:00")) }
    }
}
