import ArgumentParser
import FieldOpsModel

extension FieldOps {
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a realistic problem from a seed (the same seed gives the same file).",
            discussion: "data/demo/problem.json is: fieldops generate --technicians 45 --orders 420 --days 1 --seed 7 --name \"Demo city day (Berlin)\" --out data/demo/problem.json")

        @Option(help: "Number of technicians.") var technicians: Int = 45
        @Option(help: "Number of work orders.") var orders: Int = 420
        @Option(help: "Days in the horizon.") var days: Int = 1
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Option(help: "First day of the horizon (YYYY-MM-DD).") var start: String = "2026-11-23"
        @Option(help: "Time zone of the horizon.") var timeZone: String = "Europe/Berlin"
        @Option(help: "Name written into the problem.") var name: String?
        @Option(help: "Where to write the problem (JSON); standard output when left out.") var out: String?

        func validate() throws {
            guard (1...5_000).contains(technicians) else { throw ValidationError("--technicians must be 1 to 5000") }
            guard (0...200_000).contains(orders) else { throw ValidationError("--orders must be 0 to 200000") }
            guard (1...31).contains(days) else { throw ValidationError("--days must be 1 to 31") }
            guard LocalDate(start) != nil else { throw ValidationError("--start must be a date of the form YYYY-MM-DD") }
            guard TimeZoneID(timeZone) != nil else { throw ValidationError("--time-zone \(timeZone) is not a known IANA time zone") }
        }

        func run() async throws {
            try await reportingFailures {
                let configuration = ProblemGenerator.Configuration(
                    technicians: technicians, orders: orders, days: days, seed: seed, start: LocalDate(start)!,
                    timeZone: TimeZoneID(timeZone)!, name: name)
                let problem = ProblemGenerator(configuration).generate()
                let data = try ProblemFileWriter.data(problem)
                if let out {
                    try writeFile(data, to: out)
                    StandardError.write(["wrote \(out): \(problem.technicians.count) technicians, \(problem.orders.count) orders, \(problem.horizon.days) day(s)"])
                } else {
                    print(String(decoding: data, as: UTF8.self), terminator: "")
                }
            }
        }
    }
}
