import FieldOpsModel
import FieldOpsScheduler

import Foundation

/// Routes as customer numbers (1…n, depot omitted), and the independent check of a solution: every customer
/// exactly once, capacity, fleet size, service starting inside every window, return to the depot by its due
/// date; distance in double precision, or with each arc truncated to one decimal (the DIMACS convention).
public struct VRPTWSolution: Hashable, Sendable {
    public var routes: [[Int]]

    public init(routes: [[Int]]) {
        self.routes = routes
    }

    /// Reads `.sol` files: `Route #1: 5 3 7 …` lines (a `Cost …` line is ignored).
    public static func read(_ text: String, file: String) throws(InstanceFileError) -> VRPTWSolution {
        var routes: [[Int]] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard line.hasPrefix("Route") else { continue }
            guard let colon = line.firstIndex(of: ":") else { throw InstanceFileError(file: file, line: offset + 1, message: "expected Route #k: customers") }
            let customers = line[line.index(after: colon)...].split(whereSeparator: \.isWhitespace).map { Int($0) }
            guard customers.allSatisfy({ $0 != nil }) else { throw InstanceFileError(file: file, line: offset + 1, message: "customer numbers must be whole numbers") }
            routes.append(customers.compactMap { $0 })
        }
        return VRPTWSolution(routes: routes)
    }

    public struct Check: Hashable, Sendable {
        public var distance: Double
        public var violations: [String]
        public var isFeasible: Bool { violations.isEmpty }
    }

    public func check(_ instance: VRPTWInstance, truncateArcs: Bool = false) -> Check {
        var violations: [String] = []
        var seen = [Int](repeating: 0, count: instance.nodes.count)
        var total = 0.0
        let used = routes.filter { !$0.isEmpty }
        if used.count > instance.vehicles { violations.append("\(used.count) routes for \(instance.vehicles) vehicles") }
        func arc(_ a: Int, _ b: Int) -> Double {
            let d = instance.distance(a, b)
            return truncateArcs ? (d * 10).rounded(.down) / 10 : d
        }
        for (index, route) in used.enumerated() {
            var time = 0.0
            var load = 0
            var here = 0
            for customer in route {
                guard customer >= 1, customer <= instance.customers else {
                    violations.append("route \(index + 1): no customer \(customer)")
                    continue
                }
                seen[customer] += 1
                let node = instance.nodes[customer]
                let travel = arc(here, customer)
                total += travel
                time = max(time + travel, node.ready)
                if time > node.due + 1e-9 { violations.append("route \(index + 1): customer \(customer) served at \(time), due \(node.due)") }
                time += node.service
                load += node.demand
                here = customer
            }
            let back = arc(here, 0)
            total += back
            if time + back > instance.nodes[0].due + 1e-9 { violations.append("route \(index + 1): back at the depot at \(time + back), after \(instance.nodes[0].due)") }
            if load > instance.capacity { violations.append("route \(index + 1): load \(load) over capacity \(instance.capacity)") }
        }
        for customer in 1...max(1, instance.customers) where seen[customer] != 1 {
            violations.append("customer \(customer) visited \(seen[customer]) times")
        }
        return Check(distance: total, violations: violations)
    }
}
