/// A strict RFC 8259 JSON parser over UTF-8 bytes that records line numbers.
///
/// Foundation's parser reports neither lines nor paths of what it accepts; problem files are edited by hand,
/// and every message must say where to look.
public struct JSONParser {
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// The field whose value is being read, to name it when a string in it is not UTF-8.
    private var field: String?
    /// Duplicate object keys, as (line, key): legal JSON but almost always a mistake in a hand-edited file.
    public private(set) var duplicateKeys: [(line: Int, key: String)] = []

    /// Members whose array value is read as a `NumberTable` (with this rounding) instead of a node per number.
    private let tables: [String: NumberTable.Rounding]

    static let maxDepth = 256

    /// The travel matrix's tables: seconds round up, metres to the nearest.
    public static let matrixTables: [String: NumberTable.Rounding] = ["durations": .up, "distances": .nearest]

    public init(bytes: [UInt8], tables: [String: NumberTable.Rounding] = [:]) {
        self.bytes = bytes
        self.tables = tables
    }

    /// A document that is one table (a matrix side file).
    public mutating func parseTableDocument(rounding: NumberTable.Rounding) throws(SyntaxError) -> NumberTable {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else {
            throw error(index < bytes.count ? "expected an array of rows of numbers" : "the file is empty; expected an array of rows of numbers")
        }
        guard case .table(let table) = try parseTable(rounding: rounding).value else { throw error("expected an array of rows of numbers") }
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected text after the end of the JSON document") }
        return table
    }

    public mutating func parseDocument() throws(SyntaxError) -> JSONNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw error("the file is empty; expected a JSON object") }
        let node = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected text after the end of the JSON document") }
        return node
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(line: line, column: index - lineStart + 1, message: message)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONNode {
        guard index < bytes.count else { throw error("unexpected end of file; expected a value") }
        let startLine = line
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), line: startLine)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONNode(.bool(true), line: startLine)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONNode(.bool(false), line: startLine)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONNode(.null, line: startLine)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try parseNumber()), line: startLine)
        case let byte:
            throw error("unexpected character \(describe(byte)); expected a value")
        }
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "byte 0x%02X", byte)
    }

    private mutating func expectLiteral(_ literal: String) throws(SyntaxError) {
        for expected in literal.utf8 {
            guard index < bytes.count, bytes[index] == expected else {
                throw error("invalid literal; expected \(literal)")
            }
            index += 1
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONNode {
        let startLine = line
        try enter()
        index += 1
        var members: [(key: String, value: JSONNode)] = []
        var seen = Set<String>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return JSONNode(.object(members), line: startLine)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(index < bytes.count ? "expected a field name in double quotes" : "unexpected end of file inside an object")
            }
            let keyLine = line
            field = nil
            let key = try parseString()
            field = key
            if !seen.insert(key).inserted { duplicateKeys.append((keyLine, key)) }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after field name \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            if let rounding = tables[key], index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                members.append((key, try parseTable(rounding: rounding)))
            } else {
                members.append((key, try parseValue()))
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return JSONNode(.object(members), line: startLine)
            }
            throw error("expected ',' or '}' after a field value")
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONNode {
        let startLine = line
        try enter()
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return JSONNode(.array(elements), line: startLine)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return JSONNode(.array(elements), line: startLine)
            }
            throw error("expected ',' or ']' after an array element")
        }
    }

    /// An array of rows of numbers into a table: rows that are not arrays and entries that are not numbers are
    /// recorded in it (with their line) and skipped, so that all of them are reported, not only the first.
    private mutating func parseTable(rounding: NumberTable.Rounding) throws(SyntaxError) -> JSONNode {
        let startLine = line
        try enter()
        index += 1
        var table = NumberTable(rounding: rounding)
        var row = 0
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return JSONNode(.table(table), line: startLine)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file inside an array") }
            if bytes[index] == UInt8(ascii: "[") {
                try parseTableRow(row, into: &table)
            } else {
                let rowLine = line
                let node = try parseValue()
                table.problem(row: row, column: nil, line: rowLine, "must be an array of numbers, is \(node.kindDescription)")
                table.endRow(row, columns: table.width ?? 0, line: rowLine)
            }
            row += 1
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return JSONNode(.table(table), line: startLine)
            }
            throw error("expected ',' or ']' after an array element")
        }
    }

    private mutating func parseTableRow(_ row: Int, into table: inout NumberTable) throws(SyntaxError) {
        let rowLine = line
        try enter()
        index += 1
        var column = 0
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            table.endRow(row, columns: 0, line: rowLine)
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file inside an array") }
            let valueLine = line
            if bytes[index] == UInt8(ascii: "-") || isDigit(bytes[index]) {
                table.append(try parseNumberValue(), row: row, column: column, line: valueLine)
            } else {
                let node = try parseValue()
                table.problem(row: row, column: column, line: valueLine, "must be a number, is \(node.kindDescription)")
                table.values.append(0)
            }
            column += 1
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                table.endRow(row, columns: column, line: rowLine)
                return
            }
            throw error("expected ',' or ']' after an array element")
        }
    }

    /// A number's value without making a string of it: whole numbers and plain decimals (a routing engine's
    /// `123.4`) exactly from their digits; exponents and long mantissas through the standard library.
    private mutating func parseNumberValue() throws(SyntaxError) -> Double {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                mantissa = mantissa &* 10 &+ UInt64(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: digits expected after '.'") }
            while index < bytes.count, isDigit(bytes[index]) {
                mantissa = mantissa &* 10 &+ UInt64(bytes[index] - 0x30)
                digits += 1
                fractionDigits += 1
                index += 1
            }
        }
        var exponent = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            exponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: digits expected in exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        // Up to 15 digits and 22 decimals, one division of two exact doubles is correctly rounded.
        if !exponent && digits <= 15 && fractionDigits <= 22 {
            let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        return Double(String(decoding: bytes[start..<index], as: UTF8.self)) ?? .nan
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    private mutating func parseNumber() throws(SyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: digits expected after '.'") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: digits expected in exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func parseString() throws(SyntaxError) -> String {
        index += 1
        var runStart = index
        var result = ""
        // Bytes that are not UTF-8 are refused, not replaced: a replaced byte would silently change an id.
        var valid = true
        func flushRun(_ end: Int) {
            guard end > runStart else { return }
            if let text = String(validating: bytes[runStart..<end], as: UTF8.self) { result += text } else { valid = false }
        }
        func invalidUTF8() -> SyntaxError {
            error(field.map { "the value of \"\($0)\" is not valid UTF-8" } ?? "a field name is not valid UTF-8")
        }
        while true {
            guard index < bytes.count else { throw error("unexpected end of file inside a string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flushRun(index)
                guard valid else { throw invalidUTF8() }
                index += 1
                return result
            }
            if byte < 0x20 {
                throw error(byte == 0x0A ? "line break inside a string (missing closing quote?)" : "control character inside a string")
            }
            if byte == UInt8(ascii: "\\") {
                flushRun(index)
                guard valid else { throw invalidUTF8() }
                index += 1
                guard index < bytes.count else { throw error("unexpected end of file inside a string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): result += "\""
                case UInt8(ascii: "\\"): result += "\\"
                case UInt8(ascii: "/"): result += "/"
                case UInt8(ascii: "b"): result += "\u{08}"
                case UInt8(ascii: "f"): result += "\u{0C}"
                case UInt8(ascii: "n"): result += "\n"
                case UInt8(ascii: "r"): result += "\r"
                case UInt8(ascii: "t"): result += "\t"
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired UTF-16 surrogate in \\u escape")
                        }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired UTF-16 surrogate in \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                    result.unicodeScalars.append(scalar)
                default:
                    index -= 1
                    throw error("invalid escape \\\(Character(Unicode.Scalar(escape)))")
                }
                runStart = index
                continue
            }
            index += 1
        }
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
