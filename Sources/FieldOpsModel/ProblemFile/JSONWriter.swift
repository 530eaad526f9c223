/// Prints a JSON document for people: two-space indents, small objects and lists of scalars on one line, and
/// keys in a fixed, meaningful order (identity first) so that the same value always gives the same bytes.
///
/// Foundation's encoder can only sort keys alphabetically or leave them in hash order, which changes run to run.
public struct JSONWriter: Sendable {
    /// Keys that go first, in this order; all others follow alphabetically.
    public var keyOrder: [String]
    /// A container whose one-line form is at most this long is printed on one line.
    public var inlineLimit = 96

    public init(keyOrder: [String]) {
        self.keyOrder = keyOrder
    }

    public func text(_ node: JSONNode) -> String {
        var output = ""
        write(node, indent: "", into: &output)
        return output + "\n"
    }

    private func rank(_ key: String) -> (Int, String) {
        (keyOrder.firstIndex(of: key) ?? keyOrder.count, key)
    }

    private func ordered(_ members: [(key: String, value: JSONNode)]) -> [(key: String, value: JSONNode)] {
        members.sorted { rank($0.key) < rank($1.key) }
    }

    private func write(_ node: JSONNode, indent: String, into output: inout String) {
        if let line = inline(node, budget: inlineLimit), line.count <= inlineLimit {
            output += line
            return
        }
        let inner = indent + "  "
        switch node.value {
        case .array(let items):
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += inner
                write(item, indent: inner, into: &output)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        case .object(let members):
            output += "{\n"
            let sorted = ordered(members)
            for (index, member) in sorted.enumerated() {
                output += inner + JSONWriter.quoted(member.key) + ": "
                write(member.value, indent: inner, into: &output)
                output += index == sorted.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        case .table(let table):
            // A matrix: a row per line, however long, rather than a number per line.
            let width = table.width ?? 0
            output += "[\n"
            for row in 0..<table.rows {
                let values = table.values[min(row * width, table.values.count)..<min((row + 1) * width, table.values.count)]
                output += inner + "[" + values.map(String.init).joined(separator: ", ") + "]"
                output += row == table.rows - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        default:
            output += inline(node, budget: inlineLimit) ?? "null"
        }
    }

    /// The one-line form of scalars, and of containers whose members are all scalars or small objects of them;
    /// nil for a container whose one line would pass `budget` characters, as soon as it does (a plan's long lists
    /// are not rendered on one line only to be thrown away).
    private func inline(_ node: JSONNode, depth: Int = 0, budget: Int) -> String? {
        switch node.value {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let lexeme): return lexeme
        case .string(let text): return JSONWriter.quoted(text)
        case .array(let items):
            // Each item takes a character and a separator at least.
            guard depth < 2, items.count * 3 <= budget + 2 else { return nil }
            var parts: [String] = []
            var used = 2
            for item in items {
                // What is left of the line once this item's separator, counted in `used`, is not needed.
                guard let part = inline(item, depth: depth + 1, budget: budget + 2 - used) else { return nil }
                used += part.count + 2
                guard used <= budget + 2 else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .object(let members):
            guard depth < 2, members.count * 6 <= budget + 2 else { return nil }
            if members.isEmpty { return "{}" }
            var parts: [String] = []
            var used = 2
            for member in ordered(members) {
                let key = JSONWriter.quoted(member.key) + ": "
                guard let part = inline(member.value, depth: depth + 1, budget: budget + 2 - used - key.count)
                else { return nil }
                let entry = key + part
                used += entry.count + 2
                guard used <= budget + 2 else { return nil }
                parts.append(entry)
            }
            return "{" + parts.joined(separator: ", ") + "}"
        case .table(let table):
            return table.rows == 0 ? "[]" : nil
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
