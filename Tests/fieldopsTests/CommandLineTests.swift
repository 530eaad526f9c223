import Foundation
import Testing

/// Runs the built `fieldops` binary as a user would, and checks what it prints and its exit status.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: URL = {
        // Tests run from the build products folder, next to the `fieldops` binary they depend on.
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        return candidates.map { $0.appendingPathComponent("fieldops") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0].appendingPathComponent("fieldops")
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.repository
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fieldops-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func expectNoCrash(_ run: Run, sourceLocation: SourceLocation = #_sourceLocation) {
        for marker in ["Fatal error", "Stack dump", "Backtrace", "Segmentation", "💣"] {
            #expect(!run.stderr.contains(marker) && !run.stdout.contains(marker), "\(run.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test func validateSummarisesTheDemoProblem() throws {
        let result = try run(["validate", "data/demo/problem.json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Demo city day (Berlin)\n"))
        #expect(result.stdout.contains("Technicians  45,"))
        #expect(result.stdout.contains("Work orders  420,"))
        #expect(result.stdout.contains("data/demo/problem.json: valid"))
        #expect(!result.stdout.contains("\u{1B}["), "no colors when not on a terminal")
    }

    @Test(arguments: [
        ("", "empty.json:1: the file is empty"),
        ("{\"a\": }", "bad.json:1: not valid JSON"),
        ("[]", "bad.json:1: expected an object, found an array"),
    ])
    func validateRefusesBrokenFilesWithOneLinePerProblem(content: String, expected: String) throws {
        let directory = try temporaryDirectory()
        let name = content.isEmpty ? "empty.json" : "bad.json"
        let file = directory.appendingPathComponent(name)
        try Data(content.utf8).write(to: file)
        let result = try run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(expected.replacingOccurrences(of: name, with: file.path)), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        expectNoCrash(result)
    }

    @Test func validateListsEveryProblemWithFileLineAndPath() throws {
        let directory = try temporaryDirectory()
        let problem = try String(contentsOf: Self.repository.appendingPathComponent("data/demo/problem.json"), encoding: .utf8)
        // Break two things far apart: the first order's duration and the last technician's home latitude.
        let firstDuration = try #require(problem.range(of: "\"durationMinutes\": "))
        var broken = problem.replacingCharacters(in: firstDuration, with: "\"durationMinutes\": -")
        let lastLatitude = try #require(broken.range(of: "\"homeBase\": {\"lat\": ", options: .backwards))
        broken.replaceSubrange(lastLatitude, with: "\"homeBase\": {\"lat\": 1")
        let file = directory.appendingPathComponent("problem.json")
        try Data(broken.utf8).write(to: file)
        let result = try run(["validate", file.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(file.path + ":") && $0.contains("orders[0].durationMinutes: must be above zero") }, "\(lines)")
        #expect(lines.contains { $0.contains("technicians[44].homeBase.lat: latitude") && $0.contains("out of range") }, "\(lines)")
        #expect(lines.last?.contains("2 errors") == true)
        expectNoCrash(result)
    }

    @Test func aMissingFileIsAClearError() throws {
        let result = try run(["validate", "no/such/file.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no/such/file.json: no such file"))
        expectNoCrash(result)
    }

    @Test func generateIsDeterministicAndItsOutputValidates() throws {
        let directory = try temporaryDirectory()
        let first = directory.appendingPathComponent("a.json").path
        let second = directory.appendingPathComponent("b.json").path
        for out in [first, second] {
            let result = try run(["generate", "--technicians", "30", "--orders", "200", "--days", "2", "--seed", "9", "--out", out])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
        #expect(try run(["validate", first]).status == 0)
    }

    @Test func csvExportAndImportRoundTrip() throws {
        let directory = try temporaryDirectory()
        let export = try run(["export-csv", "data/demo/problem.json", "--out-dir", directory.path])
        #expect(export.status == 0, "\(export.stderr)")
        let out = directory.appendingPathComponent("imported.json").path
        let imported = try run([
            "import-csv", "--technicians", directory.appendingPathComponent("technicians.csv").path,
            "--orders", directory.appendingPathComponent("orders.csv").path,
            "--parts", directory.appendingPathComponent("parts.csv").path,
            "--base", "data/demo/problem.json", "--start", "2026-11-23", "--time-zone", "Europe/Berlin",
            "--name", "Demo city day (Berlin)", "--out", out,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let original = FileManager.default.contents(atPath: Self.repository.appendingPathComponent("data/demo/problem.json").path)
        #expect(FileManager.default.contents(atPath: out) == original)
    }

    @Test func aBadSpreadsheetWritesNothing() throws {
        let directory = try temporaryDirectory()
        let technicians = directory.appendingPathComponent("t.csv")
        let orders = directory.appendingPathComponent("o.csv")
        try Data("id,home_lat,home_lon,shift_start,shift_end\nT1,52.5,13.4,08:00,17:00\n".utf8).write(to: technicians)
        try Data("number,customer_id,lat,lon,duration_minutes,priority,created_at\n202611000001,C1,52.5,13.4,sixty,P2,2026-11-20T09:00:00Z\n".utf8).write(to: orders)
        let out = directory.appendingPathComponent("problem.json").path
        let result = try run(["import-csv", "--technicians", technicians.path, "--orders", orders.path, "--start", "2026-11-23", "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(orders.path):2: column duration_minutes: \"sixty\" is not a whole number"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        expectNoCrash(result)
    }

    @Test func badOptionsAreRefusedWithAMessage() throws {
        let result = try run(["generate", "--days", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--days must be 1 to 31"))
        expectNoCrash(result)
    }
}

@Suite struct PlanCommandTests {
    let cli = CommandLineTests()

    @Test func threadsAreRecordedRepeatableAndChecked() throws {
        let directory = try cli.temporaryDirectory()
        var plans: [String] = []
        for name in ["a.json", "b.json"] {
            let plan = directory.appendingPathComponent(name).path
            let planned = try cli.run(["plan", "data/demo/problem.json", "--iterations", "60", "--time-limit", "600", "--threads", "2", "--out", plan])
            #expect(planned.status == 0, "\(planned.stderr)")
            plans.append(plan)
        }
        let first = try String(contentsOfFile: plans[0], encoding: .utf8)
        let second = try String(contentsOfFile: plans[1], encoding: .utf8)
        #expect(first.contains(#""threads": 2"#))
        let withoutTimes = { (text: String) in text.split(separator: "\n").filter { !$0.contains("elapsedSeconds") } }
        #expect(withoutTimes(first) == withoutTimes(second), "a seed, a thread count and an iteration limit give the same plan")
        let refused = try cli.run(["plan", "data/demo/problem.json", "--threads", "0"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--threads must be 1 to 256"))
    }

    @Test func planExplainInsertAndReoptimizeTheDemo() throws {
        let directory = try cli.temporaryDirectory()
        let plan = directory.appendingPathComponent("plan.json").path
        let planned = try cli.run(["plan", "data/demo/problem.json", "--iterations", "30", "--time-limit", "60", "--out", plan])
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.hasPrefix("Demo city day (Berlin)  0 hard / "), "\(planned.stdout.prefix(200))")
        #expect(planned.stdout.contains("Unassigned"))
        #expect(!planned.stderr.contains("\u{1B}"), "no progress line when standard error is not a terminal")

        let explained = try cli.run(["explain", plan, "202611000016"])
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("Assigned to") || explained.stdout.contains("Unassigned:"))
        #expect(explained.stdout.contains("Ruled out:"))
        let unknown = try cli.run(["explain", plan, "209912999999"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no work order 209912999999 in this plan"))

        let order = directory.appendingPathComponent("order.json")
        try Data(#"{"number": "202611009001", "customer": {"id": "C-X", "name": "Krankenhaus", "vip": true}, "site": {"location": {"lat": 52.525, "lon": 13.39}}, "requiredSkills": [{"skill": "plumbing"}], "durationMinutes": 30, "priority": "P1", "createdAt": "2026-11-23T05:00:00Z"}"#.utf8).write(to: order)
        let plan2 = directory.appendingPathComponent("plan2.json").path
        let inserted = try cli.run(["insert", plan, "--order", order.path, "--out", plan2])
        #expect(inserted.status == 0, "\(inserted.stderr)")
        #expect(inserted.stdout.hasPrefix("202611009001 → T"))
        let again = try cli.run(["insert", plan2, "--order", order.path, "--out", plan2 + ".x"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already in the plan"))
        #expect(!FileManager.default.fileExists(atPath: plan2 + ".x"))

        let plan3 = directory.appendingPathComponent("plan3.json").path
        let replanned = try cli.run([
            "plan", "data/demo/problem.json", "--published", plan, "--freeze-minutes", "120",
            "--now", "2026-11-23T09:00:00+01:00", "--iterations", "20", "--time-limit", "60", "--out", plan3,
        ])
        #expect(replanned.status == 0, "\(replanned.stderr)")
        #expect(replanned.stdout.contains("Changes against the published plan"))
    }

    @Test func aFileThatIsNotAPlanIsNamed() throws {
        let result = try cli.run(["explain", "data/demo/problem.json", "202611000016"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("data/demo/problem.json: not a FieldOps plan: missing"), "\(result.stderr)")
        cli.expectNoCrash(result)
    }
}

@Suite struct StockCommandTests {
    let cli = CommandLineTests()

    @Test func aWorkedExampleOnARealDatabaseFile() throws {
        let directory = try cli.temporaryDirectory()
        let db = directory.appendingPathComponent("stock.sqlite").path
        func stock(_ arguments: [String]) throws -> CommandLineTests.Run {
            try cli.run(["stock"] + arguments + ["--db", db])
        }
        let setup = try stock(["setup", "--problem", "data/demo/problem.json", "--warehouse", "WH-CENTRAL=Zentrallager"])
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(setup.stdout.contains("26 parts, 1 warehouses, 45 vans"))
        #expect(try stock(["receive", "--part", "FLT-220", "--to", "WH-CENTRAL", "--quantity", "40", "--unit-cost", "1200", "--key", "po-1"]).status == 0)
        let replay = try stock(["receive", "--part", "FLT-220", "--to", "WH-CENTRAL", "--quantity", "40", "--unit-cost", "1200", "--key", "po-1"])
        #expect(replay.stdout.contains("already recorded under this key"))
        #expect(try stock(["transfer", "--part", "FLT-220", "--from", "WH-CENTRAL", "--to", "V001", "--quantity", "2"]).status == 0)
        let consumed = try stock(["consume", "--part", "FLT-220", "--van", "V001", "--quantity", "3", "--order", "202611000015"])
        #expect(consumed.status == 0)
        #expect(consumed.stdout.contains("discrepancy 1 raised: V001 holds -1 of FLT-220"))
        let tooMany = try stock(["transfer", "--part", "FLT-220", "--from", "WH-CENTRAL", "--to", "V002", "--quantity", "100"])
        #expect(tooMany.status == 1)
        #expect(tooMany.stderr.contains("refused (insufficient_stock): not enough FLT-220 at WH-CENTRAL: 38 available, 100 asked"))
        let unknown = try stock(["receive", "--part", "NOPE", "--to", "WH-CENTRAL", "--quantity", "1", "--unit-cost", "1"])
        #expect(unknown.stderr.contains("unknown part NOPE"))
        #expect(try stock(["adjust", "--part", "FLT-220", "--location", "V001", "--counted", "0"]).status == 0)
        #expect(try stock(["discrepancies"]).stdout.contains("no open discrepancies"))
        let balance = try stock(["balance", "--location", "WH-CENTRAL", "--json"])
        #expect(balance.stdout.contains("\"onHand\": 38"), "\(balance.stdout)")
        let value = try stock(["value"])
        #expect(value.stdout.contains("WH-CENTRAL  456.00"), "\(value.stdout)")
        let cost = try stock(["value", "--order", "202611000015"])
        #expect(cost.stdout.contains("FLT-220     3  36.00"), "\(cost.stdout)")
        let ledger = try stock(["ledger", "--part", "FLT-220"])
        #expect(ledger.stdout.split(separator: "\n").count == 5, "header and four entries: \(ledger.stdout)")
        // Taking the transfer back would leave V001 below zero: refused. The consumption can be reversed, once.
        #expect(try stock(["reverse", "--entry", "2"]).stderr.contains("not enough FLT-220 at V001: 0 available, 2 asked"))
        let reversed = try stock(["reverse", "--entry", "3"])
        #expect(reversed.status == 0, "\(reversed.stderr)")
        #expect(try stock(["reverse", "--entry", "3"]).stderr.contains("entry 3 was already reversed by entry 5"))
        #expect(try stock(["reorder-point", "--part", "FLT-220", "--location", "WH-CENTRAL", "--point", "50", "--quantity", "100"]).status == 0)
        #expect(try stock(["reorder"]).stdout.contains("WH-CENTRAL  FLT-220"))
    }

    @Test func replenishmentFromAPlan() throws {
        let directory = try cli.temporaryDirectory()
        let db = directory.appendingPathComponent("stock.sqlite").path
        let plan = directory.appendingPathComponent("plan.json").path
        #expect(try cli.run(["plan", "data/demo/problem.json", "--iterations", "0", "--time-limit", "0", "--out", plan]).status == 0)
        #expect(try cli.run(["stock", "setup", "--db", db, "--problem", "data/demo/problem.json", "--warehouse", "WH1", "--warehouse", "WH2"]).status == 0)
        #expect(try cli.run(["stock", "receive", "--db", db, "--part", "FLT-220", "--to", "WH2", "--quantity", "500", "--unit-cost", "1000"]).status == 0)
        let result = try cli.run(["stock", "replenish", "--db", db, "--plan", plan])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Van loading for 2026-11-23"))
        let filterLines = result.stdout.split(separator: "\n").filter { $0.contains("FLT-220") }
        #expect(!filterLines.isEmpty)
        #expect(filterLines.allSatisfy { $0.contains("WH2") }, "filters come from the warehouse that has them: \(filterLines)")
        #expect(result.stdout.contains("Reorder"))
        let missing = try cli.run(["stock", "replenish", "--db", directory.appendingPathComponent("empty.sqlite").path, "--plan", plan])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("is not in the stock book"))
    }
}

@Suite struct BenchmarkCommandTests {
    let cli = CommandLineTests()

    @Test func trspPrintsEveryRequestOnceWithItsTechnicianAndDepotVisits() throws {
        let result = try cli.run(["trsp", "data/benchmarks/trsp/pillac2013/crew25/C101.100_25-5-5-5.txt", "--time-limit", "0.5", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        struct Route: Decodable { var technician: Int; var visits: [Int] }
        struct Output: Decodable { var instance: String; var duration: Double; var distance: Double; var routes: [Route] }
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(output.instance == "C101.100_25-5-5-5")
        let requests = output.routes.flatMap { $0.visits.filter { $0 != 0 } }
        #expect(requests.sorted() == Array(1...100))
        #expect(output.routes.allSatisfy { (1...25).contains($0.technician) && $0.visits.filter { $0 == 0 }.count <= 1 })
        // Working time includes 100 services of 90 minutes.
        #expect(output.duration > 9_000 + output.distance - 1e-6)
    }

    @Test(arguments: [
        ("trsp", "bad.txt", "X\n\nINFO\nCREW COUNT\n1 1 1 1\n\nDEPOT TECHNICIANS AND REQUESTS\nID X Y\n0 1 2 3\n",
         "bad.txt:9: expected three bracketed lists"),
        ("vrptw", "bad.vrp", "NAME : X\nNODE_COORD_SECTION\n1 0 0\n", "bad.vrp"),
    ])
    func benchmarkCommandsNameWhatIsWrongInAMalformedFile(command: String, name: String, content: String, message: String) throws {
        let file = try cli.temporaryDirectory().appendingPathComponent(name)
        try content.write(to: file, atomically: true, encoding: .utf8)
        let refused = try cli.run([command, file.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(message), "\(refused.stderr)")
        cli.expectNoCrash(refused)
    }
}
