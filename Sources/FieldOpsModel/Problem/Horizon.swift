/// The days a problem plans: `days` consecutive local dates from `start`, in `timeZone`.
public struct Horizon: Hashable, Sendable, Codable {
    public var start: LocalDate
    public var days: Int
    public var timeZone: TimeZoneID

    public init(start: LocalDate, days: Int, timeZone: TimeZoneID) {
        self.start = start
        self.days = days
        self.timeZone = timeZone
    }

    public var dates: [LocalDate] { (0..<max(0, days)).map { start.adding(days: $0) } }

    /// From local midnight of the first day to local midnight after the last.
    public var window: TimeWindow {
        let midnight = TimeOfDay(minuteOfDay: 0)!
        return TimeWindow(
            start: timeZone.instant(on: start, at: midnight),
            end: timeZone.instant(on: start.adding(days: max(0, days)), at: midnight))
    }

    /// The horizon date an instant falls on, in the horizon's time zone (nil outside it).
    public func date(of instant: Instant) -> LocalDate? {
        let date = timeZone.local(instant).date
        return date >= start && date < start.adding(days: days) ? date : nil
    }
}
