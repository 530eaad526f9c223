/// A work order number: the year and month it was opened (`YYYYMM`) followed by a 6-digit serial,
/// `202611000015`. The serial restarts each month.
public struct WorkOrderNumber: StringIdentifier {
    public let rawValue: String

    /// Wraps a string without checking it; use `WorkOrderNumber(validating:)` for input.
    public init(rawValue: String) { self.rawValue = rawValue }

    public init?(validating text: String) {
        guard WorkOrderNumber.problem(in: text) == nil else { return nil }
        rawValue = text
    }

    public init?(year: Int, month: Int, serial: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...999_999).contains(serial) else { return nil }
        let yearText = String(year)
        let serialText = String(serial)
        rawValue = String(repeating: "0", count: 4 - yearText.count) + yearText + twoDigits(month)
            + String(repeating: "0", count: 6 - serialText.count) + serialText
    }

    /// What is wrong with `text` as a work order number, or nil if nothing is.
    public static func problem(in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 12, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return "work order number must be 12 digits, YYYYMM followed by a 6-digit serial (e.g. 202611000015)"
        }
        let month = Int(bytes[4] - 48) * 10 + Int(bytes[5] - 48)
        guard (1...12).contains(month) else { return "work order number has month \(month); months are 01 to 12" }
        guard text.suffix(6) != "000000" else { return "work order number serial must not be 000000" }
        return nil
    }

    public var year: Int { Int(rawValue.prefix(4)) ?? 0 }
    public var month: Int { Int(rawValue.dropFirst(4).prefix(2)) ?? 0 }
    public var serial: Int { Int(rawValue.suffix(6)) ?? 0 }
}
