import ArgumentParser
import FieldOpsModel
import FieldOpsReports
import FieldOpsScheduler
import Foundation

extension FieldOps {
    struct PlanCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Assign and sequence a problem's work orders, and write the plan.",
            discussion: "Shows a progress line (best score, elapsed, iterations) while it runs on a terminal. The plan JSON is described in docs/plan-format.md.")

        @Argument(help: "The problem file (JSON).") var problem: String
        @Option(help: "Seconds of search after the first plan.") var timeLimit: Double = 10
        @Option(help: "Stop after this many search iterations (with a seed, makes the run repeatable).") var iterations: Int?
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Option(help: "Where to write the plan (JSON).") var out: String?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard timeLimit >= 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be zero or more seconds") }
            if let iterations, iterations < 0 { throw ValidationError("--iterations must be zero or more") }
        }

        func run() async throws {
            try await reportingFailures {
                let loaded = try loadProblem(problem)
                let options = SolverOptions(timeLimit: timeLimit, iterationLimit: iterations, seed: seed)
                let progress = ProgressLine(enabled: Terminal.isInteractive(fileDescriptor: STDERR_FILENO))
                let clock = ContinuousClock()
                let origin = clock.now
                let seconds = { () -> Double in
                    let elapsed = clock.now - origin
                    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                }
                let model = SchedulingModel(problem: loaded.problem)
                let result = Solver(model: model, options: options).solve(clock: seconds) { report in
                    progress.show(String(
                        format: "%@  best %@  %.1fs  %d iterations  %.0f moves/s", report.phase,
                        report.bestScore.description, report.elapsed, report.iterations,
                        report.elapsed > 0 ? Double(report.movesEvaluated) / report.elapsed : 0))
                }
                progress.finish()
                let plan = result.plan(model: model, options: options)
                if let out {
                    try writeFile(try ProblemFileWriter.data(plan), to: out)
                }
                for line in PlanSummary(plan).render(style: output.style) { print(line) }
                if let out { print("wrote \(out)") }
            }
        }
    }
}

/// One line rewritten in place on a terminal (standard error), silent otherwise.
struct ProgressLine {
    var enabled: Bool

    func show(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
