import Foundation
import Testing

/// Broken problem files, spreadsheets and stock commands, each as a user or an attacker would make them: every one
/// is refused with a message that says where (file and line, field path or option) and a non-zero exit, and none
/// crashes the process. The device side of the corpus is in FieldOpsServerTests (BrokenRequestCorpusTests).
extension CommandLineTests {
    /// A small valid problem, generated once per test.
    func baseProblem(in directory: URL) throws -> (URL, [String: Any]) {
        let file = directory.appendingPathComponent("base.json")
        let generated = try run(["generate", "--technicians", "3", "--orders", "6", "--days", "1", "--seed", "5", "--out", file.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        return (file, json)
    }

    /// `root` with `value` at `path` (keys and indexes).
    static func setting(_ value: Any, at path: ArraySlice<PathStep>, in root: Any) -> Any {
        guard let step = path.first else { return value }
        switch step {
        case .key(let key):
            var object = root as? [String: Any] ?? [:]
            object[key] = setting(value, at: path.dropFirst(), in: object[key] ?? [String: Any]())
            return object
        case .index(let index):
            var array = root as? [Any] ?? []
            array[index] = setting(value, at: path.dropFirst(), in: array[index])
            return array
        }
    }

    enum PathStep: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, Sendable {
        case key(String)
        case index(Int)
        init(stringLiteral value: String) { self = .key(value) }
        init(integerLiteral value: Int) { self = .index(value) }
    }

    struct ProblemCase: Sendable, CustomTestStringConvertible {
        var name: String
        var path: [PathStep]
        var value: @Sendable () -> Any
        /// What the error must name: the field path.
        var names: String
        var testDescription: String { name }
    }

    static let problemCases: [ProblemCase] = [
        .init(name: "duration Int.max", path: ["orders", 0, "durationMinutes"], value: { Int.max }, names: "orders[0].durationMinutes"),
        .init(name: "duration zero", path: ["orders", 0, "durationMinutes"], value: { 0 }, names: "orders[0].durationMinutes"),
        .init(name: "standard cost near 2^63", path: ["parts", 0, "standardCost"], value: { Int.max - 1 }, names: "parts[0].standardCost"),
        .init(name: "negative standard cost", path: ["parts", 0, "standardCost"], value: { -1 }, names: "parts[0].standardCost"),
        .init(name: "initial stock 2^63-1", path: ["initialStock", 0, "quantity"], value: { Int.max }, names: "initialStock[0].quantity"),
        .init(name: "300,000 serialized units", path: ["initialStock", 4, "quantity"], value: { 300_000 }, names: "initialStock[4].quantity"),
        .init(name: "max jobs Int.max", path: ["technicians", 0, "limits", "maxJobsPerDay"], value: { Int.max }, names: "technicians[0].limits.maxJobsPerDay"),
        .init(name: "overtime 10^11 minutes", path: ["technicians", 0, "limits", "overtimeMinutes"], value: { 99_999_999_999 }, names: "technicians[0].limits.overtimeMinutes"),
        .init(name: "negative working minutes", path: ["technicians", 0, "limits", "maxWorkingMinutes"], value: { -5 }, names: "technicians[0].limits.maxWorkingMinutes"),
        .init(name: "SLA of 10^17 days", path: ["policy", "sla", "targets", "P1", "resolution"], value: { "99999999999999999d" }, names: "policy.sla.targets.P1.resolution"),
        .init(name: "SLA of nonsense", path: ["policy", "sla", "targets", "P2", "firstResponse"], value: { "soon" }, names: "policy.sla.targets.P2.firstResponse"),
        .init(name: "travel weight 9e18", path: ["policy", "weights", "travelMinute"], value: { 9_000_000_000_000_000_000 as Int }, names: "policy.weights.travelMinute"),
        .init(name: "unassigned weight huge", path: ["policy", "weights", "unassigned", "P1"], value: { Int.max }, names: "policy.weights.unassigned.P1"),
        .init(name: "escalation step negative", path: ["policy", "sla", "escalationStepsMinutes", 0], value: { -1 }, names: "policy.sla.escalationStepsMinutes[0]"),
        .init(name: "required parts 2^62", path: ["orders", 0, "requiredParts"], value: { [["partId": "FLT-220", "quantity": 1 << 62]] }, names: "orders[0].requiredParts[0].quantity"),
        .init(name: "latitude 1000", path: ["orders", 1, "site", "location", "lat"], value: { 1000.0 }, names: "orders[1].site.location.lat"),
        .init(name: "horizon of no days", path: ["horizon", "days"], value: { 0 }, names: "horizon.days"),
        .init(name: "order number not a number", path: ["orders", 2, "number"], value: { "abc" }, names: "orders[2].number"),
        .init(name: "duplicate technician", path: ["technicians", 1, "id"], value: { "T001" }, names: "technicians[1].id"),
        .init(name: "road factor zero", path: ["travel", "roadFactor"], value: { 0.0 }, names: "travel.roadFactor"),
        .init(name: "lock to nobody known", path: ["orders", 3, "lock"], value: { ["technicianId": "T999"] }, names: "orders[3].lock.technicianId"),
        .init(name: "duration as text", path: ["orders", 0, "durationMinutes"], value: { "an hour" }, names: "orders[0].durationMinutes"),
        .init(name: "shift ends before it starts", path: ["technicians", 2, "shifts", 0, "end"], value: { "2026-11-23T05:00:00Z" }, names: "technicians[2].shifts[0].end"),
    ]

    @Test(arguments: problemCases)
    func aBrokenProblemFileIsRefusedWithItsPlace(_ broken: ProblemCase) throws {
        let directory = try temporaryDirectory()
        let (_, base) = try baseProblem(in: directory)
        let file = directory.appendingPathComponent("broken.json")
        let changed = Self.setting(broken.value(), at: broken.path[...], in: base)
        try JSONSerialization.data(withJSONObject: changed, options: [.prettyPrinted, .sortedKeys]).write(to: file)
        for arguments in [["validate", file.path], ["import", "--db", directory.appendingPathComponent("x.sqlite").path, file.path]] {
            let result = try run(arguments)
            #expect(result.status == 1, "\(arguments[0]): \(result.stdout)")
            #expect(result.stderr.contains("\(file.path):"), "names the file: \(result.stderr)")
            #expect(result.stderr.contains(broken.names), "names \(broken.names): \(result.stderr)")
            expectNoCrash(result)
        }
    }

    /// Byte-level damage the JSON writer cannot make.
    @Test(arguments: [
        ("invalid UTF-8 in a name", "T001", "\u{FFFF}", "the value of \"id\" is not valid UTF-8"),
        ("a number out of range", "52.5", "1e400", "number out of range"),
        ("cut in half", "", "", "unexpected end of file"),
    ])
    func aDamagedProblemFileIsRefusedWithItsLine(name: String, find: String, replace: String, expected: String) throws {
        let directory = try temporaryDirectory()
        let (source, _) = try baseProblem(in: directory)
        var bytes = Array(try Data(contentsOf: source))
        if name == "cut in half" {
            bytes = Array(bytes.prefix(bytes.count / 2))
        } else if replace == "\u{FFFF}" {
            let text = Array("\"T001\"".utf8)
            let at = try #require(bytes.firstRange(of: text))
            bytes.replaceSubrange(at, with: Array("\"T0".utf8) + [0xC3, 0x28] + Array("1\"".utf8))
        } else {
            let text = String(decoding: bytes, as: UTF8.self)
            let at = try #require(text.range(of: find))
            bytes = Array(text.replacingCharacters(in: at, with: replace).utf8)
        }
        let file = directory.appendingPathComponent("damaged.json")
        try Data(bytes).write(to: file)
        let result = try run(["validate", file.path])
        #expect(result.status == 1)
        let line = result.stderr.split(separator: "\n").first { $0.contains(expected) }
        #expect(line?.hasPrefix("\(file.path):") == true && line.map { $0.dropFirst(file.path.count + 1).first?.isNumber == true } == true,
                "FILE:LINE: \(result.stderr)")
        expectNoCrash(result)
    }

    struct SheetCase: Sendable, CustomTestStringConvertible {
        var name: String
        var sheet: String
        var column: String
        var value: String
        var testDescription: String { name }
    }

    static let sheetCases: [SheetCase] = [
        .init(name: "duration 10^20", sheet: "orders", column: "duration_minutes", value: "99999999999999999999"),
        .init(name: "duration Int.max", sheet: "orders", column: "duration_minutes", value: "9223372036854775807"),
        .init(name: "latitude as a word", sheet: "orders", column: "lat", value: "north"),
        .init(name: "max jobs huge", sheet: "technicians", column: "max_jobs_per_day", value: "9223372036854775807"),
        .init(name: "overtime negative", sheet: "technicians", column: "overtime_minutes", value: "-30"),
        .init(name: "standard cost near 2^63", sheet: "parts", column: "standard_cost", value: "9223372036854775806"),
        .init(name: "invalid UTF-8", sheet: "orders", column: "customer_name", value: "\u{FFFF}"),
    ]

    @Test(arguments: sheetCases)
    func aBrokenSpreadsheetIsRefusedWithFileAndLine(_ broken: SheetCase) throws {
        let directory = try temporaryDirectory()
        let (source, _) = try baseProblem(in: directory)
        let sheets = directory.appendingPathComponent("sheets")
        try FileManager.default.createDirectory(at: sheets, withIntermediateDirectories: true)
        #expect(try run(["export-csv", source.path, "--out-dir", sheets.path]).status == 0)
        let file = sheets.appendingPathComponent("\(broken.sheet).csv")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: broken.column))
        var cells = Self.cells(lines[1])
        cells[column] = broken.value == "\u{FFFF}" ? "@@BAD@@" : broken.value
        lines[1] = cells.joined(separator: ",")
        var bytes = Array(lines.joined(separator: "\n").utf8)
        if let at = bytes.firstRange(of: Array("@@BAD@@".utf8)) { bytes.replaceSubrange(at, with: [0xFF, 0xFE]) }
        try Data(bytes).write(to: file)
        let result = try run([
            "import-csv", "--technicians", sheets.appendingPathComponent("technicians.csv").path,
            "--orders", sheets.appendingPathComponent("orders.csv").path, "--parts", sheets.appendingPathComponent("parts.csv").path,
            "--start", "2026-11-23", "--out", directory.appendingPathComponent("out.json").path,
        ])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("\(file.path):2"), "names the file and line 2: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.json").path), "nothing half-written")
        expectNoCrash(result)
    }

    /// The raw cells of a CSV line (quotes kept), split at commas outside quotes.
    static func cells(_ line: String) -> [String] {
        var cells = [""]
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() }
            if character == "," && !quoted { cells.append("") } else { cells[cells.count - 1].append(character) }
        }
        return cells
    }

    struct StockCase: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        /// What the refusal must name: the option, or the refused rule.
        var names: String
        var testDescription: String { name }
    }

    static let stockCases: [StockCase] = [
        .init(name: "receive 2^63-1", arguments: ["receive", "--part", "FLT-220", "--to", "WH-CENTRAL", "--quantity", "9223372036854775807", "--unit-cost", "1"], names: "--quantity"),
        .init(name: "receive at a cost of 10^17", arguments: ["receive", "--part", "FLT-220", "--to", "WH-CENTRAL", "--quantity", "1", "--unit-cost", "99999999999999999"], names: "--unit-cost"),
        .init(name: "receive nothing", arguments: ["receive", "--part", "FLT-220", "--to", "WH-CENTRAL", "--quantity", "0", "--unit-cost", "1"], names: "--quantity"),
        .init(name: "receive 10^20", arguments: ["receive", "--part", "FLT-220", "--to", "WH-CENTRAL", "--quantity", "99999999999999999999", "--unit-cost", "1"], names: "--quantity"),
        .init(name: "consume 2^63-1", arguments: ["consume", "--part", "FLT-220", "--van", "V001", "--quantity", "9223372036854775807", "--order", "202611000015"], names: "--quantity"),
        .init(name: "transfer 10^12", arguments: ["transfer", "--part", "FLT-220", "--from", "WH-CENTRAL", "--to", "V001", "--quantity", "1000000000000"], names: "--quantity"),
        .init(name: "count 10^13", arguments: ["adjust", "--part", "FLT-220", "--location", "V001", "--counted", "10000000000000"], names: "--counted"),
        .init(name: "reorder point negative", arguments: ["reorder-point", "--part", "FLT-220", "--location", "WH-CENTRAL", "--point", "-5", "--quantity", "10"], names: "--point"),
        .init(name: "unknown part", arguments: ["receive", "--part", "NOPE-1", "--to", "WH-CENTRAL", "--quantity", "1", "--unit-cost", "1"], names: "unknown_part"),
        .init(name: "more than there is", arguments: ["transfer", "--part", "FLT-220", "--from", "WH-CENTRAL", "--to", "V001", "--quantity", "999999999"], names: "insufficient_stock"),
        .init(name: "reverse an entry that does not exist", arguments: ["reverse", "--entry", "999999"], names: "unknown_entry"),
    ]

    @Test(arguments: stockCases)
    func aBrokenStockCommandIsRefusedAndChangesNothing(_ broken: StockCase) throws {
        let directory = try temporaryDirectory()
        let (source, _) = try baseProblem(in: directory)
        let database = directory.appendingPathComponent("stock.sqlite").path
        #expect(try run(["stock", "setup", "--db", database, "--problem", source.path, "--warehouse", "WH-CENTRAL=Zentrallager"]).status == 0)
        #expect(try run(["stock", "receive", "--db", database, "--part", "FLT-220", "--to", "WH-CENTRAL", "--quantity", "5", "--unit-cost", "100"]).status == 0)
        let before = try run(["stock", "ledger", "--db", database, "--json"]).stdout
        let result = try run(["stock"] + [broken.arguments[0], "--db", database] + broken.arguments.dropFirst())
        #expect(result.status != 0)
        #expect(result.stderr.contains(broken.names), "names \(broken.names): \(result.stderr)")
        expectNoCrash(result)
        #expect(try run(["stock", "ledger", "--db", database, "--json"]).stdout == before, "nothing was booked")
    }
}
