import Foundation
extension ProblemFileReader {
    static func readPolicy(_ node: JSONNode, _ path: String, _ doc: DocumentReader) -> Policy? {
        guard let object = doc.object(node, path) else { return nil }
        let defaults = Policy()
        let sla = object.optional("sla", default: defaults.sla) { readSLA($0, $1, doc) }
        let weights = object.optional("weights", default: defaults.weights) { readWeights($0, $1, doc) }
        let currency = object.optional("currency", default: defaults.currency, doc.nonEmptyString)
        object.finish()
        guard let sla, let weights, let currency else { return nil }
        return Policy(sla: sla, weights: weights, currency: currency)
    }

    static func readSLA(_ node: JSONNode, _ path: String, _ doc: DocumentReader) -> SLAPolicy? {
        guard let object = doc.object(node, path) else { return nil }
        let defaults = SLAPolicy()
        let targets = object.optional("targets", default: defaults.targets) { node, path in
            readPerPriority(node, path, doc, defaults: SLAPolicy.defaultTargets) { node, path, fallback in
                readSLATarget(node, path, doc, defaults: fallback)
            }
        }
        let vipBump = object.optional("vipBump", default: defaults.vipBump, doc.bool)
        let calendar = object.optional("calendar") { readCalendar($0, $1, doc) }
        let calendarInvalid = object.has("calendar") && calendar == nil
        let steps = object.optional("escalationStepsMinutes", default: defaults.escalationStepsMinutes) { doc.list($0, $1, doc.int) }
        object.finish()
        guard let targets, let vipBump, !calendarInvalid, let steps else { return nil }
        return SLAPolicy(targets: targets, vipBump: vipBump, calendar: calendar, escalationStepsMinutes: steps)
    }

    static func readSLATarget(_ node: JSONNode, _ path: String, _ doc: DocumentReader, defaults: SLATarget) -> SLATarget? {
        guard let object = doc.object(node, path) else { return nil }
        let duration: (JSONNode, String) -> SLADuration? = { node, path in
            guard let text = doc.string(node, path) else { return nil }
            guard let duration = SLADuration(text: text) else {
                doc.error(path, node, "\"\(text)\" is not an SLA duration; write minutes, hours or days: 15m, 4h, 1h30m, 3d")
                return nil
            }
            return duration
        }
        let response = object.optional("firstResponse", default: defaults.firstResponse, duration)
        let resolution = object.optional("resolution", default: defaults.resolution, duration)
        let margin = object.optional("atRiskMarginMinutes", default: defaults.atRiskMarginMinutes, doc.int)
        let clock = object.optional("clock", default: defaults.clock) { doc.enumeration($0, $1, as: SLAClock.self) }
        object.finish()
        guard let response, let resolution, let margin, let clock else { return nil }
        return SLATarget(firstResponse: response, resolution: resolution, atRiskMarginMinutes: margin, clock: clock)
    }

    static func readPerPriority<T>(
        _ node: JSONNode, _ path: String, _ doc: DocumentReader, defaults: PerPriority<T>,
        _ read: (JSONNode, String, T) -> T?
    ) -> PerPriority<T>? {
        guard let object = doc.object(node, path) else { return nil }
        var result = defaults
        var failed = false
        for priority in Priority.allCases {
            if let value = object.optional(priority.description, { read($0, $1, defaults[priority]) }) {
                result[priority] = value
            } else if object.has(priority.description) {
                failed = true
            }
        }
        object.finish()
        return failed ? nil : result
    }

    static func readCalendar(_ node: JSONNode, _ path: String, _ doc: DocumentReader) -> BusinessCalendar? {
        guard let object = doc.object(node, path) else { return nil }
        let zone = object.required("timeZone", doc.timeZone)
        let hours = object.required("workingHours") { node, path -> [Weekday: DailyHours]? in
            guard let days = doc.object(node, path) else { return nil }
            var result: [Weekday: DailyHours] = [:]
            var failed = false
            for weekday in Weekday.allCases {
                guard days.has(weekday.rawValue) else { continue }
                let hours = days.optional(weekday.rawValue) { node, path -> DailyHours? in
                    guard let span = doc.object(node, path) else { return nil }
                    let start = span.required("start", doc.timeOfDay)
                    let end = span.required("end", doc.timeOfDay)
                    span.finish()
                    guard let start, let end else { return nil }
                    return DailyHours(start: start, end: end)
                }
                if let hours { result[weekday] = hours } else { failed = true }
            }
            days.finish()
            return failed ? nil : result
        }
        let holidays = object.optional("holidays", default: []) { doc.list($0, $1, doc.localDate) }
        object.finish()
        guard let zone, let hours, let holidays else { return nil }
        return BusinessCalendar(timeZone: zone, workingHours: hours, holidays: Set(holidays))
    }

    static func readWeights(_ node: JSONNode, _ path: String, _ doc: DocumentReader) -> ScoreWeights? {
        guard let object = doc.object(node, path) else { return nil }
        var weights = ScoreWeights()
        var failed = false
        func perPriority(_ key: String, _ keyPath: WritableKeyPath<ScoreWeights, PerPriority<Int>>) {
            guard object.has(key) else { _ = object.member(key); return }
            let fallback = weights[keyPath: keyPath]
            if let value = object.optional(key, { readPerPriority($0, $1, doc, defaults: fallback) { node, path, _ in doc.int(node, path) } }) {
                weights[keyPath: keyPath] = value
            } else {
                failed = true
            }
        }
        func single(_ key: String, _ keyPath: WritableKeyPath<ScoreWeights, Int>) {
            guard object.has(key) else { _ = object.member(key); return }
            if let value = object.optional(key, doc.int) { weights[keyPath: keyPath] = value } else { failed = true }
        }
        perPriority("unassigned", \.unassigned)
        single("travelMinute", \.travelMinute)
        perPriority("slaLateMinute", \.slaLateMinute)
        single("overtimeMinute", \.overtimeMinute)
        single("imbalanceMinute", \.imbalanceMinute)
        single("preferredMiss", \.preferredMiss)
        single("overqualificationLevel", \.overqualificationLevel)
        single("outOfTerritory", \.outOfTerritory)
        single("planChange", \.planChange)
        object.finish()
        return failed ? nil : weights
    }

    static func readTravel(_ node: JSONNode, _ path: String, _ doc: DocumentReader) -> TravelModel? {
        guard let object = doc.object(node, path) else { return nil }
        defer { object.finish() }
        let model = object.optional("model", default: "haversine", doc.string)
        switch model {
        case "haversine":
            let roadFactor = object.optional("roadFactor", default: 1.3, doc.double)
            let speed = object.optional("speedKmh", default: 30, doc.double)
            guard let roadFactor, let speed else { return nil }
            return .haversine(roadFactor: roadFactor, speedKmh: speed)
        case "matrix":
            let durations = readMatrixTable(object, "durations", rounding: .up, doc)
            let distances = readMatrixTable(object, "distances", rounding: .nearest, doc)
            let locations = object.optional("locations") { doc.list($0, $1, doc.nonEmptyString) }
            let locationsInvalid = object.has("locations") && locations == nil
            guard case .read(let size, let seconds, let durationsFile) = durations, !locationsInvalid else {
                if case .absent = durations { _ = object.required("durations") { _, _ in () } }
                return nil
            }
            var metres: [Int32]?
            var distancesFile: MatrixFileReference?
            switch distances {
            case .failed: return nil
            case .absent: break
            case .read(let distanceSize, let values, let file):
                guard distanceSize == size else {
                    doc.error(JSONPath.member(path, file == nil ? "distances" : "distancesFile"), object.node,
                              "has \(distanceSize) rows; durations has \(size): the two tables must be the same size")
                    return nil
                }
                guard (file == nil) == (durationsFile == nil) else {
                    doc.error(JSONPath.member(path, "distancesFile"), object.node, "give both tables inline or both as side files")
                    return nil
                }
                metres = values
                distancesFile = file
            }
            return .matrix(TravelMatrix(
                size: size, durations: seconds, distances: metres, locations: locations,
                files: durationsFile.map { MatrixFiles(durations: $0, distances: distancesFile) }))
        case let other?:
            doc.error(JSONPath.member(path, "model"), object.member("model"),
                      "unknown travel model \"\(other)\"; use \"haversine\" or \"matrix\"")
            return nil
        case nil:
            return nil
        }
    }

    enum MatrixTableRead {
        case absent
        case failed
        /// The table, and the side file it came from (nil when inline).
        case read(size: Int, values: [Int32], file: MatrixFileReference?)
    }

    /// A matrix table given inline (`key`: rows of numbers, which the parser read as a `NumberTable`) or as a side
    /// file (`keyFile`: a path relative to the problem file), each wrong entry reported with its place and line.
    static func readMatrixTable(_ object: ObjectReader, _ key: String, rounding: NumberTable.Rounding, _ doc: DocumentReader) -> MatrixTableRead {
        let fileKey = key + "File"
        let path = JSONPath.member(object.path, key)
        switch (object.member(key), object.member(fileKey)) {
        case (nil, nil):
            return .absent
        case (let inline?, _?):
            doc.error(JSONPath.member(object.path, fileKey), inline, "give \(key) or \(fileKey), not both")
            return .failed
        case (let inline?, nil):
            guard case .table(let table) = inline.value else {
                doc.error(path, inline, "expected an array of rows of numbers, found \(inline.kindDescription)")
                return .failed
            }
            for problem in table.problems {
                let place = path + "[\(problem.row)]" + (problem.column.map { "[\($0)]" } ?? "")
                doc.error(place, JSONNode(.null, line: problem.line), problem.message)
            }
            if table.problemCount > table.problems.count {
                doc.error(path, inline, "\(table.problemCount - table.problems.count) more entries are wrong")
            }
            guard table.problems.isEmpty else { return .failed }
            guard table.rows == (table.width ?? 0) else {
                doc.error(path, inline, "has \(table.rows) rows of \(table.width ?? 0) columns; the matrix must be square")
                return .failed
            }
            return .read(size: table.rows, values: table.values, file: nil)
        case (nil, let fileNode?):
            let filePath = JSONPath.member(object.path, fileKey)
            guard let name = doc.nonEmptyString(fileNode, filePath) else { return .failed }
            guard let directory = doc.sideFileDirectory else {
                doc.error(filePath, fileNode, "a side file is read only from a problem file on disk, not from an upload; put the table inline")
                return .failed
            }
            let resolved = name.hasPrefix("/") ? name : URL(fileURLWithPath: directory).appendingPathComponent(name).standardizedFileURL.path
            do {
                let table = try MatrixFileReader.read(resolved, rounding: rounding)
                return .read(size: table.size, values: table.values, file: MatrixFileReference(path: resolved, checksum: TravelMatrix.checksum(table.values)))
            } catch {
                doc.error(filePath, fileNode, "\(name): \(error.description)")
                return .failed
            }
        }
    }
}
