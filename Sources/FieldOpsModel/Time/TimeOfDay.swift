/// A wall-clock time in minutes after local midnight (`08:30` is 510). 24:00 is allowed as the end of a day.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minuteOfDay: Int

    public init?(minuteOfDay: Int) {
        guard (0...1440).contains(minuteOfDay) else { return nil }
        self.minuteOfDay = minuteOfDay
    }

    /// Parses `HH:MM`.
    public init?(_ text: String) {
        var scanner = DigitScanner(text)
        guard let hour = scanner.number(digits: 2), scanner.take(":"), let minute = scanner.number(digits: 2),
              scanner.atEnd, minute < 60, hour < 24 || (hour == 24 && minute == 0)
        else { return nil }
        self.init(minuteOfDay: hour * 60 + minute)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minuteOfDay < rhs.minuteOfDay }

    public var description: String { "\(twoDigits(minuteOfDay / 60)):\(twoDigits(minuteOfDay % 60))" }
}

extension TimeOfDay: TextCodable {
    public init?(codingText: String) { self.init(codingText) }
    public var codingText: String { description }
    public static let codingTextExpectation = "an HH:MM time"
}
