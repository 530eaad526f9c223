import Foundation

/// Makes realistic dispatch problems from a seed: a city's technicians with varied skills, levels and shifts, and
/// a day's or week's work orders over all priorities, with windows, SLA deadlines, VIP customers, locks and parts.
/// The same configuration always gives the same problem.
public struct ProblemGenerator: Sendable {
    public struct Configuration: Sendable {
        public var technicians: Int
        public var orders: Int
        public var days: Int
        public var seed: UInt64
        public var start: LocalDate
        public var timeZone: TimeZoneID
        /// City centre; sites and homes lie within `radiusKm` of it.
        public var center: GeoPoint
        public var radiusKm: Double
        public var name: String?

        public init(
            technicians: Int, orders: Int, days: Int = 1, seed: UInt64 = 1,
            start: LocalDate = LocalDate(year: 2026, month: 11, day: 23)!,
            timeZone: TimeZoneID = TimeZoneID("Europe/Berlin") ?? .utc,
            center: GeoPoint = GeoPoint(lat: 52.5200, lon: 13.4050), radiusKm: Double = 14, name: String? = nil
        ) {
            self.technicians = technicians
            self.orders = orders
            self.days = days
            self.seed = seed
            self.start = start
            self.timeZone = timeZone
            self.center = center
            self.radiusKm = radiusKm
            self.name = name
        }
    }

    public var configuration: Configuration

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    typealias Words = GeneratorVocabulary

    public func generate() -> Problem {
        var random = SeededGenerator(seed: configuration.seed)
        let horizon = Horizon(start: configuration.start, days: max(1, configuration.days), timeZone: configuration.timeZone)
        var calendar = BusinessCalendar.weekdays(in: configuration.timeZone)
        calendar.holidays = [LocalDate("2026-12-25")!, LocalDate("2026-12-26")!, LocalDate("2027-01-01")!]
        let policy = Policy(sla: SLAPolicy(calendar: calendar))
        let parts = Words.parts.map {
            Part(id: PartID(rawValue: $0.id), name: $0.name, unit: $0.unit, serialized: $0.serialized, standardCost: $0.cost)
        }
        let technicians = (0..<configuration.technicians).map { makeTechnician($0, horizon: horizon, random: &random) }
        var serials: [String: Int] = [:]
        var customers: [Customer] = []
        var pins = Pins()
        let orders = (0..<configuration.orders).map { _ in
            makeOrder(horizon: horizon, policy: policy.sla, technicians: technicians, serials: &serials,
                      customers: &customers, pins: &pins, random: &random)
        }
        let name = configuration.name
            ?? "Generated: \(configuration.technicians) technicians, \(configuration.orders) orders, \(horizon.days) day(s), seed \(configuration.seed)"
        // Two warehouses with every part, and each van stocked with a few parts of its technician's trades.
        let warehouses = [Warehouse(id: "WH-CENTRAL", name: "Zentrallager"), Warehouse(id: "WH-OST", name: "Lager Ost")]
        var stock: [StockLine] = []
        for part in Words.parts {
            stock.append(StockLine(location: "WH-CENTRAL", partId: PartID(rawValue: part.id), quantity: part.serialized ? 8 : Int.random(in: 40...200, using: &random)))
            stock.append(StockLine(location: "WH-OST", partId: PartID(rawValue: part.id), quantity: part.serialized ? 3 : Int.random(in: 10...80, using: &random)))
        }
        for technician in technicians {
            let trades = Set(technician.skills.map(\.skill))
            for part in Words.parts where trades.contains(part.skill) && !part.serialized && random.chance(0.6) {
                stock.append(StockLine(location: technician.van, partId: PartID(rawValue: part.id), quantity: Int.random(in: 1...6, using: &random)))
            }
        }
        return Problem(
            name: name, horizon: horizon, skills: Words.skills, policy: policy, travel: .cityDefault, parts: parts,
            technicians: technicians, orders: orders, warehouses: warehouses, initialStock: stock)
    }

    // MARK: Places

    func point(near center: GeoPoint, withinKm radius: Double, random: inout SeededGenerator) -> GeoPoint {
        // Denser towards the centre, as cities are.
        let distance = radius * pow(Double.random(in: 0..<1, using: &random), 0.75)
        let bearing = Double.random(in: 0..<(2 * .pi), using: &random)
        let lat = center.lat + (distance / 111.32) * cos(bearing)
        let lon = center.lon + (distance / (111.32 * cos(center.lat * .pi / 180))) * sin(bearing)
        return GeoPoint(lat: (lat * 1e6).rounded() / 1e6, lon: (lon * 1e6).rounded() / 1e6)
    }

    func territory(of point: GeoPoint) -> String {
        let dLat = point.lat - configuration.center.lat
        let dLon = (point.lon - configuration.center.lon) * cos(configuration.center.lat * .pi / 180)
        if (dLat * dLat + dLon * dLon).squareRoot() * 111.32 < configuration.radiusKm * 0.3 { return "Mitte" }
        let angle = atan2(dLat, dLon) * 180 / .pi
        switch angle {
        case 45..<135: return "Nord"
        case -45..<45: return "Ost"
        case -135 ..< -45: return "Süd"
        default: return "West"
        }
    }

    // MARK: Technicians

    func makeTechnician(_ index: Int, horizon: Horizon, random: inout SeededGenerator) -> Technician {
        let id = TechnicianID(rawValue: String(format: "T%03d", index + 1))
        let name: String
        if random.chance(0.2) {
            name = Words.chineseNames.randomElement(using: &random)!
        } else {
            name = "\(Words.germanFirstNames.randomElement(using: &random)!) \(Words.germanSurnames.randomElement(using: &random)!)"
        }
        var skills: [SkillLevel] = []
        let primary = Words.skills[random.weightedIndex(Words.skillDemand)]
        skills.append(SkillLevel(skill: primary, level: [2, 3, 3, 4, 4, 5].randomElement(using: &random)!))
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let skill = Words.skills[random.weightedIndex(Words.skillDemand)]
            if !skills.contains(where: { $0.skill == skill }) {
                skills.append(SkillLevel(skill: skill, level: [1, 1, 2, 2, 3].randomElement(using: &random)!))
            }
        }
        let home = point(near: configuration.center, withinKm: configuration.radiusKm * 1.1, random: &random)
        // Early, day and late shifts, each with a 30-minute break in a window around lunch.
        let patterns: [(start: Int, end: Int, breakFrom: Int, breakTo: Int)] = [
            (7 * 60, 15 * 60 + 30, 11 * 60 + 30, 14 * 60),
            (8 * 60, 17 * 60, 12 * 60, 14 * 60 + 30),
            (10 * 60, 19 * 60, 13 * 60 + 30, 16 * 60),
        ]
        let pattern = patterns[random.weightedIndex([0.3, 0.5, 0.2])]
        // Over several days most work Monday to Friday and some Tuesday to Saturday; a one-day problem holds the
        // people on duty that day.
        let workdays: Set<Weekday> = horizon.days == 1
            ? Set(Weekday.allCases)
            : random.chance(0.8) ? [.mon, .tue, .wed, .thu, .fri] : [.tue, .wed, .thu, .fri, .sat]
        let zone = horizon.timeZone
        let shifts = horizon.dates.filter { workdays.contains($0.weekday) }.map { date in
            Shift(
                start: zone.instant(on: date, at: TimeOfDay(minuteOfDay: pattern.start)!),
                end: zone.instant(on: date, at: TimeOfDay(minuteOfDay: pattern.end)!),
                breakTime: ShiftBreak(
                    earliestStart: zone.instant(on: date, at: TimeOfDay(minuteOfDay: pattern.breakFrom)!),
                    latestEnd: zone.instant(on: date, at: TimeOfDay(minuteOfDay: pattern.breakTo)!), minutes: 30))
        }
        let homeTerritory = territory(of: home)
        var territories = [homeTerritory]
        if homeTerritory != "Mitte" { territories.append("Mitte") }
        if random.chance(0.3), let extra = Words.territories.randomElement(using: &random), !territories.contains(extra) {
            territories.append(extra)
        }
        let limits = TechnicianLimits(
            maxJobsPerDay: [10, 12, 12, 14].randomElement(using: &random)!,
            maxWorkingMinutes: random.chance(0.25) ? 7 * 60 : nil,
            overtimeMinutes: [0, 0, 30, 60].randomElement(using: &random)!)
        return Technician(
            id: id, name: name, skills: skills, homeBase: home, shifts: shifts,
            van: LocationID(rawValue: String(format: "V%03d", index + 1)), limits: limits, territories: territories)
    }

    // MARK: Orders

    func makeOrder(
        horizon: Horizon, policy: SLAPolicy, technicians: [Technician], serials: inout [String: Int],
        customers: inout [Customer], pins: inout Pins, random: inout SeededGenerator
    ) -> WorkOrder {
        let zone = horizon.timeZone
        let priority = Priority(rawValue: 1 + random.weightedIndex([0.06, 0.19, 0.45, 0.30]))!
        // Orders are created before the planning run at 06:00 on the first day; urgent ones only shortly before.
        let planningStart = zone.instant(on: horizon.start, at: TimeOfDay(minuteOfDay: 6 * 60)!)
        let maxAgeMinutes = [1: 8 * 60, 2: 24 * 60, 3: 3 * 1440, 4: 7 * 1440][priority.rawValue]!
        let createdAt = planningStart.adding(minutes: -Int.random(in: 5...maxAgeMinutes, using: &random))
        let createdLocal = zone.local(createdAt).date.components
        let monthKey = String(format: "%04d%02d", createdLocal.year, createdLocal.month)
        let serial = serials[monthKey, default: 14] + 1
        serials[monthKey] = serial
        let number = WorkOrderNumber(year: createdLocal.year, month: createdLocal.month, serial: serial)!

        let customer: Customer
        if !customers.isEmpty, random.chance(0.15) {
            customer = customers.randomElement(using: &random)!
        } else {
            let name = random.chance(0.08)
                ? Words.chineseBusinesses.randomElement(using: &random)!
                : "\(Words.businessKinds.randomElement(using: &random)!) \(Words.germanSurnames.randomElement(using: &random)!)"
            customer = Customer(id: CustomerID(rawValue: String(format: "C%05d", customers.count + 1)), name: name, vip: random.chance(0.1))
            customers.append(customer)
        }
        let location = point(near: configuration.center, withinKm: configuration.radiusKm, random: &random)
        let address = "\(Words.streets.randomElement(using: &random)!) \(Int.random(in: 1...180, using: &random)), Berlin"
        let site = Site(location: location, address: address, territory: territory(of: location))

        let mainSkill = Words.skills[random.weightedIndex(Words.skillDemand)]
        let job = Words.categories[mainSkill]!.randomElement(using: &random)!
        var required = [SkillRequirement(skill: mainSkill, minLevel: 1 + random.weightedIndex([0.4, 0.35, 0.2, 0.05]))]
        if random.chance(0.12) {
            let second = Words.skills[random.weightedIndex(Words.skillDemand)]
            if second != mainSkill { required.append(SkillRequirement(skill: second, minLevel: 1)) }
        }
        let duration = Int.random(in: job.minutes, using: &random) / 5 * 5

        let day = horizon.dates.randomElement(using: &random)!
        var windows = makeWindows(priority: priority, day: day, horizon: horizon, random: &random)
        let qualified = technicians.filter { technician in required.allSatisfy(technician.meets) }

        var lock: WorkOrderLock?
        var status = WorkOrderStatus.new
        var preferred: [TechnicianID] = []
        var requiredTechnicians: [TechnicianID] = []
        var excluded: [TechnicianID] = []
        let onDuty = qualified.filter { $0.shifts.contains { zone.local($0.start).date == day } }
        let draw = Double.random(in: 0..<1, using: &random)
        if let technician = onDuty.randomElement(using: &random), draw < 0.05,
           let shift = technician.shifts.first(where: { zone.local($0.start).date == day }),
           pins.canTake(duration: duration, technician: technician.id, shift: shift),
           fits(duration: duration, windows: windows, drive: travelMinutes(technician.homeBase, location), shift: shift) {
            // Pinned by the dispatcher: a promised technician, sometimes also a promised time.
            lock = WorkOrderLock(technicianId: technician.id)
            status = .dispatched
            if random.chance(0.4) {
                // A promised time inside the appointment window (or the shift when there is none) that the
                // technician can reach and that leaves room for the break and the other promises.
                let drive = travelMinutes(technician.homeBase, location)
                let earliest = shift.start.adding(minutes: drive + 10)
                let latest = shift.end.adding(minutes: -duration - drive - 10)
                let span = windows.first.map { TimeWindow(start: max($0.start, earliest), end: min($0.end, latest)) }
                    ?? TimeWindow(start: earliest, end: latest)
                if span.minutes >= 0 {
                    let start = span.start.adding(minutes: Int.random(in: 0...span.minutes, using: &random) / 15 * 15)
                    if pins.canPin(start: start, duration: duration, technician: technician.id, shift: shift) {
                        lock?.start = start
                    }
                }
            }
            if lock?.start == nil, let window = windows.first {
                // A promise of technician only still ties them to the window: keep other promised times out of it.
                guard pins.canPin(start: window.start, duration: window.minutes, technician: technician.id, shift: shift) else {
                    lock = nil
                    status = .new
                    return finish()
                }
                pins.times[technician.id, default: []].append(
                    TimeWindow(start: window.start.adding(minutes: -60), end: window.end.adding(minutes: duration + 60)))
            }
            pins.record(lock: lock!, duration: duration, technician: technician.id, shift: shift)
        } else if let technician = onDuty.randomElement(using: &random), draw < 0.06, horizon.days == 1,
                  let shift = technician.shifts.first(where: { zone.local($0.start).date == day }),
                  !pins.isEnRoute(technician.id) {
            // Already started when the plan is made: the technician is on the way to the first job.
            let drive = travelMinutes(technician.homeBase, location)
            let start = shift.start.adding(minutes: (drive + 9) / 5 * 5)
            if pins.canPin(start: start, duration: duration, technician: technician.id, shift: shift),
               shift.start.minutes(until: shift.end) >= 2 * drive + duration + 60 {
                lock = WorkOrderLock(technicianId: technician.id, start: start)
                status = .enRoute
                // The visit was agreed by phone for right now; whatever window was asked for no longer applies.
                windows = []
                pins.record(lock: lock!, duration: duration, technician: technician.id, shift: shift)
                pins.enRoute.insert(technician.id)
            }
        }
        return finish()

        func finish() -> WorkOrder {
            if lock == nil, random.chance(0.1), let technician = qualified.randomElement(using: &random) {
                preferred = [technician.id]
            }
            if lock == nil, random.chance(0.03), let technician = qualified.randomElement(using: &random), !preferred.contains(technician.id) {
                excluded = [technician.id]
            }
            if lock == nil, random.chance(0.01), qualified.count >= 3 {
                requiredTechnicians = Array(qualified.shuffled(using: &random).prefix(3).map(\.id).filter { !excluded.contains($0) })
            }
            var parts: [PartQuantity] = []
            if random.chance(0.4) {
                let candidates = Words.parts.filter { part in required.contains { $0.skill == part.skill } }
                for part in candidates.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)) {
                    parts.append(PartQuantity(partId: PartID(rawValue: part.id), quantity: part.unit == "m" ? Int.random(in: 2...15, using: &random) : 1))
                }
            }
            return WorkOrder(
                number: number, customer: customer, site: site, category: job.name, requiredSkills: required,
                durationMinutes: duration, windows: windows, priority: priority, createdAt: createdAt,
                sla: policy.deadlines(priority: priority, vip: customer.vip, createdAt: createdAt), status: status,
                lock: lock, preferredTechnicians: preferred, requiredTechnicians: requiredTechnicians,
                excludedTechnicians: excluded, requiredParts: parts)
        }
    }

    /// Whether a visit can be made inside one of the windows (or any time) with the drive there and back inside
    /// the shift, leaving an hour to spare.
    func fits(duration: Int, windows: [TimeWindow], drive: Int, shift: Shift) -> Bool {
        let earliest = shift.start.adding(minutes: drive)
        let latest = shift.end.adding(minutes: -duration - drive - 60)
        guard earliest <= latest else { return false }
        return windows.isEmpty || windows.contains { max($0.start, earliest) <= min($0.end, latest) }
    }

    /// Driving minutes under the generated problems' travel model (straight line × 1.3 at 30 km/h).
    func travelMinutes(_ a: GeoPoint, _ b: GeoPoint) -> Int {
        Int((a.haversineMeters(to: b) * 1.3 / 500).rounded(.up))
    }

    /// The dispatcher's promises made so far, so that generated locks never contradict each other: a
    /// technician has at most three pinned orders a day filling at most half the shift, promised times do not
    /// overlap (with an hour's margin for driving), and the break still fits.
    struct Pins {
        var times: [TechnicianID: [TimeWindow]] = [:]
        var load: [TechnicianID: [Instant: (count: Int, minutes: Int)]] = [:]
        var enRoute = Set<TechnicianID>()

        func isEnRoute(_ technician: TechnicianID) -> Bool { enRoute.contains(technician) }

        func canTake(duration: Int, technician: TechnicianID, shift: Shift) -> Bool {
            let current = load[technician]?[shift.start] ?? (0, 0)
            return current.count < 3 && (current.minutes + duration) * 2 <= shift.window.minutes
        }

        func canPin(start: Instant, duration: Int, technician: TechnicianID, shift: Shift) -> Bool {
            let busy = TimeWindow(start: start.adding(minutes: -60), end: start.adding(minutes: duration + 60))
            if (times[technician] ?? []).contains(where: { $0.overlaps(busy) }) { return false }
            if let pause = shift.breakTime {
                let before = pause.earliestStart.minutes(until: min(pause.latestEnd, busy.start))
                let after = max(pause.earliestStart, busy.end).minutes(until: pause.latestEnd)
                if max(before, after) < pause.minutes + 30 { return false }
            }
            return canTake(duration: duration, technician: technician, shift: shift)
        }

        mutating func record(lock: WorkOrderLock, duration: Int, technician: TechnicianID, shift: Shift) {
            if let start = lock.start {
                times[technician, default: []].append(TimeWindow(start: start.adding(minutes: -60), end: start.adding(minutes: duration + 60)))
            }
            let current = load[technician]?[shift.start] ?? (0, 0)
            load[technician, default: [:]][shift.start] = (current.count + 1, current.minutes + duration)
        }
    }

    func makeWindows(priority: Priority, day: LocalDate, horizon: Horizon, random: inout SeededGenerator) -> [TimeWindow] {
        let zone = horizon.timeZone
        func window(_ date: LocalDate, _ from: Int, _ to: Int) -> TimeWindow {
            TimeWindow(start: zone.instant(on: date, at: TimeOfDay(minuteOfDay: from)!), end: zone.instant(on: date, at: TimeOfDay(minuteOfDay: to)!))
        }
        // Urgent work goes whenever someone can get there.
        if priority == .p1 || random.chance(0.3) { return [] }
        switch random.weightedIndex([0.45, 0.4, 0.15]) {
        case 0:
            return random.chance(0.5) ? [window(day, 8 * 60, 12 * 60)] : [window(day, 12 * 60, 17 * 60)]
        case 1:
            let start = [8, 9, 10, 11, 12, 13, 14, 15, 16][random.weightedIndex([1, 1, 1, 1, 0.6, 1, 1, 1, 0.6])] * 60
            return [window(day, start, start + 120)]
        default:
            let other = horizon.days > 1 ? horizon.dates.randomElement(using: &random)! : day
            let first = window(day, 8 * 60, 10 * 60)
            let second = window(other, 15 * 60, 18 * 60)
            return first.start < second.start ? [first, second] : [second, first]
        }
    }
}
