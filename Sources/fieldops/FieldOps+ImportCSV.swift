import ArgumentParser
import FieldOpsModel

extension FieldOps {
    struct ImportCSV: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-csv",
            abstract: "Build a problem file from technicians and work orders kept in spreadsheets (CSV).",
            discussion: "Column layouts are in docs/problem-format.md. Policy, travel model and extra catalog entries come from --base.")

        @Option(help: "Technicians CSV.") var technicians: String
        @Option(help: "Work orders CSV.") var orders: String
        @Option(help: "Parts catalog CSV.") var parts: String?
        @Option(help: "A problem file whose policy, travel model, skills and parts are kept.") var base: String?
        @Option(help: "First day of the horizon (YYYY-MM-DD).") var start: String
        @Option(help: "Days in the horizon.") var days: Int = 1
        @Option(help: "Time zone of the horizon; shift and window times in the CSV are local to it.") var timeZone: String = "UTC"
        @Option(help: "Name written into the problem.") var name: String?
        @Option(help: "Where to write the problem (JSON).") var out: String

        func validate() throws {
            guard LocalDate(start) != nil else { throw ValidationError("--start must be a date of the form YYYY-MM-DD") }
            guard (1...366).contains(days) else { throw ValidationError("--days must be 1 to 366") }
            guard TimeZoneID(timeZone) != nil else { throw ValidationError("--time-zone \(timeZone) is not a known IANA time zone") }
        }

        func run() async throws {
            try await reportingFailures {
                let horizon = Horizon(start: LocalDate(start)!, days: days, timeZone: TimeZoneID(timeZone)!)
                let baseProblem = try base.map { try loadProblem($0).problem }
                let sources = CSVImport.Sources(
                    technicians: (technicians, try readTextFile(technicians)),
                    orders: (orders, try readTextFile(orders)),
                    parts: try parts.map { ($0, try readTextFile($0)) })
                let loaded: LoadedProblem
                do {
                    loaded = try CSVImport.problem(from: sources, horizon: horizon, base: baseProblem, name: name)
                } catch let error as ProblemFileError {
                    throw CommandFailure(file: orders, error)
                }
                for warning in loaded.warnings { StandardError.write([warning.formatted(file: orders)]) }
                let data = try ProblemFileWriter.data(loaded.problem)
                try writeFile(data, to: out)
                StandardError.write(["wrote \(out): \(loaded.problem.technicians.count) technicians, \(loaded.problem.orders.count) orders"])
            }
        }
    }
}
