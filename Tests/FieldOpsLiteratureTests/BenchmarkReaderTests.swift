import FieldOpsLiterature
import FieldOpsScheduler
import Foundation
import Testing

/// The literature's instances (copied from shared/benchmarks into data/benchmarks): every file reads, solutions
/// recompute to their published values, and malformed files are refused with where.
@Suite struct BenchmarkReaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data/benchmarks")

    static func files(_ folder: String, _ suffix: String) -> [URL] {
        let directory = root.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func allFiftySixSolomonInstancesRead() throws {
        let files = Self.files("vrptw/solomon", ".txt")
        #expect(files.count == 56)
        for file in files {
            let instance = try SolomonReader.read(try Self.text(file), file: file.lastPathComponent)
            #expect(instance.customers == 100, "\(file.lastPathComponent)")
            #expect(instance.name == file.deletingPathExtension().lastPathComponent)
            #expect(instance.vehicles == 25 && instance.capacity > 0)
        }
        let c101 = try SolomonReader.read(try Self.text(Self.root.appendingPathComponent("vrptw/solomon/C101.txt")), file: "C101.txt")
        #expect(c101.nodes[0].due == 1236)
        #expect(c101.nodes[1].x == 45 && c101.nodes[1].ready == 912 && c101.nodes[1].service == 90)
    }

    @Test func theGehringHombergerFilesRead() throws {
        let files = Self.files("vrptw/homberger", ".vrp")
        #expect(files.count == 6)
        for file in files {
            let instance = try VRPLIBReader.read(try Self.text(file), file: file.lastPathComponent)
            #expect(instance.customers == 200, "\(file.lastPathComponent)")
            #expect(instance.nodes[0].service == 0 && instance.nodes[1].service > 0)
        }
    }

    /// Every published distance-only route set recomputes to its value: exactly under the DIMACS convention (each
    /// arc truncated to one decimal), and to the double-precision column, with the same feasibility.
    @Test func knownSolutionsRecomputeToTheirPublishedDistances() throws {
        let bks = try BestKnownTable.read(try Self.text(Self.root.appendingPathComponent("vrptw/bks.csv")), file: "bks.csv")
        var checked = 0
        for file in Self.files("vrptw/solomon_solutions_dimacs", ".sol") {
            let name = file.deletingPathExtension().lastPathComponent
            let instance = try SolomonReader.read(try Self.text(Self.root.appendingPathComponent("vrptw/solomon/\(name).txt")), file: name)
            let solution = try VRPTWSolution.read(try Self.text(file), file: file.lastPathComponent)
            let dimacs = solution.check(instance, truncateArcs: true)
            #expect(dimacs.isFeasible, "\(name): \(dimacs.violations.prefix(2))")
            #expect(abs(dimacs.distance - bks.number(name, "dist_opt_dimacs")!) < 0.05, "\(name) DIMACS \(dimacs.distance)")
            let double = solution.check(instance)
            #expect(abs(double.distance - bks.number(name, "dist_opt_routes_in_double")!) < 0.006, "\(name) double \(double.distance)")
            #expect(double.isFeasible == (bks.rows[name]?["dist_opt_routes_feasible_in_double"] == "True"), "\(name) feasibility in double precision")
            checked += 1
        }
        #expect(checked == 56)
        // C101 by hand-checked figures: 10 vehicles, 827.3 truncated, 828.94 in double precision.
        let c101 = try SolomonReader.read(try Self.text(Self.root.appendingPathComponent("vrptw/solomon/C101.txt")), file: "C101")
        let routes = try VRPTWSolution.read(try Self.text(Self.root.appendingPathComponent("vrptw/solomon_solutions_dimacs/C101.sol")), file: "C101.sol")
        #expect(routes.routes.count == 10)
        #expect((routes.check(c101).distance * 100).rounded() / 100 == 828.94)
    }

    @Test func thePillacTechnicianInstancesRead() throws {
        let files = Self.files("trsp/pillac2013/crew25", ".txt")
        #expect(files.count == 56)
        let bks = try BestKnownTable.read(try Self.text(Self.root.appendingPathComponent("trsp/pillac2013/bks.csv")), file: "bks.csv")
        for file in files {
            let instance = try TRSPInstance.read(try Self.text(file), file: file.lastPathComponent)
            #expect(instance.technicians.count == 25 && instance.requests.count == 100, "\(file.lastPathComponent)")
            #expect(instance.requests.allSatisfy { $0.skills.count == 1 && $0.parts.count == instance.partTypes })
            #expect(instance.technicians.allSatisfy { $0.parts.count == instance.partTypes })
            #expect(bks.number(instance.name, "bks_total_duration") != nil, "\(instance.name) has a best known value")
            // Requests are the Solomon customers in order.
            let solomon = try SolomonReader.read(try Self.text(Self.root.appendingPathComponent("vrptw/solomon/\(instance.name.prefix { $0 != "." }).txt")), file: "solomon")
            #expect(instance.requests.enumerated().allSatisfy { $1.x == solomon.nodes[$0 + 1].x && $1.windowEnd == solomon.nodes[$0 + 1].due })
        }
    }

    @Test func malformedFilesSayWhatAndWhere() {
        #expect(throws: InstanceFileError.self) { try SolomonReader.read("", file: "empty.txt") }
        do {
            _ = try SolomonReader.read("X1\n\nVEHICLE\nNUMBER CAPACITY\n 25 200\n\nCUSTOMER\nCUST NO.\n\n 0 40 50 0 0 1236 0\n 1 45 68 ten 912 967 90\n", file: "bad.txt")
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description == "bad.txt:11: expected 7 numbers (id x y demand ready due service), found \"1 45 68 ten 912 967 90\"")
        }
        #expect(throws: InstanceFileError.self) { try VRPLIBReader.read("NAME : X\nNODE_COORD_SECTION\n1 0 0\n", file: "x.vrp") }
        #expect(throws: InstanceFileError.self) { try TRSPInstance.read("X\n", file: "x.txt") }
        let header = "X\n\nINFO\nCREW COUNT  SKILLS  TOOLS   SPARE PARTS\n1 1 1 2\n\nDEPOT TECHNICIANS AND REQUESTS\nID X Y\n0 1 2 0 9 0 []\t[]\t[]\n"
        for (row, message) in [("1 0 0 0 9 0 [0]\t[0]\t[1]", "x.txt:10: expected 2 spare-part counts, found 1"),
                               ("1 0 0 0 9 0 [0]\t[a]\t[1,0]", "x.txt:10: expected whole numbers in [a]"),
                               ("1 0 0 0 9 0 [0]\t[0]", "x.txt:10: expected ID X Y TWS TWE Serv and three lists")] {
            do {
                _ = try TRSPInstance.read(header + row + "\n", file: "x.txt")
                Issue.record("expected a refusal of \(row)")
            } catch {
                #expect(error.description == message)
            }
        }
        #expect(throws: InstanceFileError.self) { try VRPTWSolution.read("Route #1 3 4\n", file: "x.sol") }
    }
}

@Suite struct VRPTWSolverTests {
    /// The engine's VRPTW solutions pass the independent checker (every customer once, capacity, fleet, windows).
    @Test(arguments: ["C101", "R101", "RC105", "C201"])
    func solutionsAreFeasible(name: String) throws {
        let url = BenchmarkReaderTests.root.appendingPathComponent("vrptw/solomon/\(name).txt")
        let instance = try SolomonReader.read(try String(contentsOf: url, encoding: .utf8), file: name)
        var tick = 0.0
        let result = VRPTWSolver.solve(instance, options: SolverOptions(timeLimit: .infinity, iterationLimit: 30, seed: 1), clock: { tick += 0.001; return tick })
        #expect(result.check.isFeasible, "\(name): \(result.check.violations.prefix(3))")
        #expect(result.solution.routes.count <= instance.vehicles)
        #expect(Set(result.solution.routes.flatMap { $0 }) == Set(1...100))
    }

    @Test func capacityIsAHardRule() throws {
        let url = BenchmarkReaderTests.root.appendingPathComponent("vrptw/solomon/C101.txt")
        var instance = try SolomonReader.read(try String(contentsOf: url, encoding: .utf8), file: "C101")
        instance.capacity = 60
        var tick = 0.0
        let result = VRPTWSolver.solve(instance, options: SolverOptions(timeLimit: .infinity, iterationLimit: 10, seed: 1), clock: { tick += 0.001; return tick })
        for route in result.solution.routes {
            #expect(route.reduce(0) { $0 + instance.nodes[$1].demand } <= 60)
        }
    }
}
