@testable import FieldOpsLiterature
import FieldOpsScheduler
import Foundation
import Testing

/// Pillac's technician routing rules on a hand-worked instance, and the solver's routes on real instances checked
/// by an independent walk of the rules written here.
@Suite struct TRSPSolverTests {
    /// Depot at (10,0); one technician at home (0,0), shift [0,100], skill 0, tool 0, parts [1,0].
    /// Request 1 at (3,4), window [10,20], service 5, skill 0, tool 0, part 0 ×`firstParts`.
    /// Request 2 at (6,8), window [0,100], service 5, skill `secondSkill`, tool 1 (not carried).
    static func tiny(firstParts: Int = 1, secondSkill: Int = 0) throws -> TRSPInstance {
        let text = """
            TINY.2_1-2-2-2

            INFO
            CREW COUNT  SKILLS  TOOLS   SPARE PARTS
            1      2       2       2

            DEPOT TECHNICIANS AND REQUESTS
            ID   X     Y     TWS    TWE    Serv   SKILLS   TOOLS    SPARE PARTS
            0    10    0     0      100    0      []\t[]\t[]
            1    0     0     0      100    0      [0]\t[0]\t[1,0]
            2    3     4     10     20     5      [0]\t[0]\t[\(firstParts),0]
            3    6     8     0      100    5      [\(secondSkill)]\t[1]\t[0,0]

            """
        return try TRSPInstance.read(text, file: "tiny.txt")
    }

    @Test func aRouteStartsAsLateAsSavesWaiting() throws {
        let evaluator = TRSPRouteEvaluator(instance: try Self.tiny())
        // Leave at 0, arrive at 5, wait 5, serve 10–15, home at 20; leaving at 5 instead saves the wait: 15.
        let one = try #require(evaluator.evaluate(technician: 0, requests: [0]))
        #expect(abs(one.duration - 15) < 1e-9)
        #expect(abs(one.distance - 10) < 1e-9)
        #expect(one.depotBefore == nil)
    }

    @Test func aMissingToolSendsTheTechnicianToTheDepotWhereItCostsLeast() throws {
        let evaluator = TRSPRouteEvaluator(instance: try Self.tiny())
        // Depot first: 10 + √65 + 5 + 10 = 43.06 with no waiting. Depot between: wait 5 at request 1 (saved by
        // leaving later), then √65 + √80 + 10: home at 47.01, working time 42.01.
        let both = try #require(evaluator.evaluate(technician: 0, requests: [0, 1]))
        #expect(both.depotBefore == 1)
        // Working time: drive 5, serve 5, drive √65 and √80, serve 5, drive 10 home.
        #expect(abs(both.duration - (5 + 5 + 65.0.squareRoot() + 80.0.squareRoot() + 5 + 10)) < 1e-9)
        #expect(abs(both.distance - (5 + 65.0.squareRoot() + 80.0.squareRoot() + 10)) < 1e-9)
    }

    @Test func tooFewSparePartsAlsoNeedTheDepotAndMissingSkillsCannotBeFixed() throws {
        let short = TRSPRouteEvaluator(instance: try Self.tiny(firstParts: 2))
        let restocked = try #require(short.evaluate(technician: 0, requests: [0]))
        #expect(restocked.depotBefore == 0)
        // Through the depot, request 1 is reached at 10 + √65 ≈ 18.06, still inside its window.
        #expect(abs(restocked.distance - (10 + 65.0.squareRoot() + 5)) < 1e-9)
        let unskilled = TRSPRouteEvaluator(instance: try Self.tiny(secondSkill: 1))
        #expect(unskilled.evaluate(technician: 0, requests: [1]) == nil)
    }

    @Test(arguments: ["C101", "R101", "RC201"])
    func solutionsKeepEveryRuleAndReportTheirWorkingTime(name: String) throws {
        let url = BenchmarkReaderTests.root.appendingPathComponent("trsp/pillac2013/crew25/\(name).100_25-5-5-5.txt")
        let instance = try TRSPInstance.read(try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        let options = SolverOptions(timeLimit: .infinity, iterationLimit: 300, seed: 7)
        let result = TRSPSolver.solve(instance, options: options, clock: { 0 })
        #expect(result.unserved.isEmpty)
        let check = IndependentTRSPCheck(instance: instance, routes: result.routes)
        #expect(check.violations.isEmpty, "\(check.violations.prefix(3))")
        #expect(check.served == Set(0..<instance.requests.count))
        #expect(abs(check.duration - result.duration) < 1e-6)
        #expect(abs(check.distance - result.distance) < 1e-6)
        // The same seed and iteration limit give the same routes.
        #expect(TRSPSolver.solve(instance, options: options, clock: { 0 }).routes == result.routes)
    }
}

/// Walks routes through Pillac's rules with no code from the solver: leave home at the shift start, wait for
/// windows, restock once at the depot, home by the shift end; the working time subtracts the waiting that a later
/// departure saves without making any start late.
struct IndependentTRSPCheck {
    var violations: [String] = []
    var served = Set<Int>()
    var duration = 0.0
    var distance = 0.0

    init(instance: TRSPInstance, routes: [TRSPSolver.Route]) {
        func length(_ a: TRSPInstance.Site, _ b: TRSPInstance.Site) -> Double { hypot(a.x - b.x, a.y - b.y) }
        for route in routes {
            let tech = instance.technicians[route.technician]
            var stops: [(site: TRSPInstance.Site, request: Int?)] = route.requests.map { (instance.requests[$0], $0) }
            if let depot = route.depotBefore { stops.insert((instance.depot, nil), at: depot) }
            stops.append((tech, nil))
            var place = tech
            var clock = tech.windowStart
            var waited = 0.0
            var latestDelay = Double.infinity
            var tools = Set(tech.tools)
            var parts = tech.parts
            var restocked = false
            for (index, stop) in stops.enumerated() {
                distance += length(place, stop.site)
                let arrival = clock + length(place, stop.site)
                let isHome = index == stops.count - 1
                let start = isHome ? arrival : max(arrival, stop.site.windowStart)
                waited += start - arrival
                if start > stop.site.windowEnd + 1e-9 { violations.append("late at stop \(index) of technician \(route.technician)") }
                latestDelay = min(latestDelay, stop.site.windowEnd - start + waited)
                clock = start + (isHome ? 0 : stop.site.service)
                place = stop.site
                guard let request = stop.request else {
                    if !isHome { restocked = true; tools = Set(0..<instance.toolTypes) }
                    continue
                }
                if !served.insert(request).inserted { violations.append("request \(request) twice") }
                if !Set(stop.site.skills).isSubset(of: Set(tech.skills)) { violations.append("skill for \(request)") }
                if !restocked {
                    if !Set(stop.site.tools).isSubset(of: tools) { violations.append("tool for \(request)") }
                    for k in parts.indices { parts[k] -= stop.site.parts[k] }
                    if parts.contains(where: { $0 < 0 }) { violations.append("parts for \(request)") }
                }
            }
            duration += clock - tech.windowStart - max(0, min(waited, latestDelay))
        }
    }
}
