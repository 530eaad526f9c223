import Foundation

extension Instant: CustomStringConvertible, TextCodable {
    /// Parses an RFC 3339 timestamp: `2026-11-23T08:00:00Z`, `2026-11-23T08:00:00+01:00`; fractional seconds are
    /// accepted and truncated. Seconds may be omitted (`2026-11-23T08:00Z`) because people write them that way.
    public init?(rfc3339 text: String) {
        var scanner = DigitScanner(text)
        guard let year = scanner.number(digits: 4), scanner.take("-"),
              let month = scanner.number(digits: 2), scanner.take("-"),
              let day = scanner.number(digits: 2), scanner.take("T") || scanner.take("t") || scanner.take(" "),
              let hour = scanner.number(digits: 2), scanner.take(":"),
              let minute = scanner.number(digits: 2)
        else { return nil }
        var second = 0
        if scanner.take(":") {
            guard let s = scanner.number(digits: 2) else { return nil }
            second = s
            if scanner.take(".") {
                guard scanner.skipDigits() > 0 else { return nil }
            }
        }
        let offsetSeconds: Int
        if scanner.take("Z") || scanner.take("z") {
            offsetSeconds = 0
        } else if let sign = scanner.takeSign() {
            guard let oh = scanner.number(digits: 2), scanner.take(":"), let om = scanner.number(digits: 2),
                  oh < 24, om < 60
            else { return nil }
            offsetSeconds = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard scanner.atEnd, let date = LocalDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 61
        else { return nil }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59))
        self.init(secondsSinceEpoch: local - Int64(offsetSeconds))
    }

    /// `2026-11-23T08:00:00Z`.
    public var rfc3339: String {
        let days = Int(floorDivide(secondsSinceEpoch, 86_400))
        let secondOfDay = Int(secondsSinceEpoch - Int64(days) * 86_400)
        let date = LocalDate(daysSinceEpoch: days)
        return "\(date)T\(twoDigits(secondOfDay / 3600)):\(twoDigits(secondOfDay / 60 % 60)):\(twoDigits(secondOfDay % 60))Z"
    }

    public var description: String { rfc3339 }

    public init?(codingText: String) { self.init(rfc3339: codingText) }
    public var codingText: String { rfc3339 }
    public static let codingTextExpectation = "an RFC 3339 timestamp"
}

func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : -((-a + b - 1) / b)
}

func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
}

/// A tiny cursor over ASCII digits and punctuation, for the fixed-layout formats of dates and times.
struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index == bytes.count }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    mutating func skipDigits() -> Int {
        var count = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            index += 1
            count += 1
        }
        return count
    }

    mutating func take(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func takeSign() -> Int? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }
}
