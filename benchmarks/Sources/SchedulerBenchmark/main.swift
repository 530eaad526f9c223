import FieldOpsModel
import FieldOpsScheduler
import Foundation

/// Measures the scheduler's targets (issue "Scheduling engine"), in release mode, and prints a table:
/// - a generated 5,000 orders × 300 technicians × 5 days problem: time to the first feasible plan, peak memory,
///   moves evaluated per second during search;
/// - the demo problem: hard score and reasons after a 10 s run;
/// - emergency insertion into a prepared 1,000-order plan: median of 100 insertions (and the one-shot time).
/// Usage: swift run -c release SchedulerBenchmark [--quick] [--only big|demo|insertion]

let quick = CommandLine.arguments.contains("--quick")
let only = CommandLine.arguments.firstIndex(of: "--only").flatMap {
    CommandLine.arguments.indices.contains($0 + 1) ? CommandLine.arguments[$0 + 1] : nil
}
// The solver's own monotonic clock: seconds since the benchmark started.
let elapsedSinceOrigin = Solver.monotonicClock()
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = elapsedSinceOrigin()
    try body()
    return elapsedSinceOrigin() - start
}
/// This process's peak resident set. Linux's VmHWM belongs to the address space, which `exec` replaces; the
/// rusage maximum survives `exec`, so under `swift run` it reported SwiftPM's own peak (152 MB whatever the
/// problem size) instead of the benchmark's.
func peakMemoryMB() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kilobytes = Double(line.split(whereSeparator: \.isWhitespace)[1]) {
        return kilobytes / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
func row(_ cells: [String]) { print("| " + cells.joined(separator: " | ") + " |") }

print("| measure | value | target | ratio to target |")
print("|---|---|---|---|")

// 1. Large generated problem.
func largeProblem() throws {
    let big = ProblemGenerator(.init(technicians: quick ? 60 : 300, orders: quick ? 1000 : 5000, days: 5, seed: 1)).generate()
    let searchSeconds = quick ? 2.0 : 10.0
    let bigOutcome = Planner(options: SolverOptions(timeLimit: searchSeconds, seed: 1)).plan(big, clock: elapsedSinceOrigin)
    let modelSeconds = bigOutcome.modelSeconds
    let firstFeasible = modelSeconds + bigOutcome.constructionSeconds
    row(["\(big.orders.count) orders × \(big.technicians.count) technicians × 5 days: model build", String(format: "%.2f s", modelSeconds), "", ""])
    row(["… construction (first plan)", String(format: "%.2f s", bigOutcome.constructionSeconds), "", ""])
    row(["… first feasible plan (model + construction), hard = \(bigOutcome.plan.score.hard)", String(format: "%.2f s", firstFeasible), "< 5 s", String(format: "%.2f", firstFeasible / 5)])
    row(["… peak memory", String(format: "%.0f MB", peakMemoryMB()), "< 2048 MB", String(format: "%.2f", peakMemoryMB() / 2048)])
    row(["… moves evaluated per second (search, \(Int(searchSeconds)) s, \(bigOutcome.iterations) iterations)", String(format: "%.0f", Double(bigOutcome.movesEvaluated) / max(bigOutcome.searchSeconds, 1e-9)), "", ""])
    row(["… score after search", bigOutcome.plan.score.description, "", ""])
}

// 2. Demo problem.
func demoProblem() throws {
    let demoPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/demo/problem.json").path
    let demo = try ProblemFileReader.load(contentsOf: demoPath).problem
    let demoLimit = quick ? 2.0 : 9.0
    var demoPlan: Plan!
    let demoSeconds = seconds {
        demoPlan = Planner(options: SolverOptions(timeLimit: demoLimit, seed: 1)).plan(demo, clock: elapsedSinceOrigin).plan
    }
    let reasons = demoPlan.unassigned.allSatisfy { !$0.reason.isEmpty }
    row(["demo: hard = \(demoPlan.score.hard), \(demoPlan.unassigned.count) unassigned all with reasons: \(reasons)", String(format: "%.1f s", demoSeconds), "< 10 s", String(format: "%.2f", demoSeconds / 10)])
}

// 3. Emergency insertion into a 1,000-order plan.
func emergencyInsertion() throws {
    let base = ProblemGenerator(.init(technicians: 200, orders: 1100, days: 1, seed: 3)).generate()
    var baseProblem = base
    let extras = Array(baseProblem.orders.suffix(100))
    baseProblem.orders.removeLast(100)
    let basePlan = Planner(options: SolverOptions(timeLimit: quick ? 1 : 3, seed: 1)).plan(baseProblem, clock: elapsedSinceOrigin).plan
    // Emergencies through the day go into the same prepared plan, one after another (as the server keeps a
    // published plan); `fieldops insert` prepares the plan for each call (the one-shot row, into the base plan).
    var prepared: EmergencyInsertion.Prepared!
    let preparing = seconds { prepared = EmergencyInsertion.Prepared(basePlan) }
    var times: [Double] = []
    var oneShot: [Double] = []
    var placed = 0
    for order in extras {
        var outcome: EmergencyInsertion.Outcome?
        times.append(seconds { outcome = try? prepared.insert(order) })
        if case .placed = outcome { placed += 1 }
        oneShot.append(seconds { _ = try? EmergencyInsertion.insert(order, into: basePlan) })
    }
    times.sort()
    oneShot.sort()
    let median = times[times.count / 2] * 1000
    row(["emergency insertion, 100 one after another into a prepared \(basePlan.assignments.count)-order plan: median (\(placed) placed)", String(format: "%.3f ms", median), "< 1 ms", String(format: "%.2f", median)])
    row(["… 90th percentile", String(format: "%.3f ms", times[times.count * 9 / 10] * 1000), "", ""])
    row(["… preparing the plan (once per published plan)", String(format: "%.1f ms", preparing * 1000), "", ""])
    row(["… one-shot insertion (prepare + insert, as `fieldops insert` does), median", String(format: "%.2f ms", oneShot[oneShot.count / 2] * 1000), "", ""])
}

if only == nil || only == "big" { try largeProblem() }
if only == nil || only == "demo" { try demoProblem() }
if only == nil || only == "insertion" { try emergencyInsertion() }
