import ArgumentParser
import FieldOpsModel
import FieldOpsReports
import FieldOpsScheduler
import Foundation

extension FieldOps {
    struct ScoreCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score",
            abstract: "Judge routes made elsewhere by FieldOps' rules and weights, and write them as a plan.",
            discussion: """
                The routes are a JSON array of {"technicianId", "date", "workOrders": [numbers in visiting order]}, one per \
                technician-day; each day is driven from its start in that order, its break placed where it breaks least. \
                Prints the plan's summary (score, breaches, what is left out), as `fieldops plan` does.
                """)

        @Argument(help: "The problem file (JSON).") var problem: String
        @Option(help: "The routes (JSON).") var routes: String
        @Option(help: "Where to write the plan (JSON).") var out: String?
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let loaded = try loadProblem(problem)
                guard let data = FileManager.default.contents(atPath: routes) else {
                    throw CommandFailure("\(routes): cannot read the file (does it exist?)")
                }
                let given: [RouteScoring.Route]
                do {
                    given = try JSONDecoder().decode([RouteScoring.Route].self, from: data)
                } catch {
                    throw CommandFailure("\(routes): not a list of routes ({\"technicianId\", \"date\", \"workOrders\"}): \(error)")
                }
                let plan: Plan
                do {
                    plan = try RouteScoring.plan(loaded.problem, routes: given)
                } catch let error as RouteScoring.Failure {
                    throw CommandFailure("\(routes): \(error.description)")
                }
                if let out { try writeFile(try ProblemFileWriter.data(plan), to: out) }
                for line in PlanSummary(plan).render(style: output.style) { print(line) }
                if let out { print("wrote \(out)") }
            }
        }
    }
}
