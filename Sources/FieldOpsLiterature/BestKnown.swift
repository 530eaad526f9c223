import FieldOpsModel
import FieldOpsScheduler

import Foundation

/// Rows of `bks.csv` files, by instance name, with the columns as text (the two files have different columns).
public struct BestKnownTable: Sendable {
    public var columns: [String]
    public var rows: [String: [String: String]]

    public static func read(_ text: String, file: String) throws(InstanceFileError) -> BestKnownTable {
        var records: [[String]] = []
        for (offset, line) in text.replacingOccurrences(of: "\r", with: "").split(separator: "\n").enumerated() {
            var fields: [String] = []
            var field = ""
            var quoted = false
            for character in line {
                if character == "\"" { quoted.toggle(); continue }
                if character == ",", !quoted { fields.append(field); field = ""; continue }
                field.append(character)
            }
            fields.append(field)
            if quoted { throw InstanceFileError(file: file, line: offset + 1, message: "unclosed quote") }
            records.append(fields)
        }
        guard let header = records.first, header.first == "instance" else { throw InstanceFileError(file: file, line: 1, message: "expected a header starting with instance") }
        var rows: [String: [String: String]] = [:]
        for record in records.dropFirst() where record.count == header.count {
            rows[record[0]] = Dictionary(uniqueKeysWithValues: zip(header, record))
        }
        return BestKnownTable(columns: header, rows: rows)
    }

    public func number(_ instance: String, _ column: String) -> Double? { rows[instance]?[column].flatMap(Double.init) }
}
