import Foundation

/// A CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF) read into named columns, with the line
/// each record starts on for error messages.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var rows: [Row]

    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public init(header: [String], rows: [Row]) {
        self.header = header
        self.rows = rows
    }

    public init(text: String) throws(SyntaxError) {
        var records: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedFieldEnded = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        if pending == "\u{FEFF}" { pending = scalars.next() }
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Row(line: recordLine, fields: fields))
            }
            fields = []
        }
        while let scalar = pending {
            pending = scalars.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = scalars.next()
                    } else {
                        inQuotes = false
                        quotedFieldEnded = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                quotedFieldEnded = false
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                endRecord()
                quotedFieldEnded = false
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !quotedFieldEnded else {
                    throw SyntaxError(line: line, message: "a quote inside an unquoted field; quote the whole field and double the inner quotes")
                }
                inQuotes = true
            default:
                if quotedFieldEnded {
                    throw SyntaxError(line: line, message: "text after a closing quote; a quoted field must end at a comma or line end")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw SyntaxError(line: recordLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw SyntaxError(line: 1, message: "the file is empty; expected a header row") }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = Array(records.dropFirst())
    }

    /// The text of the table, quoting fields that need it.
    public var text: String {
        var lines = [header.map(CSVTable.quoted).joined(separator: ",")]
        lines += rows.map { $0.fields.map(CSVTable.quoted).joined(separator: ",") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ") || field.hasSuffix(" ") else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
