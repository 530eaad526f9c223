import FieldOpsModel
import FieldOpsScheduler

import Foundation

/// Pillac et al.'s rules for one technician's day, in double precision: leave home no earlier than the shift
/// start, serve each request inside its window (waiting if early), be home by the shift end; every request needs
/// the technician's skills; before a visit to the depot the technician must carry each tool a request needs and
/// enough spare parts, after it anything (the depot has all). At most one depot visit a day. The cost is the
/// working time: from leaving home to coming back, leaving as late as saves waiting without breaking a window.
struct TRSPRouteEvaluator: Sendable {
    let instance: TRSPInstance
    /// Row index in one matrix: 0 the depot, 1...crew the homes, then the requests.
    let distances: [Double]
    let size: Int
    /// Per technician and request: whether the technician holds every skill it needs.
    let qualified: [[Bool]]
    /// Per technician and request: whether the technician carries every tool it needs.
    let equipped: [[Bool]]

    init(instance: TRSPInstance) {
        self.instance = instance
        let sites = [instance.depot] + instance.technicians + instance.requests
        size = sites.count
        var matrix = [Double](repeating: 0, count: size * size)
        for a in 0..<size {
            for b in 0..<size { matrix[a * size + b] = ((sites[a].x - sites[b].x) * (sites[a].x - sites[b].x) + (sites[a].y - sites[b].y) * (sites[a].y - sites[b].y)).squareRoot() }
        }
        distances = matrix
        qualified = instance.technicians.map { tech in instance.requests.map { Set($0.skills).isSubset(of: Set(tech.skills)) } }
        equipped = instance.technicians.map { tech in instance.requests.map { Set($0.tools).isSubset(of: Set(tech.tools)) } }
    }

    var crew: Int { instance.technicians.count }

    @inline(__always) func node(request: Int) -> Int { 1 + crew + request }
    @inline(__always) func distance(_ a: Int, _ b: Int) -> Double { distances[a * size + b] }

    /// A route's cost and where its depot visit goes (the index of the request it comes before; nil for none).
    struct Evaluation: Sendable {
        var duration: Double
        var distance: Double
        var depotBefore: Int?
    }

    /// The cheapest way to serve `requests` in this order by `technician` (0-based), choosing whether and where to
    /// visit the depot; nil when no choice keeps every rule.
    func evaluate(technician: Int, requests: [Int]) -> Evaluation? {
        if requests.isEmpty { return Evaluation(duration: 0, distance: 0, depotBefore: nil) }
        for request in requests where !qualified[technician][request] { return nil }
        // Requests the technician can do from the van alone: a prefix up to the first tool or part shortage.
        let tech = instance.technicians[technician]
        var stock = tech.parts
        var covered = 0
        walk: for request in requests {
            if !equipped[technician][request] { break }
            let demand = instance.requests[request].parts
            for k in stock.indices {
                stock[k] -= k < demand.count ? demand[k] : 0
                if stock[k] < 0 { break walk }
            }
            covered += 1
        }
        // The van covers every request: a depot stop could only add driving, and cannot save a late window.
        if covered == requests.count { return schedule(technician: technician, requests: requests, depotBefore: nil) }
        var best: Evaluation?
        for position in 0...covered {
            if let candidate = schedule(technician: technician, requests: requests, depotBefore: position),
               best == nil || candidate.duration < best!.duration {
                best = candidate
            }
        }
        return best
    }

    /// Drives the route from the shift start and returns its working time, or nil when a window is missed.
    func schedule(technician: Int, requests: [Int], depotBefore: Int?) -> Evaluation? {
        let tech = instance.technicians[technician]
        let home = 1 + technician
        var here = home
        var time = tech.windowStart
        var distance = 0.0
        var waitingSoFar = 0.0
        // How far the departure could move later without any start leaving its window.
        var slack = Double.infinity
        func visit(_ node: Int, start windowStart: Double, end windowEnd: Double, service: Double) -> Bool {
            let leg = self.distance(here, node)
            distance += leg
            let arrival = time + leg
            let start = max(arrival, windowStart)
            if start > windowEnd + 1e-9 { return false }
            waitingSoFar += start - arrival
            slack = min(slack, windowEnd - start + waitingSoFar)
            time = start + service
            here = node
            return true
        }
        let depot = instance.depot
        for (index, request) in requests.enumerated() {
            if index == depotBefore, !visit(0, start: depot.windowStart, end: depot.windowEnd, service: depot.service) { return nil }
            let site = instance.requests[request]
            if !visit(node(request: request), start: site.windowStart, end: site.windowEnd, service: site.service) { return nil }
        }
        if depotBefore == requests.count, !visit(0, start: depot.windowStart, end: depot.windowEnd, service: depot.service) { return nil }
        let back = self.distance(here, home)
        distance += back
        time += back
        if time > tech.windowEnd + 1e-9 { return nil }
        slack = min(slack, tech.windowEnd - time + waitingSoFar)
        let delay = max(0, min(slack, waitingSoFar))
        return Evaluation(duration: time - tech.windowStart - delay, distance: distance, depotBefore: depotBefore)
    }
}
