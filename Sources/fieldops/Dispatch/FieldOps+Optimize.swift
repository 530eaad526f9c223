import ArgumentParser
import FieldOpsModel
import FieldOpsReports
import FieldOpsScheduler
import FieldOpsStore
import Foundation

extension FieldOps {
    struct Optimize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan the database's open orders and publish the assignments (devices see them on their next pull).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Seconds of search.") var timeLimit: Double = 10
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Option(help: "Also write the plan (JSON) here.") var out: String?
        @OptionGroup var search: ThreadsOption
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let db = try database.open()
                guard let problem = try db.planningProblem() else {
                    throw CommandFailure("\(database.db): nothing imported yet; run `fieldops import --db \(database.db) PROBLEM.json` first")
                }
                let progress = ProgressLine(enabled: Terminal.isInteractive(fileDescriptor: STDERR_FILENO))
                let plan = Planner(options: SolverOptions(timeLimit: timeLimit, seed: seed, threads: search.threads)).plan(problem, progress: { progress.show($0) }).plan
                progress.finish()
                if let out { try writeFile(try ProblemFileWriter.data(plan), to: out) }
                let summary = try db.publish(plan, actor: ProcessInfo.processInfo.environment["USER"] ?? "optimizer", at: Instant(Date()))
                for line in PlanSummary(plan).render(style: output.style, maxUnassigned: 10) { print(line) }
                print("")
                print("published: \(summary.assigned) assigned, \(summary.reassigned) reassigned, \(summary.unassigned) taken back, \(summary.unchanged) unchanged")
            }
        }
    }
}
