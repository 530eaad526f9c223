import FieldOpsModel
import Foundation
import Testing

@Suite struct ProblemFileReaderTests {
    func load(_ text: String) throws(ProblemFileError) -> LoadedProblem {
        try ProblemFileReader.load(bytes: Array(text.utf8))
    }

    /// The issues of a file that must fail, as `line N: path: message` strings.
    func issues(_ text: String) -> [ProblemIssue] {
        do {
            _ = try load(text)
            Issue.record("expected the file to be refused")
            return []
        } catch {
            return error.issues
        }
    }

    /// The valid fixture with `original` replaced by `replacement` (which must occur exactly once).
    func broken(_ original: String, _ replacement: String) -> String {
        let text = Fixtures.validProblemJSON
        #expect(text.components(separatedBy: original).count == 2, "fixture must contain \(original) once")
        return text.replacingOccurrences(of: original, with: replacement)
    }

    func expectIssue(_ issues: [ProblemIssue], path: String, contains fragment: String, line: Int? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        let match = issues.first { $0.path == path && $0.message.contains(fragment) && $0.severity == .error }
        #expect(match != nil, "no error at \(path) containing \"\(fragment)\" in: \(issues.map(\.description))",
                sourceLocation: sourceLocation)
        if let line, let match {
            #expect(match.line == line, "line of \(path)", sourceLocation: sourceLocation)
        }
    }

    @Test func theFixtureIsValidAndFillsDefaults() throws {
        let loaded = try load(Fixtures.validProblemJSON)
        #expect(loaded.warnings.isEmpty)
        let problem = loaded.problem
        #expect(problem.technicians.map(\.name) == ["王伟", "Anna Müller"])
        #expect(problem.technicians[0].van == "VAN-T1")
        #expect(problem.orders[1].customer.name == "C2")
        #expect(problem.orders[1].requiredSkills == [SkillRequirement(skill: "plumbing", minLevel: 1)])
        #expect(problem.orders[1].status == .new)
        // SLA deadlines come from the policy: P3 bumped to P2 for the VIP hotel, 2 h / 8 h round the clock.
        let vipOrder = problem.orders[0]
        #expect(vipOrder.createdAt.minutes(until: vipOrder.sla.firstResponse) == 120)
        #expect(problem.travel == .cityDefault)
        #expect(problem.policy == Policy())
    }

    @Test func anEmptyFileSaysSo() {
        for text in ["", "  \n"] {
            let found = issues(text)
            #expect(found.count == 1)
            #expect(found.first?.message.contains("empty") == true)
        }
    }

    @Test func notJSONNamesLineAndColumn() {
        let found = issues("{\n  \"name\": \"x\",\n  oops\n}")
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("not valid JSON") == true)
        #expect(found.first?.message.contains("column 3") == true)
        #expect(issues("[1, 2").first?.message.contains("end of file") == true)
        #expect(issues("\"just a string\"").first?.message.contains("expected an object") == true)
    }

    @Test func wrongTypesNameTheField() {
        let found = issues(broken("\"durationMinutes\": 60", "\"durationMinutes\": \"an hour\""))
        expectIssue(found, path: "orders[0].durationMinutes", contains: "expected a whole number, found a string")
        let fractional = issues(broken("\"durationMinutes\": 60", "\"durationMinutes\": 60.5"))
        expectIssue(fractional, path: "orders[0].durationMinutes", contains: "60.5")
        let notAList = issues(broken("\"skills\": [\"hvac\", \"plumbing\"]", "\"skills\": \"hvac\""))
        expectIssue(notAList, path: "skills", contains: "expected an array")
    }

    @Test func missingFieldsAreNamed() {
        let found = issues(broken("\"durationMinutes\": 30, ", ""))
        expectIssue(found, path: "orders[1].durationMinutes", contains: "missing required field")
        let noHome = issues(broken("\"homeBase\": {\"lat\": 52.5, \"lon\": 13.4},", ""))
        expectIssue(noHome, path: "technicians[0].homeBase", contains: "missing required field")
    }

    @Test func unknownSkill() {
        let found = issues(broken("{\"skill\": \"hvac\", \"minLevel\": 2}", "{\"skill\": \"hvca\", \"minLevel\": 2}"))
        expectIssue(found, path: "orders[0].requiredSkills[0].skill", contains: "unknown skill \"hvca\"", line: 18)
    }

    @Test func duplicateIds() {
        let technicians = issues(broken("{\"id\": \"T2\"", "{\"id\": \"T1\""))
        expectIssue(technicians, path: "technicians[1].id", contains: "duplicate technician id \"T1\"")
        let orders = issues(broken("\"202611000016\"", "\"202611000015\""))
        expectIssue(orders, path: "orders[1].number", contains: "duplicate work order number")
        let keys = issues(broken("\"name\": \"Small\",", "\"name\": \"Small\", \"name\": \"Again\","))
        #expect(keys.contains { $0.message.contains("\"name\" appears twice") && $0.line == 3 })
    }

    @Test func latitudeAndLongitudeOutOfRange() {
        let found = issues(broken("{\"lat\": 52.53, \"lon\": 13.42}", "{\"lat\": 95, \"lon\": -181}"))
        expectIssue(found, path: "orders[1].site.location.lat", contains: "latitude 95.0 is out of range")
        expectIssue(found, path: "orders[1].site.location.lon", contains: "longitude -181.0 is out of range")
    }

    @Test func windowEndBeforeStart() {
        let found = issues(broken("\"end\": \"2026-11-23T12:00:00+01:00\"", "\"end\": \"2026-11-23T08:00:00+01:00\""))
        expectIssue(found, path: "orders[0].windows[0].end", contains: "before start", line: 20)
    }

    @Test(arguments: ["0", "-15"])
    func nonPositiveDurations(value: String) {
        let found = issues(broken("\"durationMinutes\": 30", "\"durationMinutes\": \(value)"))
        expectIssue(found, path: "orders[1].durationMinutes", contains: "must be above zero")
    }

    /// Van capacity and an order's load are ordinary fields: read, written back, and checked for range.
    @Test func vanCapacityAndLoadRoundTripAndAreBounded() throws {
        let text = broken("\"durationMinutes\": 30,", "\"durationMinutes\": 30, \"load\": 7,")
            .replacingOccurrences(of: "\"homeBase\": {\"lat\": 52.5, \"lon\": 13.4},", with: "\"homeBase\": {\"lat\": 52.5, \"lon\": 13.4}, \"limits\": {\"vanCapacity\": 12},")
        let problem = try load(text).problem
        #expect(problem.technicians[0].limits.vanCapacity == 12 && problem.technicians[1].limits.vanCapacity == nil)
        #expect(problem.orders[1].load == 7 && problem.orders[0].load == 0)
        let written = try ProblemFileWriter.data(problem)
        #expect(try ProblemFileReader.load(bytes: Array(written)).problem == problem)
        #expect(!String(decoding: written, as: UTF8.self).contains("\"load\": 0"), "no load is not written")
        let negative = issues(broken("\"durationMinutes\": 30,", "\"durationMinutes\": 30, \"load\": -1,"))
        expectIssue(negative, path: "orders[1].load", contains: "must not be negative")
        let wrongType = issues(text.replacingOccurrences(of: "\"vanCapacity\": 12", with: "\"vanCapacity\": \"big\""))
        #expect(wrongType.contains { $0.path == "technicians[0].limits.vanCapacity" }, "\(wrongType.map(\.description))")
    }

    @Test func lockOnAnUnknownTechnician() {
        let found = issues(broken("{\"technicianId\": \"T2\"}", "{\"technicianId\": \"T9\"}"))
        expectIssue(found, path: "orders[1].lock.technicianId", contains: "unknown technician \"T9\"", line: 26)
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        var text = broken("\"durationMinutes\": 30", "\"durationMinutes\": 0")
        text = text.replacingOccurrences(of: "{\"technicianId\": \"T2\"}", with: "{\"technicianId\": \"T9\"}")
        text = text.replacingOccurrences(of: "\"priority\": \"P3\"", with: "\"priority\": \"urgent\"")
        text = text.replacingOccurrences(of: "\"level\": 3", with: "\"level\": 7")
        let found = issues(text)
        expectIssue(found, path: "orders[0].priority", contains: "\"urgent\" is not a priority")
        expectIssue(found, path: "orders[1].durationMinutes", contains: "must be above zero")
        expectIssue(found, path: "orders[1].lock.technicianId", contains: "unknown technician")
        expectIssue(found, path: "technicians[0].skills[0].level", contains: "must be 1 to 5")
    }

    @Test func aBrokenOrderDoesNotShiftTheIndexOfTheOnesAfterIt() {
        // orders[0] fails to read; the checks on orders[1] must still say orders[1].
        var text = broken("\"priority\": \"P3\"", "\"priority\": 3")
        text = text.replacingOccurrences(of: "\"durationMinutes\": 30", with: "\"durationMinutes\": -1")
        let found = issues(text)
        expectIssue(found, path: "orders[0].priority", contains: "expected a string, found a number")
        expectIssue(found, path: "orders[1].durationMinutes", contains: "must be above zero")
    }

    @Test func moreCrossChecks() {
        let unknownPart = issues(broken("{\"partId\": \"FLT-220\", \"quantity\": 2}", "{\"partId\": \"FLT-999\", \"quantity\": 0}"))
        expectIssue(unknownPart, path: "orders[0].requiredParts[0].partId", contains: "unknown part")
        expectIssue(unknownPart, path: "orders[0].requiredParts[0].quantity", contains: "must be above zero")
        let badNumber = issues(broken("\"202611000016\"", "\"2026-11-16\""))
        expectIssue(badNumber, path: "orders[1].number", contains: "12 digits")
        let badZone = issues(broken("\"Europe/Berlin\"", "\"Mars/Olympus\""))
        expectIssue(badZone, path: "horizon.timeZone", contains: "not a known IANA time zone")
        let shift = issues(broken("\"end\": \"2026-11-23T17:00:00+01:00\"}]},\n    {\"id\": \"T2\"", "\"end\": \"2026-11-23T07:00:00+01:00\"}]},\n    {\"id\": \"T2\""))
        expectIssue(shift, path: "technicians[0].shifts[0].end", contains: "before start")
        let started = issues(broken("\"lock\": {\"technicianId\": \"T2\"}", "\"status\": \"onSite\""))
        expectIssue(started, path: "orders[1].lock.technicianId", contains: "must name its technician")
        let version = issues(broken("\"formatVersion\": 1", "\"formatVersion\": 2"))
        expectIssue(version, path: "formatVersion", contains: "not supported")
    }

    @Test func unknownFieldsAreWarningsThatDoNotStopLoading() throws {
        let loaded = try load(broken("\"durationMinutes\": 30", "\"durationMinutes\": 30, \"duraton\": 40"))
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.path == "orders[1].duraton")
        #expect(loaded.warnings.first?.severity == .warning)
    }

    @Test func aMatrixMustMatchTheTechniciansAndOrders() throws {
        let matrix = "\"travel\": {\"model\": \"matrix\", \"durations\": [[0, 60], [60, 0]]},\n  \"technicians\""
        let found = issues(broken("\"technicians\"", matrix))
        expectIssue(found, path: "travel.durations", contains: "has 2 rows; expected 4")
        let square = (0..<4).map { row in "[" + (0..<4).map { $0 == row ? "0" : "300" }.joined(separator: ", ") + "]" }
        let good = "\"travel\": {\"model\": \"matrix\", \"durations\": [\(square.joined(separator: ", "))]},\n  \"technicians\""
        let loaded = try load(broken("\"technicians\"", good))
        guard case .matrix(let parsed) = loaded.problem.travel else {
            Issue.record("expected a matrix")
            return
        }
        #expect(parsed.seconds(0, 1) == 300)
    }

    @Test func issuesPrintLikeACompilersMessages() {
        let issue = ProblemIssue(.error, path: "orders[17].windows[0].end", line: 42, message: "before start")
        #expect(issue.formatted(file: "problem.json") == "problem.json:42: orders[17].windows[0].end: before start")
        #expect(issue.description == "line 42: orders[17].windows[0].end: before start")
    }
}
