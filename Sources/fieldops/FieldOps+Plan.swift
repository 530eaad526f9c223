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
        @Option(help: "A published plan to re-optimize: changes to it cost policy.weights.planChange each, and the run starts from it.")
        var published: String?
        @Option(help: "With --published: nothing that starts within this many minutes of --now moves.") var freezeMinutes: Int = 0
        @Option(help: "With --published: the current time (RFC 3339); default: the clock.") var now: String?
        @OptionGroup var search: ThreadsOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard timeLimit >= 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be zero or more seconds") }
            if let iterations, iterations < 0 { throw ValidationError("--iterations must be zero or more") }
            guard freezeMinutes >= 0 else { throw ValidationError("--freeze-minutes must be zero or more") }
            if let now, Instant(rfc3339: now) == nil { throw ValidationError("--now must be an RFC 3339 time such as 2026-11-23T10:00:00+01:00") }
            if published == nil && (freezeMinutes > 0 || now != nil) {
                throw ValidationError("--freeze-minutes and --now go with --published")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let loaded = try loadProblem(problem)
                let publishedPlan = try published.map(loadPlan)
                let freeze = publishedPlan.map { _ in
                    Planner.Freeze(now: now.flatMap { Instant(rfc3339: $0) } ?? Instant(Date()), minutes: freezeMinutes)
                }
                let planner = Planner(
                    options: SolverOptions(timeLimit: timeLimit, iterationLimit: iterations, seed: seed, threads: search.threads),
                    published: publishedPlan,
                    freeze: freeze)
                let progress = ProgressLine(enabled: Terminal.isInteractive(fileDescriptor: STDERR_FILENO))
                let outcome = planner.plan(loaded.problem, progress: { progress.show($0) })
                progress.finish()
                let plan = outcome.plan
                if let out {
                    try writeFile(try ProblemFileWriter.data(plan), to: out)
                }
                for line in PlanSummary(plan).render(style: output.style) { print(line) }
                if let publishedPlan {
                    print("")
                    for line in PlanDiffReport(diff: PlanDiff(from: publishedPlan, to: plan), frozen: outcome.frozen.count, zone: plan.problem.horizon.timeZone).render(style: output.style) {
                        print(line)
                    }
                }
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

    /// `search  best 0hard/-3000medium/-81234soft  4.2s  1830 iterations  52000 moves/s`.
    func show(_ report: SolverProgress) {
        show(String(
            format: "%@  best %@  %.1fs  %d iterations  %.0f moves/s", report.phase, report.bestScore.description,
            report.elapsed, report.iterations, report.elapsed > 0 ? Double(report.movesEvaluated) / report.elapsed : 0))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
