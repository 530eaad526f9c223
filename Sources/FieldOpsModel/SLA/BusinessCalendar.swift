/// Working hours per weekday and holidays, in one time zone: the clock that business-hours SLAs run on.
public struct BusinessCalendar: Hashable, Sendable, Codable {
    public var timeZone: TimeZoneID
    /// Working hours per weekday; a weekday that is absent is not worked.
    public var workingHours: [Weekday: DailyHours]
    public var holidays: Set<LocalDate>

    public init(timeZone: TimeZoneID, workingHours: [Weekday: DailyHours], holidays: Set<LocalDate> = []) {
        self.timeZone = timeZone
        self.workingHours = workingHours
        self.holidays = holidays
    }

    /// Monday to Friday, 08:00 to 18:00.
    public static func weekdays(in timeZone: TimeZoneID) -> BusinessCalendar {
        let hours = DailyHours(start: TimeOfDay(minuteOfDay: 8 * 60)!, end: TimeOfDay(minuteOfDay: 18 * 60)!)
        return BusinessCalendar(
            timeZone: timeZone, workingHours: [.mon: hours, .tue: hours, .wed: hours, .thu: hours, .fri: hours])
    }

    /// The working interval of a local date, nil on days off.
    public func workingInterval(on date: LocalDate) -> TimeWindow? {
        guard !holidays.contains(date), let hours = workingHours[date.weekday], hours.start < hours.end else {
            return nil
        }
        return TimeWindow(start: timeZone.instant(on: date, at: hours.start), end: timeZone.instant(on: date, at: hours.end))
    }

    /// Whether the calendar has any working time at all (a calendar with none would make deadlines infinite).
    public var hasWorkingTime: Bool { workingHours.values.contains { $0.start < $0.end } }

    /// The instant `minutes` of working time after `start`.
    public func adding(workingMinutes minutes: Int, to start: Instant) -> Instant {
        var remaining = Int64(minutes) * 60
        var date = timeZone.local(start).date
        var cursor = start
        // Bounded: a calendar with working time reaches any target; 20 years of days is a safe stop.
        for _ in 0..<7300 {
            if let interval = workingInterval(on: date), interval.end > cursor {
                let from = max(cursor, interval.start)
                let available = interval.end.secondsSinceEpoch - from.secondsSinceEpoch
                if remaining <= available { return from.adding(seconds: remaining) }
                remaining -= available
                cursor = interval.end
            }
            date = date.adding(days: 1)
        }
        return cursor.adding(seconds: remaining)
    }

    /// The instant `days` working days after `start`, at the same position in the working day (clamped to the
    /// target day's working hours). A start outside working hours counts from the next working moment.
    public func adding(workingDays days: Int, to start: Instant) -> Instant {
        var date = timeZone.local(start).date
        var firstStart = start
        var elapsedInDay: Int64 = 0
        var found = false
        for _ in 0..<7300 {
            if let interval = workingInterval(on: date), interval.end > firstStart {
                let from = max(firstStart, interval.start)
                elapsedInDay = from.secondsSinceEpoch - interval.start.secondsSinceEpoch
                found = true
                break
            }
            date = date.adding(days: 1)
            firstStart = Instant(secondsSinceEpoch: Int64.min)
        }
        guard found else { return start.adding(minutes: days * 1440) }
        var counted = 0
        var target = date
        while counted < days {
            target = target.adding(days: 1)
            if workingInterval(on: target) != nil { counted += 1 }
            if target.daysSinceEpoch - date.daysSinceEpoch > 7300 { return start.adding(minutes: days * 1440) }
        }
        guard let interval = workingInterval(on: target) else { return start.adding(minutes: days * 1440) }
        return min(interval.start.adding(seconds: elapsedInDay), interval.end)
    }
}

extension BusinessCalendar {
    enum CodingKeys: String, CodingKey {
        case timeZone, workingHours, holidays
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            timeZone: try container.decode(TimeZoneID.self, forKey: .timeZone),
            workingHours: try container.decode([Weekday: DailyHours].self, forKey: .workingHours),
            holidays: Set(try container.decodeIfPresent([LocalDate].self, forKey: .holidays) ?? []))
    }

    /// Holidays are written in date order, so that the same calendar always gives the same file.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeZone, forKey: .timeZone)
        // Weekdays in calendar order rather than a dictionary's, so the file reads Monday to Sunday.
        var hours = container.nestedContainer(keyedBy: WeekdayKey.self, forKey: .workingHours)
        for weekday in Weekday.allCases {
            if let daily = workingHours[weekday] { try hours.encode(daily, forKey: WeekdayKey(weekday)) }
        }
        try container.encode(holidays.sorted(), forKey: .holidays)
    }
}

struct WeekdayKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ weekday: Weekday) { stringValue = weekday.rawValue }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Working hours of one day, `start` to `end` local time.
public struct DailyHours: Hashable, Sendable, Codable {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }
}
