import Foundation

/// Work orders as rows of a spreadsheet.
///
/// Columns: `number`, `customer_id`, `customer_name`, `vip` (yes/no), `lat`, `lon`, `address`, `territory`,
/// `category`, `skills` (`hvac:3 electrical`), `duration_minutes`, `priority` (P1–P4), `created_at` (RFC 3339),
/// `windows` (local times in the horizon's zone, `2026-11-23 08:00-12:00; 2026-11-24 13:00-17:00`), `status`,
/// `lock_technician`, `lock_start` (RFC 3339), `preferred`, `required`, `excluded` (technician ids separated by
/// spaces), `parts` (`FLT-220:2 VLV-10`), `response_due`, `resolution_due` (RFC 3339; empty: from the policy).
public enum WorkOrderCSV {
    public static let columns = [
        "number", "customer_id", "customer_name", "vip", "lat", "lon", "address", "territory", "category", "skills",
        "duration_minutes", "priority", "created_at", "windows", "status", "lock_technician", "lock_start",
        "preferred", "required", "excluded", "parts", "response_due", "resolution_due",
    ]
    static let requiredColumns = ["number", "customer_id", "lat", "lon", "duration_minutes", "priority", "created_at"]

    static func read(
        _ table: CSVTable, file: String, horizon: Horizon, policy: SLAPolicy
    ) -> (orders: [(line: Int, order: WorkOrder)], issues: [ProblemIssue]) {
        let reader = CSVRecordReader(file: file, table: table, required: requiredColumns, known: columns)
        guard !reader.missingRequiredColumns else { return ([], reader.issues) }
        var result: [(Int, WorkOrder)] = []
        for row in table.rows {
            reader.select(row)
            let errorsBefore = reader.issues.count
            let number = reader.required("number")
            let customerId = reader.required("customer_id")
            let vip = reader.bool("vip") ?? false
            let lat = reader.double("lat")
            let lon = reader.double("lon")
            for column in ["lat", "lon", "duration_minutes", "priority", "created_at"] where reader.text(column) == nil {
                reader.error(column, "is empty; a value is required")
            }
            let skills = reader.pairs("skills", defaultNumber: 1)
            let duration = reader.int("duration_minutes")
            var priority: Priority?
            if let text = reader.text("priority") {
                priority = Priority(text: text)
                if priority == nil { reader.error("priority", "\"\(text)\" is not a priority; use P1, P2, P3 or P4") }
            }
            let created = reader.instant("created_at")
            let windows = readWindows(reader, zone: horizon.timeZone)
            var status = WorkOrderStatus.new
            if let text = reader.text("status") {
                if let value = WorkOrderStatus(rawValue: text) {
                    status = value
                } else {
                    reader.error("status", "\"\(text)\" is not one of: \(WorkOrderStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            let lockTechnician = reader.text("lock_technician").map(TechnicianID.init(rawValue:))
            let lockStart = reader.instant("lock_start")
            let parts = reader.pairs("parts", defaultNumber: 1)
            let responseDue = reader.instant("response_due")
            let resolutionDue = reader.instant("resolution_due")
            if (responseDue == nil) != (resolutionDue == nil) {
                reader.error("response_due", "give both response_due and resolution_due, or neither")
            }
            guard reader.issues[errorsBefore...].allSatisfy({ $0.severity != .error }),
                  let number, let customerId, let lat, let lon, let skills, let duration, let priority, let created,
                  let windows, let parts
            else { continue }
            let customer = Customer(id: CustomerID(rawValue: customerId), name: reader.text("customer_name") ?? customerId, vip: vip)
            let sla = responseDue.flatMap { response in resolutionDue.map { SLADeadlines(firstResponse: response, resolution: $0) } }
                ?? policy.deadlines(priority: priority, vip: vip, createdAt: created)
            let lock = lockTechnician == nil && lockStart == nil ? nil : WorkOrderLock(technicianId: lockTechnician, start: lockStart)
            let order = WorkOrder(
                number: WorkOrderNumber(rawValue: number), customer: customer,
                site: Site(location: GeoPoint(lat: lat, lon: lon), address: reader.text("address") ?? "", territory: reader.text("territory")),
                category: reader.text("category") ?? "",
                requiredSkills: skills.map { SkillRequirement(skill: SkillName(rawValue: $0.0), minLevel: $0.1) },
                durationMinutes: duration, windows: windows, priority: priority, createdAt: created, sla: sla,
                status: status, lock: lock,
                preferredTechnicians: reader.list("preferred").map(TechnicianID.init(rawValue:)),
                requiredTechnicians: reader.list("required").map(TechnicianID.init(rawValue:)),
                excludedTechnicians: reader.list("excluded").map(TechnicianID.init(rawValue:)),
                requiredParts: parts.map { PartQuantity(partId: PartID(rawValue: $0.0), quantity: $0.1) })
            result.append((row.line, order))
        }
        return (result, reader.issues)
    }

    /// `2026-11-23 08:00-12:00`, or `2026-11-23 22:00-2026-11-24 02:00` across midnight; several separated by `;`.
    static func readWindows(_ reader: CSVRecordReader, zone: TimeZoneID) -> [TimeWindow]? {
        guard let text = reader.text("windows") else { return [] }
        var windows: [TimeWindow] = []
        for item in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            guard let window = parseWindow(item, zone: zone) else {
                reader.error("windows", "\"\(item)\" is not a window of the form 2026-11-23 08:00-12:00")
                return nil
            }
            windows.append(window)
        }
        return windows
    }

    static func parseWindow(_ item: String, zone: TimeZoneID) -> TimeWindow? {
        let characters = Array(item)
        guard characters.count >= 22, characters[10] == " ", characters[16] == "-",
              let date = LocalDate(String(characters[0..<10])), let start = TimeOfDay(String(characters[11..<16]))
        else { return nil }
        let rest = String(characters[17...])
        let endDate: LocalDate
        let end: TimeOfDay
        if let time = TimeOfDay(rest) {
            endDate = date
            end = time
        } else {
            let restCharacters = Array(rest)
            guard restCharacters.count == 16, restCharacters[10] == " ",
                  let otherDate = LocalDate(String(restCharacters[0..<10])), let time = TimeOfDay(String(restCharacters[11...]))
            else { return nil }
            endDate = otherDate
            end = time
        }
        return TimeWindow(start: zone.instant(on: date, at: start), end: zone.instant(on: endDate, at: end))
    }

    static func windowText(_ window: TimeWindow, zone: TimeZoneID) -> String {
        let start = zone.local(window.start)
        let end = zone.local(window.end)
        let startText = "\(start.date) \(TimeOfDay(minuteOfDay: start.minuteOfDay)!)"
        let endTime = TimeOfDay(minuteOfDay: end.minuteOfDay)!
        return end.date == start.date ? "\(startText)-\(endTime)" : "\(startText)-\(end.date) \(endTime)"
    }

    public static func table(_ orders: [WorkOrder], horizon: Horizon) -> CSVTable {
        let rows = orders.enumerated().map { index, order -> CSVTable.Row in
            let fields = [
                order.number.rawValue, order.customer.id.rawValue, order.customer.name, order.customer.vip ? "yes" : "no",
                CSVCell.number(order.site.location.lat), CSVCell.number(order.site.location.lon), order.site.address,
                order.site.territory ?? "", order.category,
                CSVCell.list(order.requiredSkills.map { "\($0.skill):\($0.minLevel)" }), String(order.durationMinutes),
                order.priority.description, order.createdAt.rfc3339,
                order.windows.map { windowText($0, zone: horizon.timeZone) }.joined(separator: "; "),
                order.status.rawValue, order.lock?.technicianId?.rawValue ?? "", order.lock?.start?.rfc3339 ?? "",
                CSVCell.list(order.preferredTechnicians.map(\.rawValue)), CSVCell.list(order.requiredTechnicians.map(\.rawValue)),
                CSVCell.list(order.excludedTechnicians.map(\.rawValue)),
                CSVCell.list(order.requiredParts.map { "\($0.partId):\($0.quantity)" }),
                order.sla.firstResponse.rfc3339, order.sla.resolution.rfc3339,
            ]
            return CSVTable.Row(line: index + 2, fields: fields)
        }
        return CSVTable(header: columns, rows: rows)
    }
}
