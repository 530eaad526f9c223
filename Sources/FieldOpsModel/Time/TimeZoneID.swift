import Foundation

/// An IANA time zone name (`Europe/Berlin`) with the conversions the domain needs between local wall-clock
/// time and instants. Kept as a value so problems stay `Sendable` and `Equatable`.
public struct TimeZoneID: Hashable, Sendable, CustomStringConvertible, TextCodable {
    public let identifier: String

    public init?(_ identifier: String) {
        guard TimeZone(identifier: identifier) != nil else { return nil }
        self.identifier = identifier
    }

    public static let utc = TimeZoneID(unchecked: "UTC")

    init(unchecked identifier: String) { self.identifier = identifier }

    public var description: String { identifier }

    var timeZone: TimeZone { TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)! }

    public func offsetSeconds(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: instant.date)
    }

    /// The instant at which local clocks show `time` on `date`. In a daylight-saving gap the later offset wins.
    public func instant(on date: LocalDate, at time: TimeOfDay) -> Instant {
        let naive = Int64(date.daysSinceEpoch) * 86_400 + Int64(time.minuteOfDay) * 60
        let firstGuess = Instant(secondsSinceEpoch: naive - Int64(offsetSeconds(at: Instant(secondsSinceEpoch: naive))))
        let offset = offsetSeconds(at: firstGuess)
        return Instant(secondsSinceEpoch: naive - Int64(offset))
    }

    /// The local date and minute of day of an instant.
    public func local(_ instant: Instant) -> (date: LocalDate, minuteOfDay: Int) {
        let local = instant.secondsSinceEpoch + Int64(offsetSeconds(at: instant))
        let days = Int(floorDivide(local, 86_400))
        return (LocalDate(daysSinceEpoch: days), Int(local - Int64(days) * 86_400) / 60)
    }

    public init?(codingText: String) { self.init(codingText) }
    public var codingText: String { identifier }
    public static let codingTextExpectation = "a known IANA time zone"
}
