import FieldOpsModel
import FieldOpsScheduler

import Foundation

/// Reads Solomon's text format (`C101.txt`): name, `VEHICLE` block (number, capacity), `CUSTOMER` block with one
/// row per node (`id x y demand ready due service`), node 0 the depot. CRLF or LF.
public enum SolomonReader {
    public static func read(_ text: String, file: String) throws(InstanceFileError) -> VRPTWInstance {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        func fail(_ line: Int?, _ message: String) -> InstanceFileError { InstanceFileError(file: file, line: line, message: message) }
        guard let name = lines.first(where: { !$0.isEmpty }) else { throw fail(nil, "the file is empty") }
        guard let vehicleHeader = lines.firstIndex(where: { $0.uppercased() == "VEHICLE" }) else {
            throw fail(nil, "no VEHICLE section; not a Solomon instance")
        }
        guard let fleetLine = lines[(vehicleHeader + 1)...].dropFirst().firstIndex(where: { !$0.isEmpty }) else {
            throw fail(vehicleHeader + 1, "missing the vehicle number and capacity")
        }
        let fleet = lines[fleetLine].split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard fleet.count == 2, fleet[0] > 0, fleet[1] > 0 else {
            throw fail(fleetLine + 1, "expected two positive whole numbers: vehicles and capacity")
        }
        guard let customerHeader = lines.firstIndex(where: { $0.uppercased() == "CUSTOMER" }) else {
            throw fail(nil, "no CUSTOMER section")
        }
        var nodes: [VRPTWInstance.Node] = []
        for index in (customerHeader + 2)..<lines.count where !lines[index].isEmpty {
            let fields = lines[index].split(whereSeparator: \.isWhitespace).map(String.init)
            let numbers = fields.compactMap(Double.init)
            guard fields.count == 7, numbers.count == 7 else {
                throw fail(index + 1, "expected 7 numbers (id x y demand ready due service), found \"\(lines[index])\"")
            }
            guard Int(numbers[0]) == nodes.count else {
                throw fail(index + 1, "node \(Int(numbers[0])) out of order; expected \(nodes.count)")
            }
            guard numbers[4] <= numbers[5] else { throw fail(index + 1, "ready time after due date") }
            nodes.append(VRPTWInstance.Node(x: numbers[1], y: numbers[2], demand: Int(numbers[3]), ready: numbers[4], due: numbers[5], service: numbers[6]))
        }
        guard nodes.count >= 2 else { throw fail(nil, "no customers") }
        return VRPTWInstance(name: name, vehicles: fleet[0], capacity: fleet[1], nodes: nodes)
    }
}
