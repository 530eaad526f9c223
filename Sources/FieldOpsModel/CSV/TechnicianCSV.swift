/// Technicians as dispatchers keep them in a spreadsheet: one row each, with the same shift on every working day
/// of the horizon, written as local times of day.
///
/// Columns: `id`, `name`, `skills` (`hvac:3 electrical:2`), `home_lat`, `home_lon`, `van`, `territories`
/// (`north east`), `shift_start`, `shift_end`, `break_earliest`, `break_latest`, `break_minutes`, `workdays`
/// (`mon tue wed thu fri`; empty: every day), `max_jobs_per_day`, `max_working_minutes`, `overtime_minutes`.
public enum TechnicianCSV {
    public static let columns = [
        "id", "name", "skills", "home_lat", "home_lon", "van", "territories", "shift_start", "shift_end",
        "break_earliest", "break_latest", "break_minutes", "workdays", "max_jobs_per_day", "max_working_minutes",
        "overtime_minutes",
    ]
    static let requiredColumns = ["id", "home_lat", "home_lon", "shift_start", "shift_end"]

    /// Reads technicians, building their shifts over `horizon`. Returns each with the line it came from.
    static func read(
        _ table: CSVTable, file: String, horizon: Horizon
    ) -> (technicians: [(line: Int, technician: Technician)], issues: [ProblemIssue]) {
        let reader = CSVRecordReader(file: file, table: table, required: requiredColumns, known: columns)
        guard !reader.missingRequiredColumns else { return ([], reader.issues) }
        var result: [(Int, Technician)] = []
        for row in table.rows {
            reader.select(row)
            let errorsBefore = reader.issues.count
            let id = reader.required("id")
            let skills = reader.pairs("skills", defaultNumber: 1)
            let lat = reader.double("home_lat")
            let lon = reader.double("home_lon")
            if reader.text("home_lat") == nil { reader.error("home_lat", "is empty; a value is required") }
            if reader.text("home_lon") == nil { reader.error("home_lon", "is empty; a value is required") }
            let shiftStart = reader.timeOfDay("shift_start")
            let shiftEnd = reader.timeOfDay("shift_end")
            if reader.text("shift_start") == nil { reader.error("shift_start", "is empty; a value is required") }
            if reader.text("shift_end") == nil { reader.error("shift_end", "is empty; a value is required") }
            let breakEarliest = reader.timeOfDay("break_earliest")
            let breakLatest = reader.timeOfDay("break_latest")
            let breakMinutes = reader.int("break_minutes")
            let hasBreak = reader.text("break_minutes") != nil
            if hasBreak, breakEarliest == nil || breakLatest == nil {
                reader.error("break_minutes", "a break needs break_earliest and break_latest too")
            }
            let workdays = readWorkdays(reader)
            let maxJobs = reader.int("max_jobs_per_day")
            let maxMinutes = reader.int("max_working_minutes")
            let overtime = reader.int("overtime_minutes") ?? 0
            guard reader.issues[errorsBefore...].allSatisfy({ $0.severity != .error }),
                  let id, let skills, let lat, let lon, let shiftStart, let shiftEnd, let workdays
            else { continue }
            var shifts: [Shift] = []
            for date in horizon.dates where workdays.contains(date.weekday) {
                let zone = horizon.timeZone
                var pause: ShiftBreak?
                if hasBreak, let breakEarliest, let breakLatest, let breakMinutes {
                    pause = ShiftBreak(
                        earliestStart: zone.instant(on: date, at: breakEarliest),
                        latestEnd: zone.instant(on: date, at: breakLatest), minutes: breakMinutes)
                }
                shifts.append(Shift(
                    start: zone.instant(on: date, at: shiftStart), end: zone.instant(on: date, at: shiftEnd),
                    breakTime: pause))
            }
            let technician = Technician(
                id: TechnicianID(rawValue: id), name: reader.text("name") ?? id,
                skills: skills.map { SkillLevel(skill: SkillName(rawValue: $0.0), level: $0.1) },
                homeBase: GeoPoint(lat: lat, lon: lon), shifts: shifts,
                van: LocationID(rawValue: reader.text("van") ?? "VAN-\(id)"),
                limits: TechnicianLimits(maxJobsPerDay: maxJobs, maxWorkingMinutes: maxMinutes, overtimeMinutes: overtime),
                territories: reader.list("territories"))
            result.append((row.line, technician))
        }
        return (result, reader.issues)
    }

    static func readWorkdays(_ reader: CSVRecordReader) -> Set<Weekday>? {
        let items = reader.list("workdays")
        if items.isEmpty { return Set(Weekday.allCases) }
        var days = Set<Weekday>()
        for item in items {
            let lower = item.lowercased()
            if let day = Weekday(rawValue: lower) {
                days.insert(day)
            } else if lower.count == 7, lower.dropFirst(3).first == "-",
                      let from = Weekday(rawValue: String(lower.prefix(3))), let to = Weekday(rawValue: String(lower.suffix(3))),
                      let a = Weekday.allCases.firstIndex(of: from), let b = Weekday.allCases.firstIndex(of: to), a <= b {
                days.formUnion(Weekday.allCases[a...b])
            } else {
                reader.error("workdays", "\"\(item)\" is not a weekday (mon … sun) or a range such as mon-fri")
                return nil
            }
        }
        return days
    }

    /// Writes technicians as rows. The shift columns come from each technician's first shift; a technician whose
    /// shifts differ from day to day is written with the first one's hours (the spreadsheet cannot say more).
    public static func table(_ technicians: [Technician], horizon: Horizon) -> CSVTable {
        let zone = horizon.timeZone
        let rows = technicians.enumerated().map { index, technician -> CSVTable.Row in
            let first = technician.shifts.first
            let time: (Instant?) -> String = { instant in
                instant.map { TimeOfDay(minuteOfDay: zone.local($0).minuteOfDay)?.description ?? "" } ?? ""
            }
            let weekdays = Set(technician.shifts.map { zone.local($0.start).date.weekday })
            let horizonWeekdays = Set(horizon.dates.map(\.weekday))
            let workdays = weekdays == horizonWeekdays ? "" : Weekday.allCases.filter(weekdays.contains).map(\.rawValue).joined(separator: " ")
            let fields = [
                technician.id.rawValue, technician.name,
                CSVCell.list(technician.skills.map { "\($0.skill):\($0.level)" }),
                CSVCell.number(technician.homeBase.lat), CSVCell.number(technician.homeBase.lon),
                technician.van.rawValue, CSVCell.list(technician.territories),
                time(first?.start), time(first?.end), time(first?.breakTime?.earliestStart),
                time(first?.breakTime?.latestEnd), first?.breakTime.map { String($0.minutes) } ?? "", workdays,
                technician.limits.maxJobsPerDay.map(String.init) ?? "",
                technician.limits.maxWorkingMinutes.map(String.init) ?? "",
                technician.limits.overtimeMinutes == 0 ? "" : String(technician.limits.overtimeMinutes),
            ]
            return CSVTable.Row(line: index + 2, fields: fields)
        }
        return CSVTable(header: columns, rows: rows)
    }
}
