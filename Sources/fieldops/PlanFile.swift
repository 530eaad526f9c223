import FieldOpsModel
import FieldOpsScheduler
import Foundation

/// Reads a plan written by `fieldops plan`, with a message that names the file and the field when it is not one.
func loadPlan(_ path: String) throws -> Plan {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandFailure("\(path): cannot read the file (does it exist?)")
    }
    do {
        return try JSONDecoder().decode(Plan.self, from: data)
    } catch let DecodingError.keyNotFound(key, context) {
        throw CommandFailure("\(path): not a FieldOps plan: missing \(describe(context.codingPath + [key]))")
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
        throw CommandFailure("\(path): not a FieldOps plan: wrong type at \(describe(context.codingPath))")
    } catch let DecodingError.dataCorrupted(context) {
        let detail = context.codingPath.isEmpty ? "not valid JSON" : "invalid value at \(describe(context.codingPath)): \(context.debugDescription)"
        throw CommandFailure("\(path): not a FieldOps plan: \(detail)")
    } catch {
        throw CommandFailure("\(path): not a FieldOps plan: \(error.localizedDescription)")
    }
}

/// `assignments[3].start`, as in the problem file messages.
private func describe(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
        if let index = key.intValue {
            text += "[\(index)]"
        } else {
            text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
    }
    return text.isEmpty ? "the top level" : text
}
