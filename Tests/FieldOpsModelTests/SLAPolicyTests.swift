import FieldOpsModel
import Testing

@Suite struct SLAPolicyTests {
    let created = Instant(rfc3339: "2026-11-23T10:00:00Z")!

    @Test(arguments: [
        (Priority.p1, 15, 4 * 60), (.p2, 120, 8 * 60), (.p3, 8 * 60, 3 * 1440), (.p4, 3 * 1440, 10 * 1440),
    ])
    func defaultTargetsAroundTheClock(priority: Priority, responseMinutes: Int, resolutionMinutes: Int) {
        let deadlines = SLAPolicy().deadlines(priority: priority, vip: false, createdAt: created)
        #expect(created.minutes(until: deadlines.firstResponse) == responseMinutes)
        #expect(created.minutes(until: deadlines.resolution) == resolutionMinutes)
    }

    @Test(arguments: [(Priority.p1, Priority.p1), (.p2, .p1), (.p3, .p2), (.p4, .p3)])
    func vipCustomersAreBumpedOneLevel(classified: Priority, effective: Priority) {
        let policy = SLAPolicy()
        #expect(policy.deadlines(priority: classified, vip: true, createdAt: created)
            == policy.deadlines(priority: effective, vip: false, createdAt: created))
        #expect(Fixtures.order(priority: classified, vip: true).effectivePriority(vipBump: true) == effective)
        #expect(Fixtures.order(priority: classified, vip: true).effectivePriority(vipBump: false) == classified)
    }

    @Test func vipBumpCanBeSwitchedOff() {
        let policy = SLAPolicy(vipBump: false)
        #expect(policy.deadlines(priority: .p3, vip: true, createdAt: created)
            == policy.deadlines(priority: .p3, vip: false, createdAt: created))
    }

    /// Mon–Fri 08:00–18:00 Berlin; Friday 2026-11-27; holiday on Tuesday 2026-12-01 for these tests.
    var calendarPolicy: SLAPolicy {
        var calendar = BusinessCalendar.weekdays(in: Fixtures.berlin)
        calendar.holidays = [LocalDate("2026-12-01")!]
        return SLAPolicy(calendar: calendar)
    }

    func berlin(_ text: String) -> Instant { Instant(rfc3339: text + "+01:00")! }

    @Test func businessMinutesStopOutsideWorkingHoursAndOverTheWeekend() {
        // Friday 17:00 + 2 h business time: one hour on Friday, one on Monday.
        let due = calendarPolicy.deadline(after: .minutes(120), from: berlin("2026-11-27T17:00:00"), clock: .businessHours)
        #expect(due == berlin("2026-11-30T09:00:00"))
    }

    @Test func anOrderCreatedAtNightStartsCountingAtTheNextOpening() {
        let due = calendarPolicy.deadline(after: .minutes(120), from: berlin("2026-11-24T22:30:00"), clock: .businessHours)
        #expect(due == berlin("2026-11-25T10:00:00"))
    }

    @Test func holidaysAreSkipped() {
        // Monday 17:00 + 8 h: 1 h Monday, Tuesday is a holiday, 7 h Wednesday.
        let due = calendarPolicy.deadline(after: .minutes(480), from: berlin("2026-11-30T17:00:00"), clock: .businessHours)
        #expect(due == berlin("2026-12-02T15:00:00"))
    }

    @Test func businessDaysLandAtTheSamePointOfTheWorkingDay() {
        // Thursday 10:30 + 3 working days = Tuesday, but Tuesday is a holiday: Wednesday 10:30.
        let due = calendarPolicy.deadline(after: .days(3), from: berlin("2026-11-26T10:30:00"), clock: .businessHours)
        #expect(due == berlin("2026-12-02T10:30:00"))
        // Saturday counts from Monday's opening: + 1 working day = Tuesday → holiday → Wednesday 08:00.
        let weekend = calendarPolicy.deadline(after: .days(1), from: berlin("2026-11-28T11:00:00"), clock: .businessHours)
        #expect(weekend == berlin("2026-12-02T08:00:00"))
    }

    @Test func roundTheClockTargetsIgnoreTheCalendar() {
        let policy = calendarPolicy
        let friday = berlin("2026-11-27T17:50:00")
        let p1 = policy.deadlines(priority: .p1, vip: false, createdAt: friday)
        #expect(friday.minutes(until: p1.firstResponse) == 15)
        #expect(friday.minutes(until: p1.resolution) == 240)
        // P2 runs on business hours: 10 minutes Friday, 110 Monday.
        let p2 = policy.deadlines(priority: .p2, vip: false, createdAt: friday)
        #expect(p2.firstResponse == berlin("2026-11-30T09:50:00"))
    }

    @Test func durationsParseAndPrint() {
        #expect(SLADuration(text: "15m") == .minutes(15))
        #expect(SLADuration(text: "4h") == .minutes(240))
        #expect(SLADuration(text: "1h30m") == .minutes(90))
        #expect(SLADuration(text: "3d") == .days(3))
        #expect(SLADuration(text: "0m") == nil)
        #expect(SLADuration(text: "3d4h") == nil)
        #expect(SLADuration(text: "soon") == nil)
        #expect(SLADuration.minutes(4320).description == "72h")
        #expect(SLADuration(text: SLADuration.minutes(4320).description) == .minutes(4320))
    }
}
