/// The range every number from outside must lie in: problem files, spreadsheets, stock commands and device
/// mutations are checked against these before anything computes with them, so no input can overflow the
/// arithmetic behind it (a quantity times a cost, a day count in minutes, a limit plus a shift end).
public enum InputLimits {
    /// Parts in one movement, stock line, required-parts line or count: at most 10^9.
    public static let quantity = 1_000_000_000
    /// A unit cost or standard cost in minor units: at most 10^13 (a hundred billion in a currency with cents).
    public static let money = 10_000_000_000_000
    /// Any duration in minutes (SLA targets, margins, escalation steps, an order's duration): at most 10 years.
    public static let durationMinutes = 10 * 366 * 1_440
    /// SLA targets in days: at most 10 years.
    public static let durationDays = 10 * 366
    /// Per-day limits (jobs, working minutes, overtime minutes): at most 10^4.
    public static let perDay = 10_000
    /// A score weight (per minute, per order, per level): at most 10^6, so that a week's score stays far from overflow.
    public static let weight = 1_000_000
    /// A travel matrix entry in seconds or metres: at most 10^7 (about 115 days, or 10,000 km).
    public static let matrixEntry = 10_000_000.0
    /// Serialized units in one initial-stock line: each becomes a ledger entry with a serial of its own, inside the
    /// import's single transaction, which holds the writer that devices need.
    public static let serializedUnitsPerLine = 10_000
    /// Serialized units in one import altogether, for the same reason (about two seconds of writing).
    public static let serializedUnitsPerImport = 50_000

    /// The message for a value outside `range`, for every reader to use the same words.
    public static func outOfRange<T: BinaryInteger>(_ value: T, _ range: ClosedRange<T>) -> String {
        guard value >= range.lowerBound else {
            switch range.lowerBound {
            case 0: return "must not be negative, is \(value)"
            case 1: return "must be above zero, is \(value)"
            default: return "must be at least \(range.lowerBound), is \(value)"
            }
        }
        return "must be at most \(range.upperBound), is \(value)"
    }
}

extension Int {
    /// `self × other`, or nil where the product does not fit in 64 bits.
    public func multipliedChecked(by other: Int) -> Int? {
        let (result, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? nil : result
    }

    /// `self + other`, or nil where the sum does not fit in 64 bits.
    public func addingChecked(_ other: Int) -> Int? {
        let (result, overflow) = addingReportingOverflow(other)
        return overflow ? nil : result
    }
}
