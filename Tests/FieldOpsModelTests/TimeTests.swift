import FieldOpsModel
import Testing

@Suite struct TimeTests {
    @Test func rfc3339ParsesOffsetsAndFractions() {
        #expect(Instant(rfc3339: "1970-01-01T00:00:00Z")?.secondsSinceEpoch == 0)
        #expect(Instant(rfc3339: "2026-11-23T08:00:00+01:00") == Instant(rfc3339: "2026-11-23T07:00:00Z"))
        #expect(Instant(rfc3339: "2026-11-23T08:00:00.999-02:30") == Instant(rfc3339: "2026-11-23T10:30:00Z"))
        #expect(Instant(rfc3339: "2026-11-23T08:00Z") == Instant(rfc3339: "2026-11-23T08:00:00Z"))
        #expect(Instant(rfc3339: "2026-11-23T07:00:00Z")?.rfc3339 == "2026-11-23T07:00:00Z")
        #expect(Instant(rfc3339: "1969-12-31T23:59:59Z")?.rfc3339 == "1969-12-31T23:59:59Z")
    }

    @Test(arguments: ["", "2026-11-23", "2026-11-23T08:00:00", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                      "2026-11-23T25:00:00Z", "2026-11-23T08:00:00+1:00", "tomorrow", "2026-11-23T08:00:00Zjunk"])
    func rfc3339RejectsWhatIsNotATimestamp(text: String) {
        #expect(Instant(rfc3339: text) == nil)
    }

    @Test func localDatesRoundTripOverFourHundredYears() {
        var day = LocalDate("1900-01-01")!
        for _ in 0..<(400 * 366 / 7) {
            let (year, month, dayOfMonth) = day.components
            #expect(LocalDate(year: year, month: month, day: dayOfMonth) == day)
            #expect(LocalDate(day.description) == day)
            day = day.adding(days: 7)
        }
        #expect(LocalDate("2026-11-23")?.weekday == .mon)
        #expect(LocalDate("2000-02-29")?.weekday == .tue)
        #expect(LocalDate("2100-02-29") == nil)
    }

    @Test func wallClockTimeAcrossDaylightSaving() {
        let zone = Fixtures.berlin
        // Winter: UTC+1; summer: UTC+2.
        #expect(zone.instant(on: LocalDate("2026-11-23")!, at: TimeOfDay("08:00")!) == Instant(rfc3339: "2026-11-23T07:00:00Z"))
        #expect(zone.instant(on: LocalDate("2026-07-01")!, at: TimeOfDay("08:00")!) == Instant(rfc3339: "2026-07-01T06:00:00Z"))
        let local = zone.local(Instant(rfc3339: "2026-03-29T01:30:00Z")!)
        #expect(local.date == LocalDate("2026-03-29"))
        #expect(local.minuteOfDay == 3 * 60 + 30)
    }

    @Test func workOrderNumbers() {
        #expect(WorkOrderNumber(validating: "202611000015") != nil)
        #expect(WorkOrderNumber(year: 2026, month: 11, serial: 15)?.rawValue == "202611000015")
        #expect(WorkOrderNumber(validating: "202613000015") == nil)
        #expect(WorkOrderNumber(validating: "20261100001") == nil)
        #expect(WorkOrderNumber(validating: "202611000000") == nil)
        #expect(WorkOrderNumber(validating: "2026110000a5") == nil)
        #expect(WorkOrderNumber(rawValue: "202611000015").serial == 15)
    }

    @Test func durationText() {
        #expect(DurationText.minutes("1h30m") == 90)
        #expect(DurationText.minutes("2d") == 2880)
        #expect(DurationText.minutes("90") == nil)
        #expect(DurationText.text(90) == "1h30m")
        #expect(DurationText.text(2880) == "2d")
    }
}
