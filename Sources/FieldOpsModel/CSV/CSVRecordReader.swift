import Foundation

/// Reads typed values from the named columns of one CSV file, collecting every issue with its file, line and
/// column.
final class CSVRecordReader {
    let file: String
    let table: CSVTable
    private let columns: [String: Int]
    private(set) var issues: [ProblemIssue] = []
    private var line = 0
    private var fields: [String] = []

    init(file: String, table: CSVTable, required: [String], known: [String]) {
        self.file = file
        self.table = table
        var columns: [String: Int] = [:]
        for (index, name) in table.header.enumerated() {
            let key = name.lowercased()
            if columns[key] != nil {
                issues.append(ProblemIssue(.error, file: file, path: "", line: 1, message: "column \"\(name)\" appears twice"))
            }
            columns[key] = index
            if !known.contains(key) {
                issues.append(ProblemIssue(.warning, file: file, path: "", line: 1,
                                           message: "unknown column \"\(name)\" (ignored); known columns: \(known.joined(separator: ", "))"))
            }
        }
        self.columns = columns
        for name in required where columns[name] == nil {
            issues.append(ProblemIssue(.error, file: file, path: "", line: 1, message: "missing required column \"\(name)\""))
        }
    }

    var hasErrors: Bool { issues.contains { $0.severity == .error } }
    var missingRequiredColumns: Bool { issues.contains { $0.line == 1 && $0.message.hasPrefix("missing required column") } }

    /// Makes `row` the one the value readers look at.
    func select(_ row: CSVTable.Row) {
        line = row.line
        fields = row.fields
        if fields.count > table.header.count {
            error(nil, "has \(fields.count) fields but the header has \(table.header.count)")
        }
    }

    func error(_ column: String?, _ message: String) {
        issues.append(ProblemIssue(.error, file: file, path: column.map { "column \($0)" } ?? "", line: line, message: message))
    }

    /// The trimmed text of `column` in the current row, nil when the cell is empty or the column absent.
    func text(_ column: String) -> String? {
        guard let index = columns[column], index < fields.count else { return nil }
        let value = fields[index].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    func required(_ column: String) -> String? {
        guard let value = text(column) else {
            error(column, "is empty; a value is required")
            return nil
        }
        return value
    }

    func int(_ column: String) -> Int? {
        guard let value = text(column) else { return nil }
        guard let number = Int(value) else {
            error(column, "\"\(value)\" is not a whole number")
            return nil
        }
        return number
    }

    func double(_ column: String) -> Double? {
        guard let value = text(column) else { return nil }
        guard let number = Double(value), number.isFinite else {
            error(column, "\"\(value)\" is not a number")
            return nil
        }
        return number
    }

    func bool(_ column: String) -> Bool? {
        guard let value = text(column) else { return nil }
        switch value.lowercased() {
        case "true", "yes", "y", "1", "x": return true
        case "false", "no", "n", "0": return false
        default:
            error(column, "\"\(value)\" is not yes or no")
            return nil
        }
    }

    func instant(_ column: String) -> Instant? {
        guard let value = text(column) else { return nil }
        guard let instant = Instant(rfc3339: value) else {
            error(column, "\"\(value)\" is not an RFC 3339 timestamp (e.g. 2026-11-23T08:00:00+01:00)")
            return nil
        }
        return instant
    }

    func timeOfDay(_ column: String) -> TimeOfDay? {
        guard let value = text(column) else { return nil }
        guard let time = TimeOfDay(value) else {
            error(column, "\"\(value)\" is not a time of the form HH:MM")
            return nil
        }
        return time
    }

    /// A list written in one cell, items separated by spaces or semicolons: `hvac:3 electrical:2`.
    func list(_ column: String) -> [String] {
        guard let value = text(column) else { return [] }
        return value.split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init)
    }

    /// `name:number` pairs: `hvac:3`, `FLT-220:2`; the number defaults to `defaultNumber` when left out.
    func pairs(_ column: String, defaultNumber: Int) -> [(String, Int)]? {
        var result: [(String, Int)] = []
        var failed = false
        for item in list(column) {
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 1 {
                result.append((parts[0], defaultNumber))
            } else if let number = Int(parts[1]), !parts[0].isEmpty {
                result.append((parts[0], number))
            } else {
                error(column, "\"\(item)\" is not of the form name:number")
                failed = true
            }
        }
        return failed ? nil : result
    }
}

/// Cell formats shared by the CSV files.
enum CSVCell {
    static func list(_ items: [String]) -> String { items.joined(separator: " ") }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
