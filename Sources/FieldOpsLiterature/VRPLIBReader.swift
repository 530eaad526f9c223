import FieldOpsModel
import FieldOpsScheduler

import Foundation

/// Reads VRPLIB `CVRPTW` files (`C1_2_1.vrp`): header keys, then `NODE_COORD_SECTION`, `DEMAND_SECTION`,
/// `TIME_WINDOW_SECTION`, `DEPOT_SECTION`; node 1 is the depot, node k is Solomon customer k − 1.
public enum VRPLIBReader {
    public static func read(_ text: String, file: String) throws(InstanceFileError) -> VRPTWInstance {
        func fail(_ line: Int?, _ message: String) -> InstanceFileError { InstanceFileError(file: file, line: line, message: message) }
        var header: [String: String] = [:]
        var section: String?
        var coordinates: [Int: (Double, Double)] = [:]
        var demands: [Int: Int] = [:]
        var windows: [Int: (Double, Double)] = [:]
        let lines = text.replacingOccurrences(of: "\r", with: "").split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line == "EOF" { continue }
            if line.hasSuffix("_SECTION") {
                section = line
                continue
            }
            if let colon = line.firstIndex(of: ":"), section == nil || !line.first!.isNumber {
                header[line[..<colon].trimmingCharacters(in: .whitespaces).uppercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                section = nil
                continue
            }
            let numbers = line.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
            switch section {
            case "NODE_COORD_SECTION":
                guard numbers.count == 3 else { throw fail(offset + 1, "expected id x y") }
                coordinates[Int(numbers[0])] = (numbers[1], numbers[2])
            case "DEMAND_SECTION":
                guard numbers.count == 2 else { throw fail(offset + 1, "expected id demand") }
                demands[Int(numbers[0])] = Int(numbers[1])
            case "TIME_WINDOW_SECTION":
                guard numbers.count == 3, numbers[1] <= numbers[2] else { throw fail(offset + 1, "expected id ready due, ready ≤ due") }
                windows[Int(numbers[0])] = (numbers[1], numbers[2])
            case "DEPOT_SECTION", "SERVICE_TIME_SECTION":
                continue
            default:
                throw fail(offset + 1, "unexpected line \"\(line)\" outside a section")
            }
        }
        guard let dimension = header["DIMENSION"].flatMap(Int.init), dimension >= 2 else { throw fail(nil, "missing or invalid DIMENSION") }
        guard let capacity = header["CAPACITY"].flatMap(Int.init) else { throw fail(nil, "missing CAPACITY") }
        let vehicles = header["VEHICLES"].flatMap(Int.init) ?? dimension - 1
        let service = header["SERVICE_TIME"].flatMap(Double.init) ?? 0
        var nodes: [VRPTWInstance.Node] = []
        for id in 1...dimension {
            guard let (x, y) = coordinates[id], let (ready, due) = windows[id] else {
                throw fail(nil, "node \(id) has no coordinates or no time window")
            }
            nodes.append(VRPTWInstance.Node(x: x, y: y, demand: demands[id] ?? 0, ready: ready, due: due, service: id == 1 ? 0 : service))
        }
        return VRPTWInstance(name: header["NAME"] ?? file, vehicles: vehicles, capacity: capacity, nodes: nodes)
    }
}
