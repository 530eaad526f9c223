/// The checks that need more than one field: ranges, cross references, duplicates, consistency.
/// They run on a decoded `Problem` (from JSON or CSV) and name each issue by its path in the problem file.
public enum ProblemValidator {
    public static func issues(in problem: Problem) -> [ProblemIssue] {
        var issues = IssueList()
        checkHorizon(problem, &issues)
        checkPolicy(problem.policy, &issues)
        checkCatalogs(problem, &issues)
        checkTravel(problem, &issues)
        let technicianIds = checkTechnicians(problem, &issues)
        checkOrders(problem, technicianIds: technicianIds, &issues)
        checkStock(problem, &issues)
        return issues.items
    }

    struct IssueList {
        var items: [ProblemIssue] = []
        mutating func error(_ path: String, _ message: String) { items.append(ProblemIssue(.error, path: path, message: message)) }
        mutating func warning(_ path: String, _ message: String) { items.append(ProblemIssue(.warning, path: path, message: message)) }

        /// An error unless `value` lies in `range` (the ranges of `InputLimits`).
        mutating func range(_ value: Int, _ range: ClosedRange<Int>, _ path: String, because reason: String? = nil) {
            guard !range.contains(value) else { return }
            error(path, InputLimits.outOfRange(value, range) + (reason.map { " (\($0))" } ?? ""))
        }
    }

    static func checkHorizon(_ problem: Problem, _ issues: inout IssueList) {
        if !(1...366).contains(problem.horizon.days) {
            issues.error("horizon.days", "must be between 1 and 366, is \(problem.horizon.days)")
        }
    }

    static func checkPolicy(_ policy: Policy, _ issues: inout IssueList) {
        for priority in Priority.allCases {
            let target = policy.sla.targets[priority]
            let path = "policy.sla.targets.\(priority)"
            issues.range(target.atRiskMarginMinutes, 0...InputLimits.durationMinutes, "\(path).atRiskMarginMinutes")
            if target.resolution.wallClockMinutes < target.firstResponse.wallClockMinutes {
                issues.warning(path, "resolution target \(target.resolution) is shorter than first response \(target.firstResponse)")
            }
        }
        for (index, step) in policy.sla.escalationStepsMinutes.enumerated() {
            issues.range(step, 0...InputLimits.durationMinutes, "policy.sla.escalationStepsMinutes[\(index)]")
        }
        if let calendar = policy.sla.calendar {
            for weekday in Weekday.allCases {
                if let hours = calendar.workingHours[weekday], hours.end <= hours.start {
                    issues.error("policy.sla.calendar.workingHours.\(weekday.rawValue).end", "\(hours.end) is not after start \(hours.start)")
                }
            }
            if !calendar.hasWorkingTime {
                issues.error("policy.sla.calendar.workingHours", "no working time on any day; business-hours SLAs could never be met")
            }
        }
        let weights = policy.weights
        let named: [(String, Int)] = [
            ("travelMinute", weights.travelMinute), ("overtimeMinute", weights.overtimeMinute),
            ("imbalanceMinute", weights.imbalanceMinute), ("preferredMiss", weights.preferredMiss),
            ("overqualificationLevel", weights.overqualificationLevel), ("outOfTerritory", weights.outOfTerritory),
            ("planChange", weights.planChange),
        ]
        for (name, value) in named {
            issues.range(value, 0...InputLimits.weight, "policy.weights.\(name)")
        }
        for priority in Priority.allCases {
            issues.range(weights.unassigned[priority], 0...InputLimits.weight, "policy.weights.unassigned.\(priority)")
            issues.range(weights.slaLateMinute[priority], 0...InputLimits.weight, "policy.weights.slaLateMinute.\(priority)")
        }
        let currency = policy.currency
        if currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            issues.error("policy.currency", "\"\(currency)\" is not an ISO 4217 code such as EUR")
        }
    }

    static func checkCatalogs(_ problem: Problem, _ issues: inout IssueList) {
        var skills = Set<SkillName>()
        for (index, skill) in problem.skills.enumerated() where !skills.insert(skill).inserted {
            issues.error("skills[\(index)]", "duplicate skill \"\(skill)\"")
        }
        var parts = Set<PartID>()
        for (index, part) in problem.parts.enumerated() {
            if !parts.insert(part.id).inserted { issues.error("parts[\(index)].id", "duplicate part id \"\(part.id)\"") }
            issues.range(part.standardCost, 0...InputLimits.money, "parts[\(index)].standardCost")
        }
    }

    static func checkTravel(_ problem: Problem, _ issues: inout IssueList) {
        switch problem.travel {
        case .haversine(let roadFactor, let speed):
            if !(roadFactor >= 1 && roadFactor <= 5) { issues.error("travel.roadFactor", "must be between 1 and 5, is \(roadFactor)") }
            if !(speed > 0 && speed <= 200) { issues.error("travel.speedKmh", "must be above 0 and at most 200, is \(speed)") }
        case .matrix(let matrix):
            let expected: Int
            if let locations = matrix.locations {
                expected = locations.count
                let technicians = Set(problem.technicians.map(\.id.rawValue))
                let orders = Set(problem.orders.map(\.number.rawValue))
                var seen = Set<String>()
                for (index, location) in locations.enumerated() {
                    if !technicians.contains(location) && !orders.contains(location) {
                        issues.error("travel.locations[\(index)]", "\"\(location)\" is neither a technician id nor a work order number")
                    }
                    if !seen.insert(location).inserted { issues.error("travel.locations[\(index)]", "\"\(location)\" appears twice") }
                }
                for technician in technicians.subtracting(seen).sorted() {
                    issues.error("travel.locations", "technician \(technician) has no row in the matrix")
                }
                for order in orders.subtracting(seen).sorted() {
                    issues.error("travel.locations", "work order \(order) has no row in the matrix")
                }
            } else {
                expected = problem.technicians.count + problem.orders.count
            }
            if matrix.size != expected {
                let table = matrix.files == nil ? "durations" : "durationsFile"
                issues.error("travel.\(table)", "has \(matrix.size) rows; expected \(expected) (one per technician and work order)")
            }
        }
    }

    static func checkTechnicians(_ problem: Problem, _ issues: inout IssueList) -> Set<TechnicianID> {
        let catalog = Set(problem.skills)
        let horizon = problem.horizon.window
        var ids = Set<TechnicianID>()
        var vans = [LocationID: Int]()
        for (index, technician) in problem.technicians.enumerated() {
            let path = "technicians[\(index)]"
            if !ids.insert(technician.id).inserted { issues.error("\(path).id", "duplicate technician id \"\(technician.id)\"") }
            if let other = vans.updateValue(index, forKey: technician.van) {
                issues.error("\(path).van", "van \(technician.van) is already technicians[\(other)]'s; each technician has a van of their own")
            }
            var seenSkills = Set<SkillName>()
            for (skillIndex, skill) in technician.skills.enumerated() {
                let skillPath = "\(path).skills[\(skillIndex)]"
                if !catalog.contains(skill.skill) { issues.error("\(skillPath).skill", "unknown skill \"\(skill.skill)\" (not in skills)") }
                if !SkillRequirement.levels.contains(skill.level) { issues.error("\(skillPath).level", "must be 1 to 5, is \(skill.level)") }
                if !seenSkills.insert(skill.skill).inserted { issues.error("\(skillPath).skill", "skill \"\(skill.skill)\" listed twice") }
            }
            checkLocation(technician.homeBase, "\(path).homeBase", &issues)
            for (shiftIndex, shift) in technician.shifts.enumerated() {
                let shiftPath = "\(path).shifts[\(shiftIndex)]"
                if shift.end <= shift.start {
                    issues.error("\(shiftPath).end", "before start (\(shift.end) is not after \(shift.start))")
                } else if !shift.window.overlaps(horizon) {
                    issues.warning(shiftPath, "outside the horizon; it will not be used")
                }
                if shiftIndex > 0, shift.start < technician.shifts[shiftIndex - 1].end {
                    issues.error("\(shiftPath).start", "overlaps the previous shift; list shifts in order, one per day")
                }
                if let pause = shift.breakTime {
                    if pause.minutes <= 0 { issues.error("\(shiftPath).break.minutes", "must be above zero, is \(pause.minutes)") }
                    if pause.latestEnd <= pause.earliestStart {
                        issues.error("\(shiftPath).break.latestEnd", "before earliestStart")
                    } else if pause.earliestStart.minutes(until: pause.latestEnd) < pause.minutes {
                        issues.error("\(shiftPath).break", "a \(pause.minutes)-minute break does not fit between earliestStart and latestEnd")
                    }
                    if pause.earliestStart < shift.start || pause.latestEnd > shift.end {
                        issues.error("\(shiftPath).break", "must lie inside the shift")
                    }
                }
            }
            if technician.shifts.isEmpty { issues.warning("\(path).shifts", "no shifts: \(technician.id) cannot be given work") }
            let limits = technician.limits
            if let jobs = limits.maxJobsPerDay { issues.range(jobs, 1...InputLimits.perDay, "\(path).limits.maxJobsPerDay") }
            if let minutes = limits.maxWorkingMinutes { issues.range(minutes, 1...InputLimits.perDay, "\(path).limits.maxWorkingMinutes") }
            issues.range(limits.overtimeMinutes, 0...InputLimits.perDay, "\(path).limits.overtimeMinutes")
            if let capacity = limits.vanCapacity { issues.range(capacity, 0...InputLimits.quantity, "\(path).limits.vanCapacity") }
        }
        return ids
    }

    static func checkStock(_ problem: Problem, _ issues: inout IssueList) {
        let vans = Set(problem.technicians.map(\.van))
        var warehouses = Set<LocationID>()
        let reserved: Set<LocationID> = ["SUPPLIER", "CONSUMED", "DEFECTIVE", "SCRAP", "ADJUSTMENT"]
        for (index, warehouse) in problem.warehouses.enumerated() {
            if !warehouses.insert(warehouse.id).inserted { issues.error("warehouses[\(index)].id", "duplicate warehouse \"\(warehouse.id)\"") }
            if vans.contains(warehouse.id) { issues.error("warehouses[\(index)].id", "\"\(warehouse.id)\" is also a technician's van") }
            if reserved.contains(warehouse.id) { issues.error("warehouses[\(index)].id", "\"\(warehouse.id)\" is a virtual location's name") }
        }
        let parts = Set(problem.parts.map(\.id))
        let serialized = Set(problem.parts.filter(\.serialized).map(\.id))
        let serializedUnits = problem.initialStock.filter { serialized.contains($0.partId) }.reduce(0) { $0 &+ max(0, min($1.quantity, InputLimits.quantity)) }
        if serializedUnits > InputLimits.serializedUnitsPerImport {
            issues.error("initialStock", "\(serializedUnits) serialized units in all; one import takes at most \(InputLimits.serializedUnitsPerImport) (each is a ledger entry of its own)")
        }
        for (index, line) in problem.initialStock.enumerated() {
            if !warehouses.contains(line.location) && !vans.contains(line.location) {
                issues.error("initialStock[\(index)].location", "\"\(line.location)\" is neither a warehouse nor a technician's van")
            }
            if !parts.contains(line.partId) { issues.error("initialStock[\(index)].partId", "unknown part \"\(line.partId)\" (not in parts)") }
            if serialized.contains(line.partId) {
                // Each serialized unit is a ledger entry of its own, written inside the import's one transaction.
                issues.range(line.quantity, 1...InputLimits.serializedUnitsPerLine, "initialStock[\(index)].quantity",
                             because: "a serialized part is imported one unit at a time")
            } else {
                issues.range(line.quantity, 1...InputLimits.quantity, "initialStock[\(index)].quantity")
            }
        }
    }

    static func checkLocation(_ point: GeoPoint, _ path: String, _ issues: inout IssueList) {
        if !(point.lat >= -90 && point.lat <= 90) { issues.error("\(path).lat", "latitude \(point.lat) is out of range (-90 to 90)") }
        if !(point.lon >= -180 && point.lon <= 180) { issues.error("\(path).lon", "longitude \(point.lon) is out of range (-180 to 180)") }
    }

    static func checkOrders(_ problem: Problem, technicianIds: Set<TechnicianID>, _ issues: inout IssueList) {
        let context = OrderContext(problem: problem, technicianIds: technicianIds)
        var numbers = Set<WorkOrderNumber>()
        for (index, order) in problem.orders.enumerated() {
            let path = "orders[\(index)]"
            if WorkOrderNumber.problem(in: order.number.rawValue) == nil, !numbers.insert(order.number).inserted {
                issues.error("\(path).number", "duplicate work order number \(order.number)")
            }
            checkOrder(order, path: path, context, &issues)
        }
    }

    /// What one order is checked against: the problem's catalogs, horizon and technicians. Built once, it checks
    /// an order on its own (an emergency for a published plan) without checking the whole problem again.
    public struct OrderContext: Sendable {
        let catalog: Set<SkillName>
        let parts: Set<PartID>
        let horizon: TimeWindow
        let technicianIds: Set<TechnicianID>
        let technicians: [Technician]

        public init(problem: Problem) {
            self.init(problem: problem, technicianIds: Set(problem.technicians.map(\.id)))
        }

        init(problem: Problem, technicianIds: Set<TechnicianID>) {
            catalog = Set(problem.skills)
            parts = Set(problem.parts.map(\.id))
            horizon = problem.horizon.window
            self.technicianIds = technicianIds
            technicians = problem.technicians
        }
    }

    /// The issues of `order` alone, named from `path` ("order.windows[0].end").
    public static func issues(in order: WorkOrder, path: String, context: OrderContext) -> [ProblemIssue] {
        var issues = IssueList()
        checkOrder(order, path: path, context, &issues)
        return issues.items
    }

    static func checkOrder(_ order: WorkOrder, path: String, _ context: OrderContext, _ issues: inout IssueList) {
        let (catalog, parts, horizon, technicianIds) = (context.catalog, context.parts, context.horizon, context.technicianIds)
        if let problem = WorkOrderNumber.problem(in: order.number.rawValue) {
            issues.error("\(path).number", "\"\(order.number)\": \(problem)")
        }
        checkLocation(order.site.location, "\(path).site.location", &issues)
        issues.range(order.load, 0...InputLimits.quantity, "\(path).load")
        if !(1...InputLimits.durationMinutes).contains(order.durationMinutes) {
            issues.range(order.durationMinutes, 1...InputLimits.durationMinutes, "\(path).durationMinutes")
        } else if order.durationMinutes > 24 * 60 {
            issues.warning("\(path).durationMinutes", "\(order.durationMinutes) minutes is longer than a day")
        }
        for (skillIndex, requirement) in order.requiredSkills.enumerated() {
            let skillPath = "\(path).requiredSkills[\(skillIndex)]"
            if !catalog.contains(requirement.skill) {
                issues.error("\(skillPath).skill", "unknown skill \"\(requirement.skill)\" (not in skills)")
            } else if !context.technicians.contains(where: { $0.meets(requirement) }) {
                issues.warning(skillPath, "no technician has \(requirement.skill) at level \(requirement.minLevel) or above")
            }
            if !SkillRequirement.levels.contains(requirement.minLevel) {
                issues.error("\(skillPath).minLevel", "must be 1 to 5, is \(requirement.minLevel)")
            }
        }
        for (windowIndex, window) in order.windows.enumerated() {
            if window.end <= window.start {
                issues.error("\(path).windows[\(windowIndex)].end", "before start (\(window.end) is not after \(window.start))")
            } else if !window.overlaps(horizon) {
                issues.warning("\(path).windows[\(windowIndex)]", "outside the horizon")
            }
        }
        if order.sla.resolution < order.sla.firstResponse {
            issues.error("\(path).sla.resolution", "before the first-response deadline")
        }
        func checkTechnicians(_ list: [TechnicianID], _ field: String) {
            for (listIndex, id) in list.enumerated() where !technicianIds.contains(id) {
                issues.error("\(path).\(field)[\(listIndex)]", "unknown technician \"\(id)\"")
            }
        }
        checkTechnicians(order.preferredTechnicians, "preferredTechnicians")
        checkTechnicians(order.requiredTechnicians, "requiredTechnicians")
        checkTechnicians(order.excludedTechnicians, "excludedTechnicians")
        for id in Set(order.requiredTechnicians).intersection(order.excludedTechnicians).sorted() {
            issues.error("\(path).excludedTechnicians", "\(id) is both required and excluded")
        }
        if let lock = order.lock {
            if lock.technicianId == nil && lock.start == nil {
                issues.error("\(path).lock", "a lock names a technicianId, a start, or both")
            }
            if let technician = lock.technicianId {
                if !technicianIds.contains(technician) {
                    issues.error("\(path).lock.technicianId", "unknown technician \"\(technician)\"")
                } else if let locked = context.technicians.first(where: { $0.id == technician }) {
                    // The dispatcher's lock is kept, but the plan counts each of these on its hard level.
                    for requirement in order.requiredSkills where !locked.meets(requirement) {
                        let has = locked.level(in: requirement.skill)
                        issues.warning("\(path).lock.technicianId", "\(technician) has \(requirement.skill) at level \(has), the order needs \(requirement.minLevel): the lock breaks a hard rule")
                    }
                    if order.excludedTechnicians.contains(technician) {
                        issues.warning("\(path).lock.technicianId", "\(technician) is locked but also excluded: the lock breaks a hard rule")
                    }
                    if !order.requiredTechnicians.isEmpty && !order.requiredTechnicians.contains(technician) {
                        issues.warning("\(path).lock.technicianId", "\(technician) is not one of the required technicians: the lock breaks a hard rule")
                    }
                }
            }
            if let start = lock.start, !order.windows.isEmpty, !order.windows.contains(where: { $0.contains(start) }) {
                issues.warning("\(path).lock.start", "\(start) is outside every appointment window")
            }
        }
        if order.status.isStarted && order.lock?.technicianId == nil {
            issues.error("\(path).lock.technicianId", "an order that is \(order.status) must name its technician in lock.technicianId")
        }
        for (partIndex, part) in order.requiredParts.enumerated() {
            if !parts.contains(part.partId) {
                issues.error("\(path).requiredParts[\(partIndex)].partId", "unknown part \"\(part.partId)\" (not in parts)")
            }
            issues.range(part.quantity, 1...InputLimits.quantity, "\(path).requiredParts[\(partIndex)].quantity")
        }
    }
}
